package org.kinora.render.frame;

/** A rectangle in continuous output pixel coordinates (edges may be fractional: soft, exact wipes). */
record Clip(double x0, double x1, double y0, double y1) {

    static Clip frame(int width, int height) {
        return new Clip(0, width, 0, height);
    }

    Clip intersect(Clip o) {
        return new Clip(Math.max(x0, o.x0), Math.min(x1, o.x1), Math.max(y0, o.y0), Math.min(y1, o.y1));
    }

    boolean isEmpty() {
        return !(x1 > x0) || !(y1 > y0);
    }

    boolean covers(int width, int height) {
        return x0 <= 0 && y0 <= 0 && x1 >= width && y1 >= height;
    }
}
