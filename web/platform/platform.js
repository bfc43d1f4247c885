// The JavaScript half of platform.cpp (an Emscripten JS library): the canvas's size and the
// page's signals. boot.js set Module.canvas, Module.onFirstFrame and Module.onStartFailed.
mergeInto(LibraryManager.library, {
  js_pixel_ratio: function() { return window.devicePixelRatio || 1; },
  js_css_width: function() { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().width)); },
  js_css_height: function() { return Math.max(1, Math.round(Module.canvas.getBoundingClientRect().height)); },

  // The result as text, for screen readers and the tests (#summary, index.html).
  js_set_summary: function(text, totalBytes, version) {
    const el = document.getElementById('summary');
    if (!el) return;
    el.textContent = UTF8ToString(text);
    el.dataset.totalBytes = UTF8ToString(totalBytes);
    el.dataset.version = String(version);
  },

  js_set_cursor: function(css) { Module.canvas.style.cursor = UTF8ToString(css); },
  js_first_frame: function() { if (Module.onFirstFrame) Module.onFirstFrame(); },
  js_start_failed: function(why) { if (Module.onStartFailed) Module.onStartFailed(UTF8ToString(why)); },
});
