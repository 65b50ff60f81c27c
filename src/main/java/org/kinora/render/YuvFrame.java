package org.kinora.render;

import java.nio.ByteBuffer;

/**
 * One video frame in the encoder's own format: planar YUV 4:2:0 (I420), BT.709 limited range,
 * chroma sited as H.264 expects (left, vertically centred). The three planes lie one after the
 * other in one direct buffer, so the encoder passes it to FFmpeg without converting or copying.
 * Frames are pooled and reused; width and height are even.
 */
public final class YuvFrame {

    private final int width;
    private final int height;
    private final ByteBuffer data;

    public YuvFrame(int width, int height) {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("YUV 4:2:0 needs an even size, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.data = ByteBuffer.allocateDirect(width * height * 3 / 2);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** All three planes: Y (width x height), then U, then V (each width/2 x height/2). */
    public ByteBuffer data() {
        return data;
    }

    public int yOffset() {
        return 0;
    }

    public int uOffset() {
        return width * height;
    }

    public int vOffset() {
        return width * height + (width / 2) * (height / 2);
    }

    public int chromaWidth() {
        return width / 2;
    }

    public int chromaHeight() {
        return height / 2;
    }
}
