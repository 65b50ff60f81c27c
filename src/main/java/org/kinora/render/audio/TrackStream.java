package org.kinora.render.audio;

import org.kinora.model.AudioTrack;
import org.kinora.render.AudioSource;

/**
 * The samples one track contributes, in order: the file from trim in to trim out, repeated when
 * the track loops. Knows nothing about the timeline.
 *
 * <p>A loop seam joins the end of the part to its start, two points whose waveforms rarely meet,
 * so the last {@link #SEAM_SECONDS} of each pass are crossfaded with the first of the next (each
 * pass after the first is that much shorter). To do that the stream keeps the seam length decoded
 * ahead of what it has handed out.
 */
final class TrackStream implements AutoCloseable {

    static final double SEAM_SECONDS = 0.010;

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
    private float[] nextStart = new float[0];

    private TrackStream(AudioTrack track) {
        this.track = track;
        this.trimInFrames = AudioLength.ofSeconds(track.trimInSeconds());
        this.segmentFrames = track.trimmedAtEnd()
                ? Math.max(1, AudioLength.ofSeconds(track.trimOutSeconds()) - trimInFrames)
                : Long.MAX_VALUE;
        this.seamFrames = track.loop() ? (int) AudioLength.ofSeconds(SEAM_SECONDS) : 0;
    }

    static TrackStream open(AudioTrack track) throws AudioFileException {
        TrackStream stream = new TrackStream(track);
        stream.startSegment();
        return stream;
    }

    private void startSegment() throws AudioFileException {
        if (decoder != null) {
            decoder.close();
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
            int n = want == 0 ? 0 : decoder.read(dst, offset + written * 2, want);
            written += n;
            positionInSegment += n;
            if (n == 0) {
                segmentEnded = true;
                ended = !track.loop();
            }
        }
        return written;
    }

    private int readLooping(float[] dst, int offset, int maxFrames) throws AudioFileException {
        int need = maxFrames + seamFrames;
        if (ahead.length < need * 2) {
            ahead = java.util.Arrays.copyOf(ahead, need * 2);
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

    /** Starts the next pass, blending its first frames into the last ones of this pass. */
    private void joinNextPass() throws AudioFileException {
        long passFrames = positionInSegment;
        startSegment();
        // Never blend more than a third of a (very short) pass; the rest joins end to end.
        int seam = (int) Math.min(Math.min(seamFrames, aheadFrames), passFrames / 3);
        if (seam == 0) {
            return;
        }
        if (nextStart.length < seam * 2) {
            nextStart = new float[seam * 2];
        }
        int got = readSegment(nextStart, 0, seam);
        int from = aheadFrames - seam;
        for (int i = 0; i < got; i++) {
            double x = (i + 0.5) / seam;
            double in = FadeCurve.gain(x);
            double out = FadeCurve.gain(1 - x);
            for (int c = 0; c < 2; c++) {
                int k = (from + i) * 2 + c;
                ahead[k] = (float) (ahead[k] * out + nextStart[i * 2 + c] * in);
            }
        }
        // Frames of the old pass past what the new one supplied (only if the new pass was shorter) fade out.
        for (int i = got; i < seam; i++) {
            double out = FadeCurve.gain(1 - (i + 0.5) / seam);
            ahead[(from + i) * 2] *= (float) out;
            ahead[(from + i) * 2 + 1] *= (float) out;
        }
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws AudioFileException {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }
}
