package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Editor thumbnails come from the EXIF thumbnail (IFD1, JPEGInterchangeFormat) when it is at least
 * as large as asked, else from the main image; the photo's orientation applies either way.
 *
 * <p>The main image and its embedded thumbnail show the same layout in different colours (main:
 * red, green, blue, white quadrants; thumbnail: yellow, cyan, magenta, black), so a thumbnail's
 * colours prove where it came from and their positions prove it is upright.
 */
class ExifThumbnailTest {

    private static final int W = 320;
    private static final int H = 240;
    private static final int TW = 160;
    private static final int TH = 120;
    private static final int[] MAIN = {0xE02020, 0x20C020, 0x2020E0, 0xF0F0F0};
    private static final int[] THUMB = {0xF0F020, 0x20E0E0, 0xE020E0, 0x101010};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void largeEnoughEmbeddedThumbnailIsUsedUpright(int orientation) throws Exception {
        Path file = photo(orientation, TestImages.jpeg(stored(orientation, TW, TH, THUMB), 0.95f));

        // 120 <= 160, the embedded thumbnail's longer side: it is big enough.
        BufferedImage thumb = new PhotoLoader().thumbnail(file, 120);

        assertUpright(thumb, 120, 90, THUMB, orientation, "embedded thumbnail");
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 6, 8})
    void tooSmallEmbeddedThumbnailFallsBackToTheMainImage(int orientation) throws Exception {
        Path file = photo(orientation, TestImages.jpeg(stored(orientation, TW, TH, THUMB), 0.95f));

        // 200 > 160: the embedded thumbnail would have to be enlarged, so the main image is decoded.
        BufferedImage thumb = new PhotoLoader().thumbnail(file, 200);

        assertUpright(thumb, 200, 150, MAIN, orientation, "main image");
    }

    @Test
    void brokenEmbeddedThumbnailFallsBackToTheMainImage() throws Exception {
        byte[] garbage = new byte[600];
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8; // an SOI, so the reader takes it for a JPEG thumbnail
        for (int i = 2; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 37);
        }
        Path file = photo(6, garbage);

        BufferedImage thumb = new PhotoLoader().thumbnail(file, 120);

        assertUpright(thumb, 120, 90, MAIN, 6, "main image after a broken thumbnail");
    }

    /** A JPEG of the main picture stored for {@code orientation}, with the thumbnail in its EXIF. */
    private Path photo(int orientation, byte[] thumbnailJpeg) throws Exception {
        byte[] main = TestImages.jpeg(stored(orientation, W, H, MAIN), 0.95f);
        return TestImages.write(dir.resolve("o" + orientation + ".jpg"),
                withExif(main, orientation, thumbnailJpeg));
    }

    /** Upright picture of size w x h: quadrants colours[0] top-left, [1] top-right, [2] bottom-left, [3] bottom-right. */
    private static int upright(int x, int y, int w, int h, int[] colours) {
        return colours[(y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1)];
    }

    /** The pixels a camera stores for the upright w x h picture and the given tag (EXIF 2.3 definition). */
    private static BufferedImage stored(int orientation, int w, int h, int[] colours) {
        boolean swap = orientation >= 5;
        int sw = swap ? h : w;
        int sh = swap ? w : h;
        BufferedImage img = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int ux;
                int uy;
                switch (orientation) {
                    case 1 -> { ux = x; uy = y; }
                    case 2 -> { ux = w - 1 - x; uy = y; }
                    case 3 -> { ux = w - 1 - x; uy = h - 1 - y; }
                    case 4 -> { ux = x; uy = h - 1 - y; }
                    case 5 -> { ux = y; uy = x; }
                    case 6 -> { ux = w - 1 - y; uy = x; }
                    case 7 -> { ux = w - 1 - y; uy = h - 1 - x; }
                    default -> { ux = y; uy = h - 1 - x; }
                }
                img.setRGB(x, y, upright(ux, uy, w, h, colours));
            }
        }
        return img;
    }

    /**
     * Inserts after SOI (and JFIF APP0) an APP1 Exif segment: IFD0 with the Orientation tag, IFD1
     * with Compression 6 (JPEG), JPEGInterchangeFormat and JPEGInterchangeFormatLength pointing at
     * the thumbnail bytes that follow it, as cameras write it.
     */
    static byte[] withExif(byte[] jpeg, int orientation, byte[] thumbnail) {
        int ifd0 = 8;
        int ifd1 = ifd0 + 2 + 12 + 4;
        int thumbAt = ifd1 + 2 + 3 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(thumbAt + thumbnail.length); // big-endian ("MM")
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) 1);
        entry(tiff, 0x0112, 3, orientation);
        tiff.putInt(ifd1);
        tiff.putShort((short) 3);
        entry(tiff, 0x0103, 3, 6);
        entry(tiff, 0x0201, 4, thumbAt);
        entry(tiff, 0x0202, 4, thumbnail.length);
        tiff.putInt(0);
        tiff.put(thumbnail);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exifHeader.length + tiff.capacity();
        assertThat(length).as("APP1 segment length").isLessThanOrEqualTo(0xFFFF);
        ByteBuffer app1 = ByteBuffer.allocate(2 + length);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exifHeader).put(tiff.array());
        int insertAt = 2;
        if ((jpeg[2] & 0xff) == 0xFF && (jpeg[3] & 0xff) == 0xE0) {
            insertAt = 4 + ((jpeg[4] & 0xff) << 8 | (jpeg[5] & 0xff));
        }
        byte[] out = new byte[jpeg.length + app1.capacity()];
        System.arraycopy(jpeg, 0, out, 0, insertAt);
        System.arraycopy(app1.array(), 0, out, insertAt, app1.capacity());
        System.arraycopy(jpeg, insertAt, out, insertAt + app1.capacity(), jpeg.length - insertAt);
        return out;
    }

    /** One IFD entry with a single SHORT (type 3) or LONG (type 4) value. */
    private static void entry(ByteBuffer b, int tag, int type, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(1);
        if (type == 3) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /**
     * The thumbnail is {@code w x h} and shows {@code colours} upright: the upright picture is
     * landscape whatever the orientation (for 5-8 the stored pixels are portrait).
     */
    private static void assertUpright(BufferedImage img, int w, int h, int[] colours, int orientation,
            String source) {
        assertThat(img.getWidth()).as("width").isEqualTo(w);
        assertThat(img.getHeight()).as("height").isEqualTo(h);
        int[][] probes = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}};
        String[] names = {"top-left", "top-right", "bottom-left", "bottom-right"};
        for (int q = 0; q < 4; q++) {
            int actual = img.getRGB(probes[q][0], probes[q][1]) & 0xffffff;
            int expected = upright(probes[q][0], probes[q][1], w, h, colours);
            for (int shift = 0; shift <= 16; shift += 8) {
                int diff = Math.abs((actual >> shift & 0xff) - (expected >> shift & 0xff));
                assertThat(diff).as("orientation %d, %s, %s: got #%06x, expected #%06x", orientation, source,
                        names[q], actual, expected).isLessThan(40);
            }
        }
    }
}
