package org.kinora.render;

import java.io.IOException;

/**
 * The soundtrack of an export: 48 kHz stereo, interleaved float samples in -1..1, pulled in order
 * in small chunks so that audio is written interleaved with the video and never held whole.
 * Its total length equals the video's.
 */
public interface AudioSource extends AutoCloseable {

    int SAMPLE_RATE = 48_000;
    int CHANNELS = 2;

    /** Total length in sample frames (one sample frame = one sample per channel). */
    long lengthInSampleFrames();

    /**
     * Writes up to {@code maxSampleFrames} sample frames (2 floats each) into {@code interleaved}.
     *
     * @return sample frames written; 0 once the whole length has been read
     */
    int read(float[] interleaved, int maxSampleFrames) throws IOException;

    @Override
    default void close() throws IOException {
    }

    /** Silence of the given length, for projects without music. */
    static AudioSource silence(long sampleFrames) {
        return new AudioSource() {
            private long position;

            @Override
            public long lengthInSampleFrames() {
                return sampleFrames;
            }

            @Override
            public int read(float[] interleaved, int maxSampleFrames) {
                int n = (int) Math.min(maxSampleFrames, sampleFrames - position);
                java.util.Arrays.fill(interleaved, 0, n * CHANNELS, 0f);
                position += n;
                return n;
            }
        };
    }
}
