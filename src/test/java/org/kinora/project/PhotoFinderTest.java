package org.kinora.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.image.PhotoLoader;

class PhotoFinderTest {

    @TempDir
    Path dir;

    @Test
    void hiddenFilesAndFoldersInAFolderAreLeftOutWithoutAWarning() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Path seen = jpeg(photos.resolve("a.jpg"));
        jpeg(photos.resolve(".hidden.jpg"));
        jpeg(Files.createDirectories(photos.resolve(".thumbnails")).resolve("a.jpg"));
        Files.writeString(photos.resolve(".DS_Store"), "finder data");

        PhotoFinder.Result found = PhotoFinder.find(List.of(photos));

        assertThat(found.photos()).containsExactly(seen.toAbsolutePath());
        assertThat(found.skipped()).isEmpty();
    }

    @Test
    void aHiddenPhotoNamedExplicitlyIsTaken() throws IOException {
        Path hidden = jpeg(dir.resolve(".hidden.jpg"));
        assertThat(PhotoFinder.find(List.of(hidden)).photos()).containsExactly(hidden.toAbsolutePath());
    }

    /** Refused by its header, as the loader (and so check and render) would refuse it; nothing is decoded. */
    @Test
    void aPhotoOverThePixelLimitIsSkippedWithTheLoadersReason() throws IOException {
        Path huge = pngHeader(dir.resolve("huge.png"), 20_000, 20_000);
        assertThat(20_000L * 20_000).isGreaterThan(PhotoLoader.DEFAULT_MAX_PIXELS);
        Path fine = jpeg(dir.resolve("fine.jpg"));
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a photo");

        PhotoFinder.Result found = PhotoFinder.find(List.of(dir));

        assertThat(found.photos()).containsExactly(fine.toAbsolutePath());
        assertThat(found.skipped()).extracting(PhotoFinder.Skipped::file)
                .containsExactly(huge.toAbsolutePath(), text.toAbsolutePath());
        assertThat(found.skipped().get(0).reason()).contains("20000x20000", "more than the limit of 250 MP");
        assertThat(found.skipped().get(1).reason()).startsWith("not an image in a supported format");
    }

    static Path jpeg(Path file) throws IOException {
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
        return file;
    }

    /** A PNG whose header claims width x height; only the header is ever read. */
    static Path pngHeader(Path file, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no filter method, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return Files.write(file, bytes.toByteArray());
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
