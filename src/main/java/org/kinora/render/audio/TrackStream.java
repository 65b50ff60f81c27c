package org.kinora.render.audio;

import org.kinora.model.AudioTrack;
import org.kinora.render.AudioSource;

/**
 * The samples one track contributes, in order: the file from trim in to trim out, repeated when
 * the track loops. Knows nothing about the timeline.
 *
 * <p>A loop seam joins the end of the part to its start, two points whose waveforms rarely meet,
 * so each pass ends with a {@link #SEAM_SECONDS} fade-out and the next starts with a fade-in of
 * the same length. Unlike an overlap, that keeps the loop period exactly trim out - trim in, so a
 * bar-aligned loop stays on the beat however often it repeats. To fade a pass's end the stream
 * keeps the seam length decoded ahead of what it has handed out.
 */
final class TrackStream implements AutoCloseable {

    static final double SEAM_SECONDS = 0.005;
    /**
     * A looped part at most this long is kept decoded after its first pass and replayed from
     * memory (at most 3.7 MB); re-opening the file for every pass of a short jingle would cost
     * more than playing it. Longer parts are decoded again for each pass.
     */
    static final double MAX_CACHED_PASS_SECONDS = 10;

    private final AudioTrack track;
    private final long trimInFrames;
    private final long segmentFrames; // Long.MAX_VALUE: until the end of the file
    private final int seamFrames;
    private AudioDecoder decoder;
    private long positionInSegment;
    private boolean segmentEnded;
    private boolean ended;
    /** Decoded but not handed out (loops only): at least the seam, so a seam can still be blended. */
    private float[] ahead = new float[0];
    private int aheadFrames;
    /** The first pass of a short loop, as decoded; null when not looping or too long. */
    private float[] pass;
    private int passFrames;
    private boolean replaying;

    private TrackStream(AudioTrack track) {
        this.track = track;
        this.trimInFrames = AudioLength.ofSeconds(track.trimInSeconds());
        this.segmentFrames = track.trimmedAtEnd()
                ? Math.max(1, AudioLength.ofSeconds(track.trimOutSeconds()) - trimInFrames)
                : Long.MAX_VALUE;
        this.seamFrames = track.loop() ? (int) AudioLength.ofSeconds(SEAM_SECONDS) : 0;
        this.pass = track.loop() ? new float[4096 * 2] : null;
    }

    static TrackStream open(AudioTrack track) throws AudioFileException {
        TrackStream stream = new TrackStream(track);
        stream.startSegment();
        return stream;
    }

    private void startSegment() throws AudioFileException {
        positionInSegment = 0;
        segmentEnded = false;
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        if (pass != null && passFrames > 0) {
            replaying = true; // the whole first pass is in memory
            return;
        }
        decoder = AudioDecoder.open(track.file());
        // Decode and drop rather than seek: exact to the sample for every format.
        long skipped = decoder.skip(trimInFrames);
        if (skipped < trimInFrames) {
            double length = (double) skipped / AudioSource.SAMPLE_RATE;
            throw new AudioFileException(track.file(), "trim in (" + track.trimInSeconds()
                    + " s) is past the end of the audio (" + String.format(java.util.Locale.ROOT, "%.3f", length) + " s)");
        }
        positionInSegment = 0;
        segmentEnded = false;
    }

    /**
     * Reads up to {@code maxFrames} stereo frames into {@code dst} at float index {@code offset}.
     *
     * @return frames read; fewer than asked only at the very end (never for a looping track)
     */
    int read(float[] dst, int offset, int maxFrames) throws AudioFileException {
        return track.loop() ? readLooping(dst, offset, maxFrames) : readSegment(dst, offset, maxFrames);
    }

    /** Reads from the current pass only; 0 once it is over. */
    private int readSegment(float[] dst, int offset, int maxFrames) throws AudioFileException {
        int written = 0;
        while (written < maxFrames && !segmentEnded) {
            int want = (int) Math.min(maxFrames - written, segmentFrames - positionInSegment);
            int n;
            if (replaying) {
                n = (int) Math.min(want, passFrames - positionInSegment);
                System.arraycopy(pass, (int) positionInSegment * 2, dst, offset + written * 2, n * 2);
            } else {
                n = want == 0 ? 0 : decoder.read(dst, offset + written * 2, want);
                keepForReplay(dst, offset + written * 2, n);
            }
            written += n;
            positionInSegment += n;
            if (n == 0) {
                segmentEnded = true;
                ended = !track.loop();
                if (pass != null && !replaying) {
                    passFrames = (int) positionInSegment;
                }
            }
        }
        return written;
    }

    /** Appends decoded frames of the first pass to the replay copy, or gives it up when too long. */
    private void keepForReplay(float[] src, int offset, int frames) {
        if (pass == null || frames == 0) {
            return;
        }
        long limit = AudioLength.ofSeconds(MAX_CACHED_PASS_SECONDS);
        if (positionInSegment + frames > limit) {
            pass = null;
            return;
        }
        if (pass.length < (int) (positionInSegment + frames) * 2) {
            pass = java.util.Arrays.copyOf(pass, Math.max(pass.length * 2, (int) (positionInSegment + frames) * 2));
        }
        System.arraycopy(src, offset, pass, (int) positionInSegment * 2, frames * 2);
    }

    private int readLooping(float[] dst, int offset, int maxFrames) throws AudioFileException {
        int need = maxFrames + seamFrames;
        if (ahead.length < (need + seamFrames) * 2) {
            ahead = java.util.Arrays.copyOf(ahead, (need + seamFrames) * 2);
        }
        while (aheadFrames < need) {
            aheadFrames += readSegment(ahead, aheadFrames * 2, need - aheadFrames);
            if (segmentEnded) {
                if (positionInSegment == 0) {
                    throw new AudioFileException(track.file(), "has no audio between trim in and trim out to loop");
                }
                joinNextPass();
            }
        }
        int out = Math.min(maxFrames, aheadFrames - seamFrames);
        System.arraycopy(ahead, 0, dst, offset, out * 2);
        System.arraycopy(ahead, out * 2, ahead, 0, (aheadFrames - out) * 2);
        aheadFrames -= out;
        return out;
    }

    /** Fades out the end of this pass, starts the next and fades its beginning in. */
    private void joinNextPass() throws AudioFileException {
        long passFrames = positionInSegment;
        startSegment();
        // A very short pass gets a shorter ramp: never more than a third of it.
        int seam = (int) Math.min(Math.min(seamFrames, aheadFrames), passFrames / 3);
        if (seam == 0) {
            return;
        }
        int from = aheadFrames - seam;
        for (int i = 0; i < seam; i++) {
            float out = (float) FadeCurve.gain(1 - (i + 0.5) / seam);
            ahead[(from + i) * 2] *= out;
            ahead[(from + i) * 2 + 1] *= out;
        }
        int got = readSegment(ahead, aheadFrames * 2, seam);
        for (int i = 0; i < got; i++) {
            float in = (float) FadeCurve.gain((i + 0.5) / seam);
            ahead[(aheadFrames + i) * 2] *= in;
            ahead[(aheadFrames + i) * 2 + 1] *= in;
        }
        aheadFrames += got;
    }

    boolean ended() {
        return ended;
    }

    /** Sample frames of one pass as trimmed: trim out - trim in; {@code Long.MAX_VALUE} without a trim out. */
    long partFrames() {
        return segmentFrames;
    }

    /**
     * Decodes {@code track}'s samples once more, dropping them, and returns how many there are,
     * counting at most {@code limit}: the exact length {@link #read} would give, found in one
     * small buffer. Not for a looping track, which never ends.
     */
    static long countFrames(AudioTrack track, long limit) throws AudioFileException {
        if (track.loop()) {
            throw new IllegalArgumentException("a looping track never ends: " + track.file());
        }
        float[] scratch = new float[AudioMixer.BLOCK_FRAMES * AudioSource.CHANNELS];
        long counted = 0;
        try (TrackStream stream = open(track)) {
            while (counted < limit && !stream.ended()) {
                counted += stream.read(scratch, 0, (int) Math.min(AudioMixer.BLOCK_FRAMES, limit - counted));
            }
        }
        return counted;
    }

    @Override
    public void close() throws AudioFileException {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }
}
