package org.kinora.render.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the beat of steady music from its onset-strength envelope with dynamic programming, after
 * D. Ellis, "Beat Tracking by Dynamic Programming", J. New Music Research 36(1), 2007.
 *
 * <ol>
 *   <li>Tempo: autocorrelation of the envelope over periods of 40..240 BPM, weighted by a
 *       log-Gaussian around {@link #PREFERRED_BPM} ({@link #TEMPO_SPREAD_OCTAVES} octaves wide),
 *       so the tracker prefers the tempo people tap rather than its double or half.</li>
 *   <li>Beats: the sequence of frames maximizing the envelope at the beats minus
 *       {@link #TIGHTNESS} * log(interval / period)^2 for each interval, found by dynamic
 *       programming over the whole song and traced back from the best-scoring last beat.</li>
 *   <li>Each beat is then moved onto a detected onset within {@link #ONSET_SNAP_SECONDS}, which
 *       has sub-frame timing.</li>
 * </ol>
 * A beat grid only means something when the music has a steady pulse: {@link Result#steady()}
 * says whether most beats landed on onsets.
 */
public final class BeatTracker {

    public static final double PREFERRED_BPM = 120;
    public static final double TEMPO_SPREAD_OCTAVES = 1.0;
    public static final double MIN_BPM = 40;
    public static final double MAX_BPM = 240;
    public static final double TIGHTNESS = 100;
    public static final double ONSET_SNAP_SECONDS = 0.04;
    /** Share of beats that must land on an onset for the grid to count as steady. */
    public static final double STEADY_SHARE = 0.8;

    /**
     * @param bpm the tempo found, 0 when none
     * @param beatSeconds beat times, ascending
     * @param onBeatShare share of beats that coincide with a detected onset
     */
    public record Result(double bpm, double[] beatSeconds, double onBeatShare) {
        public Result {
            beatSeconds = beatSeconds.clone();
        }

        @Override
        public double[] beatSeconds() {
            return beatSeconds.clone();
        }

        public boolean steady() {
            return beatSeconds.length >= 4 && onBeatShare >= STEADY_SHARE;
        }
    }

    private BeatTracker() {
    }

    /** Tracks the beat of everything {@code detector} has been fed. */
    public static Result track(OnsetDetector detector) {
        double[] flux = detector.normalizedFlux();
        double[] onsets = detector.onsets();
        if (flux == null) {
            return new Result(0, new double[0], 0);
        }
        double rate = detector.frameRate();
        double[] envelope = new double[flux.length];
        for (int i = 0; i < flux.length; i++) {
            envelope[i] = Math.max(0, flux[i]);
        }
        double period = tempoPeriod(envelope, rate);
        if (Double.isNaN(period)) {
            return new Result(0, new double[0], 0);
        }
        int[] frames = beatFrames(envelope, period);
        double[] beats = new double[frames.length];
        int onOnset = 0;
        for (int i = 0; i < frames.length; i++) {
            double t = detector.frameSeconds(frames[i]);
            double onset = SortedTimes.nearest(onsets, t);
            if (!Double.isNaN(onset) && Math.abs(onset - t) <= ONSET_SNAP_SECONDS) {
                t = onset;
                onOnset++;
            }
            beats[i] = t;
        }
        Arrays.sort(beats);
        return new Result(60 * rate / period, beats, frames.length == 0 ? 0 : (double) onOnset / frames.length);
    }

    /** Beat period in envelope frames (fractional), or NaN if the song is too short for one. */
    static double tempoPeriod(double[] envelope, double rate) {
        int minLag = (int) Math.floor(60 * rate / MAX_BPM);
        int maxLag = (int) Math.ceil(60 * rate / MIN_BPM);
        if (envelope.length < 2 * maxLag) {
            maxLag = envelope.length / 2;
        }
        if (maxLag <= minLag + 2) {
            return Double.NaN;
        }
        double preferredLag = 60 * rate / PREFERRED_BPM;
        double[] score = new double[maxLag + 2];
        int best = -1;
        for (int lag = minLag; lag <= maxLag + 1; lag++) {
            double sum = 0;
            for (int i = lag; i < envelope.length; i++) {
                sum += envelope[i] * envelope[i - lag];
            }
            double octaves = Math.log(lag / preferredLag) / Math.log(2) / TEMPO_SPREAD_OCTAVES;
            score[lag] = sum / (envelope.length - lag) * Math.exp(-0.5 * octaves * octaves);
            if (lag <= maxLag && (best < 0 || score[lag] > score[best])) {
                best = lag;
            }
        }
        if (score[best] <= 0) {
            return Double.NaN;
        }
        double a = score[Math.max(minLag, best - 1)];
        double b = score[best];
        double c = score[best + 1];
        double d = a - 2 * b + c;
        double offset = d == 0 || best == minLag ? 0 : Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / d));
        return best + offset;
    }

    /** Ellis's dynamic programme: best-scoring beat frames for the given period. */
    static int[] beatFrames(double[] envelope, double period) {
        int n = envelope.length;
        double[] score = new double[n];
        int[] previous = new int[n];
        int from = Math.max(1, (int) Math.round(period / 2));
        int to = (int) Math.round(2 * period);
        double[] penalty = new double[to + 1];
        for (int gap = from; gap <= to; gap++) {
            double log = Math.log(gap / period);
            penalty[gap] = TIGHTNESS * log * log;
        }
        for (int t = 0; t < n; t++) {
            double best = Double.NEGATIVE_INFINITY;
            int link = -1;
            for (int gap = from; gap <= to && t - gap >= 0; gap++) {
                double candidate = score[t - gap] - penalty[gap];
                if (candidate > best) {
                    best = candidate;
                    link = t - gap;
                }
            }
            // Starting a new chain is always allowed, so the song's first beat need not be at 0.
            if (link < 0 || best < 0) {
                best = 0;
                link = -1;
            }
            score[t] = envelope[t] + best;
            previous[t] = link;
        }
        int last = -1;
        for (int t = Math.max(0, n - (int) Math.ceil(period)); t < n; t++) {
            if (last < 0 || score[t] > score[last]) {
                last = t;
            }
        }
        List<Integer> beats = new ArrayList<>();
        for (int t = last; t >= 0; t = previous[t]) {
            beats.add(t);
        }
        int[] result = new int[beats.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = beats.get(result.length - 1 - i);
        }
        return result;
    }
}
