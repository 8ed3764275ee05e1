package org.dedup.app.http;

import java.util.List;

/** One area of the API (leads, review, webhooks...): the routes it answers. */
interface Resource {
    List<Route> routes();
}
