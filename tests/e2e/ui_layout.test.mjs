// Issue 5: the page at four sizes x DPR 1 and 2 x both themes. Each screenshot is saved in
// artifacts/ as ui-<w>x<h>@<dpr>x-<theme>.png for a person to look at; the test asserts what a
// machine can: the column count, the backing store, and that nothing went wrong on the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nextFrames, screenshot, startSession } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const sizes = [[1280, 800, 3], [1024, 768, 2], [768, 1024, 2], [390, 844, 1]];

async function open(width, height, deviceScaleFactor, colorScheme) {
  const context = await session.browser.newContext({ viewport: { width, height }, deviceScaleFactor, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(session.url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 3);
  return { context, page, problems };
}

for (const colorScheme of ['dark', 'light']) {
  for (const dpr of [1, 2]) {
    for (const [w, h, columns] of sizes) {
      test(`${w}x${h} @${dpr}x ${colorScheme}: ${columns} column(s), crisp, no errors`, async () => {
        const { context, page, problems } = await open(w, h, dpr, colorScheme);
        const info = await page.evaluate(() => ({
          columns: Module.uiProbe('columns'), dark: Module.uiProbe('dark'),
          bw: document.getElementById('canvas').width, bh: document.getElementById('canvas').height,
        }));
        assert.equal(info.columns, columns);
        assert.equal(info.dark, colorScheme === 'dark', 'follows prefers-color-scheme');
        assert.deepEqual([info.bw, info.bh], [w * dpr, h * dpr]);
        await screenshot(page, `ui-${w}x${h}@${dpr}x-${colorScheme}`);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
}

test('combo boxes never clip their choice at the four sizes', async () => {
  // The longest labels: a long GPU name, notes in parentheses, a MoE preset.
  const scenario = JSON.stringify({ gpu: 'rx-7900-xtx-24gb', model: 'mixtral-8x7b', activation_model: 'per_sample', finetune: 'qlora' });
  for (const [w, h] of sizes) {
    const { context, page, problems } = await open(w, h, 1, 'dark');
    assert.equal(await page.evaluate((s) => window.headroom.load(s), scenario), '');
    await nextFrames(page, 4);
    const previews = await page.evaluate(() => Module.uiProbe('comboPreviews'));
    assert.ok(previews.length >= 10, `${w}x${h}: ${previews.length} combo boxes drawn`);
    for (const p of previews) assert.ok(p.fits, `${w}x${h}: ${p.field} shows "${p.preview}" clipped`);
    // Whole where it matters: the recompute and activation choices read in full at every size.
    const shown = Object.fromEntries(previews.map((p) => [p.field, p]));
    assert.equal(shown.recompute.preview, shown.recompute.label, `${w}x${h}`);
    assert.equal(shown.activation_model.preview, shown.activation_model.label, `${w}x${h}`);
    assert.match(shown.gpu.preview, /24GB$/, `${w}x${h}: the GPU keeps its memory size`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('DPR 1.5 and 3: backing store follows, fonts rebuilt for the ratio', async () => {
  for (const dpr of [1.5, 3]) {
    const { context, page, problems } = await open(390, 844, dpr, 'dark');
    const info = await page.evaluate(() => ({ bw: document.getElementById('canvas').width, scale: Module.uiProbe('scale') }));
    assert.equal(info.bw, Math.round(390 * dpr));
    assert.equal(info.scale, dpr);
    await screenshot(page, `ui-390x844@${dpr}x-dark`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
