package org.kinora.image;

import java.io.IOException;
import java.nio.file.Path;

/** A photo cannot be used; the message names the file and the reason. */
public class PhotoException extends IOException {

    private final Path file;
    private final String reason;

    public PhotoException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public PhotoException(Path file, String reason) {
        this(file, reason, null);
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
