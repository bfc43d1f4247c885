// The preview: index.html carries the default scenario's result, written by the engine at
// build time, so it is on screen before the calculator has loaded. It must be the same
// result the native CLI computes, never shown for a link with a scenario of its own, and gone
// once the calculator draws.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { artifactsDir, cliTotal, gbText, nextFrames, readSummary, runCli, startSession } from './lib.mjs';
import { join } from 'node:path';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

// The page with headroom.wasm held back: what a visitor sees while it downloads and compiles.
async function openWithoutCalculator(hashOrQuery = '', colorScheme = 'dark') {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__painted = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__painted.push(e.identifier); })
      .observe({ type: 'element', buffered: true });
  });
  await page.route('**/headroom.wasm.xz', () => {});
  await page.goto(session.url + hashOrQuery, { waitUntil: 'domcontentloaded' });
  return { page, context };
}

test('before the calculator loads, the page shows the default result the CLI computes', async () => {
  const { page, context } = await openWithoutCalculator();
  const shown = await page.evaluate(() => {
    const result = document.querySelector('#preview .result');
    const rows = [...result.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    return { visible: result.checkVisibility(), total: result.querySelector('.total strong').textContent, rows,
             fit: result.querySelector('.fit').textContent, loading: document.getElementById('loading').textContent };
  });
  const cli = JSON.parse(runCli(['--json'], '{}'));
  assert.equal(shown.visible, true);
  assert.equal(shown.total, gbText(cli.per_gpu.total));
  assert.deepEqual(shown.rows.at(-1), ['Total per GPU', (cli.per_gpu.total / 1e9).toFixed(2), '100.0%']);
  const weights = shown.rows.find((r) => r[0] === 'Weights');
  assert.equal(weights[1], (cli.per_gpu.weights / 1e9).toFixed(2));
  // Components the default holds nothing of are left out (training keeps no KV cache).
  assert.equal(cli.per_gpu.kv_cache, 0);
  assert.equal(shown.rows.some((r) => r[0] === 'KV cache'), false);
  const h100 = cli.fits.find((f) => f.gpu === 'h100-sxm-80gb');
  assert.match(shown.fit, h100.fits ? /Fits/ : /Does not fit/);
  assert.match(shown.loading, /Loading the calculator/);
  // Element Timing reports the total's paint (scripts/bench.sh times the load by it).
  await page.waitForFunction(() => window.__painted.includes('result'));
  await page.screenshot({ path: join(artifactsDir, 'preview-1280x800.png') });
  await context.close();
});

test('a link with its own scenario never shows the default result; one without shows it', async () => {
  for (const suffix of ['#s=eyJtb2RlIjoiaW5mZXJlbmNlIn0', '?batch=8', '?embed=1&mode=inference', '?dtypes.kv_cache=fp8',
    '#top&s=eyJtb2RlIjoiaW5mZXJlbmNlIn0', '?%73=eyJtb2RlIjoiaW5mZXJlbmNlIn0']) {
    const { page, context } = await openWithoutCalculator(suffix);
    const state = await page.evaluate(() => ({
      result: document.querySelector('#preview .result').checkVisibility(),
      loading: document.getElementById('loading').checkVisibility(),
    }));
    assert.deepEqual(state, { result: false, loading: true }, suffix);
    await context.close();
  }
  // A link the engine reads no scenario from opens on the defaults: the preview stays.
  for (const suffix of ['#top', '?utm_source=x', '?ref=a&b', '#batch=8']) {
    const { page, context } = await openWithoutCalculator(suffix);
    assert.equal(await page.evaluate(() => document.querySelector('#preview .result').checkVisibility()), true, suffix);
    await context.close();
  }
  // Embedded with the default scenario: the headline stays, the table goes (the frame is small).
  const { page, context } = await openWithoutCalculator('?embed=1');
  const embedded = await page.evaluate(() => ({
    total: document.querySelector('#preview .total').checkVisibility(),
    table: document.querySelector('#preview table').checkVisibility(),
  }));
  assert.deepEqual(embedded, { total: true, table: false });
  await context.close();
});

test('the calculator replaces the preview, with the same total', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(session.url);
  await page.evaluate(() => window.headroom.ready.then(() => true));
  await nextFrames(page, 2);
  assert.equal(await page.locator('#preview').count(), 0, 'preview removed after the first frame');
  const summary = await readSummary(page);
  assert.equal(summary.totalBytes, cliTotal("{}"));
  assert.match(summary.text, new RegExp(`^Total per GPU: ${gbText(cliTotal('{}')).replace('.', '\\.')} `));
  await context.close();
});
