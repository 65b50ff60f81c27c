package org.kinora.render.pipeline;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.kinora.render.YuvFrame;

/** What a test learns by decoding an MP4 with FFmpegFrameGrabber. */
record DecodedVideo(String videoCodec, int width, int height, double fps, int pixelFormat, int frames,
                    long formatDurationMicros, long videoDurationMicros, int colorPrimaries, int colorTrc,
                    int colorSpace, int colorRange, List<Integer> keyframes, String audioCodec, int sampleRate,
                    int audioChannels, Map<Integer, YuvFrame> picked) {

    static DecodedVideo read(Path file, Set<Integer> pick) throws Exception {
        String vcodec;
        String acodec;
        int w;
        int h;
        double fps;
        int pixfmt;
        long fmtDur;
        long vDur;
        int prim;
        int trc;
        int space;
        int range;
        int rate;
        int channels;
        int frames = 0;
        Map<Integer, YuvFrame> picked = new HashMap<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setImageMode(FrameGrabber.ImageMode.RAW);
            g.start();
            vcodec = g.getVideoCodecName();
            acodec = g.getAudioCodecName();
            w = g.getImageWidth();
            h = g.getImageHeight();
            fps = g.getVideoFrameRate();
            pixfmt = g.getPixelFormat();
            rate = g.getSampleRate();
            channels = g.getAudioChannels();
            fmtDur = g.getFormatContext().duration();
            var st = g.getFormatContext().streams(g.getVideoStream());
            vDur = st.duration() * 1_000_000L * st.time_base().num() / st.time_base().den();
            AVCodecParameters par = st.codecpar();
            prim = par.color_primaries();
            trc = par.color_trc();
            space = par.color_space();
            range = par.color_range();
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (pick.contains(frames)) {
                    picked.put(frames, copy((AVFrame) f.opaque, w, h));
                }
                frames++;
            }
            g.stop();
        }
        List<Integer> keys = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            int video = g.getVideoStream();
            int n = 0;
            AVPacket p;
            while ((p = g.grabPacket()) != null) {
                if (p.stream_index() == video) {
                    if ((p.flags() & AV_PKT_FLAG_KEY) != 0) {
                        keys.add(n); // decode order; with B-frames only I/IDR packets carry the flag
                    }
                    n++;
                }
            }
            g.stop();
        }
        return new DecodedVideo(vcodec, w, h, fps, pixfmt, frames, fmtDur, vDur, prim, trc, space, range,
                keys, acodec, rate, channels, picked);
    }

    private static YuvFrame copy(AVFrame src, int w, int h) {
        YuvFrame out = new YuvFrame(w, h);
        copyPlane(src, 0, w, h, out, out.yOffset());
        copyPlane(src, 1, w / 2, h / 2, out, out.uOffset());
        copyPlane(src, 2, w / 2, h / 2, out, out.vOffset());
        return out;
    }

    private static void copyPlane(AVFrame src, int plane, int w, int h, YuvFrame out, int offset) {
        var data = src.data(plane);
        int stride = src.linesize(plane);
        byte[] row = new byte[w];
        for (int y = 0; y < h; y++) {
            data.position((long) y * stride).get(row, 0, w);
            out.data().put(offset + y * w, row);
        }
        data.position(0);
    }

    /** PSNR over all three planes (4:2:0 weights: Y counts 4x each chroma plane). */
    static double psnr(YuvFrame a, YuvFrame b) {
        int n = a.width() * a.height() * 3 / 2;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            int d = (a.data().get(i) & 0xff) - (b.data().get(i) & 0xff);
            sse += d * d;
        }
        double mse = sse / n;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
