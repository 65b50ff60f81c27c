package org.kinora.project;

import java.nio.file.Path;

/**
 * Stores media paths relative to the project file's folder, so a project folder moved or copied
 * elsewhere with its photos still opens. Absolute paths are accepted on read, and written when no
 * relative path exists (another drive on Windows). Separators are always '/' in the file.
 */
final class PathCodec {

    private final Path baseDir;

    PathCodec(Path projectFile) {
        Path parent = projectFile.toAbsolutePath().normalize().getParent();
        this.baseDir = parent != null ? parent : projectFile.toAbsolutePath().getRoot();
    }

    Path read(String stored) {
        if (stored.isBlank()) {
            throw new IllegalArgumentException("path is empty");
        }
        Path p = Path.of(stored.replace('/', java.io.File.separatorChar));
        return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize();
    }

    String write(Path media) {
        Path absolute = media.toAbsolutePath().normalize();
        try {
            if (absolute.getRoot() != null && absolute.getRoot().equals(baseDir.getRoot())) {
                return baseDir.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
            }
        } catch (IllegalArgumentException differentRoot) {
            // falls through: no relative path exists, so the absolute one is stored
        }
        return absolute.toString();
    }
}
