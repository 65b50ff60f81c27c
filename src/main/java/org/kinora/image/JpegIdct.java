package org.kinora.image;

/**
 * The inverse DCTs FFmpeg's mjpeg decoder uses with {@code idct=int}, reproduced bit for bit:
 * at full size the IJG integer IDCT ("jrevdct", libjpeg's islow), at lowres 1 its 4x4 variant on
 * the top-left 4x4 coefficients, at lowres 2 a 2x2 butterfly and at lowres 3 the rounded DC.
 * Intermediate values are stored as 16-bit integers and outputs clamped to 0..255, as FFmpeg does.
 *
 * <p>Coefficients come dequantized in natural (row-major) order, only the top-left
 * {@code size x size} of them ({@code size = 8 >> lowres}), as ints holding 16-bit values.
 */
final class JpegIdct {

    private static final int CONST_BITS = 13;
    private static final int PASS1_BITS = 2;

    /**
     * FFmpeg's jrevdct.c (from IJG's jrevdct.c) special-cases which odd inputs (coefficients 1,
     * 3, 5, 7 of a row or column) are zero, and several of those cases use pre-combined
     * constants that differ by one from the general formula. Per case (bit 0: d1 != 0, bit 1: d3,
     * bit 2: d5, bit 3: d7), the multipliers of d1, d3, d5, d7 in each of its four odd
     * outputs tmp0..tmp3, so that one formula gives exactly what its branches give. (Multipliers
     * of inputs that are zero in a case are immaterial; the general ones stand there.)
     */
    private static final int[] ODD = {
        2260, -6436, 9633, -11363, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6436, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11363, 2261, 9633, 9633, -2260, -11362, -6436, 11363, 9633, 6437, 2260,
        2261, -6436, 9633, -11363, 6436, -11363, 2261, 9633, 9633, -2260, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11362, 2260, 9633, 9633, -2259, -11363, -6436, 11363, 9633, 6436, 2260,
        2260, -6436, 9633, -11363, 6436, -11362, 2260, 9633, 9633, -2259, -11362, -6436, 11362, 9633, 6436, 2260,
        2260, -6436, 9633, -11363, 6437, -11363, 2260, 9633, 9633, -2261, -11363, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11362, 9633, 6437, 2260,
        2260, -6436, 9633, -11362, 6437, -11362, 2261, 9633, 9633, -2260, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11362, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
        2260, -6436, 9633, -11363, 6437, -11362, 2261, 9633, 9633, -2259, -11362, -6436, 11363, 9633, 6437, 2260,
    };

    /** Work area between the two passes; one per decoder thread. */
    private final int[] tmp = new int[64];
    /** Clamped samples of a whole block, for blocks that the plane's edge cuts. */
    private final byte[] edge = new byte[64];

    /**
     * Inverse-transforms {@code coef} and writes the {@code w x h} visible part (w, h at most the
     * block size) into {@code out} at {@code off} with row stride {@code stride}.
     */
    void put(int lowres, int[] coef, byte[] out, int off, int stride, int w, int h) {
        int size = 8 >> lowres;
        boolean whole = w == size && h == size;
        byte[] dst = whole ? out : edge;
        int dOff = whole ? off : 0;
        int dStride = whole ? stride : size;
        switch (lowres) {
            case 0 -> idct8(coef, dst, dOff, dStride);
            case 1 -> idct4(coef, dst, dOff, dStride);
            case 2 -> idct2(coef, dst, dOff, dStride);
            default -> dst[dOff] = clamp((coef[0] + 4) >> 3);
        }
        if (!whole) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(edge, y * size, out, off + y * stride, w);
            }
        }
    }

    private void idct8(int[] c, byte[] out, int off, int stride) {
        int[] t = tmp;
        for (int r = 0; r < 64; r += 8) {
            int d0 = c[r];
            int d1 = c[r + 1];
            int d2 = c[r + 2];
            int d3 = c[r + 3];
            int d4 = c[r + 4];
            int d5 = c[r + 5];
            int d6 = c[r + 6];
            int d7 = c[r + 7];
            if ((d1 | d2 | d3 | d4 | d5 | d6 | d7) == 0) {
                int dc = (short) (d0 << PASS1_BITS);
                for (int i = 0; i < 8; i++) {
                    t[r + i] = dc;
                }
                continue;
            }
            butterfly(d0, d1, d2, d3, d4, d5, d6, d7, t, r, 1, CONST_BITS - PASS1_BITS);
        }
        for (int col = 0; col < 8; col++) {
            butterfly(t[col], t[col + 8], t[col + 16], t[col + 24], t[col + 32], t[col + 40], t[col + 48],
                    t[col + 56], t, col, 8, CONST_BITS + PASS1_BITS + 3);
        }
        for (int y = 0, i = 0; y < 8; y++, off += stride) {
            for (int x = 0; x < 8; x++, i++) {
                out[off + x] = clamp(t[i]);
            }
        }
    }

    /**
     * One 8-point pass: reads inputs d0..d7, writes its eight outputs, descaled by {@code shift}
     * with rounding and cut to 16 bits, at {@code t[at + k * step]}. The column pass may write over
     * its own column: all inputs are read first.
     */
    private static void butterfly(int d0, int d1, int d2, int d3, int d4, int d5, int d6, int d7, int[] t, int at,
            int step, int shift) {
        int tmp0 = (d0 + d4) << CONST_BITS;
        int tmp1 = (d0 - d4) << CONST_BITS;
        int even3 = d2 * 10703 + d6 * 4433;
        int even2 = d2 * 4433 - d6 * (d2 != 0 ? 10704 : 10703);
        int tmp10 = tmp0 + even3;
        int tmp13 = tmp0 - even3;
        int tmp11 = tmp1 + even2;
        int tmp12 = tmp1 - even2;

        int o = ((d1 != 0 ? 1 : 0) | (d3 != 0 ? 2 : 0) | (d5 != 0 ? 4 : 0) | (d7 != 0 ? 8 : 0)) << 4;
        int[] m = ODD;
        int odd0 = m[o] * d1 + m[o + 1] * d3 + m[o + 2] * d5 + m[o + 3] * d7;
        int odd1 = m[o + 4] * d1 + m[o + 5] * d3 + m[o + 6] * d5 + m[o + 7] * d7;
        int odd2 = m[o + 8] * d1 + m[o + 9] * d3 + m[o + 10] * d5 + m[o + 11] * d7;
        int odd3 = m[o + 12] * d1 + m[o + 13] * d3 + m[o + 14] * d5 + m[o + 15] * d7;

        int round = 1 << (shift - 1);
        t[at] = (short) ((tmp10 + odd3 + round) >> shift);
        t[at + 7 * step] = (short) ((tmp10 - odd3 + round) >> shift);
        t[at + step] = (short) ((tmp11 + odd2 + round) >> shift);
        t[at + 6 * step] = (short) ((tmp11 - odd2 + round) >> shift);
        t[at + 2 * step] = (short) ((tmp12 + odd1 + round) >> shift);
        t[at + 5 * step] = (short) ((tmp12 - odd1 + round) >> shift);
        t[at + 3 * step] = (short) ((tmp13 + odd0 + round) >> shift);
        t[at + 4 * step] = (short) ((tmp13 - odd0 + round) >> shift);
    }

    /** FFmpeg's ff_j_rev_dct4: the even half of the 8-point IDCT on 4x4 inputs, DC pre-rounded. */
    private void idct4(int[] c, byte[] out, int off, int stride) {
        int[] t = tmp;
        for (int r = 0; r < 16; r += 4) {
            int d0 = r == 0 ? (short) (c[0] + 4) : c[r];
            int d2 = c[r + 1];
            int d4 = c[r + 2];
            int d6 = c[r + 3];
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
    private static void idct2(int[] c, byte[] out, int off, int stride) {
        int c00 = (short) (c[0] + 4);
        int d00 = c00 + c[1];
        int d01 = c00 - c[1];
        int d10 = c[2] + c[3];
        int d11 = c[2] - c[3];
        out[off] = clamp((short) ((d00 + d10) >> 3));
        out[off + 1] = clamp((short) ((d01 + d11) >> 3));
        out[off + stride] = clamp((short) ((d00 - d10) >> 3));
        out[off + stride + 1] = clamp((short) ((d01 - d11) >> 3));
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}
