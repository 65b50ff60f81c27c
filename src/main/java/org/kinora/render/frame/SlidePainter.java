package org.kinora.render.frame;

import org.kinora.image.Kernel;
import org.kinora.image.RowPlane;
import org.kinora.image.YuvPhoto;
import org.kinora.model.FitMode;
import org.kinora.model.View;
import org.kinora.model.ViewRect;

/**
 * Draws one slide (its photo at the view its motion reaches at a given progress, over its fit
 * background) into a canvas, optionally shifted/zoomed by a transition, clipped, or translucent.
 *
 * <p>Geometry: output continuous x maps to photo coordinate {@code u = u0 + du * x}. Nothing is
 * rounded: the view rectangle moves by fractional pixels every frame.
 */
final class SlidePainter {

    /** Mip level chosen so the remaining minification is at least this (Catmull-Rom stretched by it). */
    private static final double LEVEL_THRESHOLD = 0.999;

    private final int width;
    private final int height;
    private final double outputAspect;
    private final Kernel kernel;

    SlidePainter(int width, int height) {
        this(width, height, Kernel.CATMULL_ROM);
    }

    /** @param kernel the photo's resampling kernel (stretched when minifying) */
    SlidePainter(int width, int height, Kernel kernel) {
        this.width = width;
        this.height = height;
        this.outputAspect = (double) width / height;
        this.kernel = kernel;
    }

    /**
     * @param clip where the slide may draw (null: everywhere); its edges may be fractional
     * @param alpha opacity over what the canvas already holds
     *
     * With no clip and alpha 1 every sample of the canvas is written (photo content continues past
     * the slide's own frame edge, which pushes rely on). Otherwise the slide is mixed in exactly.
     */
    void paint(Scratch s, Canvas dst, SlideContent c, double progress, Placement p, Clip clip, float alpha) {
        Clip frame = Clip.frame(width, height);
        Clip visible = clip == null ? frame : clip.intersect(frame);
        if (visible.isEmpty() || alpha <= 0f) {
            return;
        }
        boolean opaque = visible.covers(width, height) && alpha >= 1f;
        boolean fill = c.fit() == FitMode.FILL;
        if (!fill && !opaque) {
            // Background and photo must be composed before mixing, or the background shows through.
            Canvas whole = s.second();
            paint(s, whole, c, progress, p, null, 1f);
            Compositor.mix(s, dst, whole, visible, alpha);
            return;
        }
        View view = c.motion().at(progress);
        ViewRect r = ViewRect.of(view, c.photoAspect(), outputAspect, !fill);
        YuvPhoto photo = c.prepared().photo();
        double[] m = mapping(r, photo.width(), photo.height(), p);
        if (fill) {
            Clip region = opaque ? frame : visible.intersect(extent(p));
            draw(s, dst, photo, kernel, m, region, alpha);
            return;
        }
        // Contain fits, opaque: background everywhere, then the photo with antialiased edges.
        if (c.fit() == FitMode.COLOR) {
            int[] k = c.colour();
            dst.fill(k[0], k[1], k[2]);
        } else {
            YuvPhoto backdrop = c.prepared().backdrop();
            ViewRect all = new ViewRect(0, 0, 1, 1);
            if (p.isIdentity()) {
                // The backdrop does not move: upsample it once per slide and thread, then copy.
                Canvas cached = s.backdrop(backdrop);
                if (cached == null) {
                    cached = s.newBackdrop(backdrop);
                    draw(s, cached, backdrop, Kernel.TRIANGLE, mapping(all, backdrop.width(), backdrop.height(), p), frame, 1f);
                }
                cached.copyTo(dst);
            } else {
                draw(s, dst, backdrop, Kernel.TRIANGLE, mapping(all, backdrop.width(), backdrop.height(), p), frame, 1f);
            }
        }
        double x0 = -m[0] / m[1];
        double x1 = (photo.width() - m[0]) / m[1];
        double y0 = -m[2] / m[3];
        double y1 = (photo.height() - m[2]) / m[3];
        Clip region = new Clip(x0, x1, y0, y1).intersect(frame);
        if (!region.isEmpty()) {
            draw(s, dst, photo, kernel, m, region, 1f);
        }
    }

    /** The slide's own frame after placement, in output coordinates. */
    private Clip extent(Placement p) {
        double cx = width / 2.0;
        double cy = height / 2.0;
        return new Clip(cx - cx * p.zoom() + p.dx(), cx + cx * p.zoom() + p.dx(),
                cy - cy * p.zoom() + p.dy(), cy + cy * p.zoom() + p.dy());
    }

    /** {u0, du, v0, dv}: level-0 photo coordinates of output continuous coordinates. */
    private double[] mapping(ViewRect r, int photoW, int photoH, Placement p) {
        double su = r.width() * photoW / width;
        double sv = r.height() * photoH / height;
        double cx = width / 2.0;
        double cy = height / 2.0;
        double z = p.zoom();
        // u(X) = r.x * W + su * (cx + (X - dx - cx) / z)
        double du = su / z;
        double u0 = r.x() * photoW + su * (cx - (p.dx() + cx) / z);
        double dv = sv / z;
        double v0 = r.y() * photoH + sv * (cy - (p.dy() + cy) / z);
        return new double[] {u0, du, v0, dv};
    }

    private void draw(Scratch s, Canvas dst, YuvPhoto photo, Kernel kernel, double[] m, Clip region, float alpha) {
        RowPlane base = photo.level(0).y();
        int level = 0;
        for (int l = photo.levelCount() - 1; l > 0; l--) {
            double f = (double) photo.level(l).y().width() / base.width();
            if (m[1] * f >= LEVEL_THRESHOLD) {
                level = l;
                break;
            }
        }
        YuvPhoto.Level lv = photo.level(level);
        RowPlane py = lv.y();
        // Level 0 may hold only a window of the photo: map from its corner, at each level's scale.
        double fx = (double) py.width() / base.width();
        double fy = (double) py.height() / base.height();
        double u0 = (m[0] - photo.originX()) * fx;
        double du = m[1] * fx;
        double v0 = (m[2] - photo.originY()) * fy;
        double dv = m[3] * fy;

        // Luma.
        Coverage.luma(region.x0(), region.x1(), width, s.lumaColumns, s.columnRange);
        Coverage.luma(region.y0(), region.y1(), height, s.lumaRows, s.rowRange);
        boolean fullCols = Coverage.full(s.lumaColumns, s.columnRange, width);
        boolean fullRows = Coverage.full(s.lumaRows, s.rowRange, height);
        s.sampler.sample(py, kernel, u0, du, v0, dv, dst.y, width,
                s.columnRange[0], s.columnRange[1], s.rowRange[0], s.rowRange[1],
                fullCols ? null : s.lumaColumns, fullRows ? null : s.lumaRows, alpha);

        // Chroma: output sample i sits at luma x = 2i + 0.5 (left), row j at luma y = 2j + 1 (centred).
        // The photo's level-0 chroma is centre-sited on 2x2 luma blocks, so its coordinate is half
        // the level-0 luma coordinate (also for odd sizes); deeper levels scale that as they were
        // built. kx, ky take this level's luma coordinates there.
        RowPlane pcb = lv.cb();
        RowPlane baseCb = photo.level(0).cb();
        double kx = (double) pcb.width() / baseCb.width() / (2 * fx);
        double ky = (double) pcb.height() / baseCb.height() / (2 * fy);
        double cu0 = kx * u0 - 0.5 * kx * du;
        double cdu = 2 * kx * du;
        double cv0 = ky * v0;
        double cdv = 2 * ky * dv;
        int cw = width / 2;
        int ch = height / 2;
        Coverage.chromaColumns(region.x0(), region.x1(), cw, s.chromaColumns, s.columnRange, width);
        Coverage.chromaRows(region.y0(), region.y1(), ch, s.chromaRows, s.rowRange, height);
        boolean fullCc = Coverage.full(s.chromaColumns, s.columnRange, cw);
        boolean fullCr = Coverage.full(s.chromaRows, s.rowRange, ch);
        float[] colW = fullCc ? null : s.chromaColumns;
        float[] rowW = fullCr ? null : s.chromaRows;
        s.sampler.sample(pcb, kernel, cu0, cdu, cv0, cdv, dst.cb, cw,
                s.columnRange[0], s.columnRange[1], s.rowRange[0], s.rowRange[1], colW, rowW, alpha);
        s.sampler.sample(lv.cr(), kernel, cu0, cdu, cv0, cdv, dst.cr, cw,
                s.columnRange[0], s.columnRange[1], s.rowRange[0], s.rowRange[1], colW, rowW, alpha);
    }
}
