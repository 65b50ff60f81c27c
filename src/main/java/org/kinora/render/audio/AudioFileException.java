package org.kinora.render.audio;

import java.io.IOException;
import java.nio.file.Path;

/** An audio file that cannot be used: missing, unreadable, not audio, or broken. Names the file. */
public final class AudioFileException extends IOException {

    private final transient Path file;
    private final String problem;

    public AudioFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public AudioFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
