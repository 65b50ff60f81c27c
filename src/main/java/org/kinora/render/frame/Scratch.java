package org.kinora.render.frame;

/** Per-thread working memory of a renderer, so rendering a frame allocates nothing. */
final class Scratch {

    final Canvas main;
    private Canvas second;
    final PlaneSampler sampler = new PlaneSampler();
    final float[] lumaColumns;
    final float[] lumaRows;
    final float[] chromaColumns;
    final float[] chromaRows;
    final int[] columnRange = new int[2];
    final int[] rowRange = new int[2];

    Scratch(int width, int height) {
        main = new Canvas(width, height);
        lumaColumns = new float[width];
        lumaRows = new float[height];
        chromaColumns = new float[width / 2];
        chromaRows = new float[height / 2];
    }

    private Object backdropSource;
    private Canvas backdrop;

    /** This thread's upsampled copy of a slide's backdrop, or null if it holds another one. */
    Canvas backdrop(Object source) {
        return source == backdropSource ? backdrop : null;
    }

    /** A canvas to upsample {@code source} into, remembered for the next frames of the slide. */
    Canvas newBackdrop(Object source) {
        if (backdrop == null) {
            backdrop = new Canvas(main.width, main.height);
        }
        backdropSource = source;
        return backdrop;
    }

    /** A second canvas, for slides that must be composed whole before they are mixed in. */
    Canvas second() {
        if (second == null) {
            second = new Canvas(main.width, main.height);
        }
        return second;
    }
}
