package org.kinora.model;

/** The video a project renders to. Width and height are even, as YUV 4:2:0 requires. */
public record OutputSettings(int width, int height, int fps, Quality quality, EncoderPreference encoder) {

    public static final int MIN_SIZE = 16;
    public static final int MAX_SIZE = 8192;
    public static final int MAX_FPS = 240;
    /** Width and height, each. */
    public static final Limits SIZE = new Limits(MIN_SIZE, MAX_SIZE);
    public static final Limits FPS = new Limits(1, MAX_FPS);
    /**
     * The largest frame H.264 allows (level 6.2): 139,264 macroblocks of 16x16, so 8192x4320 but
     * not 8192x8192. A larger frame is encoded anyway and tagged 6.2, a stream players may refuse.
     */
    public static final int MAX_MACROBLOCKS = 139_264;
    public static final OutputSettings FULL_HD =
            new OutputSettings(1920, 1080, 30, Quality.STANDARD, EncoderPreference.AUTO);

    public OutputSettings {
        Checks.within("output width", width, SIZE);
        Checks.within("output height", height, SIZE);
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("output size must be even, was " + width + "x" + height);
        }
        long macroblocks = (long) ((width + 15) / 16) * ((height + 15) / 16);
        if (macroblocks > MAX_MACROBLOCKS) {
            throw new IllegalArgumentException("output size " + width + "x" + height + " is too large for H.264: "
                    + macroblocks + " macroblocks of 16x16, more than the limit of " + MAX_MACROBLOCKS
                    + " (level 6.2; 8192x4320 fits)");
        }
        Checks.within("output fps", fps, FPS);
        Checks.notNull("output quality", quality);
        Checks.notNull("output encoder", encoder);
    }

    public double aspect() {
        return (double) width / height;
    }

    public OutputSettings withSize(int w, int h) {
        return new OutputSettings(w, h, fps, quality, encoder);
    }

    public OutputSettings withFps(int value) {
        return new OutputSettings(width, height, value, quality, encoder);
    }

    public OutputSettings withQuality(Quality value) {
        return new OutputSettings(width, height, fps, value, encoder);
    }

    public OutputSettings withEncoder(EncoderPreference value) {
        return new OutputSettings(width, height, fps, quality, value);
    }

    /** Parses "1920x1080". */
    public static int[] parseSize(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("size must look like 1920x1080, was '" + text + "'");
        }
        try {
            return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size must look like 1920x1080, was '" + text + "'");
        }
    }
}
