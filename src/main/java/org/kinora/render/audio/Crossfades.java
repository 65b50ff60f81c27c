package org.kinora.render.audio;

import java.util.ArrayList;
import java.util.List;
import org.kinora.model.AudioTrack;

/**
 * Places tracks one after another so each overlaps the previous by a crossfade: the outgoing
 * track fades out while the next fades in over the same span. With the quarter-sine fade shape
 * the two gains are cos and sin of the same angle, so the loudness stays even through the
 * crossfade. The mixer needs nothing special: overlapping tracks add up.
 */
public final class Crossfades {

    private Crossfades() {
    }

    /**
     * @param tracks tracks in playing order; the first keeps its start
     * @param playedSeconds how long each plays once through (see {@link ProjectMusic#playedSeconds})
     * @param crossfadeSeconds overlap between consecutive tracks; shortened where a track is shorter
     */
    public static List<AudioTrack> chain(List<AudioTrack> tracks, double[] playedSeconds, double crossfadeSeconds) {
        if (tracks.size() != playedSeconds.length) {
            throw new IllegalArgumentException(tracks.size() + " tracks but " + playedSeconds.length + " lengths");
        }
        if (!(crossfadeSeconds >= 0)) {
            throw new IllegalArgumentException("crossfade must be zero or more, was " + crossfadeSeconds);
        }
        List<AudioTrack> result = new ArrayList<>(tracks.size());
        double start = tracks.isEmpty() ? 0 : tracks.get(0).startSeconds();
        for (int i = 0; i < tracks.size(); i++) {
            AudioTrack t = tracks.get(i);
            double fadeIn = i > 0 ? overlap(playedSeconds, i - 1, crossfadeSeconds) : t.fadeInSeconds();
            double fadeOut = i + 1 < tracks.size() ? overlap(playedSeconds, i, crossfadeSeconds) : t.fadeOutSeconds();
            result.add(new AudioTrack(t.file(), start, t.trimInSeconds(), t.trimOutSeconds(), t.volume(),
                    fadeIn, fadeOut, false));
            start += playedSeconds[i] - fadeOut * (i + 1 < tracks.size() ? 1 : 0);
        }
        return result;
    }

    /** The crossfade between track i and i+1: at most half of either, so fades never overlap inside one track. */
    private static double overlap(double[] played, int i, double wanted) {
        return Math.min(wanted, Math.min(played[i], played[i + 1]) / 2);
    }
}
