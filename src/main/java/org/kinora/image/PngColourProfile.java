package org.kinora.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * The colour profile of a PNG (its iCCP chunk). The JDK's PNG reader keeps the chunk in the
 * metadata but hands back the pixels as sRGB, so a Display P3 screenshot or an Adobe RGB export
 * would show washed-out or oversaturated colours. {@link #tag} gives the pixels their real colour
 * space, so that the usual conversion to sRGB applies.
 */
final class PngColourProfile {

    private static final String NATIVE_FORMAT = "javax_imageio_png_1.0";
    /** An ICC profile is a few kB, rarely more than a few hundred; more than this is not a profile. */
    private static final int MAX_PROFILE_BYTES = 4 << 20;

    private PngColourProfile() {
    }

    /** The embedded RGB profile when it is not sRGB; null when absent, sRGB, grey or unreadable. */
    static ICC_Profile nonSrgbProfile(IIOMetadata metadata) {
        if (metadata == null || !NATIVE_FORMAT.equals(metadata.getNativeMetadataFormatName())) {
            return null;
        }
        Node iccp = child(metadata.getAsTree(NATIVE_FORMAT), "iCCP");
        if (!(iccp instanceof IIOMetadataNode node) || !(node.getUserObject() instanceof byte[] compressed)) {
            return null;
        }
        byte[] data = inflate(compressed);
        if (data == null || IccProfiles.isSrgb(data)) {
            return null;
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(data);
            return profile.getColorSpaceType() == ColorSpace.TYPE_RGB ? profile : null;
        } catch (IllegalArgumentException e) {
            return null; // a damaged profile: the pixels are still good, shown as sRGB as other viewers do
        }
    }

    /**
     * The same pixels described by {@code profile} instead of sRGB, without copying them; the image
     * unchanged where its layout cannot carry another colour space (palette images).
     */
    static BufferedImage tag(BufferedImage image, ICC_Profile profile) {
        ColorModel cm = image.getColorModel();
        if (!(cm instanceof ComponentColorModel) || cm.getNumColorComponents() != 3) {
            return image;
        }
        ColorModel tagged = new ComponentColorModel(new ICC_ColorSpace(profile), cm.hasAlpha(),
                cm.isAlphaPremultiplied(), cm.getTransparency(), cm.getTransferType());
        if (!tagged.isCompatibleRaster(image.getRaster())) {
            return image;
        }
        return new BufferedImage(tagged, image.getRaster(), cm.isAlphaPremultiplied(), null);
    }

    private static Node child(Node parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (name.equals(n.getNodeName())) {
                return n;
            }
        }
        return null;
    }

    private static byte[] inflate(byte[] compressed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 3);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null; // cut short
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_PROFILE_BYTES) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
