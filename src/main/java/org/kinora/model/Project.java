package org.kinora.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole slideshow: what to show, in which order, with which music, rendered how.
 * Immutable; every edit makes a new project.
 */
public record Project(int formatVersion, OutputSettings output, List<Slide> slides,
                      List<AudioTrack> audioTracks, RgbColor background) {

    /** The project file format this build writes; older ones are migrated on load. */
    public static final int CURRENT_FORMAT_VERSION = 2;

    public Project {
        Checks.inRange("formatVersion", formatVersion, 1, CURRENT_FORMAT_VERSION);
        Checks.notNull("output", output);
        slides = List.copyOf(Checks.notNull("slides", slides));
        audioTracks = List.copyOf(Checks.notNull("audio tracks", audioTracks));
        Checks.notNull("background", background);
        checkTransitionsFit(slides);
    }

    public Project(OutputSettings output, List<Slide> slides, List<AudioTrack> audioTracks) {
        this(CURRENT_FORMAT_VERSION, output, slides, audioTracks, RgbColor.BLACK);
    }

    public static Project empty() {
        return new Project(OutputSettings.FULL_HD, List.of(), List.of());
    }

    /**
     * A transition overlaps the end of its slide and the start of the next, so each slide must be
     * long enough for the transition coming in and the one going out.
     */
    private static void checkTransitionsFit(List<Slide> slides) {
        for (int i = 0; i + 1 < slides.size(); i++) {
            double out = slides.get(i).transition().durationSeconds();
            Slide next = slides.get(i + 1);
            double nextOut = i + 2 < slides.size() ? next.transition().durationSeconds() : 0;
            if (out + nextOut > next.durationSeconds() + 1e-9) {
                throw new IllegalArgumentException("slide " + (i + 2) + " (" + next.photo().getFileName()
                        + ") lasts " + Checks.fmt(next.durationSeconds()) + " s, too short for its transitions ("
                        + Checks.fmt(out) + " s in, " + Checks.fmt(nextOut) + " s out)");
            }
        }
    }

    public Timeline timeline() {
        return new Timeline(this);
    }

    public Project withOutput(OutputSettings value) {
        return new Project(formatVersion, value, slides, audioTracks, background);
    }

    public Project withSlides(List<Slide> value) {
        return new Project(formatVersion, output, value, audioTracks, background);
    }

    public Project withSlide(int index, Slide value) {
        List<Slide> copy = new ArrayList<>(slides);
        copy.set(index, value);
        return withSlides(copy);
    }

    public Project withAudioTracks(List<AudioTrack> value) {
        return new Project(formatVersion, output, slides, value, background);
    }

    public Project withBackground(RgbColor value) {
        return new Project(formatVersion, output, slides, audioTracks, value);
    }
}
