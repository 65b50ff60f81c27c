package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaybackTest {

    @Test
    void gateShowsOnlyNewerFramesOfTheCurrentSession() {
        FrameGate gate = new FrameGate();
        long s = gate.newSession();
        assertThat(gate.admit(s, 3)).isTrue();
        assertThat(gate.admit(s, 2)).as("finished late, would jump back").isFalse();
        assertThat(gate.admit(s, 3)).isFalse();
        assertThat(gate.admit(s, 5)).isTrue();
        long seek = gate.newSession();
        assertThat(gate.admit(s, 9)).as("from before the seek").isFalse();
        assertThat(gate.admit(seek, 0)).isTrue();
    }

    @Test
    void clockFollowsWallTimeSoSlowRenderingDropsFrames() {
        PlaybackClock clock = new PlaybackClock(30, 90);
        clock.play(10, 1_000_000_000L);
        assertThat(clock.frameAt(1_000_000_000L)).isEqualTo(10);
        // half a second later the clock is 15 frames on, whatever was rendered meanwhile
        assertThat(clock.frameAt(1_500_000_000L)).isEqualTo(25);
        assertThat(clock.finishedAt(3_000_000_000L)).isFalse();
        assertThat(clock.finishedAt(4_000_000_000L)).isTrue();
        assertThat(clock.frameAt(9_000_000_000L)).isEqualTo(89);
    }
}
