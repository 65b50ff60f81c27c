package org.kinora.image;

/**
 * Precomputed filter taps for resampling one axis: for each output sample, the first source index
 * and {@link #count()} normalised weights. Reusable (arrays grow, never shrink) so the per-frame
 * hot path allocates nothing.
 *
 * <p>Coordinates are continuous: source pixel i covers [i, i+1) and has its centre at i + 0.5.
 * Output sample j is centred at source coordinate {@code centre0 + j * step}, never rounded, which
 * is what makes motion sub-pixel exact. For minification (step > 1) the kernel is stretched by
 * step, so it integrates over the footprint of the output sample instead of point-sampling.
 * Samples beyond the edge repeat the edge pixel (their weight is folded onto it).
 */
public final class Taps {

    private int count;
    private int length;
    private int[] start = new int[0];
    private float[] weights = new float[0];
    private double[] raw = new double[0];
    private int min;
    private int max;

    /** Computes taps for {@code n} output samples over a source of {@code srcSize} pixels. */
    public Taps compute(Kernel kernel, int srcSize, double centre0, double step, int n) {
        if (srcSize <= 0 || n < 0) {
            throw new IllegalArgumentException("bad resample sizes: source " + srcSize + ", output " + n);
        }
        double scale = Math.max(1.0, Math.abs(step));
        double support = kernel.radius() * scale;
        // An open interval of length 2 * support holds at most ceil(2 * support) pixel centres.
        int wanted = Math.max(1, (int) Math.ceil(2 * support - 1e-9));
        int taps = Math.min(wanted, srcSize);
        if (start.length < n) {
            start = new int[n];
        }
        if (weights.length < n * taps) {
            weights = new float[n * taps];
        }
        if (raw.length < wanted) {
            raw = new double[wanted];
        }
        count = taps;
        length = n;
        min = Integer.MAX_VALUE;
        max = Integer.MIN_VALUE;
        double inv = 1.0 / scale;
        for (int j = 0; j < n; j++) {
            double centre = centre0 + j * step;
            // First source index whose centre lies within the support.
            int first = (int) Math.floor(centre - support - 0.5) + 1;
            double sum = 0;
            for (int t = 0; t < wanted; t++) {
                double w = kernel.at((first + t + 0.5 - centre) * inv);
                raw[t] = w;
                sum += w;
            }
            int s = Math.max(0, Math.min(first, srcSize - taps));
            int o = j * taps;
            for (int t = 0; t < taps; t++) {
                weights[o + t] = 0f;
            }
            double norm = sum != 0 ? 1.0 / sum : 0;
            for (int t = 0; t < wanted; t++) {
                int i = Math.max(0, Math.min(srcSize - 1, first + t));
                weights[o + i - s] += (float) (raw[t] * norm);
            }
            start[j] = s;
            min = Math.min(min, s);
            max = Math.max(max, s + taps);
        }
        if (n == 0) {
            min = 0;
            max = 0;
        }
        return this;
    }

    /** Taps per output sample. */
    public int count() {
        return count;
    }

    public int length() {
        return length;
    }

    /** First source index of output sample j. */
    public int start(int j) {
        return start[j];
    }

    public int[] starts() {
        return start;
    }

    /** Weights, {@link #count()} per output sample, in order. */
    public float[] weights() {
        return weights;
    }

    /** Lowest source index any sample reads. */
    public int min() {
        return min;
    }

    /** One past the highest source index any sample reads. */
    public int max() {
        return max;
    }
}
