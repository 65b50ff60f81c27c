package org.kinora.render.frame;

/**
 * How much of each output sample's footprint an interval covers, for luma (pixel i spans [i, i+1))
 * and for chroma (4:2:0, H.264 siting: horizontally co-sited with even luma columns, so chroma
 * column i spans luma [2i - 0.5, 2i + 1.5); vertically centred, so chroma row j spans [2j, 2j + 2)).
 * Footprints are cut at the frame edge. Fractional coverage gives antialiased, sub-pixel exact edges.
 */
final class Coverage {

    private Coverage() {
    }

    /**
     * Fills {@code out[0..n)} with the coverage of [a, b) and {@code range} with [first, last), the
     * samples whose coverage is not zero.
     */
    static void luma(double a, double b, int n, float[] out, int[] range) {
        fill(a, b, n, out, range, 1, 0, 1, n);
    }

    static void chromaColumns(double a, double b, int n, float[] out, int[] range, int lumaSize) {
        fill(a, b, n, out, range, 2, -0.5, 2, lumaSize);
    }

    static void chromaRows(double a, double b, int n, float[] out, int[] range, int lumaSize) {
        fill(a, b, n, out, range, 2, 0, 2, lumaSize);
    }

    private static void fill(double a, double b, int n, float[] out, int[] range,
                             double stride, double offset, double length, int lumaSize) {
        int first = n;
        int last = 0;
        for (int i = 0; i < n; i++) {
            double f0 = Math.max(0, stride * i + offset);
            double f1 = Math.min(lumaSize, stride * i + offset + length);
            double covered = Math.min(f1, b) - Math.max(f0, a);
            float c = covered <= 0 ? 0f : (float) Math.min(1.0, covered / (f1 - f0));
            if (c > 0.99999f) {
                c = 1f;
            }
            out[i] = c;
            if (c > 0) {
                first = Math.min(first, i);
                last = i + 1;
            }
        }
        range[0] = first;
        range[1] = Math.max(first, last);
    }

    /** True when every value in [first, last) is 1 and the range is the whole axis. */
    static boolean full(float[] w, int[] range, int n) {
        if (range[0] != 0 || range[1] != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (w[i] != 1f) {
                return false;
            }
        }
        return true;
    }
}
