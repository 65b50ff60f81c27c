package org.kinora.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kinora.image.PhotoException;
import org.kinora.image.PhotoLoader;
import org.kinora.model.AudioTrack;
import org.kinora.render.audio.AudioProbe;

/**
 * Finds everything that would stop a project from rendering, without rendering it: every problem
 * in the project file, and missing or unreadable photos and audio files, even when the file has
 * other problems. Each problem is one line naming the project file, so a user can fix them all in
 * one go.
 */
public final class ProjectChecker {

    private static final PhotoLoader PHOTOS = new PhotoLoader();

    private ProjectChecker() {
    }

    /** Problems of the project file and of every file it uses; empty when the project is fine. */
    public static List<String> check(Path projectFile) {
        ProjectReading reading;
        try {
            reading = ProjectFile.read(projectFile);
        } catch (ProjectFileException e) {
            return named(projectFile, e.problems());
        }
        List<String> problems = new ArrayList<>(reading.problems());
        if (reading.slideCount() == 0) {
            problems.add("the project has no slides");
        }
        for (ProjectReading.Photo photo : reading.photos()) {
            String problem = photoProblem(photo.file());
            if (problem != null) {
                problems.add(photo.field() + ": " + photo.file() + ": " + problem);
            }
        }
        for (ProjectReading.Audio audio : reading.audio()) {
            AudioTrack track = audio.track();
            String problem = fileProblem(track.file());
            if (problem == null) {
                problem = AudioProbe.problemOf(track); // opens it as audio: catches non-audio files and bad trims
            }
            if (problem != null) {
                problems.add(audio.field() + ": " + track.file() + ": " + problem);
            }
        }
        return named(projectFile, problems);
    }

    private static List<String> named(Path projectFile, List<String> problems) {
        return problems.stream().map(p -> projectFile + ": " + p).toList();
    }

    static String photoProblem(Path photo) {
        String problem = fileProblem(photo);
        if (problem != null) {
            return problem;
        }
        try {
            PHOTOS.probe(photo); // the export's own loader: same formats, same pixel limit, same words
        } catch (PhotoException e) {
            return e.reason();
        }
        return null;
    }

    static String fileProblem(Path file) {
        if (!Files.exists(file)) {
            return "file not found";
        }
        if (Files.isDirectory(file)) {
            return "is a folder, not a file";
        }
        if (!Files.isRegularFile(file)) {
            return "not a regular file";
        }
        if (!Files.isReadable(file)) {
            return "permission denied";
        }
        try {
            if (Files.size(file) == 0) {
                return "file is empty";
            }
        } catch (IOException e) {
            return "cannot read (" + e.getMessage() + ")";
        }
        return null;
    }
}
