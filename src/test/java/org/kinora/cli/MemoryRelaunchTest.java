package org.kinora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kinora.render.pipeline.RenderRequest;

class MemoryRelaunchTest {

    private static final String HOME = System.getProperty("java.home");

    private static Optional<MemoryRelaunch.Plan> plan(List<String> jvmArgs, Map<String, String> env, String... args) {
        return MemoryRelaunch.plan(args, jvmArgs, env, HOME, "kinora.jar", null);
    }

    @Test
    void aPlainRenderRunsInAJvmWithASmallHeapTheSerialCollectorAndTunedMalloc() {
        MemoryRelaunch.Plan p = plan(List.of(), Map.of(), "render", "show.kinora", "-o", "show.mp4").orElseThrow();
        assertThat(p.command().get(0)).endsWith("java");
        String heap = MemoryRelaunch.heapFor(new MemoryRelaunch.Workload(MemoryRelaunch.FULL_HD_PIXELS), RenderRequest.defaultProducers());
        assertThat(p.command()).containsAll(MemoryRelaunch.HEAP_SHRINK);
        assertThat(p.command()).containsSubsequence(heap, MemoryRelaunch.DEFAULT_GC, "-cp",
                "kinora.jar", "org.kinora.Launcher", "render", "show.kinora", "-o", "show.mp4");
        assertThat(p.environment()).containsEntry("MALLOC_ARENA_MAX", "2")
                .containsEntry("MALLOC_MMAP_THRESHOLD_", "131072").containsKey(MemoryRelaunch.MARKER);
    }

    @Test
    void theUsersOwnHeapCollectorAndMallocSettingsWin() {
        MemoryRelaunch.Plan p = plan(List.of("-Xmx400m", "-XX:+UseG1GC"), Map.of("MALLOC_ARENA_MAX", "1"),
                "bench").orElseThrow();
        assertThat(p.command()).contains("-Xmx400m", "-XX:+UseG1GC")
                .doesNotContain(MemoryRelaunch.DEFAULT_GC).filteredOn(a -> a.startsWith("-Xmx")).hasSize(1);
        assertThat(plan(List.of("-Xms64m"), Map.of(), "render", "x.kinora").orElseThrow().command())
                .contains("-Xms64m").doesNotContainAnyElementsOf(MemoryRelaunch.HEAP_SHRINK);
        assertThat(p.environment()).doesNotContainKey("MALLOC_ARENA_MAX").containsKey("MALLOC_MMAP_THRESHOLD_");
    }

    @Test
    void otherCommandsTheChildItselfAndAnOptOutRunInThisJvm() {
        assertThat(plan(List.of(), Map.of(), "check", "show.kinora")).isEmpty();
        assertThat(plan(List.of(), Map.of())).isEmpty();
        assertThat(plan(List.of(), Map.of(MemoryRelaunch.MARKER, "1"), "render", "x.kinora")).isEmpty();
        assertThat(MemoryRelaunch.plan(new String[] {"render"}, List.of(), Map.of(), HOME, "kinora.jar", "false"))
                .isEmpty();
        assertThat(MemoryRelaunch.plan(new String[] {"render"}, List.of(), Map.of(), "/no/such/jdk", "kinora.jar", null))
                .isEmpty();
    }

    @Test
    void theChildAloneWatchesTheJvmThatStartedIt() {
        MemoryRelaunch.Plan p = plan(List.of(), Map.of(), "render", "show.kinora", "-o", "show.mp4").orElseThrow();
        assertThat(p.environment()).containsEntry(MemoryRelaunch.PARENT, ParentWatch.describe(ProcessHandle.current()));
        assertThat(p.environment().get(MemoryRelaunch.PARENT)).startsWith(ProcessHandle.current().pid() + ":");
        // A render in one JVM (not relaunched, or -Dkinora.relaunch=false) watches nothing.
        assertThat(MemoryRelaunch.watchParent(Map.of())).isEmpty();
        assertThat(MemoryRelaunch.watchParent(Map.of(MemoryRelaunch.PARENT, p.environment().get(MemoryRelaunch.PARENT))))
                .isEmpty();
        assertThat(MemoryRelaunch.watchParent(Map.of(MemoryRelaunch.MARKER, "1"))).as("no parent given").isEmpty();
    }

    @Test
    void onJdk25TheChildGetsTheSimdModuleUnlessTheUserAddedIt() {
        String[] render = {"render", "show.kinora"};
        assertThat(MemoryRelaunch.plan(render, List.of(), Map.of(), HOME, "kinora.jar", null, 25).orElseThrow().command())
                .contains("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED");
        assertThat(MemoryRelaunch.plan(render, List.of(), Map.of(), HOME, "kinora.jar", null, 17).orElseThrow().command())
                .noneMatch(a -> a.contains("jdk.incubator.vector") || a.startsWith("--enable-native-access"));
        assertThat(MemoryRelaunch.plan(render, List.of(), Map.of(), HOME, "kinora.jar", null, 25).orElseThrow().command())
                .containsAll(org.kinora.render.frame.Simd.EARLY_COMPILE);
        List<String> own = List.of("--add-modules=jdk.incubator.vector");
        assertThat(MemoryRelaunch.plan(render, own, Map.of(), HOME, "kinora.jar", null, 25).orElseThrow().command())
                .filteredOn(a -> a.contains("jdk.incubator.vector")).hasSize(1);
    }

    @Test
    void theHeapGrowsWithTheVideoSizeAndTheThreads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThat(MemoryRelaunch.heapFor(new MemoryRelaunch.Workload(1920L * 1080), 2)).isEqualTo("-Xmx76m");
        assertThat(MemoryRelaunch.heapFor(new MemoryRelaunch.Workload(1280L * 720), 2)).isEqualTo("-Xmx76m");
        assertThat(MemoryRelaunch.heapFor(new MemoryRelaunch.Workload(1920L * 1080), 16)).isEqualTo("-Xmx216m");
        assertThat(MemoryRelaunch.heapFor(new MemoryRelaunch.Workload(3840L * 2160), 2)).isEqualTo("-Xmx304m");
        assertThat(MemoryRelaunch.workload(new String[] {"render", "x.kinora", "--size", "3840x2160"}).outputPixels())
                .isEqualTo(3840L * 2160);
        assertThat(MemoryRelaunch.workload(new String[] {"bench", "--size=1080x1920"}).outputPixels()).isEqualTo(1080L * 1920);
        assertThat(MemoryRelaunch.workload(new String[] {"render", "missing.kinora"}).outputPixels()).isEqualTo(1920L * 1080);
        assertThat(MemoryRelaunch.producers(new String[] {"render", "x.kinora", "--threads", "16"})).isEqualTo(16);
        assertThat(MemoryRelaunch.producers(new String[] {"bench", "--threads=1"})).isEqualTo(1);

        java.nio.file.Path project = dir.resolve("uhd.kinora");
        org.kinora.model.Project p = org.kinora.project.ProjectFile.load(
                java.nio.file.Path.of("assets/sample/sample.kinora"));
        org.kinora.project.ProjectFile.save(p.withOutput(p.output().withSize(3840, 2160)), project);
        String[] args = {"render", project.toString(), "-o", "x.mp4"};
        assertThat(MemoryRelaunch.workload(args).outputPixels()).isEqualTo(3840L * 2160);
        assertThat(plan(List.of(), Map.of(), args).orElseThrow().command())
                .contains(MemoryRelaunch.heapFor(MemoryRelaunch.workload(args), RenderRequest.defaultProducers()));
    }

    @Test
    void aProjectWhosePhotosNeedMoreGetsMoreHeap(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Only headers are read: a PNG header claiming 8000x6000 pixels is enough.
        java.nio.file.Path big = java.nio.file.Files.write(dir.resolve("big.png"),
                org.kinora.image.TestImages.pngHeader(8000, 6000));
        java.nio.file.Path other = java.nio.file.Files.write(dir.resolve("other.png"),
                org.kinora.image.TestImages.pngHeader(8000, 6000));
        org.kinora.model.Motion deep = new org.kinora.model.Motion(new org.kinora.model.View(0.5, 0.5, 1.0),
                new org.kinora.model.View(0.5, 0.5, 3.0), org.kinora.model.Easing.LINEAR);
        org.kinora.model.Slide slide = new org.kinora.model.Slide(big, 4, deep, org.kinora.model.FitMode.FILL,
                org.kinora.model.Transition.NONE, "");
        org.kinora.model.Project project = new org.kinora.model.Project(new org.kinora.model.OutputSettings(1920, 1080,
                30, org.kinora.model.Quality.STANDARD, org.kinora.model.EncoderPreference.AUTO),
                List.of(slide, slide.withPhoto(other)), List.of());
        java.nio.file.Path file = dir.resolve("deep.kinora");
        org.kinora.project.ProjectFile.save(project, file);

        MemoryRelaunch.Workload work = MemoryRelaunch.workload(new String[] {"render", file.toString()});
        // Zoom 3 at 1080p: a 5760x3240 working copy with a mip level, about 150 MB. The second
        // photo loads (its decoder holding the 48 MP image) while the first is still cached.
        assertThat(work.photoHeapBytes()).isGreaterThan(400L << 20);
        assertThat(work.photoCacheBytes()).isBetween(250L << 20, 350L << 20);
        String heap = MemoryRelaunch.heapFor(work, 2);
        assertThat(Integer.parseInt(heap.replaceAll("\\D", ""))).isGreaterThanOrEqualTo((int) (work.photoHeapBytes() >> 20) + 20);
        assertThat(plan(List.of(), Map.of(), "render", file.toString()).orElseThrow().command())
                .contains(heap, "-D" + org.kinora.render.pipeline.ProjectSources.PHOTO_CACHE_PROPERTY + "=" + work.photoCacheBytes());
        // Without the project's photos only the default is known.
        assertThat(MemoryRelaunch.heapFor(new MemoryRelaunch.Workload(MemoryRelaunch.FULL_HD_PIXELS), 2)).isEqualTo("-Xmx76m");
    }

    /** {@code bench} has no project file: the heap is sized for the reference slideshow of its photos. */
    @Test
    void benchSizesTheHeapForItsReferenceSlideshowAndItsThreads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        for (int i = 0; i < 6; i++) {
            java.nio.file.Files.write(dir.resolve("p" + i + ".png"), org.kinora.image.TestImages.pngHeader(6000, 4000));
        }
        MemoryRelaunch.Workload two = MemoryRelaunch.workload(new String[] {"bench", "--photos", dir.toString(),
                "--threads", "2"});
        MemoryRelaunch.Workload sixteen = MemoryRelaunch.workload(new String[] {"bench", "--photos=" + dir,
                "--threads=16"});
        MemoryRelaunch.Workload fewer = MemoryRelaunch.workload(new String[] {"bench", "--photos", dir.toString(),
                "--photo-limit", "1", "--threads", "2"});
        assertThat(two.photoHeapBytes()).isPositive();
        assertThat(two.photoCacheBytes()).isPositive();
        // Sixteen threads load four photos ahead, and need room for them.
        assertThat(sixteen.photoCacheBytes()).isGreaterThan(two.photoCacheBytes());
        assertThat(sixteen.photoHeapBytes()).isGreaterThan(two.photoHeapBytes());
        assertThat(fewer.photoCacheBytes()).isLessThan(two.photoCacheBytes());
        assertThat(MemoryRelaunch.workload(new String[] {"bench", "--photos", dir.resolve("none").toString()})
                .photoHeapBytes()).as("no photos: the default").isZero();
    }

    @Test
    void readsAnOptionInEitherSpelling() {
        String[] args = {"bench", "--size", "640x360", "--photos=/p", "--threads"};
        assertThat(MemoryRelaunch.optionValue(args, "--size")).isEqualTo("640x360");
        assertThat(MemoryRelaunch.optionValue(args, "--photos")).isEqualTo("/p");
        assertThat(MemoryRelaunch.optionValue(args, "--threads")).as("no value follows").isNull();
        assertThat(MemoryRelaunch.optionValue(args, "--frames")).isNull();
    }
}
