package org.kinora.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static Slide slide(double seconds, double transitionSeconds) {
        return new Slide(Path.of("/p/" + seconds + ".jpg"), seconds, Motion.STILL, FitMode.FILL,
                Transition.crossfade(transitionSeconds), "");
    }

    private static Project project(int fps, List<Slide> slides) {
        return new Project(OutputSettings.FULL_HD.withFps(fps), slides, List.of());
    }

    @Test
    void oneSlideShowsAloneFromFirstToLastFrame() {
        Timeline t = project(30, List.of(slide(2, 1))).timeline(); // the last slide's transition is unused
        assertThat(t.totalFrames()).isEqualTo(60);
        Timeline.FrameSpec first = t.at(0);
        Timeline.FrameSpec last = t.at(59);
        assertThat(first.inTransition()).isFalse();
        assertThat(first.base()).isEqualTo(new Timeline.SlideAt(0, 0.0));
        assertThat(last.base()).isEqualTo(new Timeline.SlideAt(0, 1.0));
        assertThatThrownBy(() -> t.at(60)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void referenceSlideshowHas1110FramesAndBlendsLikeTheReference() {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            slides.add(slide(4, 1));
        }
        Timeline t = project(30, slides).timeline();
        assertThat(t.totalFrames()).isEqualTo(12 * 120 - 11 * 30);
        // Frame 90 is the first of the first crossfade: slide 0 at local frame 90, slide 1 at 0.
        Timeline.FrameSpec f = t.at(90);
        assertThat(f.inTransition()).isTrue();
        assertThat(f.base().slideIndex()).isZero();
        assertThat(f.base().progress()).isCloseTo(90.0 / 119, within(1e-12));
        assertThat(f.incoming()).isEqualTo(new Timeline.SlideAt(1, 0.0));
        assertThat(f.blend()).isCloseTo(1.0 / 31, within(1e-12));
        assertThat(t.at(119).blend()).isCloseTo(30.0 / 31, within(1e-12));
        assertThat(t.at(120).inTransition()).isFalse();
        assertThat(t.at(120).base()).isEqualTo(new Timeline.SlideAt(1, 30.0 / 119));
    }

    @Test
    void zeroLengthTransitionIsACut() {
        Timeline t = project(25, List.of(slide(1, 0), slide(1, 0))).timeline();
        assertThat(t.totalFrames()).isEqualTo(50);
        assertThat(t.at(24).base().slideIndex()).isZero();
        assertThat(t.at(24).inTransition()).isFalse();
        assertThat(t.at(25).base()).isEqualTo(new Timeline.SlideAt(1, 0.0));
        assertThat(t.at(25).inTransition()).isFalse();
    }

    @Test
    void transitionLongerThanItsSlideIsRejected() {
        assertThatThrownBy(() -> slide(1, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than its slide");
        // Each fits its own slide, but the middle slide cannot hold 1.5 s in and 1.5 s out.
        assertThatThrownBy(() -> project(30, List.of(slide(2, 1.5), slide(2, 1.5), slide(2, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slide 2");
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 25, 30, 60})
    void fractionalDurationsDoNotDriftOverAThousandSlides(int fps) {
        List<Slide> slides = new ArrayList<>();
        double exactEnd = 0;
        for (int i = 0; i < 1000; i++) {
            double seconds = 1.0 + (i % 7) * 0.137 + 1.0 / 3; // never a whole number of frames
            double transition = (i % 3) * 0.21;
            slides.add(slide(seconds, transition));
            exactEnd += seconds - (i < 999 ? transition : 0);
        }
        Timeline t = project(fps, slides).timeline();
        assertThat(t.totalFrames()).isEqualTo((int) Math.round(exactEnd * fps));
        double exactStart = 0;
        for (int i = 0; i < 1000; i++) {
            assertThat(t.startFrame(i)).isCloseTo((int) Math.round(exactStart * fps), within(0));
            assertThat(t.startFrame(i) / (double) fps).isCloseTo(exactStart, within(0.5 / fps + 1e-9));
            exactStart += slides.get(i).durationSeconds() - slides.get(i).transition().durationSeconds();
        }
        // Every frame belongs to one slide, or two during a transition, in order.
        int previous = 0;
        for (int frame = 0; frame < t.totalFrames(); frame++) {
            Timeline.FrameSpec spec = t.at(frame);
            assertThat(spec.base().slideIndex()).isBetween(previous, previous + 1);
            previous = spec.base().slideIndex();
            assertThat(spec.blend()).isBetween(0.0, 1.0);
        }
        assertThat(previous).isEqualTo(999);
    }

    @Test
    void progressRunsFromZeroToOneAcrossTheSlidesOwnFrames() {
        Timeline t = project(30, List.of(slide(3, 1), slide(3, 0))).timeline();
        assertThat(t.frameCount(0)).isEqualTo(90);
        assertThat(t.at(89).base().progress()).isEqualTo(1.0);
        assertThat(t.at(89).incoming().slideIndex()).isEqualTo(1);
        assertThat(t.at(t.totalFrames() - 1).base()).isEqualTo(new Timeline.SlideAt(1, 1.0));
    }
}
