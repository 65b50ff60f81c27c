package org.kinora.image;

/**
 * One Huffman table of a JPEG file (a DHT entry), ready for decoding: codes of up to
 * {@link #LOOKAHEAD} bits come from one table look-up, longer ones from the canonical code ranges.
 * Codes are assigned as in JPEG (and FFmpeg): by length, then in symbol-list order.
 */
final class JpegHuffman {

    /** Bits looked at in one step: 9, like FFmpeg's mjpeg tables; nearly all codes are shorter. */
    static final int LOOKAHEAD = 9;

    /** By the next LOOKAHEAD bits: code length << 8 | symbol, or 0 where the code is longer or invalid. */
    final int[] fast = new int[1 << LOOKAHEAD];
    /**
     * For AC tables, by the next LOOKAHEAD bits when they hold both a code of a nonzero
     * coefficient and its extra bits: level << 16 | size << 12 | run << 8 | bits used; else 0.
     */
    final int[] fastAc = new int[1 << LOOKAHEAD];
    /** By code length: the largest code of that length, -1 if there is none. */
    private final int[] maxCode = new int[17];
    /** By code length: add to a code of that length to get its index in {@link #symbols}. */
    private final int[] offset = new int[17];
    private final int[] symbols;

    /**
     * @param counts number of codes of each length 1..16 ({@code counts[0]} is for length 1)
     * @param symbols the symbols in code order
     */
    JpegHuffman(int[] counts, int[] symbols) throws JpegDecodeException {
        this.symbols = symbols.clone();
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            offset[len] = k - code;
            maxCode[len] = n == 0 ? -1 : code + n - 1;
            for (int i = 0; i < n; i++, k++, code++) {
                if (len <= LOOKAHEAD) {
                    int shift = LOOKAHEAD - len;
                    int entry = len << 8 | symbols[k];
                    for (int fill = code << shift, end = (code + 1) << shift; fill < end; fill++) {
                        fast[fill] = entry;
                    }
                }
            }
            if (code > 1 << len) {
                throw new JpegDecodeException("Huffman table has more codes than fit their lengths");
            }
            code <<= 1;
        }
        for (int look = 0; look < fast.length; look++) {
            int len = fast[look] >>> 8;
            int symbol = fast[look] & 0xFF;
            int size = symbol & 15;
            if (len != 0 && size != 0 && len + size <= LOOKAHEAD) {
                int v = look >>> (LOOKAHEAD - len - size) & ((1 << size) - 1);
                int level = v >>> (size - 1) != 0 ? v : v - (1 << size) + 1;
                fastAc[look] = level << 16 | size << 12 | (symbol >> 4) << 8 | (len + size);
            }
        }
    }

    /**
     * The symbol of a code longer than LOOKAHEAD bits, given the next 16 bits of the stream in
     * {@code next16}; returns code length << 8 | symbol, or -1 if no code matches.
     */
    int slowDecode(int next16) {
        for (int len = LOOKAHEAD + 1; len <= 16; len++) {
            int code = next16 >>> (16 - len);
            if (code <= maxCode[len]) {
                return len << 8 | symbols[code + offset[len]];
            }
        }
        return -1;
    }
}
