package org.kinora.render.frame;

import static org.assertj.core.api.Assertions.assertThat;

import org.kinora.image.Bt709;
import org.kinora.image.Plane;
import org.kinora.image.RgbImage;
import org.kinora.image.YuvPhoto;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.TransitionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition at blend 0 (all outgoing), 0.5 and 1 (all incoming). */
class TransitionsTest {

    private static final int W = 64;
    private static final int H = 36;
    private static final int[] RED = {220, 30, 30};
    private static final int[] GREEN = {30, 200, 40};
    private static final int[] YELLOW = {230, 220, 20};
    private static final int[] WHITE = {240, 240, 240};
    private static final int[] BLUE = {20, 40, 210};

    private final SlidePainter painter = new SlidePainter(W, H);
    private final Scratch scratch = new Scratch(W, H);

    /** Outgoing slide: quadrants red (top-left), green (top-right), yellow (bottom-left), white. */
    private static SlideContent quadrants() {
        int pw = 2 * W;
        int ph = 2 * H;
        RgbImage img = RgbImage.blank(pw, ph);
        for (int y = 0; y < ph; y++) {
            for (int x = 0; x < pw; x++) {
                int[] c = y < ph / 2 ? (x < pw / 2 ? RED : GREEN) : (x < pw / 2 ? YELLOW : WHITE);
                set(img, x, y, c);
            }
        }
        return content(img);
    }

    private static SlideContent solid(int[] c) {
        RgbImage img = RgbImage.blank(2 * W, 2 * H);
        for (int y = 0; y < 2 * H; y++) {
            for (int x = 0; x < 2 * W; x++) {
                set(img, x, y, c);
            }
        }
        return content(img);
    }

    private static void set(RgbImage img, int x, int y, int[] c) {
        Plane[] p = {img.red(), img.green(), img.blue()};
        for (int i = 0; i < 3; i++) {
            p[i].data()[y * img.width() + x] = c[i];
        }
    }

    private static SlideContent content(RgbImage img) {
        YuvPhoto photo = YuvPhoto.fromRgb(img, 1);
        return new SlideContent(new PreparedPhoto(photo, null), (double) img.width() / img.height(),
                FitMode.FILL, Motion.STILL, new int[] {16, 128, 128});
    }

    private Canvas compose(TransitionType type, double blend) {
        Canvas out = new Canvas(W, H);
        Transitions.compose(painter, scratch, out, quadrants(), 0.5, solid(BLUE), 0.5, type, blend);
        return out;
    }

    private Canvas alone(SlideContent c) {
        Canvas out = new Canvas(W, H);
        painter.paint(scratch, out, c, 0.5, Placement.IDENTITY, null, 1f);
        return out;
    }

    @ParameterizedTest
    @EnumSource(TransitionType.class)
    void blendZeroIsTheOutgoingSlideAndOneTheIncoming(TransitionType type) {
        Canvas a = alone(quadrants());
        Canvas b = alone(solid(BLUE));
        Canvas at0 = compose(type, 0);
        Canvas at1 = compose(type, 1);
        assertThat(at0.y).as("%s at 0 luma", type).isEqualTo(a.y);
        assertThat(at0.cb).as("%s at 0 Cb", type).isEqualTo(a.cb);
        assertThat(at0.cr).as("%s at 0 Cr", type).isEqualTo(a.cr);
        assertThat(at1.y).as("%s at 1 luma", type).isEqualTo(b.y);
        assertThat(at1.cb).as("%s at 1 Cb", type).isEqualTo(b.cb);
        assertThat(at1.cr).as("%s at 1 Cr", type).isEqualTo(b.cr);
    }

    @Test
    void crossfadeHalfwayIsTheMean() {
        Canvas c = compose(TransitionType.CROSSFADE, 0.5);
        assertLuma(c, 16, 9, (y(RED) + y(BLUE)) / 2);
        assertLuma(c, 48, 27, (y(WHITE) + y(BLUE)) / 2);
        int cbMean = Math.round((Bt709.cb(220, 30, 30) + Bt709.cb(20, 40, 210)) / 2);
        assertThat(c.cb[(9 / 2) * (W / 2) + 8] & 0xff).isBetween(cbMean - 1, cbMean + 1);
    }

    @Test
    void zoomDissolveHalfwayMixesBoth() {
        Canvas c = compose(TransitionType.ZOOM_DISSOLVE, 0.5);
        assertLuma(c, 12, 6, (y(RED) + y(BLUE)) / 2);
    }

    @Test
    void fadesPassThroughBlackAndWhite() {
        Canvas black = compose(TransitionType.FADE_BLACK, 0.5);
        Canvas white = compose(TransitionType.FADE_WHITE, 0.5);
        for (int i = 0; i < W * H; i++) {
            assertThat(black.y[i] & 0xff).isEqualTo(16);
            assertThat(white.y[i] & 0xff).isEqualTo(235);
        }
        for (int i = 0; i < W * H / 4; i++) {
            assertThat(black.cb[i] & 0xff).isEqualTo(128);
            assertThat(white.cr[i] & 0xff).isEqualTo(128);
        }
        // A quarter of the way: the outgoing slide half faded.
        Canvas quarter = compose(TransitionType.FADE_BLACK, 0.25);
        assertLuma(quarter, 16, 9, (y(RED) + 16) / 2);
    }

    @Test
    void wipesRevealTheIncomingSlideFromTheirSide() {
        Canvas left = compose(TransitionType.WIPE_LEFT, 0.5);
        assertLuma(left, 16, 9, y(RED));
        assertLuma(left, 48, 9, y(BLUE));
        Canvas right = compose(TransitionType.WIPE_RIGHT, 0.5);
        assertLuma(right, 16, 9, y(BLUE));
        assertLuma(right, 48, 9, y(GREEN));
        Canvas up = compose(TransitionType.WIPE_UP, 0.5);
        assertLuma(up, 16, 9, y(RED));
        assertLuma(up, 16, 27, y(BLUE));
        Canvas down = compose(TransitionType.WIPE_DOWN, 0.5);
        assertLuma(down, 16, 9, y(BLUE));
        assertLuma(down, 48, 27, y(WHITE));
    }

    @Test
    void pushesMoveTheOutgoingPictureAlong() {
        Canvas left = compose(TransitionType.PUSH_LEFT, 0.5);
        assertLuma(left, 16, 9, y(GREEN)); // A's right half now on the left
        assertLuma(left, 48, 9, y(BLUE));
        Canvas right = compose(TransitionType.PUSH_RIGHT, 0.5);
        assertLuma(right, 48, 27, y(YELLOW)); // A's left half now on the right
        assertLuma(right, 16, 27, y(BLUE));
        Canvas up = compose(TransitionType.PUSH_UP, 0.5);
        assertLuma(up, 16, 9, y(YELLOW)); // A's bottom half now on top
        assertLuma(up, 48, 27, y(BLUE));
        Canvas down = compose(TransitionType.PUSH_DOWN, 0.5);
        assertLuma(down, 48, 27, y(GREEN)); // A's top half now at the bottom
        assertLuma(down, 16, 9, y(BLUE));
    }

    @Test
    void wipeEdgeIsSubPixelExact() {
        // Edge at x = 64 * (1 - 0.3) = 44.8: column 44 is 80% outgoing, 20% incoming.
        Canvas c = compose(TransitionType.WIPE_LEFT, 0.3);
        int expected = Math.round(0.8f * y(GREEN) + 0.2f * y(BLUE));
        assertLuma(c, 44, 9, expected);
        assertLuma(c, 43, 9, y(GREEN));
        assertLuma(c, 45, 9, y(BLUE));
    }

    private static int y(int[] c) {
        return Math.round(Bt709.y(c[0], c[1], c[2]));
    }

    private static void assertLuma(Canvas c, int x, int row, int expected) {
        assertThat(c.y[row * W + x] & 0xff).as("luma at %d,%d", x, row).isBetween(expected - 2, expected + 2);
    }
}
