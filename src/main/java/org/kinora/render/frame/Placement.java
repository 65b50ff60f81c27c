package org.kinora.render.frame;

/**
 * Where a transition puts a whole slide: shifted by (dx, dy) output pixels (fractional: pushes
 * move smoothly) and zoomed by {@code zoom} about the frame centre (zoom dissolve).
 */
record Placement(double dx, double dy, double zoom) {

    static final Placement IDENTITY = new Placement(0, 0, 1);

    Placement {
        if (!(zoom > 0)) {
            throw new IllegalArgumentException("placement zoom must be positive");
        }
    }

    boolean isIdentity() {
        return dx == 0 && dy == 0 && zoom == 1;
    }
}
