// The page loads cleanly, publishes its API, and looks right (screenshots for a human to check).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, screenshot, startSession } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('page loads with no console error, no page error and no other origin', async () => {
  const { page, problems, context } = await openApp(session);
  const api = await page.evaluate(() => typeof window.headroom.estimate === 'function' && typeof window.headroom.csv === 'function');
  assert.equal(api, true);
  assert.equal(await page.locator('#loading').count(), 0, 'loading message removed');
  const canvas = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cssW: c.getBoundingClientRect().width, cssH: c.getBoundingClientRect().height };
  });
  assert.deepEqual(canvas, { w: 1280, h: 800, cssW: 1280, cssH: 800 });
  await screenshot(page, 'smoke-1280x800');
  assert.deepEqual(problems, []);
  await context.close();
});

test('canvas backing store follows devicePixelRatio', async () => {
  const { page, problems, context } = await openApp(session, { width: 1280, height: 800, deviceScaleFactor: 2 });
  const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(size, [2560, 1600]);
  await screenshot(page, 'smoke-1280x800@2x');
  assert.deepEqual(problems, []);
  await context.close();
});

test('narrow window stacks into one column without errors', async () => {
  const { page, problems, context } = await openApp(session, { width: 420, height: 800 });
  await screenshot(page, 'smoke-420x800');
  assert.deepEqual(problems, []);
  await context.close();
});

test('estimate() names the bad field instead of returning a result', async () => {
  const { page, context } = await openApp(session);
  const out = JSON.parse(await page.evaluate(() => window.headroom.estimate('{"batch": 0}')));
  assert.ok(Array.isArray(out.errors), 'has errors');
  assert.equal(out.per_gpu, undefined);
  assert.ok(out.errors.some((e) => e.field === 'batch' && typeof e.message === 'string' && e.message.length > 0));
  const csvError = await page.evaluate(() => { try { window.headroom.csv('{"batch": 0}'); return null; } catch (e) { return e.message; } });
  assert.match(csvError, /"field":"batch"/);
  await context.close();
});
