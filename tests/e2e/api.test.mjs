// window.headroom.estimate() in the browser (the wasm engine) returns exactly what the native
// CLI returns, for every value of every choice field: the two fronts share one engine, and a
// wasm-only miscompile (as Emscripten 3.1.6 once produced for the enum parsers) shows here.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openApp, runCli, startSession } from './lib.mjs';

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

const choices = {
  mode: ['training', 'inference'],
  optimizer: ['adamw', 'adamw_8bit', 'sgd_momentum', 'sgd', 'adafactor', 'lion'],
  recompute: ['none', 'selective', 'full', 'sqrt'],
  activation_model: ['transformer', 'multiplier', 'per_sample'],
  finetune: ['full', 'lora', 'qlora'],
};
const dtypes = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'fp4'];

function scenarios() {
  const out = [];
  for (const [field, values] of Object.entries(choices))
    for (const v of values) out.push(JSON.stringify({ [field]: v }));
  for (const t of dtypes) out.push(JSON.stringify({ mode: 'inference', dtypes: { weights: t, kv_cache: t } }));
  out.push('{"model": "mixtral-8x7b", "parallel": {"dp": 8, "zero": 3, "tp": 2, "pp": 2}}');
  return out;
}

test('estimate() in the browser equals the CLI --json for every choice value', async () => {
  const { page, problems, context } = await openApp(session);
  for (const scenario of scenarios()) {
    const browser = await page.evaluate((s) => window.headroom.estimate(s), scenario);
    assert.deepEqual(JSON.parse(browser), JSON.parse(runCli(['--json'], scenario)), scenario);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
