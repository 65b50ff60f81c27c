package org.kinora.image;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BITSTREAM;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_BUFFER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_EXPLODE;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Decodes plain JPEGs with libavcodec's mjpeg decoder (FFmpeg 8.0.1, {@code idct=int}, with
 * {@code lowres}): one packet in, one frame out, no demuxer. The render decoded JPEGs this way
 * until decision 0007; it is kept in the tests as the reference {@link BandedJpegDecoder} must
 * match bit for bit. Anything FFmpeg reports as damaged is refused ({@link Refused}).
 */
final class FfmpegJpegDecoder {

    /** The deepest DCT-domain reduction the mjpeg decoder offers: 1/8. */
    static final int MAX_LOWRES = 3;

    /** {@code AV_FRAME_FLAG_CORRUPT}: the decoder concealed errors in this frame. */
    private static final int FRAME_FLAG_CORRUPT = 1;

    /** Frames decoded successfully: lets tests see which path a photo took. */
    private static final LongAdder DECODED = new LongAdder();

    private FfmpegJpegDecoder() {
    }

    static long decodedCount() {
        return DECODED.sum();
    }

    /** FFmpeg declined or failed this file; the ImageIO path should decode it. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * Decodes {@code jpeg[0, length)} at 1/2^{@code lowres} of its size (rounded up, as FFmpeg
     * does). The caller closes the returned frame, which holds the decoded planes in native memory.
     */
    static Frame decode(byte[] jpeg, int length, int lowres) throws Refused {
        if (lowres < 0 || lowres > MAX_LOWRES) {
            throw new IllegalArgumentException("lowres " + lowres);
        }
        AVCodec codec = avcodec_find_decoder(AV_CODEC_ID_MJPEG);
        if (codec == null || codec.isNull()) {
            throw new Refused("FFmpeg has no mjpeg decoder");
        }
        AVCodecContext ctx = null;
        AVPacket packet = null;
        AVFrame frame = null;
        boolean handedOut = false;
        try {
            ctx = avcodec_alloc_context3(codec);
            if (ctx == null || ctx.isNull()) {
                throw new Refused("cannot allocate an mjpeg decoder");
            }
            ctx.lowres(lowres);
            ctx.thread_count(1);
            // Damage must fail the decode (the ImageIO path then reports or shows it), not be concealed.
            ctx.err_recognition(AV_EF_EXPLODE | AV_EF_BITSTREAM | AV_EF_BUFFER);
            // libjpeg's accurate integer IDCT ("islow", which the JDK uses): the same picture as the
            // ImageIO path to within rounding, for about the cost of FFmpeg's default IDCT.
            check(av_opt_set(ctx, "idct", "int", 0), "cannot select the integer IDCT");
            check(avcodec_open2(ctx, codec, (AVDictionary) null), "cannot open the mjpeg decoder");
            packet = av_packet_alloc();
            frame = av_frame_alloc();
            if (packet == null || packet.isNull() || frame == null || frame.isNull()) {
                throw new Refused("cannot allocate a packet or frame");
            }
            check(av_new_packet(packet, length), "cannot allocate a " + length + "-byte packet");
            packet.data().put(jpeg, 0, length);
            check(avcodec_send_packet(ctx, packet), "mjpeg decoder refused the data");
            int got = avcodec_receive_frame(ctx, frame);
            if (got < 0) {
                // Some decoders hold the frame until they are flushed.
                check(avcodec_send_packet(ctx, null), "mjpeg decoder refused the flush");
                got = avcodec_receive_frame(ctx, frame);
            }
            check(got, "mjpeg decoder returned no picture");
            if (frame.decode_error_flags() != 0 || (frame.flags() & FRAME_FLAG_CORRUPT) != 0) {
                throw new Refused("mjpeg decoder concealed errors in the picture");
            }
            Frame out = new Frame(frame, lowres);
            frame = null; // owned by out now
            handedOut = true;
            DECODED.increment();
            return out;
        } finally {
            if (frame != null) {
                av_frame_free(frame);
            }
            if (packet != null) {
                av_packet_free(packet);
            }
            if (ctx != null) {
                avcodec_free_context(ctx);
            }
            if (!handedOut) {
                returnFreedMemory();
            }
        }
    }

    /**
     * A progressive decode frees tens of MB of coefficient buffers at once; glibc keeps such
     * memory for reuse (past its adaptive mmap threshold), which showed as ~100 MB more peak RSS
     * over a slideshow's photos. Handing it back costs 1-4 ms per photo (freeing included).
     */
    private static void returnFreedMemory() {
        Pointer.trimMemory();
    }

    private static void check(int status, String what) throws Refused {
        if (status < 0) {
            byte[] buf = new byte[128];
            av_strerror(status, buf, buf.length);
            int end = 0;
            while (end < buf.length && buf[end] != 0) {
                end++;
            }
            throw new Refused(what + " (" + new String(buf, 0, end, StandardCharsets.US_ASCII) + ")");
        }
    }

    /** A decoded picture in native memory, read as sRGB rows; {@link #close()} frees it. */
    static final class Frame implements RgbRows, AutoCloseable {
        private AVFrame frame;
        private final YcbcrRows rows;
        private final int lowres;

        /** Does not free {@code frame} when it refuses it: the caller still owns it then. */
        private Frame(AVFrame frame, int lowres) throws Refused {
            this.lowres = lowres;
            int w = frame.width();
            int h = frame.height();
            int format = frame.format();
            int shiftX;
            int shiftY;
            if (format == AV_PIX_FMT_GRAY8) {
                shiftX = -1;
                shiftY = -1;
            } else if (format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_YUV420P) {
                shiftX = 1;
                shiftY = 1;
            } else if (format == AV_PIX_FMT_YUVJ422P || format == AV_PIX_FMT_YUV422P) {
                shiftX = 1;
                shiftY = 0;
            } else if (format == AV_PIX_FMT_YUVJ440P || format == AV_PIX_FMT_YUV440P) {
                shiftX = 0;
                shiftY = 1;
            } else if (format == AV_PIX_FMT_YUVJ444P || format == AV_PIX_FMT_YUV444P) {
                shiftX = 0;
                shiftY = 0;
            } else {
                throw new Refused("mjpeg decoder produced pixel format " + format);
            }
            // Whatever range FFmpeg labels the frame with (a "CS=ITU601" comment makes it say
            // limited), the samples are converted as full range, as libjpeg and the ImageIO path do.
            ByteBuffer luma = plane(frame, 0, h);
            if (shiftX < 0) {
                rows = new YcbcrRows(w, h, planes(luma, frame.linesize(0), null, null, 0), false, 0, 0);
            } else {
                int ch = (h + (1 << shiftY) - 1) >> shiftY;
                if (frame.linesize(1) != frame.linesize(2)) {
                    throw new Refused("chroma planes with different strides");
                }
                rows = new YcbcrRows(w, h, planes(luma, frame.linesize(0), plane(frame, 1, ch), plane(frame, 2, ch),
                        frame.linesize(1)), true, shiftX, shiftY);
            }
            this.frame = frame;
        }

        /** The frame's planes as {@link YcbcrRows} reads them, rows {@code stride} bytes apart. */
        private static YcbcrRows.Planes planes(ByteBuffer luma, int lumaStride, ByteBuffer cb, ByteBuffer cr,
                                               int chromaStride) {
            return new YcbcrRows.Planes() {
                @Override
                public void luma(int y, byte[] dst, int n) {
                    luma.get(y * lumaStride, dst, 0, n);
                }

                @Override
                public void chroma(int c, int cy, byte[] dst, int n) {
                    (c == 1 ? cb : cr).get(cy * chromaStride, dst, 0, n);
                }
            };
        }

        private static ByteBuffer plane(AVFrame frame, int index, int rows) {
            BytePointer data = frame.data(index);
            return data.capacity((long) frame.linesize(index) * rows).asByteBuffer();
        }

        /**
         * A packed copy of plane {@code index} (0 luma, 1 Cb, 2 Cr), {@code width x height}
         * samples of it: lets tests compare another decoder's planes with FFmpeg's.
         */
        byte[] copyPlane(int index, int width, int height) {
            if (frame == null) {
                throw new IllegalStateException("frame already closed");
            }
            ByteBuffer data = plane(frame, index, height);
            int stride = frame.linesize(index);
            byte[] out = new byte[width * height];
            for (int y = 0; y < height; y++) {
                data.get(y * stride, out, y * width, width);
            }
            return out;
        }

        /** 1/2^lowres of the full size on each axis. */
        int reduction() {
            return 1 << lowres;
        }

        @Override
        public int width() {
            return rows.width();
        }

        @Override
        public int height() {
            return rows.height();
        }

        @Override
        public void read(int y, float[] rgb) {
            if (frame == null) {
                throw new IllegalStateException("frame already closed");
            }
            rows.read(y, rgb);
        }

        @Override
        public void close() {
            if (frame != null) {
                av_frame_free(frame);
                frame = null;
                returnFreedMemory();
            }
        }
    }
}
