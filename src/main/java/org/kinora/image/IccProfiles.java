package org.kinora.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.ByteBuffer;

/**
 * Recognises embedded ICC profiles that describe sRGB, whatever their vendor (HP's "sRGB
 * IEC61966-2.1", a camera's copy, the JDK's own): same primaries as the JDK's sRGB profile and tone
 * curves within one 8-bit level of the sRGB curve. Converting such a photo to sRGB would change no
 * pixel visibly, so it may skip the colour conversion. Anything else, or anything unreadable, is
 * not sRGB.
 */
final class IccProfiles {

    /** Colorant tolerance (XYZ, D50): far below the gap to Display P3 or Adobe RGB (0.05 or more). */
    private static final double COLORANT_TOLERANCE = 0.003;
    /** Tone curves may differ from sRGB's by at most this many 8-bit levels at any level. */
    private static final double CURVE_TOLERANCE = 1.0;

    private static final int[] COLORANTS = {ICC_Profile.icSigRedColorantTag, ICC_Profile.icSigGreenColorantTag,
        ICC_Profile.icSigBlueColorantTag};
    private static final int[] CURVES = {ICC_Profile.icSigRedTRCTag, ICC_Profile.icSigGreenTRCTag,
        ICC_Profile.icSigBlueTRCTag};

    private IccProfiles() {
    }

    static boolean isSrgb(byte[] profileData) {
        try {
            ICC_Profile profile = ICC_Profile.getInstance(profileData);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
                return false;
            }
            ICC_Profile srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB);
            for (int tag : COLORANTS) {
                double[] a = xyz(profile.getData(tag));
                double[] b = xyz(srgb.getData(tag));
                for (int i = 0; i < 3; i++) {
                    if (Math.abs(a[i] - b[i]) > COLORANT_TOLERANCE) {
                        return false;
                    }
                }
            }
            for (int tag : CURVES) {
                if (!curveIsSrgb(profile.getData(tag))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException | NullPointerException | IndexOutOfBoundsException
                | java.nio.BufferUnderflowException | java.awt.color.CMMException e) {
            // An unreadable profile or a missing tag: not recognisably sRGB, so the ImageIO path
            // (which converts, or reports the damage) decides.
            return false;
        }
    }

    private static double[] xyz(byte[] tag) {
        ByteBuffer b = ByteBuffer.wrap(tag);
        if (b.getInt(0) != 0x58595A20) { // 'XYZ '
            throw new IllegalArgumentException("not an XYZ tag");
        }
        return new double[] {b.getInt(8) / 65536.0, b.getInt(12) / 65536.0, b.getInt(16) / 65536.0};
    }

    /** Compares the curve with sRGB's at every 8-bit level, in encoded (8-bit level) units. */
    private static boolean curveIsSrgb(byte[] tag) {
        ByteBuffer b = ByteBuffer.wrap(tag);
        int type = b.getInt(0);
        for (int level = 0; level <= 255; level++) {
            double x = level / 255.0;
            double linear = switch (type) {
                case 0x63757276 -> curv(b, x); // 'curv'
                case 0x70617261 -> para(b, x); // 'para'
                default -> throw new IllegalArgumentException("unknown curve type");
            };
            if (Double.isNaN(linear) || Math.abs(srgbEncode(linear) * 255 - level) > CURVE_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static double curv(ByteBuffer b, double x) {
        int count = b.getInt(8);
        if (count == 0) {
            return x; // identity: a linear profile, not sRGB
        }
        if (count == 1) {
            return Math.pow(x, (b.getShort(12) & 0xFFFF) / 256.0);
        }
        double pos = x * (count - 1);
        int i = Math.min(count - 2, (int) pos);
        double f = pos - i;
        double y0 = (b.getShort(12 + 2 * i) & 0xFFFF) / 65535.0;
        double y1 = (b.getShort(12 + 2 * (i + 1)) & 0xFFFF) / 65535.0;
        return y0 + f * (y1 - y0);
    }

    private static double para(ByteBuffer b, double x) {
        int function = b.getShort(8) & 0xFFFF;
        int[] counts = {1, 3, 4, 5, 7};
        if (function >= counts.length) {
            throw new IllegalArgumentException("unknown parametric curve");
        }
        double[] p = new double[7];
        for (int i = 0; i < counts[function]; i++) {
            p[i] = b.getInt(12 + 4 * i) / 65536.0;
        }
        double g = p[0];
        double a = p[1];
        double bb = p[2];
        double c = p[3];
        double d = p[4];
        double e = p[5];
        double f = p[6];
        return switch (function) {
            case 0 -> Math.pow(x, g);
            case 1 -> x >= -bb / a ? Math.pow(a * x + bb, g) : 0;
            case 2 -> x >= -bb / a ? Math.pow(a * x + bb, g) + c : c;
            case 3 -> x >= d ? Math.pow(a * x + bb, g) : c * x;
            default -> x >= d ? Math.pow(a * x + bb, g) + e : c * x + f;
        };
    }

    private static double srgbEncode(double linear) {
        double l = Math.max(0, Math.min(1, linear));
        return l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
    }
}
