package org.kinora.image;

/**
 * An image read one row at a time as interleaved sRGB floats (0..255): whatever decoded it (an
 * ImageIO raster, a native Y'CbCr frame), the downscaler sees only rows.
 */
interface RgbRows {

    int width();

    int height();

    /**
     * Row y as interleaved floats: r, g, b of pixel x at 3x, 3x+1, 3x+2 ({@code rgb} holds at
     * least 3 * width). Interleaved so that one horizontal filter pass shares each weight and
     * index across the three channels.
     */
    void read(int y, float[] rgb);
}
