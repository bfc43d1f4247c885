// Typing on a phone: a tapped field opens the on-screen keyboard through the hidden
// #text-input (platform_input.cpp), what is typed there reaches the field once, and the
// keyboard closes when the field is left. A mouse never focuses the hidden input.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cliTotal, nextFrames, openApp, screenshot, startSession, typeIntoItem } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const scenario = (page) => page.evaluate(() => window.headroom.scenario());
const total = async (page) => JSON.parse(await page.evaluate((s) => window.headroom.estimate(s), await scenario(page))).per_gpu.total;
const active = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

async function openPhone() {
  const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(session.url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 3);
  return { context, page, problems };
}

// An 'input' event as an on-screen keyboard sends it (no key events around it).
const softInput = (page, inputType, data = null) => page.evaluate(([t, d]) => {
  const el = document.getElementById('text-input');
  if (t === 'deleteContentBackward') el.value = el.value.slice(0, -1);
  else if (d) el.value += d;
  el.dispatchEvent(new InputEvent('input', { inputType: t, data: d, bubbles: true }));
}, [inputType, data]);

test('phone: a tapped field opens the keyboard; typed text, Backspace and Enter reach it', async () => {
  const { context, page, problems } = await openPhone();
  const r = await page.evaluate(() => Module.uiProbe('rect', 'batch'));
  assert.ok(r, 'the batch field is drawn');
  await page.touchscreen.tap(r.x + r.w * 0.3, r.y + r.h / 2);
  await nextFrames(page, 4);
  assert.equal(await active(page), 'text-input', 'the hidden input has the focus (the keyboard opens)');
  const attrs = await page.evaluate(() => {
    const el = document.getElementById('text-input');
    const cs = getComputedStyle(el), b = el.getBoundingClientRect();
    return { mode: el.inputMode, opacity: cs.opacity, font: parseFloat(cs.fontSize), auto: el.getAttribute('autocomplete'),
             spell: el.getAttribute('spellcheck'), onScreen: b.top >= 0 && b.bottom <= innerHeight && b.left >= 0 && b.right <= innerWidth };
  });
  assert.deepEqual(attrs, { mode: 'decimal', opacity: '0', font: 16, auto: 'off', spell: 'false', onScreen: true });
  await screenshot(page, 'ui-phone-keyboard-field');
  // Typed by the keyboard: the whole value was selected by the tap, so '3' replaces it.
  await page.keyboard.insertText('3');
  await nextFrames(page, 2);
  await softInput(page, 'insertText', '2');
  await nextFrames(page, 2);
  await softInput(page, 'deleteContentBackward');
  await nextFrames(page, 3);
  assert.ok((await page.evaluate(() => document.getElementById('text-input').value.length)) <= 1, 'the input does not grow');
  await softInput(page, 'insertLineBreak');
  await nextFrames(page, 3);
  assert.equal(JSON.parse(await scenario(page)).batch, 3);
  assert.equal(await total(page), cliTotal(await scenario(page)));
  // A hardware keyboard on the phone (keydown, keypress, input): each key typed once.
  await page.touchscreen.tap(r.x + r.w * 0.3, r.y + r.h / 2);
  await nextFrames(page, 4);
  assert.equal(await active(page), 'text-input');
  await page.keyboard.type('45');
  await page.keyboard.press('Backspace', { delay: 50 });
  await page.keyboard.type('6');
  await page.keyboard.press('Enter', { delay: 50 });
  await nextFrames(page, 3);
  assert.equal(JSON.parse(await scenario(page)).batch, 46);
  assert.equal(await total(page), cliTotal(await scenario(page)));
  // Tapping outside any field closes the keyboard.
  await page.touchscreen.tap(r.x + r.w * 0.3, r.y + r.h / 2);
  await nextFrames(page, 4);
  assert.equal(await active(page), 'text-input');
  await page.touchscreen.tap(195, 835);
  await nextFrames(page, 4);
  assert.notEqual(await active(page), 'text-input', 'the hidden input is blurred');
  assert.equal(JSON.parse(await scenario(page)).batch, 46);
  assert.deepEqual(problems, []);
  await context.close();
});

test('desktop: a mouse click on a field leaves the hidden input alone; typing is unchanged', async () => {
  const { page, context, problems } = await openApp(session);
  await typeIntoItem(page, 'batch', '12');
  assert.notEqual(await active(page), 'text-input');
  assert.equal(JSON.parse(await scenario(page)).batch, 12);
  assert.equal(await total(page), cliTotal(await scenario(page)));
  assert.deepEqual(problems, []);
  await context.close();
});
