package org.kinora.image;

/**
 * A plane stored as one array per row. The renderer's vertical filter pass combines whole rows
 * with the same index in each, the only loop shape HotSpot 17 vectorises (rows inside one flat
 * array at different offsets are not).
 */
public final class RowPlane {

    private final int width;
    private final int height;
    private final float[][] rows;

    public RowPlane(Plane flat) {
        this.width = flat.width();
        this.height = flat.height();
        this.rows = new float[height][];
        for (int y = 0; y < height; y++) {
            rows[y] = new float[width];
            System.arraycopy(flat.data(), y * width, rows[y], 0, width);
        }
    }

    /** Wraps rows built elsewhere (each {@code width} long), without copying. */
    RowPlane(int width, int height, float[][] rows) {
        if (width <= 0 || height <= 0 || rows.length != height) {
            throw new IllegalArgumentException("bad row plane " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rows = rows;
    }

    /**
     * This plane resampled to the given size with a kernel (stretched when minifying), the same
     * arithmetic as {@link Plane#resize}, one output row at a time: only one intermediate row.
     */
    RowPlane resize(int w, int h, Kernel kernel) {
        Taps cols = new Taps().compute(kernel, width, 0.5 * width / w, (double) width / w, w);
        Taps rowTaps = new Taps().compute(kernel, height, 0.5 * height / h, (double) height / h, h);
        int rc = rowTaps.count();
        float[] rw = rowTaps.weights();
        int cc = cols.count();
        float[] cw = cols.weights();
        float[] tmp = new float[width];
        float[][] out = new float[h][];
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(tmp, 0f);
            int s = rowTaps.start(y);
            for (int t = 0; t < rc; t++) {
                float wt = rw[y * rc + t];
                float[] src = rows[s + t];
                for (int x = 0; x < width; x++) {
                    tmp[x] += wt * src[x];
                }
            }
            float[] dst = new float[w];
            for (int x = 0; x < w; x++) {
                int st = cols.start(x);
                int wo = x * cc;
                float acc = 0;
                for (int t = 0; t < cc; t++) {
                    acc += cw[wo + t] * tmp[st + t];
                }
                dst[x] = acc;
            }
            out[y] = dst;
        }
        return new RowPlane(w, h, out);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public float[] row(int y) {
        return rows[y];
    }

    public float[][] rows() {
        return rows;
    }

    public float at(int x, int y) {
        return rows[y][x];
    }

    public long bytes() {
        return 4L * width * height + 16L * height;
    }
}
