// A small static file server for the built site, for scripts/run.sh and the browser tests.
// Node's standard library only. Usage: node scripts/serve.mjs <site-dir> [port] [host]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

// Text and wasm go out gzipped when the client accepts it: the build's `<file>.gz` when it is
// at least as new as the file, otherwise gzip -9 made once and kept in memory.
const compressible = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.webmanifest', '.css', '.svg', '.txt']);
const gzipCache = new Map();
async function gzipped(file, body, mtimeMs) {
  const pre = await stat(file + '.gz').catch(() => null);
  if (pre && pre.mtimeMs >= mtimeMs) return readFile(file + '.gz');
  const hit = gzipCache.get(file);
  if (hit?.mtimeMs === mtimeMs) return hit.gz;
  const gz = gzipSync(body, { level: 9 });
  gzipCache.set(file, { mtimeMs, gz });
  return gz;
}

export function serve(siteDir, port = 8080, host = '127.0.0.1') {
  const root = resolve(siteDir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const { size, mtimeMs } = await stat(file);
      // Revalidation is answered with 304 and no body (the service worker's precache, reloads).
      const etag = `W/"${size.toString(36)}-${Math.floor(mtimeMs).toString(36)}"`;
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, { ETag: etag, Vary: 'Accept-Encoding' }).end(); return; }
      const headers = {
        ETag: etag,
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        // Revalidate every time: the service worker, not the HTTP cache, makes the page offline.
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        // Public static files: a page embedding Headroom in an opaque-origin sandbox
        // (iframe sandbox="allow-scripts") fetches headroom.wasm cross-origin.
        'Access-Control-Allow-Origin': '*',
      };
      if (compressible.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = await gzipped(file, body, mtimeMs);
        headers['Content-Encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  if (!dir) { console.error('usage: node scripts/serve.mjs <site-dir> [port] [host]'); process.exit(2); }
  await serve(dir, Number(port), host);
  console.log(`Headroom is served at http://${host}:${port}/`);
}
