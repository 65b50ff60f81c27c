package org.kinora.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads photos upright, in sRGB, at the resolution they are needed: JPEG (also CMYK/YCCK through
 * TwelveMonkeys), PNG, TIFF, BMP, WebP, GIF (first frame) and whatever else ImageIO reads.
 *
 * <p>The header is read first: an image claiming more than {@link #maxPixels()} pixels is refused
 * before any pixel memory is allocated. Decoding uses ImageIO source subsampling to stay near
 * twice the needed size or more (point subsampling aliases, so some oversampling is kept), then a Lanczos
 * downscale to the exact size (from 2.5x on, averaging 2x2 blocks first: {@link StreamingDownscaler}).
 * Every failure is a {@link PhotoException} naming file and reason.
 *
 * <p>Plain JPEGs (8-bit Y'CbCr or grey, sRGB or untagged, intact) are decoded by
 * {@link BandedJpegDecoder} instead: a band of rows at a time (a progressive photo's coefficients
 * are never all held), several times faster than ImageIO on progressive files, and at 1/2, 1/4 or
 * 1/8 size in the DCT domain where the downscale allows it. Every other JPEG, and any file it finds
 * damaged, goes through ImageIO as before.
 */
public final class PhotoLoader {

    public static final long DEFAULT_MAX_PIXELS = 250_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(PhotoLoader.class);

    /**
     * A DCT-domain reduction is used only while the Lanczos pass after it still reduces by this
     * much or more: the same rule as the downscaler's 2x2 box pre-reduction, so the kernel, not
     * the decoder's reduction, sets the passband.
     */
    static final double MIN_KERNEL_RATIO = StreamingDownscaler.BOX_MIN_RATIO / 2;

    /**
     * What the JPEG decoder's band may hold: coefficients (progressive files) and two bands of
     * samples. Small bands cost nothing more to decode (every scan resumes where it stopped), so
     * this only needs to be well above one MCU row of a very wide photo.
     */
    static final long BAND_BYTES = 2L << 20;

    /** Pixels an ImageIO decode may hold beyond twice the target size: 32 MB as ARGB. */
    static final long SUBSAMPLED_PIXELS = 8_000_000L;

    /** Plain JPEGs decoded by the banded decoder: lets tests see which path a photo took. */
    private static final LongAdder BANDED_DECODES = new LongAdder();

    private final long maxPixels;
    private final boolean bandedJpeg;

    public PhotoLoader() {
        this(DEFAULT_MAX_PIXELS);
    }

    public PhotoLoader(long maxPixels) {
        this(maxPixels, true);
    }

    /** {@code bandedJpeg} false: every JPEG through ImageIO (the reference the fast path is compared with). */
    PhotoLoader(long maxPixels, boolean bandedJpeg) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("pixel limit must be positive");
        }
        this.maxPixels = maxPixels;
        this.bandedJpeg = bandedJpeg;
    }

    static long bandedDecodes() {
        return BANDED_DECODES.sum();
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Reads the header and orientation only. */
    public PhotoInfo probe(Path file) throws PhotoException {
        try (Opened o = open(file)) {
            return o.info;
        }
    }

    /**
     * The whole photo, upright, scaled down (never up) so that it is at least {@code minWidth} x
     * {@code minHeight} when the photo is that large: the largest of the two scale factors wins.
     * Pass 0, 0 for the full resolution.
     */
    public RgbImage load(Path file, int minWidth, int minHeight) throws PhotoException {
        return load(file, minWidth, minHeight, null);
    }

    /**
     * Like {@link #load(Path, int, int)}, but only {@code window} of the upright result (in its
     * pixels, see {@link #targetSize}; null: all of it) is decoded, filtered and returned. Its
     * pixels are those the whole result has there.
     */
    public RgbImage load(Path file, int minWidth, int minHeight, PhotoWindow window) throws PhotoException {
        try (Opened o = open(file)) {
            int[] target = targetSize(o.info, minWidth, minHeight);
            return decodeTo(o, target[0], target[1], windowIn(window, target));
        }
    }

    /**
     * Source subsampling for ImageIO: it drops pixels (it aliases), so at least 2x oversampling is
     * kept and the Lanczos pass does the filtering, while a huge photo is still never held at full
     * size. Small targets (thumbnails) keep more: as little subsampling as keeps the decoded image
     * under {@link #SUBSAMPLED_PIXELS}, since 2x point sampling leaves moiré on fine detail.
     */
    static int imageIoSubsample(PhotoInfo info, int storedTargetW, int storedTargetH) {
        int factor = (int) Math.floor(Math.min((double) info.storedWidth() / storedTargetW,
                (double) info.storedHeight() / storedTargetH));
        int twiceTheTarget = Math.max(1, factor / 2);
        int underBudget = (int) Math.ceil(Math.sqrt((double) info.storedWidth() * info.storedHeight() / SUBSAMPLED_PIXELS));
        return Math.max(1, Math.min(twiceTheTarget, underBudget));
    }

    /**
     * Heap a {@link #load} of this photo holds besides its result, at most: the file's bytes and
     * the decoder's band for a JPEG, else the decoder's subsampled image (4 bytes a pixel). A JPEG
     * the banded decoder does not take (CMYK, for one) goes through ImageIO and holds more.
     */
    public static long decodeHeapBytes(PhotoInfo info, int minWidth, int minHeight) {
        if (info.format().equals("JPEG")) {
            try {
                return Files.size(info.file()) + BAND_BYTES;
            } catch (IOException unreadable) {
                return 0; // the load itself reports it
            }
        }
        int[] target = targetSize(info, minWidth, minHeight);
        boolean swap = ExifOrientation.swapsAxes(info.orientation());
        int sub = imageIoSubsample(info, swap ? target[1] : target[0], swap ? target[0] : target[1]);
        return 4L * ((info.storedWidth() + sub - 1) / sub) * ((info.storedHeight() + sub - 1) / sub);
    }

    /** Heap a photo stored turned (EXIF orientation) is held in while it loads, for {@code pixels} pixels. */
    public static long turnedCopyBytes(long pixels) {
        return CompactRgb.bytes(pixels);
    }

    /** The window asked for (null: the whole target), checked to lie inside the target size. */
    private static PhotoWindow windowIn(PhotoWindow window, int[] target) {
        PhotoWindow win = window == null ? new PhotoWindow(0, 0, target[0], target[1]) : window;
        if (!win.fitsIn(target[0], target[1])) {
            throw new IllegalArgumentException("window " + win + " outside " + target[0] + "x" + target[1]);
        }
        return win;
    }

    /** The upright size {@link #load} returns for a photo: {width, height}. */
    public static int[] targetSize(PhotoInfo info, int minWidth, int minHeight) {
        double scale = Math.max((double) minWidth / info.width(), (double) minHeight / info.height());
        scale = scale <= 0 ? 1 : Math.min(1.0, scale);
        int targetW = Math.max(1, (int) Math.round(info.width() * scale));
        int targetH = Math.max(1, (int) Math.round(info.height() * scale));
        return new int[] {targetW, targetH};
    }

    /** Decodes subsampled to no less than twice the target where possible, then a Lanczos downscale. */
    private RgbImage decodeTo(Opened o, int targetW, int targetH) throws PhotoException {
        return decodeTo(o, targetW, targetH, new PhotoWindow(0, 0, targetW, targetH));
    }

    private RgbImage decodeTo(Opened o, int targetW, int targetH, PhotoWindow window) throws PhotoException {
        return ExifOrientation.apply(decodeStoredImage(o, targetW, targetH, window), o.info.orientation());
    }

    /** The part of the stored (not yet turned) photo that becomes {@code window} (never null) of the upright result. */
    private RgbImage decodeStoredImage(Opened o, int targetW, int targetH, PhotoWindow window) throws PhotoException {
        PhotoWindow stored = storedWindow(o.info, targetW, targetH, window);
        RgbImage resized = RgbImage.blank(stored.width(), stored.height());
        decodeStored(o, storedTargetWidth(o.info, targetW, targetH), storedTargetHeight(o.info, targetW, targetH),
                stored, resized.rows());
        return resized;
    }

    /** The same in 6 bytes a pixel ({@link CompactRgb}): what a photo that must be turned is held as while it loads. */
    private CompactRgb decodeStoredCompact(Opened o, int targetW, int targetH, PhotoWindow window) throws PhotoException {
        PhotoWindow stored = storedWindow(o.info, targetW, targetH, window);
        CompactRgb resized = new CompactRgb(stored.width(), stored.height());
        decodeStored(o, storedTargetWidth(o.info, targetW, targetH), storedTargetHeight(o.info, targetW, targetH),
                stored, resized);
        return resized;
    }

    private static PhotoWindow storedWindow(PhotoInfo info, int targetW, int targetH, PhotoWindow window) {
        return ExifOrientation.storedWindow(window, info.orientation(), storedTargetWidth(info, targetW, targetH),
                storedTargetHeight(info, targetW, targetH));
    }

    private static int storedTargetWidth(PhotoInfo info, int targetW, int targetH) {
        return ExifOrientation.swapsAxes(info.orientation()) ? targetH : targetW;
    }

    private static int storedTargetHeight(PhotoInfo info, int targetW, int targetH) {
        return ExifOrientation.swapsAxes(info.orientation()) ? targetW : targetH;
    }

    /**
     * The photo as the renderer keeps it ({@link YuvPhoto}, {@code levels} mip levels), at the size
     * {@link #load(Path, int, int, PhotoWindow)} gives, only {@code window} of it (null: whole).
     * An upright photo goes from the decoder's rows straight into Y'CbCr rows, so no float RGB copy
     * of it is ever held; a photo that must be turned is held once, as stored ({@link CompactRgb},
     * 6 bytes a pixel), and read upright.
     */
    public YuvPhoto loadYuv(Path file, int minWidth, int minHeight, PhotoWindow window, int levels)
            throws PhotoException {
        try (Opened o = open(file)) {
            int[] target = targetSize(o.info, minWidth, minHeight);
            PhotoWindow win = windowIn(window, target);
            YuvPhoto.Builder rows = new YuvPhoto.Builder(win.width(), win.height());
            if (o.info.orientation() > 1) {
                ExifOrientation.uprightRows(decodeStoredCompact(o, target[0], target[1], win), o.info.orientation(), rows);
            } else {
                decodeStored(o, target[0], target[1], win, rows);
            }
            return rows.build(levels);
        }
    }

    /**
     * Decodes the stored (not yet turned) photo into {@code window} of its stored target size, row
     * by row: {@link BandedJpegDecoder} for plain JPEGs, else ImageIO subsampled to no less than twice the target
     * where possible, then a Lanczos downscale.
     */
    private void decodeStored(Opened o, int storedTargetW, int storedTargetH, PhotoWindow window, RgbRowSink sink)
            throws PhotoException {
        PhotoInfo info = o.info;
        if (bandedJpeg && decodePlainJpeg(o, storedTargetW, storedTargetH, window, sink)) {
            return;
        }
        BufferedImage decoded = decode(o, imageIoSubsample(info, storedTargetW, storedTargetH));
        StreamingDownscaler.resize(decoded, storedTargetW, storedTargetH, window, Kernel.LANCZOS3, sink);
    }

    /**
     * The fast path: the stored (not yet oriented) image at the stored target size into the sink,
     * or false when this file must go through ImageIO (not a plain JPEG, or damaged: the sink is
     * then told to start again).
     */
    private boolean decodePlainJpeg(Opened o, int storedTargetW, int storedTargetH, PhotoWindow window,
                                         RgbRowSink sink) throws PhotoException {
        if (!o.info.format().equals("JPEG")) {
            return false;
        }
        byte[] data;
        try {
            data = Files.readAllBytes(o.file);
        } catch (IOException e) {
            throw new PhotoException(o.file, "cannot read: " + describe(e), e);
        }
        JpegStructure jpeg = JpegStructure.parse(data);
        String refusal = jpeg.fastPathRefusal();
        if (refusal == null && (jpeg.width() != o.info.storedWidth() || jpeg.height() != o.info.storedHeight())) {
            refusal = "frame header disagrees with ImageIO about the size";
        }
        if (refusal != null) {
            LOG.debug("{}: decoded by ImageIO: {}", o.file, refusal);
            o.jpegPeculiarity = refusal;
            return false;
        }
        int lowres = lowresFor(o.info.storedWidth(), o.info.storedHeight(), storedTargetW, storedTargetH);
        try {
            BandedJpegDecoder decoder = BandedJpegDecoder.open(data, jpeg.imageEnd(), lowres);
            StreamingDownscaler.resize(BandedPlanes.rows(decoder, BAND_BYTES), o.info.storedWidth(),
                    o.info.storedHeight(), 1 << lowres, storedTargetW, storedTargetH, window, Kernel.LANCZOS3, sink);
            BANDED_DECODES.increment();
            return true;
        } catch (JpegDecodeException | BandedPlanes.Damaged e) {
            LOG.debug("{}: decoded by ImageIO: {}", o.file, e.getMessage());
            sink.restart();
            return false;
        }
    }

    /** The deepest DCT-domain reduction (0 to 3: 1/1 to 1/8) that leaves the kernel at least {@link #MIN_KERNEL_RATIO}. */
    static int lowresFor(int width, int height, int targetW, int targetH) {
        double ratio = Math.min((double) width / targetW, (double) height / targetH);
        int lowres = 0;
        while (lowres < BandedJpegDecoder.MAX_LOWRES && ratio / (2 << lowres) >= MIN_KERNEL_RATIO) {
            lowres++;
        }
        return lowres;
    }

    /**
     * A thumbnail whose longer side is about {@code maxEdge}: the file's embedded thumbnail (EXIF
     * or JFIF) when it is at least that large, else a subsampled decode.
     */
    public BufferedImage thumbnail(Path file, int maxEdge) throws PhotoException {
        try (Opened o = open(file)) {
            PhotoInfo info = o.info;
            double scale = Math.min(1.0, (double) maxEdge / Math.max(info.width(), info.height()));
            int w = Math.max(1, (int) Math.round(info.width() * scale));
            int h = Math.max(1, (int) Math.round(info.height() * scale));
            BufferedImage embedded = embeddedThumbnail(o, maxEdge);
            if (embedded != null) {
                boolean swap = ExifOrientation.swapsAxes(info.orientation());
                RgbImage small = StreamingDownscaler.resize(embedded, swap ? h : w, swap ? w : h, Kernel.LANCZOS3);
                return ExifOrientation.apply(small, info.orientation()).toBufferedImage();
            }
            return decodeTo(o, w, h).toBufferedImage();
        }
    }

    private static BufferedImage embeddedThumbnail(Opened o, int maxEdge) {
        try {
            if (!o.reader.readerSupportsThumbnails() || o.reader.getNumThumbnails(0) == 0) {
                return null;
            }
            int tw = o.reader.getThumbnailWidth(0, 0);
            int th = o.reader.getThumbnailHeight(0, 0);
            if (Math.max(tw, th) < maxEdge) {
                return null;
            }
            return o.reader.readThumbnail(0, 0);
        } catch (IOException | RuntimeException e) {
            // A broken embedded thumbnail is not a broken photo: the caller decodes the image itself.
            return null;
        }
    }

    private BufferedImage decode(Opened o, int subsample) throws PhotoException {
        ImageReadParam param = o.reader.getDefaultReadParam();
        param.setSourceSubsampling(subsample, subsample, 0, 0);
        List<String> warnings = new ArrayList<>();
        o.reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image;
        try {
            image = o.reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            // What the JPEG parser saw (12-bit samples, lossless coding...) says more than ImageIO's own words.
            String what = o.jpegPeculiarity == null ? "" : " (" + o.jpegPeculiarity + ")";
            throw new PhotoException(o.file, "cannot decode " + o.info.format() + " image" + what + ": " + describe(e), e);
        }
        for (String w : warnings) {
            if (meansDataIsMissing(w)) {
                throw new PhotoException(o.file, "image data is truncated (" + w + ")");
            }
        }
        if (image == null) {
            throw new PhotoException(o.file, "decoder returned no image");
        }
        if (o.info.format().equals("PNG")) {
            image = withPngProfile(o, image);
        }
        return toSrgb(image);
    }

    /**
     * A reader's warning that pixels are missing. A missing EOI marker counts: a progressive JPEG
     * cut between two scans decodes without any other complaint, only blurrier. A damaged ICC
     * profile does not: the pixels are whole, and are shown as sRGB.
     */
    static boolean meansDataIsMissing(String warning) {
        String lower = warning.toLowerCase(Locale.ROOT);
        return (lower.contains("premature end") || lower.contains("truncat")) && !lower.contains("icc");
    }

    private static BufferedImage withPngProfile(Opened o, BufferedImage image) throws PhotoException {
        try {
            java.awt.color.ICC_Profile profile = PngColourProfile.nonSrgbProfile(o.reader.getImageMetadata(0));
            return profile == null ? image : PngColourProfile.tag(image, profile);
        } catch (IOException e) {
            throw new PhotoException(o.file, "cannot read PNG metadata: " + describe(e), e);
        }
    }

    /** Converts an image with an embedded non-sRGB ICC profile (Adobe RGB, ...) to sRGB. */
    private static BufferedImage toSrgb(BufferedImage image) {
        ColorSpace cs = image.getColorModel().getColorSpace();
        if (cs.isCS_sRGB() || cs.getNumComponents() == 1 || image.getColorModel() instanceof java.awt.image.IndexColorModel) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(image, out);
        return out;
    }

    private Opened open(Path file) throws PhotoException {
        if (!Files.exists(file)) {
            throw new PhotoException(file, "file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new PhotoException(file, "not a regular file");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new PhotoException(file, "cannot read: " + describe(e), e);
        }
        if (size == 0) {
            throw new PhotoException(file, "file is empty");
        }
        ImageInputStream in = null;
        try {
            in = ImageIO.createImageInputStream(file.toFile());
            if (in == null) {
                throw new PhotoException(file, "cannot open for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new PhotoException(file, "not an image in a supported format (JPEG, PNG, TIFF, BMP, WebP, GIF)");
            }
            ImageReader reader = readers.next();
            // Metadata is not ignored: JPEG readers need its ICC (APP2) and Adobe segments for colour.
            reader.setInput(in, true, false);
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            int w;
            int h;
            try {
                w = reader.getWidth(0);
                h = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw new PhotoException(file, "corrupt or truncated " + format + " header: " + describe(e), e);
            }
            if (w <= 0 || h <= 0) {
                throw new PhotoException(file, "header claims an empty image (" + w + "x" + h + ")");
            }
            long pixels = (long) w * h;
            if (pixels > maxPixels) {
                throw new PhotoException(file, String.format(Locale.ROOT,
                        "image is %dx%d (%.0f MP), more than the limit of %.0f MP; refused before decoding",
                        w, h, pixels / 1e6, maxPixels / 1e6));
            }
            int orientation = ExifOrientation.read(file);
            Opened opened = new Opened(file, in, reader, new PhotoInfo(file, format, w, h, orientation));
            in = null; // owned by opened now
            return opened;
        } catch (PhotoException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PhotoException(file, "cannot read: " + describe(e), e);
        } finally {
            closeQuietly(file, in);
        }
    }

    private static void closeQuietly(Path file, ImageInputStream in) throws PhotoException {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                throw new PhotoException(file, "cannot close: " + describe(e), e);
            }
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static final class Opened implements AutoCloseable {
        final Path file;
        final ImageInputStream in;
        final ImageReader reader;
        final PhotoInfo info;
        /** Why the banded decoder left this JPEG to ImageIO; null for others. */
        String jpegPeculiarity;

        Opened(Path file, ImageInputStream in, ImageReader reader, PhotoInfo info) {
            this.file = file;
            this.in = in;
            this.reader = reader;
            this.info = info;
        }

        @Override
        public void close() throws PhotoException {
            reader.dispose();
            closeQuietly(file, in);
        }
    }
}
