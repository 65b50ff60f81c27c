package org.kinora.image;

import java.util.Arrays;
import java.util.List;

/**
 * A pure-Java JPEG decoder that delivers the Y'CbCr planes a band of MCU rows at a time, with
 * memory bounded by the band: its planes are bit-identical to those of FFmpeg's mjpeg decoder
 * (with {@code idct=int}, at lowres 0..3; the tests compare with FFmpeg through {@code FfmpegJpegDecoder}). libavcodec holds every
 * DCT coefficient of a progressive picture (128 bytes per 8x8 block) plus the whole frame; this
 * decoder holds coefficients only for the blocks of the band it outputs.
 *
 * <p>How: every scan keeps its own reading position (a {@link BandedJpegScan}), and a band is
 * decoded by running each scan, in file order, over the band's rows only. Progressive AC scans
 * need to know which coefficients of a block earlier scans made nonzero, which for the band's
 * blocks the stored coefficients tell; the values are kept only for the top-left coefficients the
 * lowres IDCT reads. Sequential (baseline) files store no coefficients at all. Bands requested in
 * order cost one decode of the file in all; a band above the current position starts the scans
 * over from the top.
 *
 * <p>Scope: 8-bit Huffman JPEG, sequential (SOF0, SOF1) or progressive (SOF2), grey or Y'CbCr
 * 4:4:4, 4:2:2, 4:2:0, 4:4:0, with restart intervals; anything else, and damaged data, throws a
 * {@link JpegDecodeException} saying why. Damage is found when the band that reaches it is decoded,
 * so a caller must treat an exception from any band as a failure of the whole picture. Not
 * thread-safe.
 */
final class BandedJpegDecoder {

    /** The deepest DCT-domain reduction: 1/8 (FFmpeg's {@code lowres} 3). */
    static final int MAX_LOWRES = 3;

    /** The planes of one band: rows {@code [firstRow, firstRow + rows)} of the picture's luma plane, and chroma alike. */
    static final class Band {
        private byte[] luma = new byte[0];
        private byte[] cb = new byte[0];
        private byte[] cr = new byte[0];
        private int lumaStride;
        private int chromaStride;
        private int firstRow;
        private int rows;
        private int firstChromaRow;
        private int chromaRows;

        /** Luma samples: picture row y, column x at {@code (y - firstRow()) * lumaStride() + x}. */
        byte[] luma() {
            return luma;
        }

        /** Cb samples, addressed like {@link #luma()} with the chroma rows and stride; empty for grey. */
        byte[] cb() {
            return cb;
        }

        byte[] cr() {
            return cr;
        }

        int lumaStride() {
            return lumaStride;
        }

        int chromaStride() {
            return chromaStride;
        }

        int firstRow() {
            return firstRow;
        }

        int rows() {
            return rows;
        }

        int firstChromaRow() {
            return firstChromaRow;
        }

        int chromaRows() {
            return chromaRows;
        }

        private byte[] plane(int c) {
            return c == 0 ? luma : c == 1 ? cb : cr;
        }
    }

    private final int lowres;
    private final boolean progressive;
    private final int components;
    private final int[] hs;
    private final int[] vs;
    /** Per component: FFmpeg's block grid (blocks that hold picture samples, MCU padding excluded). */
    private final int[] blocksWide;
    private final int[] blocksHigh;
    private final int[] planeWidth;
    private final int[] planeHeight;
    private final int mcuCols;
    private final int mcuRows;
    private final int shiftX;
    private final int shiftY;
    /** Output samples per block side: 8 >> lowres. */
    private final int blockSize;
    /** Coefficients stored per block: the top-left blockSize x blockSize. */
    private final int coefs;
    private final BandedJpegScan[] scans;
    private final JpegIdct idct = new JpegIdct();
    /** Zigzag index to index in the stored coefficients, -1 where not stored. */
    private final int[] storePos;
    /** The AC coefficients that are stored, as zigzag index bits: a block without any of them is flat. */
    private final long storedAc;
    /** A sequential block's stored coefficients, zero between blocks. */
    private final short[] block;

    /** MCU row that every scan has reached. */
    private int position;
    private String failure;
    /** Progressive band storage per component: nonzero masks and stored coefficients of the band's blocks. */
    private final long[][] masks;
    private final short[][] values;

    private BandedJpegDecoder(byte[] data, int length, int lowres, BandedJpegHeaders headers) {
        this.lowres = lowres;
        this.progressive = headers.progressive;
        this.components = headers.components.length;
        boolean grey = components == 1;
        hs = new int[components];
        vs = new int[components];
        for (int c = 0; c < components; c++) {
            // FFmpeg decodes a lone component block by block, whatever sampling factors it declares.
            hs[c] = grey ? 1 : headers.components[c].h();
            vs[c] = grey ? 1 : headers.components[c].v();
        }
        int hMax = hs[0];
        int vMax = vs[0];
        int w = headers.width;
        int h = headers.height;
        mcuCols = ceilDiv(w, 8 * hMax);
        mcuRows = ceilDiv(h, 8 * vMax);
        shiftX = Integer.numberOfTrailingZeros(hMax);
        shiftY = Integer.numberOfTrailingZeros(vMax);
        blockSize = 8 >> lowres;
        coefs = blockSize * blockSize;
        blocksWide = new int[components];
        blocksHigh = new int[components];
        planeWidth = new int[components];
        planeHeight = new int[components];
        int outW = ceilShift(w, lowres);
        int outH = ceilShift(h, lowres);
        for (int c = 0; c < components; c++) {
            blocksWide[c] = ceilDiv(w, 8 * hMax / hs[c]);
            blocksHigh[c] = ceilDiv(h, 8 * vMax / vs[c]);
            planeWidth[c] = c == 0 ? outW : ceilShift(outW, shiftX);
            planeHeight[c] = c == 0 ? outH : ceilShift(outH, shiftY);
        }
        storePos = new int[64];
        long ac = 0;
        for (int i = 0; i < 64; i++) {
            int natural = BandedJpegHeaders.ZIGZAG[i];
            int r = natural >> 3;
            int col = natural & 7;
            storePos[i] = r < blockSize && col < blockSize ? r * blockSize + col : -1;
            ac |= i > 0 && storePos[i] >= 0 ? 1L << i : 0;
        }
        storedAc = ac;
        List<BandedJpegHeaders.Scan> list = headers.scans;
        scans = new BandedJpegScan[list.size()];
        for (int i = 0; i < scans.length; i++) {
            scans[i] = new BandedJpegScan(list.get(i), data, length, storePos);
        }
        block = new short[coefs];
        masks = new long[components][0];
        values = new short[components][0];
    }

    /**
     * Reads the headers of {@code data[0, length)} (no pixels yet) for decoding at 1/2^{@code lowres}
     * of full size.
     */
    static BandedJpegDecoder open(byte[] data, int length, int lowres) throws JpegDecodeException {
        if (lowres < 0 || lowres > MAX_LOWRES) {
            throw new IllegalArgumentException("lowres " + lowres);
        }
        int end = Math.min(length, data.length);
        try {
            return new BandedJpegDecoder(data, end, lowres, BandedJpegHeaders.parse(data, end));
        } catch (RuntimeException e) {
            throw new JpegDecodeException("damaged headers (" + e + ")", e);
        }
    }

    /** Luma width at this lowres: the full width divided by 2^lowres, rounded up, as FFmpeg does. */
    int width() {
        return planeWidth[0];
    }

    int height() {
        return planeHeight[0];
    }

    boolean grey() {
        return components == 1;
    }

    /** log2 of the horizontal chroma subsampling (0 or 1); 0 for grey. */
    int chromaShiftX() {
        return shiftX;
    }

    int chromaShiftY() {
        return shiftY;
    }

    /** Chroma plane width: the luma width halved (rounded up) per chroma shift; 0 for grey. */
    int chromaWidth() {
        return components == 1 ? 0 : planeWidth[1];
    }

    int chromaHeight() {
        return components == 1 ? 0 : planeHeight[1];
    }

    int mcuRows() {
        return mcuRows;
    }

    /** Output luma rows per MCU row at this lowres (the last MCU row may have fewer). */
    int mcuRowHeight() {
        return vs[0] * blockSize;
    }

    /**
     * Coefficient memory one MCU row of a band needs: a nonzero mask and the stored coefficients of
     * each block, for progressive files; 0 for sequential ones, which store none.
     */
    long bandBytesPerMcuRow() {
        if (!progressive) {
            return 0;
        }
        long bytes = 0;
        for (int c = 0; c < components; c++) {
            bytes += (long) vs[c] * blocksWide[c] * (Long.BYTES + Short.BYTES * coefs);
        }
        return bytes;
    }

    /** The most MCU rows (at least 1) a band may have for its coefficients to fit in {@code budget} bytes. */
    int mcuRowsForBudget(long budget) {
        long perRow = bandBytesPerMcuRow();
        return perRow == 0 ? mcuRows : (int) Math.max(1, Math.min(mcuRows, budget / perRow));
    }

    /**
     * Decodes MCU rows {@code [firstMcuRow, endMcuRow)} into {@code out}: luma rows from
     * {@code firstMcuRow * mcuRowHeight()} to the band's end or the picture's, and the chroma rows
     * they cover. {@code out}'s arrays are reused when large enough.
     */
    void decode(int firstMcuRow, int endMcuRow, Band out) throws JpegDecodeException {
        if (firstMcuRow < 0 || endMcuRow > mcuRows || firstMcuRow >= endMcuRow) {
            throw new IllegalArgumentException("MCU rows " + firstMcuRow + ".." + endMcuRow + " of " + mcuRows);
        }
        if (failure != null) {
            throw new JpegDecodeException(failure);
        }
        try {
            if (firstMcuRow < position) {
                for (BandedJpegScan s : scans) {
                    s.rewind();
                }
                position = 0;
            }
            int bandRows = endMcuRow - firstMcuRow;
            while (position < firstMcuRow) {
                int to = progressive ? Math.min(firstMcuRow, position + bandRows) : firstMcuRow;
                rows(position, to, null);
                position = to;
            }
            prepare(out, firstMcuRow, endMcuRow);
            rows(firstMcuRow, endMcuRow, out);
            position = endMcuRow;
        } catch (JpegDecodeException e) {
            failure = e.getMessage();
            throw e;
        } catch (RuntimeException e) {
            failure = "damaged data (" + e + ")";
            throw new JpegDecodeException(failure, e);
        }
    }

    private void prepare(Band out, int first, int end) {
        for (int c = 0; c < components; c++) {
            int y0 = first * vs[c] * blockSize;
            int rows = Math.min(end * vs[c] * blockSize, planeHeight[c]) - y0;
            int size = rows * planeWidth[c];
            if (out.plane(c).length < size) {
                byte[] plane = new byte[size];
                if (c == 0) {
                    out.luma = plane;
                } else if (c == 1) {
                    out.cb = plane;
                } else {
                    out.cr = plane;
                }
            }
            if (c == 0) {
                out.firstRow = y0;
                out.rows = rows;
                out.lumaStride = planeWidth[0];
            } else {
                out.firstChromaRow = y0;
                out.chromaRows = rows;
                out.chromaStride = planeWidth[c];
            }
        }
    }

    /** Runs every scan over MCU rows [first, end); writes the samples to {@code out} unless it is null. */
    private void rows(int first, int end, Band out) throws JpegDecodeException {
        if (progressive) {
            clearBand(first, end, out != null);
        }
        for (BandedJpegScan s : scans) {
            if (s.scan.components().length > 1) {
                interleaved(s, first, end, out);
            } else {
                single(s, first, end, out);
            }
        }
        if (progressive && out != null) {
            for (int c = 0; c < components; c++) {
                int firstBlockRow = first * vs[c];
                int lastBlockRow = Math.min(end * vs[c], blocksHigh[c]);
                for (int by = firstBlockRow, b = 0; by < lastBlockRow; by++) {
                    for (int bx = 0; bx < blocksWide[c]; bx++, b++) {
                        put(c, bx, by, values[c], b * coefs, (masks[c][b] & storedAc) == 0, out);
                    }
                }
            }
        }
    }

    /** Zeroes the masks (and, when it outputs, the coefficients) of the blocks of MCU rows [first, end). */
    private void clearBand(int first, int end, boolean store) {
        for (int c = 0; c < components; c++) {
            int blocks = (Math.min(end * vs[c], blocksHigh[c]) - first * vs[c]) * blocksWide[c];
            if (masks[c].length < blocks) {
                masks[c] = new long[blocks];
            }
            Arrays.fill(masks[c], 0, blocks, 0L);
            if (store) {
                if (values[c].length < blocks * coefs) {
                    values[c] = new short[blocks * coefs];
                }
                Arrays.fill(values[c], 0, blocks * coefs, (short) 0);
            }
        }
    }

    /** A scan of several components over MCU rows [first, end): FFmpeg's mjpeg_decode_scan. */
    private void interleaved(BandedJpegScan s, int first, int end, Band out) throws JpegDecodeException {
        int[] comps = s.scan.components();
        boolean refine = s.scan.ah() != 0;
        for (int my = first; my < end; my++) {
            for (int mx = 0; mx < mcuCols; mx++) {
                s.startUnit();
                checkNotPastEnd(s);
                for (int ci = 0; ci < comps.length; ci++) {
                    int c = comps[ci];
                    for (int y = 0; y < vs[c]; y++) {
                        for (int x = 0; x < hs[c]; x++) {
                            int bx = mx * hs[c] + x;
                            int by = my * vs[c] + y;
                            boolean inside = bx < blocksWide[c] && by < blocksHigh[c];
                            if (!progressive) {
                                sequential(s, ci, c, bx, by, inside ? out : null);
                            } else {
                                dc(s, ci, refine, c, inside ? (by - first * vs[c]) * blocksWide[c] + bx : -1, out);
                            }
                        }
                    }
                }
                s.endUnit();
            }
        }
    }

    /** A scan of one component over the block rows of MCU rows [first, end): one block per unit. */
    private void single(BandedJpegScan s, int first, int end, Band out) throws JpegDecodeException {
        int c = s.scan.components()[0];
        boolean ac = progressive && s.scan.ss() > 0;
        boolean refine = s.scan.ah() != 0;
        int firstRow = first * vs[c];
        int endRow = Math.min(end * vs[c], blocksHigh[c]);
        int wide = blocksWide[c];
        long[] mask = masks[c];
        short[] vals = out == null ? null : values[c];
        for (int by = firstRow; by < endRow; by++) {
            if (ac && s.in.bitsLeft() <= 0) {
                throw new JpegDecodeException("scan data is truncated");
            }
            for (int bx = 0; bx < wide; bx++) {
                s.startUnit();
                int b = (by - firstRow) * wide + bx;
                if (ac) {
                    if (refine) {
                        s.acRefine(mask, b, vals, b * coefs);
                    } else {
                        s.acFirst(mask, b, vals, b * coefs);
                    }
                    checkNotPastEnd(s);
                } else {
                    checkNotPastEnd(s);
                    if (progressive) {
                        dc(s, 0, refine, c, b, out);
                    } else {
                        sequential(s, 0, c, bx, by, out);
                    }
                }
                s.endUnit();
            }
        }
    }

    private static void checkNotPastEnd(BandedJpegScan s) throws JpegDecodeException {
        if (s.in.bitsLeft() < 0) {
            throw new JpegDecodeException("scan data is truncated");
        }
    }

    /** A progressive DC coefficient of band block {@code b} (-1: MCU padding, parsed only). */
    private void dc(BandedJpegScan s, int ci, boolean refine, int c, int b, Band out) throws JpegDecodeException {
        short[] vals = out == null || b < 0 ? null : values[c];
        int at = b * coefs;
        if (refine) {
            s.dcRefine(ci, vals, at);
        } else {
            s.dcFirst(ci, vals, at);
        }
    }

    /** A sequential block: decoded, and written to {@code out} unless it is null. */
    private void sequential(BandedJpegScan s, int ci, int c, int bx, int by, Band out) throws JpegDecodeException {
        if (out == null) {
            s.sequentialBlock(ci, null);
            return;
        }
        long stored = s.sequentialBlock(ci, block);
        put(c, bx, by, block, 0, stored == 0, out);
        block[0] = 0;
        for (; stored != 0; stored &= stored - 1) {
            block[storePos[Long.numberOfTrailingZeros(stored)]] = 0;
        }
    }

    /** Inverse-transforms a block into the band's plane of component c, cut at the plane's edges. */
    private void put(int c, int bx, int by, short[] coef, int at, boolean dcOnly, Band out) {
        int x = bx * blockSize;
        int y = by * blockSize;
        int stride = planeWidth[c];
        int bandY = c == 0 ? out.firstRow : out.firstChromaRow;
        int w = Math.min(blockSize, planeWidth[c] - x);
        int h = Math.min(blockSize, planeHeight[c] - y);
        idct.put(lowres, coef, at, dcOnly, out.plane(c), (y - bandY) * stride + x, stride, w, h);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** FFmpeg's AV_CEIL_RSHIFT. */
    private static int ceilShift(int a, int shift) {
        return -(-a >> shift);
    }
}
