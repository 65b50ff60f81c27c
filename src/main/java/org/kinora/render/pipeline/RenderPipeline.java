package org.kinora.render.pipeline;

/**
 * Renders a {@link RenderRequest} to an MP4: N producer threads make frames in parallel, one
 * encoder thread encodes them in order with the best available H.264 encoder. The blocking entry
 * point; use {@link RenderJob#start} to render in the background with cancel.
 */
public final class RenderPipeline {

    private RenderPipeline() {
    }

    /** Renders and waits; the thread's interrupt cancels the render. */
    public static RenderResult render(RenderRequest request, RenderListener listener)
            throws RenderException {
        RenderJob job = RenderJob.start(request, listener);
        try {
            return job.await();
        } catch (InterruptedException e) {
            job.cancel();
            job.awaitEnd();
            Thread.currentThread().interrupt();
            throw new RenderCancelledException("render interrupted; no file written");
        }
    }
}
