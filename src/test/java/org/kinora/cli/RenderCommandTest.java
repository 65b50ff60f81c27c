package org.kinora.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.kinora.render.FrameSource;
import org.kinora.render.YuvFrame;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.encode.EncoderProbe;
import org.kinora.render.encode.VideoEncoder;
import org.kinora.render.pipeline.ProjectSources;

/** {@code kinora render} end to end: project file in, MP4 out, decoded and compared with the renderer's frames. */
class RenderCommandTest {

    @TempDir
    Path dir;
    Path projectFile;
    Project project;

    record Run(int exitCode, String out, String err) {
    }

    private static Run kinora(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KinoraCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void threeSlideProject() throws IOException {
        List<Slide> slides = new ArrayList<>();
        Color[][] colours = {{Color.ORANGE, Color.BLUE}, {Color.GREEN, Color.MAGENTA}, {Color.WHITE, Color.RED}};
        for (int i = 0; i < 3; i++) {
            Path photo = dir.resolve("photo" + (i + 1) + ".jpg");
            BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, colours[i][0], 480, 320, colours[i][1]));
            g.fillRect(0, 0, 480, 320);
            g.setColor(Color.BLACK);
            g.fillOval(150 + 20 * i, 90, 120, 120); // something with edges that moves with the zoom
            g.dispose();
            ImageIO.write(image, "jpg", photo.toFile());
            Motion zoom = new Motion(View.FULL, new View(0.45 + 0.05 * i, 0.5, 1.2), Easing.LINEAR);
            Transition out = i < 2 ? Transition.crossfade(0.5) : Transition.NONE;
            slides.add(new Slide(photo, 1.5, zoom, FitMode.FILL, out, ""));
        }
        project = new Project(new OutputSettings(320, 180, 30, Quality.STANDARD, EncoderPreference.LIBX264),
                slides, List.of());
        projectFile = dir.resolve("three.kinora");
        ProjectFile.save(project, projectFile);
    }

    @Test
    void rendersTheProjectFrameForFrame() throws Exception {
        Path video = dir.resolve("three.mp4");
        Run run = kinora("render", projectFile.toString(), "-o", video.toString(), "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        int frames = project.timeline().totalFrames(); // 3 x 1.5 s - 2 x 0.5 s = 3.5 s = 105 frames
        assertThat(frames).isEqualTo(105);
        assertThat(run.out().strip()).contains(video.getFileName().toString()).contains("3.50 s")
                .contains("105 frames").contains("libx264").contains("fps").containsPattern("\\d+ kB|\\d+\\.\\d MB").contains("wall");
        assertThat(run.err()).contains("Rendering").contains("100%");

        int[] picks = {0, 20, 40, 52, 70, 104}; // inside slides and inside both crossfades
        try (FrameSource reference = ProjectSources.frames(project);
             FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.setImageMode(FrameGrabber.ImageMode.RAW);
            g.start();
            assertThat(g.getVideoCodecName()).isEqualTo("h264");
            assertThat(g.getVideoFrameRate()).isEqualTo(30.0);
            assertThat(g.getImageWidth()).isEqualTo(320);
            assertThat(g.getImageHeight()).isEqualTo(180);
            assertThat(g.getLengthInTime()).isBetween(3_500_000L, 3_522_000L);
            int index = 0;
            int next = 0;
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (next < picks.length && index == picks[next]) {
                    YuvFrame expected = new YuvFrame(320, 180);
                    reference.renderYuv(index, expected);
                    assertThat(psnr(expected, (AVFrame) f.opaque)).as("PSNR of frame %d", index).isGreaterThan(35);
                    next++;
                }
                index++;
            }
            assertThat(index).isEqualTo(frames);
            g.stop();
        }
    }

    @Test
    void aCorruptPhotoInSlideTwoFailsNamingItAndLeavesNoFile() throws Exception {
        Path photo2 = project.slides().get(1).photo();
        Files.write(photo2, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x13, 0x37, 0x00, 0x00});
        Path video = dir.resolve("broken.mp4");

        Run run = kinora("render", projectFile.toString(), "-o", video.toString(), "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(photo2.toString()).contains("slide 2");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(mp4Files()).isEmpty();
    }

    @Test
    void nvencWithoutAnNvidiaEncoderFailsWithTheReason() throws Exception {
        assumeFalse(nvencWorks(), "this machine has a working NVENC");
        Path video = dir.resolve("nvenc.mp4");
        Run run = kinora("render", projectFile.toString(), "-o", video.toString(), "--encoder", "h264_nvenc", "--quiet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("kinora: NVENC unavailable: ");
        assertThat(mp4Files()).isEmpty();

        // Without --quiet too, the reason is all there is: no progress bar starts first.
        Run shown = kinora("render", projectFile.toString(), "-o", video.toString(), "--encoder", "h264_nvenc");
        assertThat(shown.exitCode()).isEqualTo(1);
        assertThat(shown.err()).startsWith("kinora: NVENC unavailable: ").doesNotContain("Rendering");
    }

    @Test
    void autoFallsBackToLibx264AndSaysSo() throws Exception {
        assumeFalse(nvencWorks(), "this machine has a working NVENC");
        Path video = dir.resolve("auto.mp4");
        Run run = kinora("render", projectFile.toString(), "-o", video.toString(), "--encoder", "auto",
                "--size", "160x90", "--fps", "10");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("NVENC unavailable: ").contains("used libx264 instead");
        assertThat(run.out()).contains("libx264").contains("35 frames");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.start();
            assertThat(g.getImageWidth()).isEqualTo(160);
            assertThat(g.getVideoFrameRate()).isEqualTo(10.0);
            g.stop();
        }
    }

    @Test
    void anExistingVideoIsKeptWithoutForce() throws Exception {
        Path video = dir.resolve("exists.mp4");
        Files.writeString(video, "precious");
        Run refused = kinora("render", projectFile.toString(), "-o", video.toString(), "--quiet");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(video)).isEqualTo("precious");

        Run forced = kinora("render", projectFile.toString(), "-o", video.toString(), "--quiet", "--force",
                "--size", "160x90", "--crf", "0");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).isEmpty();
        assertThat(Files.size(video)).isGreaterThan(1000);
    }

    /** A folder is a folder, with or without --force; not first "exists, use --force", then "a folder". */
    @Test
    void anOutputThatIsAFolderIsNamedAsSuchAtOnce() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("r"));
        for (String[] force : new String[][] {{}, {"--force"}}) {
            List<String> args = new ArrayList<>(List.of("render", projectFile.toString(), "-o", folder.toString(), "--quiet"));
            args.addAll(List.of(force));
            Run run = kinora(args.toArray(String[]::new));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).isEqualTo("kinora: cannot write " + folder + ": it is a folder" + System.lineSeparator());
        }
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    /** A bad option is a usage error whatever the files are: a missing project, an existing output. */
    @Test
    void badOptionsAreUsageErrorsBeforeAnyFileIsLookedAt() throws Exception {
        Path existing = Files.write(dir.resolve("existing.mp4"), new byte[] {1});
        String missing = dir.resolve("missing.kinora").toString();
        String[][] cases = {
                {projectFile.toString(), "-o", existing.toString(), "--crf", "99"},
                {missing, "-o", existing.toString(), "--threads", "0"},
                {missing, "-o", dir.resolve("o.mp4").toString(), "--size", "8x8"},
                {missing, "-o", dir.resolve("o.mp4").toString(), "--fps", "0"},
                {missing, "-o", dir.resolve("o.mp4").toString(), "--encoder", "nonsense"}};
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("render"));
            args.addAll(List.of(c));
            args.add("--quiet");
            assertThat(kinora(args.toArray(String[]::new)).exitCode()).as(String.join(" ", c)).isEqualTo(2);
        }
        assertThat(Files.readAllBytes(existing)).containsExactly(1);
    }

    /** The system's words for a folder that takes no files, without the temporary file's name. */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aFolderThatTakesNoFilesIsNamedNotTheTemporaryFile() {
        Run run = kinora("render", projectFile.toString(), "-o", "/proc/kinora-test.mp4", "--quiet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("kinora: cannot write /proc/kinora-test.mp4: folder /proc cannot hold files"
                + System.lineSeparator());
    }

    @Test
    void anEmptyOutputPathIsAUsageError() {
        Run run = kinora("render", projectFile.toString(), "-o", "", "--quiet");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("kinora: -o/--output must name a file, not be empty");
    }

    @Test
    void aProjectShorterThanOneFrameFailsBeforeWritingAnything() throws Exception {
        List<Slide> blinks = project.slides().stream()
                .map(s -> new Slide(s.photo(), 0.05, s.motion(), s.fit(), Transition.NONE, "")).toList();
        Path shortProject = dir.resolve("short.kinora");
        ProjectFile.save(new Project(project.output(), blinks, List.of()), shortProject);
        Path video = dir.resolve("short.mp4");

        Run run = kinora("render", shortProject.toString(), "-o", video.toString(), "--fps", "1", "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("kinora: " + shortProject + ": the project is shorter than one frame at 1 fps"
                + System.lineSeparator());
        assertThat(mp4Files()).isEmpty();
    }

    /** --force or not, the project file, its photos (even read-only ones) and its music are never replaced. */
    @Test
    void neverWritesOverTheProjectsOwnFiles() throws Exception {
        Path music = dir.resolve("song.mp4"); // an MP4 audio file: the .mp4 name alone does not protect it
        Files.write(music, new byte[] {1, 2, 3});
        ProjectFile.save(project.withAudioTracks(List.of(org.kinora.model.AudioTrack.of(music))), projectFile);
        byte[] projectBytes = Files.readAllBytes(projectFile);
        Path photo2 = project.slides().get(1).photo();
        byte[] photoBytes = Files.readAllBytes(photo2);
        photo2.toFile().setReadOnly();
        Path linkToPhoto = Files.createSymbolicLink(dir.resolve("link.mp4"), photo2);

        String[][] cases = {
                {projectFile.toString(), "the project file"},
                {photo2.toString(), "the photo of slide 2"},
                {linkToPhoto.toString(), "the photo of slide 2"},
                {music.toString(), "the music file of track 1"}};
        for (String[] c : cases) {
            Run run = kinora("render", projectFile.toString(), "-o", c[0], "--force", "--quiet");
            assertThat(run.exitCode()).as(c[0]).isEqualTo(1);
            assertThat(run.err()).isEqualTo("kinora: cannot write " + Path.of(c[0]).toAbsolutePath().normalize()
                    + ": it is " + c[1] + "; choose another output file" + System.lineSeparator());
        }
        assertThat(Files.readAllBytes(projectFile)).isEqualTo(projectBytes);
        assertThat(Files.readAllBytes(photo2)).isEqualTo(photoBytes);
        assertThat(Files.readAllBytes(music)).containsExactly(1, 2, 3);
        assertThat(Files.isSymbolicLink(linkToPhoto)).isTrue();
    }

    /** Anything but an MP4 name would hold MP4 data under a misleading name. */
    @Test
    void anOutputNameThatIsNotMp4IsAUsageError() throws Exception {
        for (String name : new String[] {"o.mkv", "noext", "o.mp4.part"}) {
            Run run = kinora("render", projectFile.toString(), "-o", dir.resolve(name).toString(), "--quiet");
            assertThat(run.exitCode()).as(name).isEqualTo(2);
            assertThat(run.err()).startsWith("kinora: -o/--output must end in .mp4 (or .m4v, .mov)");
        }
        assertThat(kinora("render", projectFile.toString(), "-o", dir.resolve("upper.MP4").toString(), "--quiet",
                "--size", "64x36", "--fps", "2").exitCode()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .doesNotContain("o.mkv", "noext", "o.mp4.part").contains("upper.MP4");
        }
    }

    @Test
    void encodersListsEveryEncoderAndWhatAutoUses() {
        Run run = kinora("encoders", "--size", "320x180");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("h264_nvenc").contains("libx264").contains("libopenh264").contains("auto uses: ");
    }

    @Test
    void theSampleProjectRendersWithItsMusicMixedIn() throws Exception {
        Path sample = Path.of("assets/sample/sample.kinora");
        Path video = dir.resolve("sample.mp4");
        Run run = kinora("render", sample.toString(), "-o", video.toString(), "--size", "160x90", "--fps", "10", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Project p = ProjectFile.load(sample);
        double seconds = p.timeline().totalFrames() / (double) p.output().fps();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.setSampleMode(FrameGrabber.SampleMode.FLOAT);
            g.start();
            assertThat(g.getAudioCodecName()).isEqualTo("aac");
            assertThat(g.getSampleRate()).isEqualTo(48_000);
            assertThat(g.getAudioChannels()).isEqualTo(2);
            assertThat(g.getLengthInTime() / 1e6).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.05));
            double sumSquares = 0;
            long samples = 0;
            Frame f;
            while ((f = g.grabSamples()) != null) {
                for (java.nio.Buffer b : f.samples) {
                    java.nio.FloatBuffer fb = (java.nio.FloatBuffer) b;
                    for (int i = fb.position(); i < fb.limit(); i++) {
                        sumSquares += fb.get(i) * fb.get(i);
                        samples++;
                    }
                }
            }
            assertThat(samples / 2.0 / 48_000).isCloseTo(seconds, org.assertj.core.data.Offset.offset(0.05));
            assertThat(Math.sqrt(sumSquares / samples)).as("RMS of the soundtrack").isGreaterThan(0.01);
            g.stop();
        }
    }

    private static boolean nvencWorks() {
        return EncoderProbe.probe(VideoEncoder.H264_NVENC, new EncodeSettings(320, 180, 30, Quality.STANDARD, -1)).usable();
    }

    private List<String> mp4Files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".mp4")).toList();
        }
    }

    private static double psnr(YuvFrame expected, AVFrame decoded) {
        double sse = 0;
        long n = 0;
        int[][] planes = {{0, expected.width(), expected.height(), expected.yOffset()},
                {1, expected.chromaWidth(), expected.chromaHeight(), expected.uOffset()},
                {2, expected.chromaWidth(), expected.chromaHeight(), expected.vOffset()}};
        for (int[] p : planes) {
            var data = decoded.data(p[0]);
            int stride = decoded.linesize(p[0]);
            for (int y = 0; y < p[2]; y++) {
                for (int x = 0; x < p[1]; x++) {
                    int d = (expected.data().get(p[3] + y * p[1] + x) & 0xff) - (data.get((long) y * stride + x) & 0xff);
                    sse += d * d;
                    n++;
                }
            }
        }
        return sse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255 * n / sse);
    }
}
