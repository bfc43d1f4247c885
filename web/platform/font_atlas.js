// The JavaScript half of font_atlas.cpp (an Emscripten JS library): glyphs measured and filled
// with Canvas 2D in the page's font-family (document.body's computed style). The canvas being
// drawn on is Edge.glyphs (edge.js) while the atlas is built.
mergeInto(LibraryManager.library, {
  js_glyph_metrics: function(weight, emPx, codePoints, n, out) {
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = UTF8ToString(weight) + ' ' + emPx + 'px ' + getComputedStyle(document.body).fontFamily;
    const font = ctx.measureText('x');
    let o = out >> 2;
    // fontBoundingBox* came last (Firefox 116): before it, a typical UI font's 0.93 / 0.24 em.
    HEAPF32[o++] = font.fontBoundingBoxAscent ?? 0.93 * emPx;
    HEAPF32[o++] = font.fontBoundingBoxDescent ?? 0.24 * emPx;
    for (let i = 0; i < n; i++) {
      const m = ctx.measureText(String.fromCodePoint(HEAPU32[(codePoints >> 2) + i]));
      HEAPF32[o++] = m.width;
      HEAPF32[o++] = m.actualBoundingBoxLeft;
      HEAPF32[o++] = m.actualBoundingBoxRight;
      HEAPF32[o++] = m.actualBoundingBoxAscent;
      HEAPF32[o++] = m.actualBoundingBoxDescent;
    }
  },

  // Grayscale antialiasing: a transparent canvas never gets subpixel text.
  js_glyphs_begin__deps: ['$Edge'],
  js_glyphs_begin: function(w, h) {
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    Edge.glyphs = canvas.getContext('2d', { willReadFrequently: true });
  },

  js_glyphs_fill__deps: ['$Edge'],
  js_glyphs_fill: function(weight, emPx, codePoints, pens, n) {
    const ctx = Edge.glyphs;
    ctx.font = UTF8ToString(weight) + ' ' + emPx + 'px ' + getComputedStyle(document.body).fontFamily;
    ctx.fillStyle = '#fff';
    for (let i = 0; i < n; i++)
      ctx.fillText(String.fromCodePoint(HEAPU32[(codePoints >> 2) + i]), HEAP32[(pens >> 2) + 2 * i], HEAP32[(pens >> 2) + 2 * i + 1]);
  },

  js_glyphs_end__deps: ['$Edge'],
  js_glyphs_end: function(alpha, w, h) {
    const rgba = Edge.glyphs.getImageData(0, 0, w, h).data;
    for (let i = 0, n = w * h; i < n; i++) HEAPU8[alpha + i] = rgba[4 * i + 3];
    Edge.glyphs = null;
  },
});
