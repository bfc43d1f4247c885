// The browser edge's JavaScript state, in one object, and the helpers its parts share: the one
// clipboard writer, the one file picker and the one file reader. An Emscripten JS library
// (--js-library, web/CMakeLists.txt), like the .js beside each web/platform/*.cpp that holds
// the functions that .cpp calls. Nothing is hung on Module but the Embind functions and the
// hooks boot.js sets (canvas, onFirstFrame, onStartFailed).
mergeInto(LibraryManager.library, {
  $Edge: {
    clipboard: '',     // the text last copied in the page: a copy from the browser's menu gets it
    fragmentTimer: 0,  // the pending write of the URL fragment (browser_io.js)
    writtenHash: '',   // the fragment the page last wrote: its hashchange is no new link
    keyboard: null,    // the hidden <input> behind a phone's keyboard, and its state (platform_input.js)
    glyphs: null,      // the Canvas 2D the font atlas is being drawn on (font_atlas.js)

    // The system clipboard: the async API when the browser allows it, else a hidden textarea
    // and execCommand('copy'), after which the element that had the focus gets it back.
    copy: function(text) {
      Edge.clipboard = text;
      const fallback = () => {
        const had = document.activeElement;
        const ta = document.createElement('textarea');
        ta.value = text;
        ta.setAttribute('readonly', '');
        ta.style.position = 'fixed';
        ta.style.opacity = '0';
        document.body.appendChild(ta);
        ta.select();
        try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
        ta.remove();
        if (had && had.focus) had.focus({ preventScroll: true });
      };
      try {
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(fallback);
        else fallback();
      } catch (e) {
        fallback();
      }
    },

    // Saves bytes (a Uint8Array) as a file through a Blob link.
    download: function(name, mime, bytes) {
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([bytes], { type: mime }));
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    },

    // A hidden file input, clicked while the button's user activation lasts; the chosen file
    // goes to Edge.readFile.
    pickFile: function(kind) {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = '.json,application/json';
      input.style.display = 'none';
      input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        input.remove();
        if (file) Edge.readFile(file, kind);
      });
      document.body.appendChild(input);
      input.click();
    },

    // Every file the page opens, picked or dropped, is read here, on this device (nothing is
    // uploaded), and its text handed to the app's one loader (browser_io.cpp, OpenText):
    // kind 'scenario' (Import JSON) or 'file' (a config.json or a scenario).
    readFile: function(file, kind) {
      file.text().then((text) => Module.edgeOpen(kind, file.name, text, true),
                       () => Module.edgeOpen(kind, file.name, '', false));
    },
  },

  js_copy__deps: ['$Edge'],
  js_copy: function(text) { Edge.copy(UTF8ToString(text)); },
});
