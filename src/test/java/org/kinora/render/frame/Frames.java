package org.kinora.render.frame;

import java.nio.file.Path;
import java.util.List;
import org.kinora.model.Easing;
import org.kinora.model.EncoderPreference;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.View;
import org.kinora.render.YuvFrame;

/** Helpers for renderer tests. */
final class Frames {

    private Frames() {
    }

    static Project project(int w, int h, int fps, List<Slide> slides) {
        return new Project(new OutputSettings(w, h, fps, Quality.STANDARD, EncoderPreference.AUTO), slides, List.of());
    }

    static Slide still(Path photo, double seconds, FitMode fit, Transition next) {
        return new Slide(photo, seconds, Motion.STILL, fit, next, "");
    }

    static Motion pan(double x0, double y0, double x1, double y1, double zoom) {
        return new Motion(new View(x0, y0, zoom), new View(x1, y1, zoom), Easing.LINEAR);
    }

    static byte[] y(YuvFrame f) {
        byte[] out = new byte[f.width() * f.height()];
        f.data().get(f.yOffset(), out, 0, out.length);
        return out;
    }

    static byte[] cb(YuvFrame f) {
        byte[] out = new byte[f.chromaWidth() * f.chromaHeight()];
        f.data().get(f.uOffset(), out, 0, out.length);
        return out;
    }

    static byte[] cr(YuvFrame f) {
        byte[] out = new byte[f.chromaWidth() * f.chromaHeight()];
        f.data().get(f.vOffset(), out, 0, out.length);
        return out;
    }

    static double psnr(double[] a, double[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            se += d * d;
        }
        double mse = se / a.length;
        return 10 * Math.log10(255.0 * 255.0 / Math.max(mse, 1e-12));
    }
}
