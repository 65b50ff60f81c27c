package org.kinora.image;

import java.util.Arrays;

/**
 * One scan being decoded: its bit position, DC predictions, end-of-band run and restart count
 * survive between bands, so that each scan is read once from top to bottom however many bands
 * the picture is cut into. The block methods reproduce FFmpeg's mjpeg decoder (decode_block,
 * decode_dc_progressive, decode_block_progressive, decode_block_refinement, handle_rstn),
 * including how it dequantises into 16-bit coefficients and which damage it rejects.
 *
 * <p>Progressive AC scans need to know, per block, which coefficients earlier scans made nonzero;
 * that is a bit mask per block ({@code long}, bit i for zigzag index i). Coefficient values are
 * stored only where the caller passes an array, that is for blocks of the band being output.
 */
final class BandedJpegScan {

    /** FFmpeg's initial DC prediction, 4 << bits: the level shift of 128 times the DCT's 8. */
    private static final int DC_START = 4 << 8;

    final BandedJpegHeaders.Scan scan;
    final JpegBitReader in;

    private final int[] lastDc = new int[4];
    private int eobrun;
    private int restartCount;
    /** Zigzag index to index in the stored top-left coefficients, -1 where not stored. */
    private final int[] storePos;
    /** AC scans: quantiser << Al by zigzag index. */
    private final int[] scaledQuant = new int[64];
    /**
     * AC scans: the largest coefficient size (in bits) at each zigzag index whose value, with all
     * later refinements, still fits FFmpeg's 16-bit coefficients.
     */
    private final int[] sizeLimit = new int[64];

    BandedJpegScan(BandedJpegHeaders.Scan scan, byte[] data, int length, int[] storePos) {
        this.scan = scan;
        this.in = new JpegBitReader(data, scan.dataStart(), length);
        this.storePos = storePos;
        int[] q = scan.quant()[0];
        for (int i = 0; i < 64; i++) {
            scaledQuant[i] = q[i] << scan.al();
            int size = 0;
            while (size < 16 && (long) scaledQuant[i] << (size + 1) <= 32768) {
                size++;
            }
            sizeLimit[i] = size;
        }
        rewind();
    }

    void rewind() {
        in.rewind();
        eobrun = 0;
        restartCount = 0;
        Arrays.fill(lastDc, DC_START);
    }

    /** Before each MCU (each block in a one-component scan). */
    void startUnit() {
        if (scan.restartInterval() != 0 && restartCount == 0) {
            restartCount = scan.restartInterval();
        }
    }

    /** After each MCU: FFmpeg's handle_rstn, which consumes an RSTn marker when one is due and present. */
    void endUnit() {
        if (scan.restartInterval() == 0 || --restartCount != 0) {
            return;
        }
        int n = 8 + in.bitsToByteBoundary();
        int v = in.peek(n);
        if (v != (1 << n) - 1 && v != 0xFF) {
            return;
        }
        in.mark();
        in.skip(in.bitsToByteBoundary());
        while (in.bitsLeft() >= 8 && in.peek(8) == 0xFF) {
            in.skip(8);
        }
        if (in.bitsLeft() >= 8 && (in.bits(8) & 0xF8) == 0xD0) {
            Arrays.fill(lastDc, DC_START);
            eobrun = 0;
        } else {
            in.reset();
        }
    }

    /**
     * FFmpeg's decode_block: a block of a sequential scan, dequantised into the stored
     * coefficients of {@code blk} (which must be zero), or only parsed when {@code blk} is null.
     * Returns the zigzag indexes of the AC coefficients it stored, as bits.
     */
    long sequentialBlock(int ci, short[] blk) throws JpegDecodeException {
        JpegBitReader in = this.in;
        int[] q = scan.quant()[ci];
        int val = in.signed(dcSize(ci)) * q[0] + lastDc[ci];
        lastDc[ci] = val;
        if (blk != null) {
            blk[0] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, val));
        }
        JpegHuffman table = scan.ac()[ci];
        int[] fast = table.fast;
        int[] fastAc = table.fastAc;
        int[] pos = storePos;
        long stored = 0;
        // The bit buffer lives in locals through the block (see JpegBitReader.acc).
        long acc = in.acc;
        int count = in.count;
        int i = 0;
        do {
            if (count < 32) {
                in.acc = acc;
                in.count = count;
                in.fill();
                acc = in.acc;
                count = in.count;
            }
            int look = (int) (acc >>> (count - JpegHuffman.LOOKAHEAD)) & ((1 << JpegHuffman.LOOKAHEAD) - 1);
            int level;
            int e = fastAc[look];
            if (e != 0) {
                // Code and extra bits in one look-up.
                count -= e & 0xFF;
                i += (e >> 8 & 15) + 1;
                level = e >> 16;
            } else {
                int entry = fast[look];
                if (entry == 0) {
                    entry = table.slowDecode((int) (acc >>> (count - 16)) & 0xFFFF);
                    if (entry < 0) {
                        throw new JpegDecodeException("invalid Huffman code in the scan data");
                    }
                }
                count -= entry >>> 8;
                int symbol = entry & 0xFF;
                if (symbol == 0) {
                    break; // end of block
                }
                i += (symbol >> 4) + 1;
                int size = symbol & 15;
                if (size == 0) {
                    continue;
                }
                count -= size;
                int v = (int) (acc >>> count) & ((1 << size) - 1);
                level = v >>> (size - 1) != 0 ? v : v - (1 << size) + 1;
            }
            if (i > 63) {
                throw new JpegDecodeException("AC coefficients run past the end of a block");
            }
            if (blk != null && pos[i] >= 0) {
                blk[pos[i]] = (short) (level * q[i]);
                stored |= 1L << i;
            }
        } while (i < 63);
        in.acc = acc;
        in.count = count;
        return stored;
    }

    /** FFmpeg's decode_dc_progressive: the first scan of DC coefficients. */
    void dcFirst(int ci, short[] vals, int vi) throws JpegDecodeException {
        int val = in.signed(dcSize(ci)) * (scan.quant()[ci][0] << scan.al()) + lastDc[ci];
        lastDc[ci] = val;
        if (vals != null) {
            vals[vi] = (short) val;
        }
    }

    /** A DC refinement bit. */
    void dcRefine(int ci, short[] vals, int vi) {
        int bit = in.bit();
        if (vals != null) {
            vals[vi] = (short) (vals[vi] + (bit * scan.quant()[ci][0] << scan.al()));
        }
    }

    private int dcSize(int ci) throws JpegDecodeException {
        int size = in.decode(scan.dc()[ci]);
        if (size > 16) {
            throw new JpegDecodeException("DC difference of " + size + " bits");
        }
        return size;
    }

    /** FFmpeg's decode_block_progressive: the first scan of a band of AC coefficients. */
    void acFirst(long[] masks, int mi, short[] vals, int vi) throws JpegDecodeException {
        if (eobrun > 0) {
            eobrun--;
            return;
        }
        JpegBitReader in = this.in;
        JpegHuffman table = scan.ac()[0];
        int se = scan.se();
        long m = masks[mi];
        for (int i = scan.ss(); ; i++) {
            int symbol = in.decode(table);
            int run = symbol >> 4;
            int size = symbol & 15;
            if (size != 0) {
                i += run;
                int level = in.signed(size);
                if (i >= se) {
                    if (i > se) {
                        throw new JpegDecodeException("AC coefficients run past the end of a spectral band");
                    }
                    m = set(m, se, size, level, vals, vi);
                    break;
                }
                m = set(m, i, size, level, vals, vi);
            } else if (run == 15) {
                i += 15;
                if (i >= se) {
                    throw new JpegDecodeException("zero run past the end of a spectral band");
                }
            } else {
                eobrun = (1 << run) - 1 + in.bits(run);
                break;
            }
        }
        masks[mi] = m;
    }

    private long set(long m, int i, int size, int level, short[] vals, int vi) throws JpegDecodeException {
        if (size > sizeLimit[i]) {
            throw new JpegDecodeException("coefficient too large for 16 bits");
        }
        if (vals != null && storePos[i] >= 0) {
            vals[vi + storePos[i]] = (short) (level * scaledQuant[i]);
        }
        return m | 1L << i;
    }

    /** FFmpeg's decode_block_refinement: one more bit of a band of AC coefficients. */
    void acRefine(long[] masks, int mi, short[] vals, int vi) throws JpegDecodeException {
        JpegBitReader in = this.in;
        int se = scan.se();
        long m = masks[mi];
        int i = scan.ss();
        if (eobrun > 0) {
            eobrun--;
        } else {
            JpegHuffman table = scan.ac()[0];
            for (; ; i++) {
                int symbol = in.decode(table);
                int run = symbol >> 4;
                if ((symbol & 15) != 0) {
                    int positive = in.bit();
                    i = zeroRun(m, i, run, vals, vi);
                    if (sizeLimit[i] < 1) {
                        throw new JpegDecodeException("coefficient too large for 16 bits");
                    }
                    m |= 1L << i;
                    if (vals != null && storePos[i] >= 0) {
                        vals[vi + storePos[i]] = (short) (positive != 0 ? scaledQuant[i] : -scaledQuant[i]);
                    }
                    if (i == se) {
                        masks[mi] = m;
                        return;
                    }
                } else if (run == 15) {
                    i = zeroRun(m, i, 15, vals, vi);
                } else {
                    eobrun = (1 << run) - 1 + in.bits(run);
                    break;
                }
            }
        }
        if (i <= se) {
            refine(m & -1L << i & -1L >>> (63 - se), vals, vi);
        }
        masks[mi] = m;
    }

    /**
     * From index {@code i}, refines the nonzero coefficients passed and returns the index of the
     * ({@code run} + 1)th zero coefficient.
     */
    private int zeroRun(long m, int i, int run, short[] vals, int vi) throws JpegDecodeException {
        int se = scan.se();
        long zeros = i > se ? 0 : ~m & -1L << i & -1L >>> (63 - se);
        for (; run > 0 && zeros != 0; run--) {
            zeros &= zeros - 1;
        }
        if (zeros == 0) {
            throw new JpegDecodeException("zero run past the end of a spectral band");
        }
        int target = Long.numberOfTrailingZeros(zeros);
        refine(m & -1L << i & ~(-1L << target), vals, vi);
        return target;
    }

    /**
     * Correction bits for the nonzero coefficients at the zigzag indexes in {@code positions}, one
     * each in index order: a 1 moves a coefficient away from zero by quantiser << Al.
     */
    private void refine(long positions, short[] vals, int vi) {
        while (positions != 0) {
            // Up to 24 bits at once; most are 0, and then there is nothing to correct.
            int n = Math.min(Long.bitCount(positions), 24);
            int bits = in.bits(n);
            if (bits == 0 || vals == null) {
                for (int k = 0; k < n; k++) {
                    positions &= positions - 1;
                }
                continue;
            }
            for (int k = n - 1; k >= 0; k--) {
                int i = Long.numberOfTrailingZeros(positions);
                positions &= positions - 1;
                if ((bits >>> k & 1) != 0 && storePos[i] >= 0) {
                    int at = vi + storePos[i];
                    int sign = vals[at] >> 15;
                    vals[at] = (short) (vals[at] + (((scan.quant()[0][i] ^ sign) - sign) << scan.al()));
                }
            }
        }
    }
}
