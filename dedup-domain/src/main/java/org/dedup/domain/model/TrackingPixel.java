package org.dedup.domain.model;

/** The browser identifier the CRM plugin attaches to chat and engagement-page requests. */
public record TrackingPixel(String id) {
    public TrackingPixel {
        Require.maxLength(Require.nonBlank(id, "tracking pixel"), 256, "tracking pixel");
    }
}
