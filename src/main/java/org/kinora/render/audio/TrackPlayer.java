package org.kinora.render.audio;

import org.kinora.model.AudioTrack;
import org.kinora.render.AudioSource;

/**
 * One track placed on the timeline: silent before its start, then its samples with volume and
 * fades, ending at its own end or at the end of the video, whichever comes first.
 *
 * <p>Where the track ends is often only known once the decoder runs dry (the file's declared
 * length is an estimate for some formats), so the player decodes one fade-out length ahead: by
 * the time a sample may lie inside the final fade, the end is known exactly. That look-ahead is
 * all it ever buffers.
 */
final class TrackPlayer implements AutoCloseable {

    /** Music cut off by the end of the video fades out over at least this long. */
    static final double CUT_FADE_SECONDS = 0.5;
    /** Every start and end gets at least this ramp, so a trim never starts or stops with a click. */
    static final double DECLICK_SECONDS = 0.005;

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

    private TrackPlayer(AudioTrack track, TrackStream stream, long videoEnd) {
        this.track = track;
        this.stream = stream;
        this.startPos = AudioLength.ofSeconds(track.startSeconds());
        this.videoEnd = videoEnd;
        this.volume = track.volume();
        long declick = AudioLength.ofSeconds(DECLICK_SECONDS);
        this.fadeInFrames = Math.max(declick, AudioLength.ofSeconds(track.fadeInSeconds()));
        this.naturalFadeOutFrames = Math.max(declick, AudioLength.ofSeconds(track.fadeOutSeconds()));
        this.cutFadeOutFrames = Math.max(naturalFadeOutFrames, AudioLength.ofSeconds(CUT_FADE_SECONDS));
        this.lookAhead = Math.toIntExact(Math.min(Integer.MAX_VALUE / 4, cutFadeOutFrames + 1));
        this.fifo = new float[(lookAhead + AudioMixer.BLOCK_FRAMES + 1) * AudioSource.CHANNELS];
        this.fifoPos = startPos;
    }

    static TrackPlayer open(AudioTrack track, long videoEndFrames) throws AudioFileException {
        return new TrackPlayer(track, TrackStream.open(track), videoEndFrames);
    }

    AudioTrack track() {
        return track;
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

    /** Decodes until the FIFO reaches timeline position {@code target} (exclusive) or the track ends. */
    private void fillTo(long target) throws AudioFileException {
        while (end < 0) {
            long buffered = (fifoEnd - fifoStart) / 2;
            long available = fifoPos + buffered;
            if (available > videoEnd) {
                end = videoEnd; // more music than video: cut at the end with a short fade
                fadeOutFrames = Math.min(cutFadeOutFrames, Math.max(1, videoEnd - startPos));
                return;
            }
            if (stream.ended()) {
                end = available;
                fadeOutFrames = naturalFadeOutFrames;
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
