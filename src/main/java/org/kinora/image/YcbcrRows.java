package org.kinora.image;

/**
 * Rows of a decoded JPEG's planes (full-range BT.601 Y'CbCr, chroma subsampled by 1 or 2 on each
 * axis, or grey) as sRGB floats, converted the way libjpeg does: chroma upsampled with the
 * "fancy" triangle filter (3/4 nearer sample, 1/4 the other; JPEG sites chroma between the luma
 * samples it covers), then the JFIF matrix. Values stay unrounded floats (clamped to 0..255), so
 * the downscale that follows works on the exact result rather than on 8-bit rounded samples.
 */
final class YcbcrRows implements RgbRows {

    /** Where the planes come from, a row at a time: a whole decoded frame, or bands of one. */
    interface Planes {
        /** Copies {@code n} samples of luma row {@code y} into {@code dst}. */
        void luma(int y, byte[] dst, int n);

        /** Copies {@code n} samples of row {@code cy} of chroma plane {@code c} (1: Cb, 2: Cr) into {@code dst}. */
        void chroma(int c, int cy, byte[] dst, int n);
    }

    private final int width;
    private final int height;
    private final Planes planes;
    private final boolean colour;
    private final int shiftX;
    private final int shiftY;
    private final int chromaWidth;
    private final int chromaHeight;
    private final byte[] yRow;
    private final byte[] near;
    private final byte[] far;
    private final float[] vCb;
    private final float[] vCr;

    /**
     * @param colour false for grey ({@link Planes#chroma} is then never called): the samples are
     *               shown as they are, like the ImageIO path does
     * @param shiftX log2 of the horizontal chroma subsampling (0 or 1)
     * @param shiftY log2 of the vertical chroma subsampling (0 or 1)
     */
    YcbcrRows(int width, int height, Planes planes, boolean colour, int shiftX, int shiftY) {
        if (shiftX < 0 || shiftX > 1 || shiftY < 0 || shiftY > 1) {
            throw new IllegalArgumentException("chroma subsampling " + shiftX + "," + shiftY);
        }
        this.width = width;
        this.height = height;
        this.planes = planes;
        this.colour = colour;
        this.shiftX = shiftX;
        this.shiftY = shiftY;
        this.chromaWidth = (width + (1 << shiftX) - 1) >> shiftX;
        this.chromaHeight = (height + (1 << shiftY) - 1) >> shiftY;
        this.yRow = new byte[width];
        this.near = colour ? new byte[chromaWidth] : null;
        this.far = colour ? new byte[chromaWidth] : null;
        this.vCb = colour ? new float[chromaWidth] : null;
        this.vCr = colour ? new float[chromaWidth] : null;
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
    public void read(int y, float[] rgb) {
        planes.luma(y, yRow, width);
        if (!colour) {
            for (int x = 0, i = 0; x < width; x++, i += 3) {
                float v = yRow[x] & 0xFF;
                rgb[i] = v;
                rgb[i + 1] = v;
                rgb[i + 2] = v;
            }
            return;
        }
        vertical(1, y, vCb);
        vertical(2, y, vCr);
        if (shiftX == 0) {
            for (int x = 0, i = 0; x < width; x++, i += 3) {
                convert(yRow[x] & 0xFF, vCb[x], vCr[x], rgb, i);
            }
            return;
        }
        // Two luma samples per chroma sample: the left one takes 1/4 of the chroma sample to the
        // left, the right one 1/4 of the one to the right (edges repeat).
        int n = chromaWidth;
        for (int c = 0; c < n; c++) {
            float b = 0.75f * vCb[c];
            float r = 0.75f * vCr[c];
            int left = Math.max(0, c - 1);
            int right = Math.min(n - 1, c + 1);
            int x = 2 * c;
            convert(yRow[x] & 0xFF, b + 0.25f * vCb[left], r + 0.25f * vCr[left], rgb, 3 * x);
            if (x + 1 < width) {
                convert(yRow[x + 1] & 0xFF, b + 0.25f * vCb[right], r + 0.25f * vCr[right], rgb, 3 * x + 3);
            }
        }
    }

    /** JFIF's full-range BT.601 matrix, as libjpeg applies it. */
    private static void convert(float l, float cbSample, float crSample, float[] rgb, int i) {
        float b = cbSample - 128f;
        float r = crSample - 128f;
        rgb[i] = clamp(l + 1.402f * r);
        rgb[i + 1] = clamp(l - 0.344136f * b - 0.714136f * r);
        rgb[i + 2] = clamp(l + 1.772f * b);
    }

    /** The chroma row for luma row y: between the two nearest chroma rows when chroma is halved vertically. */
    private void vertical(int plane, int y, float[] out) {
        int n = chromaWidth;
        if (shiftY == 0) {
            planes.chroma(plane, y, near, n);
            for (int i = 0; i < n; i++) {
                out[i] = near[i] & 0xFF;
            }
            return;
        }
        // Luma row 2k sits a quarter chroma row above chroma row k's centre, row 2k + 1 a quarter below.
        int c = y >> 1;
        int other = Math.max(0, Math.min(chromaHeight - 1, (y & 1) == 0 ? c - 1 : c + 1));
        planes.chroma(plane, c, near, n);
        planes.chroma(plane, other, far, n);
        for (int i = 0; i < n; i++) {
            out[i] = 0.75f * (near[i] & 0xFF) + 0.25f * (far[i] & 0xFF);
        }
    }

    private static float clamp(float v) {
        return v < 0f ? 0f : Math.min(v, 255f);
    }
}
