package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoftLimiterTest {

    static final int SR = 48_000;

    /** 0.5 s of a 0.5 sine, 0.5 s at amplitude 2.0 (6 dB over full scale), 1 s at 0.5 again. */
    static float[] burst() {
        float[] in = new float[2 * SR * 2];
        for (int n = 0; n < in.length / 2; n++) {
            double t = (double) n / SR;
            double amplitude = t >= 0.5 && t < 1.0 ? 2.0 : 0.5;
            in[2 * n] = (float) (amplitude * Math.sin(2 * Math.PI * 200 * t));
            in[2 * n + 1] = (float) (0.5 * in[2 * n]);
        }
        return in;
    }

    @Test
    void neverExceedsTheCeilingAndGlidesInsteadOfJumping() {
        float[] in = burst();
        SoftLimiter limiter = new SoftLimiter(SR);
        float[] out = new float[in.length];
        for (int from = 0; from < in.length / 2; from += 1000) { // in chunks, as the mixer feeds it
            int n = Math.min(1000, in.length / 2 - from);
            float[] chunk = java.util.Arrays.copyOfRange(in, from * 2, (from + n) * 2);
            limiter.process(chunk, chunk, n);
            System.arraycopy(chunk, 0, out, from * 2, n * 2);
        }
        int delay = limiter.delayFrames();
        assertThat(delay).isEqualTo(95);

        double previousGain = 1;
        int previousN = delay - 1;
        double largestGainStep = 0;
        for (int n = delay; n < out.length / 2; n++) {
            assertThat(Math.abs(out[2 * n])).isLessThanOrEqualTo((float) SoftLimiter.CEILING);
            float source = in[2 * (n - delay)];
            if (Math.abs(source) > 0.05) {
                double gain = out[2 * n] / source;
                assertThat(out[2 * n + 1] / in[2 * (n - delay) + 1]).isCloseTo((float) gain, within(1e-3f)); // linked
                // Change per sample since the last sample loud enough to read the gain from.
                largestGainStep = Math.max(largestGainStep, Math.abs(gain - previousGain) / (n - previousN));
                previousGain = gain;
                previousN = n;
            }
        }
        // From 1 to about 0.45 within the 96-sample look-ahead: at most 0.55 / 96 per sample, no jump.
        assertThat(largestGainStep).isLessThan(0.0075);
        // Untouched before the burst, only delayed.
        for (int n = delay; n < SR / 2 - 200; n++) {
            assertThat(out[2 * n]).isEqualTo(in[2 * (n - delay)]);
        }
        // Recovered (release 150 ms) well after the burst.
        double late = 0;
        for (int n = (int) (1.9 * SR); n < 2 * SR; n++) {
            late = Math.max(late, Math.abs(out[2 * n]));
        }
        assertThat(late).isCloseTo(0.5, within(0.01));
    }
}
