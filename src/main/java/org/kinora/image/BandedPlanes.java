package org.kinora.image;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;

/**
 * A JPEG's planes as {@link YcbcrRows} reads them, decoded a band of MCU rows at a time by
 * {@link BandedJpegDecoder}, so that a picture never exists whole in memory: neither its
 * samples nor, for a progressive file, its DCT coefficients. Rows are read top to bottom, and
 * the chroma upsampling looks one chroma row above and below the current one, which at a band's
 * edge lies in the band before or after: three bands are kept, the one being read, the one
 * before it, and the next one, which a helper thread decodes while this one is read.
 *
 * <p>Decoding (entropy decoding and the IDCT) and what the reader does with the rows (colour
 * conversion, downscaling) cost about the same, so where a core is free a photo loads in about
 * 70% of the time (decision 0010). Bands are still decoded one at a time and in order (each
 * scan's bit position carries over from one band to the next); when the helper has not started
 * the next band by the time it is needed, the reader decodes it itself.
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

    private static final int BUFFERS = 3;

    /**
     * Helper threads, made as needed and ended after a minute unused. Not the common fork-join
     * pool: its idle workers spin looking for work before they sleep, which at preview sizes (a
     * band every millisecond or two) cost about a tenth more CPU per photo.
     */
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "kinora-jpeg-band");
        t.setDaemon(true);
        return t;
    });

    private final BandedJpegDecoder decoder;
    private final Executor helper;
    private final int bandMcuRows;
    private final int bandLumaRows;
    private final int bandChromaRows;
    private final int bandCount;
    private final BandedJpegDecoder.Band[] bands = new BandedJpegDecoder.Band[BUFFERS];
    /** Which band each buffer holds, -1 for none (or one being decoded). */
    private final int[] bandIndex = {-1, -1, -1};
    private int lastUsed;
    /** The next band, being decoded by the helper into buffer {@link #aheadBuffer}, or null. */
    private FutureTask<Void> ahead;
    private int aheadIndex = -1;
    private int aheadBuffer = -1;

    /**
     * Bands as tall as {@code budget} bytes allow (coefficients and three bands' samples), at least
     * two MCU rows; the band after the one being read is decoded on {@code helper}.
     */
    BandedPlanes(BandedJpegDecoder decoder, long budget, Executor helper) {
        this.decoder = decoder;
        this.helper = helper;
        this.bandMcuRows = mcuRowsPerBand(decoder, budget);
        this.bandLumaRows = bandMcuRows * decoder.mcuRowHeight();
        // At least one chroma row per MCU row, so a band of two or more MCU rows holds two or more
        // chroma rows and a luma row never needs bands on both sides of its own.
        this.bandChromaRows = bandMcuRows * Math.max(1, decoder.mcuRowHeight() >> decoder.chromaShiftY());
        this.bandCount = (decoder.mcuRows() + bandMcuRows - 1) / bandMcuRows;
        for (int i = 0; i < BUFFERS; i++) {
            bands[i] = new BandedJpegDecoder.Band();
        }
    }

    /** The picture's rows as sRGB floats, the next band decoded on a helper thread. */
    static RgbRows rows(BandedJpegDecoder decoder, long budget) {
        return rows(decoder, budget, HELPERS);
    }

    /** The picture's rows as sRGB floats, the next band decoded on {@code helper}. */
    static RgbRows rows(BandedJpegDecoder decoder, long budget, Executor helper) {
        boolean grey = decoder.grey();
        return new YcbcrRows(decoder.width(), decoder.height(), new BandedPlanes(decoder, budget, helper), !grey,
                grey ? 0 : decoder.chromaShiftX(), grey ? 0 : decoder.chromaShiftY());
    }

    /** MCU rows per band: what fits {@code budget}, at least 2, at most the picture. */
    static int mcuRowsPerBand(BandedJpegDecoder decoder, long budget) {
        long chromaRows = Math.max(1, decoder.mcuRowHeight() >> decoder.chromaShiftY());
        long samples = (long) decoder.width() * decoder.mcuRowHeight()
                + (decoder.grey() ? 0 : 2L * decoder.chromaWidth() * chromaRows);
        long perMcuRow = decoder.bandBytesPerMcuRow() + BUFFERS * samples;
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
        int buffer = held(k);
        if (buffer < 0) {
            buffer = aheadIndex == k ? finishAhead() : decodeNow(k);
        }
        lastUsed = buffer;
        startAhead(k + 1);
        return bands[buffer];
    }

    private int held(int k) {
        for (int i = 0; i < BUFFERS; i++) {
            if (bandIndex[i] == k) {
                return i;
            }
        }
        return -1;
    }

    /** Decodes band k on this thread, after the helper's band, if any (bands decode one at a time). */
    private int decodeNow(int k) {
        if (ahead != null) {
            try {
                finishAhead();
            } catch (Damaged laterBand) {
                // The band the helper decoded is not the one needed; the decoder remembers the
                // damage and reports it again when a band that reaches it is decoded.
            }
        }
        int buffer = freeBufferFor(k);
        decode(k, buffer);
        bandIndex[buffer] = k;
        return buffer;
    }

    /** Starts decoding band k on the helper, unless it is past the end, held, or already under way. */
    private void startAhead(int k) {
        if (k >= bandCount || ahead != null || held(k) >= 0) {
            return;
        }
        int buffer = freeBufferFor(k);
        bandIndex[buffer] = -1;
        aheadIndex = k;
        aheadBuffer = buffer;
        ahead = new FutureTask<>(() -> {
            decode(k, buffer);
            return null;
        });
        helper.execute(ahead);
    }

    /** Waits for the helper's band, decoding it here if the helper has not started it; returns its buffer. */
    private int finishAhead() {
        FutureTask<Void> task = ahead;
        int buffer = aheadBuffer;
        int k = aheadIndex;
        ahead = null;
        aheadIndex = -1;
        aheadBuffer = -1;
        task.run(); // does nothing if the helper has started it
        awaitUninterruptibly(task);
        bandIndex[buffer] = k;
        return buffer;
    }

    /**
     * Waits for a band (a few milliseconds) as if this thread decoded it itself, which no
     * interrupt stops either; an interrupt stays set for the caller to see.
     */
    private static void awaitUninterruptibly(FutureTask<Void> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re; // Damaged included
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The buffer holding the band farthest from k (none counts as farthest), never the one being read. */
    private int freeBufferFor(int k) {
        int best = -1;
        int distance = -1;
        for (int i = 0; i < BUFFERS; i++) {
            if (i == aheadBuffer || (i == lastUsed && bandIndex[i] >= 0)) {
                continue;
            }
            int d = bandIndex[i] < 0 ? Integer.MAX_VALUE : Math.abs(bandIndex[i] - k);
            if (d > distance) {
                best = i;
                distance = d;
            }
        }
        return best;
    }

    private void decode(int k, int buffer) {
        int first = k * bandMcuRows;
        try {
            decoder.decode(first, Math.min(decoder.mcuRows(), first + bandMcuRows), bands[buffer]);
        } catch (JpegDecodeException e) {
            throw new Damaged(e);
        }
    }
}
