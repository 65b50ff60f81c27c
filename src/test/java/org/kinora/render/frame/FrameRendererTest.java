package org.kinora.render.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kinora.image.PhotoCache;
import org.kinora.image.PhotoLoader;
import org.kinora.model.Easing;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.Project;
import org.kinora.model.RgbColor;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.TransitionType;
import org.kinora.model.View;
import org.kinora.render.FrameRenderException;
import org.kinora.render.YuvFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameRendererTest {

    @TempDir
    Path dir;

    private Path solid(String name, int w, int h, int rgb) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        return TestPhotos.writePng(img, dir.resolve(name));
    }

    /** BT.709 limited range, written out here independently of the production constants. */
    private static double[] yuv709(int r, int g, int b) {
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        return new double[] {16 + 219 * y / 255, 128 + 224 * (b - y) / (1.8556 * 255), 128 + 224 * (r - y) / (1.5748 * 255)};
    }

    @Test
    void writesBt709LimitedRangeYuv() throws Exception {
        Path photo = solid("orange.png", 300, 200, 200 << 16 | 100 << 8 | 50);
        Project p = Frames.project(64, 36, 30, List.of(Frames.still(photo, 1, FitMode.FILL, Transition.NONE)));
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(64, 36);
            r.renderYuv(0, f);
            double[] e = yuv709(200, 100, 50);
            assertAll(Frames.y(f), e[0]);
            assertAll(Frames.cb(f), e[1]);
            assertAll(Frames.cr(f), e[2]);

            int[] argb = new int[64 * 36];
            r.renderArgb(0, argb);
            for (int v : argb) {
                assertThat(v >>> 24).isEqualTo(0xff);
                assertThat(Math.abs((v >> 16 & 0xff) - 200)).isLessThanOrEqualTo(3);
                assertThat(Math.abs((v >> 8 & 0xff) - 100)).isLessThanOrEqualTo(3);
                assertThat(Math.abs((v & 0xff) - 50)).isLessThanOrEqualTo(3);
            }
        }
    }

    private static void assertAll(byte[] plane, double expected) {
        for (byte v : plane) {
            assertThat((double) (v & 0xff)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1.0));
        }
    }

    /**
     * H.264 chroma siting: chroma column i sits on luma column 2i. A red|blue edge at luma x = 32
     * therefore crosses halfway between chroma samples where 2i + 0.5 = 32, i.e. at i = 15.75
     * (centre siting would put it at 15.5).
     */
    @Test
    void chromaIsSitedLeftAsH264Expects() throws Exception {
        BufferedImage img = new BufferedImage(256, 144, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 144; y++) {
            for (int x = 0; x < 256; x++) {
                img.setRGB(x, y, x < 128 ? 0xD02020 : 0x2020D0);
            }
        }
        Path photo = TestPhotos.writePng(img, dir.resolve("edge.png"));
        Project p = Frames.project(64, 36, 30, List.of(Frames.still(photo, 1, FitMode.FILL, Transition.NONE)));
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(64, 36);
            r.renderYuv(0, f);
            byte[] cr = Frames.cr(f);
            int row = 9 * 32;
            double hi = cr[row] & 0xff;
            double lo = cr[row + 31] & 0xff;
            double mid = (hi + lo) / 2;
            double crossing = Double.NaN;
            for (int i = 0; i < 31; i++) {
                double a = cr[row + i] & 0xff;
                double b = cr[row + i + 1] & 0xff;
                if (a >= mid && b < mid) {
                    crossing = i + (a - mid) / (a - b);
                }
            }
            assertThat(crossing).isBetween(15.65, 15.85);
        }
    }

    @Test
    void parallelRenderingIsAPureFunctionOfTheFrame() throws Exception {
        Path a = TestPhotos.writeJpeg(TestPhotos.detailed(600, 400, 1), dir.resolve("a.jpg"));
        Path b = TestPhotos.writeJpeg(TestPhotos.detailed(400, 600, 2), dir.resolve("b.jpg"));
        Motion m = new Motion(new View(0.5, 0.5, 1), new View(0.3, 0.6, 1.4), Easing.EASE_OUT);
        Project p = Frames.project(96, 54, 30, List.of(
                new Slide(a, 1.0, m, FitMode.FILL, new Transition(TransitionType.PUSH_LEFT, 0.4), ""),
                new Slide(b, 1.0, m, FitMode.BLUR, Transition.crossfade(0.3), ""),
                new Slide(a, 1.0, m.reversed(), FitMode.COLOR, Transition.NONE, "")));
        List<byte[]> sequential = framesInOrder(p);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sequential.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new java.util.Random(3));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (FrameRenderer r = new FrameRenderer(p)) {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i : order) {
                results.add(pool.submit(() -> {
                    YuvFrame f = new YuvFrame(96, 54);
                    r.renderYuv(i, f);
                    return all(f);
                }));
            }
            for (int k = 0; k < order.size(); k++) {
                assertThat(results.get(k).get()).as("frame %d", order.get(k)).isEqualTo(sequential.get(order.get(k)));
            }
            // Two photos, three slides: one load per (photo, resolution, backdrop) key, shared by all frames.
            assertThat(r.cache().loadCount()).isLessThanOrEqualTo(3);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Many threads drawing frames in order and loading several photos ahead at once, as a render on
     * many cores does, make exactly the frames one thread makes.
     */
    @Test
    void manyThreadsLoadingSeveralPhotosAheadMakeTheSameFrames() throws Exception {
        List<Slide> slides = new ArrayList<>();
        Motion m = new Motion(new View(0.4, 0.5, 1), new View(0.6, 0.4, 1.3), Easing.LINEAR);
        for (int i = 0; i < 8; i++) {
            Path photo = TestPhotos.writeJpeg(TestPhotos.detailed(300 + 20 * i, 200, i), dir.resolve("p" + i + ".jpg"));
            slides.add(new Slide(photo, 0.5, i % 2 == 0 ? m : m.reversed(), FitMode.FILL, Transition.crossfade(0.2), ""));
        }
        Project p = Frames.project(96, 54, 30, slides);
        List<byte[]> sequential = framesInOrder(p);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (FrameRenderer r = new FrameRenderer(p, new PhotoLoader(), new PhotoCache(), true, 3)) {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            byte[][] made = new byte[r.frameCount()][];
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                threads.add(pool.submit(() -> {
                    YuvFrame f = new YuvFrame(96, 54);
                    int i;
                    while ((i = next.getAndIncrement()) < made.length) {
                        r.renderYuv(i, f);
                        made[i] = all(f);
                        r.prepareAhead(i);
                    }
                    return null;
                }));
            }
            for (Future<?> t : threads) {
                t.get();
            }
            for (int i = 0; i < made.length; i++) {
                assertThat(made[i]).as("frame %d", i).isEqualTo(sequential.get(i));
            }
            // Not asserted: one load per photo. A thread descheduled long enough can find its
            // slide's photo released and load it again, which is correct.
        } finally {
            pool.shutdown();
        }
    }

    /** Every frame of a 96x54 project, rendered in order by one thread. */
    private static List<byte[]> framesInOrder(Project p) throws Exception {
        List<byte[]> frames = new ArrayList<>();
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(96, 54);
            for (int i = 0; i < r.frameCount(); i++) {
                r.renderYuv(i, f);
                frames.add(all(f));
            }
        }
        return frames;
    }

    private static byte[] all(YuvFrame f) {
        byte[] out = new byte[f.data().capacity()];
        f.data().get(0, out, 0, out.length);
        return out;
    }

    @Test
    void aBrokenPhotoNamesItsSlideAndFile() throws Exception {
        Path good = solid("good.png", 64, 36, 0x808080);
        Path bad = Files.writeString(dir.resolve("holiday.jpg"), "not a JPEG at all");
        Project p = Frames.project(64, 36, 10, List.of(
                Frames.still(good, 1, FitMode.FILL, Transition.NONE),
                Frames.still(bad, 1, FitMode.FILL, Transition.NONE)));
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(64, 36);
            r.renderYuv(0, f);
            assertThatThrownBy(() -> r.renderYuv(15, f))
                    .isInstanceOf(FrameRenderException.class)
                    .hasMessageContaining("slide 2")
                    .hasMessageContaining("holiday.jpg")
                    .hasMessageContaining("not an image");
        }
    }

    @Test
    void portraitPhotoIsFittedOnItsBlurredDimmedCopyByDefault() throws Exception {
        Path portrait = solid("portrait.png", 200, 300, 200 << 16 | 150 << 8 | 100);
        Project p = Frames.project(160, 90, 30, List.of(Frames.still(portrait, 1, FitMode.AUTO, Transition.NONE)));
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(160, 90);
            r.renderYuv(0, f);
            byte[] y = Frames.y(f);
            double photoY = yuv709(200, 150, 100)[0];
            double dimY = yuv709(120, 90, 60)[0]; // BlurredBackdrop.DIM = 0.6 of a uniform photo
            assertThat(y[45 * 160 + 80] & 0xff).isBetween((int) photoY - 1, (int) photoY + 2);
            assertThat(y[45 * 160 + 5] & 0xff).isBetween((int) dimY - 2, (int) dimY + 3);
            assertThat(y[45 * 160 + 155] & 0xff).isBetween((int) dimY - 2, (int) dimY + 3);
        }
    }

    @Test
    void colourFitUsesTheProjectBackground() throws Exception {
        Path portrait = solid("p.png", 200, 300, 0xC8C8C8);
        Project p = Frames.project(160, 90, 30, List.of(Frames.still(portrait, 1, FitMode.COLOR, Transition.NONE)))
                .withBackground(new RgbColor(10, 200, 30));
        try (FrameRenderer r = new FrameRenderer(p)) {
            int[] argb = new int[160 * 90];
            r.renderArgb(0, argb);
            int side = argb[45 * 160 + 3];
            assertThat(Math.abs((side >> 16 & 0xff) - 10)).isLessThanOrEqualTo(3);
            assertThat(Math.abs((side >> 8 & 0xff) - 200)).isLessThanOrEqualTo(3);
            assertThat(Math.abs((side & 0xff) - 30)).isLessThanOrEqualTo(3);
            int centre = argb[45 * 160 + 80];
            assertThat(Math.abs((centre >> 8 & 0xff) - 200)).isLessThanOrEqualTo(3);
            assertThat(Math.abs((centre & 0xff) - 200)).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void landscapePhotoCloseToTheOutputAspectIsCroppedToFill() throws Exception {
        Path photo = solid("wide.png", 300, 200, 0x3060C0);
        Project p = Frames.project(160, 90, 30, List.of(Frames.still(photo, 1, FitMode.AUTO, Transition.NONE)));
        try (FrameRenderer r = new FrameRenderer(p)) {
            int[] argb = new int[160 * 90];
            r.renderArgb(0, argb);
            for (int x : new int[] {0, 80, 159}) {
                int v = argb[45 * 160 + x];
                assertThat(Math.abs((v & 0xff) - 0xC0)).as("column %d", x).isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void photosOfFinishedSlidesLeaveTheCache() throws Exception {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path photo = solid("s" + i + ".png", 320, 180, (i * 30) << 8 | 0x40);
            slides.add(Frames.still(photo, 1.0, FitMode.FILL, Transition.crossfade(0.2)));
        }
        Project p = Frames.project(64, 36, 10, slides);
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(64, 36);
            int most = 0;
            for (int i = 0; i < r.frameCount(); i++) {
                r.renderYuv(i, f);
                most = Math.max(most, r.cache().size());
            }
            // The default budget would hold all eight; only the slides near the frame stay.
            assertThat(r.cache().loadCount()).isEqualTo(8);
            assertThat(most).isLessThanOrEqualTo(4);
        }
    }

    /** A second pass from frame 0 (preview scrubbing back, bench phases) releases photos again. */
    @Test
    void aSecondPassFromTheStartStillReleasesFinishedSlides() throws Exception {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path photo = solid("r" + i + ".png", 320, 180, (i * 30) << 8 | 0x40);
            slides.add(Frames.still(photo, 1.0, FitMode.FILL, Transition.crossfade(0.2)));
        }
        Project p = Frames.project(64, 36, 10, slides);
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(64, 36);
            for (int i = 0; i < r.frameCount(); i++) {
                r.renderYuv(i, f);
            }
            int most = 0;
            for (int i = 0; i < r.frameCount(); i++) {
                r.renderYuv(i, f);
                most = Math.max(most, r.cache().size());
            }
            assertThat(r.cache().loadCount()).isEqualTo(16);
            assertThat(most).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void manyPhotosRenderWithinTheCacheBudget() throws Exception {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path photo = solid("p" + i + ".png", 480, 320, (i * 20) << 16 | 0x4080);
            slides.add(Frames.still(photo, 0.2, FitMode.FILL, Transition.crossfade(0.1)));
        }
        // One decoded 160x107 working copy is ~100 KB; the budget holds about two.
        long budget = 220_000;
        PhotoCache cache = new PhotoCache(budget);
        Project p = Frames.project(160, 90, 30, slides);
        try (FrameRenderer r = new FrameRenderer(p, new PhotoLoader(), cache)) {
            YuvFrame f = new YuvFrame(160, 90);
            long most = 0;
            for (int i = 0; i < r.frameCount(); i++) {
                r.renderYuv(i, f);
                most = Math.max(most, cache.bytesHeld());
            }
            assertThat(cache.loadCount()).isGreaterThanOrEqualTo(12);
            assertThat(most).isLessThanOrEqualTo(budget);
        }
    }

    /** The next slide's photo loads between frames, before its first frame needs it. */
    @Test
    void prepareAheadLoadsTheNextPhotoShortlyBeforeItsFirstFrame() throws Exception {
        Path first = solid("first.png", 320, 180, 0x204060);
        Path second = solid("second.png", 320, 180, 0x604020);
        Project p = Frames.project(64, 36, 10, List.of(
                Frames.still(first, 3.0, FitMode.FILL, Transition.crossfade(0.5)),
                Frames.still(second, 2.0, FitMode.FILL, Transition.NONE)));
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(64, 36);
            int secondStarts = p.timeline().startFrame(1);
            int lead = (int) Math.round(FrameRenderer.PREFETCH_SECONDS * 10);
            r.renderYuv(0, f);
            r.prepareAhead(0);
            r.prepareAhead(secondStarts - lead - 1);
            assertThat(r.cache().loadCount()).as("too early: only the first photo").isEqualTo(1);

            r.prepareAhead(secondStarts - lead);
            assertThat(r.cache().loadCount()).isEqualTo(2);
            assertThat(r.photoWaited()).as("frame 0 waited for its photo's load").isPositive();
            r.prepareAhead(secondStarts - 1);
            for (int i = secondStarts; i < r.frameCount(); i++) {
                r.renderYuv(i, f);
            }
            assertThat(r.cache().loadCount()).as("the frames found it loaded").isEqualTo(2);
        }
    }

    /**
     * With several photos ahead (many producers), a slide's photo loads as soon as the slide that
     * many before it is on screen, one load per call so the producer goes back to drawing.
     */
    @Test
    void severalPhotosAheadLoadOnePerCallOnceTheSlideThatManyBeforeIsOnScreen() throws Exception {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slides.add(Frames.still(solid("s" + i + ".png", 160, 90, 0x101010 * (i + 1)), 1.0, FitMode.FILL,
                    Transition.NONE));
        }
        Project p = Frames.project(64, 36, 10, slides);
        try (FrameRenderer r = new FrameRenderer(p, new PhotoLoader(), new PhotoCache(), true, 2)) {
            YuvFrame f = new YuvFrame(64, 36);
            r.renderYuv(0, f);
            r.prepareAhead(0);
            assertThat(r.cache().loadCount()).as("slide 2 on one call, not with slide 3").isEqualTo(2);
            r.prepareAhead(0);
            assertThat(r.cache().loadCount()).as("slide 3 on the next").isEqualTo(3);
            r.prepareAhead(1);
            assertThat(r.cache().loadCount()).as("slide 4 waits for slide 2 on screen").isEqualTo(3);
            int secondStarts = p.timeline().startFrame(1);
            r.prepareAhead(secondStarts);
            assertThat(r.cache().loadCount()).isEqualTo(4);
            for (int i = 1; i < r.frameCount(); i++) {
                r.renderYuv(i, f);
                r.prepareAhead(i);
            }
            assertThat(r.cache().loadCount()).as("every photo loaded once").isEqualTo(5);
        }
    }

    /**
     * The photo cache budget the render is given ({@link FrameRenderer#photoMemory}) holds the
     * photos loaded ahead: none is evicted before its slide and loaded again.
     */
    @Test
    void thePhotoMemoryEstimateMakesRoomForThePhotosAhead() throws Exception {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            slides.add(Frames.still(solid("m" + i + ".png", 400, 300, 0x203040 + i), 0.8, FitMode.FILL,
                    Transition.crossfade(0.2)));
        }
        Project p = Frames.project(160, 90, 10, slides);
        long[] budget = new long[4];
        for (int ahead : new int[] {1, 3}) {
            FrameRenderer.PhotoMemory estimate;
            try (FrameRenderer r = new FrameRenderer(p, new PhotoLoader(), new PhotoCache(), true, ahead)) {
                estimate = r.photoMemory();
            }
            assertThat(estimate.heapBytes()).isGreaterThanOrEqualTo(estimate.cacheBytes());
            budget[ahead] = estimate.cacheBytes();
            PhotoCache cache = new PhotoCache(estimate.cacheBytes());
            try (FrameRenderer r = new FrameRenderer(p, new PhotoLoader(), cache, true, ahead)) {
                YuvFrame f = new YuvFrame(160, 90);
                for (int i = 0; i < r.frameCount(); i++) {
                    r.renderYuv(i, f);
                    r.prepareAhead(i);
                }
                assertThat(cache.loadCount()).as("%d ahead: each photo loaded once", ahead).isEqualTo(6);
            }
        }
        assertThat(budget[3]).as("three ahead need more room than one").isGreaterThan(budget[1]);
    }

    @Test
    void photosLoadAheadOneAtATimeUpToFourProducersThenOneMoreForEachFourMore() throws Exception {
        assertThat(FrameRenderer.photosAheadFor(1)).isEqualTo(1);
        assertThat(FrameRenderer.photosAheadFor(2)).isEqualTo(1);
        assertThat(FrameRenderer.photosAheadFor(7)).isEqualTo(1);
        assertThat(FrameRenderer.photosAheadFor(8)).isEqualTo(2);
        assertThat(FrameRenderer.photosAheadFor(16)).isEqualTo(4);
        assertThat(FrameRenderer.photosAheadFor(256)).isEqualTo(8);
        Project p = Frames.project(64, 36, 10, List.of(Frames.still(solid("one.png", 64, 36, 0x808080), 1.0,
                FitMode.FILL, Transition.NONE)));
        assertThatThrownBy(() -> new FrameRenderer(p, new PhotoLoader(), new PhotoCache(), true, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorruptNextPhotoIsReportedByItsFrameNotByTheLoadAhead() throws Exception {
        Path first = solid("good.png", 320, 180, 0x204060);
        Path broken = dir.resolve("broken.jpg");
        Files.write(broken, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
        Project p = Frames.project(64, 36, 10, List.of(
                Frames.still(first, 1.0, FitMode.FILL, Transition.NONE),
                Frames.still(broken, 1.0, FitMode.FILL, Transition.NONE)));
        try (FrameRenderer r = new FrameRenderer(p)) {
            YuvFrame f = new YuvFrame(64, 36);
            int secondStarts = p.timeline().startFrame(1);
            r.renderYuv(secondStarts - 1, f);
            r.prepareAhead(secondStarts - 1);
            assertThatThrownBy(() -> r.renderYuv(secondStarts, f))
                    .isInstanceOf(FrameRenderException.class)
                    .hasMessageContaining("broken.jpg")
                    .satisfies(e -> assertThat(((FrameRenderException) e).slideIndex()).isEqualTo(1));
        }
    }
}
