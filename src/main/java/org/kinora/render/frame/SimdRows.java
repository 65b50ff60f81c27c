package org.kinora.render.frame;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The horizontal filter pass on SIMD lanes: for a block of {@link #LANES} output columns, the
 * source samples they read lie in a window of two vectors, so each tap is one two-vector lane
 * permute and a multiply-add instead of a gather per column. Blocks whose taps span more than two
 * vectors (minifying by more than about 1.7) and the row's tail run the scalar loop.
 *
 * <p>Arithmetic is the scalar pass's, operation for operation (multiply, then add, tap by tap, no
 * fused multiply-add; the same rounding into bytes), so frames are identical whichever pass runs.
 * Loaded only when {@link Simd#ENABLED}. One instance per sampler (per thread).
 */
final class SimdRows {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(F.length() * 8));

    static final int LANES = F.length();
    /** Floats a row array needs past its last used column, for the second vector of a window. */
    static final int PADDING = 2 * LANES;

    private static final float MAGIC = 12582912f; // 1.5 * 2^23: adding it rounds to an integer
    private static final int MAGIC_BITS = 0x4B400000;

    private float[] planar = new float[0];
    private boolean[] windowFits = new boolean[0];
    private int taps;
    private int n;

    /** Takes a pass's taps (interleaved, {@code taps} per column) for {@link #filter2}. */
    void prepare(int[] starts, float[] interleaved, int taps, int n) {
        this.taps = taps;
        this.n = n;
        if (planar.length < taps * n) {
            planar = new float[taps * n];
        }
        for (int i = 0, o = 0; i < n; i++) {
            for (int k = 0; k < taps; k++, o++) {
                planar[k * n + i] = interleaved[o];
            }
        }
        int blocks = n / LANES;
        if (windowFits.length < blocks) {
            windowFits = new boolean[blocks];
        }
        for (int b = 0; b < blocks; b++) {
            int i0 = b * LANES;
            windowFits[b] = starts[i0 + LANES - 1] + taps - starts[i0] <= 2 * LANES;
        }
    }

    /** {@code l[i] = sum of w_k(i) * t[start_i + k]} and the same for u into l2. */
    void filter2(float[] t, float[] u, int[] starts, float[] l, float[] l2) {
        int i = 0;
        for (int b = 0; i + LANES <= n; i += LANES, b++) {
            if (!windowFits[b]) {
                scalar(t, u, starts, l, l2, i, i + LANES);
                continue;
            }
            int base = starts[i];
            IntVector idx = IntVector.fromArray(I, starts, i).sub(base);
            FloatVector tLo = FloatVector.fromArray(F, t, base);
            FloatVector tHi = FloatVector.fromArray(F, t, base + LANES);
            FloatVector uLo = FloatVector.fromArray(F, u, base);
            FloatVector uHi = FloatVector.fromArray(F, u, base + LANES);
            VectorShuffle<Float> s = idx.toShuffle().cast(F);
            FloatVector w = FloatVector.fromArray(F, planar, i);
            FloatVector a = tLo.rearrange(s, tHi).mul(w);
            FloatVector c = uLo.rearrange(s, uHi).mul(w);
            for (int k = 1; k < taps; k++) {
                s = idx.add(k).toShuffle().cast(F);
                w = FloatVector.fromArray(F, planar, k * n + i);
                a = a.add(tLo.rearrange(s, tHi).mul(w));
                c = c.add(uLo.rearrange(s, uHi).mul(w));
            }
            a.intoArray(l, i);
            c.intoArray(l2, i);
        }
        scalar(t, u, starts, l, l2, i, n);
    }

    private void scalar(float[] t, float[] u, int[] starts, float[] l, float[] l2, int from, int to) {
        for (int i = from; i < to; i++) {
            int s = starts[i];
            float a = planar[i] * t[s];
            float c = planar[i] * u[s];
            for (int k = 1; k < taps; k++) {
                float w = planar[k * n + i];
                a += w * t[s + k];
                c += w * u[s + k];
            }
            l[i] = a;
            l2[i] = c;
        }
    }

    /** Rounds into bytes exactly as {@code PlaneSampler.toByteRange}. */
    static void store(float[] l, byte[] dst, int d, int count) {
        int i = 0;
        for (; i + LANES <= count; i += LANES) {
            toBytes(FloatVector.fromArray(F, l, i)).intoArray(dst, d + i);
        }
        for (; i < count; i++) {
            dst[d + i] = (byte) PlaneSampler.toByteRange(l[i]);
        }
    }

    /** {@code dst = round(p + (a - p) * alpha)}, p the byte already there: the scalar blend's arithmetic. */
    static void blend(float[] l, byte[] dst, int d, int count, float alpha) {
        int i = 0;
        for (; i + LANES <= count; i += LANES) {
            FloatVector p = ByteVector.fromArray(B, dst, d + i).castShape(I, 0).reinterpretAsInts()
                    .and(0xff).castShape(F, 0).reinterpretAsFloats();
            FloatVector a = FloatVector.fromArray(F, l, i);
            toBytes(p.add(a.sub(p).mul(alpha))).intoArray(dst, d + i);
        }
        for (; i < count; i++) {
            float p = dst[d + i] & 0xff;
            dst[d + i] = (byte) PlaneSampler.toByteRange(p + (l[i] - p) * alpha);
        }
    }

    private static ByteVector toBytes(FloatVector v) {
        IntVector q = v.add(MAGIC).reinterpretAsInts().sub(MAGIC_BITS).max(0).min(255);
        return (ByteVector) q.castShape(B, 0);
    }
}
