package org.kinora.image;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Photo-like test images: what resamplers must handle well, generated so tests need no files. */
public final class SyntheticPhoto {

    private SyntheticPhoto() {
    }

    /**
     * A 1/f spectrum of {@code waveCount} oriented waves from 0.003 up to {@code maxFrequency}
     * cycles per pixel over a gentle colour gradient, plus a hard-edged bar and a disk (edges are
     * where resamplers differ most).
     */
    public static BufferedImage waves(int w, int h, long seed, int waveCount, double maxFrequency, int imageType) {
        Random rnd = new Random(seed);
        double[][] waves = new double[waveCount][5];
        for (int i = 0; i < waveCount; i++) {
            double f = 0.003 * Math.pow(maxFrequency / 0.003, (double) i / (waveCount - 1));
            double a = rnd.nextDouble() * Math.PI;
            waves[i] = new double[] {f * Math.cos(a), f * Math.sin(a), rnd.nextDouble() * 2 * Math.PI,
                    0.9 / (f * 60 + 1), rnd.nextInt(3)};
        }
        BufferedImage img = new BufferedImage(w, h, imageType);
        double[] rgb = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[0] = 110 + 50.0 * x / w;
                rgb[1] = 120;
                rgb[2] = 130 - 40.0 * y / h;
                for (double[] wv : waves) {
                    double v = 40 * wv[3] * Math.sin(2 * Math.PI * (wv[0] * x + wv[1] * y) + wv[2]);
                    rgb[(int) wv[4]] += v;
                    rgb[((int) wv[4] + 1) % 3] += 0.5 * v;
                }
                if (x > w * 0.3 && x < w * 0.34) {
                    rgb[0] += 60;
                    rgb[1] += 60;
                    rgb[2] += 60;
                }
                if (Math.hypot(x - w * 0.62, y - h * 0.45) < h * 0.12) {
                    rgb[0] -= 50;
                }
                img.setRGB(x, y, clamp(rgb[0]) << 16 | clamp(rgb[1]) << 8 | clamp(rgb[2]));
            }
        }
        return img;
    }

    /**
     * {@link #waves} as an 8-bit grey image: the green samples copied raw (setRGB on a grey image
     * goes through a colour conversion per pixel: slow).
     */
    public static BufferedImage greyWaves(int w, int h, long seed, int waveCount, double maxFrequency) {
        BufferedImage colour = waves(w, h, seed, waveCount, maxFrequency, BufferedImage.TYPE_INT_RGB);
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grey.getRaster().setSample(x, y, 0, colour.getRGB(x, y) >> 8 & 0xFF);
            }
        }
        return grey;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
