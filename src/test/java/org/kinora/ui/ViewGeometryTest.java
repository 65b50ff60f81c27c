package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.kinora.model.FitMode;
import org.kinora.model.View;
import org.kinora.model.ViewRect;
import org.junit.jupiter.api.Test;

class ViewGeometryTest {

    // 3:2 photo in a 16:9 video: FILL, the zoom-1 rectangle is the photo's full width.
    private final ViewGeometry g = new ViewGeometry(1.5, 16.0 / 9, FitMode.AUTO);

    @Test
    void rectangleKeepsTheOutputAspectInPixels() {
        ViewRect r = g.rectOf(new View(0.3, 0.6, 1.7));
        double pixelAspect = (r.width() * 1.5) / r.height();
        assertThat(pixelAspect).isCloseTo(16.0 / 9, within(1e-9));
        assertThat(g.maxWidth()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void viewsRoundTripThroughTheirRectangle() {
        View v = new View(0.35, 0.55, 2.0);
        ViewRect r = g.rectOf(v);
        View back = g.viewFor(r.centerX(), r.centerY(), r.width());
        assertThat(back.zoom()).isCloseTo(2.0, within(1e-9));
        assertThat(back.centerX()).isCloseTo(0.35, within(1e-9));
        assertThat(back.centerY()).isCloseTo(0.55, within(1e-9));
    }

    @Test
    void draggingPastTheEdgeStopsAtTheEdge() {
        View moved = g.moved(new View(0.5, 0.5, 2.0), 0.9, 0);
        ViewRect r = g.rectOf(moved);
        assertThat(r.x() + r.width()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void cornerDragZoomsAroundTheOppositeCorner() {
        // anchor top-left at (0.1, 0.1); drag bottom-right to half the photo's width
        View v = g.resized(0.1, 0.1, 0.6, 0.2);
        ViewRect r = g.rectOf(v);
        assertThat(v.zoom()).isCloseTo(2.0, within(1e-9));
        assertThat(r.x()).isCloseTo(0.1, within(1e-9));
        assertThat(r.y()).isCloseTo(0.1, within(1e-9));
        // never smaller than MAX_ZOOM allows, never larger than the photo
        assertThat(g.resized(0.1, 0.1, 0.1001, 0.1001).zoom()).isCloseTo(View.MAX_ZOOM, within(1e-9));
        assertThat(g.resized(0, 0, 5, 5).zoom()).isEqualTo(1.0);
    }
}
