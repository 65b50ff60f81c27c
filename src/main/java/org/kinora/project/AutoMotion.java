package org.kinora.project;

import java.util.SplittableRandom;
import org.kinora.model.Easing;
import org.kinora.model.Motion;
import org.kinora.model.View;

/**
 * Automatic Ken Burns motion for new slides: a slow zoom (between 1.0 and about 1.25) that drifts
 * towards or away from one of eight directions. It varies from slide to slide, zooms in more often
 * than out, and never drifts the same way twice in a row, as a person editing by hand would.
 * Deterministic: the same slide index always gets the same motion.
 */
public final class AutoMotion {

    private static final double[][] DIRECTIONS = {
            {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
    private static final long SEED = 0x4b696e6f7261L;

    private AutoMotion() {
    }

    /** Motion for slide {@code index} of a new project. */
    public static Motion forSlide(int index) {
        return motion(index, direction(index));
    }

    /** The drift direction (0..7) of slide {@code index}; neighbours always differ by 2 to 6 steps. */
    static int direction(int index) {
        int d = new SplittableRandom(SEED).nextInt(8);
        for (int i = 1; i <= index; i++) {
            d = (d + 2 + new SplittableRandom(SEED + i).nextInt(5)) % 8;
        }
        return d;
    }

    /** Four decimals: far below a pixel even at 8K, and project files stay readable. */
    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static Motion motion(int index, int direction) {
        SplittableRandom random = new SplittableRandom(SEED * 31 + index);
        double wide = 1.0 + random.nextDouble() * 0.04;
        double close = 1.17 + random.nextDouble() * 0.08;
        // The shift stays within what the tighter side of any photo allows at this zoom (see ViewRect),
        // so the move never stalls against an edge whatever the photo's and the output's aspect.
        double room = (1 - 1 / close) / 2;
        double shift = room * (0.55 + random.nextDouble() * 0.35);
        double[] dir = DIRECTIONS[direction];
        double norm = Math.hypot(dir[0], dir[1]);
        View centred = new View(0.5, 0.5, round(wide));
        View drifted = new View(round(0.5 + dir[0] / norm * shift), round(0.5 + dir[1] / norm * shift), round(close));
        boolean zoomIn = random.nextInt(3) != 0;
        return zoomIn ? new Motion(centred, drifted, Easing.LINEAR) : new Motion(drifted, centred, Easing.LINEAR);
    }
}
