package org.kinora.model;

import java.nio.file.Path;

/**
 * One photo on the timeline.
 *
 * @param photo absolute path of the image file
 * @param durationSeconds how long the slide is visible, transitions included
 * @param transition the transition into the next slide (ignored on the last slide)
 * @param caption text shown over the slide; empty for none
 */
public record Slide(Path photo, double durationSeconds, Motion motion, FitMode fit,
                    Transition transition, String caption) {

    public static final double MIN_DURATION = 0.05;
    public static final double MAX_DURATION = 3600;
    public static final Limits DURATION = new Limits(MIN_DURATION, MAX_DURATION);

    public Slide {
        Checks.notNull("slide photo", photo);
        Checks.within("slide duration", durationSeconds, DURATION);
        Checks.notNull("slide motion", motion);
        Checks.notNull("slide fit", fit);
        Checks.notNull("slide transition", transition);
        caption = caption == null ? "" : caption;
        if (transition.durationSeconds() > durationSeconds) {
            throw new IllegalArgumentException("transition of " + Checks.fmt(transition.durationSeconds())
                    + " s is longer than its slide (" + Checks.fmt(durationSeconds) + " s) for " + photo.getFileName());
        }
    }

    public Slide(Path photo, double durationSeconds, Motion motion) {
        this(photo, durationSeconds, motion, FitMode.AUTO, Transition.NONE, "");
    }

    public Slide withPhoto(Path value) {
        return new Slide(value, durationSeconds, motion, fit, transition, caption);
    }

    public Slide withDuration(double value) {
        return new Slide(photo, value, motion, fit, transition, caption);
    }

    public Slide withMotion(Motion value) {
        return new Slide(photo, durationSeconds, value, fit, transition, caption);
    }

    public Slide withFit(FitMode value) {
        return new Slide(photo, durationSeconds, motion, value, transition, caption);
    }

    public Slide withTransition(Transition value) {
        return new Slide(photo, durationSeconds, motion, fit, value, caption);
    }

    public Slide withCaption(String value) {
        return new Slide(photo, durationSeconds, motion, fit, transition, value);
    }
}
