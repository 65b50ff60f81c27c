package org.kinora.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void viewRejectsOutOfRangeValuesNamingTheField() {
        assertThatThrownBy(() -> new View(1.2, 0.5, 1)).hasMessageContaining("centerX");
        assertThatThrownBy(() -> new View(0.5, 0.5, 0.9)).hasMessageContaining("zoom");
        assertThatThrownBy(() -> new View(Double.NaN, 0.5, 1)).hasMessageContaining("centerX");
    }

    /** The words a file check prints after a field's path are the model's own, after its field name. */
    @Test
    void limitsSayWhatIsAllowedInTheSameWordsAsTheModel() {
        assertThat(View.CENTER.problem(0.5)).isNull();
        assertThat(View.CENTER.problem(2)).isEqualTo("must be between 0 and 1, was 2");
        assertThat(Limits.NON_NEGATIVE.problem(-1.5)).isEqualTo("must be zero or more, was -1.5");
        assertThat(Limits.NON_NEGATIVE.problem(Double.POSITIVE_INFINITY)).isNotNull();
        assertThat(Slide.DURATION.problem(Double.NaN)).isEqualTo("must be between 0.05 and 3600, was NaN");
        assertThatThrownBy(() -> new View(2, 0.5, 1)).hasMessage("view centerX " + View.CENTER.problem(2));
        assertThatThrownBy(() -> new AudioTrack(Path.of("a.mp3"), 0, 0, AudioTrack.UNTIL_END, 9, 0, 0, false))
                .hasMessage("audio volume " + AudioTrack.VOLUME.problem(9));
    }

    @Test
    void motionKeepsOnePointFixedOnScreenWhileZooming() {
        // Zoom about an anchor: the photo point under screen position (0.3, 0.35) never moves.
        double ax = 0.30;
        double zEnd = 1.2;
        View start = new View(0.5, 0.5, 1.0);
        View end = new View(0.5 + (ax - 0.5) * (1 - 1 / zEnd), 0.5, zEnd);
        Motion motion = new Motion(start, end, Easing.LINEAR);
        for (double t = 0; t <= 1.0; t += 0.1) {
            View v = motion.at(t);
            double photoPointUnderAnchor = v.centerX() + (ax - 0.5) / v.zoom();
            assertThat(photoPointUnderAnchor).isCloseTo(ax, within(1e-12));
            assertThat(v.zoom()).isCloseTo(1 + 0.2 * t, within(1e-12));
        }
    }

    @Test
    void pureMotionPansLinearly() {
        Motion pan = new Motion(new View(0.4, 0.5, 1.5), new View(0.6, 0.5, 1.5), Easing.LINEAR);
        assertThat(pan.at(0.25).centerX()).isCloseTo(0.45, within(1e-12));
    }

    @Test
    void easingsStartAtZeroAndEndAtOne() {
        for (Easing e : Easing.values()) {
            assertThat(e.apply(0)).isZero();
            assertThat(e.apply(1)).isEqualTo(1.0);
            assertThat(e.apply(0.5)).isBetween(0.0, 1.0);
        }
        assertThat(Easing.EASE_OUT.apply(0.5)).isGreaterThan(0.5);
    }

    @Test
    void viewRectHasTheOutputAspectAndStaysInsideThePhoto() {
        double photo = 3.0 / 2;
        for (double output : new double[] {16.0 / 9, 9.0 / 16, 1.0}) {
            ViewRect r = ViewRect.of(new View(0.9, 0.1, 1.25), photo, output, false);
            assertThat(r.width() * photo / r.height()).isCloseTo(output, within(1e-9));
            assertThat(r.x()).isGreaterThanOrEqualTo(0);
            assertThat(r.y()).isGreaterThanOrEqualTo(0);
            assertThat(r.x() + r.width()).isLessThanOrEqualTo(1 + 1e-12);
            assertThat(r.y() + r.height()).isLessThanOrEqualTo(1 + 1e-12);
        }
        ViewRect full = ViewRect.of(View.FULL, 16.0 / 9, 16.0 / 9, false);
        assertThat(full).isEqualTo(new ViewRect(0, 0, 1, 1));
        ViewRect contain = ViewRect.of(View.FULL, 9.0 / 16, 16.0 / 9, true);
        assertThat(contain.height()).isCloseTo(1.0, within(1e-12));
        assertThat(contain.width()).isGreaterThan(1.0);
    }

    @Test
    void autoFitCropsSimilarShapesAndFitsPortraitsInLandscape() {
        assertThat(FitMode.AUTO.resolve(3.0 / 2, 16.0 / 9)).isEqualTo(FitMode.FILL);
        assertThat(FitMode.AUTO.resolve(4.0 / 3, 16.0 / 9)).isEqualTo(FitMode.FILL);
        assertThat(FitMode.AUTO.resolve(2.0 / 3, 16.0 / 9)).isEqualTo(FitMode.BLUR);
        assertThat(FitMode.AUTO.resolve(16.0 / 9, 9.0 / 16)).isEqualTo(FitMode.BLUR);
        assertThat(FitMode.COLOR.resolve(2.0 / 3, 16.0 / 9)).isEqualTo(FitMode.COLOR);
    }

    @Test
    void outputSizeMustBeEven() {
        assertThatThrownBy(() -> OutputSettings.FULL_HD.withSize(1921, 1080)).hasMessageContaining("even");
    }

    /** H.264 level 6.2 holds at most 139,264 macroblocks of 16x16 per frame; a partial macroblock counts whole. */
    @Test
    void outputSizeMustFitH264sLargestLevel() {
        assertThat(OutputSettings.FULL_HD.withSize(8192, 4320).width()).isEqualTo(8192);
        assertThat(OutputSettings.FULL_HD.withSize(8192, 4352).height()).isEqualTo(4352); // 512 x 272: exactly the limit
        assertThat(OutputSettings.FULL_HD.withSize(4352, 8192).width()).isEqualTo(4352);
        assertThatThrownBy(() -> OutputSettings.FULL_HD.withSize(8192, 4354)) // 512 x 273
                .hasMessage("output size 8192x4354 is too large for H.264: 139776 macroblocks of 16x16, "
                        + "more than the limit of 139264 (level 6.2; 8192x4320 fits)");
        assertThatThrownBy(() -> OutputSettings.FULL_HD.withSize(8192, 8192)).hasMessageContaining("262144 macroblocks");
    }

    @Test
    void unknownTransitionListsTheKnownOnesAsWords() {
        assertThatThrownBy(() -> TransitionType.fromId("spin"))
                .hasMessageStartingWith("unknown transition 'spin'; known: cut, crossfade, fade-black, ")
                .hasMessageEndingWith(", zoom-dissolve");
    }

    @Test
    void cutHasNoDurationAndAudioTrimMustBeOrdered() {
        assertThat(new Transition(TransitionType.CUT, 2).durationSeconds()).isZero();
        assertThatThrownBy(() -> new AudioTrack(Path.of("/a.mp3"), 0, 5, 4, 1, 0, 0, false))
                .hasMessageContaining("trim out");
        assertThat(RgbColor.parse("#1a2B3c").hex()).isEqualTo("#1a2b3c");
    }
}
