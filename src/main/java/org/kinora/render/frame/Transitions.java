package org.kinora.render.frame;

import org.kinora.model.TransitionType;

/**
 * Composes the two slides of a transition with the Timeline's blend weight (0 = all outgoing,
 * 1 = all incoming). Every edge and offset is fractional, so wipes and pushes move smoothly.
 */
final class Transitions {

    private Transitions() {
    }

    static void compose(SlidePainter painter, Scratch s, Canvas out,
                        SlideContent a, double pa, SlideContent b, double pb,
                        TransitionType type, double blend) {
        int w = out.width;
        int h = out.height;
        float t = (float) blend;
        switch (type) {
            case CUT -> {
                if (blend < 0.5) {
                    painter.paint(s, out, a, pa, Placement.IDENTITY, null, 1f);
                } else {
                    painter.paint(s, out, b, pb, Placement.IDENTITY, null, 1f);
                }
            }
            case CROSSFADE -> {
                painter.paint(s, out, a, pa, Placement.IDENTITY, null, 1f);
                painter.paint(s, out, b, pb, Placement.IDENTITY, null, t);
            }
            case ZOOM_DISSOLVE -> {
                double z = FrameRenderer.ZOOM_DISSOLVE_ZOOM;
                painter.paint(s, out, a, pa, new Placement(0, 0, 1 + z * blend), null, 1f);
                painter.paint(s, out, b, pb, new Placement(0, 0, 1 + z * (1 - blend)), null, t);
            }
            case FADE_BLACK, FADE_WHITE -> {
                int[] colour = type == TransitionType.FADE_BLACK ? FrameRenderer.black() : FrameRenderer.white();
                if (blend < 0.5) {
                    painter.paint(s, out, a, pa, Placement.IDENTITY, null, 1f);
                    Compositor.fade(out, colour, (float) (2 * blend));
                } else {
                    painter.paint(s, out, b, pb, Placement.IDENTITY, null, 1f);
                    Compositor.fade(out, colour, (float) (2 * (1 - blend)));
                }
            }
            case WIPE_LEFT, WIPE_RIGHT, WIPE_UP, WIPE_DOWN -> {
                painter.paint(s, out, a, pa, Placement.IDENTITY, null, 1f);
                Clip clip = switch (type) {
                    case WIPE_LEFT -> new Clip(w * (1 - blend), w, 0, h);
                    case WIPE_RIGHT -> new Clip(0, w * blend, 0, h);
                    case WIPE_UP -> new Clip(0, w, h * (1 - blend), h);
                    default -> new Clip(0, w, 0, h * blend);
                };
                painter.paint(s, out, b, pb, Placement.IDENTITY, clip, 1f);
            }
            case PUSH_LEFT, PUSH_RIGHT, PUSH_UP, PUSH_DOWN -> {
                // Direction the pictures move in; the incoming slide sits right next to the outgoing one.
                int sx = type == TransitionType.PUSH_LEFT ? -1 : type == TransitionType.PUSH_RIGHT ? 1 : 0;
                int sy = type == TransitionType.PUSH_UP ? -1 : type == TransitionType.PUSH_DOWN ? 1 : 0;
                double dx = sx * w * blend;
                double dy = sy * h * blend;
                double bx = dx - sx * w;
                double by = dy - sy * h;
                painter.paint(s, out, a, pa, new Placement(dx, dy, 1), null, 1f);
                Clip clip = new Clip(bx, bx + w, by, by + h);
                painter.paint(s, out, b, pb, new Placement(bx, by, 1), clip, 1f);
            }
            default -> throw new IllegalArgumentException("unknown transition " + type);
        }
    }
}
