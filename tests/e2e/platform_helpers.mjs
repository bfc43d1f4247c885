// Helpers for the platform tests (issue 6): opening the app at any URL, waiting for the
// share status, reading downloads.
import { readFile } from 'node:fs/promises';
import { nextFrames } from './lib.mjs';

// Opens `url` (query and fragment allowed) in a new context and waits for window.headroom.ready.
export async function openAt(session, url, { context, viewport = { width: 1280, height: 800 } } = {}) {
  const ctx = context ?? await session.browser.newContext({ viewport, acceptDownloads: true });
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 3);
  return { page, context: ctx, problems };
}

export function shareStatus(page) {
  return page.evaluate(() => {
    const el = document.getElementById('share-status');
    return { text: el.textContent, error: el.dataset.error === '1' };
  });
}

export async function downloadText(download) {
  return readFile(await download.path(), 'utf8');
}

// Waits until fn(page) is truthy, polling every 50 ms, up to `ms`.
export async function until(page, fn, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn(page);
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
