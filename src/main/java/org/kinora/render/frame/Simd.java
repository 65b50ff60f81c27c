package org.kinora.render.frame;

import java.util.List;
import java.util.Locale;

/**
 * Whether the frame renderer's horizontal pass runs on SIMD lanes ({@link SimdRows}).
 *
 * <p>The scalar pass is what HotSpot gives a per-column gather, and it is most of a frame's cost.
 * The incubating Vector API turns it into two-vector lane permutes, about 3x faster on JDK 25, but
 * on JDK 17 the same code is several times slower than scalar (shuffles are not intrinsified
 * there). So it is used only when the JVM was started with {@code --add-modules
 * jdk.incubator.vector} on a JDK where it was measured to pay off, or when forced with
 * {@code -Dkinora.simd=on} (tests; other JDKs); {@code -Dkinora.simd=off} turns it off. Both
 * paths produce identical frames: same operations in the same order.
 */
public final class Simd {

    /** The oldest JDK whose Vector API shuffles were measured faster than the scalar pass. */
    public static final int MIN_FEATURE_VERSION = 25;

    /** The module the SIMD pass needs, which a JVM resolves only when asked to. */
    public static final String MODULE = "jdk.incubator.vector";

    /**
     * JVM options that have the SIMD kernels compiled early. Until C2 compiles them, every vector
     * operation runs as Java code that allocates: the reference render's first 5 s collected
     * garbage 690 times (37 times with the scalar pass). With the kernels' compile thresholds at
     * 5%, 210 times.
     */
    public static final List<String> EARLY_COMPILE = List.of("-XX:CompileCommand=quiet",
            "-XX:CompileCommand=CompileThresholdScaling,org.kinora.render.frame.SimdRows::*,0.05");

    static final boolean ENABLED = decide(System.getProperty("kinora.simd", "auto"),
            ModuleLayer.boot().findModule(MODULE).isPresent(),
            Runtime.version().feature());

    private Simd() {
    }

    static boolean decide(String setting, boolean modulePresent, int featureVersion) {
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "off", "false" -> false;
            case "on", "true" -> modulePresent;
            default -> modulePresent && featureVersion >= MIN_FEATURE_VERSION && SimdRows.LANES >= 8;
        };
    }

    /** One line for logs and `kinora bench`: which horizontal pass this JVM runs. */
    public static String describe() {
        return ENABLED ? "SIMD (jdk.incubator.vector, " + SimdRows.LANES + " float lanes)" : "scalar";
    }
}
