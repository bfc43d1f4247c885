// Exports in the real page: JSON against the CLI, the PDF through pdftotext and pdftoppm,
// and Import JSON (good file, not JSON, invalid fields: the scenario on screen is kept).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { artifactsDir, clickItem, nextFrames, openApp, readSummary, runCli, startSession } from './lib.mjs';
import { downloadText, shareStatus, until } from './platform_helpers.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const fmtInt = (n) => Math.round(n).toLocaleString('en-US');

test('Download JSON saves the scenario on screen; the CLI computes the page\'s numbers from it', async () => {
  const { page, context, problems } = await openApp(session);
  await page.evaluate(() => window.headroom.load('{"mode":"inference","batch":4,"kv_tokens":8192}'));
  await nextFrames(page, 3);
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'share.json')]);
  assert.equal(download.suggestedFilename(), 'headroom-scenario.json');
  const saved = await downloadText(download);
  assert.deepEqual(JSON.parse(saved), JSON.parse(await page.evaluate(() => window.headroom.scenario())));
  const fromPage = await page.evaluate((s) => window.headroom.estimate(s), saved);
  assert.deepEqual(JSON.parse(runCli(['--json'], saved)), JSON.parse(fromPage));
  assert.equal(JSON.parse(fromPage).per_gpu.total, (await readSummary(page)).totalBytes);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Download PDF: pdftotext finds the CLI\'s numbers; pdftoppm renders it', async () => {
  const { page, context, problems } = await openApp(session);
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'share.pdf')]);
  assert.equal(download.suggestedFilename(), 'headroom.pdf');
  const path = await download.path();
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const result = JSON.parse(runCli(['--json'], '{}'));
  assert.match(text, new RegExp(`Total per GPU: ${(result.per_gpu.total / 1e9).toFixed(1)} GB`));
  for (const key of ['weights', 'master_weights', 'gradients', 'optimizer_states', 'activations', 'overhead'])
    assert.ok(text.includes(fmtInt(result.per_gpu[key])), `${key} ${fmtInt(result.per_gpu[key])} not in the PDF text`);
  assert.ok(text.includes(fmtInt(result.per_gpu.total)));
  assert.match(text, /Korthikanti/);  // formulas carry their citations
  assert.match(text, /Breakdown per GPU/);
  assert.match(text, /Inputs/);
  assert.doesNotMatch(text, /\?\?/);  // no unmapped characters
  mkdirSync(artifactsDir, { recursive: true });
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', path, join(artifactsDir, 'platform-pdf')]);
  // The same document from JavaScript, byte for byte.
  const again = await page.evaluate(() => window.headroom.pdf(window.headroom.scenario()));
  assert.equal(Buffer.from(again, 'latin1').length, (await import('node:fs')).statSync(path).size);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Import JSON loads a good file and keeps the scenario when the file is bad', async () => {
  const dir = join(tmpdir(), `headroom-import-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const good = join(dir, 'good.json');
  const notJson = join(dir, 'not-json.json');
  const badFields = join(dir, 'bad-fields.json');
  writeFileSync(good, '{"mode":"inference","model":"llama-3.1-70b","batch":8}');
  writeFileSync(notJson, 'model: llama, batch: 8');
  writeFileSync(badFields, '{"batch":0,"optimizer":"adamw9000"}');
  const { page, context, problems } = await openApp(session);

  const pick = async (file) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickItem(page, 'share.import')]);
    await chooser.setFiles(file);
  };
  await pick(good);
  await until(page, async () => (await shareStatus(page)).text.startsWith('Imported'));
  await nextFrames(page, 3);
  const imported = JSON.parse(await page.evaluate(() => window.headroom.scenario()));
  assert.equal(imported.batch, 8);
  assert.equal(imported.mode, 'inference');
  const expected = JSON.parse(runCli(['--json'], '{"mode":"inference","model":"llama-3.1-70b","batch":8}')).per_gpu.total;
  assert.equal((await readSummary(page)).totalBytes, expected);

  const before = await page.evaluate(() => window.headroom.scenario());
  await pick(notJson);
  await until(page, async () => (await shareStatus(page)).text.includes('not-json.json'));
  let status = await shareStatus(page);
  assert.ok(status.error);
  assert.match(status.text, /not valid JSON/);
  assert.match(status.text, /unchanged/);
  assert.equal(await page.evaluate(() => window.headroom.scenario()), before);

  await pick(badFields);
  await until(page, async () => (await shareStatus(page)).text.includes('bad-fields.json'));
  status = await shareStatus(page);
  assert.ok(status.error);
  assert.match(status.text, /batch/);
  assert.match(status.text, /optimizer/);
  assert.equal(await page.evaluate(() => window.headroom.scenario()), before);
  await nextFrames(page, 3);
  await page.screenshot({ path: join(artifactsDir, 'platform-import-error.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
