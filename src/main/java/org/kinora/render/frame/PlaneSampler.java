package org.kinora.render.frame;

import org.kinora.image.Kernel;
import org.kinora.image.Plane;
import org.kinora.image.Taps;

/**
 * The hot path: resamples a region of one output plane from one source plane through an affine
 * map, separably, vertical pass first.
 *
 * <p>Output sample x (continuous centre x + 0.5) reads source coordinate {@code u0 + du * (x + 0.5)}
 * (and likewise for rows): positions are doubles, never rounded, so motion is sub-pixel exact.
 * The vertical pass runs over contiguous source rows (the JIT vectorises it) and leaves one
 * filtered row per output row; the horizontal pass then applies precomputed per-column taps.
 * Holds its scratch arrays: one instance per thread, nothing allocated per frame.
 */
final class PlaneSampler {

    private final Taps cols = new Taps();
    private final Taps rows = new Taps();
    private float[] tmp = new float[0];
    private float[] line = new float[0];

    /**
     * @param colWeight per-column opacity (indexed by plane column) or null for 1
     * @param rowWeight per-row opacity (indexed by plane row) or null for 1
     * @param alpha overall opacity; below 1 (or with weights) the result is mixed over dst
     */
    void sample(Plane src, Kernel kernel, double u0, double du, double v0, double dv,
                byte[] dst, int dstWidth, int x0, int x1, int y0, int y1,
                float[] colWeight, float[] rowWeight, float alpha) {
        int nx = x1 - x0;
        int ny = y1 - y0;
        if (nx <= 0 || ny <= 0 || alpha <= 0) {
            return;
        }
        cols.compute(kernel, src.width(), u0 + du * (x0 + 0.5), du, nx);
        rows.compute(kernel, src.height(), v0 + dv * (y0 + 0.5), dv, ny);
        int cmin = cols.min();
        int span = cols.max() - cmin;
        if (tmp.length < span) {
            tmp = new float[span];
        }
        if (line.length < nx) {
            line = new float[nx];
        }
        float[] s = src.data();
        int sw = src.width();
        int rc = rows.count();
        float[] rw = rows.weights();
        int cc = cols.count();
        float[] cw = cols.weights();
        int[] cs = cols.starts();
        float[] t = tmp;
        float[] l = line;
        boolean opaque = colWeight == null && rowWeight == null && alpha >= 1f;
        for (int j = 0; j < ny; j++) {
            vertical(s, sw, rows.start(j), cmin, rw, j * rc, rc, t, span);
            horizontal(t, cs, cmin, cw, cc, l, nx);
            int d = (y0 + j) * dstWidth + x0;
            if (opaque) {
                store(l, dst, d, nx);
            } else {
                float rowAlpha = alpha * (rowWeight == null ? 1f : rowWeight[y0 + j]);
                mix(l, dst, d, nx, colWeight, x0, rowAlpha);
            }
        }
    }

    private static void vertical(float[] s, int sw, int r0, int c0, float[] w, int wo, int rc, float[] t, int n) {
        int a = r0 * sw + c0;
        if (rc == 1) {
            float wa = w[wo];
            for (int k = 0; k < n; k++) {
                t[k] = wa * s[a + k];
            }
            return;
        }
        float wa = w[wo];
        float wb = w[wo + 1];
        int b = a + sw;
        for (int k = 0; k < n; k++) {
            t[k] = wa * s[a + k] + wb * s[b + k];
        }
        int tap = 2;
        for (; tap + 1 < rc; tap += 2) {
            float w0 = w[wo + tap];
            float w1 = w[wo + tap + 1];
            int p = a + tap * sw;
            int q = p + sw;
            for (int k = 0; k < n; k++) {
                t[k] += w0 * s[p + k] + w1 * s[q + k];
            }
        }
        if (tap < rc) {
            float w0 = w[wo + tap];
            int p = a + tap * sw;
            for (int k = 0; k < n; k++) {
                t[k] += w0 * s[p + k];
            }
        }
    }

    private static void horizontal(float[] t, int[] cs, int cmin, float[] cw, int cc, float[] l, int nx) {
        switch (cc) {
            case 4 -> {
                for (int i = 0, o = 0; i < nx; i++, o += 4) {
                    int b = cs[i] - cmin;
                    l[i] = cw[o] * t[b] + cw[o + 1] * t[b + 1] + cw[o + 2] * t[b + 2] + cw[o + 3] * t[b + 3];
                }
            }
            case 5 -> {
                for (int i = 0, o = 0; i < nx; i++, o += 5) {
                    int b = cs[i] - cmin;
                    l[i] = cw[o] * t[b] + cw[o + 1] * t[b + 1] + cw[o + 2] * t[b + 2] + cw[o + 3] * t[b + 3]
                            + cw[o + 4] * t[b + 4];
                }
            }
            case 6 -> {
                for (int i = 0, o = 0; i < nx; i++, o += 6) {
                    int b = cs[i] - cmin;
                    l[i] = cw[o] * t[b] + cw[o + 1] * t[b + 1] + cw[o + 2] * t[b + 2] + cw[o + 3] * t[b + 3]
                            + cw[o + 4] * t[b + 4] + cw[o + 5] * t[b + 5];
                }
            }
            default -> {
                for (int i = 0, o = 0; i < nx; i++, o += cc) {
                    int b = cs[i] - cmin;
                    float acc = 0;
                    for (int k = 0; k < cc; k++) {
                        acc += cw[o + k] * t[b + k];
                    }
                    l[i] = acc;
                }
            }
        }
    }

    private static void store(float[] l, byte[] dst, int d, int n) {
        for (int i = 0; i < n; i++) {
            int v = (int) (l[i] + 0.5f);
            dst[d + i] = (byte) (v < 0 ? 0 : Math.min(255, v));
        }
    }

    private static void mix(float[] l, byte[] dst, int d, int n, float[] colWeight, int x0, float rowAlpha) {
        for (int i = 0; i < n; i++) {
            float w = colWeight == null ? rowAlpha : rowAlpha * colWeight[x0 + i];
            if (w <= 0f) {
                continue;
            }
            float old = dst[d + i] & 0xff;
            int v = (int) (old + (l[i] - old) * Math.min(1f, w) + 0.5f);
            dst[d + i] = (byte) (v < 0 ? 0 : Math.min(255, v));
        }
    }
}
