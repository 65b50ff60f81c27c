package org.kinora.render.pipeline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why writing a file failed, in a few words without any file name ("permission denied", "no
 * space left on device"): the caller names the file the user asked for, not the temporary one.
 * Used for videos ({@link OutputFile}) and project files alike.
 */
public final class WriteProblems {

    private WriteProblems() {
    }

    /**
     * @param temp the file actually being written, never shown
     * @param shown what to say instead, should the system's words name {@code temp}
     */
    public static String reason(IOException e, Path temp, Path shown) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "is a folder";
        }
        if (e instanceof NoSuchFileException) {
            return "folder " + shown.getParent() + " cannot hold files";
        }
        String words = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (words == null || words.isBlank()) {
            return e.getClass().getSimpleName();
        }
        words = words.replace(temp.toString(), shown.toString()).trim();
        if (words.equalsIgnoreCase("Is a directory")) {
            return "is a folder";
        }
        if (words.equalsIgnoreCase("Not a directory")) {
            return shown.getParent() + " is not a folder";
        }
        return words.substring(0, 1).toLowerCase(Locale.ROOT) + words.substring(1);
    }
}
