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
    /** The horizontal pass on SIMD lanes, or null for the scalar one (see {@link Simd}). */
    private final SimdRows simd;
    private final Taps rows = new Taps();
    private float[] tmp = new float[0];
    private float[] tmp2 = new float[0];
    private float[] line = new float[0];
    private float[] line2 = new float[0];

    PlaneSampler() {
        this(Simd.ENABLED);
    }

    PlaneSampler(boolean useSimd) {
        this.simd = useSimd ? new SimdRows() : null;
    }

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
        // SIMD loads read a window of two vectors past a column's first tap: room for it.
        int span = src.width() + (simd != null ? SimdRows.PADDING : 0);
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
        if (tmp2.length < span) {
            tmp2 = new float[span];
        }
        if (line2.length < nx) {
            line2 = new float[nx];
        }
        float[] t2 = tmp2;
        float[] l2 = line2;
        if (simd != null) {
            simd.prepare(cs, cw, cc, nx);
        }
        int j = 0;
        // Two rows at a time: each column's taps are loaded once for both rows.
        for (; j + 1 < ny; j += 2) {
            vertical(s, rows.start(j), cmin, cmax, rw, j * rc, rc, t);
            vertical(s, rows.start(j + 1), cmin, cmax, rw, (j + 1) * rc, rc, t2);
            int d = (y0 + j) * dstWidth + x0;
            if (simd != null) {
                simd.filter2(t, t2, cs, l, l2);
                if (opaque) {
                    SimdRows.store(l, dst, d, nx);
                    SimdRows.store(l2, dst, d + dstWidth, nx);
                } else if (colWeight == null && rowWeight == null) {
                    SimdRows.blend(l, dst, d, nx, alpha);
                    SimdRows.blend(l2, dst, d + dstWidth, nx, alpha);
                } else {
                    mix(l, dst, d, nx, colWeight, x0, alpha * (rowWeight == null ? 1f : rowWeight[y0 + j]));
                    mix(l2, dst, d + dstWidth, nx, colWeight, x0, alpha * (rowWeight == null ? 1f : rowWeight[y0 + j + 1]));
                }
            } else if (opaque) {
                horizontalStore2(t, t2, cs, 0, cw, cc, dst, d, d + dstWidth, nx);
            } else if (colWeight == null && rowWeight == null) {
                horizontalBlend2(t, t2, cs, cw, cc, dst, d, d + dstWidth, nx, alpha);
            } else {
                horizontal2(t, t2, cs, cw, cc, l, l2, nx);
                mix(l, dst, d, nx, colWeight, x0, alpha * (rowWeight == null ? 1f : rowWeight[y0 + j]));
                mix(l2, dst, d + dstWidth, nx, colWeight, x0, alpha * (rowWeight == null ? 1f : rowWeight[y0 + j + 1]));
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

    /** Like {@link #horizontalStore2} but mixed over dst with one opacity (crossfades, dissolves). */
    private static void horizontalBlend2(float[] t, float[] u, int[] cs, float[] cw, int cc,
                                         byte[] dst, int d, int d2, int nx, float alpha) {
        switch (cc) {
            case 2 -> blend2Taps2(t, u, cs, cw, dst, d, d2, nx, alpha);
            case 3 -> blend2Taps3(t, u, cs, cw, dst, d, d2, nx, alpha);
            case 4 -> blend2Taps4(t, u, cs, cw, dst, d, d2, nx, alpha);
            case 5 -> blend2Taps5(t, u, cs, cw, dst, d, d2, nx, alpha);
            case 6 -> blend2Taps6(t, u, cs, cw, dst, d, d2, nx, alpha);
            default -> {
                for (int i = 0, o = 0; i < nx; i++, o += cc) {
                    int b = cs[i];
                    float a0 = 0;
                    float a1 = 0;
                    for (int k = 0; k < cc; k++) {
                        a0 += cw[o + k] * t[b + k];
                        a1 += cw[o + k] * u[b + k];
                    }
                    float p0 = dst[d + i] & 0xff;
                    float p1 = dst[d2 + i] & 0xff;
                    dst[d + i] = (byte) toByteRange(p0 + (a0 - p0) * alpha);
                    dst[d2 + i] = (byte) toByteRange(p1 + (a1 - p1) * alpha);
                }
            }
        }
    }

    private static void blend2Taps2(float[] t, float[] u, int[] cs, float[] cw,
                                    byte[] dst, int d, int d2, int nx, float alpha) {
        for (int i = 0, o = 0; i < nx; i++, o += 2) {
            int b = cs[i];
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float a0 = w0 * t[b] + w1 * t[b + 1];
            float a1 = w0 * u[b] + w1 * u[b + 1];
            float p0 = dst[d + i] & 0xff;
            float p1 = dst[d2 + i] & 0xff;
            dst[d + i] = (byte) toByteRange(p0 + (a0 - p0) * alpha);
            dst[d2 + i] = (byte) toByteRange(p1 + (a1 - p1) * alpha);
        }
    }

    private static void blend2Taps3(float[] t, float[] u, int[] cs, float[] cw,
                                    byte[] dst, int d, int d2, int nx, float alpha) {
        for (int i = 0, o = 0; i < nx; i++, o += 3) {
            int b = cs[i];
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float w2 = cw[o + 2];
            float a0 = w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2];
            float a1 = w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2];
            float p0 = dst[d + i] & 0xff;
            float p1 = dst[d2 + i] & 0xff;
            dst[d + i] = (byte) toByteRange(p0 + (a0 - p0) * alpha);
            dst[d2 + i] = (byte) toByteRange(p1 + (a1 - p1) * alpha);
        }
    }

    private static void blend2Taps4(float[] t, float[] u, int[] cs, float[] cw,
                                    byte[] dst, int d, int d2, int nx, float alpha) {
        for (int i = 0, o = 0; i < nx; i++, o += 4) {
            int b = cs[i];
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float w2 = cw[o + 2];
            float w3 = cw[o + 3];
            float a0 = w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3];
            float a1 = w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3];
            float p0 = dst[d + i] & 0xff;
            float p1 = dst[d2 + i] & 0xff;
            dst[d + i] = (byte) toByteRange(p0 + (a0 - p0) * alpha);
            dst[d2 + i] = (byte) toByteRange(p1 + (a1 - p1) * alpha);
        }
    }

    private static void blend2Taps5(float[] t, float[] u, int[] cs, float[] cw,
                                    byte[] dst, int d, int d2, int nx, float alpha) {
        for (int i = 0, o = 0; i < nx; i++, o += 5) {
            int b = cs[i];
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float w2 = cw[o + 2];
            float w3 = cw[o + 3];
            float w4 = cw[o + 4];
            float a0 = w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3] + w4 * t[b + 4];
            float a1 = w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3] + w4 * u[b + 4];
            float p0 = dst[d + i] & 0xff;
            float p1 = dst[d2 + i] & 0xff;
            dst[d + i] = (byte) toByteRange(p0 + (a0 - p0) * alpha);
            dst[d2 + i] = (byte) toByteRange(p1 + (a1 - p1) * alpha);
        }
    }

    private static void blend2Taps6(float[] t, float[] u, int[] cs, float[] cw,
                                    byte[] dst, int d, int d2, int nx, float alpha) {
        for (int i = 0, o = 0; i < nx; i++, o += 6) {
            int b = cs[i];
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float w2 = cw[o + 2];
            float w3 = cw[o + 3];
            float w4 = cw[o + 4];
            float w5 = cw[o + 5];
            float a0 = w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3] + w4 * t[b + 4] + w5 * t[b + 5];
            float a1 = w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3] + w4 * u[b + 4] + w5 * u[b + 5];
            float p0 = dst[d + i] & 0xff;
            float p1 = dst[d2 + i] & 0xff;
            dst[d + i] = (byte) toByteRange(p0 + (a0 - p0) * alpha);
            dst[d2 + i] = (byte) toByteRange(p1 + (a1 - p1) * alpha);
        }
    }

    private static void horizontal2(float[] t, float[] u, int[] cs, float[] cw, int cc, float[] l, float[] l2, int nx) {
        for (int i = 0, o = 0; i < nx; i++, o += cc) {
            int b = cs[i];
            float a0 = 0;
            float a1 = 0;
            for (int k = 0; k < cc; k++) {
                float w = cw[o + k];
                a0 += w * t[b + k];
                a1 += w * u[b + k];
            }
            l[i] = a0;
            l2[i] = a1;
        }
    }

    /** Rounds to the nearest int without the slow path of a (int) cast: exact for |v| < 2^22. */
    static int toByteRange(float v) {
        int i = Float.floatToRawIntBits(v + 12582912f) - 0x4B400000;
        return i < 0 ? 0 : Math.min(255, i);
    }

    /**
     * Horizontal pass for two rows, rounded into bytes. One method per tap count, each a small
     * loop that HotSpot compiles on its own: with one method holding every case, a render mixing
     * tap counts (photo and backdrop, zoom ranges) left the later ones markedly slower.
     */
    private static void horizontalStore2(float[] t, float[] u, int[] cs, int cmin, float[] cw, int cc,
                                         byte[] dst, int d, int d2, int nx) {
        switch (cc) {
            case 2 -> store2Taps2(t, u, cs, cmin, cw, dst, d, d2, nx);
            case 3 -> store2Taps3(t, u, cs, cmin, cw, dst, d, d2, nx);
            case 4 -> store2Taps4(t, u, cs, cmin, cw, dst, d, d2, nx);
            case 5 -> store2Taps5(t, u, cs, cmin, cw, dst, d, d2, nx);
            case 6 -> store2Taps6(t, u, cs, cmin, cw, dst, d, d2, nx);
            default -> store2TapsN(t, u, cs, cmin, cw, cc, dst, d, d2, nx);
        }
    }

    private static void store2Taps2(float[] t, float[] u, int[] cs, int cmin, float[] cw,
                                    byte[] dst, int d, int d2, int nx) {
        for (int i = 0, o = 0; i < nx; i++, o += 2) {
            int b = cs[i] - cmin;
            float w0 = cw[o];
            float w1 = cw[o + 1];
            dst[d + i] = (byte) toByteRange(w0 * t[b] + w1 * t[b + 1]);
            dst[d2 + i] = (byte) toByteRange(w0 * u[b] + w1 * u[b + 1]);
        }
    }

    private static void store2Taps3(float[] t, float[] u, int[] cs, int cmin, float[] cw,
                                    byte[] dst, int d, int d2, int nx) {
        for (int i = 0, o = 0; i < nx; i++, o += 3) {
            int b = cs[i] - cmin;
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float w2 = cw[o + 2];
            dst[d + i] = (byte) toByteRange(w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2]);
            dst[d2 + i] = (byte) toByteRange(w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2]);
        }
    }

    private static void store2Taps4(float[] t, float[] u, int[] cs, int cmin, float[] cw,
                                    byte[] dst, int d, int d2, int nx) {
        for (int i = 0, o = 0; i < nx; i++, o += 4) {
            int b = cs[i] - cmin;
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float w2 = cw[o + 2];
            float w3 = cw[o + 3];
            dst[d + i] = (byte) toByteRange(w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3]);
            dst[d2 + i] = (byte) toByteRange(w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3]);
        }
    }

    private static void store2Taps5(float[] t, float[] u, int[] cs, int cmin, float[] cw,
                                    byte[] dst, int d, int d2, int nx) {
        for (int i = 0, o = 0; i < nx; i++, o += 5) {
            int b = cs[i] - cmin;
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float w2 = cw[o + 2];
            float w3 = cw[o + 3];
            float w4 = cw[o + 4];
            dst[d + i] = (byte) toByteRange(w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3] + w4 * t[b + 4]);
            dst[d2 + i] = (byte) toByteRange(w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3] + w4 * u[b + 4]);
        }
    }

    private static void store2Taps6(float[] t, float[] u, int[] cs, int cmin, float[] cw,
                                    byte[] dst, int d, int d2, int nx) {
        for (int i = 0, o = 0; i < nx; i++, o += 6) {
            int b = cs[i] - cmin;
            float w0 = cw[o];
            float w1 = cw[o + 1];
            float w2 = cw[o + 2];
            float w3 = cw[o + 3];
            float w4 = cw[o + 4];
            float w5 = cw[o + 5];
            dst[d + i] = (byte) toByteRange(w0 * t[b] + w1 * t[b + 1] + w2 * t[b + 2] + w3 * t[b + 3] + w4 * t[b + 4] + w5 * t[b + 5]);
            dst[d2 + i] = (byte) toByteRange(w0 * u[b] + w1 * u[b + 1] + w2 * u[b + 2] + w3 * u[b + 3] + w4 * u[b + 4] + w5 * u[b + 5]);
        }
    }

    private static void store2TapsN(float[] t, float[] u, int[] cs, int cmin, float[] cw, int cc,
                                    byte[] dst, int d, int d2, int nx) {
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

    /**
     * One output row's vertical filtering over source columns [c0, c1), written to t at the same
     * column index. Every array is indexed by the loop variable alone, the loop shape HotSpot 17
     * vectorises; one method per tap count so each compiles to one sweep.
     */
    private static void vertical(float[][] s, int r0, int c0, int c1, float[] w, int wo, int rc, float[] t) {
        switch (rc) {
            case 1 -> vertical1(s, r0, c0, c1, w, wo, t);
            case 2 -> vertical2(s, r0, c0, c1, w, wo, t);
            case 3 -> vertical3(s, r0, c0, c1, w, wo, t);
            case 4 -> vertical4(s, r0, c0, c1, w, wo, t);
            case 5 -> vertical5(s, r0, c0, c1, w, wo, t);
            case 6 -> vertical6(s, r0, c0, c1, w, wo, t);
            default -> {
                vertical6(s, r0, c0, c1, w, wo, t);
                for (int tap = 6; tap < rc; tap++) {
                    float wt = w[wo + tap];
                    float[] a = s[r0 + tap];
                    for (int k = c0; k < c1; k++) {
                        t[k] += wt * a[k];
                    }
                }
            }
        }
    }

    private static void vertical1(float[][] s, int r0, int c0, int c1, float[] w, int wo, float[] t) {
        float w0 = w[wo + 0];
        float[] a = s[r0 + 0];
        for (int k = c0; k < c1; k++) {
            t[k] = w0 * a[k];
        }
    }

    private static void vertical2(float[][] s, int r0, int c0, int c1, float[] w, int wo, float[] t) {
        float w0 = w[wo + 0];
        float[] a = s[r0 + 0];
        float w1 = w[wo + 1];
        float[] b = s[r0 + 1];
        for (int k = c0; k < c1; k++) {
            t[k] = w0 * a[k] + w1 * b[k];
        }
    }

    private static void vertical3(float[][] s, int r0, int c0, int c1, float[] w, int wo, float[] t) {
        float w0 = w[wo + 0];
        float[] a = s[r0 + 0];
        float w1 = w[wo + 1];
        float[] b = s[r0 + 1];
        float w2 = w[wo + 2];
        float[] c = s[r0 + 2];
        for (int k = c0; k < c1; k++) {
            t[k] = w0 * a[k] + w1 * b[k] + w2 * c[k];
        }
    }

    private static void vertical4(float[][] s, int r0, int c0, int c1, float[] w, int wo, float[] t) {
        float w0 = w[wo + 0];
        float[] a = s[r0 + 0];
        float w1 = w[wo + 1];
        float[] b = s[r0 + 1];
        float w2 = w[wo + 2];
        float[] c = s[r0 + 2];
        float w3 = w[wo + 3];
        float[] d = s[r0 + 3];
        for (int k = c0; k < c1; k++) {
            t[k] = w0 * a[k] + w1 * b[k] + w2 * c[k] + w3 * d[k];
        }
    }

    private static void vertical5(float[][] s, int r0, int c0, int c1, float[] w, int wo, float[] t) {
        float w0 = w[wo + 0];
        float[] a = s[r0 + 0];
        float w1 = w[wo + 1];
        float[] b = s[r0 + 1];
        float w2 = w[wo + 2];
        float[] c = s[r0 + 2];
        float w3 = w[wo + 3];
        float[] d = s[r0 + 3];
        float w4 = w[wo + 4];
        float[] e = s[r0 + 4];
        for (int k = c0; k < c1; k++) {
            t[k] = w0 * a[k] + w1 * b[k] + w2 * c[k] + w3 * d[k] + w4 * e[k];
        }
    }

    private static void vertical6(float[][] s, int r0, int c0, int c1, float[] w, int wo, float[] t) {
        float w0 = w[wo + 0];
        float[] a = s[r0 + 0];
        float w1 = w[wo + 1];
        float[] b = s[r0 + 1];
        float w2 = w[wo + 2];
        float[] c = s[r0 + 2];
        float w3 = w[wo + 3];
        float[] d = s[r0 + 3];
        float w4 = w[wo + 4];
        float[] e = s[r0 + 4];
        float w5 = w[wo + 5];
        float[] f = s[r0 + 5];
        for (int k = c0; k < c1; k++) {
            t[k] = w0 * a[k] + w1 * b[k] + w2 * c[k] + w3 * d[k] + w4 * e[k] + w5 * f[k];
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
