package org.kinora.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads the entropy-coded data of one scan bit by bit, as FFmpeg's mjpeg decoder sees it: FFmpeg
 * first copies a scan into a buffer where stuffed {@code FF 00} becomes {@code FF}, fill bytes
 * before a marker collapse to one {@code FF}, RSTn markers stay, and the marker that ends the
 * scan leaves its {@code FF} as the last byte; past that end it reads zeros. This reader yields
 * the same bytes without copying, and counts them, so that the "bits left" checks on which FFmpeg
 * declares a scan truncated give the same answers.
 */
final class JpegBitReader {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final byte[] data;
    private final int limit;
    private final int start;

    private int pos;
    /**
     * Bits fetched and not yet consumed are the low {@link #count} bits. Block decoders keep both
     * in local variables through a block and store them back, and call {@link #fill()} when
     * fewer than 32 are left.
     */
    long acc;
    int count;
    /** Bytes of the unescaped stream fetched so far (zeros past its end included). */
    private long fetched;
    /** The second byte of an RSTn marker, to be fetched next; -1 if none. */
    private int pendingRst;
    /** Length of the unescaped stream, known once its end has been fetched; -1 before. */
    private long total;

    private int markPos;
    private long markAcc;
    private int markCount;
    private long markFetched;
    private int markPendingRst;
    private long markTotal;

    /** The scan's entropy-coded data begins at {@code start}; {@code limit} bounds the file. */
    JpegBitReader(byte[] data, int start, int limit) {
        this.data = data;
        this.start = start;
        this.limit = limit;
        rewind();
    }

    void rewind() {
        pos = start;
        acc = 0;
        count = 0;
        fetched = 0;
        pendingRst = -1;
        total = -1;
    }

    /** FFmpeg's get_bits_left(): negative once the decoder has read past the scan's end. */
    long bitsLeft() {
        if (total < 0) {
            return Long.MAX_VALUE;
        }
        return total * 8 - (fetched * 8 - count);
    }

    /** Decodes one Huffman code; throws if the bits match no code of the table. */
    int decode(JpegHuffman table) throws JpegDecodeException {
        if (count < 16) {
            fill();
        }
        int entry = table.fast[(int) (acc >>> (count - JpegHuffman.LOOKAHEAD)) & ((1 << JpegHuffman.LOOKAHEAD) - 1)];
        if (entry == 0) {
            entry = table.slowDecode((int) (acc >>> (count - 16)) & 0xFFFF);
            if (entry < 0) {
                throw new JpegDecodeException("invalid Huffman code in the scan data");
            }
        }
        count -= entry >>> 8;
        return entry & 0xFF;
    }

    /** The next {@code n} bits (0..16) as a signed coefficient difference, as JPEG's EXTEND defines it. */
    int signed(int n) {
        if (n == 0) {
            return 0;
        }
        if (count < n) {
            fill();
        }
        count -= n;
        int v = (int) (acc >>> count) & ((1 << n) - 1);
        return v >>> (n - 1) != 0 ? v : v - (1 << n) + 1;
    }

    /** The next {@code n} bits (0..24) as an unsigned number. */
    int bits(int n) {
        if (count < n) {
            fill();
        }
        count -= n;
        return (int) (acc >>> count) & ((1 << n) - 1);
    }

    int bit() {
        if (count < 1) {
            fill();
        }
        count--;
        return (int) (acc >>> count) & 1;
    }

    /** The next {@code n} bits (0..24) without consuming them. */
    int peek(int n) {
        if (count < n) {
            fill();
        }
        return (int) (acc >>> (count - n)) & ((1 << n) - 1);
    }

    /** Bits to the next byte boundary of the unescaped stream. */
    int bitsToByteBoundary() {
        return count & 7;
    }

    void skip(int n) {
        if (count < n) {
            fill();
        }
        count -= n;
    }

    void mark() {
        markPos = pos;
        markAcc = acc;
        markCount = count;
        markFetched = fetched;
        markPendingRst = pendingRst;
        markTotal = total;
    }

    void reset() {
        pos = markPos;
        acc = markAcc;
        count = markCount;
        fetched = markFetched;
        pendingRst = markPendingRst;
        total = markTotal;
    }

    /** Fetches bytes until at least 56 bits are at hand (past the scan's end it fetches zeros). */
    void fill() {
        while (count <= 56) {
            int p = pos;
            int take = 0;
            if (p + 8 <= limit && pendingRst < 0) {
                // Whole bytes up to the first FF of the next eight at once. The test may also flag
                // a byte before an FF that is not one; the byte-wise path then handles it.
                long x = (long) LONG.get(data, p);
                long inverted = ~x;
                long ff = (inverted - ONES) & ~inverted & HIGHS;
                take = Math.min(Long.numberOfLeadingZeros(ff) >>> 3, (63 - count) >>> 3);
                if (take > 0) {
                    acc = acc << (take << 3) | x >>> (64 - (take << 3));
                    count += take << 3;
                    pos = p + take;
                    fetched += take;
                }
            }
            if (take == 0) {
                acc = acc << 8 | next();
                count += 8;
            }
        }
    }

    private int next() {
        fetched++;
        int p = pos;
        if (p < limit && pendingRst < 0) {
            int b = data[p] & 0xFF;
            if (b != 0xFF) {
                pos = p + 1;
                return b;
            }
        }
        return nextSpecial();
    }

    /** An FF byte, a pending RSTn, or the end of the scan. */
    private int nextSpecial() {
        if (pendingRst >= 0) {
            int b = pendingRst;
            pendingRst = -1;
            return b;
        }
        if (total >= 0) {
            return 0;
        }
        int p = pos + 1;
        while (p < limit && data[p] == (byte) 0xFF) {
            p++;
        }
        int x = p < limit ? data[p] & 0xFF : -1;
        if (x == 0) {
            pos = p + 1;
        } else if (x >= 0xD0 && x <= 0xD7) {
            pos = p + 1;
            pendingRst = x;
        } else {
            // A marker (or the end of the file) ends the scan; its FF is the stream's last byte.
            total = fetched;
            pos = limit;
        }
        return 0xFF;
    }
}
