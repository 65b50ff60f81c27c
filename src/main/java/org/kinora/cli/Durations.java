package org.kinora.cli;

import java.util.Locale;

/** Formats durations for people: "0:37", "1:02:05". */
final class Durations {

    private Durations() {
    }

    static String format(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
