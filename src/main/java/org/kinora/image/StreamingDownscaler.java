package org.kinora.image;

import java.awt.image.BufferedImage;

/**
 * Resizes a decoded image to a target size with a separable kernel, holding only a few filtered
 * rows at a time: the full-resolution image is never copied into float planes.
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
        int ring = rows.count();
        float[][][] filtered = new float[3][ring][w];
        float[] r = new float[sw];
        float[] g = new float[sw];
        float[] b = new float[sw];
        float[][] in = {r, g, b};
        RgbImage out = RgbImage.blank(w, h);
        float[][] outPlanes = {out.red().data(), out.green().data(), out.blue().data()};
        int cc = cols.count();
        float[] cw = cols.weights();
        int rc = rows.count();
        float[] rw = rows.weights();
        int next = 0;
        for (int y = 0; y < h; y++) {
            int first = rows.start(y);
            while (next < first + rc) {
                if (next >= first) {
                    reader.read(next, r, g, b);
                    int slot = next % ring;
                    for (int c = 0; c < 3; c++) {
                        float[] src = in[c];
                        float[] dst = filtered[c][slot];
                        for (int x = 0; x < w; x++) {
                            int s = cols.start(x);
                            int wo = x * cc;
                            float acc = 0;
                            for (int t = 0; t < cc; t++) {
                                acc += cw[wo + t] * src[s + t];
                            }
                            dst[x] = acc;
                        }
                    }
                }
                next++;
            }
            for (int c = 0; c < 3; c++) {
                float[] dst = outPlanes[c];
                int o = y * w;
                for (int t = 0; t < rc; t++) {
                    float wt = rw[y * rc + t];
                    float[] src = filtered[c][(first + t) % ring];
                    for (int x = 0; x < w; x++) {
                        dst[o + x] += wt * src[x];
                    }
                }
            }
        }
        return out;
    }
}
