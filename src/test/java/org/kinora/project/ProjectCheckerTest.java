package org.kinora.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
