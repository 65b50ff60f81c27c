package org.kinora.image;

/**
 * Reconstruction kernels for separable resampling. When minifying, a kernel is stretched by the
 * minification factor so that it also low-pass filters (antialiasing): see {@link Taps}.
 */
public enum Kernel {
    /** Tent: cheap, soft. Used where softness does not matter (blurred backgrounds). */
    TRIANGLE(1) {
        @Override
        public double at(double x) {
            double a = Math.abs(x);
            return a < 1 ? 1 - a : 0;
        }
    },
    /** Keys cubic, a = -0.5: sharp interpolation with little ringing; the per-frame kernel. */
    CATMULL_ROM(2) {
        @Override
        public double at(double x) {
            double a = Math.abs(x);
            if (a < 1) {
                return (1.5 * a - 2.5) * a * a + 1;
            }
            if (a < 2) {
                return ((-0.5 * a + 2.5) * a - 4) * a + 2;
            }
            return 0;
        }
    },
    /** Lanczos, 3 lobes: the high-quality kernel for one-off downscales (decode to target size). */
    LANCZOS3(3) {
        @Override
        public double at(double x) {
            double a = Math.abs(x);
            if (a < 1e-9) {
                return 1;
            }
            if (a >= 3) {
                return 0;
            }
            double p = Math.PI * a;
            return 3 * Math.sin(p) * Math.sin(p / 3) / (p * p);
        }
    };

    private final double radius;

    Kernel(double radius) {
        this.radius = radius;
    }

    /** Support half-width at scale 1, in source pixels. */
    public double radius() {
        return radius;
    }

    public abstract double at(double x);
}
