package org.kinora.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kinora.model.AudioTrack;
import org.kinora.model.FitMode;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.model.Transition;

/** Makes a new project from photos with automatic motion: what {@code kinora new} does. */
public final class ProjectBuilder {

    private OutputSettings output = OutputSettings.FULL_HD;
    private double secondsPerPhoto = 4.0;
    private Transition transition = Transition.crossfade(1.0);
    private FitMode fit = FitMode.AUTO;
    private final List<AudioTrack> music = new ArrayList<>();

    public ProjectBuilder output(OutputSettings value) {
        output = value;
        return this;
    }

    public ProjectBuilder secondsPerPhoto(double value) {
        secondsPerPhoto = value;
        return this;
    }

    public ProjectBuilder transition(Transition value) {
        transition = value;
        return this;
    }

    public ProjectBuilder fit(FitMode value) {
        fit = value;
        return this;
    }

    public ProjectBuilder music(AudioTrack track) {
        music.add(track);
        return this;
    }

    public Project build(List<Path> photos) {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            slides.add(slide(photos.get(i), i));
        }
        return new Project(output, slides, music);
    }

    /** A new slide for a photo at position {@code index}, with that position's automatic motion. */
    public Slide slide(Path photo, int index) {
        return new Slide(photo, secondsPerPhoto, AutoMotion.forSlide(index), fit, transition, "");
    }
}
