package org.kinora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.Project;
import org.kinora.model.TransitionType;
import org.kinora.project.ProjectFile;

class CliTest {

    @TempDir
    Path dir;
    Path photos;

    record Run(int exitCode, String out, String err) {
    }

    private Run kinora(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KinoraCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void photos() throws IOException {
        photos = Files.createDirectories(dir.resolve("photos"));
        String[] names = {"b10.jpg", "b2.png", "a1.jpg"};
        for (int i = 0; i < names.length; i++) {
            BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(40 * i, 200, 90));
            g.fillRect(0, 0, 96, 64);
            g.dispose();
            ImageIO.write(image, names[i].endsWith("png") ? "png" : "jpg", photos.resolve(names[i]).toFile());
        }
        Files.writeString(photos.resolve("notes.txt"), "not a photo");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", photos.resolve(".hidden.jpg").toFile());
    }

    @Test
    void newThenCheckSucceedsAndOrdersPhotosByName() throws IOException {
        Path project = dir.resolve("show.kinora");
        Run created = kinora("new", photos.toString(), "-o", project.toString(), "--size", "1280x720",
                "--fps", "25", "--seconds-per-photo", "3", "--transition", "fade-black:0.5");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err().lines()).singleElement().asString()
                .isEqualTo("kinora: warning: skipped " + photos.resolve("notes.txt").toAbsolutePath()
                        + ": not an image in a supported format (JPEG, PNG, TIFF, BMP, WebP, GIF)");
        assertThat(created.out()).contains("3 photos");

        Project p = ProjectFile.load(project);
        assertThat(p.slides()).extracting(s -> s.photo().getFileName().toString())
                .containsExactly("a1.jpg", "b2.png", "b10.jpg");
        assertThat(p.output().width()).isEqualTo(1280);
        assertThat(p.output().fps()).isEqualTo(25);
        assertThat(p.slides().get(0).transition().type()).isEqualTo(TransitionType.FADE_BLACK);
        assertThat(p.slides().get(0).motion()).isNotEqualTo(p.slides().get(1).motion());

        Run checked = kinora("check", project.toString());
        assertThat(checked.exitCode()).as(checked.err()).isZero();
    }

    @Test
    void onePhotoIsSaidInTheSingular() {
        Run created = kinora("new", photos.resolve("a1.jpg").toString(), "-o", dir.resolve("one.kinora").toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains(": 1 photo, ");
    }

    @Test
    void checkNamesADeletedPhotoAndExitsOne() throws IOException {
        Path project = dir.resolve("show.kinora");
        assertThat(kinora("new", photos.toString(), "-o", project.toString()).exitCode()).isZero();
        Files.delete(photos.resolve("b2.png"));
        Files.writeString(photos.resolve("b10.jpg"), "garbage");
        Run checked = kinora("check", project.toString());
        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.err()).contains("b2.png: file not found").contains("b10.jpg").contains("2 problems");
    }

    @Test
    void checkListsAScreenfulOfProblemsAndCountsTheRest() throws IOException {
        int slides = CheckCommand.MAX_LISTED + 5;
        StringBuilder json = new StringBuilder("{\"formatVersion\": 2, \"output\": {\"width\": 640, \"height\": 360, \"fps\": 24}, \"slides\": [");
        for (int i = 0; i < slides; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"photo\": \"gone").append(i).append(".jpg\", \"duration\": 2}");
        }
        Path project = dir.resolve("gone.kinora");
        Files.writeString(project, json.append("]}"));
        Run checked = kinora("check", project.toString());
        assertThat(checked.exitCode()).isEqualTo(1);
        List<String> lines = checked.err().lines().toList();
        assertThat(lines).hasSize(CheckCommand.MAX_LISTED + 2);
        assertThat(lines.get(0)).isEqualTo("kinora: " + project + ": slides[0].photo: " + dir.resolve("gone0.jpg") + ": file not found");
        assertThat(lines.get(CheckCommand.MAX_LISTED)).isEqualTo("kinora: (and 5 more problems)");
        assertThat(lines.get(CheckCommand.MAX_LISTED + 1)).isEqualTo("kinora: " + slides + " problems in " + project);
    }

    @Test
    void truncatedProjectGivesOneLineAndExitOne() throws IOException {
        Path project = dir.resolve("show.kinora");
        assertThat(kinora("new", photos.toString(), "-o", project.toString()).exitCode()).isZero();
        String text = Files.readString(project);
        Files.writeString(project, text.substring(0, text.length() / 3));
        Run checked = kinora("check", project.toString());
        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.err().lines().toList()).hasSize(2); // the problem, then the count
        assertThat(checked.err()).contains(project.toString()).containsPattern("line \\d+");
        assertThat(checked.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(kinora("new", photos.toString()).exitCode()).isEqualTo(2); // -o missing
        assertThat(kinora("frobnicate").exitCode()).isEqualTo(2);
        Run badSize = kinora("new", photos.toString(), "-o", dir.resolve("x.kinora").toString(), "--size", "big");
        assertThat(badSize.exitCode()).isEqualTo(2);
        assertThat(badSize.err()).contains("1920x1080");
    }

    /** Every bad --seconds-per-photo is the same usage error, before the photos or the output file are looked at. */
    @Test
    void secondsPerPhotoOutOfRangeIsOneUsageError() throws IOException {
        Path existing = Files.writeString(dir.resolve("existing.kinora"), "mine");
        String[][] cases = {{"-1", "-1"}, {"0", "0"}, {"0.01", "0.01"}, {"NaN", "NaN"}, {"Infinity", "Infinity"},
                {"1e9", "1000000000"}};
        for (String[] c : cases) {
            Run run = kinora("new", photos.toString(), "-o", existing.toString(), "--transition", "cut",
                    "--seconds-per-photo", c[0]);
            assertThat(run.exitCode()).as(c[0] + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().lines().findFirst()).hasValue(
                    "kinora: --seconds-per-photo must be a number of seconds from 0.05 to 3600, was " + c[1]);
        }
        Run tooShort = kinora("new", photos.toString(), "-o", dir.resolve("x.kinora").toString(), "--seconds-per-photo", "1.5");
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).contains("a 1 s transition needs --seconds-per-photo of at least 2");
    }

    /** Not "'abc' is not an int": the words say what to write, not a Java type. */
    @Test
    void aWordWhereANumberBelongsIsSaidInPlainWords() {
        Run crf = kinora("render", "x.kinora", "-o", "x.mp4", "--crf", "abc");
        assertThat(crf.exitCode()).isEqualTo(2);
        assertThat(crf.err()).startsWith("kinora: Invalid value for option '--crf': 'abc' is not a whole number");
        Run seconds = kinora("new", "photos", "-o", "x.kinora", "--seconds-per-photo", "four");
        assertThat(seconds.exitCode()).isEqualTo(2);
        assertThat(seconds.err()).startsWith("kinora: Invalid value for option '--seconds-per-photo': 'four' is not a number");
    }

    @Test
    void badTransitionsAreUsageErrorsNamingTheOption() {
        for (String bad : new String[] {"crossfade:-1", "crossfade:NaN", "crossfade:Infinity", "crossfade:soon"}) {
            Run run = kinora("new", photos.toString(), "-o", dir.resolve("x.kinora").toString(), "--transition", bad);
            assertThat(run.exitCode()).as(bad + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("kinora: --transition ").contains("'" + bad + "'");
        }
    }

    @Test
    void benchCountsAreUsageErrorsCheckedFirst() {
        for (String option : new String[] {"--frames", "--photo-limit", "--threads", "--photos-ahead"}) {
            for (String value : new String[] {"0", "-1"}) {
                Run run = kinora("bench", "--photos", dir.resolve("missing").toString(), option, value);
                assertThat(run.exitCode()).as(option + " " + value + ": " + run.err()).isEqualTo(2);
                assertThat(run.err()).startsWith("kinora: " + option + " must be 1 or more, was " + value);
            }
        }
    }

    /** new, render and bench refuse a frame larger than H.264 allows as a usage error, before any work. */
    @Test
    void sizesBeyondH264sLimitAreUsageErrors() throws IOException {
        Path project = dir.resolve("show.kinora");
        assertThat(kinora("new", photos.toString(), "-o", project.toString()).exitCode()).isZero();
        Run[] runs = {
            kinora("new", photos.toString(), "-o", dir.resolve("big.kinora").toString(), "--size", "8192x8192"),
            kinora("render", project.toString(), "-o", dir.resolve("big.mp4").toString(), "--size", "8192x8192"),
            kinora("bench", "--photos", photos.toString(), "--size", "8192x8192"),
        };
        for (Run run : runs) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("kinora: output size 8192x8192 is too large for H.264: 262144 macroblocks");
        }
        assertThat(dir.resolve("big.kinora")).doesNotExist();
        assertThat(dir.resolve("big.mp4")).doesNotExist();
    }

    @Test
    void noPhotosIsAFailureNamingTheInput() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Run run = kinora("new", empty.toString(), "-o", dir.resolve("x.kinora").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        Path second = Files.createDirectories(dir.resolve("also empty"));
        Run run2 = kinora("new", empty.toString(), second.toString(), "-o", dir.resolve("x.kinora").toString());
        assertThat(run2.err()).isEqualTo("kinora: no photos found in " + empty + ", " + second + System.lineSeparator());
        assertThat(run.err()).isEqualTo("kinora: no photos found in " + empty + System.lineSeparator());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).doesNotContain("x.kinora");
        }
    }

    @Test
    void existingProjectIsNotOverwrittenWithoutForce() throws IOException {
        Path project = dir.resolve("show.kinora");
        Files.writeString(project, "mine");
        Run run = kinora("new", photos.toString(), "-o", project.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("already exists; use --force to replace it");
        assertThat(Files.readString(project)).isEqualTo("mine");
    }

    /** A folder is named as one at once, not "already exists" and then, with --force, "is a folder". */
    @Test
    void aFolderAsTheNewProjectIsSaidToBeAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.kinora"));
        Run run = kinora("new", photos.toString(), "-o", folder.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("kinora: cannot write " + folder + ": it is a folder" + System.lineSeparator());
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void verboseAddsTheStackTrace() {
        String music = dir.resolve("missing.mp3").toString();
        Run quiet = kinora("new", photos.toString(), "--music", music, "-o", dir.resolve("a.kinora").toString());
        Run verbose = kinora("new", "--verbose", photos.toString(), "--music", music, "-o", dir.resolve("b.kinora").toString());
        assertThat(quiet.exitCode()).isEqualTo(1);
        assertThat(quiet.err()).contains("missing.mp3: music file not found").doesNotContain("\tat ");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).contains("missing.mp3: music file not found").contains("\tat ");
    }

    @Test
    void versionAndHelp() {
        assertThat(kinora("--version").out()).contains("Kinora");
        Run help = kinora("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("new").contains("check").contains("render").contains("encoders");
        for (String command : new String[] {"new", "check", "render", "encoders", "bench"}) {
            Run sub = kinora(command, "--help");
            assertThat(sub.exitCode()).as(command + " --help: " + sub.err()).isZero();
            assertThat(sub.out()).contains("Usage: kinora " + command);
        }
    }

    /** A short bench run prints every figure it promises, with the photos it loads ahead. */
    @Test
    void benchMeasuresEachPhaseAndLoadsPhotosAheadAsAsked() {
        Run run = kinora("bench", "--photos", photos.toString(), "--frames", "12", "--size", "320x180",
                "--threads", "2", "--photos-ahead", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 photos, 12 frames, 320x180@30", "2 producers", "photos loaded ahead 2")
                .containsPattern("render: +[0-9.]+ fps \\(12 frames")
                .containsPattern("frames [0-9.]+ s for photos\\)")
                .containsPattern("frame generation: +[0-9.]+ fps .*frames waited [0-9.]+ s for photos")
                .containsPattern("encoder only: +[0-9.]+ fps")
                .containsPattern("ratio: +[0-9.]+");
        Run none = kinora("bench", "--photos", photos.toString(), "--photos-ahead", "0");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--photos-ahead must be 1 or more");
    }
}
