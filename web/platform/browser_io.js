// The JavaScript half of browser_io.cpp (an Emscripten JS library): downloads, the file
// picker, the URL fragment, the share status and the embed height. Its state is in Edge
// (edge.js).
mergeInto(LibraryManager.library, {
  // Saves `len` bytes as a file; the bytes are copied, so no lifetime ties.
  js_download__deps: ['$Edge'],
  js_download: function(name, mime, data, len) {
    Edge.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len));
  },

  js_pick_file__deps: ['$Edge'],
  js_pick_file: function(kind) { Edge.pickFile(UTF8ToString(kind)); },

  // The fragment is written at most every 300 ms while the user edits; replaceState keeps the
  // history clean (one entry per page, not per keystroke). Never throws: an opaque-origin
  // sandbox may refuse history changes.
  js_set_fragment__deps: ['$Edge'],
  js_set_fragment: function(fragment) {
    const text = '#' + UTF8ToString(fragment);
    clearTimeout(Edge.fragmentTimer);
    Edge.fragmentTimer = setTimeout(() => {
      try {
        if (location.hash !== text) history.replaceState(history.state, '', text);
        Edge.writtenHash = text;
      } catch (e) { /* sandboxed: the link is still in the share panel */ }
    }, 300);
  },

  // A link pasted into the same tab changes only the hash: it is opened as a link.
  js_watch_hash__deps: ['$Edge'],
  js_watch_hash: function() {
    window.addEventListener('hashchange', () => {
      if (location.hash && location.hash !== Edge.writtenHash) Module.edgeOpen('link', '', location.hash, true);
    });
  },

  js_set_status: function(text, isError) {
    const el = document.getElementById('share-status');
    if (!el) return;
    el.textContent = UTF8ToString(text);
    el.dataset.error = isError ? '1' : '0';
  },

  js_post_height: function(height) {
    try {
      if (window.parent !== window) window.parent.postMessage({ type: 'headroom:height', height: height }, '*');
    } catch (e) { /* a parent that refuses messages needs none */ }
  },
});
