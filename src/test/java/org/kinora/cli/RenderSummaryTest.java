package org.kinora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenderSummaryTest {

    @Test
    void smallFilesAreGivenInKilobytesNotAsZeroMegabytes() {
        assertThat(RenderSummary.size(76_048)).isEqualTo("76 kB");
        assertThat(RenderSummary.size(261)).isEqualTo("1 kB");
        assertThat(RenderSummary.size(999_499)).isEqualTo("999 kB");
        assertThat(RenderSummary.size(1_000_000)).isEqualTo("1.0 MB");
        assertThat(RenderSummary.size(48_712_345)).isEqualTo("48.7 MB");
    }
}
