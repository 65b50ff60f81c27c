package org.kinora.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small generated photos, so tests need nothing outside the repository. */
final class TestPhotos {

    private TestPhotos() {
    }

    /** A gradient JPEG or PNG (by extension) of the given size. */
    static Path write(Path dir, String name, int w, int h) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | name.length() * 20);
            }
        }
        ImageIO.write(img, name.endsWith(".png") ? "png" : "jpg", p.toFile());
        return p;
    }
}
