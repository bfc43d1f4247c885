// The extras module's loader (an Emscripten JS library): web/extras/extras.cpp, built as
// headroom-extras.js + headroom-extras.wasm, holds the features a page needs only on first use
// (the PDF report, config.json import), so the first load stays within its budget. It is
// fetched from this page's own origin the first time one of them is asked for, and the service
// worker precaches it with the rest of the site, so it works offline too. Nothing the user
// typed goes into the request: the module is a static file, called here, on the device.
mergeInto(LibraryManager.library, {
  $Extras: {
    module: null,  // the promise of the instantiated module, once asked for

    load: function() {
      if (!Extras.module) {
        Extras.module = new Promise((ok, fail) => {
          const script = document.createElement('script');
          script.src = 'headroom-extras.js';
          script.onload = () => window.HeadroomExtras().then(ok, fail);
          script.onerror = () => fail(new Error('headroom-extras.js did not load'));
          document.head.appendChild(script);
        });
        Extras.module.catch(() => { Extras.module = null; });  // the next request tries again
      }
      return Extras.module;
    },

    // A promise of the extras module's function `name` called with `args`.
    call: function(name, args) { return Extras.load().then((m) => m[name].apply(null, args)); },
  },
  // window.headroom's asynchronous functions (assets/boot.js) go through here.
  $Extras__postset: 'Module.extras = function(name, args) { return Extras.call(name, args); };',

  // The PDF of the scenario (contract JSON), downloaded as headroom.pdf; a failure is reported
  // through the app's one door (browser_io.cpp, OpenText "pdf").
  js_extras_pdf__deps: ['$Extras', '$Edge'],
  js_extras_pdf: function(scenarioJson) {
    Extras.call('pdf', [UTF8ToString(scenarioJson)]).then((r) => {
      if (!r.ok) throw new Error(r.text);
      Edge.download('headroom.pdf', 'application/pdf', Uint8Array.from(r.text, (c) => c.charCodeAt(0)));
    }).catch((e) => Module.edgeOpen('pdf', 'headroom.pdf', String(e.message || e), false));
  },

  // A Hugging Face config.json imported in the extras module; its result (JSON) comes back to
  // OpenText as "config".
  js_extras_import_config__deps: ['$Extras'],
  js_extras_import_config: function(name, text) {
    const file = UTF8ToString(name);
    Extras.call('importConfig', [UTF8ToString(text)])
      .then((result) => Module.edgeOpen('config', file, result, true),
            (e) => Module.edgeOpen('config', file, String(e.message || e), false));
  },
});
