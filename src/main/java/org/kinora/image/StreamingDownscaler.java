package org.kinora.image;

import java.awt.image.BufferedImage;

/**
 * Resizes a decoded image to a target size with a separable kernel, holding only a few source
 * rows at a time: the full-resolution image is never copied into float planes.
 *
 * <p>Vertical pass first: the few source rows an output row needs are combined into one
 * full-width row (a contiguous multiply-add the JIT vectorises), and only the output rows then go
 * through the scalar horizontal pass. Horizontal-first would run the scalar pass over every source
 * row, about {@code sourceHeight / targetHeight} times as much work. Rows are kept interleaved
 * (r, g, b per pixel) so the horizontal pass reads each weight once for three channels.
 */
final class StreamingDownscaler {

    private StreamingDownscaler() {
    }

    /**
     * From this reduction factor on (both axes), source rows are first averaged in 2x2 blocks.
     * The kernel pass that follows still reduces by at least BOX_MIN_RATIO / 2, so it, not the
     * box, sets the passband; the box only halves the rows and columns it has to weigh.
     */
    static final double BOX_MIN_RATIO = 2.5;

    static RgbImage resize(BufferedImage image, int w, int h, Kernel kernel) {
        RgbImage out = RgbImage.blank(w, h);
        resize(image, w, h, null, kernel, out.rows());
        return out;
    }

    /** Only {@code window} (of the w x h result, null: all of it), row by row into {@code sink}. */
    static void resize(BufferedImage image, int w, int h, PhotoWindow window, Kernel kernel, RgbRowSink sink) {
        resize(new RowReader(image), image.getWidth(), image.getHeight(), 1, w, h, window, kernel, sink);
    }

    /**
     * Resizes {@code image}, a {@code fullW} x {@code fullH} image that its decoder already reduced
     * by {@code reduced} (1, 2, 4 or 8: a JPEG decoded in the DCT domain), pixel i of a row
     * standing for full-resolution pixels [reduced * i, reduced * (i + 1)), row by row into
     * {@code sink}. Only {@code window} of the w x h result is computed (null: all of it): its
     * pixels are those of the whole result (to float rounding), and source rows outside its reach
     * are never read or converted.
     */
    static void resize(RgbRows image, int fullW, int fullH, int reduced, int w, int h,
                       PhotoWindow window, Kernel kernel, RgbRowSink sink) {
        PhotoWindow win = window == null ? new PhotoWindow(0, 0, w, h) : window;
        if (!win.fitsIn(w, h)) {
            throw new IllegalArgumentException("window " + win + " outside " + w + "x" + h);
        }
        boolean box = Math.min((double) fullW / (reduced * w), (double) fullH / (reduced * h)) >= BOX_MIN_RATIO;
        BoxRows reader = new BoxRows(image, box);
        int sw = reader.width();
        int sh = reader.height();
        // Exact geometry: a box-reduced pixel i covers full-resolution [2i, 2i + 2) (times the
        // decoder's reduction), so full coordinate u is u / 2 here; centre and step are scaled,
        // never the rounded sizes.
        double f = (box ? 0.5 : 1.0) / reduced;
        Taps cols = new Taps().compute(kernel, sw, f * (win.x() + 0.5) * fullW / w, f * fullW / w, win.width());
        Taps rows = new Taps().compute(kernel, sh, f * (win.y() + 0.5) * fullH / h, f * fullH / h, win.height());
        int rc = rows.count();
        int ring = rc;
        int n = 3 * sw;
        float[][] source = new float[ring][n];
        float[] sum = new float[n];
        float[] r = new float[win.width()];
        float[] g = new float[win.width()];
        float[] b = new float[win.width()];
        float[] rw = rows.weights();
        int next = 0;
        for (int y = 0; y < win.height(); y++) {
            int first = rows.start(y);
            // Rows enter the ring in order; rows before the window are never needed again
            // (window starts never decrease).
            if (next < first) {
                next = first;
            }
            while (next < first + rc) {
                reader.read(next, source[next % ring]);
                next++;
            }
            vertical(source, first, rw, y * rc, rc, sum);
            horizontal(sum, cols, r, g, b);
            sink.row(y, r, g, b);
        }
    }

    /**
     * One vertically filtered row: {@code rc} ring rows from {@code first} on, weighted. A method
     * of its own so the JIT compiles it once, rather than compiling the whole resize again on the
     * stack (OSR) for each photo's long loop.
     */
    private static void vertical(float[][] ring, int first, float[] weights, int wo, int rc, float[] sum) {
        int n = sum.length;
        float w0 = weights[wo];
        float[] s0 = ring[first % ring.length];
        for (int i = 0; i < n; i++) {
            sum[i] = w0 * s0[i];
        }
        for (int t = 1; t < rc; t++) {
            float wt = weights[wo + t];
            float[] src = ring[(first + t) % ring.length];
            for (int i = 0; i < n; i++) {
                sum[i] += wt * src[i];
            }
        }
    }

    /** One output row from one vertically filtered, interleaved source row. */
    private static void horizontal(float[] src, Taps cols, float[] r, float[] g, float[] b) {
        int w = r.length;
        int cc = cols.count();
        float[] cw = cols.weights();
        int[] starts = cols.starts();
        int o = 0;
        for (int x = 0; x < w; x++) {
            int s = 3 * starts[x];
            int wo = x * cc;
            float ar = 0;
            float ag = 0;
            float ab = 0;
            for (int t = 0; t < cc; t++, s += 3) {
                float wt = cw[wo + t];
                ar += wt * src[s];
                ag += wt * src[s + 1];
                ab += wt * src[s + 2];
            }
            r[o + x] = ar;
            g[o + x] = ag;
            b[o + x] = ab;
        }
    }

    /** Source rows as the kernel pass sees them: as decoded, or averaged in 2x2 blocks. */
    private static final class BoxRows {
        private final RgbRows reader;
        private final int fullW;
        private final int fullH;
        private final boolean box;
        private final float[] a;
        private final float[] b;

        BoxRows(RgbRows reader, boolean box) {
            this.reader = reader;
            this.fullW = reader.width();
            this.fullH = reader.height();
            this.box = box;
            this.a = box ? new float[3 * fullW] : null;
            this.b = box ? new float[3 * fullW] : null;
        }

        int width() {
            return box ? (fullW + 1) / 2 : fullW;
        }

        int height() {
            return box ? (fullH + 1) / 2 : fullH;
        }

        /** Row y, interleaved r, g, b; an odd last row or column is averaged with itself. */
        void read(int y, float[] rgb) {
            if (!box) {
                reader.read(y, rgb);
                return;
            }
            reader.read(2 * y, a);
            int n = 3 * fullW;
            if (2 * y + 1 < fullH) {
                reader.read(2 * y + 1, b);
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    a[i] += a[i];
                }
            }
            int pairs = fullW / 2;
            for (int x = 0, i = 0, s = 0; x < pairs; x++, i += 3, s += 6) {
                rgb[i] = 0.25f * (a[s] + a[s + 3]);
                rgb[i + 1] = 0.25f * (a[s + 1] + a[s + 4]);
                rgb[i + 2] = 0.25f * (a[s + 2] + a[s + 5]);
            }
            if ((fullW & 1) != 0) {
                int i = 3 * pairs;
                int s = 6 * pairs;
                rgb[i] = 0.5f * a[s];
                rgb[i + 1] = 0.5f * a[s + 1];
                rgb[i + 2] = 0.5f * a[s + 2];
            }
        }
    }
}
