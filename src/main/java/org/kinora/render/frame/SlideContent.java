package org.kinora.render.frame;

import org.kinora.model.FitMode;
import org.kinora.model.Motion;

/**
 * Everything needed to draw one slide at any progress.
 *
 * @param photoAspect displayed aspect of the original photo (the frame's geometry uses it, not the
 *                    rounded size of the decoded copy)
 * @param fit resolved fit mode (never AUTO)
 * @param colour background as Y'CbCr code values, for COLOR fit
 */
record SlideContent(PreparedPhoto prepared, double photoAspect, FitMode fit, Motion motion, int[] colour) {

    SlideContent {
        if (fit == FitMode.AUTO) {
            throw new IllegalArgumentException("fit must be resolved");
        }
    }
}
