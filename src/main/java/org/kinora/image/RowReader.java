package org.kinora.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Reads one row of a decoded image as sRGB floats (0..255), whatever its layout: a fast path for
 * 8-bit interleaved rasters (what JPEG decodes to), raw samples for greyscale (whose values are
 * display-encoded, whatever Java's linear CS_GRAY claims) and {@code getRGB} for the rest.
 * Alpha is composited over black, the video background.
 */
final class RowReader implements RgbRows {

    private final BufferedImage image;
    private final int width;
    private final Mode mode;
    private final int[] bandOffsets;
    private final int pixelStride;
    private final int scanStride;
    private final byte[] bytes;
    private final int[] ints;
    private final int grayMax;
    private final boolean alpha;

    private enum Mode { BYTES, GRAY, RGB }

    RowReader(BufferedImage image) {
        this.image = image;
        this.width = image.getWidth();
        Raster raster = image.getRaster();
        ColorSpace cs = image.getColorModel().getColorSpace();
        this.alpha = image.getColorModel().hasAlpha();
        int colours = image.getColorModel().getNumColorComponents();
        if (colours == 1 && !(image.getColorModel() instanceof java.awt.image.IndexColorModel)) {
            mode = Mode.GRAY;
            grayMax = (1 << image.getColorModel().getComponentSize(0)) - 1;
            ints = new int[width * raster.getNumBands()];
            bytes = null;
            bandOffsets = null;
            pixelStride = raster.getNumBands();
            scanStride = 0;
        } else if (cs.isCS_sRGB() && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && raster.getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1
                && raster.getParent() == null && (sm.getNumBands() == 3 || sm.getNumBands() == 4)) {
            mode = Mode.BYTES;
            bytes = db.getData();
            bandOffsets = sm.getBandOffsets();
            pixelStride = sm.getPixelStride();
            scanStride = sm.getScanlineStride();
            ints = null;
            grayMax = 0;
        } else {
            mode = Mode.RGB;
            ints = new int[width];
            bytes = null;
            bandOffsets = null;
            pixelStride = 0;
            scanStride = 0;
            grayMax = 0;
        }
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return image.getHeight();
    }

    @Override
    public void read(int y, float[] rgb) {
        switch (mode) {
            case BYTES -> {
                int o = y * scanStride;
                int or = bandOffsets[0];
                int og = bandOffsets[1];
                int ob = bandOffsets[2];
                if (alpha) {
                    int oa = bandOffsets[3];
                    for (int x = 0, i = 0; x < width; x++, o += pixelStride, i += 3) {
                        float a = (bytes[o + oa] & 0xff) / 255f;
                        rgb[i] = (bytes[o + or] & 0xff) * a;
                        rgb[i + 1] = (bytes[o + og] & 0xff) * a;
                        rgb[i + 2] = (bytes[o + ob] & 0xff) * a;
                    }
                } else {
                    for (int x = 0, i = 0; x < width; x++, o += pixelStride, i += 3) {
                        rgb[i] = bytes[o + or] & 0xff;
                        rgb[i + 1] = bytes[o + og] & 0xff;
                        rgb[i + 2] = bytes[o + ob] & 0xff;
                    }
                }
            }
            case GRAY -> {
                image.getRaster().getPixels(0, y, width, 1, ints);
                float k = 255f / grayMax;
                for (int x = 0, i = 0; x < width; x++, i += 3) {
                    float a = alpha ? ints[x * pixelStride + 1] / (float) grayMax : 1f;
                    float v = ints[x * pixelStride] * k * a;
                    rgb[i] = v;
                    rgb[i + 1] = v;
                    rgb[i + 2] = v;
                }
            }
            default -> {
                image.getRGB(0, y, width, 1, ints, 0, width);
                for (int x = 0, i = 0; x < width; x++, i += 3) {
                    int p = ints[x];
                    float a = alpha ? (p >>> 24) / 255f : 1f;
                    rgb[i] = (p >> 16 & 0xff) * a;
                    rgb[i + 1] = (p >> 8 & 0xff) * a;
                    rgb[i + 2] = (p & 0xff) * a;
                }
            }
        }
    }
}
