package org.kinora.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kinora.model.Motion;

class AutoMotionTest {

    @Test
    void zoomStaysBetweenOneAndAboutOnePointTwoFive() {
        for (int i = 0; i < 500; i++) {
            Motion m = AutoMotion.forSlide(i);
            for (var v : List.of(m.start(), m.end())) {
                assertThat(v.zoom()).isBetween(1.0, 1.26);
            }
            assertThat(Math.abs(m.end().zoom() - m.start().zoom())).isGreaterThan(0.1);
        }
    }

    @Test
    void neverDriftsTheSameWayTwiceInARowAndVaries() {
        Set<Integer> seen = new HashSet<>();
        Set<Motion> distinct = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int d = AutoMotion.direction(i);
            seen.add(d);
            distinct.add(AutoMotion.forSlide(i));
            if (i > 0) {
                int previous = AutoMotion.direction(i - 1);
                int steps = Math.floorMod(d - previous, 8);
                assertThat(steps).as("slide %d turns from %d to %d", i, previous, d).isBetween(2, 6);
            }
        }
        assertThat(seen).hasSize(8);
        assertThat(distinct).hasSize(200);
    }

    @Test
    void isDeterministic() {
        assertThat(AutoMotion.forSlide(7)).isEqualTo(AutoMotion.forSlide(7));
    }

    @Test
    void naturalOrderComparesNumbersAsNumbers() {
        List<Path> sorted = List.of(Path.of("img10.jpg"), Path.of("IMG2.jpg"), Path.of("img1.jpg"), Path.of("a.jpg"))
                .stream().sorted(PhotoFinder.NATURAL_ORDER).toList();
        assertThat(sorted).extracting(Path::toString).containsExactly("a.jpg", "img1.jpg", "IMG2.jpg", "img10.jpg");
    }
}
