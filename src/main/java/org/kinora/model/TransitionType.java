package org.kinora.model;

/** How one slide gives way to the next. */
public enum TransitionType {
    CUT,
    CROSSFADE,
    FADE_BLACK,
    FADE_WHITE,
    WIPE_LEFT,
    WIPE_RIGHT,
    WIPE_UP,
    WIPE_DOWN,
    PUSH_LEFT,
    PUSH_RIGHT,
    PUSH_UP,
    PUSH_DOWN,
    ZOOM_DISSOLVE;

    /** The lower-case, dash-separated name used in project files and on the command line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()} (case and '-'/'_' insensitive). */
    public static TransitionType fromId(String id) {
        String key = id.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (TransitionType t : values()) {
            if (t.name().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transition '" + id + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(TransitionType::id).toList()));
    }
}
