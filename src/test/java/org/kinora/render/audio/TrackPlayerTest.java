package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;
import org.kinora.render.AudioSource;

/**
 * A fade-out longer than what can be heard of a track costs no memory for its length, and every
 * sample sounds exactly as before.
 */
class TrackPlayerTest {

    static final int SR = AudioSource.SAMPLE_RATE;

    @TempDir
    Path dir;

    /** Two different tones per channel, so a swapped or shifted sample shows. */
    static TestAudio.Signal music() {
        return (c, t) -> 0.4 * Math.sin(2 * Math.PI * (c == 0 ? 500 : 730) * t) + 0.2 * Math.sin(2 * Math.PI * 61 * t);
    }

    static AudioTrack track(Path file, double start, double trimIn, double trimOut, double volume,
                            double fadeIn, double fadeOut, boolean loop) {
        return new AudioTrack(file, start, trimIn, trimOut, volume, fadeIn, fadeOut, loop);
    }

    /** Heap bytes this thread allocates while it runs {@code work}. */
    static long allocatedBy(ThrowingRunnable work) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The player's samples for the timeline [0, videoEnd), mixed block by block as the mixer does. */
    static float[] play(TrackPlayer player, long videoEnd) throws Exception {
        float[] out = new float[(int) videoEnd * 2];
        float[] block = new float[AudioMixer.BLOCK_FRAMES * 2];
        try (player) {
            for (long pos = 0; pos < videoEnd; pos += AudioMixer.BLOCK_FRAMES) {
                int frames = (int) Math.min(AudioMixer.BLOCK_FRAMES, videoEnd - pos);
                Arrays.fill(block, 0f);
                player.mixInto(block, pos, frames);
                System.arraycopy(block, 0, out, (int) pos * 2, frames * 2);
            }
        }
        return out;
    }

    /**
     * What the player did before look-ahead was bounded, written out from the whole decoded part:
     * the track's samples from its start to its end (its own, or the video's), times volume, a
     * quarter-sine fade-in from the start and a fade-out ending at the end. Its own end gets the
     * full fade-out however much longer than the part it is (the part plays the fade's last
     * stretch); the video's end gets max(fade-out, 0.5 s) but at most the track's time on screen.
     */
    static float[] reference(AudioTrack t, long videoEnd) throws Exception {
        long start = AudioLength.ofSeconds(t.startSeconds());
        long room = videoEnd - start;
        float[] raw = new float[(int) (room + 1) * 2];
        int n = 0;
        try (TrackStream stream = TrackStream.open(t)) {
            while (n < room + 1 && !stream.ended()) {
                n += stream.read(raw, n * 2, (int) Math.min(4096, room + 1 - n));
            }
        }
        boolean cut = start + n > videoEnd;
        long end = cut ? videoEnd : start + n;
        long declick = 240; // 5 ms
        long fadeIn = Math.max(declick, AudioLength.ofSeconds(t.fadeInSeconds()));
        long natural = Math.max(declick, AudioLength.ofSeconds(t.fadeOutSeconds()));
        long fadeOut = cut ? Math.min(Math.max(natural, SR / 2), Math.max(1, room)) : natural;
        float[] out = new float[(int) videoEnd * 2];
        for (long p = start; p < end; p++) {
            long k = p - start;
            double in = k >= fadeIn ? 1.0 : FadeCurve.gain((k + 0.5) / fadeIn);
            long remaining = end - p;
            double outGain = remaining > fadeOut ? 1.0 : FadeCurve.gain((remaining - 0.5) / fadeOut);
            double gain = t.volume() * in * outGain;
            out[(int) p * 2] += (float) (raw[(int) k * 2] * gain);
            out[(int) p * 2 + 1] += (float) (raw[(int) k * 2 + 1] * gain);
        }
        return out;
    }

    static void assertSameSamples(float[] actual, float[] expected, String what) {
        assertThat(actual.length).as(what + ": length").isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(actual[i] + 0f) != Float.floatToIntBits(expected[i] + 0f)) {
                throw new AssertionError(what + ": sample frame " + i / 2 + " channel " + i % 2 + " is "
                        + actual[i] + ", was " + expected[i]);
            }
        }
    }

    @Test
    void anHourOfFadeOutOnAThreeSecondVideoBuffersNextToNothing() throws Exception {
        Path wav = TestAudio.wav(dir.resolve("song.wav"), 48_000, 2, 10.0, music());
        long videoEnd = 3L * SR;
        AudioTrack hourFade = track(wav, 0, 0, AudioTrack.UNTIL_END, 1, 0, 3600, false);
        float[][] pcm = new float[1][];

        long bytes = allocatedBy(() -> pcm[0] = play(TrackPlayer.open(hourFade, videoEnd), videoEnd));

        // The mix buffers themselves are 1.2 MB (3 s of stereo float); the old look-ahead was 1.4 GB.
        long mixBuffers = (videoEnd + AudioMixer.BLOCK_FRAMES) * 2 * Float.BYTES;
        System.out.printf("fade-out 3600 s, 3 s video: %d bytes allocated besides the output%n", bytes - mixBuffers);
        assertThat(bytes - mixBuffers).as("bytes allocated besides the output").isLessThan(1_000_000);
        // Music longer than the video is cut at its end, with the fade-out at most the 3 s on
        // screen: one quarter sine over the whole video, as before.
        assertThat(TestAudio.toneAmplitude(pcm[0], 0, SR / 10, SR / 2, 500))
                .isCloseTo(0.4 * FadeCurve.gain(2.7 / 3), within(0.01));
        assertThat(TestAudio.toneAmplitude(pcm[0], 0, SR * 2, SR * 5 / 2, 500))
                .isCloseTo(0.4 * FadeCurve.gain(0.75 / 3), within(0.01));
    }

    @Test
    void aLongFadeOnAThirtySecondPartIsFoundByCountingNotByBuffering() throws Exception {
        Path wav = TestAudio.wav(dir.resolve("long.wav"), 48_000, 2, 30.0, music());
        long videoEnd = 40L * SR;
        AudioTrack hourFade = track(wav, 1.0, 0, AudioTrack.UNTIL_END, 1, 0, 3600, false);
        TrackPlayer[] player = new TrackPlayer[1];

        long bytes = allocatedBy(() -> player[0] = TrackPlayer.open(hourFade, videoEnd));

        try (TrackPlayer p = player[0]) {
            // Capped at the 30 s that can be heard, a look-ahead would still hold 11.5 MB.
            System.out.printf("fade-out 3600 s, 30 s part: open allocated %d bytes, FIFO %d floats%n",
                    bytes, p.bufferFloats());
            assertThat(bytes).as("bytes allocated by open").isLessThan(1_000_000);
            assertThat(p.bufferFloats() * (long) Float.BYTES).isLessThan(100_000);
            float[] block = new float[AudioMixer.BLOCK_FRAMES * 2];
            long mixing = allocatedBy(() -> {
                for (long pos = 0; pos < videoEnd; pos += AudioMixer.BLOCK_FRAMES) {
                    Arrays.fill(block, 0f);
                    p.mixInto(block, pos, (int) Math.min(AudioMixer.BLOCK_FRAMES, videoEnd - pos));
                }
            });
            assertThat(mixing).as("bytes allocated mixing 40 s").isLessThan(1_000_000);
            assertThat(p.finished()).isTrue();
        }
    }

    @Test
    void sixTracksWithLongFadesMixWithinAFewMegabytes() throws Exception {
        Path wav = TestAudio.wav(dir.resolve("six.wav"), 48_000, 2, 10.0, music());
        List<AudioTrack> tracks = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tracks.add(track(wav, 0.25 * i, 0.5 * i, AudioTrack.UNTIL_END, 0.15, 0, 30 + i, false));
        }
        Project project = AudioMixerTest.project(1, 3.0, 30, tracks);
        float[] out = new float[AudioMixer.BLOCK_FRAMES * 2];

        long bytes = allocatedBy(() -> {
            try (AudioSource mix = AudioMixer.open(project)) {
                while (mix.read(out, AudioMixer.BLOCK_FRAMES) > 0) {
                    // pulled like the encoder pulls it
                }
            }
        });

        System.out.printf("six tracks, fade-out 30-35 s, 3 s video: %d bytes allocated%n", bytes);
        // Mostly garbage of the twelve decoder opens (3.5 MB here); the look-ahead alone was 75 MB.
        assertThat(bytes).as("bytes allocated opening and mixing six tracks").isLessThan(8_000_000);
    }

    @Test
    void aFadeOutLongerThanThePartSoundsExactlyAsBefore() throws Exception {
        Path wav = TestAudio.wav(dir.resolve("ten.wav"), 48_000, 2, 10.0, music());
        Path shortWav = TestAudio.wav(dir.resolve("two.wav"), 44_100, 2, 2.0, music());
        long threeSeconds = 3L * SR;
        List<AudioTrack> cases = List.of(
                // The case of the bug report, moderate: fade-out 5 s on a 3 s part that ends on its own.
                track(wav, 0.25, 2.0, 5.0, 0.8, 0.4, 5, false),
                // A 2 s part: short enough for a look-ahead over the whole part.
                track(wav, 0.5, 1.0, 3.0, 1.0, 0, 5, false),
                // A file that runs dry before the video ends (44.1 kHz, resampled).
                track(shortWav, 0.1, 0, AudioTrack.UNTIL_END, 1.0, 1.0, 5, false),
                // Cut by the end of the video: max(fade-out, 0.5 s), at most its time on screen.
                track(wav, 0.5, 0, AudioTrack.UNTIL_END, 0.9, 0.2, 5, false),
                // A loop of 0.7 s, cut by the end of the video.
                track(wav, 0.3, 1.0, 1.7, 1.0, 1.0, 5, true));
        for (AudioTrack t : cases) {
            float[] expected = reference(t, threeSeconds);
            String what = "start " + t.startSeconds() + ", trim " + t.trimInSeconds() + ".." + t.trimOutSeconds()
                    + ", fade out " + t.fadeOutSeconds() + (t.loop() ? ", loop" : "");
            assertSameSamples(play(TrackPlayer.open(t, threeSeconds), threeSeconds), expected, what);
            // Both ways of finding the end: decoding ahead over all that can be heard, and counting first.
            assertSameSamples(play(TrackPlayer.open(t, threeSeconds, Long.MAX_VALUE), threeSeconds), expected,
                    what + ", look-ahead");
            assertSameSamples(play(TrackPlayer.open(t, threeSeconds, 0), threeSeconds), expected,
                    what + ", counted");
            assertThat(TestAudio.rms(expected, 0, 0, expected.length / 2)).as(what).isGreaterThan(0.01);
        }
    }
}
