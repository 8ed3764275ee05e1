package org.dedup.app.cli;

/** Who a command acts as: the --actor given, else the user running it. */
final class Actors {
    private Actors() {
    }

    static String of(String given) {
        return given == null || given.isBlank() ? "cli:" + System.getProperty("user.name", "unknown") : given;
    }
}
