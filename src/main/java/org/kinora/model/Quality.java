package org.kinora.model;

import java.util.Locale;

/**
 * Output quality, as the user picks it. Each level maps to a libx264 CRF and preset and to an
 * NVENC constant-quality value, so one setting means the same thing on every encoder.
 */
public enum Quality {
    DRAFT(26, "veryfast"),
    STANDARD(20, "fast"),
    HIGH(17, "medium");

    private final int crf;
    private final String x264Preset;

    Quality(int crf, String x264Preset) {
        this.crf = crf;
        this.x264Preset = x264Preset;
    }

    /** libx264 constant rate factor (lower is better; 0 is lossless). */
    public int crf() {
        return crf;
    }

    public String x264Preset() {
        return x264Preset;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Quality fromId(String id) {
        try {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown quality '" + id + "'; known: draft, standard, high");
        }
    }
}
