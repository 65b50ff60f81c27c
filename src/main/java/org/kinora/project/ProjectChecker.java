package org.kinora.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kinora.image.PhotoException;
import org.kinora.image.PhotoLoader;
import org.kinora.model.AudioTrack;
import org.kinora.model.EncoderPreference;
import org.kinora.model.OutputSettings;
import org.kinora.render.audio.AudioProbe;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.encode.EncoderProbe;
import org.kinora.render.encode.EncoderSelection;
import org.kinora.render.encode.EncoderStatus;
import org.kinora.render.encode.VideoEncoder;

/**
 * Finds everything that would stop a project from rendering, without rendering it: every problem
 * in the project file, an encoder it names that cannot run here, and missing, unreadable or
 * damaged photos and audio files, even when the file has other problems. Each problem is one line naming the project file, so a user can fix them all in
 * one go.
 */
public final class ProjectChecker {

    private static final PhotoLoader PHOTOS = new PhotoLoader();
    /** Small enough that a JPEG decodes at 1/8 scale; the pixels are thrown away. */
    static final int CHECK_SIZE = 16;
    /** Photos decoded at once: a few cores' worth, each holding little more than its file. */
    static final int DECODE_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

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
        if (reading.output() != null) {
            String problem = encoderProblem(reading.output());
            if (problem != null) {
                problems.add("output.encoder: " + problem);
            }
        }
        problems.addAll(photoProblems(reading.photos()));
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

    /**
     * Why the encoder the project names cannot run here (no NVIDIA driver, a GPU without NVENC),
     * found by opening it at the project's size as the render would; null when it works. {@code auto}
     * is never a problem: it falls back to an encoder that works.
     */
    static String encoderProblem(OutputSettings output) {
        if (output.encoder() == EncoderPreference.AUTO) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        for (VideoEncoder encoder : EncoderSelection.candidates(output.encoder())) {
            EncoderStatus status = EncoderProbe.probe(encoder, EncodeSettings.of(output));
            if (status.usable()) {
                return null;
            }
            reasons.add(status.reason());
        }
        return String.join("; ", reasons) + " (\"auto\" would use an encoder that works here)";
    }

    /**
     * Decodes every photo, a few at a time, at the smallest size the loader offers (a JPEG at 1/8
     * scale, in the DCT domain): all its data is read, so a damaged or cut-off file is found, at a
     * fraction of a full decode. A photo used by several slides is decoded once.
     */
    private static List<String> photoProblems(List<ProjectReading.Photo> photos) {
        ExecutorService pool = Executors.newFixedThreadPool(DECODE_THREADS, r -> {
            Thread t = new Thread(r, "kinora-check-photo");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Path, Future<String>> byFile = new HashMap<>();
            for (ProjectReading.Photo photo : photos) {
                byFile.computeIfAbsent(photo.file(), file -> pool.submit(() -> photoProblem(file)));
            }
            List<String> problems = new ArrayList<>();
            for (ProjectReading.Photo photo : photos) {
                String problem = outcome(byFile.get(photo.file()));
                if (problem != null) {
                    problems.add(photo.field() + ": " + photo.file() + ": " + problem);
                }
            }
            return problems;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(Future<String> check) {
        try {
            return check.get();
        } catch (ExecutionException e) { // a decoder failing in a way it does not report itself
            return "cannot decode: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not checked: interrupted";
        }
    }

    static String photoProblem(Path photo) {
        String problem = fileProblem(photo);
        if (problem != null) {
            return problem;
        }
        try {
            PHOTOS.load(photo, CHECK_SIZE, CHECK_SIZE); // the export's own loader: same formats, same limits, same words
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
