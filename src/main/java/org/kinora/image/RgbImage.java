package org.kinora.image;

import java.awt.image.BufferedImage;

/** An sRGB picture as three float planes (0..255, gamma-encoded), the loader's output. */
public record RgbImage(Plane red, Plane green, Plane blue) {

    public int width() {
        return red.width();
    }

    public int height() {
        return red.height();
    }

    public static RgbImage blank(int w, int h) {
        return new RgbImage(new Plane(w, h), new Plane(w, h), new Plane(w, h));
    }

    /** A sink that writes the rows it is given into this image. */
    RgbRowSink rows() {
        return (y, r, g, b) -> {
            int at = y * width();
            System.arraycopy(r, 0, red.data(), at, r.length);
            System.arraycopy(g, 0, green.data(), at, g.length);
            System.arraycopy(b, 0, blue.data(), at, b.length);
        };
    }

    /** Packs into an opaque TYPE_INT_RGB image (for thumbnails and tests). */
    public BufferedImage toBufferedImage() {
        int w = width();
        int h = height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        float[] r = red.data();
        float[] g = green.data();
        float[] b = blue.data();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                row[x] = clamp8(r[i]) << 16 | clamp8(g[i]) << 8 | clamp8(b[i]);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    static int clamp8(float v) {
        int i = (int) (v + 0.5f);
        return i < 0 ? 0 : Math.min(255, i);
    }
}
