package org.kinora.image;

/** One channel of an image as floats, row-major, no padding. Values on the 8-bit scale (0..255). */
public record Plane(int width, int height, float[] data) {

    public Plane {
        if (width <= 0 || height <= 0 || data.length < (long) width * height) {
            throw new IllegalArgumentException("bad plane " + width + "x" + height);
        }
    }

    public Plane(int width, int height) {
        this(width, height, new float[width * height]);
    }

    public float at(int x, int y) {
        return data[y * width + x];
    }

    public long bytes() {
        return 4L * data.length;
    }

    /** This plane resampled to the given size with a kernel (stretched when minifying). */
    public Plane resize(int w, int h, Kernel kernel) {
        Taps cols = new Taps().compute(kernel, width, 0.5 * width / w, (double) width / w, w);
        Taps rows = new Taps().compute(kernel, height, 0.5 * height / h, (double) height / h, h);
        float[] tmp = new float[width * h];
        // Vertical first: contiguous rows, a loop the JIT vectorises.
        int rc = rows.count();
        float[] rw = rows.weights();
        for (int y = 0; y < h; y++) {
            int o = y * width;
            int s = rows.start(y);
            for (int t = 0; t < rc; t++) {
                float wt = rw[y * rc + t];
                int so = (s + t) * width;
                for (int x = 0; x < width; x++) {
                    tmp[o + x] += wt * data[so + x];
                }
            }
        }
        float[] out = new float[w * h];
        int cc = cols.count();
        float[] cw = cols.weights();
        for (int y = 0; y < h; y++) {
            int ti = y * width;
            int oi = y * w;
            for (int x = 0; x < w; x++) {
                int s = ti + cols.start(x);
                int wo = x * cc;
                float acc = 0;
                for (int t = 0; t < cc; t++) {
                    acc += cw[wo + t] * tmp[s + t];
                }
                out[oi + x] = acc;
            }
        }
        return new Plane(w, h, out);
    }
}
