package org.kinora.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.AudioTrack;
import org.kinora.model.Easing;
import org.kinora.model.EncoderPreference;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.RgbColor;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.TransitionType;
import org.kinora.model.View;
import org.kinora.render.pipeline.WriteProblems;

class ProjectFileTest {

    @TempDir
    Path dir;

    private Project everyFieldSet() {
        Slide a = new Slide(dir.resolve("photos/a.jpg"), 4.25,
                new Motion(new View(0.3, 0.7, 1.1), new View(0.6, 0.4, 1.3), Easing.EASE_IN_OUT),
                FitMode.BLUR, new Transition(TransitionType.WIPE_LEFT, 0.75), "Day one");
        Slide b = new Slide(dir.resolve("b.png"), 3, Motion.STILL, FitMode.COLOR,
                new Transition(TransitionType.ZOOM_DISSOLVE, 0.5), "");
        AudioTrack music = new AudioTrack(dir.resolve("music/song.mp3"), 1.5, 2, 95.5, 0.8, 1, 3, true);
        AudioTrack untrimmed = AudioTrack.of(dir.resolve("music/other.flac"));
        return new Project(Project.CURRENT_FORMAT_VERSION,
                new OutputSettings(1080, 1920, 60, Quality.HIGH, EncoderPreference.LIBX264),
                List.of(a, b), List.of(music, untrimmed), new RgbColor(10, 20, 30));
    }

    @Test
    void saveAndLoadRoundTripsEveryField() throws IOException {
        Project project = everyFieldSet();
        Path file = dir.resolve("show.kinora");
        ProjectFile.save(project, file);
        assertThat(ProjectFile.load(file)).isEqualTo(project);
    }

    @Test
    void mediaPathsAreStoredRelativeSoAMovedFolderStillLoads() throws IOException {
        Path file = dir.resolve("show.kinora");
        ProjectFile.save(everyFieldSet(), file);
        String json = Files.readString(file);
        assertThat(json).contains("\"photos/a.jpg\"").doesNotContain(dir.toString());

        Path moved = Files.createDirectories(dir.resolve("elsewhere/deeper"));
        Files.move(file, moved.resolve("show.kinora"));
        Project loaded = ProjectFile.load(moved.resolve("show.kinora"));
        assertThat(loaded.slides().get(0).photo()).isEqualTo(moved.resolve("photos/a.jpg"));
    }

    @Test
    void absolutePathsAreAcceptedOnRead() throws IOException {
        Path file = dir.resolve("abs.kinora");
        Path photo = Path.of("/somewhere/else/photo.jpg").toAbsolutePath();
        Files.writeString(file, """
                {"formatVersion": 2, "output": {"width": 640, "height": 360, "fps": 24},
                 "slides": [{"photo": "%s", "duration": 2}]}
                """.formatted(photo.toString().replace("\\", "/")));
        assertThat(ProjectFile.load(file).slides().get(0).photo()).isEqualTo(photo);
    }

    @Test
    void savingKeepsThePreviousVersionAsBackupAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("show.kinora");
        Project first = everyFieldSet();
        ProjectFile.save(first, file);
        String firstText = Files.readString(file);
        ProjectFile.save(first.withBackground(RgbColor.WHITE), file);
        assertThat(Files.readString(ProjectFile.backupOf(file))).isEqualTo(firstText);
        assertThat(ProjectFile.load(file).background()).isEqualTo(RgbColor.WHITE);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("show.kinora", "show.kinora.bak");
        }
    }

    /** Like any file the user makes: a shared project is readable by whoever the umask lets read it. */
    @Test
    void projectAndBackupGetTheDefaultPermissions() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("usual.txt")));
        Path file = dir.resolve("show.kinora");
        ProjectFile.save(everyFieldSet(), file);
        ProjectFile.save(everyFieldSet().withBackground(RgbColor.WHITE), file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(usual);
        assertThat(Files.getPosixFilePermissions(ProjectFile.backupOf(file))).isEqualTo(usual);
    }

    private String saveError(Path file) throws IOException {
        try {
            ProjectFile.save(everyFieldSet(), file);
        } catch (IOException e) {
            try (var files = Files.walk(dir)) {
                assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
            }
            assertThat(e.getMessage()).doesNotContain(".tmp");
            return e.getMessage();
        }
        throw new AssertionError("saving should have failed");
    }

    @Test
    void aSaveThatCannotBeDoneNamesTheTargetAndWhy() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("video.mp4"), "");
        Path aFolder = Files.createDirectories(dir.resolve("folder.kinora"));
        assertThat(saveError(dir.resolve("nodir/x.kinora")))
                .isEqualTo("cannot write " + dir.resolve("nodir/x.kinora") + ": folder " + dir.resolve("nodir") + " does not exist");
        assertThat(saveError(notAFolder.resolve("x.kinora")))
                .isEqualTo("cannot write " + notAFolder.resolve("x.kinora") + ": " + notAFolder + " is not a folder");
        assertThat(saveError(aFolder)).isEqualTo("cannot write " + aFolder + ": is a folder");

        Path file = dir.resolve("show.kinora");
        ProjectFile.save(everyFieldSet(), file);
        Files.createDirectories(ProjectFile.backupOf(file).resolve("inside"));
        assertThat(saveError(file)).isEqualTo("cannot write " + file + ": cannot keep the previous version as "
                + ProjectFile.backupOf(file) + ": is a folder");
    }

    @Test
    void aFolderThatRefusesWritesIsPermissionDenied() throws IOException {
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assumeTrue(locked.toFile().setWritable(false, false) && !Files.isWritable(locked), "runs as root");
        try {
            assertThat(saveError(locked.resolve("x.kinora"))).isEqualTo("cannot write " + locked.resolve("x.kinora") + ": permission denied");
        } finally {
            locked.toFile().setWritable(true, true);
        }
    }

    @Test
    void systemWordsForAFailedWriteNeverNameTheTemporaryFile() {
        Path temp = dir.resolve(".x.kinora.123.tmp");
        Path target = dir.resolve("x.kinora");
        assertThat(WriteProblems.reason(new IOException("No space left on device"), temp, target))
                .isEqualTo("no space left on device");
        assertThat(WriteProblems.reason(new FileSystemException(temp.toString(), null, "Read-only file system"), temp, target))
                .isEqualTo("read-only file system");
        assertThat(WriteProblems.reason(new IOException(temp + ": Input/output error"), temp, target))
                .isEqualTo(target + ": Input/output error");
    }

    @Test
    void oldFormatVersionIsMigrated() throws IOException {
        Path file = dir.resolve("old.kinora");
        try (InputStream in = getClass().getResourceAsStream("/projects/format-v1.kinora")) {
            Files.copy(in, file);
        }
        Project p = ProjectFile.load(file);
        assertThat(p.formatVersion()).isEqualTo(Project.CURRENT_FORMAT_VERSION);
        assertThat(p.output()).isEqualTo(new OutputSettings(1280, 720, 25, Quality.HIGH, EncoderPreference.LIBX264));
        assertThat(p.background()).isEqualTo(new RgbColor(0x10, 0x20, 0x30));
        assertThat(p.slides()).hasSize(2);
        Slide first = p.slides().get(0);
        assertThat(first.durationSeconds()).isEqualTo(3.5);
        assertThat(first.photo()).isEqualTo(dir.resolve("photos/first.jpg"));
        assertThat(first.motion().end()).isEqualTo(new View(0.4, 0.6, 1.2));
        assertThat(first.motion().easing()).isEqualTo(Easing.EASE_IN_OUT);
        assertThat(first.transition()).isEqualTo(new Transition(TransitionType.FADE_BLACK, 0.5));
        assertThat(first.caption()).isEqualTo("Hello");
        assertThat(p.slides().get(1).durationSeconds()).isEqualTo(2.0);
        assertThat(p.slides().get(1).motion()).isEqualTo(Motion.STILL);
        assertThat(p.audioTracks().get(0).fadeOutSeconds()).isEqualTo(2.0);
        assertThat(p.audioTracks().get(0).trimmedAtEnd()).isFalse();
    }

    private ProjectFileException loadError(String content) throws IOException {
        Path file = dir.resolve("broken.kinora");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try {
            ProjectFile.load(file);
        } catch (ProjectFileException e) {
            assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("loading should have failed");
    }

    @Test
    void truncatedFileNamesTheLine() throws IOException {
        Path good = dir.resolve("good.kinora");
        ProjectFile.save(everyFieldSet(), good);
        String text = Files.readString(good);
        ProjectFileException e = loadError(text.substring(0, text.length() / 2));
        assertThat(e.getMessage()).containsPattern("line \\d+, column \\d+");
    }

    @Test
    void missingFieldIsNamed() throws IOException {
        ProjectFileException e = loadError("""
                {"formatVersion": 2, "output": {"width": 640, "height": 360, "fps": 24},
                 "slides": [{"photo": "a.jpg", "duration": 2}, {"photo": "b.jpg"}]}
                """);
        assertThat(e.getMessage()).contains("slides[1].duration: is missing");
    }

    @Test
    void outOfRangeValuesAreAllListed() throws IOException {
        ProjectFileException e = loadError("""
                {"formatVersion": 2, "output": {"width": 640, "height": 360, "fps": 24},
                 "slides": [
                   {"photo": "a.jpg", "duration": 2, "motion": {"start": {"x": 0.5, "y": 0.5, "zoom": 1},
                                                               "end": {"x": 0.5, "y": 0.5, "zoom": 0.5}}},
                   {"photo": "b.jpg", "duration": -1},
                   {"photo": "c.jpg", "duration": 2, "fit": "stretch"}]}
                """);
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).contains("slides[0].motion.end").contains("zoom");
        assertThat(e.problems().get(1)).contains("slides[1]").contains("duration");
        assertThat(e.problems().get(2)).contains("slides[2].fit").contains("stretch");
        assertThat(e.getMessage()).contains("and 2 more problems");
    }

    @Test
    void wrongTypeNamesLineAndField() throws IOException {
        ProjectFileException e = loadError("""
                {"formatVersion": 2,
                 "output": {"width": "wide", "height": 360, "fps": 24}, "slides": []}
                """);
        assertThat(e.getMessage()).contains("line 2").contains("output.width").contains("whole number");
    }

    @Test
    void unknownOrNewerVersionIsRefused() throws IOException {
        assertThat(loadError("{\"formatVersion\": 99}").getMessage()).contains("newer");
        assertThat(loadError("{\"slides\": []}").getMessage()).contains("formatVersion: is missing");
        assertThat(loadError("").getMessage()).contains("empty");
        assertThat(loadError("[1, 2]").getMessage()).contains("JSON object");
    }

    @Test
    void typeHintsAreDataNotClassesToLoad() throws IOException {
        ProjectFileException e = loadError("""
                {"formatVersion": 2, "output": {"width": 640, "height": 360, "fps": 24},
                 "slides": [{"@class": "java.lang.ProcessBuilder", "photo": "a.jpg", "duration": 2}]}
                """);
        assertThat(e.getMessage()).contains("unknown field '@class'");
    }

    @Test
    void everyBadFieldOfAnObjectIsListedByItsNameInTheFile() throws IOException {
        ProjectFileException e = loadError("""
                {"formatVersion": 2, "output": {"width": 3, "height": 1, "fps": 0},
                 "slides": [{"photo": "a.jpg", "duration": 2,
                             "motion": {"start": {"x": 2, "y": -1, "zoom": 0.5}, "end": {"x": 0.5, "y": 0.5, "zoom": 1}}}],
                 "audio": [{"file": "x.mp3", "volume": 9, "fadeIn": -1}]}
                """);
        assertThat(e.problems()).containsExactly(
                "output.width: must be between 16 and 8192, was 3",
                "output.height: must be between 16 and 8192, was 1",
                "output.fps: must be between 1 and 240, was 0",
                "slides[0].motion.start.x: must be between 0 and 1, was 2",
                "slides[0].motion.start.y: must be between 0 and 1, was -1",
                "slides[0].motion.start.zoom: must be between 1 and 20, was 0.5",
                "audio[0].volume: must be between 0 and 4, was 9",
                "audio[0].fadeIn: must be zero or more, was -1");
    }

    @Test
    void aRuleAcrossFieldsIsCheckedOnceEachFieldIsFine() throws IOException {
        ProjectFileException e = loadError("""
                {"formatVersion": 2, "output": {"width": 641, "height": 360, "fps": 24}, "slides": []}
                """);
        assertThat(e.problems()).containsExactly("output: output size must be even, was 641x360");
    }

    @Test
    void aMissingObjectIsNamedOnce() throws IOException {
        assertThat(loadError("{\"formatVersion\": 2}").problems()).containsExactly("output: is missing");
    }

    @Test
    void numbersAreNeverReadFromText() throws IOException {
        ProjectFileException e = loadError("""
                {"formatVersion": 2, "output": {"width": "320", "height": 180.5, "fps": 24},
                 "slides": [{"photo": "a.jpg", "duration": "2", "caption": 7}], "audio": [{"file": "x.mp3", "loop": "yes"}]}
                """);
        assertThat(e.problems()).containsExactly(
                "line 1, column 42: output.width: expected a whole number, found \"320\"",
                "line 1, column 59: output.height: expected a whole number, found 180.5",
                "line 2, column 44: slides[0].duration: expected a number, found \"2\"",
                "line 2, column 60: slides[0].caption: expected text, found 7",
                "line 2, column 101: audio[0].loop: expected true or false, found \"yes\"");
    }

    @Test
    void notANumberIsRefusedByItsField() throws IOException {
        ProjectFileException e = loadError("""
                {"formatVersion": 2, "output": {"width": 640, "height": 360, "fps": NaN},
                 "slides": [{"photo": "a.jpg", "duration": -Infinity}]}
                """);
        assertThat(e.problems()).containsExactly(
                "line 1, column 69: output.fps: NaN is not a number a project may hold",
                "line 2, column 44: slides[0].duration: -Infinity is not a number a project may hold");
    }

    /** Syntax errors in plain words: no parser feature names, no source descriptions. */
    @Test
    void syntaxErrorsSayWhatIsWrongInPlainWords() throws IOException {
        assertThat(loadError("{\"formatVersion\": 2, \"output\": {\"width\": 640").getMessage())
                .endsWith("broken.kinora: line 1, column 45: the file ends in the middle of an object (opened at line 1, column 32)");
        assertThat(loadError("{\"formatVersion\": 2, ").problems()) // cut between two fields
                .containsExactly("line 1, column 22: the file ends in the middle of an object (opened at line 1, column 1)");
        assertThat(loadError("{\"formatVersion\": 2, // mine\n}").problems())
                .containsExactly("line 1, column 22: comments are not allowed in a project file");
        assertThat(loadError("{\"formatVersion\": 2, \"x\": " + "[".repeat(1200) + "]".repeat(1200) + "}").problems())
                .containsExactly("line 1, column 91: nested too deeply");
        assertThat(loadError("{\"formatVersion\": 2, \"formatVersion\": 2}").problems())
                .containsExactly("line 1, column 37: field 'formatVersion' appears twice");
        assertThat(loadError("{\"formatVersion\": 2, \"output\": tru}").problems())
                .containsExactly("line 1, column 36: 'tru' is not a value (text goes in double quotes; true, false and null in lower case)");
        assertThat(loadError("{\"formatVersion\": 2} {}").problems())
                .containsExactly("line 1, column 22: more text after the project's closing '}'");
        assertThat(loadError("{\"formatVersion\": 2,}").problems())
                .containsExactly("line 1, column 21: expected a field name in double quotes, found '}'");
    }

    /** A FIFO would block the read until some writer came along: check would hang. */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a blocked read ignores interrupts
    void onlyARegularFileIsRead() throws Exception {
        Path fifo = dir.resolve("pipe.kinora");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
        assertThatThrownBy(() -> ProjectFile.load(fifo)).hasMessage(fifo + ": not a regular file");
        Path folder = Files.createDirectories(dir.resolve("folder.kinora"));
        assertThatThrownBy(() -> ProjectFile.load(folder)).hasMessage(folder + ": is a folder, not a project file");
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("nope.kinora");
        assertThatThrownBy(() -> ProjectFile.load(file)).isInstanceOf(ProjectFileException.class)
                .hasMessage(file + ": file not found");
    }
}
