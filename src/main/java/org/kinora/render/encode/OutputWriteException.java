package org.kinora.render.encode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * FFmpeg could not write the output file (a full disk, a lost network share): the file is
 * incomplete. {@link #reason()} is FFmpeg's reason in words, so a caller that writes to a
 * temporary file can name the file the user asked for instead.
 */
public class OutputWriteException extends IOException {

    private final String reason;

    public OutputWriteException(Path file, String reason, Throwable cause) {
        super("cannot write " + file + ": " + reason, cause);
        this.reason = reason;
    }

    /** Why the write failed, such as "no space left on device". */
    public String reason() {
        return reason;
    }
}
