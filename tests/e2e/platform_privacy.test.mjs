// Privacy, proven: every request of a full session (typing, every export, copy link, import,
// reload) goes to the page's own origin, is a GET with no query string and no body, so no input
// reaches any server; the CSP blocks a request to another origin. And the DOM summary
// (aria-live) follows each change.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { clickItem, nextFrames, openApp, readSummary, startSession, typeIntoItem } from './lib.mjs';
import { shareStatus, until } from './platform_helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('a full session sends nothing but GETs of the site\'s own files', async () => {
  const { page, context, problems } = await openApp(session);
  const log = [];
  const record = (r) => log.push({ url: r.url(), method: r.method(), body: r.postData() });
  context.on('request', record);  // pages and the service worker
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url.replace(/\/$/, '') });

  await typeIntoItem(page, 'batch', '7');
  await typeIntoItem(page, 'seq_len', '8192');
  for (const item of ['download_csv', 'share.pdf', 'share.json']) {
    const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, item)]);
    await download.path();
  }
  await clickItem(page, 'share.copy_link');
  await nextFrames(page, 3);
  const dir = join(tmpdir(), `headroom-privacy-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 's.json'), '{"batch":5,"seq_len":2048}');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'share.import')]);
  await chooser.setFiles(join(dir, 's.json'));
  await until(page, async () => (await shareStatus(page)).text.startsWith('Imported'));
  const link = await page.evaluate(() => window.headroom.link());
  await new Promise((ok) => setTimeout(ok, 500));  // the debounced URL update
  await page.goto(link);                            // reopen through the link (same document:
  await page.reload();                              // only the fragment differs), then reload
  await page.evaluate(() => window.headroom.ready.then(() => true));
  assert.equal(JSON.parse(await page.evaluate(() => window.headroom.scenario())).batch, 5);

  // The CSP stops a request to another origin before it leaves the page.
  const blocked = await page.evaluate(() => fetch('http://127.0.0.2:9/leak?batch=5').then(() => 'sent', () => 'blocked'));
  assert.equal(blocked, 'blocked');

  const origin = new URL(session.url).origin;
  const bad = log.filter((r) => !r.url.startsWith('blob:') &&
    (new URL(r.url).origin !== origin || r.method !== 'GET' || r.body || new URL(r.url).search !== ''));
  const leaks = bad.filter((r) => !r.url.startsWith('http://127.0.0.2:9/'));  // the blocked probe never left
  assert.deepEqual(leaks, [], `requests that could carry input:\n${JSON.stringify(leaks, null, 1)}`);
  assert.ok(log.length > 0);
  assert.ok(log.every((r) => !r.url.includes('#')), 'the fragment never reaches the server');
  assert.deepEqual(problems.filter((p) => !p.includes('127.0.0.2')), []);
  await context.close();
});

test('the aria-live summary gives total, fit and breakdown and follows every change', async () => {
  const { page, context } = await openApp(session);
  const region = await page.evaluate(() => {
    const el = document.getElementById('summary');
    return { live: el.getAttribute('aria-live'), role: el.getAttribute('role') };
  });
  assert.deepEqual(region, { live: 'polite', role: 'status' });
  const first = await readSummary(page);
  assert.match(first.text, /Total per GPU: [\d.]+ GB/);
  assert.match(first.text, /Weights: [\d.]+ GB/);
  assert.match(first.text, /Optimizer states/);
  assert.match(first.text, /H100 SXM 80GB: (fits|does not fit)/);
  await typeIntoItem(page, 'batch', '2');
  const second = await readSummary(page);
  assert.ok(second.version > first.version);
  assert.ok(second.totalBytes > first.totalBytes);
  assert.notEqual(second.text, first.text);
  await context.close();
});
