package org.kinora.render.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.kinora.image.Kernel;
import org.kinora.image.Plane;
import org.kinora.image.RowPlane;

/**
 * The SIMD horizontal pass must give the scalar pass's frames byte for byte, so which one a JVM
 * runs never shows in a video. Runs wherever jdk.incubator.vector is present (the build adds it;
 * on JDK 17 it is slow there, but the arithmetic is what is checked).
 */
class SimdRowsTest {

    private static final int W = 203; // odd sizes: partial blocks and a scalar tail
    private static final int H = 61;

    @BeforeAll
    static void needsTheVectorModule() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "jdk.incubator.vector not added to this JVM");
    }

    @ParameterizedTest(name = "scale {0}, alpha {1}, kernel {2}")
    @CsvSource({
        "1.25, 1.0, CATMULL_ROM", "0.996, 1.0, CATMULL_ROM", "0.5, 1.0, CATMULL_ROM",
        "1.6, 1.0, CATMULL_ROM", "1.95, 1.0, CATMULL_ROM", "3.1, 1.0, CATMULL_ROM",
        "1.1, 0.37, CATMULL_ROM", "0.8, 0.5, CATMULL_ROM", "1.3, 1.0, TRIANGLE", "1.3, 0.6, TRIANGLE"})
    void simdAndScalarPassesWriteTheSameBytes(double scale, float alpha, Kernel kernel) {
        RowPlane src = noise(1 + (int) Math.ceil(W * scale) + 7, 1 + (int) Math.ceil(H * scale) + 7);
        byte[] scalar = render(new PlaneSampler(false), src, kernel, scale, alpha, null);
        byte[] simd = render(new PlaneSampler(true), src, kernel, scale, alpha, null);
        assertThat(simd).isEqualTo(scalar);
        assertThat(distinctValues(simd)).as("a real picture, not a constant").isGreaterThan(50);
    }

    @Test
    void partialCoverageMixesTheSameWay() {
        RowPlane src = noise(300, 90);
        float[] columns = new float[W];
        for (int i = 0; i < W; i++) {
            columns[i] = Math.min(1f, i / 40f); // an antialiased left edge, as wipes draw
        }
        byte[] scalar = render(new PlaneSampler(false), src, Kernel.CATMULL_ROM, 1.17, 0.8f, columns);
        byte[] simd = render(new PlaneSampler(true), src, Kernel.CATMULL_ROM, 1.17, 0.8f, columns);
        assertThat(simd).isEqualTo(scalar);
    }

    @Test
    void theEarlyCompileOptionNamesTheKernelsClass() {
        // Written as a string so the launcher never loads SimdRows (it needs the vector module).
        assertThat(Simd.EARLY_COMPILE).anyMatch(o -> o.contains(SimdRows.class.getName() + "::*"));
    }

    @Test
    void autoNeedsTheModuleAndARecentJdk() {
        assertThat(Simd.decide("auto", false, 25)).isFalse();
        assertThat(Simd.decide("off", true, 25)).isFalse();
        assertThat(Simd.decide("on", false, 17)).isFalse();
        assertThat(Simd.decide("on", true, 17)).isTrue();
        assertThat(Simd.decide("auto", true, 17)).isFalse();
    }

    private static byte[] render(PlaneSampler sampler, RowPlane src, Kernel kernel, double scale, float alpha,
                                 float[] columns) {
        byte[] dst = new byte[W * H];
        Arrays.fill(dst, (byte) 200); // what a translucent layer is mixed over
        // Two frames through the same sampler: its reused buffers must not leak between calls.
        sampler.sample(src, kernel, 0.37, scale * 0.9, 0.21, scale * 0.9, dst, W, 0, W, 0, H, columns, null, alpha);
        sampler.sample(src, kernel, 1.73, scale, 2.41, scale, dst, W, 3, W - 2, 1, H, columns, null, alpha);
        return dst;
    }

    private static RowPlane noise(int w, int h) {
        Random random = new Random(w * 31L + h);
        float[] data = new float[w * h];
        for (int i = 0; i < data.length; i++) {
            data[i] = 16 + 219 * random.nextFloat();
        }
        return new RowPlane(new Plane(w, h, data));
    }

    private static long distinctValues(byte[] bytes) {
        boolean[] seen = new boolean[256];
        for (byte b : bytes) {
            seen[b & 0xff] = true;
        }
        long n = 0;
        for (boolean s : seen) {
            n += s ? 1 : 0;
        }
        return n;
    }
}
