// The CSV the page downloads is the CLI's CSV for the same scenario, byte for byte.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { clickItem, openApp, runCli, startSession } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('Download CSV saves the CLI --csv output for the default scenario', async () => {
  const { page, problems, context } = await openApp(session);
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'download_csv')]);
  assert.equal(download.suggestedFilename(), 'headroom.csv');
  const saved = await readFile(await download.path());
  const expected = Buffer.from(runCli(['--csv'], '{}'), 'utf8');
  assert.ok(saved.equals(expected), `downloaded CSV differs:\n${saved}\n---\n${expected}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('csv() from JavaScript equals the CLI for a non-default scenario', async () => {
  const { page, context } = await openApp(session);
  const scenario = '{"mode": "inference", "batch": 4, "kv_tokens": 8192}';
  const csv = await page.evaluate((s) => window.headroom.csv(s), scenario);
  assert.equal(csv, runCli(['--csv'], scenario));
  await context.close();
});
