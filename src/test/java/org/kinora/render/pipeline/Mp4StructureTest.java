package org.kinora.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4StructureTest {

    @TempDir
    Path dir;

    private static byte[] box(String type, int payload) {
        return ByteBuffer.allocate(8 + payload).putInt(8 + payload).put(type.getBytes(StandardCharsets.US_ASCII)).array();
    }

    private static byte[] largeBox(String type, int payload) {
        return ByteBuffer.allocate(16 + payload).putInt(1).put(type.getBytes(StandardCharsets.US_ASCII))
                .putLong(16 + payload).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private Path file(byte[] bytes) throws Exception {
        return Files.write(dir.resolve("v.mp4"), bytes);
    }

    private static final byte[] WHOLE = concat(box("ftyp", 24), box("moov", 700), box("free", 0), box("mdat", 5000));

    @Test
    void aWholeFileIsAccepted() throws Exception {
        assertThat(Mp4Structure.problem(file(WHOLE))).isEmpty();
        // index at the end, and a 64-bit mdat size, as FFmpeg writes without +faststart or past 4 GB
        assertThat(Mp4Structure.problem(file(concat(box("ftyp", 24), largeBox("mdat", 300), box("moov", 90)))))
                .isEmpty();
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        assertThat(Mp4Structure.problem(file(Arrays.copyOf(WHOLE, WHOLE.length - 1))))
                .hasValueSatisfying(p -> assertThat(p).contains("'mdat'").contains("truncated"));
        assertThat(Mp4Structure.problem(file(Arrays.copyOf(WHOLE, 32 + 708 + 4))))
                .hasValueSatisfying(p -> assertThat(p).contains("ends inside a box header"));
        assertThat(Mp4Structure.problem(file(new byte[0]))).hasValue("the file is empty");
    }

    @Test
    void bytesAfterTheLastBoxAreRefused() throws Exception {
        assertThat(Mp4Structure.problem(file(concat(WHOLE, new byte[40]))))
                .hasValue("the '????' box at byte " + WHOLE.length + " has no size (never finished)");
        assertThat(Mp4Structure.problem(file(concat(WHOLE, "trailing junk".getBytes(StandardCharsets.US_ASCII)))))
                .hasValueSatisfying(p -> assertThat(p).contains("at byte " + WHOLE.length).contains("truncated"));
    }

    @Test
    void garbageIsRefused() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertThat(Mp4Structure.problem(file(noise))).hasValue("it does not start with an MP4 header (ftyp)");
        // a header that claims less than itself
        byte[] impossible = concat(box("ftyp", 8), ByteBuffer.allocate(8).putInt(3).put("moov".getBytes()).array());
        assertThat(Mp4Structure.problem(file(impossible)))
                .hasValueSatisfying(p -> assertThat(p).contains("impossible size 3"));
    }

    @Test
    void aFileWithoutIndexOrMediaIsRefused() throws Exception {
        assertThat(Mp4Structure.problem(file(concat(box("ftyp", 24), box("free", 0), box("mdat", 5000)))))
                .hasValue("it has no index (moov box)");
        // FFmpeg's placeholder before the trailer: an mdat of size 0 running to the end, no moov
        byte[] unfinished = concat(box("ftyp", 24), ByteBuffer.allocate(8 + 900).putInt(0).put("mdat".getBytes()).array());
        assertThat(Mp4Structure.problem(file(unfinished))).hasValue("the 'mdat' box at byte 32 has no size (never finished)");
        assertThat(Mp4Structure.problem(file(concat(box("ftyp", 24), box("moov", 700), box("mdat", 0)))))
                .hasValue("it has no media data (mdat box)");
    }
}
