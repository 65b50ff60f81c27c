package org.kinora.render.audio;

import java.util.Arrays;

/** Look-ups in sorted arrays of times (beats, onsets), shared by beat tracking and beat sync. */
final class SortedTimes {

    private SortedTimes() {
    }

    /** The value of {@code sorted} closest to {@code t} (the earlier one on a tie); NaN when empty. */
    static double nearest(double[] sorted, double t) {
        int idx = Arrays.binarySearch(sorted, t);
        if (idx >= 0) {
            return sorted[idx];
        }
        int after = -idx - 1;
        double best = Double.NaN;
        if (after < sorted.length) {
            best = sorted[after];
        }
        if (after > 0 && (Double.isNaN(best) || t - sorted[after - 1] <= best - t)) {
            best = sorted[after - 1];
        }
        return best;
    }
}
