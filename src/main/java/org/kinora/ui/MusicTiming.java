package org.kinora.ui;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.render.audio.AudioFileException;
import org.kinora.render.audio.BeatSync;
import org.kinora.render.audio.FitToMusic;
import org.kinora.render.audio.ProjectMusic;

/**
 * The editor actions that time the slides to the music: Fit to music (the slideshow ends with the
 * music) and Snap cuts to beats. Decoding the music takes seconds, so it runs on the background
 * executor. The result is one undo step, applied only to the project it was computed from: an edit
 * made while the music was being analysed wins, and the result is dropped with a message.
 * Problems (an unreadable music file, slides that cannot stretch that far) are named in a warning.
 */
final class MusicTiming {

    enum Action {
        FIT("Fit to music"),
        SNAP("Snap cuts to beats");

        final String label;

        Action(String label) {
            this.label = label;
        }

        Project compute(Project project, ProjectMusic music) {
            return switch (this) {
                case FIT -> FitToMusic.fit(project, music.endSeconds());
                case SNAP -> BeatSync.snap(project, music.beatSeconds());
            };
        }
    }

    private final Executor background;
    private final Executor fx;
    private final Supplier<Project> current;
    private final AudioTrackList.Edits edits;
    private final Notifier notifier;
    private final Runnable onBusyChanged;
    private boolean busy;

    /**
     * @param current the project being edited (read on the JavaFX thread)
     * @param onBusyChanged runs on the JavaFX thread when an analysis starts or ends, to update the controls
     */
    MusicTiming(Executor background, Executor fx, Supplier<Project> current, AudioTrackList.Edits edits,
                Notifier notifier, Runnable onBusyChanged) {
        this.background = background;
        this.fx = fx;
        this.current = current;
        this.edits = edits;
        this.notifier = notifier;
        this.onBusyChanged = onBusyChanged;
    }

    /** True while the music is being analysed (one analysis at a time). */
    boolean busy() {
        return busy;
    }

    boolean canRun(Action action, Project p) {
        // Snapping needs a cut: with one slide there is nothing to move.
        int slidesNeeded = action == Action.SNAP ? 2 : 1;
        return !busy && !p.audioTracks().isEmpty() && p.slides().size() >= slidesNeeded;
    }

    /** Starts {@code action} on the current project; call on the JavaFX thread. */
    void run(Action action) {
        Project analysed = current.get();
        if (!canRun(action, analysed)) {
            return;
        }
        setBusy(true);
        background.execute(() -> {
            Runnable report = null;
            try {
                ProjectMusic music = ProjectMusic.analyze(analysed);
                Project result = action.compute(analysed, music);
                report = () -> finish(action, analysed, result, music);
            } catch (AudioFileException e) {
                report = () -> notifier.warn(action.label + ": cannot read the music "
                        + e.file().getFileName() + ": " + e.problem());
            } catch (RuntimeException e) {
                // e.g. "cannot fit 40 slides to 2.00 s of music"
                report = () -> notifier.warn(action.label + ": " + e.getMessage());
            } finally {
                Runnable then = report;
                fx.execute(() -> {
                    setBusy(false);
                    if (then != null) {
                        then.run();
                    }
                });
            }
        });
    }

    private void finish(Action action, Project analysed, Project result, ProjectMusic music) {
        if (!current.get().equals(analysed)) {
            notifier.warn(action.label + " was not applied: the slideshow changed while the music was"
                    + " being analysed. Try again.");
            return;
        }
        if (action == Action.FIT) {
            if (result.equals(analysed)) {
                notifier.info("The slideshow already ends with the music.");
            } else if (edits.apply(action.label, null, p -> result)) {
                notifier.info(String.format(Locale.ROOT, "Fitted %d slides to %s of music.",
                        result.slides().size(), minutes(music.endSeconds())));
            }
            return;
        }
        int moved = movedCuts(analysed.slides(), result.slides());
        int cuts = analysed.slides().size() - 1;
        if (moved == 0) {
            notifier.info("No cut is within " + BeatSync.MAX_SHIFT_SECONDS + " s of a beat; nothing moved.");
        } else if (edits.apply(action.label, null, p -> result)) {
            notifier.info("Snapped " + moved + " of " + cuts + (cuts == 1 ? " cut" : " cuts") + " to the beat.");
        }
    }

    /**
     * Where the picture changes between slide i-1 and i, for i = 1..n-1: the cut, or the middle of
     * the transition (where {@link BeatSync} puts the beat).
     */
    static double[] cutSeconds(List<Slide> slides) {
        double[] cuts = new double[Math.max(0, slides.size() - 1)];
        double start = 0;
        for (int i = 1; i < slides.size(); i++) {
            Slide before = slides.get(i - 1);
            start += before.durationSeconds() - before.transition().durationSeconds();
            cuts[i - 1] = start + before.transition().durationSeconds() / 2;
        }
        return cuts;
    }

    private static int movedCuts(List<Slide> before, List<Slide> after) {
        double[] a = cutSeconds(before);
        double[] b = cutSeconds(after);
        int moved = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-6) {
                moved++;
            }
        }
        return moved;
    }

    private static String minutes(double seconds) {
        int whole = (int) Math.floor(seconds);
        return String.format(Locale.ROOT, "%d:%02d.%d", whole / 60, whole % 60, (int) ((seconds - whole) * 10));
    }

    private void setBusy(boolean value) {
        busy = value;
        onBusyChanged.run();
    }
}
