package org.kinora.render.audio;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;
import org.kinora.render.AudioSource;

/**
 * Checks a project's audio before any frame is rendered: each file must exist, open as audio and
 * decode, and each track's trims must leave something to play ({@link #trimProblem}). {@code kinora
 * check} and every render (CLI and editor, through {@code ProjectSources.audio}) use this one
 * check, so what check passes renders and what it refuses fails the render at once.
 *
 * <p>Lengths are decoded, never taken from the container, which only estimates them for some
 * formats (VBR MP3): the probe decodes each file up to the furthest point a rule needs, trim in
 * plus {@link #MIN_LOOP_SECONDS} for a loop, trim in plus one sample otherwise, and learns the
 * file's exact length only when it ends before that. Cheap for the usual track (trim in 0: one
 * packet); a late trim in costs what the render spends reaching it anyway (decode and drop, about
 * 680x real time for MP3).
 */
public final class AudioProbe {

    /**
     * The shortest part a track may loop. A part repeated more than 20 times a second is no
     * longer heard as a repeated sound but as a buzz at its repetition rate (20 Hz is where pitch
     * starts), with whatever offset the few samples have as a constant DC shift: a 5-sample part
     * became a 9.6 kHz whine over the whole video. 50 ms also leaves room for the two 5 ms seam
     * fades of each pass (20 % of it at most), which shorter parts would be mostly made of.
     */
    public static final double MIN_LOOP_SECONDS = 0.05;
    static final long MIN_LOOP_FRAMES = AudioLength.ofSeconds(MIN_LOOP_SECONDS);

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
        long needed = 1; // at least one sample, whatever the tracks ask
        for (AudioTrack track : tracks) {
            needed = Math.max(needed, framesNeeded(track));
        }
        long decoded;
        try (AudioDecoder decoder = AudioDecoder.open(file)) {
            decoded = decoder.skip(needed); // decodes every packet on the way, exactly as the render will
        }
        if (decoded == 0) {
            throw new AudioFileException(file, "contains no decodable audio");
        }
        // decoded < needed: the file's exact length; else a length every track's rule is satisfied by.
        for (AudioTrack track : tracks) {
            String problem = trimProblem(track, decoded);
            if (problem != null) {
                throw new AudioFileException(file, problem);
            }
        }
    }

    /** How far into the file {@link #trimProblem} looks for {@code track}, in 48 kHz sample frames. */
    static long framesNeeded(AudioTrack track) {
        return AudioLength.ofSeconds(track.trimInSeconds()) + (track.loop() ? MIN_LOOP_FRAMES : 1);
    }

    /**
     * The rule for a track's trims, the one place it is written: the part played, from trim in to
     * trim out or the end of the file, must hold at least one sample, and a looped part at least
     * {@link #MIN_LOOP_SECONDS}. Positions are rounded to 48 kHz sample frames as the mixer rounds
     * them.
     *
     * @param fileFrames the file's decoded length in 48 kHz sample frames, or any number of at
     *     least {@link #framesNeeded} when the file is that long or longer
     * @return the problem in words, or null when the track's trims are fine
     */
    static String trimProblem(AudioTrack track, long fileFrames) {
        long in = AudioLength.ofSeconds(track.trimInSeconds());
        String length = seconds(fileFrames);
        if (in > fileFrames) {
            return "trim in (" + plain(track.trimInSeconds()) + " s) is past the end of the audio (" + length + " s)";
        }
        if (in == fileFrames) {
            return "trim in (" + plain(track.trimInSeconds()) + " s) is at the end of the audio (" + length
                    + " s): nothing is left to play";
        }
        long out = track.trimmedAtEnd() ? AudioLength.ofSeconds(track.trimOutSeconds()) : Long.MAX_VALUE;
        boolean toFileEnd = out > fileFrames; // no trim out, or one past the end: the file's end ends the part
        long part = Math.min(out, fileFrames) - in;
        String span = "trim in " + plain(track.trimInSeconds()) + " s to "
                + (toFileEnd ? "the end of the audio at " + length + " s" : "trim out " + plain(track.trimOutSeconds()) + " s");
        if (part <= 0) {
            return "no audio to play from " + span + " (less than one sample)";
        }
        if (track.loop() && part < MIN_LOOP_FRAMES) {
            return String.format(Locale.ROOT, "the looped part is only %.1f ms (%d samples), from %s;"
                    + " a loop needs at least %d ms", part * 1000.0 / AudioSource.SAMPLE_RATE, part, span,
                    Math.round(MIN_LOOP_SECONDS * 1000));
        }
        return null;
    }

    private static String seconds(long frames) {
        return String.format(Locale.ROOT, "%.3f", (double) frames / AudioSource.SAMPLE_RATE);
    }

    /** A number as the project file holds it: 10.3, 10, 1.0001 (no 10.300, no 1.0E-4). */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
