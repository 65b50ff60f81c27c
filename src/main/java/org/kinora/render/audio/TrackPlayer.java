package org.kinora.render.audio;

import org.kinora.model.AudioTrack;
import org.kinora.render.AudioSource;

/**
 * One track placed on the timeline: silent before its start, then its samples with volume and
 * fades, ending at its own end or at the end of the video, whichever comes first.
 *
 * <p>Where the track ends is often only known once the decoder runs dry (the file's declared
 * length is an estimate for some formats), so the player decodes one fade-out length ahead: by
 * the time a sample may lie inside the final fade, the end is known exactly. A fade-out longer
 * than what can be heard of the track (the part played, and the time from the track's start to
 * the end of the video) needs no more look-ahead than that. When even that would be more than
 * {@link #MAX_LOOK_AHEAD_SECONDS}, the end is found before the first sample instead, by decoding
 * the part once and counting (a looping track simply ends with the video), and the player
 * buffers only what it mixes. Either way the FIFO holds at most {@code MAX_LOOK_AHEAD_SECONDS}
 * plus one mixing block, whatever the length of the fade.
 */
final class TrackPlayer implements AutoCloseable {

    /** Music cut off by the end of the video fades out over at least this long. */
    static final double CUT_FADE_SECONDS = 0.5;
    /** Every start and end gets at least this ramp, so a trim never starts or stops with a click. */
    static final double DECLICK_SECONDS = 0.005;
    /**
     * The most a track decodes ahead to find its end (0.96 MB); a longer fade-out finds it by a
     * counting pass at open instead. The default 2 s fade-out stays under it.
     */
    static final double MAX_LOOK_AHEAD_SECONDS = 2.5;

    private final AudioTrack track;
    private final TrackStream stream;
    private final long startPos;
    private final long videoEnd;
    private final double volume;
    private final long fadeInFrames;
    private final long naturalFadeOutFrames;
    private final long cutFadeOutFrames;
    private final int lookAhead;

    private float[] fifo;
    private int fifoStart; // float index of the sample frame at timeline position fifoPos
    private int fifoEnd;
    private long fifoPos;
    private long end = -1; // exclusive timeline end once known
    private long fadeOutFrames;

    private TrackPlayer(AudioTrack track, TrackStream stream, long videoEnd, long maxLookAhead)
            throws AudioFileException {
        this.track = track;
        this.stream = stream;
        this.startPos = AudioLength.ofSeconds(track.startSeconds());
        this.videoEnd = videoEnd;
        this.volume = track.volume();
        long declick = AudioLength.ofSeconds(DECLICK_SECONDS);
        this.fadeInFrames = Math.max(declick, AudioLength.ofSeconds(track.fadeInSeconds()));
        this.naturalFadeOutFrames = Math.max(declick, AudioLength.ofSeconds(track.fadeOutSeconds()));
        this.cutFadeOutFrames = Math.max(naturalFadeOutFrames, AudioLength.ofSeconds(CUT_FADE_SECONDS));
        this.fifoPos = startPos;
        // No sample of this track lies further than `audible` before its end, so no fade-out
        // reaches back further than that, however long it is.
        long audible = Math.max(1, videoEnd - startPos);
        if (!track.loop()) {
            audible = Math.min(audible, stream.partFrames());
        }
        long needed = Math.min(cutFadeOutFrames, audible) + 1;
        if (needed <= maxLookAhead) {
            this.lookAhead = (int) Math.min(needed, Integer.MAX_VALUE / 4);
        } else {
            this.lookAhead = 0;
            findEnd();
        }
        this.fifo = new float[(lookAhead + AudioMixer.BLOCK_FRAMES + 1) * AudioSource.CHANNELS];
    }

    static TrackPlayer open(AudioTrack track, long videoEndFrames) throws AudioFileException {
        return open(track, videoEndFrames, AudioLength.ofSeconds(MAX_LOOK_AHEAD_SECONDS));
    }

    /** As {@link #open(AudioTrack, long)} with another look-ahead limit, in sample frames (tests). */
    static TrackPlayer open(AudioTrack track, long videoEndFrames, long maxLookAheadFrames)
            throws AudioFileException {
        TrackStream stream = TrackStream.open(track);
        try {
            return new TrackPlayer(track, stream, videoEndFrames, maxLookAheadFrames);
        } catch (AudioFileException | RuntimeException e) {
            try {
                stream.close();
            } catch (AudioFileException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Sets {@link #end} and {@link #fadeOutFrames} before anything is mixed, to exactly what
     * {@link #fillTo} would find once the decoder got there.
     */
    private void findEnd() throws AudioFileException {
        long room = Math.max(0, videoEnd - startPos);
        // A looping track never runs dry: it always plays on to the end of the video.
        long frames = track.loop() ? room + 1 : TrackStream.countFrames(track, room + 1);
        if (startPos + frames > videoEnd) {
            end = videoEnd;
            fadeOutFrames = cutFadeOut();
        } else {
            end = startPos + frames;
            fadeOutFrames = naturalFadeOutFrames;
        }
    }

    private long cutFadeOut() {
        return Math.min(cutFadeOutFrames, Math.max(1, videoEnd - startPos));
    }

    AudioTrack track() {
        return track;
    }

    /** Floats the FIFO can hold: what this player keeps in memory besides its decoder (tests). */
    int bufferFloats() {
        return fifo.length;
    }

    /** True once everything this track will ever contribute has been mixed. */
    boolean finished() {
        return end >= 0 && fifoPos >= end;
    }

    /** Adds this track's samples for timeline positions [pos, pos + frames) to {@code out}. */
    void mixInto(float[] out, long pos, int frames) throws AudioFileException {
        long from = Math.max(pos, fifoPos);
        long to = pos + frames;
        if (to <= startPos || finished()) {
            return;
        }
        fillTo(Math.min(to + lookAhead, videoEnd + 1));
        long stop = end >= 0 ? Math.min(to, end) : to;
        for (long p = from; p < stop; p++) {
            int src = fifoStart + (int) (p - fifoPos) * 2;
            double gain = volume * fadeInGain(p) * fadeOutGain(p);
            int dst = (int) (p - pos) * 2;
            out[dst] += (float) (fifo[src] * gain);
            out[dst + 1] += (float) (fifo[src + 1] * gain);
        }
        if (stop > fifoPos) {
            fifoStart += (int) (stop - fifoPos) * 2;
            fifoPos = stop;
        }
    }

    private double fadeInGain(long p) {
        long k = p - startPos;
        return k >= fadeInFrames ? 1.0 : FadeCurve.gain((k + 0.5) / fadeInFrames);
    }

    private double fadeOutGain(long p) {
        if (end < 0) {
            return 1.0; // end is more than a fade-out away, or it would be known by now
        }
        long remaining = end - p;
        return remaining > fadeOutFrames ? 1.0 : FadeCurve.gain((remaining - 0.5) / fadeOutFrames);
    }

    /**
     * Decodes until the FIFO reaches timeline position {@code target} (exclusive) or the track's
     * end, noting the end when it is found.
     */
    private void fillTo(long target) throws AudioFileException {
        while (true) {
            long buffered = (fifoEnd - fifoStart) / 2;
            long available = fifoPos + buffered;
            if (end < 0) {
                if (available > videoEnd) {
                    end = videoEnd; // more music than video: cut at the end with a short fade
                    fadeOutFrames = cutFadeOut();
                    return;
                }
                if (stream.ended()) {
                    end = available;
                    fadeOutFrames = naturalFadeOutFrames;
                    return;
                }
            } else if (available >= end) {
                return;
            } else if (stream.ended()) {
                end = available; // decoded shorter than counted at open: stop where it stops
                return;
            }
            if (available >= target) {
                return;
            }
            if (fifoEnd + 2 > fifo.length) {
                compact();
            }
            int room = (fifo.length - fifoEnd) / 2;
            int want = (int) Math.min(room, target - available);
            fifoEnd += stream.read(fifo, fifoEnd, want) * 2;
        }
    }

    private void compact() {
        int live = fifoEnd - fifoStart;
        System.arraycopy(fifo, fifoStart, fifo, 0, live);
        fifoStart = 0;
        fifoEnd = live;
        if (fifoEnd + 2 > fifo.length) {
            throw new IllegalStateException("track FIFO overflow: " + live + " floats buffered");
        }
    }

    @Override
    public void close() throws AudioFileException {
        stream.close();
    }
}
