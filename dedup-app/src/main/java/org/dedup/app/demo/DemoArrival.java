package org.dedup.app.demo;

import org.dedup.domain.control.IncomingLead;

/** One generated incoming lead and the person it really belongs to (the truth the demo scores against). */
public record DemoArrival(IncomingLead lead, int person, String variation) {
}
