package org.kinora.ui;

/**
 * Connects the editor to the export's frame renderer and render pipeline. Each returns null
 * while that part is not in this build; the editor then says so instead of pretending.
 */
final class Integrations {

    private Integrations() {
    }

    /** Preview renderers over {@code org.kinora.render.frame.FrameRenderer}; null until it is merged. */
    static PreviewRenderer.Factory previewFactory() {
        return null;
    }

    /** Exports through {@code org.kinora.render.pipeline.RenderPipeline}; null until it is merged. */
    static Exporter exporter() {
        return null;
    }
}
