// Sharing: the fragment follows edits, a link reopens the exact scenario, Copy link, query
// parameters, an old (v1) link, a damaged link.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickItem, cliTotal, nextFrames, openApp, readSummary, startSession, typeIntoItem } from './lib.mjs';
import { openAt, shareStatus, until } from './platform_helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('the fragment follows edits and reopens the exact scenario in a new browser context', async () => {
  const { page, context, problems } = await openApp(session);
  const entries = await page.evaluate(() => history.length);
  await typeIntoItem(page, 'batch', '6');
  const scenario = await page.evaluate(() => window.headroom.scenario());
  assert.equal(JSON.parse(scenario).batch, 6);
  // The fragment is written 300 ms after the last change (debounced), and the defaults' own
  // fragment may land only after the typing: wait for the one that carries the edit.
  const hash = await until(page, () => page.evaluate(() => {
    const wanted = new URL(window.headroom.link()).hash;
    return location.hash === wanted && wanted;
  }));
  assert.equal(await page.evaluate(() => history.length), entries);  // replaceState: no history entry per edit
  const other = await openAt(session, session.url + hash);
  assert.equal(await other.page.evaluate(() => window.headroom.scenario()), scenario);
  assert.equal((await readSummary(other.page)).totalBytes, cliTotal(scenario));
  assert.deepEqual([...problems, ...other.problems], []);
  await other.context.close();
  await context.close();
});

test('Copy link puts the link on the clipboard', async () => {
  const { page, context } = await openApp(session);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url.replace(/\/$/, '') });
  await page.evaluate(() => window.headroom.load('{"mode":"inference","batch":3}'));
  await nextFrames(page, 3);
  await clickItem(page, 'share.copy_link');
  await nextFrames(page, 3);
  const copied = await until(page, () => page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(copied, await page.evaluate(() => window.headroom.link()));
  assert.ok(copied.startsWith(session.url + '#s='));
  assert.match((await shareStatus(page)).text, /Link copied/);
  await context.close();
});

test('query parameters set the initial scenario', async () => {
  const { page, context, problems } = await openAt(session,
    `${session.url}?model=llama-3.1-70b&gpu=h100-sxm-80gb&mode=inference&batch=4`);
  const s = JSON.parse(await page.evaluate(() => window.headroom.scenario()));
  assert.equal(s.model, 'llama-3.1-70b');
  assert.equal(s.mode, 'inference');
  assert.equal(s.batch, 4);
  const total = cliTotal('{"model":"llama-3.1-70b","gpu":"h100-sxm-80gb","mode":"inference","batch":4}');
  assert.equal((await readSummary(page)).totalBytes, total);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a v1 link written when sharing shipped still opens', async () => {
  const v1 = 's=eyJiYXRjaCI6NCwiZ3B1IjoiaDEwMC1zeG0tODBnYiIsIm1vZGUiOiJpbmZlcmVuY2UiLCJtb2RlbCI6ImxsYW1hLTMuMS03MGIiLCJ2IjoxfQ';
  const { page, context } = await openAt(session, `${session.url}#${v1}`);
  const s = JSON.parse(await page.evaluate(() => window.headroom.scenario()));
  assert.deepEqual([s.model, s.mode, s.batch], ['llama-3.1-70b', 'inference', 4]);
  await context.close();
});

test('a damaged link keeps the defaults and says why', async () => {
  const { page, context } = await openAt(session, `${session.url}#s=%%%not-base64`);
  assert.equal(await page.evaluate(() => window.headroom.scenario()),
               await page.evaluate(() => { return window.headroom.scenario(); }));
  const status = await shareStatus(page);
  assert.ok(status.error);
  assert.match(status.text, /could not be opened/);
  assert.equal(JSON.parse(await page.evaluate(() => window.headroom.scenario())).batch, 1);
  await context.close();
});
