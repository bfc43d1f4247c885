// Browser half of scripts/bench.sh: the bundle report and the timings in headless Chromium,
// over the same static server scripts/run.sh uses (scripts/serve.mjs).
//
//   node bench/browser.mjs --site build/wasm/site [--native native.json] [--runs 3]
//                          [--out bench/results.json] [--label text] [--quick 1]
//
// Prints one table and writes the same figures as JSON. Every figure is a median over --runs
// runs in one already-running browser, a new context (empty cache) per run.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from '../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
// playwright-core is installed (without a browser) for the e2e tests; Debian's Chromium drives it.
export const { chromium } = createRequire(join(root, 'tests/e2e/package.json'))('playwright-core');

export const chromiumArgs = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];
const viewport = { width: 1280, height: 800 };
const IDLE_SECONDS = 5;
const SETTLE_MS = 1000;

// The targets of issue 7, for the table.
export const targets = {
  gzipBytes: 200_000, requests: 6, navToResultMs: 400, inputFrames: 1, idleRatio: 2, jsHeapBytes: 4_000_000,
};

function args() {
  const out = { site: join(root, 'build/wasm/site'), runs: 3, out: join(here, 'results.json') };
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i += 2) out[a[i].replace(/^--/, '')] = a[i + 1];
  out.runs = Number(out.runs);
  return out;
}

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// gzip -9 as the command prints it (issue 7's measure); zlib level 9 if there is no gzip.
function gzip9(body) {
  try {
    return execFileSync('gzip', ['-9', '-n', '-c'], { input: body, maxBuffer: 1 << 28 }).length;
  } catch {
    return gzipSync(body, { level: 9 }).length;
  }
}

// CPU seconds (user + system) of every process below this one: Chromium's browser, GPU,
// renderer and utility processes. TaskDuration sees only the renderer's main thread; the
// GPU process (SwiftShader drawing every frame) shows up here.
function chromiumCpuSeconds() {
  const parent = new Map();
  const ticks = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      ticks.set(Number(d), Number(f[11]) + Number(f[12]));
    } catch { /* gone */ }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p = parent.get(pid); p && p > 1; p = parent.get(p)) {
      if (p === process.pid) { total += t; break; }
    }
  }
  return total / 100;  // USER_HZ
}

// Installed before the page's own scripts: timestamps of the result on screen, key presses,
// frames, and the wasm memory (whatever the build's flags do to the JS glue's names).
function pageProbe() {
  const b = (window.__bench = { results: [], keys: [], frame: 0, lastFrameTs: -1, memory: null });
  const raf = window.requestAnimationFrame.bind(window);
  // Frames are counted by the timestamps the page's own rAF callbacks receive.
  window.requestAnimationFrame = (cb) => raf((ts) => {
    if (ts !== b.lastFrameTs) { b.lastFrameTs = ts; b.frame++; }
    cb(ts);
  });
  new MutationObserver(() => {
    const el = document.getElementById('summary');
    const total = el && el.dataset.totalBytes;
    if (!total || (b.results.length && b.results[b.results.length - 1].total === total)) return;
    // Runs right after the rAF callback that drew the frame with this total (`t`); that frame
    // is on screen when the next frame's callbacks run (`painted`).
    const r = { total, t: performance.now(), frame: b.frame, painted: NaN };
    b.results.push(r);
    raf(() => { r.painted = performance.now(); });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-total-bytes'] });
  // The preview's total (index.html, elementtiming="result") and the first contentful paint,
  // as the browser reports their paint. The preview is never painted when the calculator's
  // first frame comes first and removes it.
  b.previewPainted = NaN;
  b.firstContentfulPaint = NaN;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.entryType === 'element' && e.identifier === 'result') b.previewPainted = e.renderTime || e.loadTime;
      if (e.entryType === 'paint' && e.name === 'first-contentful-paint') b.firstContentfulPaint = e.startTime;
    }
  }).observe({ entryTypes: ['element', 'paint'] });
  addEventListener('keydown', (e) => b.keys.push({ key: e.key, t: e.timeStamp, frame: b.frame }), true);
  const keep = (r) => {
    const inst = r instanceof WebAssembly.Instance ? r : r && r.instance;
    for (const v of Object.values((inst && inst.exports) || {})) if (v instanceof WebAssembly.Memory) b.memory = v;
    return r;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const f = WebAssembly[name];
    if (f) WebAssembly[name] = function (...a) { return f.apply(this, a).then(keep); };
  }
}

async function settle(page, ms) {
  await page.waitForTimeout(ms);
}

async function idleMetrics(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const get = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const m0 = await get();
  const p0 = chromiumCpuSeconds();
  const w0 = performance.now();
  await page.waitForTimeout(IDLE_SECONDS * 1000);
  const m1 = await get();
  const p1 = chromiumCpuSeconds();
  const wall = (performance.now() - w0) / 1000;
  await cdp.detach();
  return {
    taskCpuPerS: (m1.TaskDuration - m0.TaskDuration) / wall,
    procCpuPerS: (p1 - p0) / wall,
    jsHeapUsed: m0.JSHeapUsedSize,
    jsHeapTotal: m0.JSHeapTotalSize,
  };
}

// One cold load in a new context: every request, the result timings, idle CPU, memory, input.
export async function oneRun(browser, url, { quick = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });

  await page.goto(url);
  await page.waitForFunction(() => window.__bench.results.length > 0 && window.__bench.results[0].painted > 0,
    null, { timeout: 30000 });
  await settle(page, SETTLE_MS);
  const load = await page.evaluate(() => {
    const b = window.__bench;
    const res = performance.getEntriesByType('resource').map((e) => ({ name: e.name.split('/').pop(), end: e.responseEnd }));
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      resultMs: b.results[0].t,
      paintedMs: b.results[0].painted,
      previewPaintedMs: b.previewPainted,
      firstContentfulPaintMs: b.firstContentfulPaint,
      domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : NaN,
      resources: res,
      wasmMemory: b.memory ? b.memory.buffer.byteLength : (window.Module && window.Module.HEAP8 ? window.Module.HEAP8.length : NaN),
    };
  });

  // Files fetched on first load (the page's requests, then anything else, such as a service worker's).
  const files = [];
  for (const r of requests) {
    const resp = await r.response().catch(() => null);
    const body = resp ? await resp.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    const sizes = await r.sizes().catch(() => null);
    files.push({
      url: r.url(),
      path: r.url().startsWith(url) ? '/' + r.url().slice(url.length) : r.url(),
      sameOrigin: r.url().startsWith(url) || r.url().startsWith('data:') || r.url().startsWith('blob:'),
      byServiceWorker: Boolean(r.serviceWorker && r.serviceWorker()),
      status: resp ? resp.status() : 0,
      encoding: resp ? (await resp.allHeaders())['content-encoding'] ?? '' : '',
      raw: body.length,
      gzip9: gzip9(body),
      transferred: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : NaN,
    });
  }

  const idle = quick ? {} : await idleMetrics(context, page);
  const input = quick ? [] : await inputTimings(page);
  await context.close();
  return { load, files, idle, input, problems };
}

// Real key presses into the batch field: click it, select all, then one key at a time, each
// held until the frame that shows the new total. Each press changes the total.
async function inputTimings(page) {
  // Module.uiProbe since issue 15; a site built before it (bench/compare.mjs) had uiItemRect.
  const rect = await page.evaluate(() => (Module.uiProbe ? Module.uiProbe('rect', 'batch') : window.headroom.uiItemRect('batch')));
  if (!rect) throw new Error('the app reported no widget named batch');
  await page.mouse.click(rect.x + rect.w * 0.3, rect.y + rect.h * 0.5);
  await page.waitForTimeout(100);
  await page.keyboard.down('Control');
  await page.keyboard.press('a', { delay: 50 });
  await page.keyboard.up('Control');
  await page.waitForTimeout(100);
  const out = [];
  for (const key of ['2', '4', 'Backspace', '8', '1']) {
    const n = await page.evaluate(() => window.__bench.results.length);
    await page.keyboard.down(key);
    const ok = await page.waitForFunction((k) => window.__bench.results.length > k && window.__bench.results.at(-1).painted > 0,
      n, { timeout: 3000 }).then(() => true, () => false);
    await page.keyboard.up(key);
    const m = await page.evaluate((k) => {
      const b = window.__bench;
      const key = b.keys.at(-1);
      const r = b.results[k];
      return r && key ? { key: key.key, ms: r.t - key.t, paintedMs: r.painted - key.t, frames: r.frame - key.frame, total: r.total } : null;
    }, n);
    out.push(ok && m ? m : { key, ms: NaN, paintedMs: NaN, frames: NaN, total: null });
    await page.waitForTimeout(150);
  }
  return out;
}

async function blankRun(browser) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('about:blank');
  await settle(page, SETTLE_MS);
  const idle = await idleMetrics(context, page);
  await context.close();
  return idle;
}

// The floor of "navigation -> painted" in this browser and machine: a page of one paragraph,
// served from the same origin with nothing else to fetch, timed the same way (new context).
async function floorRun(browser, url) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  await page.route(url + 'bench-floor.html', (r) => r.fulfill({
    contentType: 'text/html', body: '<!doctype html><title>floor</title><p elementtiming="result">161.4 GB</p>' }));
  await page.goto(url + 'bench-floor.html');
  await page.waitForFunction(() => window.__bench.previewPainted > 0, null, { timeout: 30000 });
  const ms = await page.evaluate(() => window.__bench.previewPainted);
  await context.close();
  return ms;
}

// quick: load timings and the bundle only (no idle CPU, no input), for trying levers.
export async function measure(siteDir, runs = 3, { quick = false } = {}) {
  const server = await serve(siteDir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    // Warm the browser itself (not the page: every run gets a new context and an empty cache).
    await blankRun(browser).catch(() => null);
    const page = [];
    const blank = [];
    const floor = [];
    for (let i = 0; i < runs; i++) {
      // about:blank first: the page's idle window then follows a cheap context's teardown.
      if (!quick) blank.push(await blankRun(browser));
      floor.push(await floorRun(browser, url));
      page.push(await oneRun(browser, url, { quick }));
    }
    return { url, version: browser.version(), page, blank, floor };
  } finally {
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
}

// When the preview was painted: its Element Timing entry, or else the first contentful paint
// if that came before the calculator's frame (the preview is then the only content there is;
// Chromium drops an element's entry when the element is removed before the entry is queued).
const previewShownMs = (r) => (r.load.previewPaintedMs > 0 ? r.load.previewPaintedMs
  : r.load.firstContentfulPaintMs < r.load.paintedMs ? r.load.firstContentfulPaintMs : NaN);
const resultShownMs = (r) => Math.min(r.load.paintedMs, previewShownMs(r) > 0 ? previewShownMs(r) : Infinity);

export function summarise(m) {
  const first = m.page[0];
  const pageFiles = first.files.filter((f) => !f.byServiceWorker);
  const swFiles = first.files.filter((f) => f.byServiceWorker);
  const bundle = {
    files: pageFiles.map(({ path, raw, gzip9, transferred, encoding, status, sameOrigin }) =>
      ({ path, raw, gzip9, transferred, encoding, status, sameOrigin })),
    requests: pageFiles.length,
    otherOrigin: pageFiles.filter((f) => !f.sameOrigin).length,
    raw: pageFiles.reduce((a, f) => a + f.raw, 0),
    gzip9: pageFiles.reduce((a, f) => a + f.gzip9, 0),
    transferred: pageFiles.reduce((a, f) => a + f.transferred, 0),
    // The service worker's precache after the first load: what it costs on the wire.
    serviceWorker: { requests: swFiles.length, transferred: swFiles.reduce((a, f) => a + (f.transferred || 0), 0) },
  };
  const inputs = m.page.flatMap((r) => r.input);
  const pageTask = median(m.page.map((r) => r.idle.taskCpuPerS));
  const blankTask = median(m.blank.map((r) => r.taskCpuPerS));
  const pageProc = median(m.page.map((r) => r.idle.procCpuPerS));
  const blankProc = median(m.blank.map((r) => r.procCpuPerS));
  return {
    bundle,
    browser: {
      chromium: m.version,
      runs: m.page.length,
      // The default result is on screen at the first of: the preview painted, or the
      // calculator's first frame painted (which removes the preview).
      navToResultPaintedMs: median(m.page.map(resultShownMs)),
      navToResultRuns: m.page.map((r) => Math.round(resultShownMs(r))),
      navToPreviewPaintedMs: median(m.page.map(previewShownMs)),
      previewShownRuns: m.page.filter((r) => previewShownMs(r) > 0).length,
      navToFirstContentfulPaintMs: median(m.page.map((r) => r.load.firstContentfulPaintMs)),
      navToResultMs: median(m.page.map((r) => r.load.resultMs)),
      navToCalculatorPaintedMs: median(m.page.map((r) => r.load.paintedMs)),
      floorPaintedMs: median(m.floor ?? []),
      domContentLoadedMs: median(m.page.map((r) => r.load.domContentLoadedMs)),
      inputToResultMs: median(inputs.map((x) => x.ms)),
      inputToResultPaintedMs: median(inputs.map((x) => x.paintedMs)),
      inputFramesMedian: median(inputs.map((x) => x.frames)),
      inputFramesMax: Math.max(...inputs.map((x) => x.frames)),
      inputSamples: inputs,
      idle: {
        seconds: IDLE_SECONDS,
        pageTaskCpuPerS: pageTask, blankTaskCpuPerS: blankTask, taskRatio: pageTask / blankTask,
        pageProcCpuPerS: pageProc, blankProcCpuPerS: blankProc, procRatio: pageProc / blankProc,
      },
      jsHeapUsedBytes: median(m.page.map((r) => r.idle.jsHeapUsed)),
      wasmMemoryBytes: median(m.page.map((r) => r.load.wasmMemory)),
      problems: [...new Set(m.page.flatMap((r) => r.problems))],
    },
  };
}

const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const fix = (n, d) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const mb = (n) => (Number.isFinite(n) ? (n / 1e6).toFixed(2) + ' MB' : 'n/a');
const mib = (n) => (Number.isFinite(n) ? (n / 1048576).toFixed(1) + ' MiB' : 'n/a');

function nativeRows(native) {
  if (!native) return [];
  return native.benchmarks
    .filter((b) => b.run_type !== 'aggregate' || b.aggregate_name === 'median')
    .map((b) => ({ name: b.run_name ?? b.name, cpuNs: b.cpu_time * ({ ns: 1, us: 1e3, ms: 1e6 }[b.time_unit] ?? 1), iterations: b.iterations }));
}

export function table(r) {
  const b = r.bundle;
  const w = r.browser;
  const ok = (pass) => (pass ? 'ok' : 'MISS');
  const rows = [];
  const row = (figure, value, target, pass) => rows.push([figure, value, target ?? '', pass === undefined ? '' : ok(pass)]);
  row('first-load transfer, gzip -9', `${int(b.gzip9)} B in ${b.requests} requests`, '<= 200,000 B in <= 6',
    b.gzip9 <= targets.gzipBytes && b.requests <= targets.requests && b.otherOrigin === 0);
  for (const f of b.files) row(`  ${f.path}`, `${int(f.gzip9)} B gz  (${int(f.raw)} B raw)`);
  row('  raw total / bytes on the wire', `${int(b.raw)} B / ${int(b.transferred)} B`);
  if (b.serviceWorker.requests) row('  + service worker precache', `${b.serviceWorker.requests} requests, ${int(b.serviceWorker.transferred)} B on the wire`);
  row(`navigation -> result painted (median of ${w.runs})`, `${int(w.navToResultPaintedMs)} ms  [${w.navToResultRuns.join(', ')}]`, '<= 400 ms',
    w.navToResultPaintedMs <= targets.navToResultMs);
  row(`  preview (index.html) painted, in ${w.previewShownRuns} of ${w.runs} runs`, `${int(w.navToPreviewPaintedMs)} ms (first contentful paint ${int(w.navToFirstContentfulPaintMs)} ms)`);
  row('  calculator: first frame drawn / painted', `${int(w.navToResultMs)} ms / ${int(w.navToCalculatorPaintedMs)} ms (DOMContentLoaded ${int(w.domContentLoadedMs)} ms)`);
  row('  floor: a one-paragraph page painted', `${int(w.floorPaintedMs)} ms`);
  row('input (key press) -> new total shown', `${fix(w.inputToResultMs, 1)} ms, frame +${w.inputFramesMedian} (max +${w.inputFramesMax})`, 'next frame (<= 17 ms)',
    w.inputFramesMax <= targets.inputFrames && w.inputToResultMs <= 17);
  row('  ... to that frame painted', `${fix(w.inputToResultPaintedMs, 1)} ms`);
  row(`idle CPU, renderer TaskDuration (${w.idle.seconds} s)`, `${fix(w.idle.pageTaskCpuPerS, 4)} CPU-s/s = ${fix(w.idle.taskRatio, 1)}x about:blank (${fix(w.idle.blankTaskCpuPerS, 4)})`, '<= 2x about:blank',
    w.idle.taskRatio <= targets.idleRatio);
  row('idle CPU, all Chromium processes', `${fix(w.idle.pageProcCpuPerS, 3)} CPU-s/s = ${fix(w.idle.procRatio, 1)}x about:blank (${fix(w.idle.blankProcCpuPerS, 3)})`);
  row('JS heap used after load', mb(w.jsHeapUsedBytes), '<= 4 MB', w.jsHeapUsedBytes <= targets.jsHeapBytes);
  row('wasm memory after load', mib(w.wasmMemoryBytes));
  for (const n of r.native ?? []) row(`native ${n.name}`, n.cpuNs >= 1000 ? `${fix(n.cpuNs / 1000, 2)} µs` : `${fix(n.cpuNs, 0)} ns`);

  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((x) => x[i].length)));
  const line = (x) => `| ${x.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padEnd(4))).join(' | ')} |`;
  return [line(['figure', 'value', 'target', '']), `|${widths.concat(4).map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function machine() {
  let os = '';
  try { os = readFileSync('/etc/os-release', 'utf8').match(/PRETTY_NAME="(.*)"/)?.[1] ?? ''; } catch { /* none */ }
  let emcc = '';
  try { emcc = execFileSync('emcc', ['--version'], { encoding: 'utf8', env: { ...process.env, NODE_PATH: process.env.NODE_PATH ?? '/usr/share/nodejs' } }).split('\n')[0]; } catch { /* none */ }
  return { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryBytes: totalmem(), os, node: process.version, emcc, loadAverage1m: loadavg()[0] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = args();
  if (!existsSync(join(a.site, 'index.html'))) { console.error(`bench: no site in ${a.site}; build it first`); process.exit(2); }
  const m = await measure(a.site, a.runs, { quick: a.quick === '1' });
  const result = { date: new Date().toISOString(), label: a.label ?? '', machine: machine(), ...summarise(m) };
  if (a.native && existsSync(a.native)) {
    const native = JSON.parse(readFileSync(a.native, 'utf8'));
    result.native = nativeRows(native);
    result.nativeContext = native.context;
  }
  result.machine.chromium = result.browser.chromium;
  console.log(`Headroom bench, ${result.date.slice(0, 16).replace('T', ' ')} UTC${result.label ? ', ' + result.label : ''}: ` +
    `${result.machine.cpus}-core ${result.machine.cpu}, ${result.machine.os}, headless Chromium ${result.machine.chromium} (SwiftShader), ` +
    `load average ${result.machine.loadAverage1m.toFixed(1)} at start`);
  console.log(table(result));
  if (result.browser.problems.length) console.log('page problems:\n  ' + result.browser.problems.join('\n  '));
  writeFileSync(a.out, JSON.stringify(result, null, 2) + '\n');
  console.log(`written: ${a.out}`);
}
