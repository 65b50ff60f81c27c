package org.kinora.render.pipeline;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.kinora.render.FrameRenderException;
import org.kinora.render.FrameSource;
import org.kinora.render.YuvFrame;

/**
 * A deterministic test FrameSource: smooth gradients that move with the frame index, split into
 * equal "slides". It can be slowed down and made to fail on one slide, as a corrupt photo would.
 */
final class GradientFrames implements FrameSource {

    private final int width;
    private final int height;
    private final int fps;
    private final int frameCount;
    private final int slides;
    private volatile long delayMillis;
    private volatile int failingSlide = -1;
    private volatile Path failingPhoto;
    private volatile int crashFrame = -1;
    private volatile RuntimeException crashWith;
    private volatile boolean outOfMemory;
    private volatile int hookFrame = -1;
    private volatile Runnable hook;

    GradientFrames(int width, int height, int fps, int frameCount, int slides) {
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.frameCount = frameCount;
        this.slides = slides;
    }

    GradientFrames slowedBy(long millisPerFrame) {
        this.delayMillis = millisPerFrame;
        return this;
    }

    GradientFrames failingOn(int slideIndex, Path photo) {
        this.failingSlide = slideIndex;
        this.failingPhoto = photo;
        return this;
    }

    /** Frame {@code frame} throws {@code e}, as a bug in a renderer would. */
    GradientFrames crashingOn(int frame, RuntimeException e) {
        this.crashFrame = frame;
        this.crashWith = e;
        return this;
    }

    /** Frame {@code frame} runs out of heap. */
    GradientFrames outOfMemoryOn(int frame) {
        this.crashFrame = frame;
        this.outOfMemory = true;
        return this;
    }

    /** Runs {@code action} before drawing frame {@code frame}: to disturb the render at a known point. */
    GradientFrames whileRendering(int frame, Runnable action) {
        this.hookFrame = frame;
        this.hook = action;
        return this;
    }

    int slideOf(int frame) {
        return Math.min(slides - 1, frame * slides / frameCount);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int fps() {
        return fps;
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public void renderYuv(int index, YuvFrame out) throws FrameRenderException {
        int slide = slideOf(index);
        if (index == hookFrame) {
            hook.run();
        }
        if (index == crashFrame) {
            if (outOfMemory) {
                throw new OutOfMemoryError("Java heap space");
            }
            throw crashWith;
        }
        if (slide == failingSlide) {
            throw new FrameRenderException(slide, failingPhoto, "not a JPEG file: starts with 0x00 0x00",
                    new java.io.IOException("Not a JPEG stream"));
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FrameRenderException(slide, Path.of("gradient-" + slide), "interrupted", e);
            }
        }
        ByteBuffer d = out.data();
        double phase = index * 0.15 + slide * 1.3;
        for (int y = 0; y < height; y++) {
            int row = out.yOffset() + y * width;
            for (int x = 0; x < width; x++) {
                double v = 0.5 + 0.5 * Math.sin(x * 0.045 + y * 0.025 + phase);
                d.put(row + x, (byte) (16 + Math.round(219 * v)));
            }
        }
        for (int y = 0; y < out.chromaHeight(); y++) {
            for (int x = 0; x < out.chromaWidth(); x++) {
                double u = 0.5 + 0.4 * Math.cos(x * 0.05 - phase * 0.5);
                double v = 0.5 + 0.4 * Math.sin(y * 0.06 + phase * 0.3);
                int i = y * out.chromaWidth() + x;
                d.put(out.uOffset() + i, (byte) (16 + Math.round(224 * u)));
                d.put(out.vOffset() + i, (byte) (16 + Math.round(224 * v)));
            }
        }
    }
}
