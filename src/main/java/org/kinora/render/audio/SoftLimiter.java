package org.kinora.render.audio;

/**
 * Keeps the mix below a ceiling without clipping: a stereo-linked peak limiter with instant
 * attack and exponential release. Below the ceiling the signal passes untouched; a peak above it
 * pulls the gain down at once (so no sample ever exceeds the ceiling) and the gain then recovers
 * smoothly, which sounds like a brief dip instead of the crackle of clipping. Both channels get the
 * same gain so the stereo image does not wander.
 */
public final class SoftLimiter {

    /** -1 dBFS: leaves headroom for the AAC encoder, whose output can overshoot the input a little. */
    public static final double CEILING = 0.891;
    public static final double RELEASE_SECONDS = 0.150;

    private final double releaseCoefficient;
    private double gain = 1;

    public SoftLimiter(int sampleRate) {
        // Time constant RELEASE_SECONDS: the remaining gain reduction shrinks by 1/e in that time.
        this.releaseCoefficient = Math.exp(-1.0 / (RELEASE_SECONDS * sampleRate));
    }

    /** Limits {@code frames} interleaved stereo sample frames of {@code samples} in place. */
    public void process(float[] samples, int frames) {
        for (int i = 0; i < frames; i++) {
            float left = samples[2 * i];
            float right = samples[2 * i + 1];
            double peak = Math.max(Math.abs(left), Math.abs(right));
            double needed = peak > CEILING ? CEILING / peak : 1.0;
            double released = 1.0 - (1.0 - gain) * releaseCoefficient;
            gain = Math.min(needed, released);
            samples[2 * i] = (float) (left * gain);
            samples[2 * i + 1] = (float) (right * gain);
        }
    }

    /** Current gain (1 = not limiting). */
    public double gain() {
        return gain;
    }
}
