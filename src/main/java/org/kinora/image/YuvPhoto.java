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

    private YuvPhoto(Level[] levels) {
        this.levels = levels;
    }

    /**
     * Converts an sRGB image and builds {@code levelCount} levels (at least 1; fewer when the
     * image becomes too small to halve).
     */
    public static YuvPhoto fromRgb(RgbImage rgb, int levelCount) {
        int w = rgb.width();
        int h = rgb.height();
        float[] r = rgb.red().data();
        float[] g = rgb.green().data();
        float[] b = rgb.blue().data();
        // Written straight into rows: a flat plane copied into rows afterwards held every level-0
        // sample twice at the memory peak of a photo load.
        float[][] y = new float[h][w];
        for (int row = 0; row < h; row++) {
            float[] yr = y[row];
            int o = row * w;
            for (int x = 0; x < w; x++) {
                yr[x] = Bt709.y(r[o + x], g[o + x], b[o + x]);
            }
        }
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        float[][] cb = new float[ch][cw];
        float[][] cr = new float[ch][cw];
        // Chroma: mean of each 2x2 block (edge pixels repeated), i.e. centre-sited.
        for (int cy = 0; cy < ch; cy++) {
            int y0 = 2 * cy;
            int y1 = Math.min(h - 1, y0 + 1);
            for (int cx = 0; cx < cw; cx++) {
                int x0 = 2 * cx;
                int x1 = Math.min(w - 1, x0 + 1);
                float sr = r[y0 * w + x0] + r[y0 * w + x1] + r[y1 * w + x0] + r[y1 * w + x1];
                float sg = g[y0 * w + x0] + g[y0 * w + x1] + g[y1 * w + x0] + g[y1 * w + x1];
                float sb = b[y0 * w + x0] + b[y0 * w + x1] + b[y1 * w + x0] + b[y1 * w + x1];
                cb[cy][cx] = Bt709.cb(sr / 4, sg / 4, sb / 4);
                cr[cy][cx] = Bt709.cr(sr / 4, sg / 4, sb / 4);
            }
        }
        int count = Math.max(1, levelCount);
        Level[] levels = new Level[count];
        RowPlane fy = new RowPlane(w, h, y);
        RowPlane fcb = new RowPlane(cw, ch, cb);
        RowPlane fcr = new RowPlane(cw, ch, cr);
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

    /** Halving with a Catmull-Rom kernel stretched 2x: sharp, yet it removes what would alias. */
    private static RowPlane half(RowPlane p, int w, int h) {
        return p.resize(w, h, Kernel.CATMULL_ROM);
    }

    public int width() {
        return levels[0].y().width();
    }

    public int height() {
        return levels[0].y().height();
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
