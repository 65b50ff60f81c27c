package org.kinora.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.kinora.model.Project;

/**
 * Which of a project's own files a path is: the project file, a photo or a music file. A render
 * must never write its video over what it is made from, with or without --force.
 */
final class InputFiles {

    private InputFiles() {
    }

    /** "the project file", "the photo of slide 2", "the music file of track 1", or empty. */
    static Optional<String> roleOf(Path candidate, Path projectFile, Project project) {
        if (same(candidate, projectFile)) {
            return Optional.of("the project file");
        }
        for (int i = 0; i < project.slides().size(); i++) {
            if (same(candidate, project.slides().get(i).photo())) {
                return Optional.of("the photo of slide " + (i + 1));
            }
        }
        List<org.kinora.model.AudioTrack> tracks = project.audioTracks();
        for (int i = 0; i < tracks.size(); i++) {
            if (same(candidate, tracks.get(i).file())) {
                return Optional.of("the music file of track " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /** Same file on disk (hard and symbolic links included) where both exist, else the same path. */
    private static boolean same(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // unreadable: fall back to comparing the paths
            }
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
