package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.cli.KinoraCli;
import org.kinora.model.AudioTrack;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.project.ProjectFile;
import org.kinora.render.AudioSource;

/**
 * End to end: a tiny project with a 44.1 kHz mono MP3 and a 48 kHz stereo WAV rendered by
 * {@code kinora render}, then the MP4 decoded: AAC 48 kHz stereo, as long as the video within one
 * frame, each tone where the timeline put it.
 */
class MusicExportTest {

    static final int FPS = 30;

    @TempDir
    Path dir;

    @Test
    void renderedVideoCarriesTheMixInSync() throws Exception {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path photo = dir.resolve("photo" + i + ".png");
            BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(80 * i, 120, 200 - 60 * i));
            g.fillRect(0, 0, 64, 64);
            g.dispose();
            ImageIO.write(image, "png", photo.toFile());
            slides.add(new Slide(photo, 1.5, Motion.STILL).withTransition(Transition.crossfade(0.5)));
        }
        // 3 x 1.5 s - 2 x 0.5 s = 3.5 s = 105 frames.
        Path mp3 = TestAudio.encode(dir.resolve("a440.mp3"), "libmp3lame", 44_100, 1, 2.0, TestAudio.sine(440, 0.5));
        Path wav = TestAudio.wav(dir.resolve("b1000.wav"), 48_000, 2, 2.0, TestAudio.sine(1000, 0.5));
        Project project = new Project(new OutputSettings(160, 90, FPS, Quality.DRAFT, EncoderPreference.LIBX264), slides,
                List.of(new AudioTrack(mp3, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false),
                        new AudioTrack(wav, 2.5, 0, AudioTrack.UNTIL_END, 1, 0, 0, false)));
        Path file = dir.resolve("show.kinora");
        ProjectFile.save(project, file);
        Path mp4 = dir.resolve("show.mp4");

        StringWriter err = new StringWriter();
        int code = KinoraCli.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("render", file.toString(), "-o", mp4.toString(), "--quiet");
        assertThat(code).as(err.toString()).isEqualTo(KinoraCli.OK);

        int videoFrames = 0;
        double fps;
        try (FFmpegFrameGrabber video = new FFmpegFrameGrabber(mp4.toFile())) {
            video.start();
            fps = video.getVideoFrameRate();
            assertThat(video.getAudioCodecName()).isEqualTo("aac");
            assertThat(video.getSampleRate()).isEqualTo(48_000);
            assertThat(video.getAudioChannels()).isEqualTo(2);
            System.out.printf("export: audio %s %d Hz %d ch, %d bit/s%n", video.getAudioCodecName(), video.getSampleRate(),
                    video.getAudioChannels(), video.getAudioBitrate());
            assertThat(video.getAudioBitrate()).isBetween(100_000, 200_000); // asked 192k; AAC spends less on pure tones
            while (video.grabImage() != null) {
                videoFrames++;
            }
        }
        assertThat(fps).isCloseTo(FPS, within(0.01));
        assertThat(videoFrames).isEqualTo(project.timeline().totalFrames()).isEqualTo(105);

        float[] pcm = decodeAll(mp4);
        double audioSeconds = pcm.length / 2.0 / AudioSource.SAMPLE_RATE;
        double videoSeconds = videoFrames / fps;
        System.out.printf("export: video %.4f s, audio %.4f s, difference %.1f ms%n", videoSeconds, audioSeconds,
                (audioSeconds - videoSeconds) * 1000);
        assertThat(audioSeconds).isCloseTo(videoSeconds, within(1.0 / FPS));

        // 440 Hz (the MP3, 0..2 s) alone in 0.2..1.8 s, 1000 Hz (the WAV, from 2.5 s) alone in 2.6..3.0 s.
        assertThat(TestAudio.toneAmplitude(pcm, 0, at(0.2), at(1.8), 440)).isCloseTo(0.5, within(0.08));
        assertThat(TestAudio.toneAmplitude(pcm, 1, at(0.2), at(1.8), 1000)).isLessThan(0.02);
        assertThat(TestAudio.toneAmplitude(pcm, 1, at(2.6), at(2.95), 1000)).isCloseTo(0.5, within(0.08));
        assertThat(TestAudio.toneAmplitude(pcm, 0, at(2.6), at(2.95), 440)).isLessThan(0.02);
        // Silence between them; the WAV starts at 2.5 s on the video's clock, within one frame.
        assertThat(TestAudio.rms(pcm, 0, at(2.1), at(2.4))).isLessThan(0.01);
        double onset = firstLoudWindowAfter(pcm, 2.1, 0.1);
        System.out.printf("export: 1000 Hz tone starts at %.4f s (expected 2.5000)%n", onset);
        assertThat(onset).isCloseTo(2.5, within(1.0 / FPS));
        // The WAV would play until 4.5 s: the video's end at 3.5 s cuts it with a 0.5 s fade-out.
        double full = 0.5 / Math.sqrt(2);
        assertThat(TestAudio.rms(pcm, 1, at(2.8), at(2.95))).isCloseTo(full, within(0.05));
        assertThat(TestAudio.rms(pcm, 1, at(3.24), at(3.26))).isCloseTo(full * Math.sin(Math.PI / 4), within(0.05));
        assertThat(TestAudio.rms(pcm, 1, at(3.47), at(3.5))).isLessThan(0.05);
    }

    /**
     * The sync target: within one video frame over a 10-minute video. A 2 s MP3 bar
     * (44.1 kHz, encoder delay to undo) with a click at 0.5 s loops for 10 minutes at 64x36.
     */
    @Test
    void tenMinuteRenderKeepsTheMusicInSyncToTheEnd() throws Exception {
        Path photo = dir.resolve("p.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        Path bar = TestAudio.encode(dir.resolve("bar.mp3"), "libmp3lame", 44_100, 2, 2.0,
                (c, t) -> t >= 0.5 && t < 0.502 ? 0.8 : 0.0);
        Project project = new Project(new OutputSettings(64, 36, FPS, Quality.DRAFT, EncoderPreference.LIBX264),
                List.of(new Slide(photo, 300, Motion.STILL), new Slide(photo, 300, Motion.STILL)),
                List.of(new AudioTrack(bar, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, true)));
        Path file = dir.resolve("long.kinora");
        ProjectFile.save(project, file);
        Path mp4 = dir.resolve("long.mp4");

        StringWriter err = new StringWriter();
        int code = KinoraCli.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("render", file.toString(), "-o", mp4.toString(), "--quiet");
        assertThat(code).as(err.toString()).isEqualTo(KinoraCli.OK);

        int frames = 0;
        double fps;
        try (FFmpegFrameGrabber video = new FFmpegFrameGrabber(mp4.toFile())) {
            video.start();
            fps = video.getVideoFrameRate();
            while (video.grabImage() != null) {
                frames++;
            }
        }
        assertThat(frames).isEqualTo(18_000);
        float[] pcm = decodeAll(mp4);
        double audioSeconds = pcm.length / 2.0 / AudioSource.SAMPLE_RATE;
        System.out.printf("export 10 min: video %.4f s, audio %.4f s%n", frames / fps, audioSeconds);
        assertThat(audioSeconds).isCloseTo(frames / fps, within(1.0 / FPS));
        for (double expected : new double[] {0.5, 300.5, 598.5}) {
            int i = at(expected - 0.1);
            while (i < at(expected + 0.1) && Math.abs(pcm[2 * i]) < 0.2) {
                i++;
            }
            double found = (double) i / AudioSource.SAMPLE_RATE;
            System.out.printf("export 10 min: click expected at %.3f s, found at %.4f s%n", expected, found);
            assertThat(found).isCloseTo(expected, within(1.0 / FPS));
        }
    }

    @Test
    void missingMusicFailsBeforeRenderingAndNamesTheFile() throws Exception {
        Path photo = dir.resolve("p.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        Path song = TestAudio.wav(dir.resolve("song.wav"), 48_000, 2, 1.0, TestAudio.sine(440, 0.5));
        Project project = new Project(new OutputSettings(160, 90, FPS, Quality.DRAFT, EncoderPreference.LIBX264),
                List.of(new Slide(photo, 1.0, Motion.STILL)), List.of(AudioTrack.of(song)));
        Path file = dir.resolve("show.kinora");
        ProjectFile.save(project, file);
        Files.delete(song);
        Path mp4 = dir.resolve("show.mp4");

        StringWriter err = new StringWriter();
        int code = KinoraCli.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("render", file.toString(), "-o", mp4.toString(), "--quiet");

        assertThat(code).isEqualTo(KinoraCli.FAILED);
        assertThat(err.toString()).contains("song.wav", "not found");
        assertThat(mp4).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("mp4"));
        }
    }

    static int at(double seconds) {
        return (int) Math.round(seconds * AudioSource.SAMPLE_RATE);
    }

    /** Start of the first 2 ms window after {@code from} whose RMS exceeds {@code level}. */
    static double firstLoudWindowAfter(float[] pcm, double from, double level) {
        int window = at(0.002);
        for (int i = at(from); i + window < pcm.length / 2; i += window / 4) {
            if (TestAudio.rms(pcm, 0, i, i + window) > level) {
                return (double) i / AudioSource.SAMPLE_RATE;
            }
        }
        return Double.NaN;
    }

    static float[] decodeAll(Path file) throws Exception {
        List<float[]> chunks = new ArrayList<>();
        int total = 0;
        try (AudioDecoder decoder = AudioDecoder.open(file)) {
            while (true) {
                float[] chunk = new float[8192 * 2];
                int n = decoder.read(chunk, 0, 8192);
                if (n == 0) {
                    break;
                }
                chunks.add(java.util.Arrays.copyOf(chunk, n * 2));
                total += n * 2;
            }
        }
        float[] all = new float[total];
        int pos = 0;
        for (float[] c : chunks) {
            System.arraycopy(c, 0, all, pos, c.length);
            pos += c.length;
        }
        return all;
    }
}
