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
        Path target = requested.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new RenderException("cannot write " + target + ": folder " + folder + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new RenderException("cannot write " + target + ": it is a folder");
        }
        if (Files.exists(target) && !overwrite) {
            throw new RenderException(target + " already exists; use --force to replace it");
        }
        try {
            Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
            return new OutputFile(target, temp, overwrite);
        } catch (AccessDeniedException e) {
            throw new RenderException("cannot write to folder " + folder + ": permission denied", e);
        } catch (IOException e) {
            throw new RenderException("cannot write to folder " + folder + ": " + e.getMessage(), e);
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
