package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.AudioTrack;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Slide;
import org.kinora.render.AudioSource;

class AudioMixerTest {

    static final int SR = AudioSource.SAMPLE_RATE;

    @TempDir
    Path dir;

    /** A project of {@code slides} still slides of {@code seconds} each at 30 fps; photos are never read. */
    static Project project(int slides, double seconds, int fps, List<AudioTrack> tracks) {
        List<Slide> list = new java.util.ArrayList<>();
        for (int i = 0; i < slides; i++) {
            list.add(new Slide(Path.of("/nonexistent/photo" + i + ".png").toAbsolutePath(), seconds, Motion.STILL));
        }
        OutputSettings out = new OutputSettings(160, 90, fps, Quality.DRAFT, EncoderPreference.AUTO);
        return new Project(out, list, tracks);
    }

    static AudioTrack track(Path file, double start, double trimIn, double trimOut, double volume,
                            double fadeIn, double fadeOut, boolean loop) {
        return new AudioTrack(file, start, trimIn, trimOut, volume, fadeIn, fadeOut, loop);
    }

    static float[] mix(Project project) throws Exception {
        try (AudioSource source = AudioMixer.open(project)) {
            return TestAudio.readAll(source);
        }
    }

    /** The documented fade shape, written out independently of FadeCurve. */
    static double quarterSine(double x) {
        return Math.sin(Math.max(0, Math.min(1, x)) * Math.PI / 2);
    }

    static int at(double seconds) {
        return (int) Math.round(seconds * SR);
    }

    @Test
    void mixesMonoMp3AndStereoWavAt48kStereoWithTheVideosLengthAndTonesInPlace() throws Exception {
        Path mp3 = TestAudio.encode(dir.resolve("a440.mp3"), "libmp3lame", 44_100, 1, 2.0, TestAudio.sine(440, 0.5));
        Path wav = TestAudio.wav(dir.resolve("b1000.wav"), 48_000, 2, 2.0, TestAudio.sine(1000, 0.5));
        Project project = project(2, 2.5, 30, List.of(
                track(mp3, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false),
                track(wav, 2.5, 0, AudioTrack.UNTIL_END, 1, 0, 0, false)));

        float[] pcm = mix(project);

        assertThat(pcm.length / 2).isEqualTo(150 * SR / 30); // 150 video frames = 5 s
        for (int ch = 0; ch < 2; ch++) {
            assertThat(TestAudio.toneAmplitude(pcm, ch, at(0.2), at(1.8), 440)).isCloseTo(0.5, within(0.05));
            assertThat(TestAudio.toneAmplitude(pcm, ch, at(0.2), at(1.8), 1000)).isLessThan(0.01);
            assertThat(TestAudio.toneAmplitude(pcm, ch, at(2.7), at(4.3), 1000)).isCloseTo(0.5, within(0.02));
            assertThat(TestAudio.toneAmplitude(pcm, ch, at(2.7), at(4.3), 440)).isLessThan(0.01);
            // Between the MP3's end (2 s) and the WAV's start (2.5 s): silence.
            assertThat(TestAudio.rms(pcm, ch, at(2.1), at(2.45))).isLessThan(1e-3);
        }
        // The WAV's tone starts at 2.5 s, not before and not later than a 5 ms declick ramp.
        assertThat(TestAudio.rms(pcm, 0, at(2.49), at(2.4995))).isLessThan(1e-4);
        assertThat(TestAudio.rms(pcm, 0, at(2.51), at(2.53))).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void lengthIsTheVideoLengthRoundedForAnyFrameRate() throws Exception {
        Path wav = TestAudio.wav(dir.resolve("t.wav"), 22_050, 1, 1.0, TestAudio.sine(300, 0.3));
        Project project = project(3, 0.7, 24, List.of(AudioTrack.of(wav)));
        int videoFrames = project.timeline().totalFrames();
        long expected = Math.round(videoFrames / 24.0 * SR);
        assertThat(mix(project).length / 2).isEqualTo(expected);
        assertThat(AudioLength.sampleFrames(1, 7)).isEqualTo(Math.round(48000 / 7.0));
    }

    @Test
    void fadesFollowTheQuarterSineEnvelope() throws Exception {
        double amplitude = 0.6;
        Path wav = TestAudio.wav(dir.resolve("steady.wav"), 48_000, 2, 6.0, TestAudio.sine(500, amplitude));
        // Starts at 0.5 s, plays 4 s of the file from 1 s, fades in over 1 s and out over 1.5 s.
        Project project = project(1, 6.0, 30, List.of(track(wav, 0.5, 1.0, 5.0, 0.8, 1.0, 1.5, false)));

        float[] pcm = mix(project);

        double full = amplitude * 0.8 / Math.sqrt(2);
        double window = 0.02;
        for (double t = 0.3; t < 5.9; t += 0.05) {
            double mid = t + window / 2;
            double expected;
            if (mid < 0.5 || mid > 4.5) {
                expected = 0;
            } else if (mid < 1.5) {
                expected = full * quarterSine(mid - 0.5);
            } else if (mid > 3.0) {
                expected = full * quarterSine((4.5 - mid) / 1.5);
            } else {
                expected = full;
            }
            double measured = TestAudio.rms(pcm, 0, at(t), at(t + window));
            assertThat(measured).as("RMS at %.2f s", t).isCloseTo(expected, within(0.02 * full + 0.01));
        }
    }

    @Test
    void limiterNeverClipsTwoLoudTracks() throws Exception {
        Path a = TestAudio.wav(dir.resolve("loud1.wav"), 48_000, 2, 3.0, TestAudio.sine(220, 0.95));
        Path b = TestAudio.encode(dir.resolve("loud2.mp3"), "libmp3lame", 44_100, 1, 3.0, TestAudio.sine(330, 0.95));
        Project project = project(1, 3.0, 30, List.of(
                track(a, 0, 0, AudioTrack.UNTIL_END, 2.0, 0, 0, false),
                track(b, 0, 0, AudioTrack.UNTIL_END, 1.5, 0, 0, false)));

        float[] pcm = mix(project);

        double peak = 0;
        for (float v : pcm) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).isLessThanOrEqualTo(SoftLimiter.CEILING + 1e-6);
        // Limited, not muted: both tones still there and loud.
        assertThat(TestAudio.rms(pcm, 0, at(0.5), at(2.5))).isGreaterThan(0.3);
        assertThat(TestAudio.toneAmplitude(pcm, 0, at(0.5), at(2.5), 220)).isGreaterThan(0.2);
        assertThat(TestAudio.toneAmplitude(pcm, 0, at(0.5), at(2.5), 330)).isGreaterThan(0.2);
    }

    @Test
    void musicLongerThanTheVideoFadesOutAtTheVideosEnd() throws Exception {
        Path wav = TestAudio.wav(dir.resolve("long.wav"), 44_100, 2, 5.0, TestAudio.sine(440, 0.5));
        Project project = project(1, 2.0, 30, List.of(track(wav, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false)));

        float[] pcm = mix(project);

        assertThat(pcm.length / 2).isEqualTo(2 * SR);
        double full = 0.5 / Math.sqrt(2);
        assertThat(TestAudio.rms(pcm, 0, at(1.2), at(1.45))).isCloseTo(full, within(0.01));
        // Cut fade of TrackPlayer.CUT_FADE_SECONDS ending exactly at the video's end.
        assertThat(TestAudio.rms(pcm, 0, at(1.74), at(1.76))).isCloseTo(full * quarterSine(0.5), within(0.02));
        assertThat(TestAudio.rms(pcm, 0, at(1.995), at(2.0))).isLessThan(0.02);
        assertThat(Math.abs(pcm[pcm.length - 2])).isLessThan(0.005f);
    }

    @Test
    void shorterMusicEndsInSilenceOrLoopsWhenAsked() throws Exception {
        Path wav = TestAudio.wav(dir.resolve("short.wav"), 48_000, 2, 1.0, TestAudio.sine(600, 0.5));
        float[] once = mix(project(1, 3.0, 30, List.of(track(wav, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false))));
        float[] looped = mix(project(1, 3.0, 30, List.of(track(wav, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, true))));

        assertThat(once.length).isEqualTo(looped.length).isEqualTo(3 * SR * 2);
        assertThat(TestAudio.toneAmplitude(once, 0, at(0.1), at(0.9), 600)).isCloseTo(0.5, within(0.02));
        assertThat(TestAudio.rms(once, 0, at(1.01), at(3.0))).isEqualTo(0.0);
        assertThat(TestAudio.toneAmplitude(looped, 0, at(1.1), at(1.9), 600)).isCloseTo(0.5, within(0.02));
        assertThat(TestAudio.toneAmplitude(looped, 0, at(2.1), at(2.4), 600)).isCloseTo(0.5, within(0.02));
    }

    @Test
    void loopSeamsFadeInsteadOfClicking() throws Exception {
        // A slow ramp from -0.4 to +0.4 over the file: joined end to start it would jump by 0.8.
        Path ramp = TestAudio.wav(dir.resolve("ramp.wav"), 48_000, 2, 0.5, (c, t) -> 0.8 * (t / 0.5) - 0.4);
        float[] pcm = mix(project(1, 2.0, 30, List.of(track(ramp, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, true))));

        double largestStep = 0;
        for (int i = at(0.1); i < at(1.9); i++) {
            largestStep = Math.max(largestStep, Math.abs(pcm[2 * i + 2] - pcm[2 * i]));
        }
        assertThat(largestStep).isLessThan(0.01);
        // Still looping: the ramp is back near its start (-0.4) shortly after each seam.
        assertThat(pcm[2 * at(0.52)]).isLessThan(-0.3f);
        assertThat(pcm[2 * at(1.02)]).isLessThan(-0.3f);
    }

    @Test
    void tenMinutesOfALoopedBarStayOnTheSampleGrid() throws Exception {
        // A 2 s loop with a 2 ms click at 0.5 s, repeated for a 10-minute video at 30 fps.
        Path bar = TestAudio.wav(dir.resolve("bar.wav"), 44_100, 2, 2.0,
                (c, t) -> t >= 0.5 && t < 0.502 ? 0.8 : 0.0);
        Project project = project(1, 600, 30, List.of(track(bar, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, true)));
        long lastTenSeconds = 590L * SR;
        float[] tail = new float[10 * SR * 2];
        long position = 0;
        try (AudioSource source = AudioMixer.open(project)) {
            assertThat(source.lengthInSampleFrames()).isEqualTo(600L * SR);
            float[] chunk = new float[4096 * 2];
            int n;
            while ((n = source.read(chunk, 4096)) > 0) {
                for (int i = 0; i < n; i++, position++) {
                    if (position >= lastTenSeconds) {
                        tail[(int) (position - lastTenSeconds) * 2] = chunk[2 * i];
                    }
                }
            }
        }
        assertThat(position).isEqualTo(600L * SR);
        // Clicks at 590.5, 592.5, ... 598.5 s: no drift after 295 passes (44.1 kHz resampled to 48 kHz).
        for (int k = 0; k < 5; k++) {
            int expected = at(0.5 + 2 * k);
            int first = expected - at(0.05);
            while (first < expected + at(0.05) && Math.abs(tail[2 * first]) < 0.2) {
                first++;
            }
            assertThat((first - expected) * 1000.0 / SR).as("click %d offset in ms", k).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void aLoopTooLongToKeepInMemoryIsDecodedAgainEachPassOnTheSameGrid() throws Exception {
        double passSeconds = TrackStream.MAX_CACHED_PASS_SECONDS + 0.5;
        Path part = TestAudio.wav(dir.resolve("part.wav"), 32_000, 1, passSeconds,
                (c, t) -> t >= 0.25 && t < 0.252 ? 0.8 : 0.0);
        float[] pcm = mix(project(1, 2 * passSeconds + 1, 30, List.of(track(part, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, true))));
        for (int k = 0; k < 3; k++) {
            int expected = at(0.25 + k * passSeconds);
            int first = expected - at(0.05);
            while (first < expected + at(0.05) && Math.abs(pcm[2 * first]) < 0.2) {
                first++;
            }
            assertThat((first - expected) * 1000.0 / SR).as("click of pass %d, offset in ms", k).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void trimInAndOutSelectThePartOfTheFile() throws Exception {
        // 440 Hz for the first second, 880 Hz for the second, 1320 Hz for the third.
        TestAudio.Signal steps = (c, t) -> 0.5 * Math.sin(2 * Math.PI * (t < 1 ? 440 : t < 2 ? 880 : 1320) * t);
        Path mp3 = TestAudio.encode(dir.resolve("steps.mp3"), "libmp3lame", 44_100, 1, 3.0, steps);
        float[] pcm = mix(project(1, 2.0, 30, List.of(track(mp3, 0.5, 1.0, 2.0, 1, 0, 0, false))));

        assertThat(TestAudio.rms(pcm, 0, 0, at(0.49))).isLessThan(1e-4);
        assertThat(TestAudio.toneAmplitude(pcm, 0, at(0.6), at(1.4), 880)).isCloseTo(0.5, within(0.05));
        assertThat(TestAudio.toneAmplitude(pcm, 0, at(0.6), at(1.4), 440)).isLessThan(0.02);
        assertThat(TestAudio.rms(pcm, 0, at(1.51), at(2.0))).isLessThan(1e-4);
    }

    @Test
    void decodesFlacAacAndOpusToo() throws Exception {
        Path flac = TestAudio.encode(dir.resolve("t.flac"), "flac", 96_000, 2, 1.0, TestAudio.sine(700, 0.4));
        Path m4a = TestAudio.encode(dir.resolve("t.m4a"), "aac", 32_000, 2, 1.0, TestAudio.sine(700, 0.4));
        Path ogg = TestAudio.encode(dir.resolve("t.ogg"), "libopus", 48_000, 2, 1.0, TestAudio.sine(700, 0.4));
        for (Path file : List.of(flac, m4a, ogg)) {
            float[] pcm = mix(project(1, 1.0, 30, List.of(track(file, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false))));
            assertThat(pcm.length).isEqualTo(2 * SR);
            assertThat(TestAudio.toneAmplitude(pcm, 1, at(0.2), at(0.8), 700)).as(file.toString())
                    .isCloseTo(0.4, within(0.03));
        }
    }

    @Test
    void takesTheSoundOfAVideoFileAndDownmixesSurround() throws Exception {
        // An MP4 with an H.264 video stream first and AAC 44.1 kHz stereo after it.
        Path mp4 = dir.resolve("clip.mp4");
        try (org.bytedeco.javacv.FFmpegFrameRecorder r = new org.bytedeco.javacv.FFmpegFrameRecorder(mp4.toFile(), 64, 64, 2)) {
            r.setVideoCodecName("libx264");
            r.setAudioCodecName("aac");
            r.setFrameRate(25);
            r.setSampleRate(44_100);
            r.setAudioBitrate(128_000);
            r.start();
            var image = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
            try (var converter = new org.bytedeco.javacv.Java2DFrameConverter()) {
                float[] chunk = new float[1764 * 2];
                for (int f = 0; f < 25; f++) {
                    r.record(converter.convert(image));
                    for (int i = 0; i < 1764; i++) {
                        float v = (float) (0.4 * Math.sin(2 * Math.PI * 800 * (f * 1764 + i) / 44_100.0));
                        chunk[2 * i] = v;
                        chunk[2 * i + 1] = v;
                    }
                    r.recordSamples(44_100, 2, java.nio.FloatBuffer.wrap(chunk));
                }
            }
            r.stop();
        }
        float[] fromVideo = mix(project(1, 1.0, 30, List.of(track(mp4, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false))));
        assertThat(TestAudio.toneAmplitude(fromVideo, 0, at(0.2), at(0.8), 800)).isCloseTo(0.4, within(0.04));

        // 5.1 FLAC with a tone only in front left: it ends up on the left, not the right.
        Path surround = TestAudio.encode(dir.resolve("surround.flac"), "flac", 48_000, 6, 1.0,
                (c, t) -> c == 0 ? 0.5 * Math.sin(2 * Math.PI * 900 * t) : 0);
        float[] downmixed = mix(project(1, 1.0, 30, List.of(track(surround, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false))));
        assertThat(TestAudio.toneAmplitude(downmixed, 0, at(0.2), at(0.8), 900)).isGreaterThan(0.1);
        assertThat(TestAudio.toneAmplitude(downmixed, 1, at(0.2), at(0.8), 900)).isLessThan(0.01);
    }

    @Test
    void badFilesGiveAnErrorNamingThem() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp3"), "this is not audio at all\n".repeat(50));
        Path missing = dir.resolve("missing.wav");
        Path image = dir.resolve("picture.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", image.toFile());
        for (Path bad : List.of(text, missing, image)) {
            assertThatThrownBy(() -> mix(project(1, 1.0, 30, List.of(AudioTrack.of(bad)))))
                    .isInstanceOf(AudioFileException.class)
                    .hasMessageContaining(bad.getFileName().toString())
                    .satisfies(e -> assertThat(((AudioFileException) e).file()).isEqualTo(bad));
        }
        assertThatThrownBy(() -> mix(project(1, 1.0, 30, List.of(AudioTrack.of(missing)))))
                .hasMessageContaining("not found");
        // FFmpeg's reason in words, not JavaCV's advice to programmers.
        assertThatThrownBy(() -> mix(project(1, 1.0, 30, List.of(AudioTrack.of(text)))))
                .hasMessageContaining("not an audio file FFmpeg can read (Invalid data found")
                .hasMessageNotContaining("setFormat");
        assertThatThrownBy(() -> mix(project(1, 1.0, 30, List.of(AudioTrack.of(image)))))
                .hasMessageContaining("no audio");
    }

    @Test
    void damagedAndTruncatedMp3sPlayWhatCanBeDecoded() throws Exception {
        Path mp3 = TestAudio.encode(dir.resolve("whole.mp3"), "libmp3lame", 44_100, 2, 4.0, TestAudio.sine(440, 0.5));
        byte[] bytes = Files.readAllBytes(mp3);
        byte[] damaged = bytes.clone();
        java.util.Random random = new java.util.Random(1);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 2000; i++) {
            damaged[i] = (byte) random.nextInt(256); // garbage in the middle
        }
        Path broken = Files.write(dir.resolve("damaged.mp3"), damaged);
        Path truncated = Files.write(dir.resolve("truncated.mp3"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        float[] a = mix(project(1, 4.0, 30, List.of(track(broken, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false))));
        float[] b = mix(project(1, 4.0, 30, List.of(track(truncated, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false))));

        assertThat(a.length).isEqualTo(b.length).isEqualTo(4 * SR * 2);
        assertThat(TestAudio.toneAmplitude(a, 0, at(0.2), at(1.5), 440)).isCloseTo(0.5, within(0.05));
        assertThat(TestAudio.toneAmplitude(a, 0, at(2.6), at(3.8), 440)).isCloseTo(0.5, within(0.05));
        assertThat(TestAudio.toneAmplitude(b, 0, at(0.2), at(1.5), 440)).isCloseTo(0.5, within(0.05));
        assertThat(TestAudio.rms(b, 0, at(2.2), at(4.0))).isEqualTo(0.0); // ends where the file ends
        double peak = 0;
        for (float v : a) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertThat(peak).isLessThanOrEqualTo(SoftLimiter.CEILING + 1e-6);
    }

    @Test
    void projectWithoutMusicIsSilenceOfTheVideosLength() throws Exception {
        float[] pcm = mix(project(2, 1.5, 25, List.of()));
        assertThat(pcm.length).isEqualTo(3 * SR * 2);
        assertThat(TestAudio.rms(pcm, 0, 0, pcm.length / 2)).isEqualTo(0.0);
    }
}
