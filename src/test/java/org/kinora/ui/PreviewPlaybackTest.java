package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The preview plays the project through the export's FrameRenderer on background threads. */
@ExtendWith(ApplicationExtension.class)
class PreviewPlaybackTest {

    @TempDir
    static Path dir;

    private final Preferences prefs = Preferences.userRoot().node("org/kinora/test/" + UUID.randomUUID());
    private final ExecutorService previewThreads = Executors.newFixedThreadPool(2);
    private final FramePreviewRenderer.Factory renderers = new FramePreviewRenderer.Factory();
    /** Frames after which the preview asked its renderer to load ahead. */
    private final List<Integer> loadsAhead = new java.util.concurrent.CopyOnWriteArrayList<>();
    private EditorWindow window;

    /** The real renderers, recording {@link PreviewRenderer#prepareAhead} calls. */
    private PreviewRenderer.Factory recording() {
        return (project, width, height) -> {
            PreviewRenderer real = renderers.create(project, width, height);
            return new PreviewRenderer() {
                @Override
                public int width() {
                    return real.width();
                }

                @Override
                public int height() {
                    return real.height();
                }

                @Override
                public int frameCount() {
                    return real.frameCount();
                }

                @Override
                public void renderArgb(int frame, int[] argb) throws Exception {
                    real.renderArgb(frame, argb);
                }

                @Override
                public void prepareAhead(int doneFrame) {
                    loadsAhead.add(doneFrame);
                    real.prepareAhead(doneFrame);
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
    }

    @Start
    void start(Stage stage) {
        EditorServices services = new EditorServices(Runnable::run, previewThreads, Platform::runLater,
                recording(), null, new RecentFiles(prefs), new Autosave(dir.resolve("autosave")));
        window = new EditorWindow(stage, services);
        stage.show();
    }

    @AfterEach
    void cleanUp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.preview().dispose()).get();
        previewThreads.shutdownNow();
        previewThreads.awaitTermination(10, TimeUnit.SECONDS);
        renderers.close();
        prefs.removeNode();
    }

    /** Drops two photos written under these names and waits for the preview's first frame. */
    private PreviewPane dropAndShow(FxRobot robot, String first, String second) throws Exception {
        Path a = TestPhotos.write(dir, first, 320, 180);
        Path b = TestPhotos.write(dir, second, 320, 180);
        robot.interact(() -> window.filmstrip().dropFiles(List.of(a, b), 0));
        WaitForAsyncUtils.waitForFxEvents();
        PreviewPane preview = window.preview();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> preview.shownFrame() >= 0);
        return preview;
    }

    @Test
    void spacePlaysInOrderAndAMotionEditReplaysTheSlide(FxRobot robot) throws Exception {
        PreviewPane preview = dropAndShow(robot, "red.png", "blue.jpg");

        robot.interact(() -> window.filmstrip().list().requestFocus());
        robot.type(KeyCode.SPACE);
        assertThat(preview.isPlaying()).isTrue();
        int[] seen = new int[8];
        for (int i = 0; i < seen.length; i++) {
            Thread.sleep(120);
            seen[i] = WaitForAsyncUtils.asyncFx(preview::shownFrame).get();
        }
        assertThat(seen).as("frames move forward, never back").isSorted();
        assertThat(seen[seen.length - 1]).isGreaterThan(seen[0]);
        robot.type(KeyCode.SPACE);
        assertThat(preview.isPlaying()).isFalse();

        // the preview shows the photo, not an empty frame
        ImageView view = robot.lookup("#preview .image-view").query();
        int argb = WaitForAsyncUtils.asyncFx(() -> view.getImage().getPixelReader()
                .getArgb((int) view.getImage().getWidth() / 2, (int) view.getImage().getHeight() / 2)).get();
        assertThat(argb & 0xffffff).isNotZero();

        // swapping start and end of slide 2 replays slide 2
        robot.interact(() -> window.filmstrip().list().getSelectionModel().clearAndSelect(1));
        robot.clickOn("#swap-views");
        assertThat(preview.isPlaying()).isTrue();
        org.kinora.model.Timeline t = window.project().timeline();
        assertThat(preview.position()).isBetween(t.startFrame(1), t.startFrame(1) + t.frameCount(1) - 1);
    }

    /** Playing loads the next photo ahead between frames; showing a still frame does not. */
    @Test
    void playbackLoadsAheadAndStillFramesDoNot(FxRobot robot) throws Exception {
        PreviewPane preview = dropAndShow(robot, "ahead1.png", "ahead2.jpg");
        robot.interact(() -> preview.showSlide(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> preview.shownFrame() > 0);
        Thread.sleep(200);
        assertThat(loadsAhead).as("still frames").isEmpty();

        robot.interact(() -> preview.showSlide(0));
        robot.interact(preview::togglePlay);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loadsAhead.size() >= 3);
        robot.interact(preview::pause);
        int played = WaitForAsyncUtils.asyncFx(preview::position).get();
        assertThat(loadsAhead).allSatisfy(f -> assertThat(f).isBetween(0, played));
    }
}
