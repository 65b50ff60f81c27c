package org.kinora.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The markers of a JPEG file as {@link BandedJpegDecoder} needs them: the frame, and for each scan
 * its parameters together with the Huffman and quantisation tables and the restart interval in
 * force where it starts (later DHT, DQT or DRI segments may change them for later scans).
 * Segments are walked by their lengths; everything outside the decoder's scope, and every error
 * on which FFmpeg's mjpeg decoder gives up, is refused with a {@link JpegDecodeException}.
 */
final class BandedJpegHeaders {

    /** JPEG's zigzag order: natural (row-major) index of the i-th coefficient in a scan. */
    static final int[] ZIGZAG = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
        21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53,
        60, 61, 54, 47, 55, 62, 63,
    };

    /** A frame component: its id, sampling factors and quantisation table slot. */
    record Component(int id, int h, int v, int quantIndex) {
    }

    /**
     * One scan. Per scan component (in scan order): the frame component index, the DC and AC
     * tables (null where the scan does not use one) and the quantisation table (zigzag order).
     * {@code dataStart} is the offset of its entropy-coded data.
     */
    record Scan(int[] components, JpegHuffman[] dc, JpegHuffman[] ac, int[][] quant, int ss, int se, int ah, int al,
            int restartInterval, int dataStart) {
    }

    final boolean progressive;
    final int width;
    final int height;
    final Component[] components;
    final List<Scan> scans;

    private BandedJpegHeaders(boolean progressive, int width, int height, Component[] components, List<Scan> scans) {
        this.progressive = progressive;
        this.width = width;
        this.height = height;
        this.components = components;
        this.scans = scans;
    }

    static BandedJpegHeaders parse(byte[] data, int length) throws JpegDecodeException {
        return new Parser(data, length).run();
    }

    private static JpegDecodeException refuse(String format, Object... args) {
        return new JpegDecodeException(String.format(Locale.ROOT, format, args));
    }

    /** One walk over the segments up to EOI. */
    private static final class Parser {
        private final byte[] d;
        private final int length;
        private final JpegHuffman[][] huffman = new JpegHuffman[2][4];
        private final int[][] quant = new int[4][];
        private final List<Scan> scans = new ArrayList<>();
        private int restartInterval;
        private int frameMarker = -1;
        private int width;
        private int height;
        private Component[] components;
        private int adobeTransform = -1;
        /** Per component and zigzag index: the Al of the last scan that coded it, -1 before any. */
        private int[][] approximation;
        /** Quantisation slots that a progressive scan has used: a later DQT may not change them. */
        private final boolean[] quantUsed = new boolean[4];

        Parser(byte[] data, int length) {
            this.d = data;
            this.length = Math.min(length, data.length);
        }

        BandedJpegHeaders run() throws JpegDecodeException {
            if (length < 4 || u8(0) != 0xFF || u8(1) != 0xD8) {
                throw refuse("not a JPEG file (no SOI marker)");
            }
            int pos = 2;
            while (true) {
                if (pos >= length || u8(pos) != 0xFF) {
                    throw refuse(pos >= length ? "image data is truncated (no EOI marker)"
                            : "garbage instead of a marker at offset %d", pos);
                }
                while (pos < length && u8(pos) == 0xFF) {
                    pos++;
                }
                if (pos >= length) {
                    throw refuse("image data is truncated (no EOI marker)");
                }
                int marker = u8(pos++);
                if (marker == 0xD9) {
                    return finish();
                }
                if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                    continue; // standalone markers carry no length
                }
                if (pos + 2 > length || u16(pos) < 2 || pos + u16(pos) > length) {
                    throw refuse("image data is truncated or a segment length is wrong");
                }
                int start = pos + 2;
                int end = pos + u16(pos);
                pos = end;
                switch (marker) {
                    case 0xC0, 0xC1, 0xC2 -> frame(marker, start, end);
                    case 0xC4 -> huffmanTables(start, end);
                    case 0xDB -> quantTables(start, end);
                    case 0xDD -> restartInterval(start, end);
                    case 0xDA -> pos = scan(start, end);
                    case 0xDC -> throw refuse("height defined by a DNL marker");
                    case 0xEE -> adobe(start, end);
                    case 0xFE -> comment(start, end);
                    default -> {
                        if (marker >= 0xC3 && marker <= 0xCF && marker != 0xC8 && marker != 0xCC) {
                            throw refuse("SOF marker 0x%02X (lossless, hierarchical or arithmetic coding)", marker);
                        }
                        int unread = marker >= 0xE0 && marker <= 0xEF ? appUnread(marker, start, end) : end - start + 2;
                        if (unread < 0 || falseMarker(end - unread, end)) {
                            // FFmpeg finds the next segment by searching for a marker from where its
                            // parser of this one stopped: it would stop elsewhere than at the end.
                            throw refuse("segment 0x%02X that FFmpeg would not skip exactly", marker);
                        }
                    }
                }
            }
        }

        private void frame(int marker, int start, int end) throws JpegDecodeException {
            if (frameMarker >= 0) {
                throw refuse("more than one frame header");
            }
            frameMarker = marker;
            int len = end - start;
            if (len < 6) {
                throw refuse("frame header is too short");
            }
            int precision = u8(start);
            height = u16(start + 1);
            width = u16(start + 3);
            int n = u8(start + 5);
            if (precision != 8) {
                throw refuse("%d-bit samples", precision);
            }
            if (len != 6 + 3 * n) {
                throw refuse("frame header length does not match its %d components", n);
            }
            if (n != 1 && n != 3) {
                throw refuse("%d components", n);
            }
            if (width == 0 || height == 0) {
                throw refuse("frame header gives no size (DNL)");
            }
            components = new Component[n];
            for (int i = 0; i < n; i++) {
                int at = start + 6 + 3 * i;
                int h = u8(at + 1) >> 4;
                int v = u8(at + 1) & 15;
                int tq = u8(at + 2);
                if (h == 0 || v == 0) {
                    throw refuse("sampling factor 0 in component %d", i);
                }
                if (tq >= 4) {
                    throw refuse("quantisation table %d does not exist", tq);
                }
                components[i] = new Component(u8(at), h, v, tq);
            }
            if (n == 1) {
                if (components[0].h() > 4 || components[0].v() > 4) {
                    throw refuse("grey component with sampling %dx%d", components[0].h(), components[0].v());
                }
            } else if (components[1].h() != 1 || components[1].v() != 1 || components[2].h() != 1
                    || components[2].v() != 1 || components[0].h() > 2 || components[0].v() > 2) {
                throw refuse("unusual chroma sampling %dx%d,%dx%d,%dx%d", components[0].h(), components[0].v(),
                        components[1].h(), components[1].v(), components[2].h(), components[2].v());
            }
            approximation = new int[n][64];
            for (int[] a : approximation) {
                Arrays.fill(a, -1);
            }
        }

        private void huffmanTables(int pos, int end) throws JpegDecodeException {
            while (pos < end) {
                if (end - pos < 17) {
                    throw refuse("Huffman table segment is too short");
                }
                int tc = u8(pos) >> 4;
                int th = u8(pos) & 15;
                if (tc >= 2 || th >= 4) {
                    throw refuse("Huffman table class %d, slot %d", tc, th);
                }
                int[] counts = new int[16];
                int total = 0;
                for (int i = 0; i < 16; i++) {
                    counts[i] = u8(pos + 1 + i);
                    total += counts[i];
                }
                pos += 17;
                if (total > 256 || end - pos < total) {
                    throw refuse("Huffman table has a wrong number of codes");
                }
                int[] symbols = new int[total];
                for (int i = 0; i < total; i++) {
                    symbols[i] = u8(pos + i);
                }
                pos += total;
                huffman[tc][th] = new JpegHuffman(counts, symbols);
            }
        }

        private void quantTables(int pos, int end) throws JpegDecodeException {
            while (end - pos >= 65) {
                int pq = u8(pos) >> 4;
                int tq = u8(pos) & 15;
                if (pq > 1 || tq >= 4) {
                    throw refuse("quantisation table precision %d, slot %d", pq, tq);
                }
                pos++;
                if (end - pos < 64 * (1 + pq)) {
                    throw refuse("quantisation table segment is too short");
                }
                int[] table = new int[64];
                for (int i = 0; i < 64; i++) {
                    table[i] = pq == 0 ? u8(pos + i) : u16(pos + 2 * i);
                    if (table[i] == 0) {
                        throw refuse("quantisation table %d holds a 0", tq);
                    }
                }
                pos += 64 * (1 + pq);
                if (quantUsed[tq] && !Arrays.equals(table, quant[tq])) {
                    throw refuse("quantisation table %d changes between the scans of a progressive image", tq);
                }
                quant[tq] = table;
            }
            if (pos < end) {
                // FFmpeg reads whole tables only, then searches the rest for the next marker.
                throw refuse("quantisation table segment has %d bytes too many", end - pos);
            }
        }

        private void restartInterval(int start, int end) throws JpegDecodeException {
            if (end - start != 2) {
                throw refuse("restart interval segment has a wrong length");
            }
            restartInterval = u16(start);
        }

        private void adobe(int start, int end) {
            if (end - start >= 12 && u8(start) == 'A' && u8(start + 1) == 'd' && u8(start + 2) == 'o'
                    && u8(start + 3) == 'b' && u8(start + 4) == 'e') {
                adobeTransform = u8(start + 11);
            }
        }

        private void comment(int start, int end) throws JpegDecodeException {
            String flipped = "Metasoft MJPEG Codec";
            if (end - start < flipped.length()) {
                return;
            }
            for (int i = 0; i < flipped.length(); i++) {
                if (u8(start + i) != flipped.charAt(i)) {
                    return;
                }
            }
            throw refuse("comment asks FFmpeg to flip the picture");
        }

        /** Reads a scan header and returns the offset of the marker that ends its data. */
        private int scan(int start, int end) throws JpegDecodeException {
            if (components == null) {
                throw refuse("scan before the frame header");
            }
            int n = end - start > 0 ? u8(start) : 0;
            if (n == 0 || n > 4 || end - start != 4 + 2 * n) {
                throw refuse("scan header is malformed");
            }
            int[] comps = new int[n];
            int[] td = new int[n];
            int[] ta = new int[n];
            for (int i = 0; i < n; i++) {
                int id = u8(start + 1 + 2 * i);
                comps[i] = -1;
                for (int c = 0; c < components.length && comps[i] < 0; c++) {
                    if (components[c].id() == id) {
                        comps[i] = c;
                    }
                }
                if (comps[i] < 0) {
                    throw refuse("scan names component id %d, which the frame lacks", id);
                }
                td[i] = u8(start + 2 + 2 * i) >> 4;
                ta[i] = u8(start + 2 + 2 * i) & 15;
                if (td[i] >= 4 || ta[i] >= 4) {
                    throw refuse("scan selects Huffman table %d/%d", td[i], ta[i]);
                }
            }
            int at = start + 1 + 2 * n;
            int ss = u8(at);
            int se = u8(at + 1);
            int ah = u8(at + 2) >> 4;
            int al = u8(at + 2) & 15;
            boolean progressive = frameMarker == 0xC2;
            boolean dcScan = !progressive || ss == 0;
            JpegHuffman[] dc = new JpegHuffman[n];
            JpegHuffman[] ac = new JpegHuffman[n];
            int[][] q = new int[n][];
            for (int i = 0; i < n; i++) {
                // FFmpeg checks these selections (its built-in tables fill slots 0 and 1) ...
                tableFor(0, td[i], false);
                tableFor(1, progressive ? ta[0] : ta[i], false);
                // ... and these tables are the ones the scan decodes with.
                boolean dcFirst = dcScan && (!progressive || ah == 0);
                dc[i] = dcFirst ? tableFor(0, td[i], true) : null;
                ac[i] = !progressive || !dcScan ? tableFor(1, ta[i], true) : null;
                int tq = components[comps[i]].quantIndex();
                if (quant[tq] == null) {
                    throw refuse("quantisation table %d is not defined", tq);
                }
                q[i] = quant[tq];
            }
            if (progressive) {
                checkProgression(comps, ss, se, ah, al);
            }
            scans.add(new Scan(comps, dc, ac, q, ss, se, ah, al, restartInterval, end));
            return endOfEntropyData(end);
        }

        private JpegHuffman tableFor(int tc, int th, boolean used) throws JpegDecodeException {
            JpegHuffman table = huffman[tc][th];
            if (table == null && (used || th >= 2)) {
                // FFmpeg would fall back on the standard tables in slots 0 and 1; a file that
                // relies on that is damaged or unusual enough to leave to another decoder.
                throw refuse("scan uses %s Huffman table %d, which the file does not define", tc == 0 ? "DC" : "AC",
                        th);
            }
            return table;
        }

        /**
         * Refuses a progressive scan that breaks JPEG's successive approximation rules (which
         * libjpeg enforces and FFmpeg does not). Within them a coefficient FFmpeg dequantises into
         * 16 bits never wraps to 0, which is what lets the decoder track coefficients that are
         * nonzero without storing their values.
         */
        private void checkProgression(int[] comps, int ss, int se, int ah, int al) throws JpegDecodeException {
            if (ss == 0 ? se != 0 : se < ss || se > 63 || comps.length != 1) {
                throw refuse("progressive scan with spectral range %d..%d over %d components", ss, se,
                        comps.length);
            }
            if (ah != 0 && al != ah - 1 || al > 13) {
                throw refuse("progressive scan with successive approximation %d..%d", ah, al);
            }
            for (int c : comps) {
                int[] a = approximation[c];
                if (ss > 0 && a[0] < 0) {
                    throw refuse("AC scan before the DC scan of component %d", c);
                }
                for (int k = ss; k <= se; k++) {
                    if (ah == 0 ? a[k] >= 0 : a[k] != ah) {
                        throw refuse("progressive scans of component %d do not refine coefficient %d in order", c, k);
                    }
                    a[k] = al;
                }
                quantUsed[components[c].quantIndex()] = true;
            }
        }

        /** Entropy-coded bytes end at the first FF not followed by 00, FF (fill) or an RSTn marker. */
        private int endOfEntropyData(int pos) throws JpegDecodeException {
            while (pos < length) {
                if (d[pos] != (byte) 0xFF) {
                    pos++;
                    continue;
                }
                int p = pos + 1;
                while (p < length && d[p] == (byte) 0xFF) {
                    p++;
                }
                if (p >= length) {
                    break;
                }
                int next = u8(p);
                if (next != 0 && !(next >= 0xD0 && next <= 0xD7)) {
                    if (next < 0xC0) {
                        throw refuse("marker 0x%02X inside scan data", next);
                    }
                    return pos;
                }
                pos = p + 1;
            }
            throw refuse("image data is truncated (no EOI marker)");
        }

        private BandedJpegHeaders finish() throws JpegDecodeException {
            if (components == null || scans.isEmpty()) {
                throw refuse("no image frame or scan before the EOI marker");
            }
            if ((long) (width + 128) * (height + 128) >= Integer.MAX_VALUE / 8) {
                throw refuse("picture of %dx%d is too large for FFmpeg", width, height);
            }
            if ((long) ((width + 7) / 8) * ((height + 7) / 8) > 4L * length) {
                // FFmpeg's guard against tiny files that claim huge pictures.
                throw refuse("%d bytes are too few for a %dx%d picture", length, width, height);
            }
            if (components.length == 3 && producesRgb()) {
                throw refuse("FFmpeg decodes this file as RGB (Adobe transform or component ids)");
            }
            boolean progressive = frameMarker == 0xC2;
            if (!progressive) {
                boolean[] covered = new boolean[components.length];
                for (Scan s : scans) {
                    for (int c : s.components()) {
                        covered[c] = true;
                    }
                }
                for (int c = 0; c < covered.length; c++) {
                    if (!covered[c]) {
                        throw refuse("component %d has no scan", c);
                    }
                }
            }
            return new BandedJpegHeaders(progressive, width, height, components, List.copyOf(scans));
        }

        /**
         * FFmpeg's pixel format choice: 4:4:4 with Adobe transform 0, or 4:4:4, 4:2:2 and 4:4:0
         * with component ids it takes for R, G, B (it compares ids minus one with 'R', 'G', 'B'),
         * come out as GBR planes.
         */
        private boolean producesRgb() {
            boolean rgbIds = components[0].id() - 1 == 'R' && components[1].id() - 1 == 'G'
                    && components[2].id() - 1 == 'B';
            boolean is444 = components[0].h() == 1 && components[0].v() == 1;
            boolean is420 = components[0].h() == 2 && components[0].v() == 2;
            return is444 && adobeTransform == 0 || rgbIds && !is420;
        }

        /**
         * How many bytes at the end of an APPn segment FFmpeg's mjpeg_decode_app leaves unread (it
         * skips one byte too few after most payloads), or -1 where it reads past the segment.
         */
        private int appUnread(int marker, int start, int end) {
            int rest = end - start - 4; // after the 4-byte id
            if (rest < 0) {
                return end - start; // too short: FFmpeg reads the length only
            }
            int id = u16(start) << 16 | u16(start + 2);
            int read = 0;
            if (id == 0x41564931) { // "AVI1": a polarity byte
                read = 1;
            } else if (id == 0x4C4A4946) { // "LJIF": 9 bytes
                read = 9;
            } else if (id == 0x4A464946 && rest >= 8) { // "JFIF"
                read = 8;
                if (rest - 8 >= 2) {
                    int thumbnail = u8(start + 12) * u8(start + 13) * 3;
                    // FFmpeg does not skip a thumbnail that more than 10 further bytes follow.
                    int left = rest - 8 - (thumbnail > 0 && rest - 8 - 10 - thumbnail > 0 ? thumbnail : 0);
                    return left > 2 ? rest - 8 - (left - 1) : rest - 8 - 2;
                }
            }
            if (read > rest) {
                return -1;
            }
            return rest - read > 0 ? 1 : 0;
        }

        /** Whether FF followed by a marker code that FFmpeg's search stops at occurs in [from, end). */
        private boolean falseMarker(int from, int end) {
            for (int i = from; i + 1 < end; i++) {
                if (u8(i) == 0xFF && u8(i + 1) >= 0xC0 && u8(i + 1) <= 0xFE) {
                    return true;
                }
            }
            return false;
        }

        private int u8(int i) {
            return d[i] & 0xFF;
        }

        private int u16(int i) {
            return u8(i) << 8 | u8(i + 1);
        }
    }
}
