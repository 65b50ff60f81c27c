package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DroppedFilesTest {

    static Path photo(Path dir, String name) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xff8800);
        ImageIO.write(img, name.endsWith(".png") ? "png" : "jpg", p.toFile());
        return p;
    }

    @Test
    void foldersExpandInNameOrderAndNonPhotosAreNamed(@TempDir Path dir) throws Exception {
        Path loose = photo(dir, "loose.png");
        photo(dir, "trip/b.jpg");
        photo(dir, "trip/a.jpg");
        Files.writeString(dir.resolve("trip/notes.txt"), "hello");
        Path fake = Files.writeString(dir.resolve("fake.jpg"), "not really a jpeg");

        DroppedFiles.Result r = DroppedFiles.expand(List.of(dir.resolve("trip"), loose, fake));

        assertThat(r.photos()).extracting(p -> p.getFileName().toString())
                .containsExactly("a.jpg", "b.jpg", "loose.png");
        assertThat(r.skipped()).containsExactly("notes.txt (not a photo)", "fake.jpg (not a photo)");
    }
}
