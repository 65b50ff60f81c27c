#!/bin/sh
# Regenerates the committed photo-format fixtures of this folder (see README.md).
# Needs ImageMagick 6.9+ with libwebp (convert) and python3; run from this folder.
set -eu

# WebP: 60x44 (not a multiple of VP8's 16-pixel macroblocks), four flat quadrants.
convert -size 60x44 xc:none \
  -fill '#C82828' -draw 'rectangle 0,0 29,21' -fill '#28B43C' -draw 'rectangle 30,0 59,21' \
  -fill '#F0DC3C' -draw 'rectangle 0,22 29,43' -fill '#2878C8' -draw 'rectangle 30,22 59,43' \
  -alpha off /tmp/kinora-quadrants.png
convert /tmp/kinora-quadrants.png -define webp:lossless=true quadrants-lossless.webp
convert /tmp/kinora-quadrants.png -quality 90 quadrants-lossy.webp

# The same quadrants with alpha 255, 128, 0 and 192.
convert -size 60x44 xc:none \
  -fill 'rgba(200,40,40,1)' -draw 'rectangle 0,0 29,21' -fill 'rgba(40,180,60,0.5)' -draw 'rectangle 30,0 59,21' \
  -fill 'rgba(240,220,60,0)' -draw 'rectangle 0,22 29,43' -fill 'rgba(40,120,200,0.75)' -draw 'rectangle 30,22 59,43' \
  /tmp/kinora-quadrants-alpha.png
convert /tmp/kinora-quadrants-alpha.png -define webp:lossless=true quadrants-alpha-lossless.webp
convert /tmp/kinora-quadrants-alpha.png -quality 90 -define webp:alpha-quality=100 quadrants-alpha-lossy.webp

# libwebp's own decodes of the lossy files, the reference the loader's decoder is held to.
convert quadrants-lossy.webp PNG24:quadrants-lossy.libwebp.png
convert quadrants-alpha-lossy.webp PNG32:quadrants-alpha-lossy.libwebp.png
rm -f /tmp/kinora-quadrants.png /tmp/kinora-quadrants-alpha.png
