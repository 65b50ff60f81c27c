package org.kinora.render.audio;

import java.util.List;
import org.kinora.model.Slide;

/** Where slides start on the timeline, in seconds, the way {@link org.kinora.model.Timeline} lays them out. */
final class SlideTimes {

    private SlideTimes() {
    }

    /** Start of each slide: the previous start plus its duration minus the transition overlap. */
    static double[] starts(List<Slide> slides) {
        double[] starts = new double[slides.size()];
        double t = 0;
        for (int i = 0; i < slides.size(); i++) {
            starts[i] = t;
            t += slides.get(i).durationSeconds() - slides.get(i).transition().durationSeconds();
        }
        return starts;
    }

    static double end(List<Slide> slides) {
        if (slides.isEmpty()) {
            return 0;
        }
        int last = slides.size() - 1;
        return starts(slides)[last] + slides.get(last).durationSeconds();
    }

    /** The check {@code Project} makes: each slide holds its incoming plus outgoing transition. */
    static boolean fitsTransitions(List<Slide> slides) {
        for (int i = 0; i < slides.size(); i++) {
            double in = i > 0 ? slides.get(i - 1).transition().durationSeconds() : 0;
            double out = i + 1 < slides.size() ? slides.get(i).transition().durationSeconds() : 0;
            if (in + out > slides.get(i).durationSeconds() + 1e-9) {
                return false;
            }
        }
        return true;
    }
}
