package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor window, headless (Monocle): background work runs synchronously on the calling
 * thread (a direct executor), so each action has finished when the call returns.
 */
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {

    @TempDir
    static Path dir;

    private final Preferences prefs = Preferences.userRoot().node("org/kinora/test/" + UUID.randomUUID());
    private EditorWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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

    static Path photo(String name, int w, int h) throws Exception {
        return TestPhotos.write(dir, name, w, h);
    }

    private List<String> names() {
        return window.project().slides().stream().map(s -> s.photo().getFileName().toString()).toList();
    }

    @Test
    void droppingFilesAndFoldersInsertsPhotosWhereDroppedAndNamesTheRest(FxRobot robot) throws Exception {
        Path a = photo("a.jpg", 96, 64);
        photo("trip/c2.jpg", 64, 96);
        photo("trip/c10.png", 80, 80);
        Path notes = Files.writeString(dir.resolve("trip/notes.txt"), "not a photo");
        Path b = photo("b.jpg", 96, 64);

        robot.interact(() -> window.filmstrip().dropFiles(List.of(a, b), 0));
        assertThat(names()).containsExactly("a.jpg", "b.jpg");
        assertThat(stage.getTitle()).startsWith("• Untitled");

        // a folder dropped between a and b: its photos in natural order, the text file named
        robot.interact(() -> window.filmstrip().dropFiles(List.of(dir.resolve("trip")), 1));
        assertThat(names()).containsExactly("a.jpg", "c2.jpg", "c10.png", "b.jpg");
        assertThat(window.notifier().history()).anyMatch(m -> m.contains("not a photo") && m.contains(notes.getFileName().toString()));
        assertThat(window.filmstrip().selectedIndices()).as("the new slides are selected").containsExactly(1, 2);
        assertThat(window.project().slides().get(1).motion()).as("automatic motion")
                .isNotEqualTo(org.kinora.model.Motion.STILL);
        assertThat(robot.lookup(".slide-cell .slide-number").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText).contains("1", "2", "3", "4");
    }

    @Test
    void aBigDropIsInsertedInChunksButUndoneInOneStep(FxRobot robot) throws Exception {
        for (int i = 1; i <= 30; i++) {
            photo("big/img" + i + ".png", 16, 16);
        }
        robot.interact(() -> window.filmstrip().dropFiles(List.of(dir.resolve("big")), 0));
        assertThat(names()).hasSize(30).startsWith("img1.png", "img2.png").endsWith("img30.png");
        assertThat(window.history().undoLabel()).isEqualTo("Add 30 photos");
        robot.interact(window::undo);
        assertThat(window.project().slides()).isEmpty();
    }

    @Test
    void draggingTheEndViewInTheMotionEditorIsOneUndoableEdit(FxRobot robot) throws Exception {
        Path p = photo("kb.jpg", 300, 200);
        robot.interact(() -> window.filmstrip().dropFiles(List.of(p), 0));
        org.kinora.model.Motion before = window.project().slides().get(0).motion();
        javafx.scene.canvas.Canvas canvas = robot.lookup("#kenburns").lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof javafx.scene.canvas.Canvas).query();
        javafx.geometry.Bounds b = canvas.localToScreen(canvas.getBoundsInLocal());
        // the canvas centre lies inside both views; the end view is on top
        double dx = before.end().centerX() > 0.5 ? -40 : 40;
        robot.drag(new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY()), javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(dx / 2, 0).moveBy(dx / 2, 0).drop();

        org.kinora.model.Motion after = window.project().slides().get(0).motion();
        assertThat(after.start()).isEqualTo(before.start());
        assertThat(Math.signum(after.end().centerX() - before.end().centerX())).isEqualTo(Math.signum(dx));
        assertThat(after.end().zoom()).isEqualTo(before.end().zoom());
        assertThat(window.history().undoLabel()).isEqualTo("Edit motion");
        robot.interact(window::undo);
        assertThat(window.project().slides().get(0).motion()).isEqualTo(before);
    }

    @Test
    void reorderDeleteUndoRedo(FxRobot robot) throws Exception {
        List<Path> photos = List.of(photo("p1.jpg", 64, 48), photo("p2.jpg", 64, 48), photo("p3.jpg", 64, 48),
                photo("p4.jpg", 64, 48));
        robot.interact(() -> window.filmstrip().dropFiles(photos, 0));
        assertThat(names()).containsExactly("p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg");

        // drag slide 4 before slide 2
        robot.interact(() -> window.filmstrip().dropSlides(List.of(3), 1));
        assertThat(names()).containsExactly("p1.jpg", "p4.jpg", "p2.jpg", "p3.jpg");
        assertThat(window.filmstrip().selectedIndices()).containsExactly(1);

        // Delete key removes the selected slide
        robot.interact(() -> window.filmstrip().list().requestFocus());
        robot.type(KeyCode.DELETE);
        assertThat(names()).containsExactly("p1.jpg", "p2.jpg", "p3.jpg");

        robot.interact(window::undo);
        assertThat(names()).containsExactly("p1.jpg", "p4.jpg", "p2.jpg", "p3.jpg");
        robot.interact(window::undo);
        assertThat(names()).containsExactly("p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg");
        // Ctrl+Y redoes the move
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        assertThat(names()).containsExactly("p1.jpg", "p4.jpg", "p2.jpg", "p3.jpg");
        robot.interact(window::undo);
        robot.interact(window::undo);
        assertThat(window.project().slides()).isEmpty();
        assertThat(stage.getTitle()).as("back to the state opened: not dirty").isEqualTo("Untitled — Kinora");
    }

    @Test
    void inspectorEditsAllSelectedSlidesAndSavesWithTheDirtyMarker(FxRobot robot) throws Exception {
        List<Path> photos = List.of(photo("s1.jpg", 64, 48), photo("s2.jpg", 64, 48), photo("s3.jpg", 64, 48));
        robot.interact(() -> window.filmstrip().dropFiles(photos, 0));
        robot.interact(() -> {
            window.filmstrip().list().getSelectionModel().clearSelection();
            window.filmstrip().list().getSelectionModel().selectIndices(0, 2);
        });
        javafx.scene.control.Spinner<Double> duration = robot.lookup("#duration").query();
        robot.interact(() -> duration.getValueFactory().setValue(6.5));
        assertThat(window.project().slides()).extracting(s -> s.durationSeconds()).containsExactly(6.5, 4.0, 6.5);

        Path saved = dir.resolve("out/show.kinora");
        Files.createDirectories(saved.getParent());
        robot.interact(() -> window.saveTo(saved, () -> { }));
        assertThat(stage.getTitle()).isEqualTo("show.kinora — Kinora");
        assertThat(org.kinora.project.ProjectFile.load(saved)).isEqualTo(window.project());

        robot.interact(window::undo);
        assertThat(stage.getTitle()).startsWith("• show.kinora");
        assertThat(window.project().slides()).extracting(s -> s.durationSeconds()).containsExactly(4.0, 4.0, 4.0);
    }
}
