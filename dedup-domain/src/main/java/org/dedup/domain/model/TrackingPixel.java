package org.dedup.domain.model;

import java.io.Serializable;

/** The browser identifier the CRM plugin attaches to chat and engagement-page requests. */
public record TrackingPixel(String id) implements Serializable {
    public TrackingPixel {
        Require.maxLength(Require.nonBlank(id, "tracking pixel"), 256, "tracking pixel");
    }
}
