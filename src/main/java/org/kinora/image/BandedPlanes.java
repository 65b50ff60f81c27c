package org.kinora.image;

/**
 * A JPEG's planes as {@link YcbcrRows} reads them, decoded a band of MCU rows at a time by
 * {@link BandedJpegDecoder}, so that a picture never exists whole in memory: neither its
 * samples nor, for a progressive file, its DCT coefficients. Rows are read top to bottom, and
 * the chroma upsampling looks one chroma row above and below the current one, which at a band's
 * edge lies in the band before or after: two bands are kept, the one being read and its
 * neighbour.
 *
 * <p>A damaged file is found only when the band that reaches the damage is decoded, so reads
 * throw {@link Damaged} (unchecked: {@link RgbRows} reads cannot throw) and the caller must
 * discard whatever rows it already took.
 */
final class BandedPlanes implements YcbcrRows.Planes {

    /** Unreadable data found half-way through the picture. */
    static final class Damaged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Damaged(JpegDecodeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final BandedJpegDecoder decoder;
    private final int bandMcuRows;
    private final int bandLumaRows;
    private final int bandChromaRows;
    private final BandedJpegDecoder.Band[] bands = {new BandedJpegDecoder.Band(), new BandedJpegDecoder.Band()};
    private final int[] bandIndex = {-1, -1};
    private int lastUsed;

    /** Bands as tall as {@code budget} bytes allow (coefficients and both bands' samples), at least two MCU rows. */
    BandedPlanes(BandedJpegDecoder decoder, long budget) {
        this.decoder = decoder;
        this.bandMcuRows = mcuRowsPerBand(decoder, budget);
        this.bandLumaRows = bandMcuRows * decoder.mcuRowHeight();
        // At least one chroma row per MCU row, so a band of two or more MCU rows holds two or more
        // chroma rows and a luma row never needs bands on both sides of its own.
        this.bandChromaRows = bandMcuRows * Math.max(1, decoder.mcuRowHeight() >> decoder.chromaShiftY());
    }

    /** The picture's rows as sRGB floats. */
    static RgbRows rows(BandedJpegDecoder decoder, long budget) {
        return new YcbcrRows(decoder.width(), decoder.height(), new BandedPlanes(decoder, budget), !decoder.grey(),
                decoder.grey() ? 0 : decoder.chromaShiftX(), decoder.grey() ? 0 : decoder.chromaShiftY());
    }

    /** MCU rows per band: what fits {@code budget}, at least 2, at most the picture. */
    static int mcuRowsPerBand(BandedJpegDecoder decoder, long budget) {
        long chromaRows = Math.max(1, decoder.mcuRowHeight() >> decoder.chromaShiftY());
        long samples = (long) decoder.width() * decoder.mcuRowHeight()
                + (decoder.grey() ? 0 : 2L * decoder.chromaWidth() * chromaRows);
        long perMcuRow = decoder.bandBytesPerMcuRow() + 2 * samples;
        long rows = Math.max(2, budget / Math.max(1, perMcuRow));
        return (int) Math.min(decoder.mcuRows(), rows);
    }

    @Override
    public void luma(int y, byte[] dst, int n) {
        BandedJpegDecoder.Band b = band(y / bandLumaRows);
        check(y, b.firstRow(), b.rows());
        System.arraycopy(b.luma(), (y - b.firstRow()) * b.lumaStride(), dst, 0, n);
    }

    @Override
    public void chroma(int c, int cy, byte[] dst, int n) {
        BandedJpegDecoder.Band b = band(cy / bandChromaRows);
        check(cy, b.firstChromaRow(), b.chromaRows());
        System.arraycopy(c == 1 ? b.cb() : b.cr(), (cy - b.firstChromaRow()) * b.chromaStride(), dst, 0, n);
    }

    private static void check(int row, int first, int count) {
        if (row < first || row >= first + count) {
            throw new IllegalStateException("row " + row + " is not in the band of rows " + first + ".." + (first + count - 1));
        }
    }

    private BandedJpegDecoder.Band band(int k) {
        if (bandIndex[lastUsed] == k) {
            return bands[lastUsed];
        }
        int other = 1 - lastUsed;
        if (bandIndex[other] != k) {
            int first = k * bandMcuRows;
            bandIndex[other] = -1;
            try {
                decoder.decode(first, Math.min(decoder.mcuRows(), first + bandMcuRows), bands[other]);
            } catch (JpegDecodeException e) {
                throw new Damaged(e);
            }
            bandIndex[other] = k;
        }
        lastUsed = other;
        return bands[other];
    }
}
