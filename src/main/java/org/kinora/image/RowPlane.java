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
