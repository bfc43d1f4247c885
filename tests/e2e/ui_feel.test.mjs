// Issue 5 interactions on the real canvas: each input group against the CLI, the theme and
// unit switches, the searchable preset picker, A/B comparison, the scenario table, clipboard
// paste, touch tap and scroll on a phone, config.json import, and no frames while idle.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickItem, cliTotal, nextFrames, openApp, readSummary, screenshot, startSession, typeIntoItem } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const scenario = (page) => page.evaluate(() => window.headroom.scenario());
const total = async (page) => JSON.parse(await page.evaluate((s) => window.headroom.estimate(s), await scenario(page))).per_gpu.total;

test('input groups typed on the canvas agree with the CLI', async () => {
  const { page, context, problems } = await openApp(session);
  await typeIntoItem(page, 'seq_len', '2048');                 // Workload
  await typeIntoItem(page, 'parallel.tp', '2');                // Parallelism
  await typeIntoItem(page, 'overhead.fraction', '5');          // Overhead
  const s = JSON.parse(await scenario(page));
  assert.equal(s.seq_len, 2048);
  assert.equal(s.parallel.tp, 2);
  assert.equal(s.overhead.fraction, 0.05);
  assert.equal(await total(page), cliTotal(await scenario(page)));
  await clickItem(page, 'mode.inference', { fx: 0.1 });       // Inference group appears
  await nextFrames(page, 3);
  assert.ok(await page.evaluate(() => Module.uiProbe('rect', 'kv_tokens')), 'inference shows the KV cache tokens');
  assert.equal(await page.evaluate(() => Module.uiProbe('rect', 'optimizer')), null, 'training fields hidden');
  assert.equal(await total(page), cliTotal(await scenario(page)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad input: a message in the units of its field beside it, the last good result stays', async () => {
  const { page, context, problems } = await openApp(session);
  const good = (await readSummary(page)).totalBytes;
  const message = (field) => page.evaluate((f) => Module.uiProbe('fieldMessage', f), field);
  // Pasted, so the bad text arrives whole: typed, its prefixes would each be applied live
  // ("150" on the way to "1500" is a good value, and becomes the last good result).
  const paste = async (field, text) => {
    await clickItem(page, field, { fx: 0.3 });
    await page.keyboard.down('Control');
    await page.keyboard.press('a', { delay: 50 });
    await page.keyboard.up('Control');
    await nextFrames(page, 2);
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt }));
    }, text);
    await nextFrames(page, 2);
    await page.keyboard.press('Enter', { delay: 50 });
    await nextFrames(page, 2);
  };
  const cases = [
    ['batch', 'abc', /^“abc” is not a number\.$/],
    ['batch', '', /^Empty: type a number\.$/],  // typed: select all, Backspace
    ['batch', '2.5', /^A whole number, please; got 2\.5\.$/],
    ['batch', '0', /^Batch size must be between 1 and [\d,]+; got 0\.$/],
    ['batch', '-3', /^Batch size must be between 1 and [\d,]+; got -3\.$/],
    ['batch', '99999999', /^Batch size must be between 1 and [\d,]+; got 100M\.$/],
    ['overhead.fraction', 'NaN', /^“NaN” is not a number\.$/],
    ['overhead.fraction', '1500', /^Framework overhead must be between 0% and 1,000%; got 1,500%\.$/],
    ['overhead.bytes', '-2', /^Fixed overhead must be between 0\sGB and 10,000,000\sGB; got -2\sGB\.$/],
    ['seq_len', '1e30', /^“1e30” is far too large\.$/],
  ];
  for (const [field, text, expected] of cases) {
    if (text === '') await typeIntoItem(page, field, text);
    else await paste(field, text);
    assert.match(await message(field), expected, `${field} = ${JSON.stringify(text)}`);
    assert.ok(await page.evaluate(() => Module.uiProbe('inputsInvalid')), 'the page says the result is the last good one');
    assert.equal((await readSummary(page)).totalBytes, good, `last good total kept after ${field} = ${JSON.stringify(text)}`);
    if (field === 'overhead.bytes') await screenshot(page, 'ui-bad-input');
    await typeIntoItem(page, field, { batch: '1', 'overhead.fraction': '10', 'overhead.bytes': '0', seq_len: '4096' }[field]);
    assert.equal(await message(field), '', `${field} fixed`);
  }
  assert.equal(await page.evaluate(() => Module.uiProbe('inputsInvalid')), false);
  // Fixed overhead follows the GB / GiB switch, and so does its message.
  await clickItem(page, 'unit.gib');
  await paste('overhead.bytes', '-1');
  assert.match(await message('overhead.bytes'), /^Fixed overhead must be between 0\sGiB and [\d,]+\sGiB; got -1\sGiB\.$/);
  assert.equal((await readSummary(page)).totalBytes, good);
  await typeIntoItem(page, 'overhead.bytes', '1');
  assert.equal(JSON.parse(await scenario(page)).overhead.bytes, 2 ** 30);
  assert.deepEqual(problems, []);
  await context.close();
});

test('preset picker filters as you type', async () => {
  const { page, context } = await openApp(session);
  await clickItem(page, 'model');
  await nextFrames(page, 3);
  await page.keyboard.type('70b');
  await nextFrames(page, 3);
  await screenshot(page, 'ui-preset-search');
  await clickItem(page, 'model.first_match');
  await nextFrames(page, 3);
  const s = JSON.parse(await scenario(page));
  assert.match(String(s.model), /70b/i);
  assert.equal(await total(page), cliTotal(await scenario(page)));
  await context.close();
});

test('theme toggle and GB/GiB switch', async () => {
  const { page, context } = await openApp(session);
  const dark = await page.evaluate(() => Module.uiProbe('dark'));
  await clickItem(page, 'theme.toggle');
  await nextFrames(page, 3);
  assert.equal(await page.evaluate(() => Module.uiProbe('dark')), !dark);
  await clickItem(page, 'unit.gib');
  await nextFrames(page, 3);
  assert.equal(await page.evaluate(() => Module.uiProbe('unit')), 'GiB');
  await screenshot(page, 'ui-toggled-gib');
  await context.close();
});

test('A/B: fp32 vs mixed from the engine, and a saved row loads back', async () => {
  const { page, context } = await openApp(session);
  await clickItem(page, 'compare.fp32_mixed');
  await nextFrames(page, 3);
  const a = await scenario(page);
  const b = await page.evaluate(() => Module.uiProbe('otherScenario'));
  assert.ok(b.length > 0);
  assert.ok(cliTotal(a) > cliTotal(b), 'fp32 baseline needs more than mixed');
  await screenshot(page, 'ui-compare');
  await clickItem(page, 'scenarios.save');
  await nextFrames(page, 3);
  assert.equal(await page.evaluate(() => Module.uiProbe('savedRows')), 1);
  await typeIntoItem(page, 'batch', '3');
  await clickItem(page, 'scenarios.row0', { fx: 0.2 });
  await nextFrames(page, 3);
  assert.equal(JSON.parse(await scenario(page)).batch, 1);
  await context.close();
});

test('Ctrl+V pastes the system clipboard into a field, Ctrl+C copies to it', async () => {
  const { page, context, problems } = await openApp(session);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
  const chord = async (key) => {
    await page.keyboard.down('Control');
    await page.keyboard.press(key, { delay: 50 });
    await page.keyboard.up('Control');
  };
  // Paste: the system clipboard holds text another application copied.
  await page.evaluate(() => navigator.clipboard.writeText('6'));
  await clickItem(page, 'batch', { fx: 0.3 });
  await chord('a');
  await chord('v');
  await page.keyboard.press('Enter', { delay: 50 });
  await nextFrames(page, 3);
  assert.equal(JSON.parse(await scenario(page)).batch, 6);
  // Copy: what ImGui copies from a field lands on the system clipboard.
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await clickItem(page, 'seq_len', { fx: 0.3 });
  await chord('a');
  await chord('c');
  await nextFrames(page, 3);
  await page.keyboard.press('Escape', { delay: 50 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '4096');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keys typed faster than the frames are drawn all land, in order', async () => {
  const { page, context } = await openApp(session);
  await clickItem(page, 'seq_len', { fx: 0.3 });
  // A slow device: each frame takes longer than a key press.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type('20488');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await nextFrames(page, 8);
  assert.equal(JSON.parse(await scenario(page)).seq_len, 2048);
  await context.close();
});

test('Cmd+A, Cmd+V on an Apple keyboard', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' }));
  const page = await context.newPage();
  await page.goto(session.url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 2);
  await clickItem(page, 'batch', { fx: 0.3 });
  await page.keyboard.down('Meta');
  await page.keyboard.press('a', { delay: 50 });
  await nextFrames(page, 2);
  // Chromium on Linux fires no 'paste' for Cmd+V; a Mac browser fires this one.
  await page.keyboard.down('v');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '3');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt }));
  });
  await nextFrames(page, 3);
  await page.keyboard.up('v');
  await page.keyboard.up('Meta');
  await page.keyboard.press('Enter', { delay: 50 });
  await nextFrames(page, 3);
  assert.equal(JSON.parse(await scenario(page)).batch, 3);
  await context.close();
});

test('phone: tap a radio button, drag to scroll', async () => {
  const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(session.url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 3);
  const r = await page.evaluate(() => Module.uiProbe('rect', 'mode.inference'));
  await page.touchscreen.tap(r.x + 8, r.y + r.h / 2);
  await nextFrames(page, 4);
  assert.equal(JSON.parse(await scenario(page)).mode, 'inference');
  // A finger put down on the batch field and dragged up: the page follows it, and lifting
  // the finger there clicks nothing.
  const before = await page.evaluate(() => Module.uiProbe('rect', 'batch'));
  const edited = await scenario(page);
  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const x = before.x + 10, y0 = before.y + before.h / 2;
  await touch('touchStart', x, y0);
  for (let dy = 10; dy <= 300; dy += 10) {
    await touch('touchMove', x, y0 - dy);
    if (dy % 50 === 0) await nextFrames(page, 1);
  }
  await touch('touchEnd');
  await nextFrames(page, 4);
  const afterRect = await page.evaluate(() => Module.uiProbe('rect', 'batch'));
  assert.ok(afterRect.y < before.y - 200, `scrolled up with the finger: ${before.y} -> ${afterRect.y}`);
  await page.keyboard.type('9');  // lands nowhere unless the drag activated a field
  await nextFrames(page, 3);
  assert.equal(await scenario(page), edited, 'the drag edited nothing');
  await screenshot(page, 'ui-phone-scrolled');
  await context.close();
});

test('a dropped config.json becomes the custom model', async () => {
  const { page, context } = await openApp(session);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    const text = JSON.stringify({ model_type: 'gpt2', n_embd: 768, n_head: 12, n_layer: 12, n_positions: 1024, vocab_size: 50257 });
    dt.items.add(new File([text], 'config.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => Module.uiProbe('importMessage').length > 0);
  await nextFrames(page, 3);
  const s = JSON.parse(await scenario(page));
  assert.equal(s.model.layers, 12);
  assert.equal(await total(page), cliTotal(await scenario(page)));
  await context.close();
});

test('idle: no frame is drawn while nothing happens', async () => {
  const { page, context } = await openApp(session);
  await page.mouse.move(5, 5);
  await new Promise((ok) => setTimeout(ok, 500));
  const f0 = await page.evaluate(() => Module.uiProbe('frames'));
  await new Promise((ok) => setTimeout(ok, 2000));
  const f1 = await page.evaluate(() => Module.uiProbe('frames'));
  assert.equal(f1, f0);
  await context.close();
});

test('an edited field costs a frame only when its caret blinks; a frame that changes nothing is not drawn', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Every frame drawn starts with one clear (web/platform/renderer.cpp): count them.
  await context.addInitScript(() => {
    window.__clears = 0;
    const clear = WebGL2RenderingContext.prototype.clear;
    WebGL2RenderingContext.prototype.clear = function (...a) { window.__clears++; return clear.apply(this, a); };
  });
  const page = await context.newPage();
  await page.goto(session.url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 2);
  await clickItem(page, 'batch', { fx: 0.3 });
  await new Promise((ok) => setTimeout(ok, 300));
  const counts = () => page.evaluate(() => ({ frames: Module.uiProbe('frames'), clears: window.__clears }));
  const a = await counts();
  await new Promise((ok) => setTimeout(ok, 1300));
  const b = await counts();
  // ImGui shows the caret 0.8 s and hides it 0.4 s: one to three changes in 1.3 s, a frame each
  // (a loop drawing every animation frame would have drawn ~78).
  assert.ok(b.frames - a.frames >= 1 && b.frames - a.frames <= 4, `${b.frames - a.frames} frames in 1.3 s with the caret in a field`);
  // A key: the frames that follow an event settle ImGui; those that change nothing are not drawn.
  const before = (await readSummary(page)).totalBytes;
  await page.keyboard.press('End');
  await page.keyboard.type('2');
  await new Promise((ok) => setTimeout(ok, 300));
  const c = await counts();
  const after = (await readSummary(page)).totalBytes;
  assert.notEqual(after, before);
  assert.equal(after, cliTotal(await scenario(page)));
  assert.ok(c.frames - b.frames >= 4, `${c.frames - b.frames} frames after two keys`);
  assert.ok(c.clears > b.clears && c.clears - b.clears < c.frames - b.frames,
    `${c.clears - b.clears} of ${c.frames - b.frames} frames drawn after two keys`);
  await context.close();
});

test('a held key repeats (Backspace held clears the field)', async () => {
  const { page, context, problems } = await openApp(session);
  await clickItem(page, 'seq_len', { fx: 0.3 });
  await page.keyboard.press('End');
  // ImGui repeats a held key after 0.275 s, every 0.05 s: "4096" is gone well within 1 s.
  await page.keyboard.down('Backspace');
  await new Promise((ok) => setTimeout(ok, 1000));
  await page.keyboard.up('Backspace');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter', { delay: 50 });
  await nextFrames(page, 2);
  assert.equal(JSON.parse(await scenario(page)).seq_len, 12);
  assert.deepEqual(problems, []);
  await context.close();
});
