// The first-load budget (issue 7): every file the page fetches as it loads, gzip -9,
// at most 200,000 B in at most 6 requests. A feature that passes it fails the tests, as does an
// accident (a debug build, a font compiled back in, a stray asset). scripts/bench.sh measures
// the same bytes and the timings; no timing is ever asserted here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openApp, siteDir, startSession } from './lib.mjs';

const CEILING_GZIP_BYTES = 200_000;  // issue 7: <= 200,000 B gzip -9, font included
const CEILING_REQUESTS = 6;          // issue 7: <= 6 requests

let session;
before(async () => { session = await startSession(); });
after(async () => { await session?.close(); });

test('first load stays within the size budget (gzip -9 bytes, requests)', async () => {
  const { page, context } = await openApp(session);
  // Every same-origin file the page fetched, read back from the built site.
  const paths = await page.evaluate(() => [...new Set([location.pathname,
    ...performance.getEntriesByType('resource').filter((e) => e.name.startsWith(location.origin))
      .map((e) => new URL(e.name).pathname)])]);
  await context.close();
  const sizes = paths.map((p) => {
    const gz = gzipSync(readFileSync(join(siteDir, p.endsWith('/') ? p + 'index.html' : p)), { level: 9 }).length;
    return { p, gz };
  });
  const total = sizes.reduce((a, s) => a + s.gz, 0);
  const list = sizes.map((s) => `${s.p} ${s.gz} B`).join(', ');
  assert.ok(total <= CEILING_GZIP_BYTES, `first load is ${total} B gzip -9 (${list}); ceiling ${CEILING_GZIP_BYTES}`);
  assert.ok(paths.length <= CEILING_REQUESTS, `first load fetches ${paths.length} files (${list}); ceiling ${CEILING_REQUESTS}`);
});
