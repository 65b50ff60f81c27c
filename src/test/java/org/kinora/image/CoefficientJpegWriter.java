package org.kinora.image;

import java.io.ByteArrayOutputStream;

/**
 * Writes a baseline grey JPEG from given quantised coefficients, so that tests can put any
 * coefficient pattern or size before a decoder: every 8x8 block's levels in zigzag order, one
 * quantisation table, Huffman tables that can code every symbol (DC sizes up to 16, AC sizes up
 * to 15, beyond what an 8-bit encoder writes), and optionally restart markers.
 */
final class CoefficientJpegWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int padding;
    private long acc;
    private int count;

    private CoefficientJpegWriter(int padding) {
        this.padding = padding;
    }

    /**
     * @param levels per block (row-major over ceil(width/8) x ceil(height/8) blocks), 64 quantised
     *     coefficients in zigzag order; the DC is the level itself, not its difference
     * @param quant quantisation table in zigzag order (values above 255 are written with 16 bits)
     * @param restartInterval MCUs between restart markers, 0 for none
     */
    static byte[] grey(int width, int height, int[][] levels, int[] quant, int restartInterval) {
        return new CoefficientJpegWriter(0x7F).write(width, height, levels, quant, restartInterval);
    }

    /** As {@link #grey}, but the last byte before a marker is padded with 0 bits, not with 1 bits as JPEG asks. */
    static byte[] greyZeroPadded(int width, int height, int[][] levels, int[] quant, int restartInterval) {
        return new CoefficientJpegWriter(0).write(width, height, levels, quant, restartInterval);
    }

    private byte[] write(int width, int height, int[][] levels, int[] quant, int restartInterval) {
        marker(0xD8);
        boolean wide = false;
        for (int q : quant) {
            wide |= q > 255;
        }
        segment(0xDB, (wide ? 0x10 : 0x00), wide ? words(quant) : quant);
        segment(0xC0, 8, height >> 8, height & 0xFF, width >> 8, width & 0xFF, 1, 1, 0x11, 0);
        // DC: symbols 0..16, all 5-bit codes. AC: all 256 symbols, 254 of 8 bits and 2 of 9.
        int[] dht = new int[1 + 16 + 17 + 1 + 16 + 256];
        int k = 0;
        dht[k++] = 0x00;
        int[] dcCounts = new int[16];
        dcCounts[4] = 17;
        for (int c : dcCounts) {
            dht[k++] = c;
        }
        for (int s = 0; s <= 16; s++) {
            dht[k++] = s;
        }
        dht[k++] = 0x10;
        int[] acCounts = new int[16];
        acCounts[7] = 254;
        acCounts[8] = 2;
        for (int c : acCounts) {
            dht[k++] = c;
        }
        for (int s = 0; s < 256; s++) {
            dht[k++] = s;
        }
        segment(0xC4, dht);
        if (restartInterval > 0) {
            segment(0xDD, restartInterval >> 8, restartInterval & 0xFF);
        }
        segment(0xDA, 1, 1, 0x00, 0, 63, 0);
        int last = 0;
        for (int b = 0; b < levels.length; b++) {
            if (restartInterval > 0 && b > 0 && b % restartInterval == 0) {
                flush();
                marker(0xD0 + (b / restartInterval - 1) % 8);
                last = 0;
            }
            int[] z = levels[b];
            int diff = z[0] - last;
            last = z[0];
            int size = size(diff);
            bits(size, 5);
            extra(diff, size);
            int run = 0;
            for (int i = 1; i < 64; i++) {
                if (z[i] == 0) {
                    run++;
                    continue;
                }
                while (run >= 16) {
                    ac(0xF0);
                    run -= 16;
                }
                int s = size(z[i]);
                ac(run << 4 | s);
                extra(z[i], s);
                run = 0;
            }
            if (run > 0) {
                ac(0x00);
            }
        }
        flush();
        marker(0xD9);
        return out.toByteArray();
    }

    /** Canonical codes: symbol s of the AC table is code s (8 bits) below 254, then 9-bit codes 508, 509. */
    private void ac(int symbol) {
        if (symbol < 254) {
            bits(symbol, 8);
        } else {
            bits(508 + symbol - 254, 9);
        }
    }

    private static int size(int v) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(v));
    }

    private void extra(int v, int size) {
        if (size > 0) {
            bits(v >= 0 ? v : v + (1 << size) - 1, size);
        }
    }

    private void bits(int value, int n) {
        acc = acc << n | (value & ((1L << n) - 1));
        count += n;
        while (count >= 8) {
            count -= 8;
            int b = (int) (acc >>> count) & 0xFF;
            out.write(b);
            if (b == 0xFF) {
                out.write(0);
            }
        }
    }

    /** Pads the last byte before a marker. */
    private void flush() {
        if (count > 0) {
            bits(padding, 8 - count);
        }
    }

    private void marker(int m) {
        out.write(0xFF);
        out.write(m);
    }

    private void segment(int m, int first, int... rest) {
        marker(m);
        int len = 3 + rest.length;
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(first);
        for (int b : rest) {
            out.write(b);
        }
    }

    private void segment(int m, int[] body) {
        marker(m);
        int len = 2 + body.length;
        out.write(len >> 8);
        out.write(len & 0xFF);
        for (int b : body) {
            out.write(b);
        }
    }

    private static int[] words(int[] quant) {
        int[] bytes = new int[128];
        for (int i = 0; i < 64; i++) {
            bytes[2 * i] = quant[i] >> 8;
            bytes[2 * i + 1] = quant[i] & 0xFF;
        }
        return bytes;
    }
}
