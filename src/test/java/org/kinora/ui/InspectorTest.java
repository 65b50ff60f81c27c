package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The inspector's fields, in the editor window run headless as in {@link EditorWindowTest}. */
@ExtendWith(ApplicationExtension.class)
class InspectorTest {

    @TempDir
    static Path dir;

    private final Preferences prefs = Preferences.userRoot().node("org/kinora/test/" + UUID.randomUUID());
    private EditorWindow window;

    @Start
    void start(Stage stage) {
        Executor direct = Runnable::run;
        EditorServices services = new EditorServices(direct, direct, direct, null, null,
                new RecentFiles(prefs), new Autosave(dir.resolve("autosave")));
        window = new EditorWindow(stage, services);
        stage.show();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    /** Drops one photo per duration and sets the durations in one step labelled "setup". */
    private void slides(FxRobot robot, double... durations) throws Exception {
        List<Path> photos = new ArrayList<>();
        for (int i = 0; i < durations.length; i++) {
            photos.add(TestPhotos.write(dir, "i" + UUID.randomUUID() + ".png", 32, 24));
        }
        robot.interact(() -> window.filmstrip().dropFiles(photos, 0));
        robot.interact(() -> {
            try {
                window.history().apply("setup", p -> {
                    List<Slide> s = new ArrayList<>(p.slides());
                    for (int i = 0; i < durations.length; i++) {
                        s.set(i, s.get(i).withDuration(durations[i]));
                    }
                    return p.withSlides(s);
                });
            } catch (History.RejectedEdit e) {
                throw new AssertionError(e);
            }
        });
    }

    private List<Double> durations() {
        return window.project().slides().stream().map(Slide::durationSeconds).toList();
    }

    /** A short slide leaving a cut gets a transition that fits it, not a refused 1 s one. */
    @Test
    void aShortSlideLeavingACutGetsATransitionThatFits(FxRobot robot) throws Exception {
        List<Path> photos = List.of(TestPhotos.write(dir, "c" + UUID.randomUUID() + ".png", 32, 24),
                TestPhotos.write(dir, "c" + UUID.randomUUID() + ".png", 32, 24));
        robot.interact(() -> window.filmstrip().dropFiles(photos, 0));
        double[] durations = {0.5, 5.0};
        robot.interact(() -> {
            try {
                window.history().apply("cuts", p -> {
                    List<Slide> s = new ArrayList<>();
                    for (int i = 0; i < p.slides().size(); i++) {
                        s.add(p.slides().get(i).withTransition(org.kinora.model.Transition.NONE).withDuration(durations[i]));
                    }
                    return p.withSlides(s);
                });
            } catch (History.RejectedEdit e) {
                throw new AssertionError(e);
            }
        });
        robot.interact(window::selectAll);
        robot.interact(() -> robot.lookup("#transition").<javafx.scene.control.ComboBox<org.kinora.model.TransitionType>>query()
                .setValue(org.kinora.model.TransitionType.CROSSFADE));

        List<org.kinora.model.Transition> transitions = window.project().slides().stream().map(Slide::transition).toList();
        assertThat(transitions).containsExactly(new org.kinora.model.Transition(org.kinora.model.TransitionType.CROSSFADE, 0.25),
                new org.kinora.model.Transition(org.kinora.model.TransitionType.CROSSFADE, 1.0));
    }

    @Test
    void clickingIntoTheDurationAndAwayChangesNothing(FxRobot robot) throws Exception {
        slides(robot, 3.375, 5.0, 6.25);
        robot.interact(window::selectAll);
        Spinner<Double> duration = robot.lookup("#duration").query();
        assertThat(duration.getEditor().getText()).isEqualTo("3.375");
        Project before = window.project();

        robot.clickOn(duration.getEditor());
        robot.clickOn("#caption");
        assertThat(durations()).containsExactly(3.375, 5.0, 6.25);
        assertThat(window.project()).isEqualTo(before);
        assertThat(window.history().undoLabel()).isEqualTo("setup");

        // the transition length likewise
        Spinner<Double> transition = robot.lookup("#transition-duration").query();
        robot.interact(() -> window.filmstrip().list().getSelectionModel().clearAndSelect(1));
        robot.interact(() -> {
            try {
                window.history().apply("setup", p -> {
                    List<Slide> s = new ArrayList<>(p.slides());
                    s.set(1, s.get(1).withTransition(org.kinora.model.Transition.crossfade(0.375)));
                    return p.withSlides(s);
                });
            } catch (History.RejectedEdit e) {
                throw new AssertionError(e);
            }
        });
        Project withFade = window.project();
        robot.clickOn(transition.getEditor());
        robot.clickOn("#caption");
        assertThat(window.project()).isEqualTo(withFade);
        assertThat(window.history().undoLabel()).isEqualTo("setup");
    }

    @Test
    void oneSlideOfThreeDecimalsKeepsItsDuration(FxRobot robot) throws Exception {
        slides(robot, 4.125);
        robot.interact(() -> window.filmstrip().list().getSelectionModel().clearAndSelect(0));
        Spinner<Double> duration = robot.lookup("#duration").query();
        robot.clickOn(duration.getEditor());
        robot.clickOn("#caption");
        assertThat(durations()).containsExactly(4.125);
        assertThat(window.history().undoLabel()).isEqualTo("setup");
    }

    /** Clicks into the field, replaces its text and presses Enter. */
    private void type(FxRobot robot, Spinner<Double> field, String text) {
        robot.clickOn(field.getEditor());
        robot.interact(() -> field.getEditor().setText(text));
        robot.type(javafx.scene.input.KeyCode.ENTER);
    }

    @Test
    void typedTextThatIsNotAWholeNumberIsRefused(FxRobot robot) throws Exception {
        slides(robot, 4.5, 4.5);
        robot.interact(window::selectAll);
        Spinner<Double> duration = robot.lookup("#duration").query();
        Project before = window.project();
        for (String bad : List.of("abc", "1e9", "", "2.5s", "1..2", "NaN")) {
            type(robot, duration, bad);
            assertThat(window.project()).as(bad).isEqualTo(before);
            assertThat(duration.getValue()).as(bad).isEqualTo(4.5);
            assertThat(duration.getEditor().getText()).as(bad).isEqualTo("4.5");
            assertThat(window.history().undoLabel()).as(bad).isEqualTo("setup");
        }
        assertThat(window.notifier().history()).anyMatch(m -> m.contains("abc") && m.contains("not a number"))
                .anyMatch(m -> m.contains("must be between"));

        // a whole number is taken, a comma as the decimal mark
        type(robot, duration, "2,5");
        assertThat(durations()).containsExactly(2.5, 2.5);
        type(robot, duration, " 7.125 ");
        assertThat(durations()).containsExactly(7.125, 7.125);
        assertThat(duration.getEditor().getText()).isEqualTo("7.125");
        assertThat(window.history().undoLabel()).isEqualTo("Duration");
    }

    @Test
    void aLongSlideIsShownAndSteppedWithinTheModelsLimits(FxRobot robot) throws Exception {
        slides(robot, 1000);
        robot.interact(() -> window.filmstrip().list().getSelectionModel().clearAndSelect(0));
        Spinner<Double> duration = robot.lookup("#duration").query();
        assertThat(duration.getValue()).isEqualTo(1000.0);
        assertThat(duration.getEditor().getText()).isEqualTo("1000");

        robot.interact(() -> duration.decrement());
        assertThat(durations()).containsExactly(999.5);
        type(robot, duration, "3600");
        assertThat(durations()).containsExactly((double) Slide.MAX_DURATION);
        type(robot, duration, "3700");
        assertThat(durations()).as("refused, not clamped").containsExactly((double) Slide.MAX_DURATION);
        assertThat(window.notifier().history()).anyMatch(m -> m.contains("3700"));
    }

    @Test
    void swapReversesEachSelectedSlidesOwnMotion(FxRobot robot) throws Exception {
        slides(robot, 4.5, 4.5, 4.5);
        List<org.kinora.model.Motion> before = window.project().slides().stream().map(Slide::motion).toList();
        assertThat(before.get(0)).isNotEqualTo(before.get(1));
        robot.interact(window::selectAll);
        robot.clickOn("#swap-views");
        assertThat(window.project().slides()).extracting(Slide::motion)
                .containsExactly(before.get(0).reversed(), before.get(1).reversed(), before.get(2).reversed());
        robot.interact(window::undo);
        assertThat(window.project().slides()).extracting(Slide::motion).containsExactlyElementsOf(before);
    }

    @Test
    void deleteInTheTrackListLeavesTheSlidesAloneAndSpacePressesAFocusedButton(FxRobot robot) throws Exception {
        slides(robot, 4.5, 4.5, 4.5);
        Path song = java.nio.file.Files.writeString(dir.resolve("song.wav"), "not decoded here");
        robot.interact(() -> {
            window.filmstrip().list().getSelectionModel().clearAndSelect(0);
            try {
                window.history().apply("Add music", p -> p.withAudioTracks(
                        List.of(org.kinora.model.AudioTrack.of(song))));
            } catch (History.RejectedEdit e) {
                throw new AssertionError(e);
            }
        });
        List<Slide> before = window.project().slides();
        javafx.scene.control.ListView<?> tracks = robot.lookup("#audio-tracks").query();
        robot.interact(() -> {
            tracks.getSelectionModel().select(0);
            tracks.requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.DELETE);
        assertThat(window.project().slides()).as("the slides stay").isEqualTo(before);
        assertThat(window.project().audioTracks()).as("the track selected is removed").isEmpty();
        assertThat(window.history().undoLabel()).isEqualTo("Remove music");

        javafx.scene.control.Button swap = robot.lookup("#swap-views").queryButton();
        robot.interact(swap::requestFocus);
        robot.type(javafx.scene.input.KeyCode.SPACE);
        assertThat(window.project().slides().get(0).motion()).as("Space pressed the button")
                .isEqualTo(before.get(0).motion().reversed());
    }
}
