package org.kinora.render.frame;

import org.kinora.image.PhotoWindow;
import org.kinora.model.Motion;
import org.kinora.model.ViewRect;

/**
 * The part of a photo a cropped (FILL) slide can ever show: the union of its view rectangles over
 * the whole motion, widened by a margin for the resampling filters and aligned so that every mip
 * level halves it exactly. A portrait photo filling a landscape frame shows about 40% of itself,
 * a 3:2 landscape about 84%; decoding only that part saves its memory and its filtering.
 *
 * <p>Transitions never show more of a slide than its own frame: a push moves the frame, a zoom
 * dissolve only magnifies it, and what a push draws beyond the frame is covered by the other slide.
 */
final class ViewWindow {

    /** Views along the motion that are measured; its edges move monotonically, these only add safety. */
    private static final int SAMPLES = 32;

    /**
     * Level-0 pixels of context beyond the views, per level-0 pixel of the deepest mip level's
     * size: the stretched Catmull-Rom reads 2 samples either side at each level, the halving that
     * built the level blurs its edge by about as much, and transitions' clip edges add one more.
     */
    private static final int MARGIN_PER_LEVEL_PIXEL = 8;

    private ViewWindow() {
    }

    /**
     * @param photoW the decoded photo's width (level 0)
     * @param levels its mip level count
     * @return the window, or null when it would cover (nearly) the whole photo
     */
    static PhotoWindow of(Motion motion, double photoAspect, double outputAspect, int photoW, int photoH, int levels) {
        double x0 = 1;
        double y0 = 1;
        double x1 = 0;
        double y1 = 0;
        for (int i = 0; i <= SAMPLES; i++) {
            ViewRect r = ViewRect.of(motion.at((double) i / SAMPLES), photoAspect, outputAspect, false);
            x0 = Math.min(x0, r.x());
            y0 = Math.min(y0, r.y());
            x1 = Math.max(x1, r.x() + r.width());
            y1 = Math.max(y1, r.y() + r.height());
        }
        int align = 2 << Math.max(0, levels - 1); // chroma pairs at every level
        int margin = MARGIN_PER_LEVEL_PIXEL * (1 << Math.max(0, levels - 1));
        int left = alignDown((int) Math.floor(x0 * photoW) - margin, align);
        int top = alignDown((int) Math.floor(y0 * photoH) - margin, align);
        int right = Math.min(photoW, alignUp((int) Math.ceil(x1 * photoW) + margin, align));
        int bottom = Math.min(photoH, alignUp((int) Math.ceil(y1 * photoH) + margin, align));
        PhotoWindow w = new PhotoWindow(left, top, right - left, bottom - top);
        // Not worth a second geometry when it saves less than a tenth.
        return (double) w.width() * w.height() > 0.9 * photoW * photoH ? null : w;
    }

    private static int alignDown(int v, int align) {
        return Math.max(0, Math.floorDiv(v, align) * align);
    }

    private static int alignUp(int v, int align) {
        return Math.floorDiv(v + align - 1, align) * align;
    }
}
