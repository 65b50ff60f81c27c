package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnsetDetectorTest {

    static final double TOLERANCE = 0.030;

    @TempDir
    Path dir;

    /** Click times at irregular intervals (0.3..0.8 s), so no tempo guess can find them by itself. */
    static double[] clickTimes(long seed, double seconds) {
        Random random = new Random(seed);
        List<Double> times = new ArrayList<>();
        for (double t = 0.4 + random.nextDouble() * 0.3; t < seconds - 0.3; t += 0.3 + random.nextDouble() * 0.5) {
            times.add(t);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Clicks (a decaying 2 kHz ping plus a noise burst, random level between 0.3 and 0.8) over a
     * quiet sustained chord and a noise floor, like a metronome over a pad.
     */
    static TestAudio.Signal clickTrack(double[] clicks, long seed) {
        Random levels = new Random(seed);
        double[] level = new double[clicks.length];
        long[] noiseSeed = new long[clicks.length];
        for (int i = 0; i < clicks.length; i++) {
            level[i] = 0.3 + 0.5 * levels.nextDouble();
            noiseSeed[i] = levels.nextLong();
        }
        return (c, t) -> {
            double v = 0.05 * (Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 277 * t))
                    + 0.01 * hashNoise(Double.doubleToLongBits(t));
            int i = lastClickBefore(clicks, t);
            if (i >= 0) {
                double dt = t - clicks[i];
                double envelope = Math.exp(-dt / 0.012);
                v += level[i] * envelope * (0.6 * Math.sin(2 * Math.PI * 2000 * dt)
                        + 0.4 * hashNoise(noiseSeed[i] ^ Double.doubleToLongBits(dt)));
            }
            return v;
        };
    }

    static int lastClickBefore(double[] clicks, double t) {
        int idx = java.util.Arrays.binarySearch(clicks, t);
        return idx >= 0 ? idx : -idx - 2;
    }

    /** Deterministic white noise in -1..1 from a key. */
    static double hashNoise(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53 * 2 - 1;
    }

    record Score(int clicks, int found, int falsePositives, double meanError, double maxError, double meanSigned) {
    }

    static Score score(double[] clicks, double[] detected) {
        int found = 0;
        double sumAbs = 0;
        double sumSigned = 0;
        double max = 0;
        boolean[] used = new boolean[detected.length];
        for (double click : clicks) {
            int best = -1;
            for (int j = 0; j < detected.length; j++) {
                if (!used[j] && Math.abs(detected[j] - click) <= TOLERANCE
                        && (best < 0 || Math.abs(detected[j] - click) < Math.abs(detected[best] - click))) {
                    best = j;
                }
            }
            if (best >= 0) {
                used[best] = true;
                found++;
                double error = detected[best] - click;
                sumAbs += Math.abs(error);
                sumSigned += error;
                max = Math.max(max, Math.abs(error));
            }
        }
        return new Score(clicks.length, found, detected.length - found, sumAbs / Math.max(1, found),
                max, sumSigned / Math.max(1, found));
    }

    @Test
    void findsClicksInAGeneratedMp3ClickTrack() throws Exception {
        double[] clicks = clickTimes(7, 30);
        Path mp3 = TestAudio.encode(dir.resolve("clicks.mp3"), "libmp3lame", 44_100, 1, 30, clickTrack(clicks, 7));

        MusicAnalysis analysis = MusicAnalysis.of(mp3);
        Score s = score(clicks, analysis.onsetSeconds());
        System.out.printf("onsets mp3: %d clicks, %d found (%.1f %%), %d false, mean |error| %.1f ms, max %.1f ms, mean signed %.1f ms%n",
                s.clicks(), s.found(), 100.0 * s.found() / s.clicks(), s.falsePositives(), s.meanError() * 1000,
                s.maxError() * 1000, s.meanSigned() * 1000);

        assertThat(analysis.durationSeconds()).isCloseTo(30, within(0.01));
        assertThat((double) s.found() / s.clicks()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.falsePositives()).isLessThanOrEqualTo(s.clicks() / 20);
    }

    @Test
    void findsClicksInAStereoWavAtAnotherSeedAndLevel() throws Exception {
        double[] clicks = clickTimes(42, 20);
        TestAudio.Signal mono = clickTrack(clicks, 42);
        Path wav = TestAudio.wav(dir.resolve("clicks.wav"), 48_000, 2, 20, (c, t) -> 0.5 * mono.at(c, t));

        Score s = score(clicks, MusicAnalysis.of(wav).onsetSeconds());
        System.out.printf("onsets wav: %d clicks, %d found (%.1f %%), %d false, mean |error| %.1f ms, max %.1f ms, mean signed %.1f ms%n",
                s.clicks(), s.found(), 100.0 * s.found() / s.clicks(), s.falsePositives(), s.meanError() * 1000,
                s.maxError() * 1000, s.meanSigned() * 1000);

        assertThat((double) s.found() / s.clicks()).isGreaterThanOrEqualTo(0.95);
        assertThat(s.falsePositives()).isLessThanOrEqualTo(s.clicks() / 20);
    }

    @Test
    void steadyToneHasNoOnsetsAfterItsStart() {
        OnsetDetector detector = new OnsetDetector();
        float[] tone = new float[48_000 * 3];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
        }
        detector.acceptMono(tone, tone.length);
        double[] onsets = detector.onsets();
        assertThat(java.util.Arrays.stream(onsets).filter(t -> t > 0.1).toArray()).isEmpty();
    }
}
