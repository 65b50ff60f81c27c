package org.kinora.model;

import java.util.Arrays;
import java.util.List;

/**
 * Maps output frames to slides. Slides follow each other; a transition makes a slide's last
 * frames overlap the next slide's first frames.
 *
 * <p>Every boundary is rounded to a frame from its exact time on the timeline, never from the
 * rounded previous boundary, so fractional durations do not drift however many slides there are.
 */
public final class Timeline {

    /** A slide seen at one frame: which slide, and how far through its own frames (0..1). */
    public record SlideAt(int slideIndex, double progress) {
    }

    /**
     * What output frame {@code frame} shows: {@code base} alone, or during a transition {@code base}
     * going out and {@code incoming} coming in with weight {@code blend} (0 = all base, 1 = all incoming).
     */
    public record FrameSpec(int frame, SlideAt base, SlideAt incoming, double blend, TransitionType transition) {
        public boolean inTransition() {
            return incoming != null;
        }
    }

    private final List<Slide> slides;
    private final int fps;
    private final int[] startFrame;
    private final int[] endFrame; // exclusive

    public Timeline(Project project) {
        this.slides = project.slides();
        this.fps = project.output().fps();
        int n = slides.size();
        startFrame = new int[n];
        endFrame = new int[n];
        double start = 0;
        for (int i = 0; i < n; i++) {
            Slide s = slides.get(i);
            startFrame[i] = toFrame(start);
            endFrame[i] = Math.max(startFrame[i], toFrame(start + s.durationSeconds()));
            double overlap = i + 1 < n ? s.transition().durationSeconds() : 0;
            start += s.durationSeconds() - overlap;
        }
    }

    private int toFrame(double seconds) {
        return (int) Math.round(seconds * fps);
    }

    public int fps() {
        return fps;
    }

    public int slideCount() {
        return slides.size();
    }

    public int totalFrames() {
        return slides.isEmpty() ? 0 : endFrame[slides.size() - 1];
    }

    public double durationSeconds() {
        return (double) totalFrames() / fps;
    }

    /** First frame on which slide i is visible. */
    public int startFrame(int slide) {
        return startFrame[slide];
    }

    /** Number of frames on which slide i is visible, transitions included. */
    public int frameCount(int slide) {
        return endFrame[slide] - startFrame[slide];
    }

    public double secondsOf(int frame) {
        return (double) frame / fps;
    }

    /** The slide visible at frame; during a transition, the incoming one. */
    public int slideAt(int frame) {
        checkFrame(frame);
        int idx = Arrays.binarySearch(startFrame, frame);
        if (idx < 0) {
            return -idx - 2;
        }
        while (idx + 1 < startFrame.length && startFrame[idx + 1] == frame) {
            idx++; // slides too short to get a frame share their start with the next
        }
        return idx;
    }

    public FrameSpec at(int frame) {
        int i = slideAt(frame);
        SlideAt current = new SlideAt(i, progress(i, frame));
        if (i > 0 && frame < endFrame[i - 1]) {
            int overlap = endFrame[i - 1] - startFrame[i];
            double blend = (double) (frame - startFrame[i] + 1) / (overlap + 1);
            SlideAt outgoing = new SlideAt(i - 1, progress(i - 1, frame));
            return new FrameSpec(frame, outgoing, current, blend, slides.get(i - 1).transition().type());
        }
        return new FrameSpec(frame, current, null, 0, TransitionType.CUT);
    }

    private double progress(int slide, int frame) {
        int count = frameCount(slide);
        return count <= 1 ? 0 : (double) (frame - startFrame[slide]) / (count - 1);
    }

    private void checkFrame(int frame) {
        if (frame < 0 || frame >= totalFrames()) {
            throw new IndexOutOfBoundsException("frame " + frame + " outside 0.." + (totalFrames() - 1));
        }
    }
}
