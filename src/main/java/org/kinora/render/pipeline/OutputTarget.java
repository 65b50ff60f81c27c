package org.kinora.render.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Whether a render may put its video at a path. Checked before any work (so a command fails
 * before loading photos) and again just before the finished file is moved there. Only a regular
 * file is ever replaced, and only when asked: the final rename would replace a device, a FIFO or
 * a symbolic link itself, not write into it.
 */
public final class OutputTarget {

    private OutputTarget() {
    }

    /**
     * Returns the absolute target.
     *
     * @param overwrite an existing regular file may be replaced
     * @throws RenderException naming the path and the problem
     */
    public static Path check(Path requested, boolean overwrite) throws RenderException {
        if (requested.toString().isEmpty()) {
            throw new RenderException("no output file given (the path is empty)");
        }
        Path target = requested.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new RenderException("cannot write " + target + ": folder " + folder + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new RenderException("cannot write " + target + ": it is a folder");
        }
        if (!Files.isWritable(folder)) { // said now, not after the encoder has opened
            throw new RenderException("cannot write " + target + ": permission denied in folder " + folder);
        }
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            throw new RenderException("cannot write " + target + ": it is a symbolic link to " + linkTarget(target)
                    + ", which does not exist");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target)) {
                throw new RenderException("cannot write " + target + ": it is not a regular file");
            }
            if (!overwrite) {
                throw new RenderException(target + " already exists; use --force to replace it");
            }
        }
        return target;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }
}
