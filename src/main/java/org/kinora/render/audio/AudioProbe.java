package org.kinora.render.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;
import org.kinora.render.AudioSource;

/**
 * Checks a project's audio files before any frame is rendered: each must exist, open as audio and
 * decode, and each trim in must lie inside its file. Cheap: it opens files and decodes one packet.
 * Used by the export before it starts and by {@code kinora check}.
 */
public final class AudioProbe {

    private AudioProbe() {
    }

    /** Every problem found, one per file (in track order); empty when all audio is usable. */
    public static List<AudioFileException> check(Project project) {
        Map<Path, List<AudioTrack>> byFile = new LinkedHashMap<>();
        for (AudioTrack track : project.audioTracks()) {
            byFile.computeIfAbsent(track.file(), f -> new ArrayList<>()).add(track);
        }
        List<AudioFileException> problems = new ArrayList<>();
        for (Map.Entry<Path, List<AudioTrack>> entry : byFile.entrySet()) {
            try {
                checkFile(entry.getKey(), entry.getValue());
            } catch (AudioFileException e) {
                problems.add(e);
            }
        }
        return problems;
    }

    /** What is wrong with one track's file (without the file name), or null when it is usable. */
    public static String problemOf(AudioTrack track) {
        try {
            checkFile(track.file(), List.of(track));
            return null;
        } catch (AudioFileException e) {
            return e.problem();
        }
    }

    /** Throws what is wrong with one track's file: {@link #problemOf} as an exception naming the file. */
    public static void requireUsable(AudioTrack track) throws AudioFileException {
        checkFile(track.file(), List.of(track));
    }

    /** Throws the first problem {@link #check} finds. */
    public static void requireUsable(Project project) throws AudioFileException {
        List<AudioFileException> problems = check(project);
        if (!problems.isEmpty()) {
            AudioFileException first = problems.get(0);
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private static void checkFile(Path file, List<AudioTrack> tracks) throws AudioFileException {
        try (AudioDecoder decoder = AudioDecoder.open(file)) {
            float[] probe = new float[256 * AudioSource.CHANNELS];
            if (decoder.read(probe, 0, 256) == 0) {
                throw new AudioFileException(file, "contains no decodable audio");
            }
            double declared = decoder.declaredSeconds();
            for (AudioTrack track : tracks) {
                // The declared length is an estimate for some formats: only flag a clear miss.
                if (!Double.isNaN(declared) && track.trimInSeconds() >= declared + 0.5) {
                    throw new AudioFileException(file, String.format(java.util.Locale.ROOT,
                            "trim in (%.3f s) is past the end of the audio (%.3f s)", track.trimInSeconds(), declared));
                }
            }
        }
    }
}
