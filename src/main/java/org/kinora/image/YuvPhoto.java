package org.kinora.image;

/**
 * A decoded photo in the renderer's working form: BT.709 limited-range Y'CbCr 4:2:0 float planes
 * plus pre-filtered mip levels (each half the size of the previous).
 *
 * <p>Why this form (docs/decisions/0003-frame-representation.md): the encoder wants 4:2:0 Y'CbCr,
 * so converting once here means a frame resamples 1.5 samples per output pixel and converts
 * nothing. Chroma here is sited at the centre of each 2x2 luma block (as in JPEG), which keeps
 * siting consistent across mip levels; the renderer maps output chroma (left-sited, as H.264
 * expects) onto it exactly.
 */
public final class YuvPhoto {

    /** One resolution: Y' at full size, Cb and Cr at half size (rounded up). */
    public record Level(RowPlane y, RowPlane cb, RowPlane cr) {
        public long bytes() {
            return y.bytes() + cb.bytes() + cr.bytes();
        }
    }

    private final Level[] levels;
    private final int width;
    private final int height;
    private final int originX;
    private final int originY;

    private YuvPhoto(Level[] levels) {
        this(levels, levels[0].y().width(), levels[0].y().height(), 0, 0);
    }

    private YuvPhoto(Level[] levels, int width, int height, int originX, int originY) {
        this.levels = levels;
        this.width = width;
        this.height = height;
        this.originX = originX;
        this.originY = originY;
    }

    /**
     * This photo as the part {@code window} of a {@code width} x {@code height} one: the renderer
     * maps views onto the whole photo and reads level 0 from the window's corner on.
     */
    public YuvPhoto placedAt(PhotoWindow window, int width, int height) {
        if (window.width() != levels[0].y().width() || window.height() != levels[0].y().height()
                || !window.fitsIn(width, height)) {
            throw new IllegalArgumentException("window " + window + " does not match a "
                    + levels[0].y().width() + "x" + levels[0].y().height() + " photo inside " + width + "x" + height);
        }
        return new YuvPhoto(levels, width, height, window.x(), window.y());
    }

    /**
     * Converts an sRGB image and builds {@code levelCount} levels (at least 1; fewer when the
     * image becomes too small to halve).
     */
    public static YuvPhoto fromRgb(RgbImage rgb, int levelCount) {
        int w = rgb.width();
        Builder b = new Builder(w, rgb.height());
        float[] r = new float[w];
        float[] g = new float[w];
        float[] bl = new float[w];
        for (int y = 0; y < rgb.height(); y++) {
            System.arraycopy(rgb.red().data(), y * w, r, 0, w);
            System.arraycopy(rgb.green().data(), y * w, g, 0, w);
            System.arraycopy(rgb.blue().data(), y * w, bl, 0, w);
            b.row(y, r, g, bl);
        }
        return b.build(levelCount);
    }

    /**
     * Builds a photo from sRGB rows as they are decoded: luma row by row, chroma from each pair
     * of rows, so only two RGB rows exist at a time (a whole float RGB copy of a 2400x1350
     * working photo is 39 MB of heap at its load peak).
     */
    static final class Builder implements RgbRowSink {
        private final int w;
        private final int h;
        private final float[][] y;
        private final float[][] cb;
        private final float[][] cr;
        private final float[] pr;
        private final float[] pg;
        private final float[] pb;
        private int next;

        Builder(int w, int h) {
            this.w = w;
            this.h = h;
            this.y = new float[h][w];
            int cw = (w + 1) / 2;
            int ch = (h + 1) / 2;
            this.cb = new float[ch][cw];
            this.cr = new float[ch][cw];
            this.pr = new float[w];
            this.pg = new float[w];
            this.pb = new float[w];
        }

        @Override
        public void row(int row, float[] r, float[] g, float[] b) {
            if (row != next || row >= h) {
                throw new IllegalStateException("row " + row + " out of order (expected " + next + " of " + h + ")");
            }
            next++;
            float[] yr = y[row];
            for (int x = 0; x < w; x++) {
                yr[x] = Bt709.y(r[x], g[x], b[x]);
            }
            if ((row & 1) == 0) {
                System.arraycopy(r, 0, pr, 0, w);
                System.arraycopy(g, 0, pg, 0, w);
                System.arraycopy(b, 0, pb, 0, w);
                if (row == h - 1) {
                    chroma(row / 2, pr, pg, pb, pr, pg, pb); // odd height: the last row pairs with itself
                }
            } else {
                chroma(row / 2, pr, pg, pb, r, g, b);
            }
        }

        @Override
        public void restart() {
            next = 0;
        }

        /** Chroma row {@code cy}: the mean of each 2x2 block (an odd last column repeated), centre-sited. */
        private void chroma(int cy, float[] r0, float[] g0, float[] b0, float[] r1, float[] g1, float[] b1) {
            float[] cbr = cb[cy];
            float[] crr = cr[cy];
            for (int cx = 0; cx < cbr.length; cx++) {
                int x0 = 2 * cx;
                int x1 = Math.min(w - 1, x0 + 1);
                float sr = r0[x0] + r0[x1] + r1[x0] + r1[x1];
                float sg = g0[x0] + g0[x1] + g1[x0] + g1[x1];
                float sb = b0[x0] + b0[x1] + b1[x0] + b1[x1];
                cbr[cx] = Bt709.cb(sr / 4, sg / 4, sb / 4);
                crr[cx] = Bt709.cr(sr / 4, sg / 4, sb / 4);
            }
        }

        /** The photo with {@code levelCount} levels (fewer when the image becomes too small to halve). */
        YuvPhoto build(int levelCount) {
            if (next != h) {
                throw new IllegalStateException("only " + next + " of " + h + " rows were given");
            }
            int count = Math.max(1, levelCount);
            Level[] levels = new Level[count];
            RowPlane fy = new RowPlane(w, h, y);
            RowPlane fcb = new RowPlane((w + 1) / 2, (h + 1) / 2, cb);
            RowPlane fcr = new RowPlane((w + 1) / 2, (h + 1) / 2, cr);
            levels[0] = new Level(fy, fcb, fcr);
            int n = 1;
            while (n < count) {
                int lw = (fy.width() + 1) / 2;
                int lh = (fy.height() + 1) / 2;
                if (lw < 8 || lh < 8) {
                    break;
                }
                fy = half(fy, lw, lh);
                fcb = half(fcb, (lw + 1) / 2, (lh + 1) / 2);
                fcr = half(fcr, (lw + 1) / 2, (lh + 1) / 2);
                levels[n] = new Level(fy, fcb, fcr);
                n++;
            }
            if (n < count) {
                Level[] trimmed = new Level[n];
                System.arraycopy(levels, 0, trimmed, 0, n);
                return new YuvPhoto(trimmed);
            }
            return new YuvPhoto(levels);
        }
    }

    /** Halving with a Catmull-Rom kernel stretched 2x: sharp, yet it removes what would alias. */
    private static RowPlane half(RowPlane p, int w, int h) {
        return p.resize(w, h, Kernel.CATMULL_ROM);
    }

    /** Width of the whole photo at level 0's scale (more than level 0 holds when it is a window). */
    public int width() {
        return width;
    }

    /** Height of the whole photo at level 0's scale. */
    public int height() {
        return height;
    }

    /** Column of the whole photo where level 0's first column lies (0 unless a window). */
    public int originX() {
        return originX;
    }

    /** Row of the whole photo where level 0's first row lies. */
    public int originY() {
        return originY;
    }

    public int levelCount() {
        return levels.length;
    }

    public Level level(int i) {
        return levels[i];
    }

    public long bytes() {
        long sum = 0;
        for (Level l : levels) {
            sum += l.bytes();
        }
        return sum;
    }
}
