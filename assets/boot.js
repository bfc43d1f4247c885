// Starts Headroom: the Emscripten Module hooks, window.headroom (the text API the tests and
// scripts use), the service worker for offline use, and headroom.js itself. The build inlines
// it, minified, in index.html's <head> under a hash in the Content-Security-Policy
// (web/tools/make_page.mjs). It runs before the body exists: elements are looked up when used.
(() => {
  const byId = (id) => document.getElementById(id);
  const whenParsed = (then) => {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then, { once: true });
    else then();
  };
  let markReady, markFailed;
  const ready = new Promise((ok, fail) => { markReady = ok; markFailed = fail; });
  const fail = (message) => whenParsed(() => {
    let loading = byId('loading');
    if (!loading) {  // failed after the first frame, the preview gone
      loading = document.createElement('p');
      loading.id = 'loading';
      document.body.appendChild(loading);
    }
    loading.textContent = 'Headroom could not start: ' + message;
    loading.className = 'failed';
    markFailed(new Error(message));
  });
  const embedded = /[?&]embed(=1|=true)?(&|$)/.test(location.search);
  if (embedded) document.documentElement.classList.add('embed');
  // The preview in index.html is the default scenario's result. A link with its own scenario
  // shows only the loading line until its own result is drawn: decided here, before the first
  // paint, so the default never flashes. The question is the engine's (platform/browser_io.cpp's
  // Start asks it): `s` among the fragment's keys (headroom::fragment_has_scenario), or `s` or a
  // scenario field among the query's (headroom::parse_query's `found`; SCENARIO_KEY is the engine's
  // scenario_key_pattern, written in at build time, and tests/ui/boot_test.cpp holds the two to the
  // same answer). Keys are
  // decoded as the engine decodes them ('+' a space, %XX a byte); `#top` or `?utm_source=x`
  // carry no scenario.
  const SCENARIO_KEY = /headroom:scenario-keys/;  // the engine's keys, put in by web/tools/make_page.mjs
  const keys = (text) => text.split('&').map((pair) => pair.split('=')[0].replace(/\+/g, ' ')
    .replace(/%([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))));
  const ownScenario = keys(location.hash.slice(1)).includes('s') ||
    keys(location.search.slice(1)).some((key) => SCENARIO_KEY.test(key));
  if (ownScenario) document.documentElement.classList.add('own-scenario');

  window.Module = {
    // Looked up when used (this runs before the body exists); the glue copies Module's
    // properties onto itself at start, which must not replace it.
    get canvas() { return byId('canvas'); },
    set canvas(_) {},
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    // Called by the app after its first frame: the wasm API and the summary are live.
    onFirstFrame() { byId('preview')?.remove(); markReady(window.headroom); registerServiceWorker(); },
    onStartFailed: (why) => fail(why),
    onAbort: (what) => fail(String(what)),
  };
  // The wasm arrives xz-compressed (headroom.wasm.xz: 16% fewer bytes than gzip, which is what
  // most hosts send) and is decompressed as it streams in, by xz-embedded in wasm (xz-decompress.js,
  // loaded beside it), straight into the streaming compiler: compiling runs on other threads as
  // the bytes arrive, and the main thread stays free to paint the preview. Both files are
  // preloaded by index.html. Browsers without compileStreaming (or a Response over a stream)
  // get the buffered compile.
  const wasmUrl = 'headroom.wasm.xz';
  const decoder = new Promise((ok, no) => {
    const script = document.createElement('script');
    script.src = 'xz-decompress.js';
    script.onload = () => ok(window['xz-decompress'].XzReadableStream);
    script.onerror = () => no(new Error('xz-decompress.js did not load'));
    document.head.appendChild(script);
  });
  const fetchWasm = () => Promise.all([fetch(wasmUrl, { credentials: 'same-origin' }), decoder])
    .then(([r, XzReadableStream]) => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return new Response(new XzReadableStream(r.body), { headers: { 'Content-Type': 'application/wasm' } });
    });
  const buffered = () => fetchWasm().then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));
  const compiled = WebAssembly.compileStreaming
    ? fetchWasm().then((r) => WebAssembly.compileStreaming(r)).catch(buffered)
    : buffered();
  // WebGL context creation is slow (a software GPU takes ~100 ms) and blocks this thread: it
  // runs after the preview's first paint, while the wasm still compiles, and at the latest
  // just before the app starts. emscripten_webgl_create_context in platform.cpp gets this
  // same context later, asking for the same attributes. The canvas gets its backing-store
  // size first (CSS size × devicePixelRatio, as platform.cpp keeps it): resizing a live
  // context reallocates its drawing buffer.
  let contextMade = false;
  const createContext = () => {
    if (contextMade) return;
    contextMade = true;
    try {
      const canvas = Module.canvas;
      const box = canvas.getBoundingClientRect();
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(Math.max(1, Math.round(box.width)) * ratio);
      canvas.height = Math.round(Math.max(1, Math.round(box.height)) * ratio);
      canvas.getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false });
    } catch (e) { /* the app reports a missing WebGL 2 itself */ }
  };
  // The page parsed and its first frame (the preview) handed to the compositor: from here the
  // main thread may block. The app needs its canvas, and the preview must not wait for it. A
  // hidden page (a background tab, an offscreen frame) gets no animation frames: it starts
  // after 100 ms instead.
  const previewDrawn = new Promise((ok) => whenParsed(() => {
    requestAnimationFrame(() => setTimeout(ok, 0));
    setTimeout(ok, 100);
  }));
  previewDrawn.then(createContext);
  // Emscripten's hook for instantiating the wasm: the module compiled above, once the preview
  // is drawn (on a busy machine the compile can finish first).
  window.Module.instantiateWasm = (imports, receiveInstance) => {
    Promise.all([compiled, previewDrawn])
      .then(([module]) => {
        createContext();
        return WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module));
      })
      .catch((e) => fail('headroom.wasm did not load (' + e + ')'));
    return {};  // asynchronous
  };
  whenParsed(() => Module.canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();
    fail('the WebGL context was lost; reload the page');
  }));

  // Offline: the service worker precaches the site. Registration throws in an opaque-origin
  // sandbox (an iframe with sandbox="allow-scripts"): the page then simply works online.
  let markOffline;
  const offlineReady = new Promise((ok) => { markOffline = ok; });
  // After the first frame: installing the worker fetches the site again, which would compete
  // with the first load for the network and the CPU.
  const showUpdate = (registration) => {
    const bar = document.getElementById('update');
    if (!bar || embedded) return;
    bar.hidden = false;
    bar.querySelector('button').onclick = () => registration.waiting?.postMessage('skip-waiting');
  };
  const registerServiceWorker = () => {
    try {
      if ('serviceWorker' in navigator && window.isSecureContext) {
        let reloading = false;
        const hadController = !!navigator.serviceWorker.controller;
        navigator.serviceWorker.addEventListener('controllerchange', () => {
          // A new release took over after the user asked: load all of it, never half.
          if (hadController && !reloading) { reloading = true; location.reload(); }
        });
        navigator.serviceWorker.register('sw.js').then((registration) => {
          if (registration.waiting && navigator.serviceWorker.controller) showUpdate(registration);
          registration.addEventListener('updatefound', () => {
            const worker = registration.installing;
            worker?.addEventListener('statechange', () => {
              if (worker.state === 'installed' && navigator.serviceWorker.controller) showUpdate(registration);
            });
          });
          return navigator.serviceWorker.ready;
        }).then(() => markOffline(true), () => markOffline(false));
      } else {
        markOffline(false);
      }
    } catch (e) {
      markOffline(false);
    }
  };

  // Text in, text out: scenario JSON as the CLI reads it; result JSON / CSV / PDF as it writes.
  window.headroom = {
    ready,
    offlineReady,  // true once the service worker is active (the next load works offline)
    estimate(jsonText) { return Module.estimate(String(jsonText)); },
    csv(jsonText) {
      const r = Module.csv(String(jsonText));
      if (!r.ok) throw new Error(r.text);
      return r.text;
    },
    // A promise of the PDF report as a string of 7-bit ASCII bytes (one char per byte): it is
    // made by the extras module, fetched on first use (web/platform/extras.js).
    pdf(jsonText) {
      return Module.extras('pdf', [String(jsonText)]).then((r) => {
        if (!r.ok) throw new Error(r.text);
        return r.text;
      });
    },
    // The scenario on screen, and replacing it (errors JSON text, or '' when accepted).
    scenario() { return Module.scenarioJson(); },
    load(jsonText) { return Module.loadScenario(String(jsonText)); },
    // The link that reopens the scenario on screen (#s=...).
    link() { return Module.shareLink(); },
  };

  const script = document.createElement('script');
  script.src = 'headroom.js';
  script.async = true;
  script.onerror = () => fail('headroom.js did not load');
  document.head.appendChild(script);

})();
