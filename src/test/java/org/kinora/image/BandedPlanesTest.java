package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The next band decoded on a helper thread gives the same rows as decoding every band in turn. */
class BandedPlanesTest {

    /** Small bands: the picture spans many, so the three buffers take turns. */
    private static final long SMALL_BUDGET = 64 * 1024;

    @Test
    void rowsAreTheSameWhoeverDecodesTheNextBand() throws Exception {
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = PlainJpegPathTest.jpeg(SyntheticPhoto.waves(480, 1200, 3, 16, 0.3,
                    BufferedImage.TYPE_INT_RGB), progressive, 2, 2, 0.9f);
            List<float[]> alone = readAll(jpeg, task -> { }); // no helper: the reader decodes every band
            List<float[]> inline = readAll(jpeg, Runnable::run);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                List<float[]> helped = readAll(jpeg, pool);
                for (int y = 0; y < alone.size(); y++) {
                    assertThat(inline.get(y)).as("progressive %s, row %d, decoded at once", progressive, y)
                            .isEqualTo(alone.get(y));
                    assertThat(helped.get(y)).as("progressive %s, row %d, decoded by a helper", progressive, y)
                            .isEqualTo(alone.get(y));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void everyBandAfterTheFirstIsHandedToTheHelper() throws Exception {
        byte[] jpeg = PlainJpegPathTest.jpeg(SyntheticPhoto.waves(480, 1200, 3, 16, 0.3,
                BufferedImage.TYPE_INT_RGB), false, 2, 2, 0.9f);
        BandedJpegDecoder decoder = BandedJpegDecoder.open(jpeg, JpegStructure.parse(jpeg).imageEnd(), 0);
        int perBand = BandedPlanes.mcuRowsPerBand(decoder, SMALL_BUDGET);
        int bands = (decoder.mcuRows() + perBand - 1) / perBand;
        assertThat(bands).isGreaterThan(4);
        AtomicInteger handed = new AtomicInteger();
        readAll(jpeg, task -> {
            handed.incrementAndGet();
            task.run();
        });
        assertThat(handed.get()).isEqualTo(bands - 1);
    }

    /** A band the helper found damaged is reported by the read that needs that band. */
    @Test
    void damageFoundByTheHelperReachesTheReader() throws Exception {
        byte[] jpeg = PlainJpegPathTest.jpeg(SyntheticPhoto.waves(480, 1200, 3, 16, 0.3,
                BufferedImage.TYPE_INT_RGB), false, 2, 2, 0.9f);
        // Cut the scan half-way (with an end marker): the band that reaches the cut is truncated.
        int sos = indexOfSos(jpeg);
        int at = sos + (jpeg.length - sos) / 2;
        byte[] cut = java.util.Arrays.copyOf(jpeg, at + 2);
        cut[at] = (byte) 0xFF;
        cut[at + 1] = (byte) 0xD9;
        List<Integer> rowsRead = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            BandedJpegDecoder decoder = BandedJpegDecoder.open(cut, JpegStructure.parse(cut).imageEnd(), 0);
            RgbRows rows = BandedPlanes.rows(decoder, SMALL_BUDGET, pool);
            float[] row = new float[3 * rows.width()];
            assertThatThrownBy(() -> {
                for (int y = 0; y < rows.height(); y++) {
                    rows.read(y, row);
                    rowsRead.add(y);
                }
            }).isInstanceOf(BandedPlanes.Damaged.class);
        } finally {
            pool.shutdown();
        }
        assertThat(rowsRead).as("rows before the damage were read").isNotEmpty();
        assertThat(rowsRead.size()).isLessThan(1200);
    }

    private static List<float[]> readAll(byte[] jpeg, java.util.concurrent.Executor helper) throws Exception {
        BandedJpegDecoder decoder = BandedJpegDecoder.open(jpeg, JpegStructure.parse(jpeg).imageEnd(), 0);
        RgbRows rows = BandedPlanes.rows(decoder, SMALL_BUDGET, helper);
        List<float[]> out = new ArrayList<>();
        for (int y = 0; y < rows.height(); y++) {
            float[] row = new float[3 * rows.width()];
            rows.read(y, row);
            out.add(row);
        }
        return out;
    }

    private static int indexOfSos(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return i;
            }
        }
        throw new IllegalArgumentException("no start of scan");
    }
}
