package org.kinora.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.EncoderPreference;
import org.kinora.model.OutputSettings;
import org.kinora.model.Quality;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.encode.EncoderProbe;
import org.kinora.render.encode.EncoderStatus;
import org.kinora.render.encode.VideoEncoder;

class ProjectCheckerTest {

    @TempDir
    Path dir;

    private List<String> check(String json) throws IOException {
        Path file = dir.resolve("show.kinora");
        Files.writeString(file, json);
        List<String> problems = ProjectChecker.check(file);
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith(file + ": "));
        return problems.stream().map(p -> p.substring(file.toString().length() + 2)).toList();
    }

    @Test
    void missingFilesAreListedEvenWhenFieldsHaveProblems() throws IOException {
        List<String> problems = check("""
                {"formatVersion": 2, "output": {"width": 3, "height": 1, "fps": 0},
                 "slides": [{"photo": "nope1.jpg", "duration": -1}, {"photo": "nope2.jpg", "duration": 2}],
                 "audio": [{"file": "x.mp3", "volume": 9}]}
                """);
        assertThat(problems).containsExactly(
                "output.width: must be between 16 and 8192, was 3",
                "output.height: must be between 16 and 8192, was 1",
                "output.fps: must be between 1 and 240, was 0",
                "slides[0].duration: must be between 0.05 and 3600, was -1",
                "audio[0].volume: must be between 0 and 4, was 9",
                "slides[0].photo: " + dir.resolve("nope1.jpg") + ": file not found",
                "slides[1].photo: " + dir.resolve("nope2.jpg") + ": file not found",
                "audio[0].file: " + dir.resolve("x.mp3") + ": file not found");
    }

    @Test
    void aProjectWithoutSlidesIsNamed() throws IOException {
        String output = "\"output\": {\"width\": 640, \"height\": 360, \"fps\": 24}";
        for (String slides : new String[] {"", ", \"slides\": null", ", \"slides\": []"}) {
            assertThat(check("{\"formatVersion\": 2, " + output + slides + "}"))
                    .as(slides).containsExactly("the project has no slides");
        }
    }

    @Test
    void anUnreadableProjectFileIsNamedToo() throws IOException {
        assertThat(check("{\"formatVersion\": 2, ")).singleElement().asString()
                .startsWith("line 1, column 22: the file ends in the middle of an object");
    }

    /** A JPEG of noise: every part of its scan data matters, so a cut anywhere loses pixels. */
    private Path noiseJpeg(String name) throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "jpg", file.toFile());
        return file;
    }

    private static String slideOf(Path photo) {
        return "{\"photo\": \"" + photo.getFileName() + "\", \"duration\": 2}";
    }

    @Test
    void aPhotoCutShortIsFoundNotOnlyItsHeader() throws IOException {
        Path whole = noiseJpeg("whole.jpg");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(bytes, bytes.length / 2));
        List<String> problems = check("{\"formatVersion\": 2, \"output\": {\"width\": 640, \"height\": 360, \"fps\": 24},"
                + " \"slides\": [" + slideOf(whole) + ", " + slideOf(cut) + ", " + slideOf(cut) + "]}");
        assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).contains(cut + ": image data is truncated"));
        assertThat(problems.get(0)).startsWith("slides[1].photo: ");
        assertThat(problems.get(1)).startsWith("slides[2].photo: ");
    }

    @Test
    void anEncoderTheProjectNamesIsTriedHere() throws IOException {
        Path photo = noiseJpeg("a.jpg");
        OutputSettings output = new OutputSettings(640, 360, 24, Quality.STANDARD, EncoderPreference.H264_NVENC);
        EncoderStatus nvenc = EncoderProbe.probe(VideoEncoder.H264_NVENC, EncodeSettings.of(output));
        List<String> problems = check("{\"formatVersion\": 2, \"output\": {\"width\": 640, \"height\": 360, \"fps\": 24,"
                + " \"encoder\": \"h264_nvenc\"}, \"slides\": [" + slideOf(photo) + "]}");
        if (nvenc.usable()) { // a machine with a working NVENC: nothing to report
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsExactly("output.encoder: " + nvenc.reason()
                    + " (\"auto\" would use an encoder that works here)");
        }
        assertThat(ProjectChecker.encoderProblem(output.withEncoder(EncoderPreference.LIBX264))).isNull();
        assertThat(ProjectChecker.encoderProblem(output.withEncoder(EncoderPreference.AUTO))).isNull();
    }
}
