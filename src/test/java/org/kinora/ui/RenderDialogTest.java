package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.project.AutoMotion;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The render dialog drives the real render pipeline: to 100 %, and cancelled with no file left. */
@ExtendWith(ApplicationExtension.class)
class RenderDialogTest {

    @TempDir
    Path dir;
    @TempDir
    Path photos;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 320, 200));
        stage.show();
    }

    private Project project(int width, int height, int fps, double secondsPerSlide) throws Exception {
        Path a = TestPhotos.write(photos, "a.jpg", 120, 80);
        Path b = TestPhotos.write(photos, "b.png", 80, 120);
        List<Slide> slides = List.of(
                new Slide(a, secondsPerSlide, AutoMotion.forSlide(0)).withTransition(Transition.crossfade(0.5)),
                new Slide(b, secondsPerSlide, Motion.STILL));
        return new Project(new OutputSettings(width, height, fps, Quality.DRAFT, EncoderPreference.LIBX264), slides, List.of());
    }

    private RenderDialog open(FxRobot robot, Project project, Path target) {
        RenderDialog[] dialog = new RenderDialog[1];
        robot.interact(() -> {
            dialog[0] = new RenderDialog(owner, new PipelineExporter(), project, null);
            dialog[0].setOutput(target);
            dialog[0].show();
        });
        return dialog[0];
    }

    @Test
    void rendersATinyVideoTo100Percent(FxRobot robot) throws Exception {
        Project project = project(128, 72, 12, 1.0);
        Path target = dir.resolve("tiny.mp4");
        RenderDialog dialog = open(robot, project, target);
        robot.clickOn("#render-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dialog.task() != null && dialog.task().isDone());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(() -> dialog.task().getException()).get()).isNull();
        assertThat(robot.lookup("#render-percent").queryAs(Label.class).getText()).isEqualTo("100 %");
        assertThat(robot.lookup("#render-progress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        int expectedFrames = project.timeline().totalFrames();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(target.toFile())) {
            g.start();
            assertThat(g.getImageWidth()).isEqualTo(128);
            assertThat(g.getImageHeight()).isEqualTo(72);
            int frames = 0;
            for (Frame f; (f = g.grabImage()) != null; ) {
                frames++;
            }
            assertThat(frames).isEqualTo(expectedFrames);
        }
        robot.interact(() -> dialog.stage().close());
    }

    @Test
    void cancellingLeavesNoFile(FxRobot robot) throws Exception {
        Project project = project(640, 360, 30, 60.0); // long enough to still be running when cancelled
        Path target = dir.resolve("cancelled.mp4");
        RenderDialog dialog = open(robot, project, target);
        robot.clickOn("#render-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#render-progress").queryAs(ProgressBar.class).getProgress() > 0);
        robot.clickOn("#render-cancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#render-status").queryAs(Label.class).getText().startsWith("Cancelled"));

        assertThat(dialog.task().isCancelled()).isTrue();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("neither the video nor a partial file").isEmpty();
        }
        robot.interact(() -> dialog.stage().close());
    }
}
