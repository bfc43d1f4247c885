// The numbers on the page are the engine's: the same as the CLI's, before and after real input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickItem, cliTotal, gbText, nextFrames, openApp, readSummary, screenshot, startSession } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('default total equals the CLI total for {}', async () => {
  const { page, context } = await openApp(session);
  const summary = await readSummary(page);
  const expected = cliTotal('{}');
  assert.equal(summary.totalBytes, expected);
  assert.ok(summary.text.includes(`Total per GPU: ${gbText(expected)}`), summary.text);
  await context.close();
});

test('typing a batch size into the canvas changes the total on the next frames', async () => {
  const { page, problems, context } = await openApp(session);
  const before = await readSummary(page);
  await clickItem(page, 'batch', { fx: 0.3 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('8');
  await page.keyboard.press('Enter');
  await nextFrames(page, 2);
  const afterEdit = await readSummary(page);
  assert.notEqual(afterEdit.totalBytes, before.totalBytes);
  assert.equal(afterEdit.totalBytes, cliTotal('{"batch": 8}'));
  assert.equal(JSON.parse(await page.evaluate(() => window.headroom.scenario())).batch, 8);
  await screenshot(page, 'batch-8');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad batch shows its message and keeps the last good total', async () => {
  const { page, problems, context } = await openApp(session);
  const good = await readSummary(page);
  await clickItem(page, 'batch', { fx: 0.3 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  await page.keyboard.press('Enter');
  await nextFrames(page, 2);
  const stale = await readSummary(page);
  assert.equal(stale.totalBytes, good.totalBytes, 'last good total kept');
  assert.match(stale.text, /last valid result/);
  await screenshot(page, 'batch-0-error');
  assert.deepEqual(problems, []);
  await context.close();
});

test('HiDPI: widget rectangles are in CSS pixels, so real input still lands', async () => {
  const { page, context } = await openApp(session, { deviceScaleFactor: 2 });
  await clickItem(page, 'batch', { fx: 0.3 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await nextFrames(page, 2);
  assert.equal((await readSummary(page)).totalBytes, cliTotal('{"batch": 2}'));
  await context.close();
});
