package org.kinora.model;

import java.util.Objects;

/** Argument checks shared by the model's compact constructors; messages name the field. */
final class Checks {
    private Checks() {
    }

    static void inRange(String field, double value, double min, double max) {
        within(field, value, new Limits(min, max));
    }

    static void inRange(String field, int value, int min, int max) {
        within(field, value, new Limits(min, max));
    }

    static void finiteNonNegative(String field, double value) {
        within(field, value, Limits.NON_NEGATIVE);
    }

    static void within(String field, double value, Limits limits) {
        String problem = limits.problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
    }

    static <T> T notNull(String field, T value) {
        return Objects.requireNonNull(value, () -> field + " is missing");
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
