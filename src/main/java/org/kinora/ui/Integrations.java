package org.kinora.ui;

/** Connects the editor to the export's frame renderer and render pipeline. */
final class Integrations {

    private Integrations() {
    }

    /** Preview renderers over {@code org.kinora.render.frame.FrameRenderer}. */
    static FramePreviewRenderer.Factory previewFactory() {
        return new FramePreviewRenderer.Factory();
    }

    /** Exports through {@code org.kinora.render.pipeline.RenderPipeline}. */
    static Exporter exporter() {
        return new PipelineExporter();
    }
}
