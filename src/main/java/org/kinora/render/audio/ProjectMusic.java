package org.kinora.render.audio;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;

/**
 * The music of a project seen on its timeline: where it ends and where its beats fall. This is
 * what "fit to music" and "beat sync" need; each file is decoded once, in chunks.
 *
 * @param endSeconds when the last track stops playing (one pass through a looping track)
 * @param beatSeconds beats of all tracks on the timeline, ascending
 */
public record ProjectMusic(double endSeconds, double[] beatSeconds) {

    public ProjectMusic {
        beatSeconds = beatSeconds.clone();
    }

    @Override
    public double[] beatSeconds() {
        return beatSeconds.clone();
    }

    /** Analyzes every track of {@code project}; fails naming the first file that cannot be decoded. */
    public static ProjectMusic analyze(Project project) throws AudioFileException {
        List<AudioTrack> tracks = project.audioTracks();
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("the project has no music");
        }
        Map<Path, MusicAnalysis> byFile = new HashMap<>();
        double end = 0;
        double[] beats = new double[0];
        for (AudioTrack track : tracks) {
            MusicAnalysis analysis = byFile.get(track.file());
            if (analysis == null) {
                analysis = MusicAnalysis.of(track.file());
                byFile.put(track.file(), analysis);
            }
            double played = playedSeconds(track, analysis.durationSeconds());
            end = Math.max(end, track.startSeconds() + played);
            double[] onTimeline = Arrays.stream(analysis.beatSeconds())
                    .filter(b -> b >= track.trimInSeconds() && b < track.trimInSeconds() + played)
                    .map(b -> track.startSeconds() + b - track.trimInSeconds())
                    .toArray();
            beats = merge(beats, onTimeline);
        }
        return new ProjectMusic(end, beats);
    }

    /** How long {@code track} plays once through, given its file's decoded length. */
    public static double playedSeconds(AudioTrack track, double fileSeconds) throws AudioFileException {
        double played = Math.min(track.trimOutSeconds(), fileSeconds) - track.trimInSeconds();
        if (played <= 0) {
            throw new AudioFileException(track.file(), String.format(java.util.Locale.ROOT,
                    "trim in (%.3f s) is past the end of the audio (%.3f s)", track.trimInSeconds(), fileSeconds));
        }
        return played;
    }

    private static double[] merge(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        return all;
    }
}
