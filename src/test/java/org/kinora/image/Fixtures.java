package org.kinora.image;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The committed image fixtures of src/test/resources/org/kinora/image (see the README there). */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad fixture URL " + url, e);
        }
    }

    /** The colour of pixel (x, y) rounded to 8 bits, as {r, g, b}. */
    static int[] rgb(RgbImage img, int x, int y) {
        return new int[] {RgbImage.clamp8(img.red().at(x, y)), RgbImage.clamp8(img.green().at(x, y)),
            RgbImage.clamp8(img.blue().at(x, y))};
    }
}
