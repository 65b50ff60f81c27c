package org.kinora.render.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;

/**
 * What a render may write its video to, in the words both the CLI and the editor's render dialog
 * use: never one of the project's own files (the project file, a photo, a music file), with or
 * without --force or a "Replace" answer, and only a name ending in .mp4, .m4v or .mov.
 * {@link OutputTarget} checks the path itself (folders, non-regular files, existing files).
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * "the project file", "the photo of slide 2", "the music file of track 1", or empty.
     *
     * @param projectFile the project's file, or null for a project never saved
     */
    public static Optional<String> roleOf(Path candidate, Path projectFile, Project project) {
        if (projectFile != null && same(candidate, projectFile)) {
            return Optional.of("the project file");
        }
        for (int i = 0; i < project.slides().size(); i++) {
            if (same(candidate, project.slides().get(i).photo())) {
                return Optional.of("the photo of slide " + (i + 1));
            }
        }
        List<AudioTrack> tracks = project.audioTracks();
        for (int i = 0; i < tracks.size(); i++) {
            if (same(candidate, tracks.get(i).file())) {
                return Optional.of("the music file of track " + (i + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The refusal for writing over one of the project's files, or empty when {@code output} is none
     * of them: "cannot write /x/a.jpg: it is the photo of slide 1; choose another output file".
     */
    public static Optional<String> inputProblem(Path output, Path projectFile, Project project) {
        return roleOf(output, projectFile, project).map(role -> "cannot write " + output.toAbsolutePath().normalize()
                + ": it is " + role + "; choose another output file");
    }

    /** The file is MP4 whatever its name; .m4v and .mov name the same container. */
    public static boolean hasVideoExtension(Path file) {
        Path last = file.getFileName();
        if (last == null) {
            return false; // "/" names no file
        }
        String name = last.toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mp4") || name.endsWith(".m4v") || name.endsWith(".mov");
    }

    /**
     * The end of the refusal for a name that is not a video's, after who says it ("-o/--output ",
     * "the output file "): "must end in .mp4 (or .m4v, .mov): Kinora writes MP4 video, was x.txt".
     */
    public static String extensionProblem(Path file) {
        return "must end in .mp4 (or .m4v, .mov): Kinora writes MP4 video, was " + file;
    }

    /** Same file on disk (hard and symbolic links included) where both exist, else the same path. */
    private static boolean same(Path a, Path b) {
        if (b == null) {
            return false;
        }
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
