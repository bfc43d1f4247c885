// The font atlas (web/platform/font_atlas.cpp): the page ships no font and draws its text in the page's
// own font-family; each face's line is its CSS size × devicePixelRatio; digits share one
// advance; a font wider than the one the layout was set in (Inter) is drawn smaller.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { nextFrames, startSession } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

// Inter Regular's a-z advances over its line (hmtx, hhea of Inter-Regular.otf 3.19): the
// widest text web/platform/platform.cpp allows.
const kMaxAlphabetPerLine = 13.88 / 1.2102;
const kAlphabet = 'abcdefghijklmnopqrstuvwxyz';

async function open({ deviceScaleFactor = 1, fontFamily } = {}) {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor });
  const page = await context.newPage();
  const problems = [];
  const fonts = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (r.resourceType() === 'font' || /\.(woff2?|ttf|otf)$/.test(r.url())) fonts.push(r.url()); });
  // Through the CSSOM (the page's Content-Security-Policy refuses injected <style>), before the
  // app builds its atlas.
  if (fontFamily) await page.addInitScript((f) => document.addEventListener('DOMContentLoaded', () => { document.body.style.fontFamily = f; }), fontFamily);
  await page.goto(session.url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 2);
  return { context, page, problems, fonts };
}

const textSize = (page, face, text) => page.evaluate(([f, t]) => Module.uiProbe('textSize', [f, t]), [face, text]);

test('no font file is fetched; each face is a line of its CSS size × devicePixelRatio', async () => {
  for (const dpr of [1, 2]) {
    const { context, page, problems, fonts } = await open({ deviceScaleFactor: dpr });
    assert.deepEqual(fonts, []);
    assert.equal((await textSize(page, 'body', 'x')).line, Math.round(15 * dpr));     // theme::kBodyPt
    assert.equal((await textSize(page, 'heading', 'x')).line, Math.round(15 * dpr));
    assert.equal((await textSize(page, 'display', 'x')).line, Math.round(38 * dpr));  // theme::kDisplayPt
    assert.equal(await textSize(page, 'no-such-face', 'x'), null);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('digits share one advance in every face, as tabular-nums sets them in the preview', async () => {
  const { context, page, problems } = await open();
  for (const face of ['body', 'heading', 'display']) {
    const widths = [];
    for (const d of '0123456789') widths.push((await textSize(page, face, d)).width);
    assert.ok(widths[0] > 0, face);
    assert.deepEqual(widths, widths.map(() => widths[0]), `${face}: ${widths}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a font wider than Inter is drawn smaller: its a-z keeps to the width the layout allows', async () => {
  // DejaVu Sans (fonts-dejavu-core, from scripts/setup.sh) is ~10% wider than Inter per line.
  // Each of the 26 advances is rounded to a whole pixel, hence the tolerance; at 2x the line
  // is 30 px, where DejaVu at full size would be 33 px (10%) over and outside it.
  const { context, page, problems } = await open({ deviceScaleFactor: 2, fontFamily: '"DejaVu Sans"' });
  const body = await textSize(page, 'body', kAlphabet);
  assert.equal(body.line, 30);
  const allowed = kMaxAlphabetPerLine * body.line;
  assert.ok(Math.abs(body.width - allowed) <= 26 * 0.5, `a-z ${body.width} px, allowed ${allowed.toFixed(1)} px`);
  // The bold faces take the same factor, so a heading is never drawn smaller than body text.
  const heading = await textSize(page, 'heading', kAlphabet);
  assert.ok(heading.width > body.width, `heading a-z ${heading.width} px vs body ${body.width} px`);
  assert.deepEqual(problems, []);
  await context.close();
});
