package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding only a window of a photo gives the pixels the whole decode has there. */
class PhotoWindowTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "orientation {0}, FFmpeg JPEG decoder {1}")
    @CsvSource({"1,true", "3,true", "6,true", "8,true", "1,false", "2,false", "5,false", "7,false"})
    void aWindowHoldsThePixelsOfTheWholeDecode(int orientation, boolean ffmpeg) throws Exception {
        BufferedImage img = SyntheticPhoto.waves(900, 600, 7, 40, 0.3, BufferedImage.TYPE_INT_RGB);
        Path file = TestImages.write(dir.resolve("o" + orientation + ".jpg"),
                TestImages.withOrientation(TestImages.jpeg(img, 0.95f), orientation));
        PhotoLoader loader = new PhotoLoader(PhotoLoader.DEFAULT_MAX_PIXELS, ffmpeg);
        // A 3.3x reduction: box pre-reduction, DCT-domain reduction and Lanczos all take part.
        int[] size = PhotoLoader.targetSize(loader.probe(file), 270, 270);
        RgbImage whole = loader.load(file, 270, 270);
        assertThat(new int[] {whole.width(), whole.height()}).containsExactly(size);

        PhotoWindow window = new PhotoWindow(size[0] / 5, size[1] / 3, size[0] / 2, size[1] / 2);
        RgbImage part = loader.load(file, 270, 270, window);

        assertThat(part.width()).isEqualTo(window.width());
        assertThat(part.height()).isEqualTo(window.height());
        double worst = 0;
        for (int y = 0; y < window.height(); y++) {
            for (int x = 0; x < window.width(); x++) {
                float[][] a = {part.red().data(), part.green().data(), part.blue().data()};
                float[][] b = {whole.red().data(), whole.green().data(), whole.blue().data()};
                for (int c = 0; c < 3; c++) {
                    double d = a[c][y * part.width() + x] - b[c][(y + window.y()) * whole.width() + x + window.x()];
                    worst = Math.max(worst, Math.abs(d));
                }
            }
        }
        assertThat(worst).as("largest difference in 8-bit levels").isLessThan(0.01);
    }

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({"1", "6"})
    void yuvRowsMatchTheRgbPathWithoutHoldingAWholeRgbCopy(int orientation) throws Exception {
        BufferedImage img = SyntheticPhoto.waves(1800, 1200, 11, 40, 0.3, BufferedImage.TYPE_INT_RGB);
        Path file = TestImages.write(dir.resolve("o" + orientation + ".jpg"),
                TestImages.withOrientation(TestImages.jpeg(img, 0.95f), orientation));
        PhotoLoader loader = new PhotoLoader();
        PhotoWindow window = new PhotoWindow(100, 64, 601, 601); // odd: the last chroma row and column pair with themselves
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        loader.loadYuv(file, 1400, 933, window, 2); // warm up class loading and the decoder

        long before = mx.getCurrentThreadAllocatedBytes();
        YuvPhoto streamed = loader.loadYuv(file, 1400, 933, window, 2);
        long streamedBytes = mx.getCurrentThreadAllocatedBytes() - before;
        before = mx.getCurrentThreadAllocatedBytes();
        YuvPhoto viaRgb = YuvPhoto.fromRgb(loader.load(file, 1400, 933, window), 2);
        long viaRgbBytes = mx.getCurrentThreadAllocatedBytes() - before;

        assertThat(streamed.levelCount()).isEqualTo(2);
        for (int l = 0; l < 2; l++) {
            YuvPhoto.Level a = streamed.level(l);
            YuvPhoto.Level b = viaRgb.level(l);
            for (RowPlane[] pair : new RowPlane[][] {{a.y(), b.y()}, {a.cb(), b.cb()}, {a.cr(), b.cr()}}) {
                assertThat(pair[0].width()).isEqualTo(pair[1].width());
                assertThat(pair[0].height()).isEqualTo(pair[1].height());
                for (int y = 0; y < pair[0].height(); y++) {
                    if (orientation == 1) {
                        assertThat(pair[0].row(y)).as("level %d row %d", l, y).containsExactly(pair[1].row(y));
                    } else {
                        // A turned photo is held as 16-bit fixed point while it loads: 1/128 of a level at most.
                        assertThat(pair[0].row(y)).as("level %d row %d", l, y)
                                .containsExactly(pair[1].row(y), org.assertj.core.data.Offset.offset(1f / 64));
                    }
                }
            }
        }
        // The RGB path holds a float RGB copy of the window (12 bytes a pixel) that rows avoid
        // (a turned photo is held once as stored, but not a second time turned).
        long rgbCopy = 12L * window.width() * window.height();
        assertThat(streamedBytes).isLessThan(viaRgbBytes - rgbCopy * 8 / 10);
    }
}
