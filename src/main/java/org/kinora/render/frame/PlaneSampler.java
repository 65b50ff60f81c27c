package org.kinora.render.frame;

import org.kinora.image.Kernel;
import org.kinora.image.RowPlane;
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
    private float[] tmp2 = new float[0];
    private float[] line = new float[0];

    /**
     * @param colWeight per-column opacity (indexed by plane column) or null for 1
     * @param rowWeight per-row opacity (indexed by plane row) or null for 1
     * @param alpha overall opacity; below 1 (or with weights) the result is mixed over dst
     */
    void sample(RowPlane src, Kernel kernel, double u0, double du, double v0, double dv,
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
        int cmax = cols.max();
        int span = src.width();
        if (tmp.length < span) {
            tmp = new float[span];
        }
        if (line.length < nx) {
            line = new float[nx];
        }
        float[][] s = src.rows();
        int rc = rows.count();
        float[] rw = rows.weights();
        int cc = cols.count();
        float[] cw = cols.weights();
        int[] cs = cols.starts();
        float[] t = tmp;
        float[] l = line;
        boolean opaque = colWeight == null && rowWeight == null && alpha >= 1f;
        int j = 0;
        if (opaque) {
            // Two rows at a time: each column's taps are loaded once for both rows.
            if (tmp2.length < span) {
                tmp2 = new float[span];
            }
            float[] t2 = tmp2;
            for (; j + 1 < ny; j += 2) {
                vertical(s, rows.start(j), cmin, cmax, rw, j * rc, rc, t);
                vertical(s, rows.start(j + 1), cmin, cmax, rw, (j + 1) * rc, rc, t2);
                int d = (y0 + j) * dstWidth + x0;
                horizontalStore2(t, t2, cs, 0, cw, cc, dst, d, d + dstWidth, nx);
            }
        }
        for (; j < ny; j++) {
            vertical(s, rows.start(j), cmin, cmax, rw, j * rc, rc, t);
            horizontal(t, cs, 0, cw, cc, l, nx);
            int d = (y0 + j) * dstWidth + x0;
            if (opaque) {
                store(l, dst, d, nx);
            } else {
                float rowAlpha = alpha * (rowWeight == null ? 1f : rowWeight[y0 + j]);
                mix(l, dst, d, nx, colWeight, x0, rowAlpha);
            }
        }
    }

    /** Rounds to the nearest int without the slow path of a (int) cast: exact for |v| < 2^22. */
    private static int toByteRange(float v) {
        int i = Float.floatToRawIntBits(v + 12582912f) - 0x4B400000;
        return i < 0 ? 0 : Math.min(255, i);
    }

    private static void horizontalStore2(float[] t, float[] u, int[] cs, int cmin, float[] cw, int cc,
                                         byte[] dst, int d, int d2, int nx) {
        switch (cc) {
            case 4 -> {
                for (int i = 0, o = 0; i < nx; i++, o += 4) {
                    int b = cs[i] - cmin;
                    float w0 = cw[o];
                    float w1 = cw[o + 1];
                    float w2 = cw[o + 2];
                    float w3 = cw[o + 3];
                    float a0 = w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3];
                    float a1 = w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3];
                    dst[d + i] = (byte) toByteRange(a0);
                    dst[d2 + i] = (byte) toByteRange(a1);
                }
            }
            case 5 -> {
                for (int i = 0, o = 0; i < nx; i++, o += 5) {
                    int b = cs[i] - cmin;
                    float w0 = cw[o];
                    float w1 = cw[o + 1];
                    float w2 = cw[o + 2];
                    float w3 = cw[o + 3];
                    float w4 = cw[o + 4];
                    float a0 = w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3] + w4 * t[b + 4];
                    float a1 = w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3] + w4 * u[b + 4];
                    dst[d + i] = (byte) toByteRange(a0);
                    dst[d2 + i] = (byte) toByteRange(a1);
                }
            }
            case 6 -> {
                for (int i = 0, o = 0; i < nx; i++, o += 6) {
                    int b = cs[i] - cmin;
                    float w0 = cw[o];
                    float w1 = cw[o + 1];
                    float w2 = cw[o + 2];
                    float w3 = cw[o + 3];
                    float w4 = cw[o + 4];
                    float w5 = cw[o + 5];
                    float a0 = w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3] + w4 * t[b + 4]
                            + w5 * t[b + 5];
                    float a1 = w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3] + w4 * u[b + 4]
                            + w5 * u[b + 5];
                    dst[d + i] = (byte) toByteRange(a0);
                    dst[d2 + i] = (byte) toByteRange(a1);
                }
            }
            default -> {
                for (int i = 0, o = 0; i < nx; i++, o += cc) {
                    int b = cs[i] - cmin;
                    float a0 = 0;
                    float a1 = 0;
                    for (int k = 0; k < cc; k++) {
                        a0 += cw[o + k] * t[b + k];
                        a1 += cw[o + k] * u[b + k];
                    }
                    dst[d + i] = (byte) toByteRange(a0);
                    dst[d2 + i] = (byte) toByteRange(a1);
                }
            }
        }
    }

    /**
     * One output row's vertical filtering over source columns [c0, c1), written to t at the same
     * column index; up to 4 taps per sweep. Every array is indexed by the loop variable alone, so
     * HotSpot vectorises these loops.
     */
    private static void vertical(float[][] s, int r0, int c0, int c1, float[] w, int wo, int rc, float[] t) {
        int tap = 0;
        boolean first = true;
        while (tap < rc) {
            int left = rc - tap;
            float[] a = s[r0 + tap];
            if (left >= 4) {
                float w0 = w[wo + tap];
                float w1 = w[wo + tap + 1];
                float w2 = w[wo + tap + 2];
                float w3 = w[wo + tap + 3];
                float[] b = s[r0 + tap + 1];
                float[] c = s[r0 + tap + 2];
                float[] d = s[r0 + tap + 3];
                if (first) {
                    for (int k = c0; k < c1; k++) {
                        t[k] = w0 * a[k] + w1 * b[k] + w2 * c[k] + w3 * d[k];
                    }
                } else {
                    for (int k = c0; k < c1; k++) {
                        t[k] += w0 * a[k] + w1 * b[k] + w2 * c[k] + w3 * d[k];
                    }
                }
                tap += 4;
            } else if (left >= 2) {
                float w0 = w[wo + tap];
                float w1 = w[wo + tap + 1];
                float[] b = s[r0 + tap + 1];
                if (first) {
                    for (int k = c0; k < c1; k++) {
                        t[k] = w0 * a[k] + w1 * b[k];
                    }
                } else {
                    for (int k = c0; k < c1; k++) {
                        t[k] += w0 * a[k] + w1 * b[k];
                    }
                }
                tap += 2;
            } else {
                float w0 = w[wo + tap];
                if (first) {
                    for (int k = c0; k < c1; k++) {
                        t[k] = w0 * a[k];
                    }
                } else {
                    for (int k = c0; k < c1; k++) {
                        t[k] += w0 * a[k];
                    }
                }
                tap += 1;
            }
            first = false;
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
            dst[d + i] = (byte) toByteRange(l[i]);
        }
    }

    private static void mix(float[] l, byte[] dst, int d, int n, float[] colWeight, int x0, float rowAlpha) {
        for (int i = 0; i < n; i++) {
            float w = colWeight == null ? rowAlpha : rowAlpha * colWeight[x0 + i];
            if (w <= 0f) {
                continue;
            }
            float old = dst[d + i] & 0xff;
            dst[d + i] = (byte) toByteRange(old + (l[i] - old) * Math.min(1f, w));
        }
    }
}
