package org.kinora.image;

/**
 * A float RGB picture held in 6 bytes a pixel instead of 12: each sample as a 16-bit fixed-point
 * number, 1/64 of a level, from -512 to +512 (a downscale may ring a little past 0..255). It is
 * for the one place a whole decoded picture must exist: a photo stored turned (EXIF orientation)
 * can be read upright only once all of it is decoded. The rounding, at most 1/128 of a level, is
 * far below the 8-bit step the frames end in, and it halves that moment's heap.
 */
final class CompactRgb implements RgbRowSink {

    private static final float SCALE = 64f;

    private final int width;
    private final int height;
    private final short[] red;
    private final short[] green;
    private final short[] blue;

    CompactRgb(int width, int height) {
        this.width = width;
        this.height = height;
        int n = Math.multiplyExact(width, height);
        this.red = new short[n];
        this.green = new short[n];
        this.blue = new short[n];
    }

    /** Heap the samples take for a {@code pixels}-pixel picture. */
    static long bytes(long pixels) {
        return 6 * pixels;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    @Override
    public void row(int y, float[] r, float[] g, float[] b) {
        int at = y * width;
        for (int x = 0; x < width; x++) {
            red[at + x] = pack(r[x]);
            green[at + x] = pack(g[x]);
            blue[at + x] = pack(b[x]);
        }
    }

    /** Sample i (row-major) of each channel, back as floats. */
    float red(int i) {
        return red[i] / SCALE;
    }

    float green(int i) {
        return green[i] / SCALE;
    }

    float blue(int i) {
        return blue[i] / SCALE;
    }

    private static short pack(float v) {
        return (short) Math.round(Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v * SCALE)));
    }
}
