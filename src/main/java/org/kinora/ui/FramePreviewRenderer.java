package org.kinora.ui;

import org.kinora.image.PhotoCache;
import org.kinora.image.PhotoLoader;
import org.kinora.model.Project;
import org.kinora.render.frame.FrameRenderer;

/**
 * The preview's renderer: the export's {@link FrameRenderer} on the project at preview size, so the
 * preview shows what the export will. One photo cache serves every version of the project, so an
 * edit does not decode the photos again.
 */
final class FramePreviewRenderer implements PreviewRenderer {

    /** Makes renderers sharing one loader and cache; {@link #close()} frees the cache. */
    static final class Factory implements PreviewRenderer.Factory, AutoCloseable {
        private final PhotoLoader loader = new PhotoLoader();
        private final PhotoCache cache = new PhotoCache(256L * 1024 * 1024);

        @Override
        public PreviewRenderer create(Project project, int width, int height) {
            Project sized = project.withOutput(project.output().withSize(width, height));
            // Whole photos: a window would change with every pan edit and be decoded again.
            return new FramePreviewRenderer(new FrameRenderer(sized, loader, cache, false));
        }

        @Override
        public void close() {
            cache.close();
        }
    }

    private final FrameRenderer renderer;

    private FramePreviewRenderer(FrameRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public int width() {
        return renderer.width();
    }

    @Override
    public int height() {
        return renderer.height();
    }

    @Override
    public int frameCount() {
        return renderer.frameCount();
    }

    @Override
    public void renderArgb(int frame, int[] argb) throws Exception {
        renderer.renderArgb(frame, argb);
    }

    @Override
    public void prepareAhead(int doneFrame) {
        renderer.prepareAhead(doneFrame);
    }

    /** Does not close the FrameRenderer: that would free the cache the next version shares. */
    @Override
    public void close() {
    }
}
