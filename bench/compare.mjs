// A/B of built sites in one browser, runs interleaved so machine load hits each alike:
//   node bench/compare.mjs [--runs 5] [--full 1] SITE_DIR [SITE_DIR ...]
// Prints, per site, the median navigation -> result painted and the first-load gzip -9 total
// (--full 1 adds idle CPU and input timings). For trying a lever against the current build.
import { serve } from '../scripts/serve.mjs';
import { chromium, chromiumArgs, median, oneRun } from './browser.mjs';

const argv = process.argv.slice(2);
let runs = 5;
let full = false;
const sites = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--runs') runs = Number(argv[++i]);
  else if (argv[i] === '--full') full = argv[++i] === '1';
  else sites.push(argv[i]);
}
const servers = await Promise.all(sites.map((s) => serve(s, 0)));
const urls = servers.map((s) => `http://127.0.0.1:${s.address().port}/`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const results = sites.map(() => []);
for (let r = 0; r < runs; r++)
  for (let i = 0; i < sites.length; i++) results[i].push(await oneRun(browser, urls[i], { quick: !full }));
await browser.close();
for (const s of servers) s.close();
sites.forEach((site, i) => {
  const rs = results[i];
  const files = rs[0].files.filter((f) => !f.byServiceWorker);
  const gz = files.reduce((a, f) => a + f.gzip9, 0);
  const line = [`${site}:`, `painted ${Math.round(median(rs.map((x) => x.load.paintedMs)))} ms`,
    `drawn ${Math.round(median(rs.map((x) => x.load.resultMs)))} ms`,
    `[${rs.map((x) => Math.round(x.load.paintedMs)).join(', ')}]`, `${gz.toLocaleString('en-US')} B gz in ${files.length}`];
  if (full) {
    line.push(`idle ${median(rs.map((x) => x.idle.taskCpuPerS)).toFixed(3)} task-s/s ${median(rs.map((x) => x.idle.procCpuPerS)).toFixed(3)} proc-s/s`,
      `input ${median(rs.flatMap((x) => x.input.map((k) => k.ms))).toFixed(1)} ms`, `heap ${(median(rs.map((x) => x.idle.jsHeapUsed)) / 1e6).toFixed(2)} MB`);
  }
  console.log(line.join('  '));
});
