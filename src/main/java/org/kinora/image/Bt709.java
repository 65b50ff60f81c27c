package org.kinora.image;

/**
 * BT.709 Y'CbCr, limited ("TV") range, 8-bit code values: Y' 16..235, Cb/Cr 16..240 around 128.
 * Gamma-encoded R'G'B' in 0..255 in and out.
 */
public final class Bt709 {

    public static final double KR = 0.2126;
    public static final double KB = 0.0722;
    public static final double KG = 1 - KR - KB;

    private static final float YS = (float) (219.0 / 255.0);
    private static final float CS = (float) (224.0 / 255.0);
    private static final float CB_DIV = (float) (2 * (1 - KB));
    private static final float CR_DIV = (float) (2 * (1 - KR));

    private Bt709() {
    }

    public static float y(float r, float g, float b) {
        return 16f + YS * (float) (KR * r + KG * g + KB * b);
    }

    public static float cb(float r, float g, float b) {
        float luma = (float) (KR * r + KG * g + KB * b);
        return 128f + CS * (b - luma) / CB_DIV;
    }

    public static float cr(float r, float g, float b) {
        float luma = (float) (KR * r + KG * g + KB * b);
        return 128f + CS * (r - luma) / CR_DIV;
    }

    /** R'G'B' (0..255, unclamped) from code values; out[0..2]. */
    public static void toRgb(double y, double cb, double cr, double[] out) {
        double l = (y - 16) * (255.0 / 219.0);
        double pb = (cb - 128) * (255.0 / 224.0);
        double pr = (cr - 128) * (255.0 / 224.0);
        double r = l + CR_DIV * pr;
        double b = l + CB_DIV * pb;
        double g = (l - KR * r - KB * b) / KG;
        out[0] = r;
        out[1] = g;
        out[2] = b;
    }

    /** Packs code values into opaque 0xffRRGGBB. */
    public static int toArgb(int y, int cb, int cr) {
        double l = (y - 16) * (255.0 / 219.0);
        double pb = (cb - 128) * (255.0 / 224.0);
        double pr = (cr - 128) * (255.0 / 224.0);
        double r = l + CR_DIV * pr;
        double b = l + CB_DIV * pb;
        double g = (l - KR * r - KB * b) / KG;
        return 0xff000000 | clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(double v) {
        int i = (int) Math.round(v);
        return i < 0 ? 0 : Math.min(255, i);
    }
}
