package org.kinora.render.frame;

import java.nio.ByteBuffer;
import org.kinora.render.YuvFrame;

/** A frame being composed: I420 planes (BT.709 limited range) on the heap, reused per thread. */
final class Canvas {

    final int width;
    final int height;
    final int chromaWidth;
    final int chromaHeight;
    final byte[] y;
    final byte[] cb;
    final byte[] cr;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.chromaWidth = width / 2;
        this.chromaHeight = height / 2;
        this.y = new byte[width * height];
        this.cb = new byte[chromaWidth * chromaHeight];
        this.cr = new byte[chromaWidth * chromaHeight];
    }

    void fill(int yv, int cbv, int crv) {
        java.util.Arrays.fill(y, (byte) yv);
        java.util.Arrays.fill(cb, (byte) cbv);
        java.util.Arrays.fill(cr, (byte) crv);
    }

    void copyTo(Canvas other) {
        System.arraycopy(y, 0, other.y, 0, y.length);
        System.arraycopy(cb, 0, other.cb, 0, cb.length);
        System.arraycopy(cr, 0, other.cr, 0, cr.length);
    }

    /** Three bulk copies into the frame's direct buffer; absolute puts leave its position alone. */
    void copyTo(YuvFrame out) {
        ByteBuffer data = out.data();
        data.put(out.yOffset(), y, 0, y.length);
        data.put(out.uOffset(), cb, 0, cb.length);
        data.put(out.vOffset(), cr, 0, cr.length);
    }

    /** Opaque ARGB for the preview; chroma interpolated horizontally at odd columns (left siting). */
    void toArgb(int[] argb) {
        for (int row = 0; row < height; row++) {
            int c = (row >> 1) * chromaWidth;
            int o = row * width;
            for (int x = 0; x < width; x++) {
                int ci = x >> 1;
                int u;
                int v;
                if ((x & 1) == 0 || ci + 1 >= chromaWidth) {
                    u = cb[c + ci] & 0xff;
                    v = cr[c + ci] & 0xff;
                } else {
                    u = ((cb[c + ci] & 0xff) + (cb[c + ci + 1] & 0xff) + 1) >> 1;
                    v = ((cr[c + ci] & 0xff) + (cr[c + ci + 1] & 0xff) + 1) >> 1;
                }
                argb[o + x] = org.kinora.image.Bt709.toArgb(y[o + x] & 0xff, u, v);
            }
        }
    }
}
