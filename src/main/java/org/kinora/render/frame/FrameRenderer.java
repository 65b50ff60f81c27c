package org.kinora.render.frame;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.kinora.image.Bt709;
import org.kinora.image.Kernel;
import org.kinora.image.PhotoCache;
import org.kinora.image.PhotoException;
import org.kinora.image.PhotoInfo;
import org.kinora.image.PhotoLoader;
import org.kinora.image.PhotoWindow;
import org.kinora.image.YuvPhoto;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.RgbColor;
import org.kinora.model.Slide;
import org.kinora.model.Timeline;
import org.kinora.model.View;
import org.kinora.model.ViewRect;
import org.kinora.render.FrameRenderException;
import org.kinora.render.FrameSource;
import org.kinora.render.YuvFrame;

/**
 * Renders the frames of a project: the Ken Burns view of each slide, its fit background and the
 * transitions between slides, written as I420 (BT.709 limited range, H.264 chroma siting) for the
 * encoder or as ARGB for the preview.
 *
 * <p>A pure function of (project, frame index, output size): safe to call from many threads at
 * once. Each thread keeps its own scratch canvas; decoded photos are shared through a byte-budget
 * {@link PhotoCache} and decoded only at the resolution their slide needs.
 */
public final class FrameRenderer implements FrameSource {

    /**
     * Photos are decoded so that at the slide's closest zoom one output pixel spans at least this
     * many photo pixels: every frame then minifies (the filter low-passes) or, at 1, interpolates.
     */
    public static final double DECODE_MARGIN = 1.0;

    /** How far a zoom dissolve pushes into the outgoing slide (and settles the incoming one). */
    public static final double ZOOM_DISSOLVE_ZOOM = 0.2;

    /**
     * A slide's photo leaves the cache once frames this far past the slide's end are being drawn:
     * an export renders nearly in order (the frames in flight span the pipeline's queue, 2 x
     * producers + 2, under 45 frames up to 21 producers), so no pending frame needs it any more;
     * if one does, it is simply decoded again. The byte budget bounds everything else, such as
     * preview scrubbing.
     */
    public static final double RELEASE_AFTER_SECONDS = 1.5;

    /**
     * How long before its first frame the next slide's photo is loaded ({@link #prepareAhead}):
     * enough for a 20 MP decode on a busy core before the queued frames run out. Together with
     * {@link #RELEASE_AFTER_SECONDS} it keeps what the cache holds during a load as it was when
     * photos loaded on demand 2 s after the release point.
     */
    public static final double PREFETCH_SECONDS = 0.5;

    /** Frame-making threads per photo loaded ahead at once ({@link #photosAheadFor}). */
    static final int PRODUCERS_PER_PHOTO_AHEAD = 4;
    /** The most photos loaded ahead at once, however many threads make frames. */
    static final int MAX_PHOTOS_AHEAD = 8;

    private static final int[] BLACK = {16, 128, 128};
    private static final int[] WHITE = {235, 128, 128};

    private final Project project;
    private final Timeline timeline;
    private final int width;
    private final int height;
    private final PhotoLoader loader;
    private final PhotoCache cache;
    private final SlidePainter painter;
    private final int[] background;
    private final ConcurrentHashMap<Integer, Setup> setups = new ConcurrentHashMap<>();
    private final ThreadLocal<Scratch> scratch;
    private final AtomicInteger releasedBelow = new AtomicInteger();
    private final LongAdder photoWaitNanos = new LongAdder();
    /**
     * Photos loaded ahead of their slide, and prepared at once ({@link #photosAheadFor}): each load
     * holds its decoder's memory and the new working copy for a moment, so one at a time keeps
     * the heap of a render on few cores smallest; many cores draw frames faster than one thread
     * decodes photos, and need several.
     */
    private final int photosAhead;
    /** A permit per photo that may load at once: a frame waits for one, a load ahead never does. */
    private final Semaphore preparing;
    /** Whether cropped slides decode only the window of their photo they can show ({@link ViewWindow}). */
    private final boolean decodeWindows;

    /**
     * Cache key: one photo at one working resolution (with or without its backdrop), whole or
     * only the window of it its slide can show (null: whole). {@code decodedWidth} and
     * {@code decodedHeight} are the size the loader decodes the whole photo to for minWidth and
     * minHeight ({@link PhotoLoader#targetSize}), kept so it is worked out once.
     */
    record PhotoKey(Path photo, int minWidth, int minHeight, int levels, boolean backdrop, int outW, int outH,
                    int decodedWidth, int decodedHeight, PhotoWindow window) {

        /** Pixels of level 0: the window, or the whole decoded photo. */
        long pixels() {
            return window != null ? (long) window.width() * window.height() : (long) decodedWidth * decodedHeight;
        }
    }

    private record Setup(PhotoInfo info, FitMode fit, PhotoKey key) {
    }

    public FrameRenderer(Project project) {
        this(project, new PhotoLoader(), new PhotoCache());
    }

    public FrameRenderer(Project project, PhotoLoader loader, PhotoCache cache) {
        this(project, loader, cache, true);
    }

    /**
     * @param decodeWindows true: a cropped slide decodes only the part of its photo its motion
     *                      shows (least memory: exports); false: whole photos, which stay valid in
     *                      a shared cache when the motion is edited (the editor's preview)
     */
    public FrameRenderer(Project project, PhotoLoader loader, PhotoCache cache, boolean decodeWindows) {
        this(project, loader, cache, decodeWindows, 1);
    }

    /**
     * @param photosAhead how many slides ahead photos load, and how many load at once: 1 for
     *                    the fewest photos in memory, {@link #photosAheadFor} to keep many
     *                    frame-making threads busy
     */
    public FrameRenderer(Project project, PhotoLoader loader, PhotoCache cache, boolean decodeWindows,
                         int photosAhead) {
        if (photosAhead < 1) {
            throw new IllegalArgumentException("photos ahead must be 1 or more, not " + photosAhead);
        }
        this.photosAhead = photosAhead;
        this.preparing = new Semaphore(photosAhead);
        this.decodeWindows = decodeWindows;
        this.project = Objects.requireNonNull(project, "project");
        this.timeline = project.timeline();
        this.width = project.output().width();
        this.height = project.output().height();
        this.loader = Objects.requireNonNull(loader, "loader");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.painter = new SlidePainter(width, height, kernelFor(project.output().quality()));
        this.background = yuv(project.background());
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(width, height));
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int fps() {
        return project.output().fps();
    }

    @Override
    public int frameCount() {
        return timeline.totalFrames();
    }

    public PhotoCache cache() {
        return cache;
    }

    @Override
    public void renderYuv(int index, YuvFrame out) throws FrameRenderException {
        if (out.width() != width || out.height() != height) {
            throw new IllegalArgumentException("frame is " + out.width() + "x" + out.height()
                    + ", renderer makes " + width + "x" + height);
        }
        Scratch s = scratch.get();
        compose(index, s);
        s.main.copyTo(out);
    }

    /** Frame {@code index} as opaque 0xAARRGGBB ints, width * height of them, for the preview. */
    public void renderArgb(int index, int[] argb) throws FrameRenderException {
        if (argb.length < width * height) {
            throw new IllegalArgumentException("ARGB buffer holds " + argb.length + " ints, needs " + width * height);
        }
        Scratch s = scratch.get();
        compose(index, s);
        s.main.toArgb(argb);
    }

    /**
     * Loads a coming slide's photo once the frames just drawn reach its {@link #loadFrame}: the
     * next slide's {@link #PREFETCH_SECONDS} before its first frame, or with several photos ahead
     * as soon as the slide that many before it is on screen. Loading it inside its first frame
     * instead stalled every producer for the whole decode (up to 0.7 s cold) while the encoder,
     * which needs that frame next, waited. One load per call, and none while every load permit
     * is taken, so the producer returns to drawing instead of waiting.
     */
    @Override
    public void prepareAhead(int doneFrame) {
        if (doneFrame < 0 || doneFrame >= timeline.totalFrames()) {
            return;
        }
        int current = timeline.slideAt(doneFrame); // slideAt: the incoming slide during a transition
        // Most frames have nothing to load: find that out before touching the shared permits.
        if (!loadsBy(current + 1, doneFrame) || !preparing.tryAcquire()) {
            return;
        }
        try {
            int last = Math.min(current + photosAhead, project.slides().size() - 1);
            for (int next = current + 1; next <= last && loadsBy(next, doneFrame); next++) {
                Setup setup = setup(next, project.slides().get(next));
                if (cache.loadIfAbsent(setup.key(), () -> load(setup))) {
                    return;
                }
            }
        } catch (IOException e) {
            // PhotoException included: the slide's first frame loads it again and reports the
            // failure with its slide and file.
        } finally {
            preparing.release();
        }
    }

    /** Whether slide i exists, gets a frame, and its photo is due to load once frame doneFrame is drawn. */
    private boolean loadsBy(int i, int doneFrame) {
        return i < project.slides().size() && timeline.startFrame(i) < timeline.totalFrames()
                && doneFrame >= loadFrame(i);
    }

    @Override
    public Duration photoWaited() {
        return Duration.ofNanos(photoWaitNanos.sum());
    }

    /**
     * Photos to load ahead for {@code producers} frame-making threads: one up to
     * {@link #PRODUCERS_PER_PHOTO_AHEAD} threads, then one more for each as many more. A photo
     * takes 60-250 ms of one core to load and a slide 90 frames of about 3 ms of one core each:
     * 16 threads finish a slide in about 20 ms, so loading one photo at a time, just ahead, would
     * leave them waiting for every photo.
     */
    public static int photosAheadFor(int producers) {
        return Math.max(1, Math.min(MAX_PHOTOS_AHEAD, producers / PRODUCERS_PER_PHOTO_AHEAD));
    }

    private int prefetchFrames() {
        return (int) Math.round(PREFETCH_SECONDS * fps());
    }

    private void compose(int index, Scratch s) throws FrameRenderException {
        Timeline.FrameSpec f = timeline.at(index);
        releaseFinishedSlides(index, f.base().slideIndex());
        Canvas out = s.main;
        SlideContent a = content(f.base().slideIndex());
        double pa = f.base().progress();
        if (!f.inTransition()) {
            painter.paint(s, out, a, pa, Placement.IDENTITY, null, 1f);
            return;
        }
        SlideContent b = content(f.incoming().slideIndex());
        double pb = f.incoming().progress();
        Transitions.compose(painter, s, out, a, pa, b, pb, f.transition(), f.blend());
    }

    private void releaseFinishedSlides(int frame, int current) {
        rewindIfEarlier(current);
        int threshold = frame - (int) Math.round(RELEASE_AFTER_SECONDS * fps());
        int i = releasedBelow.get();
        while (i < current && timeline.startFrame(i) + timeline.frameCount(i) <= threshold) {
            if (releasedBelow.compareAndSet(i, i + 1)) {
                Setup done = setups.get(i);
                if (done != null && !usedFrom(done.key(), i + 1, current + 1)) {
                    cache.release(done.key());
                }
            }
            i = releasedBelow.get();
        }
    }

    /**
     * A frame of a slide that was already released: a new pass from an earlier frame (the preview
     * scrubbing back, a benchmark rendering everything a second time). Release tracking starts
     * again from there, and photos of slides after the next one leave the cache (they load again
     * when reached); otherwise every photo of the first pass would stay until the byte budget
     * evicts it, far above what the heap of a render is sized for. A single export never gets
     * here: producers stay within the queue bound of each other, far less than the release delay.
     */
    private void rewindIfEarlier(int current) {
        int below = releasedBelow.get();
        while (current < below) {
            if (releasedBelow.compareAndSet(below, current)) {
                for (int j = current + 1 + photosAhead; j < project.slides().size(); j++) {
                    Setup ahead = setups.get(j);
                    if (ahead != null && !usedFrom(ahead.key(), current, current + 1)) {
                        cache.release(ahead.key());
                    }
                }
                return;
            }
            below = releasedBelow.get();
        }
    }

    /** Whether a slide in [from, to] shares the key (the same photo at the same resolution). */
    private boolean usedFrom(PhotoKey key, int from, int to) {
        for (int j = from; j <= Math.min(to, project.slides().size() - 1); j++) {
            Setup other = setups.get(j);
            boolean same = other != null ? other.key().equals(key) : project.slides().get(j).photo().equals(key.photo());
            if (same) {
                return true;
            }
        }
        return false;
    }

    private SlideContent content(int slideIndex) throws FrameRenderException {
        Slide slide = project.slides().get(slideIndex);
        try {
            Setup setup = setup(slideIndex, slide);
            long asked = System.nanoTime();
            PreparedPhoto prepared = cache.get(setup.key(), () -> prepare(setup));
            photoWaitNanos.add(System.nanoTime() - asked);
            return new SlideContent(prepared, setup.info().aspect(), setup.fit(), slide.motion(), background);
        } catch (PhotoException e) {
            throw new FrameRenderException(slideIndex, slide.photo(), e.reason(), e);
        } catch (IOException e) {
            throw new FrameRenderException(slideIndex, slide.photo(), "cannot load photo: " + e.getMessage(), e);
        }
    }

    private Setup setup(int slideIndex, Slide slide) throws PhotoException {
        Setup known = setups.get(slideIndex);
        if (known != null) {
            return known;
        }
        PhotoInfo info = loader.probe(slide.photo());
        double outAspect = (double) width / height;
        FitMode fit = slide.fit().resolve(info.aspect(), outAspect);
        Setup setup = new Setup(info, fit, keyFor(slide, info, fit));
        setups.putIfAbsent(slideIndex, setup);
        return setup;
    }

    /**
     * What this project's photos take in a render, from photo headers alone (nothing is decoded).
     * It replays the render's order: when a slide's photo loads ({@link #loadFrame}), the cache
     * still holds the photos of the slides not yet released ({@link #RELEASE_AFTER_SECONDS}, in
     * order, as {@code releaseFinishedSlides} does) up to the largest pair of consecutive photos
     * plus the largest photo for each photo ahead, and the load adds the new working copy plus the
     * decoder's peak, and the peaks of the loads started just before it that may still run.
     * Canvases and the rest of the renderer are not counted.
     */
    public PhotoMemory photoMemory() throws PhotoException {
        List<Slide> slides = project.slides();
        int n = slides.size();
        Setup[] setups = new Setup[n];
        long[] working = new long[n];
        long[] loadPeak = new long[n];
        long largest = 0;
        long pair = 0;
        for (int i = 0; i < n; i++) {
            setups[i] = setup(i, slides.get(i));
            working[i] = workingBytes(setups[i]);
            loadPeak[i] = loadPeakBytes(setups[i]);
            largest = Math.max(largest, working[i]);
            pair = Math.max(pair, working[i] + (i > 0 ? working[i - 1] : 0));
        }
        // Short slides finish faster than they are released; beyond this the cache evicts the
        // least recently used photo, which keeps a transition's two photos and those ahead.
        long budget = pair + photosAhead * largest;
        int delay = (int) Math.round(RELEASE_AFTER_SECONDS * fps());
        long heap = 0;
        long cached = 0;
        boolean evicting = false;
        int releasedBelow = 0;
        for (int i = 0; i < n; i++) {
            if (timeline.startFrame(i) >= timeline.totalFrames()) {
                break; // a last slide too short to get a frame: never loaded
            }
            int loadsAt = loadFrame(i);
            int current = timeline.at(loadsAt).base().slideIndex();
            while (releasedBelow < current
                    && timeline.startFrame(releasedBelow) + timeline.frameCount(releasedBelow) <= loadsAt - delay) {
                releasedBelow++;
            }
            Map<PhotoKey, Long> held = new HashMap<>();
            for (int j = releasedBelow; j < i; j++) {
                held.put(setups[j].key(), working[j]);
            }
            long holdingAll = held.values().stream().mapToLong(Long::longValue).sum();
            evicting |= holdingAll > budget;
            long holding = Math.min(budget, holdingAll);
            boolean loads = !held.containsKey(setups[i].key());
            long adds = loads ? working[i] : 0;
            long loading = loads ? loadPeak[i] : 0;
            for (int j = Math.max(releasedBelow, i - photosAhead + 1); j < i; j++) {
                loading += loadPeak[j]; // loads started for earlier slides may still run
            }
            heap = Math.max(heap, holding + adds + loading);
            cached = Math.max(cached, holding + adds);
        }
        // Evicted photos become garbage as fast as slides go by (a 1,000-photo show of 0.1 s
        // slides collected all the time without this room).
        return new PhotoMemory(evicting ? heap + budget / 2 : heap, cached);
    }

    /**
     * The frame after which slide i's photo loads ({@link #prepareAhead}): with one photo ahead,
     * once the previous slide is on screen and the frames are within {@link #PREFETCH_SECONDS} of
     * slide i; with n ahead, once slide i - n is on screen.
     */
    private int loadFrame(int i) {
        if (i == 0) {
            return 0;
        }
        if (photosAhead > 1) {
            return timeline.startFrame(Math.max(0, i - photosAhead));
        }
        return Math.max(timeline.startFrame(i - 1), timeline.startFrame(i) - prefetchFrames());
    }

    /**
     * @param heapBytes the most photo memory a render holds at once, a load in progress included
     * @param cacheBytes the most the photo cache holds at once: a smaller budget would evict a
     *                   photo that frames still need, which is then decoded again for every frame
     */
    public record PhotoMemory(long heapBytes, long cacheBytes) {
    }

    /** What the cache holds for a slide: its Y'CbCr levels (4 bytes a sample) and any backdrop. */
    private long workingBytes(Setup s) {
        PhotoKey k = s.key();
        long w = k.window() != null ? k.window().width() : k.decodedWidth();
        long h = k.window() != null ? k.window().height() : k.decodedHeight();
        long bytes = 0;
        for (int level = 0; level < k.levels() && w >= 1 && h >= 1; level++) {
            long cw = (w + 1) / 2;
            long ch = (h + 1) / 2;
            // As RowPlane counts them: 4 bytes a sample and an array header a row.
            bytes += 4 * (w * h + 2 * cw * ch) + 16 * (h + 2 * ch);
            w = (w + 1) / 2;
            h = (h + 1) / 2;
        }
        if (k.backdrop()) {
            bytes += 6L * width * height / (BlurredBackdrop.SHRINK * BlurredBackdrop.SHRINK);
        }
        return bytes;
    }

    /**
     * Extra heap while a slide's photo loads: the decoder's, plus a float RGB copy for a blurred
     * backdrop, or the compact copy of a photo stored turned.
     */
    private long loadPeakBytes(Setup s) {
        PhotoKey k = s.key();
        long decoding = PhotoLoader.decodeHeapBytes(s.info(), k.minWidth(), k.minHeight());
        if (k.backdrop()) {
            return decoding + 12 * k.pixels();
        }
        if (s.info().orientation() > 1) {
            return decoding + PhotoLoader.turnedCopyBytes(k.pixels());
        }
        return decoding;
    }

    /** The working resolution a slide needs: its closest zoom at output size, and mip levels down to its widest. */
    private PhotoKey keyFor(Slide slide, PhotoInfo info, FitMode fit) {
        Motion m = slide.motion();
        double zMax = Math.max(m.start().zoom(), m.end().zoom());
        double zMin = Math.min(m.start().zoom(), m.end().zoom());
        ViewRect base = ViewRect.of(View.FULL, info.aspect(), (double) width / height, fit != FitMode.FILL);
        int minW = (int) Math.ceil(DECODE_MARGIN * width * zMax / base.width());
        int minH = (int) Math.ceil(DECODE_MARGIN * height * zMax / base.height());
        double scale = Math.min(1.0, Math.max((double) minW / info.width(), (double) minH / info.height()));
        double decodedW = info.width() * scale;
        double widest = base.width() / zMin * decodedW / width; // photo pixels per output pixel at zMin
        int levels = 1 + (int) Math.floor(Math.log(Math.max(1.0, widest)) / Math.log(2) + 1e-9);
        int[] size = PhotoLoader.targetSize(info, minW, minH);
        PhotoWindow window = decodeWindows && fit == FitMode.FILL
                ? ViewWindow.of(m, info.aspect(), (double) width / height, size[0], size[1], levels) : null;
        return new PhotoKey(slide.photo(), minW, minH, levels, fit == FitMode.BLUR, width, height,
                size[0], size[1], window);
    }

    /** Loads a slide's photo once a load permit is free ({@link #preparing}). */
    private PreparedPhoto prepare(Setup setup) throws IOException {
        try {
            preparing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting to load "
                    + setup.key().photo());
            io.initCause(e);
            throw io;
        }
        try {
            return load(setup);
        } finally {
            preparing.release();
        }
    }

    /** Loads a slide's photo; the caller holds a load permit. */
    private PreparedPhoto load(Setup setup) throws IOException {
        PhotoKey k = setup.key();
        if (k.backdrop()) {
            // The backdrop is made from the whole photo's RGB, so this one is loaded as RGB.
            var rgb = loader.load(k.photo(), k.minWidth(), k.minHeight());
            return new PreparedPhoto(YuvPhoto.fromRgb(rgb, k.levels()), BlurredBackdrop.of(rgb, width, height));
        }
        YuvPhoto photo = loader.loadYuv(k.photo(), k.minWidth(), k.minHeight(), k.window(), k.levels());
        if (k.window() != null) {
            photo = photo.placedAt(k.window(), k.decodedWidth(), k.decodedHeight());
        }
        return new PreparedPhoto(photo, null);
    }

    /**
     * Catmull-Rom (4 taps at 1:1, stretched when minifying) for every real render; the tent filter
     * (2 taps at 1:1) only for DRAFT, where speed matters more than the last bit of sharpness.
     */
    static Kernel kernelFor(Quality quality) {
        return quality == Quality.DRAFT ? Kernel.TRIANGLE : Kernel.CATMULL_ROM;
    }

    private static int[] yuv(RgbColor c) {
        return new int[] {
            Math.round(Bt709.y(c.red(), c.green(), c.blue())),
            Math.round(Bt709.cb(c.red(), c.green(), c.blue())),
            Math.round(Bt709.cr(c.red(), c.green(), c.blue()))
        };
    }

    static int[] black() {
        return BLACK.clone();
    }

    static int[] white() {
        return WHITE.clone();
    }

    /** Frees the photo cache. Thread-local canvases go with the renderer. */
    @Override
    public void close() {
        cache.close();
    }
}
