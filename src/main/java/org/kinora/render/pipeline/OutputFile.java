package org.kinora.render.pipeline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The render's output: written to a hidden temporary file beside the target (same folder, so the
 * final move is a rename) and moved into place only when complete. An existing file is replaced
 * only when asked; a failed or cancelled render deletes its temporary file.
 */
final class OutputFile {

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path target;
    private final Path temp;
    private final boolean overwrite;

    private OutputFile(Path target, Path temp, boolean overwrite) {
        this.target = target;
        this.temp = temp;
        this.overwrite = overwrite;
    }

    /** Checks the target can be written and creates the temporary file. */
    static OutputFile prepare(Path requested, boolean overwrite) throws RenderException {
        Path target = OutputTarget.check(requested, overwrite);
        Path folder = target.getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            // Not Files.createTempFile: its owner-only permissions would carry over to the video.
            return new OutputFile(target, Files.createFile(temp), overwrite);
        } catch (AccessDeniedException e) {
            throw new RenderException("cannot write " + target + ": permission denied in folder " + folder, e);
        } catch (IOException e) {
            throw new RenderException("cannot write " + target + ": " + WriteProblems.reason(e, temp, target), e);
        }
    }

    Path target() {
        return target;
    }

    Path temp() {
        return temp;
    }

    /** Moves the finished file into place and returns its path. */
    Path commit() throws RenderException {
        try {
            if (overwrite) {
                OutputTarget.check(target, true); // a device or FIFO put there meanwhile would be replaced
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temp, target); // fails rather than replace a file that appeared meanwhile
            }
            return target;
        } catch (FileAlreadyExistsException e) {
            throw new RenderException(target + " appeared while rendering; use --force to replace it", e);
        } catch (IOException e) {
            throw new RenderException("cannot move the finished video to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the temporary file; the target is untouched. */
    void discard() throws IOException {
        Files.deleteIfExists(temp);
    }
}
