#!/usr/bin/env python3
"""Converts the "ascent" picture that Debian's python3-scipy ships
(scipy/misc/ascent.dat: a pickled 512x512 array of gray levels 0..255)
into lessons/data/ascent.png, an 8-bit gray PNG. Run once; kept for
provenance (see README.md beside it).

    apt-get install python3-scipy
    /usr/bin/python3 lessons/data/make_ascent.py

The PNG is written here with zlib (no imaging library needed): each row
with the filter that makes it smallest (PNG filter types 0-4)."""
import os
import pickle
import struct
import sys
import zlib

import numpy as np
import scipy.misc

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(os.path.dirname(scipy.misc.__file__), "ascent.dat")
with open(src, "rb") as f:
    a = np.array(pickle.load(f), dtype=np.int64)
assert a.shape == (512, 512) and a.min() >= 0 and a.max() <= 255


def paeth(left, up, upleft):
    p = left + up - upleft
    pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
    return np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, up, upleft))


raw = bytearray()
prev = np.zeros(a.shape[1], dtype=np.int64)
for row in a:
    left = np.concatenate(([0], row[:-1]))
    upleft = np.concatenate(([0], prev[:-1]))
    cands = [row, row - left, row - prev, row - (left + prev) // 2,
             row - paeth(left, prev, upleft)]
    cands = [c % 256 for c in cands]
    best = min(range(5), key=lambda t: int(np.abs(((cands[t] + 128) % 256) - 128).sum()))
    raw.append(best)
    raw += bytes(cands[best].astype(np.uint8))
    prev = row


def chunk(kind, data):
    c = kind + data
    return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c))


png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 512, 512, 8, 0, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "ascent.png")
with open(out, "wb") as f:
    f.write(png)
print(out, len(png), "bytes")
