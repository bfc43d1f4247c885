// Writes the site's icons from the one icon source, assets/icons/icon.svg:
// - icons/icon.svg, the source with each `@component@` colour filled in from the engine's
//   palette (headroom/palette.h, printed as JSON by web/tools/preview.cpp --palette);
// - icons/icon-192.png and icons/icon-512.png, the same drawing rasterised here.
// index.html carries the filled SVG inline as a data URI (web/tools/make_page.mjs).
//
// The rasteriser knows only what the icon uses: <rect x y width height fill> and a horizontal
// <path d="Mx yHx2"> with stroke, stroke-width and stroke-dasharray. Every shape is then a set of
// axis-aligned rectangles, and each pixel gets the exact share of its area they cover
// (antialiased edges, no oversampling). Anything else in the SVG stops the build.
//
// node make_icons.mjs ICON_SVG PREVIEW_JS OUT_DIR
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const [svgPath, previewJs, outDir] = process.argv.slice(2);
const palette = JSON.parse(execFileSync(process.execPath, [previewJs, '--palette'], { encoding: 'utf8' }));

// Comments and the whitespace between elements dropped (the SVG ships inline in index.html);
// `@weights@` -> the palette's '#4c8bf5'; an unknown name stops the build.
const source = readFileSync(svgPath, 'utf8').replace(/<!--[\s\S]*?-->/g, '').replace(/>\s+</g, '><').trim();
const svg = source.replace(/@([a-z_]+)@/g, (_, name) => {
  if (!palette[name]) throw new Error(`make_icons: no colour '${name}' in the palette`);
  return palette[name];
});

const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const rgb = (hex) => {
  const m = /^#([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) throw new Error(`make_icons: colour ${hex} is not #rrggbb`);
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
};

// The drawing as filled rectangles in the viewBox's units, painted in order.
const viewBox = attrs(/<svg[^>]*>/.exec(svg)[0]).viewBox.split(/\s+/).map(Number);
if (viewBox[0] !== 0 || viewBox[1] !== 0 || viewBox[2] !== viewBox[3]) throw new Error('make_icons: viewBox must be 0 0 N N');
const rects = [];
for (const [tag, name] of svg.matchAll(/<([a-z]+)\b[^>]*>/g)) {
  const a = attrs(tag);
  if (name === 'svg') continue;
  if (name === 'rect') {
    rects.push({ x: +(a.x ?? 0), y: +(a.y ?? 0), w: +a.width, h: +a.height, rgb: rgb(a.fill) });
  } else if (name === 'path') {
    const d = /^M\s*([\d.]+)[\s,]+([\d.]+)\s*H\s*([\d.]+)$/.exec(a.d);
    if (!d) throw new Error(`make_icons: only horizontal paths (Mx yHx2), not ${a.d}`);
    const [x0, y, x1] = d.slice(1).map(Number);
    const half = +a['stroke-width'] / 2;
    const [on, off] = (a['stroke-dasharray'] ?? `${x1 - x0} 0`).split(/[\s,]+/).map(Number);
    for (let x = x0; x < x1; x += on + off)
      rects.push({ x, y: y - half, w: Math.min(on, x1 - x), h: 2 * half, rgb: rgb(a.stroke) });
  } else {
    throw new Error(`make_icons: <${name}> is not supported`);
  }
}

// Each pixel's share of a rectangle: the overlap of [x, x+w) with [px, px+1), times the same in y.
const overlap = (a0, a1, p) => Math.max(0, Math.min(a1, p + 1) - Math.max(a0, p));
function draw(n) {
  const k = n / viewBox[2];
  const px = new Float64Array(n * n * 3);
  for (const r of rects) {
    const x0 = r.x * k, x1 = (r.x + r.w) * k, y0 = r.y * k, y1 = (r.y + r.h) * k;
    for (let y = Math.floor(y0); y < Math.min(n, Math.ceil(y1)); y++) {
      const cy = overlap(y0, y1, y);
      for (let x = Math.floor(x0); x < Math.min(n, Math.ceil(x1)); x++) {
        const c = cy * overlap(x0, x1, x);
        for (let i = 0; i < 3; i++) px[3 * (y * n + x) + i] += c * (r.rgb[i] - px[3 * (y * n + x) + i]);
      }
    }
  }
  return px;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function png(px, n) {
  const raw = Buffer.alloc(n * (3 * n + 1));
  for (let y = 0; y < n; y++)
    for (let i = 0; i < 3 * n; i++) raw[y * (3 * n + 1) + 1 + i] = Math.round(px[3 * n * y + i]);
  const chunk = (tag, data) => {
    const body = Buffer.concat([Buffer.from(tag, 'ascii'), data]);
    const len = Buffer.alloc(4), crc = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(n, 0);
  header.writeUInt32BE(n, 4);
  header.set([8, 2, 0, 0, 0], 8);  // 8-bit RGB, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(join(outDir, 'icons'), { recursive: true });
writeFileSync(join(outDir, 'icons/icon.svg'), svg + '\n');
for (const n of [192, 512]) writeFileSync(join(outDir, `icons/icon-${n}.png`), png(draw(n), n));
