package org.kinora.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.ffmpeg.global.avutil;
import org.kinora.model.OutputSettings;
import org.kinora.model.Quality;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.encode.EncoderProbe;
import org.kinora.render.encode.EncoderStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kinora encoders}: which H.264 encoders work here, in {@code auto}'s order, and why not the others. */
@Command(name = "encoders", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the H.264 encoders, whether each works here, and why not.")
final class EncodersCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080",
            description = "Video size to try the encoders at (default: ${DEFAULT-VALUE}).")
    String size;

    @Override
    public Integer call() {
        int[] wh;
        try {
            wh = OutputSettings.parseSize(size);
            new OutputSettings(wh[0], wh[1], 30, Quality.STANDARD, org.kinora.model.EncoderPreference.AUTO);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("FFmpeg " + avutil.av_version_info().getString() + ", H.264 encoders at " + wh[0] + "x" + wh[1]
                + " in the order 'auto' tries them:");
        List<EncoderStatus> all = EncoderProbe.probeAll(new EncodeSettings(wh[0], wh[1], 30, Quality.STANDARD, -1));
        for (EncoderStatus s : all) {
            out.println(String.format(Locale.ROOT, "  %-12s %-4s %s", s.encoder().ffmpegName(),
                    s.usable() ? "yes" : "no", s.reason()));
        }
        String chosen = all.stream().filter(EncoderStatus::usable).map(s -> s.encoder().ffmpegName())
                .findFirst().orElse("none: rendering is not possible here");
        out.println("auto uses: " + chosen);
        return all.stream().anyMatch(EncoderStatus::usable) ? KinoraCli.OK : KinoraCli.FAILED;
    }
}
