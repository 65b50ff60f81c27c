package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.AudioTrack;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.project.ProjectBuilder;
import org.kinora.project.ProjectFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Fit to music and Snap cuts to beats in the editor, headless: a project of generated photos with a
 * generated click track. Background work runs on the calling thread unless a test holds it back
 * (to edit the project while the music is "being analysed").
 */
@ExtendWith(ApplicationExtension.class)
class EditorMusicActionsTest {

    private static final double MUSIC_SECONDS = 21.3;

    @TempDir
    static Path dir;

    private final Preferences prefs = Preferences.userRoot().node("org/kinora/test/" + UUID.randomUUID());
    private final Deque<Runnable> held = new ArrayDeque<>();
    private boolean holdBackground;
    private EditorWindow window;

    @Start
    void start(Stage stage) {
        Executor direct = Runnable::run;
        Executor background = r -> {
            if (holdBackground) {
                held.add(r);
            } else {
                r.run();
            }
        };
        EditorServices services = new EditorServices(background, direct, direct, null, null,
                new RecentFiles(prefs), new Autosave(dir.resolve("autosave")));
        window = new EditorWindow(stage, services);
        stage.show();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void fitToMusicEndsWithTheMusicSnapPutsCutsOnClicksEachOneUndoStep(FxRobot robot) throws Exception {
        double[] clicks = clickTimes(11, MUSIC_SECONDS);
        Path music = wav(dir.resolve("clicks.wav"), MUSIC_SECONDS, clickTrack(clicks, 11));
        Button fit = robot.lookup("#fit-to-music").queryButton();
        Button snap = robot.lookup("#snap-to-beats").queryButton();
        assertThat(fit.isDisabled()).as("no slides, no music").isTrue();
        assertThat(menuItem(robot, "Fit to Music").isDisable()).isTrue();

        openProject(robot, "nomusic.kinora", 8, List.of());
        assertThat(fit.isDisabled()).as("slides but no music").isTrue();
        assertThat(menuItem(robot, "Snap Cuts to Beats").isDisable()).isTrue();

        openProject(robot, "show.kinora", 8, List.of(AudioTrack.of(music)));
        Project original = window.project();
        assertThat(fit.isDisabled()).isFalse();
        assertThat(menuItem(robot, "Snap Cuts to Beats").isDisable()).isFalse();
        assertThat(original.timeline().durationSeconds()).as("8 x 4 s - 7 x 1 s").isCloseTo(25.0, within(1e-9));

        robot.clickOn(fit);
        Project fitted = window.project();
        int fps = fitted.output().fps();
        assertThat(Math.abs(fitted.timeline().durationSeconds() - MUSIC_SECONDS)).as("video length vs music")
                .isLessThanOrEqualTo(1.0 / fps);
        assertThat(fitted.slides().get(0).durationSeconds()).as("every photo keeps its share")
                .isCloseTo(fitted.slides().get(5).durationSeconds(), within(1e-9));
        assertThat(window.history().undoLabel()).isEqualTo("Fit to music");
        assertThat(window.notifier().history()).anyMatch(m -> m.startsWith("Fitted 8 slides to 0:21.3 of music"));

        robot.interact(window::undo);
        assertThat(window.project()).isEqualTo(original);
        assertThat(window.project().slides()).extracting(Slide::durationSeconds).containsOnly(4.0);
        robot.interact(window::redo);
        assertThat(window.project()).isEqualTo(fitted);

        robot.interact(() -> menuItem(robot, "Snap Cuts to Beats").fire());
        Project snapped = window.project();
        assertThat(window.history().undoLabel()).isEqualTo("Snap cuts to beats");
        assertThat(Math.abs(snapped.timeline().durationSeconds() - MUSIC_SECONDS)).as("still ends with the music")
                .isLessThanOrEqualTo(1.0 / fps);
        double[] before = MusicTiming.cutSeconds(fitted.slides());
        double[] after = MusicTiming.cutSeconds(snapped.slides());
        int checked = 0;
        for (int i = 0; i < before.length; i++) {
            double clickNearBefore = distanceToNearest(clicks, before[i]);
            double clickNearAfter = distanceToNearest(clicks, after[i]);
            if (clickNearBefore < 0.22) {
                checked++;
                assertThat(clickNearAfter).as("cut %d at %.3f s (was %.3f s)", i + 1, after[i], before[i])
                        .isLessThanOrEqualTo(0.030);
            } else if (clickNearBefore > 0.28) {
                assertThat(after[i]).as("cut %d has no click within 0.25 s: stays", i + 1)
                        .isCloseTo(before[i], within(1e-6));
            }
        }
        assertThat(checked).as("cuts with a click near them").isGreaterThanOrEqualTo(4);
        assertThat(window.notifier().history()).anyMatch(m -> m.startsWith("Snapped "));

        robot.interact(window::undo);
        assertThat(window.project()).as("one undo takes back the snap only").isEqualTo(fitted);
    }

    @Test
    void aResultComputedForAProjectEditedMeanwhileIsDropped(FxRobot robot) throws Exception {
        Path music = wav(dir.resolve("clicks-stale.wav"), 12, clickTrack(clickTimes(5, 12), 5));
        openProject(robot, "stale.kinora", 4, List.of(AudioTrack.of(music)));
        Button fit = robot.lookup("#fit-to-music").queryButton();

        holdBackground = true;
        robot.clickOn(fit);
        assertThat(held).as("the analysis waits on the background executor").hasSize(1);
        assertThat(fit.isDisabled()).as("busy: one analysis at a time").isTrue();
        assertThat(robot.lookup("#analysing-music").query().isVisible()).as("busy state shown").isTrue();
        assertThat(menuItem(robot, "Snap Cuts to Beats").isDisable()).isTrue();

        robot.interact(window::deleteSelected); // the user goes on editing
        Project edited = window.project();
        assertThat(edited.slides()).hasSize(3);
        robot.interact(this::runHeld);

        assertThat(window.project()).isEqualTo(edited);
        assertThat(window.history().undoLabel()).isEqualTo("Delete 1 slide");
        assertThat(window.notifier().history())
                .anyMatch(m -> m.startsWith("Fit to music was not applied") && m.contains("changed"));
        assertThat(fit.isDisabled()).as("no longer busy").isFalse();
        assertThat(robot.lookup("#analysing-music").query().isVisible()).isFalse();

        // Unchanged while analysing: applied.
        robot.clickOn(fit);
        robot.interact(this::runHeld);
        assertThat(Math.abs(window.project().timeline().durationSeconds() - 12)).isLessThanOrEqualTo(1.0 / 30);
        assertThat(window.history().undoLabel()).isEqualTo("Fit to music");
        assertThat(window.history().current().slides()).hasSize(3);
    }

    @Test
    void anUnreadableMusicFileIsNamedAndNothingChanges(FxRobot robot) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken-song.wav"), "this is not audio at all");
        openProject(robot, "broken.kinora", 3, List.of(AudioTrack.of(broken)));
        Project before = window.project();

        robot.clickOn("#fit-to-music");
        assertThat(window.project()).isEqualTo(before);
        assertThat(window.history().canUndo()).isFalse();
        assertThat(window.notifier().history()).anyMatch(m -> m.startsWith("Fit to music: cannot read the music")
                && m.contains("broken-song.wav"));
        assertThat(robot.lookup("#fit-to-music").queryButton().isDisabled()).as("ready for another try").isFalse();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void runHeld() {
        while (!held.isEmpty()) {
            held.poll().run();
        }
        holdBackground = false;
    }

    /** Saves a project of {@code photos} generated photos (4 s each, 1 s crossfades) and opens it. */
    private void openProject(FxRobot robot, String name, int photos, List<AudioTrack> music) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            files.add(TestPhotos.write(dir, name + "-photos/p" + i + ".jpg", 96, 64));
        }
        ProjectBuilder builder = new ProjectBuilder().output(OutputSettings.FULL_HD.withSize(320, 180));
        music.forEach(builder::music);
        Path file = dir.resolve(name);
        ProjectFile.save(builder.build(files), file);
        robot.interact(() -> window.open(file));
        assertThat(window.project().slides()).hasSize(photos);
    }

    private static MenuItem menuItem(FxRobot robot, String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
    }

    private static double distanceToNearest(double[] sorted, double t) {
        return Arrays.stream(sorted).map(c -> Math.abs(c - t)).min().orElse(Double.POSITIVE_INFINITY);
    }

    // Click track, after render.audio's OnsetDetectorTest and TestAudio (package-private there).

    private interface Signal {
        double at(double seconds);
    }

    /** Clicks 0.3..0.8 s apart at random: no steady tempo, so cuts go to the detected onsets. */
    private static double[] clickTimes(long seed, double seconds) {
        Random random = new Random(seed);
        List<Double> times = new ArrayList<>();
        for (double t = 0.4 + random.nextDouble() * 0.3; t < seconds - 0.3; t += 0.3 + random.nextDouble() * 0.5) {
            times.add(t);
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A decaying 2 kHz ping on each click over a quiet two-note pad. */
    private static Signal clickTrack(double[] clicks, long seed) {
        Random levels = new Random(seed);
        double[] level = new double[clicks.length];
        for (int i = 0; i < clicks.length; i++) {
            level[i] = 0.3 + 0.5 * levels.nextDouble();
        }
        return t -> {
            double v = 0.05 * (Math.sin(2 * Math.PI * 220 * t) + Math.sin(2 * Math.PI * 277 * t));
            int idx = Arrays.binarySearch(clicks, t);
            int i = idx >= 0 ? idx : -idx - 2;
            if (i >= 0) {
                double dt = t - clicks[i];
                v += level[i] * Math.exp(-dt / 0.012) * Math.sin(2 * Math.PI * 2000 * dt);
            }
            return v;
        };
    }

    /** 16-bit mono 48 kHz WAV. */
    private static Path wav(Path file, double seconds, Signal signal) throws Exception {
        int rate = 48_000;
        int frames = (int) Math.round(seconds * rate);
        byte[] bytes = new byte[frames * 2];
        for (int f = 0; f < frames; f++) {
            int s = (int) Math.round(Math.max(-1, Math.min(1, signal.at((double) f / rate))) * 32767);
            bytes[2 * f] = (byte) s;
            bytes[2 * f + 1] = (byte) (s >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
