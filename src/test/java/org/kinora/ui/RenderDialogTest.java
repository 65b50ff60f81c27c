package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterEach;
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

/**
 * The render dialog drives the real render pipeline: to 100 %, and cancelled with no file left. It
 * never writes over the project's own files or a non-video name, and replaces an existing video
 * only when the user says so.
 */
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

    @AfterEach
    void closeOtherWindows(FxRobot robot) {
        // error alerts and the dialog itself: nothing left over may cover the next test's buttons
        robot.interact(() -> new ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != owner).forEach(javafx.stage.Window::hide));
    }

    private RenderDialog open(FxRobot robot, Project project, Path target) {
        return open(robot, project, null, target);
    }

    private RenderDialog open(FxRobot robot, Project project, Path projectFile, Path target) {
        RenderDialog[] dialog = new RenderDialog[1];
        robot.interact(() -> {
            dialog[0] = new RenderDialog(owner, new PipelineExporter(), project, projectFile);
            dialog[0].confirmReplaceWith(t -> {
                throw new AssertionError("asked to replace " + t + " unexpectedly");
            });
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

    private String status(FxRobot robot) {
        return robot.lookup("#render-status").queryAs(Label.class).getText();
    }

    /** Clicks Render; the refusals and the question all happen at once, on the FX thread. */
    private void clickRender(FxRobot robot) {
        robot.clickOn("#render-start");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void renderingOntoTheProjectFileIsRefusedAndLeavesItUntouched(FxRobot robot) throws Exception {
        Project project = project(128, 72, 12, 1.0);
        Path projectFile = dir.resolve("show.kinora");
        byte[] before = "{\"kinora\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(projectFile, before);
        RenderDialog dialog = open(robot, project, projectFile, projectFile);
        clickRender(robot);

        assertThat(dialog.task()).as("no render started").isNull();
        assertThat(status(robot)).isEqualTo("Failed: cannot write " + projectFile.toAbsolutePath().normalize()
                + ": it is the project file; choose another output file");
        Thread.sleep(300); // a render started by mistake would have begun writing by now
        assertThat(Files.readAllBytes(projectFile)).isEqualTo(before);
    }

    @Test
    void renderingOntoASlidesPhotoIsRefusedAndLeavesItUntouched(FxRobot robot) throws Exception {
        Project project = project(128, 72, 12, 1.0);
        Path photo = project.slides().get(1).photo();
        byte[] before = Files.readAllBytes(photo);
        RenderDialog dialog = open(robot, project, dir.resolve("show.kinora"), photo);
        clickRender(robot);

        assertThat(dialog.task()).as("no render started").isNull();
        assertThat(status(robot)).isEqualTo("Failed: cannot write " + photo.toAbsolutePath().normalize()
                + ": it is the photo of slide 2; choose another output file");
        Thread.sleep(300);
        assertThat(Files.readAllBytes(photo)).isEqualTo(before);
    }

    @Test
    void aNameThatIsNotAVideosIsRefused(FxRobot robot) throws Exception {
        Project project = project(128, 72, 12, 1.0);
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "keep me");
        RenderDialog dialog = open(robot, project, notes);
        clickRender(robot);

        assertThat(dialog.task()).as("no render started").isNull();
        assertThat(status(robot)).isEqualTo("Failed: the output file must end in .mp4 (or .m4v, .mov): Kinora writes"
                + " MP4 video, was " + notes.toAbsolutePath().normalize());
        Thread.sleep(300);
        assertThat(Files.readString(notes)).isEqualTo("keep me");
    }

    @Test
    void anExistingVideoIsKeptWhenTheUserSaysNo(FxRobot robot) throws Exception {
        Project project = project(128, 72, 12, 1.0);
        Path video = dir.resolve("holiday.mp4");
        byte[] before = {1, 2, 3, 4};
        Files.write(video, before);
        RenderDialog dialog = open(robot, project, video);
        List<Path> asked = new ArrayList<>();
        robot.interact(() -> dialog.confirmReplaceWith(t -> asked.add(t) && false));
        clickRender(robot);

        assertThat(asked).containsExactly(video.toAbsolutePath().normalize());
        assertThat(dialog.task()).as("no render started").isNull();
        assertThat(status(robot)).isEqualTo("Not rendered: holiday.mp4 was kept.");
        Thread.sleep(300);
        assertThat(Files.readAllBytes(video)).isEqualTo(before);
    }

    @Test
    void anExistingVideoIsReplacedWhenTheUserSaysReplace(FxRobot robot) throws Exception {
        Project project = project(128, 72, 12, 1.0);
        Path video = dir.resolve("holiday.mp4");
        Files.write(video, new byte[] {1, 2, 3, 4});
        RenderDialog dialog = open(robot, project, video);
        List<Path> asked = new ArrayList<>();
        robot.interact(() -> dialog.confirmReplaceWith(asked::add));
        clickRender(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dialog.task() != null && dialog.task().isDone());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(asked).containsExactly(video.toAbsolutePath().normalize());
        assertThat(WaitForAsyncUtils.asyncFx(() -> dialog.task().getException()).get()).isNull();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.start();
            assertThat(g.getImageWidth()).isEqualTo(128);
        }
    }

    @Test
    void theChoosersNameIsAVideosName() {
        assertThat(RenderDialog.videoName("show.kinora")).isEqualTo("show.mp4");
        assertThat(RenderDialog.videoName("show")).isEqualTo("show.mp4");
        assertThat(RenderDialog.videoName("show.MOV")).isEqualTo("show.MOV");
    }
}
