package org.kinora.ui;

import org.kinora.model.Easing;
import org.kinora.model.Motion;
import org.kinora.model.View;

/**
 * Automatic Ken Burns motion for photos added in the editor: a gentle zoom of 1.0 to 1.2
 * towards or away from a point off-centre, alternating direction and drift from slide to slide
 * so a run of photos does not repeat one move.
 *
 * <p>Kept in the ui package because the project-level automatic motion ({@code AutoMotion},
 * used by {@code kinora new}) is not on main yet; the editor switches to it once it lands.
 */
public final class DefaultMotion {

    private static final double ZOOM = 1.2;
    private static final double[][] TARGETS = {
        {0.40, 0.42}, {0.60, 0.45}, {0.45, 0.58}, {0.58, 0.60}, {0.50, 0.40}, {0.42, 0.55},
    };

    private DefaultMotion() {
    }

    /** The motion for the slide at {@code index} of the timeline. */
    public static Motion forSlide(int index) {
        double[] t = TARGETS[Math.floorMod(index, TARGETS.length)];
        View wide = View.FULL;
        View close = new View(t[0], t[1], ZOOM);
        boolean zoomIn = Math.floorMod(index, 2) == 0;
        return new Motion(zoomIn ? wide : close, zoomIn ? close : wide, Easing.LINEAR);
    }
}
