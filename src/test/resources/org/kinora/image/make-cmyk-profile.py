#!/usr/bin/env python3
"""Writes kinora-test-cmyk.icc: a tiny ICC v2 CMYK output profile made for the loader's tests.

A2B0 is a lut16 (mft2) with a 2-point grid per ink: its 16 entries are the colours of the 16
overprints of paper, C, M, Y and K (a Neugebauer model), chosen as sRGB colours and stored as
D50 XYZ, so a CMYK pixel that is one of them must come out as exactly that sRGB colour, which a
naive 255*(1-C)*(1-K) conversion does not give (pure cyan: (0,160,225), not (0,255,255)).
Our own work, under the project's licence. Run from this folder: python3 make-cmyk-profile.py
"""
import struct

# sRGB colour of each overprint; K over anything is a near-black.
PRIMARIES = {
    (0, 0, 0): (255, 255, 255),  # paper
    (1, 0, 0): (0, 160, 225),    # cyan
    (0, 1, 0): (225, 0, 130),    # magenta
    (0, 0, 1): (255, 235, 0),    # yellow
    (1, 1, 0): (45, 50, 145),    # cyan + magenta
    (1, 0, 1): (0, 165, 80),     # cyan + yellow
    (0, 1, 1): (230, 30, 40),    # magenta + yellow
    (1, 1, 1): (40, 40, 45),     # cyan + magenta + yellow
}
BLACK = (30, 30, 35)
RICH_BLACK = (20, 20, 25)

# sRGB primaries adapted to D50 (Bradford), as in the sRGB ICC profile.
M = ((0.4360747, 0.3850649, 0.1430804),
     (0.2225045, 0.7168786, 0.0606169),
     (0.0139322, 0.0971045, 0.7141733))
D50 = (0.9642, 1.0, 0.8249)


def linear(v):
    v /= 255.0
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def xyz(rgb):
    lin = [linear(c) for c in rgb]
    return [sum(M[i][j] * lin[j] for j in range(3)) for i in range(3)]


def s15f16(v):
    return struct.pack('>i', round(v * 65536))


def xyz_number(v):
    return b''.join(s15f16(c) for c in v)


def pad4(b):
    return b + b'\0' * (-len(b) % 4)


def desc(text):
    ascii_ = text.encode('ascii') + b'\0'
    return (b'desc' + b'\0' * 4 + struct.pack('>I', len(ascii_)) + ascii_
            + struct.pack('>II', 0, 0) + struct.pack('>HB', 0, 0) + b'\0' * 67)


def a2b0():
    out = b'mft2' + b'\0' * 4 + struct.pack('>BBBB', 4, 3, 2, 0)
    for i in range(3):  # identity matrix (only used for XYZ input)
        for j in range(3):
            out += s15f16(1.0 if i == j else 0.0)
    out += struct.pack('>HH', 2, 2)
    out += struct.pack('>HH', 0, 65535) * 4  # linear input curves
    for c in (0, 1):  # first ink varies slowest
        for m in (0, 1):
            for y in (0, 1):
                for k in (0, 1):
                    rgb = PRIMARIES[(c, m, y)] if not k else (RICH_BLACK if c or m or y else BLACK)
                    # PCSXYZ 16-bit encoding: 0x8000 is 1.0.
                    out += b''.join(struct.pack('>H', min(65535, round(v * 32768))) for v in xyz(rgb))
    out += struct.pack('>HH', 0, 65535) * 3  # linear output curves
    return out


def b2a0():
    """XYZ to CMYK, naive (C = 1 - R, K = 0) on a 5-point grid: never used to make the fixture,
    but a CMYK profile without the reverse direction cannot be linked (TwelveMonkeys refuses it)."""
    inv = invert(M)
    n = 5
    out = b'mft2' + b'\0' * 4 + struct.pack('>BBBB', 3, 4, n, 0)
    for i in range(3):
        for j in range(3):
            out += s15f16(1.0 if i == j else 0.0)
    out += struct.pack('>HH', 2, 2)
    out += struct.pack('>HH', 0, 65535) * 3
    for i in range(n):
        for j in range(n):
            for k in range(n):
                # Grid point in PCSXYZ encoding: 0..65535 spans 0..1.99997.
                x = [v / (n - 1) * 65535 / 32768 for v in (i, j, k)]
                lin = [max(0.0, min(1.0, sum(inv[r][c] * x[c] for c in range(3)))) for r in range(3)]
                rgb = [1.055 * v ** (1 / 2.4) - 0.055 if v > 0.0031308 else 12.92 * v for v in lin]
                out += struct.pack('>4H', *(round((1 - v) * 65535) for v in rgb), 0)
    out += struct.pack('>HH', 0, 65535) * 4
    return out


def invert(m):
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return ((( e * i - f * h) / det, -(b * i - c * h) / det, ( b * f - c * e) / det),
            (-(d * i - f * g) / det, ( a * i - c * g) / det, -(a * f - c * d) / det),
            (( d * h - e * g) / det, -(a * h - b * g) / det, ( a * e - b * d) / det))


tags = [
    (b'desc', desc('Kinora test CMYK (Neugebauer, 2-point grid)')),
    (b'cprt', b'text' + b'\0' * 4 + b'Kinora project test data, under the project licence\0'),
    (b'wtpt', b'XYZ ' + b'\0' * 4 + xyz_number(D50)),
    (b'A2B0', a2b0()),
    (b'B2A0', b2a0()),
]
offset = 128 + 4 + 12 * len(tags)
table = struct.pack('>I', len(tags))
data = b''
for sig, body in tags:
    table += sig + struct.pack('>II', offset + len(data), len(body))
    data += pad4(body)
size = offset + len(data)
header = (struct.pack('>I', size) + b'\0' * 4 + struct.pack('>I', 0x02100000) + b'prtrCMYKXYZ '
          + struct.pack('>6H', 2025, 1, 1, 0, 0, 0) + b'acsp' + b'\0' * 4 + struct.pack('>I', 0)
          + b'\0' * 8 + b'\0' * 8 + struct.pack('>I', 0) + xyz_number(D50) + b'\0' * 4 + b'\0' * 16
          + b'\0' * 28)
assert len(header) == 128, len(header)
with open('kinora-test-cmyk.icc', 'wb') as f:
    f.write(header + table + data)
