// Offline: after one visit the service worker has precached the release; with the browser
// context offline a reload still loads the page and computes.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { cliTotal, nextFrames, openApp, readSummary, siteDir, startSession } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

function siteFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? siteFiles(join(dir, d.name)) : [relative(siteDir, join(dir, d.name))]);
}

test('sw.js precaches every file of the site under one release cache name', () => {
  const sw = readFileSync(join(siteDir, 'sw.js'), 'utf8');
  const release = sw.match(/const RELEASE = '([0-9a-f]{16})'/);
  assert.ok(release, 'sw.js has a release hash');
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1].replaceAll("'", '"'));
  const served = siteFiles(siteDir).filter((f) => f !== 'sw.js' && !f.endsWith('.gz'));
  assert.deepEqual([...files].sort(), served.sort());
});

test('a reload with the network gone loads and computes', async () => {
  const { page, context, problems } = await openApp(session);
  assert.equal(await page.evaluate(() => window.headroom.offlineReady), true);
  const cacheNames = await page.evaluate(() => caches.keys());
  assert.equal(cacheNames.length, 1);
  assert.match(cacheNames[0], /^headroom-[0-9a-f]{16}$/);
  await context.setOffline(true);
  await page.reload();
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 3);
  const scenario = '{"mode":"inference","batch":2}';
  assert.equal(await page.evaluate((s) => window.headroom.load(s), scenario), '');
  await nextFrames(page, 3);
  assert.equal((await readSummary(page)).totalBytes, cliTotal(scenario));
  // Offline, with a query (an embed URL) too: the page is index.html under any query.
  await page.goto(session.url + '?embed=1&batch=3');
  await page.evaluate(() => window.headroom.ready.then(() => true));
  assert.equal(JSON.parse(await page.evaluate(() => window.headroom.scenario())).batch, 3);
  assert.deepEqual(problems, []);
  await context.close();
});
