package org.kinora.image;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The marker structure of a JPEG file, read without decoding pixels: frame type, precision,
 * components and their sampling, the JFIF and Adobe segments, an embedded ICC profile, and where
 * the image ends. It decides whether a file is plain enough for {@link BandedJpegDecoder}
 * ({@link #fastPathRefusal()}): every case where it might not show what libjpeg and the ImageIO
 * path show (CMYK, YCCK, RGB-coded, non-sRGB colour, 12-bit, arithmetic coding, damage) is refused.
 *
 * @param frameMarker the SOFn marker (0xC0 baseline, 0xC1 extended, 0xC2 progressive, ...), -1 if none
 * @param components component ids in frame order
 * @param hSampling horizontal sampling factor of each component
 * @param vSampling vertical sampling factor of each component
 * @param adobeTransform the Adobe APP14 colour transform (0 none/RGB/CMYK, 1 YCbCr, 2 YCCK), -1 if absent
 * @param icc the embedded ICC profile reassembled from its APP2 chunks, null if absent
 * @param iccProblem why the ICC chunks could not be reassembled, null if they could (or there are none)
 * @param imageEnd offset just past the EOI marker, -1 if the file ends before it
 * @param problem a structural problem found while walking the markers, null if none
 */
record JpegStructure(int frameMarker, int precision, int width, int height, int[] components, int[] hSampling,
        int[] vSampling, boolean jfif, int adobeTransform, byte[] icc, String iccProblem, int scans, int imageEnd,
        String problem) {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int DNL = 0xDC;

    /** Walks the markers of {@code data}; never throws, a damaged file comes back with a {@link #problem}. */
    static JpegStructure parse(byte[] data) {
        return new Parser(data).run();
    }

    /** Null when the banded decoder may decode this file; else why the ImageIO path must. */
    String fastPathRefusal() {
        if (problem != null) {
            return problem;
        }
        if (frameMarker != 0xC0 && frameMarker != 0xC1 && frameMarker != 0xC2) {
            return String.format(Locale.ROOT, "SOF marker 0x%02X (lossless, hierarchical or arithmetic coding)", frameMarker);
        }
        if (width == 0 || height == 0) {
            return "frame header gives no size (DNL)";
        }
        if (precision != 8) {
            return precision + "-bit samples";
        }
        int n = components.length;
        if (n != 1 && n != 3) {
            return n + " components (CMYK or YCCK)";
        }
        if (n == 1) {
            // Grey: the ImageIO path shows the raw samples whatever profile is attached, and so does this one.
            return null;
        }
        if (adobeTransform == 0 || adobeTransform == 2) {
            return "Adobe segment declares " + (adobeTransform == 0 ? "RGB" : "YCCK") + " components";
        }
        boolean ycbcrIds = ids(1, 2, 3) || ids(0, 1, 2);
        if (!jfif && adobeTransform != 1 && !ycbcrIds) {
            // libjpeg guesses the colour space from the ids here ('R', 'G', 'B' is RGB); don't guess.
            return "no JFIF or Adobe segment and component ids " + components[0] + ", " + components[1] + ", "
                    + components[2];
        }
        if (hSampling[1] != 1 || vSampling[1] != 1 || hSampling[2] != 1 || vSampling[2] != 1
                || hSampling[0] > 2 || vSampling[0] > 2) {
            return String.format(Locale.ROOT, "unusual chroma sampling %dx%d,%dx%d,%dx%d", hSampling[0], vSampling[0],
                    hSampling[1], vSampling[1], hSampling[2], vSampling[2]);
        }
        if (iccProblem != null) {
            return iccProblem;
        }
        if (icc != null && !IccProfiles.isSrgb(icc)) {
            return "embedded ICC profile is not sRGB";
        }
        return null;
    }

    private boolean ids(int a, int b, int c) {
        return components[0] == a && components[1] == b && components[2] == c;
    }

    /** A single pass over the markers; entropy-coded data is skipped byte by byte. */
    private static final class Parser {
        private final byte[] d;
        private int frameMarker = -1;
        private int precision;
        private int width;
        private int height;
        private int[] ids = new int[0];
        private int[] h = new int[0];
        private int[] v = new int[0];
        private boolean jfif;
        private int adobe = -1;
        private final List<byte[]> iccChunks = new ArrayList<>();
        private String iccProblem;
        private int scans;

        Parser(byte[] data) {
            this.d = data;
        }

        JpegStructure run() {
            if (d.length < 4 || u8(0) != 0xFF || u8(1) != SOI) {
                return result(-1, "not a JPEG file (no SOI marker)");
            }
            int pos = 2;
            while (true) {
                // Fill bytes (0xFF repeated) may precede a marker.
                if (pos >= d.length || u8(pos) != 0xFF) {
                    return result(-1, pos >= d.length ? "image data is truncated (no EOI marker)"
                            : String.format(Locale.ROOT, "garbage instead of a marker at offset %d", pos));
                }
                while (pos < d.length && u8(pos) == 0xFF) {
                    pos++;
                }
                if (pos >= d.length) {
                    return result(-1, "image data is truncated (no EOI marker)");
                }
                int marker = u8(pos++);
                if (marker == EOI) {
                    if (frameMarker < 0 || scans == 0) {
                        return result(-1, "no image frame or scan before the EOI marker");
                    }
                    return result(pos, null);
                }
                if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                    continue; // standalone markers carry no length
                }
                if (pos + 2 > d.length) {
                    return result(-1, "image data is truncated (inside a marker)");
                }
                int length = u16(pos);
                if (length < 2 || pos + length > d.length) {
                    return result(-1, "image data is truncated or a segment length is wrong");
                }
                int start = pos + 2;
                int end = pos + length;
                String problem = segment(marker, start, end);
                if (problem != null) {
                    return result(-1, problem);
                }
                pos = end;
                if (marker == SOS) {
                    scans++;
                    pos = skipEntropyCoded(pos);
                }
            }
        }

        private String segment(int marker, int start, int end) {
            int len = end - start;
            if (marker == 0xE0 && len >= 5 && ascii(start, "JFIF\0")) {
                jfif = true;
            } else if (marker == 0xE2 && len >= 14 && ascii(start, "ICC_PROFILE\0")) {
                iccChunk(start + 12, end);
            } else if (marker == 0xEE && len >= 12 && ascii(start, "Adobe")) {
                adobe = u8(start + 11);
            } else if (marker == DNL) {
                return "height defined by a DNL marker";
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (frameMarker >= 0) {
                    return "more than one frame header (hierarchical JPEG)";
                }
                if (len < 6) {
                    return "frame header is too short";
                }
                frameMarker = marker;
                precision = u8(start);
                height = u16(start + 1);
                width = u16(start + 3);
                int n = u8(start + 5);
                if (len < 6 + 3 * n) {
                    return "frame header is too short";
                }
                ids = new int[n];
                h = new int[n];
                v = new int[n];
                for (int i = 0; i < n; i++) {
                    ids[i] = u8(start + 6 + 3 * i);
                    h[i] = u8(start + 7 + 3 * i) >> 4;
                    v[i] = u8(start + 7 + 3 * i) & 15;
                }
                if (n == 1) {
                    h[0] = 1; // a single component is never subsampled, whatever its factors say
                    v[0] = 1;
                }
            } else if (marker == SOS && frameMarker < 0) {
                return "scan before the frame header";
            }
            return null;
        }

        /** Entropy-coded bytes end at the first 0xFF not followed by 0x00 (stuffing) or an RSTn marker. */
        private int skipEntropyCoded(int pos) {
            int n = d.length;
            while (pos < n) {
                if (d[pos] == (byte) 0xFF) {
                    if (pos + 1 >= n) {
                        return n;
                    }
                    int next = u8(pos + 1);
                    if (next != 0 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                        return pos;
                    }
                    if (next == 0xFF) {
                        pos++; // fill byte before a marker: look again from the next 0xFF
                        continue;
                    }
                    pos += 2;
                } else {
                    pos++;
                }
            }
            return n;
        }

        private void iccChunk(int start, int end) {
            int seq = u8(start);
            int count = u8(start + 1);
            if (seq < 1 || count < 1 || seq > count) {
                iccProblem = "ICC profile chunk " + seq + " of " + count + " is invalid";
                return;
            }
            while (iccChunks.size() < count) {
                iccChunks.add(null);
            }
            if (iccChunks.size() != count || iccChunks.get(seq - 1) != null) {
                iccProblem = "ICC profile chunks are inconsistent";
                return;
            }
            byte[] chunk = new byte[end - start - 2];
            System.arraycopy(d, start + 2, chunk, 0, chunk.length);
            iccChunks.set(seq - 1, chunk);
        }

        private byte[] icc() {
            if (iccChunks.isEmpty() || iccProblem != null) {
                return null;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] chunk : iccChunks) {
                if (chunk == null) {
                    iccProblem = "ICC profile chunks are missing";
                    return null;
                }
                out.writeBytes(chunk);
            }
            return out.toByteArray();
        }

        private JpegStructure result(int imageEnd, String problem) {
            byte[] profile = icc();
            return new JpegStructure(frameMarker, precision, width, height, ids, h, v, jfif, adobe, profile,
                    iccProblem, scans, imageEnd, problem);
        }

        private boolean ascii(int at, String s) {
            for (int i = 0; i < s.length(); i++) {
                if (at + i >= d.length || u8(at + i) != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private int u8(int i) {
            return d[i] & 0xFF;
        }

        private int u16(int i) {
            return u8(i) << 8 | u8(i + 1);
        }
    }
}
