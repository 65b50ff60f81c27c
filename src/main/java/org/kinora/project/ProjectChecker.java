package org.kinora.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kinora.image.PhotoException;
import org.kinora.image.PhotoLoader;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.render.audio.AudioProbe;

/**
 * Finds everything that would stop a project from rendering, without rendering it: a broken
 * project file, and missing or unreadable photos and audio files. Lists every problem, each naming
 * its file, so a user can fix them all in one go.
 */
public final class ProjectChecker {

    private static final PhotoLoader PHOTOS = new PhotoLoader();

    private ProjectChecker() {
    }

    /** Problems of the project file and of every file it uses; empty when the project is fine. */
    public static List<String> check(Path projectFile) {
        Project project;
        try {
            project = ProjectFile.load(projectFile);
        } catch (ProjectFileException e) {
            return e.problems().stream().map(p -> projectFile + ": " + p).toList();
        }
        return checkMedia(project);
    }

    /** Problems of the photos and audio files a loaded project uses. */
    public static List<String> checkMedia(Project project) {
        List<String> problems = new ArrayList<>();
        if (project.slides().isEmpty()) {
            problems.add("the project has no slides");
        }
        for (int i = 0; i < project.slides().size(); i++) {
            Slide slide = project.slides().get(i);
            String problem = photoProblem(slide.photo());
            if (problem != null) {
                problems.add("slide " + (i + 1) + ": " + slide.photo() + ": " + problem);
            }
        }
        for (int i = 0; i < project.audioTracks().size(); i++) {
            AudioTrack track = project.audioTracks().get(i);
            String problem = fileProblem(track.file());
            if (problem == null) {
                problem = AudioProbe.problemOf(track); // opens it as audio: catches non-audio files and bad trims
            }
            if (problem != null) {
                problems.add("audio track " + (i + 1) + ": " + track.file() + ": " + problem);
            }
        }
        return problems;
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
        if (!Files.isRegularFile(file)) {
            return "not a file";
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
