package org.kinora.render.audio;

import org.kinora.model.AudioTrack;
import org.kinora.render.AudioSource;

/**
 * The samples one track contributes, in order: the file from trim in to trim out, repeated when
 * the track loops. Knows nothing about the timeline.
 */
final class TrackStream implements AutoCloseable {

    private final AudioTrack track;
    private final long trimInFrames;
    private final long segmentFrames; // Long.MAX_VALUE: until the end of the file
    private AudioDecoder decoder;
    private long positionInSegment;
    private boolean ended;

    private TrackStream(AudioTrack track) {
        this.track = track;
        this.trimInFrames = AudioLength.ofSeconds(track.trimInSeconds());
        this.segmentFrames = track.trimmedAtEnd()
                ? Math.max(1, AudioLength.ofSeconds(track.trimOutSeconds()) - trimInFrames)
                : Long.MAX_VALUE;
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
    }

    /**
     * Reads up to {@code maxFrames} stereo frames into {@code dst} at float index {@code offset}.
     *
     * @return frames read; fewer than asked only at the very end (never for a looping track)
     */
    int read(float[] dst, int offset, int maxFrames) throws AudioFileException {
        int written = 0;
        while (written < maxFrames && !ended) {
            int want = (int) Math.min(maxFrames - written, segmentFrames - positionInSegment);
            int n = want == 0 ? 0 : decoder.read(dst, offset + written * 2, want);
            written += n;
            positionInSegment += n;
            if (n == 0) {
                if (!track.loop()) {
                    ended = true;
                } else if (positionInSegment == 0) {
                    throw new AudioFileException(track.file(), "has no audio between trim in and trim out to loop");
                } else {
                    startSegment();
                }
            }
        }
        return written;
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
