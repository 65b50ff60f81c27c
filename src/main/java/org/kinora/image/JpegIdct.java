package org.kinora.image;

/**
 * The inverse DCTs FFmpeg's mjpeg decoder uses with {@code idct=int}, reproduced bit for bit:
 * at full size the IJG integer IDCT ("jrevdct", libjpeg's islow), at lowres 1 its 4x4 variant on
 * the top-left 4x4 coefficients, at lowres 2 a 2x2 butterfly and at lowres 3 the rounded DC.
 * Intermediate values are stored as 16-bit integers and outputs clamped to 0..255, as FFmpeg does.
 *
 * <p>Coefficients come dequantized in natural (row-major) order, only the top-left
 * {@code size x size} of them ({@code size = 8 >> lowres}).
 */
final class JpegIdct {

    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;
    /** Nonzero patterns of d1 (bit 0), d3, d5, d7 (bit 3) that {@link #oddFew} handles; others take the general formula. */
    private static final int FEW_ODD = 1 << 1 | 1 << 2 | 1 << 3 | 1 << 4 | 1 << 5 | 1 << 6 | 1 << 9 | 1 << 10 | 1 << 12;

    /** Work area between the two passes; one per decoder thread. */
    private final int[] tmp = new int[64];
    /** The odd part of one 8-point transform, from {@link #odd}. */
    private final int[] odd = new int[4];
    /** Clamped samples of a whole block, for blocks that the plane's edge cuts. */
    private final byte[] edge = new byte[64];

    /**
     * Inverse-transforms the block at {@code coef[at...]} and writes the {@code w x h} visible
     * part (w, h at most the block size) into {@code out} at {@code off} with row stride
     * {@code stride}. {@code dcOnly} says that all its AC coefficients are zero: then all its
     * samples are equal, and that one value is all there is to compute.
     */
    void put(int lowres, short[] coef, int at, boolean dcOnly, byte[] out, int off, int stride, int w, int h) {
        if (dcOnly) {
            byte v = dc(lowres, coef[at]);
            for (int y = 0; y < h; y++, off += stride) {
                for (int x = 0; x < w; x++) {
                    out[off + x] = v;
                }
            }
            return;
        }
        int size = 8 >> lowres;
        boolean whole = w == size && h == size;
        byte[] dst = whole ? out : edge;
        int dOff = whole ? off : 0;
        int dStride = whole ? stride : size;
        switch (lowres) {
            case 0 -> idct8(coef, at, dst, dOff, dStride);
            case 1 -> idct4(coef, at, dst, dOff, dStride);
            case 2 -> idct2(coef, at, dst, dOff, dStride);
            default -> dst[dOff] = clamp((coef[at] + 4) >> 3);
        }
        if (!whole) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(edge, y * size, out, off + y * stride, w);
            }
        }
    }

    /** The one sample value of a block whose AC coefficients are all zero, as each IDCT computes it. */
    private static byte dc(int lowres, int d0) {
        return switch (lowres) {
            case 0 -> clamp((short) (((short) (d0 << PASS1_BITS) << CONST_BITS) + (1 << 17) >> 18));
            case 1 -> clamp((short) ((short) ((short) (d0 + 4) << PASS1_BITS) << CONST_BITS >> 18));
            case 2 -> clamp((short) ((short) (d0 + 4) >> 3));
            default -> clamp((d0 + 4) >> 3);
        };
    }

    /**
     * FFmpeg's ff_j_rev_dct: a pass over rows into {@link #tmp}, then one over columns into the
     * output, each descaling (by 11 bits, then 18) with rounding and cutting to 16 bits. The
     * general odd part is written out in both passes so that the JIT keeps it inline.
     */
    private void idct8(short[] c, int at, byte[] out, int off, int stride) {
        int[] t = tmp;
        int[] o = odd;
        for (int r = 0; r < 64; r += 8) {
            int d0 = c[at + r];
            int d1 = c[at + r + 1];
            int d2 = c[at + r + 2];
            int d3 = c[at + r + 3];
            int d4 = c[at + r + 4];
            int d5 = c[at + r + 5];
            int d6 = c[at + r + 6];
            int d7 = c[at + r + 7];
            if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
                // FFmpeg's shortcut, which the formula below would match.
                int v = (short) (d0 << PASS1_BITS);
                for (int k = r; k < r + 8; k++) {
                    t[k] = v;
                }
                continue;
            }
            odd(d1, d3, d5, d7, o);
            int odd0 = o[0];
            int odd1 = o[1];
            int odd2 = o[2];
            int odd3 = o[3];
            int tmp0 = (d0 + d4) << CONST_BITS;
            int tmp1 = (d0 - d4) << CONST_BITS;
            int even3 = even3(d2, d6);
            int even2 = even2(d2, d6);
            int round = 1 << (CONST_BITS - PASS1_BITS - 1);
            t[r] = (short) ((tmp0 + even3 + odd3 + round) >> (CONST_BITS - PASS1_BITS));
            t[r + 7] = (short) ((tmp0 + even3 - odd3 + round) >> (CONST_BITS - PASS1_BITS));
            t[r + 1] = (short) ((tmp1 + even2 + odd2 + round) >> (CONST_BITS - PASS1_BITS));
            t[r + 6] = (short) ((tmp1 + even2 - odd2 + round) >> (CONST_BITS - PASS1_BITS));
            t[r + 2] = (short) ((tmp1 - even2 + odd1 + round) >> (CONST_BITS - PASS1_BITS));
            t[r + 5] = (short) ((tmp1 - even2 - odd1 + round) >> (CONST_BITS - PASS1_BITS));
            t[r + 3] = (short) ((tmp0 - even3 + odd0 + round) >> (CONST_BITS - PASS1_BITS));
            t[r + 4] = (short) ((tmp0 - even3 - odd0 + round) >> (CONST_BITS - PASS1_BITS));
        }
        for (int col = 0; col < 8; col++) {
            int d0 = t[col];
            int d1 = t[col + 8];
            int d2 = t[col + 16];
            int d3 = t[col + 24];
            int d4 = t[col + 32];
            int d5 = t[col + 40];
            int d6 = t[col + 48];
            int d7 = t[col + 56];
            odd(d1, d3, d5, d7, o);
            int odd0 = o[0];
            int odd1 = o[1];
            int odd2 = o[2];
            int odd3 = o[3];
            int tmp0 = (d0 + d4) << CONST_BITS;
            int tmp1 = (d0 - d4) << CONST_BITS;
            int even3 = even3(d2, d6);
            int even2 = even2(d2, d6);
            int round = 1 << (CONST_BITS + PASS1_BITS + 3 - 1);
            int shift = CONST_BITS + PASS1_BITS + 3;
            int i = off + col;
            out[i] = clamp((short) ((tmp0 + even3 + odd3 + round) >> shift));
            out[i + 7 * stride] = clamp((short) ((tmp0 + even3 - odd3 + round) >> shift));
            out[i + stride] = clamp((short) ((tmp1 + even2 + odd2 + round) >> shift));
            out[i + 6 * stride] = clamp((short) ((tmp1 + even2 - odd2 + round) >> shift));
            out[i + 2 * stride] = clamp((short) ((tmp1 - even2 + odd1 + round) >> shift));
            out[i + 5 * stride] = clamp((short) ((tmp1 - even2 - odd1 + round) >> shift));
            out[i + 3 * stride] = clamp((short) ((tmp0 - even3 + odd0 + round) >> shift));
            out[i + 4 * stride] = clamp((short) ((tmp0 - even3 - odd0 + round) >> shift));
        }
    }

    /** The even part's rotation of d2 and d6 that goes into outputs 0, 7 (added) and 3, 4 (subtracted). */
    private static int even3(int d2, int d6) {
        return d2 * 10703 + d6 * 4433;
    }

    /**
     * The one that goes into outputs 1, 6 (added) and 2, 5 (subtracted). FFmpeg's branch for
     * d2 == 0 multiplies d6 by 10703 where the general formula amounts to 10704.
     */
    private static int even2(int d2, int d6) {
        return d2 * 4433 - d6 * (d2 != 0 ? 10704 : 10703);
    }

    /** The odd part of one 8-point transform (inputs 1, 3, 5, 7) into {@code o}, as FFmpeg's jrevdct.c computes it. */
    private static void odd(int d1, int d3, int d5, int d7, int[] o) {
        int nonzero = (d1 != 0 ? 1 : 0) | (d3 != 0 ? 2 : 0) | (d5 != 0 ? 4 : 0) | (d7 != 0 ? 8 : 0);
        if ((FEW_ODD >>> nonzero & 1) != 0) {
            oddFew(nonzero, d1, d3, d5, d7, o);
            return;
        }
        int z5 = (d7 + d3 + d5 + d1) * 9633;
        int z1 = -(d7 + d1) * 7373;
        int z2 = -(d5 + d3) * 20995;
        int z3 = -(d7 + d3) * 16069 + z5;
        int z4 = -(d5 + d1) * 3196 + z5;
        o[0] = d7 * 2446 + z1 + z3;
        o[1] = d5 * 16819 + z2 + z4;
        o[2] = d3 * 25172 + z2 + z3;
        o[3] = d1 * 12299 + z1 + z4;
    }

    /**
     * The odd part (tmp0..tmp3 of the IJG code) where one or two of d1, d3, d5, d7 are nonzero,
     * into {@code o}. FFmpeg's jrevdct.c (from IJG's) special-cases which odd inputs are zero,
     * and in these cases its pre-combined constants differ by one here and there from the general
     * formula: these are the multipliers its branches apply.
     */
    private static void oddFew(int nonzero, int d1, int d3, int d5, int d7, int[] o) {
        switch (nonzero) {
            case 1 -> { // d1
                o[0] = d1 * 2260;
                o[1] = d1 * 6436;
                o[2] = d1 * 9633;
                o[3] = d1 * 11363;
            }
            case 2 -> { // d3
                o[0] = d3 * -6436;
                o[1] = d3 * -11363;
                o[2] = d3 * -2260;
                o[3] = d3 * 9633;
            }
            case 3 -> { // d1, d3
                o[0] = d1 * 2261 + d3 * -6436;
                o[1] = d1 * 6436 + d3 * -11363;
                o[2] = d1 * 9633 + d3 * -2260;
                o[3] = d1 * 11363 + d3 * 9633;
            }
            case 4 -> { // d5
                o[0] = d5 * 9633;
                o[1] = d5 * 2260;
                o[2] = d5 * -11363;
                o[3] = d5 * 6436;
            }
            case 5 -> { // d1, d5
                o[0] = d1 * 2260 + d5 * 9633;
                o[1] = d1 * 6436 + d5 * 2260;
                o[2] = d1 * 9633 + d5 * -11362;
                o[3] = d1 * 11362 + d5 * 6436;
            }
            case 6 -> { // d3, d5
                o[0] = d3 * -6436 + d5 * 9633;
                o[1] = d3 * -11363 + d5 * 2260;
                o[2] = d3 * -2261 + d5 * -11363;
                o[3] = d3 * 9633 + d5 * 6437;
            }
            case 9 -> { // d1, d7
                o[0] = d1 * 2260 + d7 * -11363;
                o[1] = d1 * 6437 + d7 * 9633;
                o[2] = d1 * 9633 + d7 * -6436;
                o[3] = d1 * 11362 + d7 * 2260;
            }
            case 10 -> { // d3, d7
                o[0] = d3 * -6436 + d7 * -11362;
                o[1] = d3 * -11362 + d7 * 9633;
                o[2] = d3 * -2260 + d7 * -6436;
                o[3] = d3 * 9633 + d7 * 2260;
            }
            case 12 -> { // d5, d7
                o[0] = d5 * 9633 + d7 * -11362;
                o[1] = d5 * 2261 + d7 * 9633;
                o[2] = d5 * -11362 + d7 * -6436;
                o[3] = d5 * 6437 + d7 * 2260;
            }
            default -> throw new IllegalArgumentException("odd inputs " + nonzero);
        }
    }

    /** FFmpeg's ff_j_rev_dct4: the even half of the 8-point IDCT on 4x4 inputs, DC pre-rounded. */
    private void idct4(short[] c, int at, byte[] out, int off, int stride) {
        int[] t = tmp;
        for (int r = 0; r < 16; r += 4) {
            int d0 = r == 0 ? (short) (c[at] + 4) : c[at + r];
            int d2 = c[at + r + 1];
            int d4 = c[at + r + 2];
            int d6 = c[at + r + 3];
            if ((d2 | d4 | d6) == 0) {
                int dc = (short) (d0 << PASS1_BITS);
                t[r] = dc;
                t[r + 1] = dc;
                t[r + 2] = dc;
                t[r + 3] = dc;
                continue;
            }
            even4(d0, d2, d4, d6, t, r, 1, true);
        }
        for (int col = 0; col < 4; col++) {
            even4(t[col], t[col + 4], t[col + 8], t[col + 12], t, col, 4, false);
        }
        for (int y = 0, i = 0; y < 4; y++, off += stride) {
            for (int x = 0; x < 4; x++, i++) {
                out[off + x] = clamp(t[i]);
            }
        }
    }

    /** One 4-point pass; the row pass rounds, the column pass truncates (the DC was pre-rounded). */
    private static void even4(int d0, int d2, int d4, int d6, int[] t, int at, int step, boolean rows) {
        int tmp0 = (d0 + d4) << CONST_BITS;
        int tmp1 = (d0 - d4) << CONST_BITS;
        int even3 = d2 * 10703 + d6 * 4433;
        int even2 = d2 * 4433 - d6 * (d2 != 0 ? 10704 : 10703);
        int shift = rows ? CONST_BITS - PASS1_BITS : CONST_BITS + PASS1_BITS + 3;
        int round = rows ? 1 << (shift - 1) : 0;
        t[at] = (short) ((tmp0 + even3 + round) >> shift);
        t[at + step] = (short) ((tmp1 + even2 + round) >> shift);
        t[at + 2 * step] = (short) ((tmp1 - even2 + round) >> shift);
        t[at + 3 * step] = (short) ((tmp0 - even3 + round) >> shift);
    }

    /** FFmpeg's ff_j_rev_dct2: a 2x2 butterfly on the pre-rounded DC, then a shift by 3. */
    private static void idct2(short[] c, int at, byte[] out, int off, int stride) {
        int c00 = (short) (c[at] + 4);
        int d00 = c00 + c[at + 1];
        int d01 = c00 - c[at + 1];
        int d10 = c[at + 2] + c[at + 3];
        int d11 = c[at + 2] - c[at + 3];
        out[off] = clamp((short) ((d00 + d10) >> 3));
        out[off + 1] = clamp((short) ((d01 + d11) >> 3));
        out[off + stride] = clamp((short) ((d00 - d10) >> 3));
        out[off + stride + 1] = clamp((short) ((d01 - d11) >> 3));
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
