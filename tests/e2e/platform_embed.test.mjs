// Embedding: a page on a second origin (another port) iframes Headroom in embed mode, plain
// and sandboxed (allow-scripts only: an opaque origin); each frame computes the scenario its
// query sets and posts its content height to the parent.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from '../../scripts/serve.mjs';
import { artifactsDir, cliTotal, startSession } from './lib.mjs';

let session, docs, docsUrl;
before(async () => {
  session = await startSession();
  const dir = join(tmpdir(), `headroom-docs-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const src = `${session.url}?embed=1&model=llama-3.1-70b&gpu=h100-sxm-80gb&mode=inference&batch=4`;
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">
<h1>Internal docs</h1>
<iframe id="plain" src="${src}" style="width:800px;height:200px;border:0"></iframe>
<iframe id="sandboxed" src="${src}" sandbox="allow-scripts" style="width:800px;height:200px;border:0"></iframe>
<script>
  window.heights = {};
  addEventListener('message', (e) => {
    if (!e.data || e.data.type !== 'headroom:height') return;
    for (const f of document.querySelectorAll('iframe'))
      if (f.contentWindow === e.source) { f.style.height = e.data.height + 'px'; window.heights[f.id] = e.data.height; }
  });
</script></body></html>`);
  docs = await serve(dir, 0);
  docsUrl = `http://127.0.0.1:${docs.address().port}/`;
});
after(async () => {
  await session?.close();
  await new Promise((ok) => docs ? docs.close(ok) : ok());
});

test('embedded cross-origin, plain and sandboxed: computes and reports its height', async () => {
  assert.notEqual(new URL(docsUrl).origin, new URL(session.url).origin);
  const context = await session.browser.newContext({ viewport: { width: 1000, height: 1400 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(docsUrl);
  const expected = cliTotal('{"model":"llama-3.1-70b","gpu":"h100-sxm-80gb","mode":"inference","batch":4}');
  const end = Date.now() + 20000;
  let heights = {};
  while (Date.now() < end) {
    heights = await page.evaluate(() => window.heights);
    if (heights.plain > 0 && heights.sandboxed > 0) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.ok(heights.plain > 150 && heights.plain < 1400, `plain height ${heights.plain}`);
  assert.ok(heights.sandboxed > 150, `sandboxed height ${heights.sandboxed}`);
  for (const frame of page.frames().filter((f) => f.url().startsWith(session.url))) {
    const total = await frame.evaluate(() => Number(document.getElementById('summary').dataset.totalBytes));
    assert.equal(total, expected);
    assert.equal(await frame.evaluate(() => location.hash), '');  // embed mode leaves the URL alone
  }
  assert.equal(page.frames().filter((f) => f.url().startsWith(session.url)).length, 2);
  await new Promise((ok) => setTimeout(ok, 300));
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, 'platform-embed.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
