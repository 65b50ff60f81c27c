package org.kinora.render.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds note onsets and beats (drum hits, plucks, chord changes) with the spectral-flux method of
 * S. Dixon, "Onset Detection Revisited" (DAFx 2006), fed in chunks so a song is never held whole.
 *
 * <ol>
 *   <li>Mono mix, Hann-windowed frames of {@link Parameters#frameSize} samples every
 *       {@link Parameters#hopSize}; magnitude spectrum compressed as log(1 + C |X|) so quiet attacks
 *       count too.</li>
 *   <li>Spectral flux: the sum over bins of the rectified rise of the compressed magnitude from
 *       the previous frame. Sustained notes give ~0, new energy gives a peak.</li>
 *   <li>The flux is normalized to mean 0, standard deviation 1 over the whole song; a frame is an
 *       onset when it is the maximum within +-w frames, exceeds the local mean over
 *       [n - m w, n + w] by delta, and is above an exponentially decaying threshold of the flux
 *       before it (alpha). Onsets closer than {@link Parameters#minGapSeconds} keep the stronger.</li>
 *   <li>The onset time is the peak frame's time, refined by a parabola through its neighbours,
 *       minus the detector's latency: the flux peaks when an attack has entered the leading part
 *       of the window, {@link Parameters#latencySeconds} before the window's centre reaches it.</li>
 * </ol>
 */
public final class OnsetDetector {

    /** Tuning; {@link #DEFAULT} is what the app uses and the tests measure. */
    public record Parameters(int sampleRate, int frameSize, int hopSize, double compression, int peakWindow,
                             int meanMultiplier, double delta, double alpha, double minGapSeconds,
                             double latencySeconds) {
        public static final Parameters DEFAULT =
                new Parameters(48_000, 1024, 256, 1000, 3, 3, 1.0, 0.9, 0.1, 0.0);

        public Parameters {
            if (frameSize < hopSize || hopSize < 1 || Integer.bitCount(frameSize) != 1) {
                throw new IllegalArgumentException("frame size must be a power of two >= hop size");
            }
        }
    }

    private final Parameters p;
    private final Fft fft;
    private final double[] window;
    private final double[] ring; // last frameSize mono samples
    private final double[] re;
    private final double[] im;
    private double[] previous;
    private double[] current;
    private long samplesSeen;
    private int sinceHop;
    private double[] flux = new double[1024];
    private int fluxCount;

    public OnsetDetector(Parameters parameters) {
        this.p = parameters;
        this.fft = new Fft(p.frameSize());
        this.window = new double[p.frameSize()];
        for (int i = 0; i < window.length; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window.length);
        }
        this.ring = new double[p.frameSize()];
        this.re = new double[p.frameSize()];
        this.im = new double[p.frameSize()];
        this.previous = new double[p.frameSize() / 2 + 1];
        this.current = new double[p.frameSize() / 2 + 1];
    }

    public OnsetDetector() {
        this(Parameters.DEFAULT);
    }

    /** Feeds interleaved stereo samples. */
    public void acceptStereo(float[] interleaved, int frames) {
        for (int i = 0; i < frames; i++) {
            accept(0.5 * (interleaved[2 * i] + interleaved[2 * i + 1]));
        }
    }

    /** Feeds mono samples. */
    public void acceptMono(float[] mono, int count) {
        for (int i = 0; i < count; i++) {
            accept(mono[i]);
        }
    }

    private void accept(double sample) {
        ring[(int) (samplesSeen % ring.length)] = sample;
        samplesSeen++;
        if (++sinceHop == p.hopSize()) {
            sinceHop = 0;
            analyzeFrame();
        }
    }

    /** One frame ending at the newest sample: its flux against the previous frame. */
    private void analyzeFrame() {
        int n = ring.length;
        long first = samplesSeen - n; // may be negative at the start: zeros before the song
        for (int i = 0; i < n; i++) {
            long s = first + i;
            re[i] = s < 0 ? 0 : ring[(int) (s % n)] * window[i];
            im[i] = 0;
        }
        fft.transform(re, im);
        double scale = 2.0 / n;
        double sum = 0;
        for (int k = 0; k < current.length; k++) {
            double magnitude = Math.sqrt(re[k] * re[k] + im[k] * im[k]) * scale;
            current[k] = Math.log1p(p.compression() * magnitude);
            double rise = current[k] - previous[k];
            if (rise > 0) {
                sum += rise;
            }
        }
        double[] t = previous;
        previous = current;
        current = t;
        if (fluxCount == flux.length) {
            flux = Arrays.copyOf(flux, flux.length * 2);
        }
        flux[fluxCount++] = sum;
    }

    /** Seconds from the start of the input at which frame {@code index}'s window is centred. */
    private double frameCentreSeconds(double index) {
        // Frame i ends at sample (i + 1) * hop; its centre is frameSize / 2 earlier.
        return ((index + 1) * p.hopSize() - p.frameSize() / 2.0) / p.sampleRate();
    }

    /** The flux so far normalized to mean 0 and standard deviation 1; null if it is flat (silence, a steady tone). */
    double[] normalizedFlux() {
        int n = fluxCount;
        if (n < 3) {
            return null;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += flux[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (flux[i] - mean) * (flux[i] - mean);
        }
        double std = Math.sqrt(var / n);
        if (std < 1e-12) {
            return null;
        }
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = (flux[i] - mean) / std;
        }
        return f;
    }

    /** Flux values per second. */
    double frameRate() {
        return (double) p.sampleRate() / p.hopSize();
    }

    /** Time of flux frame {@code index} (fractional allowed), latency corrected, in seconds. */
    double frameSeconds(double index) {
        return Math.max(0, frameCentreSeconds(index) - p.latencySeconds());
    }

    /** The onsets found in everything fed so far, in seconds from the start, ascending. */
    public double[] onsets() {
        double[] f = normalizedFlux();
        if (f == null) {
            return new double[0]; // silence or a perfectly steady sound: nothing starts
        }
        int n = f.length;
        int w = p.peakWindow();
        int m = p.meanMultiplier();
        List<double[]> found = new ArrayList<>(); // {time, strength}
        double threshold = f[0];
        for (int i = 0; i < n; i++) {
            double before = threshold;
            threshold = Math.max(f[i], p.alpha() * threshold + (1 - p.alpha()) * f[i]);
            if (!isLocalMax(f, i, w) || f[i] < before) {
                continue;
            }
            double localMean = 0;
            int from = Math.max(0, i - m * w);
            int to = Math.min(n - 1, i + w);
            for (int k = from; k <= to; k++) {
                localMean += f[k];
            }
            localMean /= (to - from + 1);
            if (f[i] < localMean + p.delta()) {
                continue;
            }
            addKeepingStronger(found, frameSeconds(i + parabolicOffset(f, i)), f[i]);
        }
        return found.stream().mapToDouble(o -> o[0]).toArray();
    }

    private static boolean isLocalMax(double[] f, int i, int w) {
        for (int k = Math.max(0, i - w); k <= Math.min(f.length - 1, i + w); k++) {
            if (f[k] > f[i] || (f[k] == f[i] && k < i)) {
                return false;
            }
        }
        return true;
    }

    /** Sub-frame position of the true peak from a parabola through i-1, i, i+1 (-0.5..0.5). */
    private static double parabolicOffset(double[] f, int i) {
        if (i == 0 || i == f.length - 1) {
            return 0;
        }
        double a = f[i - 1];
        double b = f[i];
        double c = f[i + 1];
        double d = a - 2 * b + c;
        return d == 0 ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / d));
    }

    private void addKeepingStronger(List<double[]> found, double time, double strength) {
        if (!found.isEmpty()) {
            double[] last = found.get(found.size() - 1);
            if (time - last[0] < p.minGapSeconds()) {
                if (strength > last[1]) {
                    found.set(found.size() - 1, new double[] {time, strength});
                }
                return;
            }
        }
        found.add(new double[] {time, strength});
    }
}
