package org.kinora.render.frame;

import org.kinora.image.Kernel;
import org.kinora.image.Plane;
import org.kinora.image.RgbImage;
import org.kinora.image.YuvPhoto;
import org.kinora.model.View;
import org.kinora.model.ViewRect;

/**
 * The backdrop of a BLUR-fit slide: the photo cropped to cover the frame, shrunk to an eighth of
 * the output, blurred (three box passes, close to a Gaussian) and dimmed so the sharp photo stands
 * out. Being small and smooth, it is upsampled with a tent filter at almost no cost per frame.
 */
final class BlurredBackdrop {

    /** Brightness kept: dim enough that the backdrop reads as background. */
    static final float DIM = 0.6f;
    static final int SHRINK = 8;

    private BlurredBackdrop() {
    }

    static YuvPhoto of(RgbImage photo, int outWidth, int outHeight) {
        int w = Math.max(16, outWidth / SHRINK);
        int h = Math.max(16, outHeight / SHRINK);
        ViewRect r = ViewRect.of(View.FULL, (double) photo.width() / photo.height(),
                (double) outWidth / outHeight, false);
        int x0 = (int) Math.floor(r.x() * photo.width());
        int y0 = (int) Math.floor(r.y() * photo.height());
        int cw = Math.max(1, Math.min(photo.width() - x0, (int) Math.round(r.width() * photo.width())));
        int ch = Math.max(1, Math.min(photo.height() - y0, (int) Math.round(r.height() * photo.height())));
        int radius = Math.max(1, w / 30);
        Plane[] out = new Plane[3];
        Plane[] in = {photo.red(), photo.green(), photo.blue()};
        for (int c = 0; c < 3; c++) {
            Plane small = crop(in[c], x0, y0, cw, ch).resize(w, h, Kernel.TRIANGLE);
            float[] d = small.data();
            for (int pass = 0; pass < 3; pass++) {
                boxRows(d, w, h, radius);
                boxColumns(d, w, h, radius);
            }
            for (int i = 0; i < d.length; i++) {
                d[i] *= DIM;
            }
            out[c] = small;
        }
        return YuvPhoto.fromRgb(new RgbImage(out[0], out[1], out[2]), 1);
    }

    private static Plane crop(Plane p, int x0, int y0, int w, int h) {
        float[] d = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(p.data(), (y0 + y) * p.width() + x0, d, y * w, w);
        }
        return new Plane(w, h, d);
    }

    private static void boxRows(float[] d, int w, int h, int r) {
        float[] row = new float[w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(d, y * w, row, 0, w);
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int k = -r; k <= r; k++) {
                    sum += row[Math.max(0, Math.min(w - 1, x + k))];
                }
                d[y * w + x] = sum / (2 * r + 1);
            }
        }
    }

    private static void boxColumns(float[] d, int w, int h, int r) {
        float[] col = new float[h];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                col[y] = d[y * w + x];
            }
            for (int y = 0; y < h; y++) {
                float sum = 0;
                for (int k = -r; k <= r; k++) {
                    sum += col[Math.max(0, Math.min(h - 1, y + k))];
                }
                d[y * w + x] = sum / (2 * r + 1);
            }
        }
    }
}
