package org.kinora.render.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kinora.model.Project;
import org.kinora.model.Slide;

/**
 * Moves each slide boundary onto the nearest beat within {@link #MAX_SHIFT_SECONDS}. Pure: returns
 * a new project.
 *
 * <p>A boundary is the moment the picture changes: the cut, or the middle of a transition (where
 * the blend is half way). The end of the slideshow stays where it is, so a fitted slideshow still
 * ends with the music. A boundary with no beat near it, or whose move would make a slide too short
 * for its transitions, stays put.
 */
public final class BeatSync {

    public static final double MAX_SHIFT_SECONDS = 0.25;

    private BeatSync() {
    }

    /** {@code project} with boundaries snapped to {@code beatSeconds} (timeline seconds, any order). */
    public static Project snap(Project project, double[] beatSeconds) {
        List<Slide> slides = project.slides();
        int n = slides.size();
        if (n < 2 || beatSeconds.length == 0) {
            return project;
        }
        double[] beats = beatSeconds.clone();
        Arrays.sort(beats);
        double[] starts = SlideTimes.starts(slides);
        double end = SlideTimes.end(slides);
        double[] overlap = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            overlap[i] = slides.get(i).transition().durationSeconds();
        }
        // newStarts[i]: start of slide i after snapping; boundary i sits between slide i-1 and i.
        double[] newStarts = starts.clone();
        for (int i = 1; i < n; i++) {
            double boundary = starts[i] + overlap[i - 1] / 2;
            double beat = SortedTimes.nearest(beats, boundary);
            if (Double.isNaN(beat) || Math.abs(beat - boundary) > MAX_SHIFT_SECONDS) {
                continue;
            }
            double candidate = beat - overlap[i - 1] / 2;
            double before = newStarts[i];
            newStarts[i] = candidate;
            // Both neighbours must still hold their transitions: slide i-1 as already placed and
            // slide i against the next start as it is now (it may move later, never worse).
            if (!fits(slides, newStarts, end, i - 1) || !fits(slides, newStarts, end, i)) {
                newStarts[i] = before;
            }
        }
        List<Slide> snapped = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            snapped.add(slides.get(i).withDuration(duration(slides, newStarts, end, i)));
        }
        return project.withSlides(snapped);
    }

    private static double duration(List<Slide> slides, double[] starts, double end, int i) {
        double next = i + 1 < slides.size() ? starts[i + 1] + slides.get(i).transition().durationSeconds() : end;
        return next - starts[i];
    }

    private static boolean fits(List<Slide> slides, double[] starts, double end, int i) {
        double duration = duration(slides, starts, end, i);
        double in = i > 0 ? slides.get(i - 1).transition().durationSeconds() : 0;
        double out = i + 1 < slides.size() ? slides.get(i).transition().durationSeconds() : 0;
        return duration >= Slide.MIN_DURATION && duration <= Slide.MAX_DURATION && in + out <= duration;
    }
}
