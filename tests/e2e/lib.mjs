// Shared set-up for the browser end-to-end tests: a static server for the built site, headless
// Debian Chromium through playwright-core, page helpers, and the CLI as the oracle.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
export const siteDir = process.env.HEADROOM_SITE ?? join(root, 'build/wasm/site');
export const cliPath = process.env.HEADROOM_CLI ?? join(root, 'build/native/shell/headroom');
export const artifactsDir = join(here, 'artifacts');

const chromiumArgs = [
  '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

// Starts the server on a free port and Chromium; call the returned close() in after().
export async function startSession() {
  const server = await serve(siteDir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

// Opens the app and waits for window.headroom.ready. `problems` collects console errors, page
// errors and requests to any other origin, so a test can assert there were none.
export async function openApp(session, { width = 1280, height = 800, deviceScaleFactor = 1 } = {}) {
  const context = await session.browser.newContext({ viewport: { width, height }, deviceScaleFactor, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(session.url) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      problems.push(`request to another origin: ${r.url()}`);
  });
  await page.goto(session.url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 2);
  return { page, context, problems };
}

// Resolves after `n` animation frames, i.e. after the app has drawn n more times.
export function nextFrames(page, n = 2) {
  return page.evaluate((count) => new Promise((ok) => {
    let left = count;
    const tick = () => (--left > 0 ? requestAnimationFrame(tick) : ok());
    requestAnimationFrame(tick);
  }), n);
}

export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

// The accessible summary the app writes from the Estimate it draws.
export function readSummary(page) {
  return page.evaluate(() => {
    const el = document.getElementById('summary');
    return { text: el.textContent, totalBytes: Number(el.dataset.totalBytes), version: Number(el.dataset.version) };
  });
}

// The page's test hook (web/ui/probe.h, Module.uiProbe): `what` the app drew or holds, read
// without drawing a frame. probe(page, 'rect', 'batch'), probe(page, 'dark'), ...
export function probe(page, what, arg) {
  return page.evaluate(([w, a]) => (a === undefined ? Module.uiProbe(w) : Module.uiProbe(w, a)), [what, arg]);
}

// Scrolls the column holding a widget with the mouse wheel over it, as a user would, until
// the widget is wholly on screen, and returns its rectangle there (CSS pixels). Throws when
// the app drew no such widget or the wheel cannot bring it into view.
export async function scrollIntoView(page, name) {
  const rect = () => probe(page, 'rect', name);
  const viewport = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  for (let i = 0; i < 40; i++) {
    const r = await rect();
    if (!r) throw new Error(`the app reported no widget named ${name}`);
    // What its window (column, popup) shows of the page, within the viewport.
    const top = Math.max(r.clip.y, 0), bottom = Math.min(r.clip.y + r.clip.h, viewport.h);
    const dy = r.y < top ? -1 : r.y + r.h > bottom ? 1 : 0;
    if (dy === 0) return r;
    // The wheel over the widget's column, one notch at a time so it never overshoots.
    const x = Math.min(Math.max(r.x + 4, r.clip.x + 4), viewport.w - 4);
    await wheel(page, x, dy > 0 ? bottom - 4 : top + 4, dy * 100);
  }
  throw new Error(`scrolling did not bring ${name} into view: ${JSON.stringify(await rect())}`);
}

// Clicks the centre (or fx, fy fraction) of a widget the app reported drawing last frame,
// scrolling it into view first, and lets a frame see the click (a field takes no shortcut
// keys in the frame that activates it).
export async function clickItem(page, name, { fx = 0.5, fy = 0.5, clickCount = 1 } = {}) {
  const r = await scrollIntoView(page, name);
  await page.mouse.click(r.x + r.w * fx, r.y + r.h * fy, { clickCount });
  await nextFrames(page, 2);
  return r;
}

// The native CLI over the same engine: `args` like ['--json'], scenario JSON on stdin.
export function runCli(args, scenarioJson) {
  return execFileSync(cliPath, args, { input: scenarioJson, encoding: 'utf8' });
}
export function cliTotal(scenarioJson) {
  return JSON.parse(runCli(['--json'], scenarioJson)).per_gpu.total;
}
// Mirrors headroom::format_gb(bytes, 1) for totals between 1 GB and 1000 GB.
export function gbText(bytes) {
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

// Replaces the text of a numeric field on the canvas as a user would: click, select all,
// type, Enter. Key presses are held for a few frames: ImGui 1.86 samples key state once per
// frame, so a press and release within one frame would go unseen (typed characters are queued).
export async function typeIntoItem(page, name, text) {
  await clickItem(page, name, { fx: 0.3 });
  await page.keyboard.down('Control');
  await page.keyboard.press('a', { delay: 50 });
  await page.keyboard.up('Control');
  if (text === '') await page.keyboard.press('Backspace');  // an empty field
  else await page.keyboard.type(text);
  await page.keyboard.press('Enter', { delay: 50 });
  await nextFrames(page, 2);
}

// Scrolls the panel under (x, y) with the mouse wheel and lets the app redraw.
export async function wheel(page, x, y, dy) {
  await page.mouse.move(x, y);
  await page.mouse.wheel(0, dy);
  await nextFrames(page, 3);
}
