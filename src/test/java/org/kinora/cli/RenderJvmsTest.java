package org.kinora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Easing;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.View;
import org.kinora.project.ProjectFile;

/**
 * {@code kinora render} as a user runs it: a first JVM that starts the render JVM
 * ({@link MemoryRelaunch}) and waits for it, stopped from outside while the render runs.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "signals")
class RenderJvmsTest {

    private static final String CANCELLED = "kinora: render cancelled; no file written";
    /** Generous for a slow, shared machine: each JVM loads FFmpeg's natives before it renders. */
    private static final Duration RENDER_STARTS = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    Path projectFile;
    Path out;
    Path stderr;
    Process firstJvm;
    ProcessHandle renderJvm;

    /** Two minutes of 640x360 video: it renders for far longer than any of these tests runs. */
    @BeforeEach
    void longProject() throws IOException {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path photo = dir.resolve("photo" + i + ".jpg");
            BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 640, 360, i == 0 ? Color.BLUE : Color.GREEN));
            g.fillRect(0, 0, 640, 360);
            g.dispose();
            ImageIO.write(image, "jpg", photo.toFile());
            slides.add(new Slide(photo, 60, new Motion(View.FULL, new View(0.5, 0.5, 1.5), Easing.LINEAR),
                    FitMode.FILL, Transition.NONE, ""));
        }
        Project project = new Project(new OutputSettings(640, 360, 30, Quality.STANDARD, EncoderPreference.LIBX264),
                slides, List.of());
        projectFile = dir.resolve("long.kinora");
        ProjectFile.save(project, projectFile);
        out = Files.createDirectories(dir.resolve("out"));
        stderr = dir.resolve("stderr.txt");
    }

    @AfterEach
    void noJvmLeftBehind() {
        if (firstJvm != null) {
            firstJvm.descendants().forEach(ProcessHandle::destroyForcibly);
            firstJvm.destroyForcibly();
        }
        if (renderJvm != null) {
            renderJvm.destroyForcibly();
        }
    }

    @Test
    void aSigtermToTheFirstJvmAloneCancelsTheRenderAndSaysSoOnce() throws Exception {
        startRender();

        firstJvm.destroy(); // SIGTERM, to this JVM only

        assertThat(firstJvm.waitFor(30, TimeUnit.SECONDS)).as("the first JVM exits").isTrue();
        assertThat(firstJvm.exitValue()).isEqualTo(143);
        assertThat(renderJvm.isAlive()).as("the render JVM ended first").isFalse();
        assertThat(filesIn(out)).as("no video, no partial file").isEmpty();
        String err = Files.readString(stderr);
        assertThat(err.lines().filter(CANCELLED::equals)).as(err).hasSize(1);
    }

    @Test
    void whenTheFirstJvmIsKilledTheRenderJvmCancelsItselfAtOnce() throws Exception {
        startRender();

        firstJvm.destroyForcibly(); // SIGKILL: no exit hook stops the render JVM

        assertThat(firstJvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // It notices within about a second; more is allowed for a slow, shared machine.
        boolean ended = poll(Duration.ofSeconds(8), () -> hasExited(renderJvm));
        List<String> left = filesIn(out);
        assertThat(ended).as("the render JVM ends (files now: %s)", left).isTrue();
        assertThat(left).as("no video, no partial file").isEmpty();
        String err = Files.readString(stderr);
        assertThat(err.lines().filter(CANCELLED::equals)).as(err).hasSize(1);
    }

    /**
     * Under LC_ALL=C a file name beyond ASCII reaches Java mangled, and passed on to the render JVM
     * it would become "??" and a file of that name would be written. The first JVM says why instead.
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(value = OS.LINUX, disabledReason = "macOS encodes file names as UTF-8 whatever the locale")
    void aFileNameTheLocaleCannotHoldIsAUsageErrorNotAManglingRelaunch() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.kinora.Launcher",
                "render", projectFile.toString(), "-o", out.resolve("\u00e9t\u00e9.mp4").toString(), "--quiet")
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().put("LC_ALL", "C");
        firstJvm = pb.start();

        assertThat(firstJvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(firstJvm.exitValue()).as(Files.readString(stderr)).isEqualTo(2);
        assertThat(Files.readString(stderr)).contains("run with a UTF-8 locale");
        assertThat(filesIn(out)).isEmpty();
    }

    /** Starts {@code kinora render} and returns once the render JVM has created its partial file. */
    private void startRender() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        firstJvm = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.kinora.Launcher",
                "render", projectFile.toString(), "-o", out.resolve("long.mp4").toString(), "--threads", "1")
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile())
                .start();
        boolean started = poll(RENDER_STARTS, () -> !firstJvm.isAlive() || !filesIn(out).isEmpty());
        assertThat(firstJvm.isAlive()).as("the first JVM runs: %s", Files.readString(stderr)).isTrue();
        assertThat(started).as("the render started: %s", Files.readString(stderr)).isTrue();
        Optional<ProcessHandle> child = firstJvm.children().findFirst();
        assertThat(child).as("the render JVM").isPresent();
        renderJvm = child.get();
    }

    /**
     * Whether the process has ended. An orphan that has exited stays a zombie until the process
     * that adopted it reaps it, which in a container may be late or never, and
     * {@link ProcessHandle#isAlive} counts a zombie as alive.
     */
    private static boolean hasExited(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException noProc) {
            return !process.isAlive(); // reaped, or no /proc on this system
        }
    }

    private static List<String> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean poll(Duration limit, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
