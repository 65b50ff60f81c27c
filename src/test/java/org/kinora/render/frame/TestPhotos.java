package org.kinora.render.frame;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Photo-like test images made on the fly: smooth gradients, soft shapes and fine texture. */
final class TestPhotos {

    private TestPhotos() {
    }

    /** Deterministic detailed picture: low-frequency colour, edges, and band-limited texture. */
    static BufferedImage detailed(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(seed);
        double[] fx = new double[6];
        double[] fy = new double[6];
        double[] ph = new double[6];
        for (int i = 0; i < 6; i++) {
            fx[i] = (rnd.nextDouble() - 0.5) * 0.02 * (i + 1);
            fy[i] = (rnd.nextDouble() - 0.5) * 0.02 * (i + 1);
            ph[i] = rnd.nextDouble() * 6.28;
        }
        int[] row = new int[w];
        double cx = w * 0.6;
        double cy = h * 0.4;
        double rad = Math.min(w, h) * 0.25;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (double) x / w;
                double v = (double) y / h;
                double tex = 0;
                for (int i = 0; i < 6; i++) {
                    tex += Math.sin(x * fx[i] * 1000.0 / w * 4 + y * fy[i] * 1000.0 / h * 4 + ph[i]);
                }
                double d = Math.hypot(x - cx, y - cy) - rad;
                double disk = 1 / (1 + Math.exp(d / (Math.min(w, h) * 0.004)));
                double r = 60 + 120 * u + 20 * tex + 50 * disk;
                double g = 80 + 90 * v + 15 * tex - 30 * disk;
                double b = 150 - 80 * u * v + 18 * tex + 40 * disk;
                row[x] = clamp(r) << 16 | clamp(g) << 8 | clamp(b);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    static Path writeJpeg(BufferedImage img, Path file) throws IOException {
        if (!ImageIO.write(img, "jpeg", file.toFile())) {
            throw new IOException("no JPEG writer");
        }
        return file;
    }

    static Path writePng(BufferedImage img, Path file) throws IOException {
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
