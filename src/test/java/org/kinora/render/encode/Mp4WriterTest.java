package org.kinora.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.Quality;
import org.kinora.render.YuvFrame;

class Mp4WriterTest {

    @TempDir
    Path dir;

    private static YuvFrame grey(int w, int h, int luma) {
        YuvFrame f = new YuvFrame(w, h);
        for (int i = 0; i < w * h; i++) {
            f.data().put(i, (byte) luma);
        }
        for (int i = w * h; i < w * h * 3 / 2; i++) {
            f.data().put(i, (byte) 128);
        }
        return f;
    }

    @Test
    void passesYuvFramesToTheEncoderWithoutSwscale() throws Exception {
        Path file = dir.resolve("direct.mp4");
        EncodeSettings s = new EncodeSettings(64, 48, 25, Quality.DRAFT, 0);
        try (Mp4Writer w = Mp4Writer.open(file, VideoEncoder.LIBX264, s, 1024)) {
            YuvFrame frame = grey(64, 48, 100);
            for (int i = 0; i < 10; i++) {
                w.writeVideo(frame);
            }
            assertThat(w.convertsFrames()).as("swscale context created").isFalse();
            w.finish();
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setImageMode(org.bytedeco.javacv.FrameGrabber.ImageMode.RAW);
            g.start();
            assertThat(g.getLengthInVideoFrames()).isEqualTo(10);
            var frame = g.grabImage(); // lossless (crf 0): the luma level survives exactly
            var decoded = (org.bytedeco.ffmpeg.avutil.AVFrame) frame.opaque;
            assertThat(decoded.data(0).get(0) & 0xff).isEqualTo(100);
            assertThat(decoded.data(0).get(47L * decoded.linesize(0) + 63) & 0xff).isEqualTo(100);
            g.stop();
        }
    }

    /** x264 writes the options it really used into the stream (an SEI message): check them there. */
    @Test
    void libx264RunsWithOpenGopsAndTheUnbufferedLookaheadAndKeepsTheKeyframeInterval() throws Exception {
        Path file = dir.resolve("options.mp4");
        EncodeSettings s = new EncodeSettings(64, 48, 25, Quality.STANDARD, -1);
        try (Mp4Writer w = Mp4Writer.open(file, VideoEncoder.LIBX264, s, 1024)) {
            for (int i = 0; i < 60; i++) {
                w.writeVideo(grey(64, 48, 40 + i));
            }
            w.finish();
        }
        String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("open_gop=1").contains("keyint=47 ").contains("bframes=3 ").contains("crf=20.0")
                .doesNotContain("open_gop=0");
    }

    @Test
    void rejectsFramesOfAnotherSizeRatherThanScalingThem() throws Exception {
        Path file = dir.resolve("size.mp4");
        try (Mp4Writer w = Mp4Writer.open(file, VideoEncoder.LIBX264, new EncodeSettings(64, 48, 25, Quality.DRAFT, -1), 1024)) {
            assertThatThrownBy(() -> w.writeVideo(grey(32, 24, 0))).hasMessageContaining("32x24");
        }
    }

    @Test
    void lossyAndLosslessOptionsFollowTheSettings() {
        EncodeSettings standard = new EncodeSettings(64, 48, 30, Quality.STANDARD, -1);
        assertThat(VideoEncoder.LIBX264.options(standard)).containsEntry("preset", "fast").containsEntry("crf", "20");
        assertThat(VideoEncoder.LIBX264.options(standard.withCrf(0))).containsEntry("crf", "0").containsEntry("qp", "0");
        assertThat(VideoEncoder.H264_NVENC.options(standard)).containsEntry("rc", "vbr").containsEntry("cq", "20")
                .containsEntry("preset", "p4");
        assertThat(VideoEncoder.H264_NVENC.options(standard.withCrf(16))).containsEntry("cq", "16");
        assertThat(standard.keyframeInterval()).isEqualTo(60);
    }

    @Test
    void turnsFfmpegErrorCodesIntoWords() {
        assertThat(Mp4Writer.describe(new Exception("av_interleaved_write_frame() error -28 while writing")))
                .startsWith("No space left on device");
    }

    /**
     * JavaCV's stop() ignores av_write_trailer's result, so a file left incomplete at the end (a
     * full disk, or here +faststart unable to read the file back to move the index first) passed
     * as finished. The file is deleted while open: its data still goes somewhere, the read fails.
     */
    @Test
    void aFailureWhileWritingTheIndexIsReportedNotLost() throws Exception {
        Path file = dir.resolve("vanishing.mp4");
        try (Mp4Writer w = Mp4Writer.open(file, VideoEncoder.LIBX264, new EncodeSettings(64, 48, 25, Quality.DRAFT, -1), 1024)) {
            for (int i = 0; i < 3; i++) {
                w.writeVideo(grey(64, 48, 60 + i));
            }
            Files.delete(file);
            assertThatThrownBy(w::finish)
                    .isInstanceOf(OutputWriteException.class)
                    .hasMessage("cannot write " + file + ": no such file or directory")
                    .satisfies(e -> assertThat(((OutputWriteException) e).reason()).isEqualTo("no such file or directory"));
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsAnEncoderOpenFailureNotACrash() throws Exception {
        Path file = dir.resolve("missing-folder").resolve("x.mp4");
        assertThatThrownBy(() -> Mp4Writer.open(file, VideoEncoder.LIBX264,
                new EncodeSettings(64, 48, 25, Quality.DRAFT, -1), 1024))
                .isInstanceOf(EncoderOpenException.class);
        assertThat(Files.exists(file)).isFalse();
    }
}
