#!/bin/sh
# Regenerates the committed photo-format fixtures of this folder (see README.md).
# Needs ImageMagick 6.9+ with libwebp (convert) and python3; run from this folder.
set -eu

# WebP: 60x44 (not a multiple of VP8's 16-pixel macroblocks), four flat quadrants.
convert -size 60x44 xc:none \
  -fill '#C82828' -draw 'rectangle 0,0 29,21' -fill '#28B43C' -draw 'rectangle 30,0 59,21' \
  -fill '#F0DC3C' -draw 'rectangle 0,22 29,43' -fill '#2878C8' -draw 'rectangle 30,22 59,43' \
  -alpha off /tmp/quadrants.png
convert /tmp/quadrants.png -define webp:lossless=true quadrants-lossless.webp
convert /tmp/quadrants.png -quality 90 quadrants-lossy.webp

# The same quadrants with alpha 255, 128, 0 and 192.
convert -size 60x44 xc:none \
  -fill 'rgba(200,40,40,1)' -draw 'rectangle 0,0 29,21' -fill 'rgba(40,180,60,0.5)' -draw 'rectangle 30,0 59,21' \
  -fill 'rgba(240,220,60,0)' -draw 'rectangle 0,22 29,43' -fill 'rgba(40,120,200,0.75)' -draw 'rectangle 30,22 59,43' \
  /tmp/quadrants-alpha.png
convert /tmp/quadrants-alpha.png -define webp:lossless=true quadrants-alpha-lossless.webp
convert /tmp/quadrants-alpha.png -quality 90 -define webp:alpha-quality=100 quadrants-alpha-lossy.webp

# libwebp's own decodes of the lossy files, the reference the loader's decoder is held to.
convert quadrants-lossy.webp -define png:exclude-chunks=date,time PNG24:quadrants-lossy.libwebp.png
convert quadrants-alpha-lossy.webp -define png:exclude-chunks=date,time PNG32:quadrants-alpha-lossy.libwebp.png
rm -f /tmp/quadrants.png /tmp/quadrants-alpha.png

# CMYK JPEG (Adobe YCCK) with our own tiny ICC profile embedded: 64x48, 4x3 patches of 16x16,
# CMYK (0-255 ink): row 1 paper, C, M, Y; row 2 K, C+M, M+Y, C+Y; row 3 C, M, Y, K at 50% (128).
python3 make-cmyk-profile.py
python3 -c '
import sys
p = [(0,0,0,0), (255,0,0,0), (0,255,0,0), (0,0,255,0),
     (0,0,0,255), (255,255,0,0), (0,255,255,0), (255,0,255,0),
     (128,0,0,0), (0,128,0,0), (0,0,128,0), (0,0,0,128)]
sys.stdout.buffer.write(bytes(v for y in range(48) for x in range(64) for v in p[y // 16 * 4 + x // 16]))
' > /tmp/patches.cmyk
convert -size 64x48 -depth 8 cmyk:/tmp/patches.cmyk -profile kinora-test-cmyk.icc \
  -quality 100 -sampling-factor 1x1 cmyk-icc-patches.jpg
rm -f /tmp/patches.cmyk
# The sRGB reference of CmykJpegTest: lcms2 (through ImageMagick) at each patch centre.
for y in 8 24 40; do for x in 8 24 40 56; do
  convert cmyk-icc-patches.jpg -profile /usr/share/color/icc/ghostscript/srgb.icc -format "%[pixel:p{$x,$y}]\n" info:
done; done

# Restart intervals (DRI, RSTn) for BandedJpegDecoderTest, from libjpeg-turbo's cjpeg: 157x93 (no
# size a multiple of an MCU), plasma with noise so that blocks have many coefficients; baseline and
# progressive, each sampling, intervals in MCU rows and in MCUs, and two scan scripts.
convert -size 157x93 -seed 7 plasma:fractal -seed 3 -attenuate 0.6 +noise Gaussian -depth 8 /tmp/restart-src.ppm
printf '0;\n1;\n2;\n' > /tmp/three.scans
printf '0: 0 0 0 1;\n1 2: 0 0 0 1;\n0: 1 5 0 2;\n2: 1 63 0 1;\n1: 1 63 0 1;\n0: 6 63 0 2;\n0: 1 63 2 1;\n0: 1 63 1 0;\n0: 0 0 1 0;\n1 2: 0 0 1 0;\n1: 1 63 1 0;\n2: 1 63 1 0;\n' > /tmp/custom.scans
cjpeg -quality 85 -sample 2x2 -restart 1 /tmp/restart-src.ppm > restart-baseline-420.jpg
cjpeg -quality 85 -sample 2x1 -restart 5B -optimize /tmp/restart-src.ppm > restart-baseline-422-optimized.jpg
cjpeg -quality 85 -sample 2x2 -scans /tmp/three.scans -restart 2B /tmp/restart-src.ppm > restart-baseline-3-scans.jpg
cjpeg -quality 85 -sample 2x2 -progressive -restart 2B /tmp/restart-src.ppm > restart-progressive-420.jpg
cjpeg -quality 92 -sample 1x1 -progressive -restart 1 /tmp/restart-src.ppm > restart-progressive-444.jpg
cjpeg -quality 80 -sample 1x2 -progressive -restart 7B /tmp/restart-src.ppm > restart-progressive-440.jpg
cjpeg -quality 90 -grayscale -progressive -restart 3B /tmp/restart-src.ppm > restart-progressive-grey.jpg
cjpeg -quality 85 -sample 2x2 -scans /tmp/custom.scans -restart 3B /tmp/restart-src.ppm > restart-progressive-custom-scans.jpg
rm -f /tmp/restart-src.ppm /tmp/three.scans /tmp/custom.scans
