package org.kinora.model;

import java.util.Locale;

/** An opaque sRGB colour, written as {@code #rrggbb}. */
public record RgbColor(int red, int green, int blue) {

    public static final RgbColor BLACK = new RgbColor(0, 0, 0);
    public static final RgbColor WHITE = new RgbColor(255, 255, 255);

    public RgbColor {
        Checks.inRange("colour red", red, 0, 255);
        Checks.inRange("colour green", green, 0, 255);
        Checks.inRange("colour blue", blue, 0, 255);
    }

    public static RgbColor parse(String hex) {
        String s = hex.trim();
        if (!s.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour must look like #rrggbb, was '" + hex + "'");
        }
        int v = Integer.parseInt(s.substring(1), 16);
        return new RgbColor(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }

    public int rgb() {
        return red << 16 | green << 8 | blue;
    }

    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }
}
