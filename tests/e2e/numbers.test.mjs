// The numbers on the page are the engine's: the same as the CLI's, before and after real input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickItem, cliTotal, gbText, nextFrames, openApp, readSummary, screenshot, startSession, typeIntoItem, wheel } from './lib.mjs';

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
  await typeIntoItem(page, 'batch', '8');
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
  await typeIntoItem(page, 'batch', '0');
  const stale = await readSummary(page);
  assert.equal(stale.totalBytes, good.totalBytes, 'last good total kept');
  assert.match(stale.text, /last valid result/);
  await screenshot(page, 'batch-0-error');
  assert.deepEqual(problems, []);
  await context.close();
});

test('HiDPI: widget rectangles are in CSS pixels, so real input still lands', async () => {
  const { page, context } = await openApp(session, { deviceScaleFactor: 2 });
  await typeIntoItem(page, 'batch', '2');
  assert.equal((await readSummary(page)).totalBytes, cliTotal('{"batch": 2}'));
  await context.close();
});

test('switching to inference by clicking the radio button matches the CLI', async () => {
  const { page, problems, context } = await openApp(session);
  await clickItem(page, 'mode.inference', { fx: 0.1 });
  await nextFrames(page, 2);
  assert.equal((await readSummary(page)).totalBytes, cliTotal('{"mode": "inference"}'));
  await screenshot(page, 'inference');
  assert.deepEqual(problems, []);
  await context.close();
});

test('fields below the fold: scroll the inputs, set overhead, and a bad value is named', async () => {
  const { page, problems, context } = await openApp(session);
  await wheel(page, 200, 400, 3000);
  const rect = await page.evaluate(() => Module.uiProbe('rect', 'overhead.fraction'));
  assert.ok(rect.y > 0 && rect.y + rect.h < 800, `overhead field scrolled into view: ${JSON.stringify(rect)}`);
  await typeIntoItem(page, 'overhead.fraction', '20');
  assert.equal((await readSummary(page)).totalBytes, cliTotal('{"overhead": {"fraction": 0.2}}'));
  await typeIntoItem(page, 'overhead.fraction', '-5');
  const s = await readSummary(page);
  assert.equal(s.totalBytes, cliTotal('{"overhead": {"fraction": 0.2}}'), 'last good total kept');
  assert.equal(JSON.parse(await page.evaluate(() => window.headroom.scenario())).overhead.fraction, -0.05);
  await screenshot(page, 'overhead-error');
  assert.deepEqual(problems, []);
  await context.close();
});

test('load() puts a custom-architecture scenario on screen with the CLI total', async () => {
  const { page, problems, context } = await openApp(session);
  const scenario = '{"model": {"params": 7e9, "layers": 32, "hidden": 4096, "heads": 32, "vocab": 32000}, "batch": 2, "parallel": {"dp": 8, "zero": 3}}';
  assert.equal(await page.evaluate((s) => window.headroom.load(s), scenario), '');
  await nextFrames(page, 2);
  assert.equal((await readSummary(page)).totalBytes, cliTotal(scenario));
  const rejected = JSON.parse(await page.evaluate(() => window.headroom.load('{"seq_len": -1}')));
  assert.equal(rejected.errors[0].field, 'seq_len');
  assert.equal((await readSummary(page)).totalBytes, cliTotal(scenario), 'a rejected load changes nothing');
  await screenshot(page, 'custom-model');
  assert.deepEqual(problems, []);
  await context.close();
});
