package org.kinora.render.frame;

/**
 * Mixes whole canvases: a composed slide into another within a clip, or a canvas towards a
 * colour (fades). Mixing is done on the gamma-encoded Y'CbCr code values, see
 * docs/decisions/0003-frame-representation.md for why not in linear light.
 */
final class Compositor {

    private Compositor() {
    }

    /** dst = dst + (src - dst) * alpha * coverage(visible), per plane. */
    static void mix(Scratch s, Canvas dst, Canvas src, Clip visible, float alpha) {
        int w = dst.width;
        int h = dst.height;
        Coverage.luma(visible.x0(), visible.x1(), w, s.lumaColumns, s.columnRange);
        Coverage.luma(visible.y0(), visible.y1(), h, s.lumaRows, s.rowRange);
        mixPlane(dst.y, src.y, w, s.lumaColumns, s.columnRange, s.lumaRows, s.rowRange, alpha);
        int cw = dst.chromaWidth;
        int ch = dst.chromaHeight;
        Coverage.chromaColumns(visible.x0(), visible.x1(), cw, s.chromaColumns, s.columnRange, w);
        Coverage.chromaRows(visible.y0(), visible.y1(), ch, s.chromaRows, s.rowRange, h);
        mixPlane(dst.cb, src.cb, cw, s.chromaColumns, s.columnRange, s.chromaRows, s.rowRange, alpha);
        mixPlane(dst.cr, src.cr, cw, s.chromaColumns, s.columnRange, s.chromaRows, s.rowRange, alpha);
    }

    private static void mixPlane(byte[] dst, byte[] src, int stride, float[] cols, int[] cr,
                                 float[] rows, int[] rr, float alpha) {
        for (int y = rr[0]; y < rr[1]; y++) {
            float ra = alpha * rows[y];
            int o = y * stride;
            for (int x = cr[0]; x < cr[1]; x++) {
                float w = ra * cols[x];
                int a = dst[o + x] & 0xff;
                int b = src[o + x] & 0xff;
                dst[o + x] = (byte) (int) (a + (b - a) * w + 0.5f);
            }
        }
    }

    /** Moves the whole canvas towards a Y'CbCr colour by {@code amount} (0 = unchanged, 1 = colour). */
    static void fade(Canvas c, int[] colour, float amount) {
        fadePlane(c.y, colour[0], amount);
        fadePlane(c.cb, colour[1], amount);
        fadePlane(c.cr, colour[2], amount);
    }

    private static void fadePlane(byte[] p, int target, float amount) {
        // Fixed point: weight in 1/65536 steps, so the loop is integer-only.
        int k = Math.round(Math.max(0f, Math.min(1f, amount)) * 65536f);
        int add = target * k + 32768;
        int keep = 65536 - k;
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (((p[i] & 0xff) * keep + add) >> 16);
        }
    }
}
