package org.kinora.render.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;
import org.kinora.render.AudioSource;

/**
 * The soundtrack of a project: all its audio tracks decoded, placed, faded, summed and limited,
 * as 48 kHz stereo float in small chunks, exactly as long as the video. Overlapping tracks simply
 * add up, so a crossfade is two tracks that overlap with matching fade-out and fade-in
 * ({@link Crossfades} builds them). Not thread-safe: one consumer pulls it in order.
 */
public final class AudioMixer implements AudioSource {

    /** The most sample frames mixed per step; bounds every buffer. */
    static final int BLOCK_FRAMES = 4096;

    private final long length;
    private final List<TrackPlayer> players;
    private final SoftLimiter limiter = new SoftLimiter(SAMPLE_RATE);
    private final float[] block = new float[BLOCK_FRAMES * CHANNELS];
    private long position;
    /** Timeline frames mixed so far: ahead of {@code position} by the limiter's delay. */
    private long mixed;

    private AudioMixer(long length, List<TrackPlayer> players) {
        this.length = length;
        this.players = players;
    }

    /**
     * Opens every track of {@code project} (failing with an {@link AudioFileException} naming the
     * first bad file) and returns the mix; silence when the project has no audio.
     */
    public static AudioSource open(Project project) throws AudioFileException {
        long length = AudioLength.sampleFrames(project);
        if (project.audioTracks().isEmpty()) {
            return AudioSource.silence(length);
        }
        List<TrackPlayer> players = new ArrayList<>();
        try {
            for (AudioTrack track : project.audioTracks()) {
                if (AudioLength.ofSeconds(track.startSeconds()) < length) {
                    players.add(TrackPlayer.open(track, length));
                }
            }
        } catch (AudioFileException e) {
            closeAll(players, e);
            throw e;
        }
        return new AudioMixer(length, new ArrayList<>(players));
    }

    @Override
    public long lengthInSampleFrames() {
        return length;
    }

    @Override
    public int read(float[] interleaved, int maxSampleFrames) throws AudioFileException {
        int frames = (int) Math.min(Math.min(maxSampleFrames, BLOCK_FRAMES), length - position);
        if (frames <= 0) {
            return 0;
        }
        if (mixed == 0) {
            // The limiter's output lags its input: mix that much ahead once, so output sample n
            // is timeline sample n.
            mixNext(limiter.delayFrames());
            limiter.process(block, block, limiter.delayFrames());
        }
        mixNext(frames);
        limiter.process(block, interleaved, frames);
        position += frames;
        return frames;
    }

    /** Mixes the next {@code frames} timeline frames into {@code block}; silence past the end. */
    private void mixNext(int frames) throws AudioFileException {
        Arrays.fill(block, 0, frames * CHANNELS, 0f);
        int real = (int) Math.max(0, Math.min(frames, length - mixed));
        for (int i = 0; i < players.size() && real > 0; i++) {
            TrackPlayer player = players.get(i);
            player.mixInto(block, mixed, real);
            if (player.finished()) {
                players.remove(i--).close(); // free its decoder now, not at the end of a long show
            }
        }
        mixed += frames;
    }

    @Override
    public void close() throws AudioFileException {
        AudioFileException first = null;
        for (TrackPlayer player : players) {
            try {
                player.close();
            } catch (AudioFileException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void closeAll(List<TrackPlayer> players, Exception primary) {
        for (TrackPlayer player : players) {
            try {
                player.close();
            } catch (AudioFileException e) {
                primary.addSuppressed(e);
            }
        }
    }
}
