#!/usr/bin/env python3
"""Draws Headroom's icon (stacked memory bars under a dashed capacity line) as PNGs, with the
standard library only: python3 web/icons/make_icons.py writes icon-192.png and icon-512.png
beside this file. icon.svg is the same drawing by hand."""
import os
import struct
import zlib

BG = (22, 24, 29)
BARS = [((76, 139, 245), 0.26), ((146, 124, 240), 0.12), ((43, 179, 163), 0.10), ((242, 169, 59), 0.12)]
LINE = (228, 231, 236)


def draw(n):
    px = [[BG for _ in range(n)] for _ in range(n)]
    # One stack: components from the bottom up, leaving headroom under the capacity line.
    x0, x1 = int(n * 0.30), int(n * 0.70)
    y = int(n * 0.84)
    for colour, share in BARS:
        h = int(n * share)
        for yy in range(y - h + max(1, n // 96), y):
            for xx in range(x0, x1):
                px[yy][xx] = colour
        y -= h
    # The capacity line, dashed, above the stack: the headroom.
    cap = int(n * 0.16)
    dash = max(2, n // 24)
    for xx in range(int(n * 0.18), int(n * 0.82)):
        if (xx // dash) % 2 == 0:
            for yy in range(cap, cap + max(2, n // 48)):
                px[yy][xx] = LINE
    return px


def png(px):
    n = len(px)
    raw = b''.join(b'\x00' + bytes(c for p in row for c in p) for row in px)
    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', n, n, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


here = os.path.dirname(os.path.abspath(__file__))
for size in (192, 512):
    with open(os.path.join(here, f'icon-{size}.png'), 'wb') as f:
        f.write(png(draw(size)))
