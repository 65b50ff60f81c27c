package org.kinora.render.audio;

import java.util.ArrayList;
import java.util.List;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.model.Transition;

/**
 * Scales the photo durations so the slideshow ends with the music. Pure: returns a new project.
 *
 * <p>The slideshow lasts sum(durations) - sum(transitions between slides). Durations are scaled by
 * one factor with transitions kept as they are, so every photo keeps its share of the time and
 * transitions keep their feel. When that would make a slide too short for its transitions, the
 * transitions are scaled by the same factor as well (which always fits). The timeline rounds the
 * end to a frame, so the last slide ends within half a frame of the music's end.
 */
public final class FitToMusic {

    private FitToMusic() {
    }

    /** {@code project} with slide durations scaled to last {@code musicSeconds}. */
    public static Project fit(Project project, double musicSeconds) {
        List<Slide> slides = project.slides();
        if (slides.isEmpty()) {
            throw new IllegalArgumentException("no slides to fit to the music");
        }
        if (!(musicSeconds > 0) || Double.isInfinite(musicSeconds)) {
            throw new IllegalArgumentException("music length must be positive, was " + musicSeconds);
        }
        double durations = 0;
        double overlaps = 0;
        for (int i = 0; i < slides.size(); i++) {
            durations += slides.get(i).durationSeconds();
            if (i + 1 < slides.size()) {
                overlaps += slides.get(i).transition().durationSeconds();
            }
        }
        double keepTransitions = (musicSeconds + overlaps) / durations;
        List<Slide> fitted = scaled(slides, keepTransitions, 1.0);
        if (fitted == null) {
            double factor = musicSeconds / (durations - overlaps);
            fitted = scaled(slides, factor, factor);
        }
        if (fitted == null) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "cannot fit %d slides to %.2f s of music: each slide must last %.2f..%.0f s",
                    slides.size(), musicSeconds, Slide.MIN_DURATION, Slide.MAX_DURATION));
        }
        return project.withSlides(fitted);
    }

    /** Slides with durations and transitions scaled, or null when the result would be invalid. */
    private static List<Slide> scaled(List<Slide> slides, double durationFactor, double transitionFactor) {
        List<Slide> result = new ArrayList<>(slides.size());
        for (Slide slide : slides) {
            double duration = slide.durationSeconds() * durationFactor;
            Transition t = slide.transition();
            Transition transition = new Transition(t.type(), t.durationSeconds() * transitionFactor);
            if (duration < Slide.MIN_DURATION || duration > Slide.MAX_DURATION
                    || transition.durationSeconds() > duration) {
                return null;
            }
            result.add(new Slide(slide.photo(), duration, slide.motion(), slide.fit(), transition, slide.caption()));
        }
        return SlideTimes.fitsTransitions(result) ? result : null;
    }
}
