package org.kinora.render.audio;

/**
 * Keeps the mix below a ceiling without clipping: a stereo-linked look-ahead peak limiter.
 *
 * <p>For every input sample the gain that would bring it to the ceiling is computed; the limiter
 * takes the minimum of that over the next {@link #LOOK_AHEAD_SECONDS}, lets it recover with an
 * exponential release ({@link #RELEASE_SECONDS}), and smooths it with a moving average as long as
 * the look-ahead. Output is delayed by the look-ahead, so the gain has already glided down when a
 * peak arrives: every averaged value covers the sample going out, hence no sample ever exceeds the
 * ceiling, and the gain never jumps (at most 1/{@code lookAhead} of its range per sample). Below
 * the ceiling the signal passes untouched, only delayed. Both channels share one gain so the
 * stereo image does not wander.
 */
public final class SoftLimiter {

    /** -1 dBFS: leaves headroom for the AAC encoder, whose output can overshoot the input a little. */
    public static final double CEILING = 0.891;
    public static final double LOOK_AHEAD_SECONDS = 0.002;
    public static final double RELEASE_SECONDS = 0.150;

    private final int window;
    private final double releaseCoefficient;
    // Delay line of the last `window` input frames (stereo) and their required gains.
    private final float[] delay;
    private final double[] required;
    // Monotonic deque of indices into the last `window` required gains: their sliding minimum.
    private final long[] minQueue;
    private int queueHead;
    private int queueSize;
    // Moving average of the released minimum.
    private final double[] released;
    private double releasedSum;
    private double lastReleased = 1;
    private long count;

    public SoftLimiter(int sampleRate) {
        this.window = Math.max(1, (int) Math.round(LOOK_AHEAD_SECONDS * sampleRate));
        // Time constant RELEASE_SECONDS: the remaining gain reduction shrinks by 1/e in that time.
        this.releaseCoefficient = Math.exp(-1.0 / (RELEASE_SECONDS * sampleRate));
        this.delay = new float[window * 2];
        this.required = new double[window];
        this.minQueue = new long[window];
        this.released = new double[window];
        java.util.Arrays.fill(required, 1.0);
        java.util.Arrays.fill(released, 1.0);
        this.releasedSum = window;
    }

    /** Output lags input by this many sample frames. */
    public int delayFrames() {
        return window - 1;
    }

    /**
     * Takes {@code frames} interleaved stereo frames from {@code in} and writes as many limited
     * frames, {@link #delayFrames()} behind, to {@code out} (which may be {@code in}).
     */
    public void process(float[] in, float[] out, int frames) {
        for (int i = 0; i < frames; i++) {
            float left = in[2 * i];
            float right = in[2 * i + 1];
            int slot = (int) (count % window);
            // The frame leaving the delay line is the one entering window - 1 frames ago.
            int oldest = (int) ((count + 1) % window);
            double peak = Math.max(Math.abs(left), Math.abs(right));
            required[slot] = peak > CEILING ? CEILING / peak : 1.0;
            pushMinimum(count);
            double minimum = required[(int) (minQueue[queueHead] % window)];
            double release = 1.0 - (1.0 - lastReleased) * releaseCoefficient;
            lastReleased = Math.min(minimum, release);
            releasedSum += lastReleased - released[slot];
            released[slot] = lastReleased;
            // The average already stays under the outgoing frame's own limit; the min only guards
            // against rounding in the running sum.
            double gain = Math.min(releasedSum / window, required[oldest]);
            delay[2 * slot] = left;
            delay[2 * slot + 1] = right;
            out[2 * i] = (float) (delay[2 * oldest] * gain);
            out[2 * i + 1] = (float) (delay[2 * oldest + 1] * gain);
            count++;
        }
    }

    /** Adds sample {@code index} to the sliding minimum of the last {@code window} required gains. */
    private void pushMinimum(long index) {
        if (queueSize > 0 && minQueue[queueHead] <= index - window) {
            queueHead = (queueHead + 1) % window; // left the window
            queueSize--;
        }
        double value = required[(int) (index % window)];
        while (queueSize > 0) {
            long last = minQueue[(queueHead + queueSize - 1) % window];
            if (required[(int) (last % window)] >= value) {
                queueSize--;
            } else {
                break;
            }
        }
        minQueue[(queueHead + queueSize) % window] = index;
        queueSize++;
    }
}
