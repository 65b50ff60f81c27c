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

    static RgbImage resize(BufferedImage image, int w, int h, Kernel kernel) {
        RowReader reader = new RowReader(image);
        int sw = image.getWidth();
        int sh = image.getHeight();
        Taps cols = new Taps().compute(kernel, sw, 0.5 * sw / w, (double) sw / w, w);
        Taps rows = new Taps().compute(kernel, sh, 0.5 * sh / h, (double) sh / h, h);
        int rc = rows.count();
        int ring = rc;
        int n = 3 * sw;
        float[][] source = new float[ring][n];
        float[] sum = new float[n];
        RgbImage out = RgbImage.blank(w, h);
        float[] rw = rows.weights();
        int next = 0;
        for (int y = 0; y < h; y++) {
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
            float w0 = rw[y * rc];
            float[] s0 = source[first % ring];
            for (int i = 0; i < n; i++) {
                sum[i] = w0 * s0[i];
            }
            for (int t = 1; t < rc; t++) {
                float wt = rw[y * rc + t];
                float[] src = source[(first + t) % ring];
                for (int i = 0; i < n; i++) {
                    sum[i] += wt * src[i];
                }
            }
            horizontal(sum, cols, out, y);
        }
        return out;
    }

    /** One output row from one vertically filtered, interleaved source row. */
    private static void horizontal(float[] src, Taps cols, RgbImage out, int y) {
        int w = out.width();
        float[] r = out.red().data();
        float[] g = out.green().data();
        float[] b = out.blue().data();
        int cc = cols.count();
        float[] cw = cols.weights();
        int[] starts = cols.starts();
        int o = y * w;
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
}
