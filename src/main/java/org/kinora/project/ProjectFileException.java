package org.kinora.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A project file that cannot be read: names the file and, for each problem, the line or field.
 * The message is one line; {@link #problems()} lists every problem found.
 */
public class ProjectFileException extends IOException {

    private final Path file;
    private final List<String> problems;

    public ProjectFileException(Path file, List<String> problems, Throwable cause) {
        super(message(file, problems), cause);
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public ProjectFileException(Path file, String problem, Throwable cause) {
        this(file, List.of(problem), cause);
    }

    public Path file() {
        return file;
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(Path file, List<String> problems) {
        String first = problems.isEmpty() ? "unreadable project file" : problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
        return file + ": " + first + more;
    }
}
