// Headroom's service worker: the whole site precached in one cache per release, served
// cache-first, so after one visit the page loads and computes with no network.
// Generated at build time from assets/sw.js by web/tools/make_sw.cmake, which fills RELEASE
// (a hash of every precached file) and FILES.
//
// Releases never mix: a page is served only from the cache of the worker that controls it.
// A new release installs beside the old one and waits; it takes over when every Headroom tab
// has closed, or at once when the page asks (the "Reload" button, message 'skip-waiting'), and
// then deletes the older caches.
const RELEASE = '@HEADROOM_RELEASE@';
const FILES = ['@HEADROOM_FILES@'];
const CACHE = 'headroom-' + RELEASE;
const SCOPE = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  // 'no-cache' revalidates with the server (ETag/304) instead of downloading the files the
  // page has just loaded a second time; a changed file still arrives fresh.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(FILES.map((f) => new Request(new URL(f, SCOPE).href, { cache: 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys())
      if (key !== CACHE && key.startsWith('headroom-')) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  // The page itself under any query (?embed=1&model=...): index.html. The fragment never
  // reaches here: browsers keep it on the device.
  let path = url.href.slice(SCOPE.length).split(/[?#]/)[0];
  if (path === '') path = 'index.html';
  if (!FILES.includes(path)) return;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(new URL(path, SCOPE).href))
    .then((hit) => hit || fetch(request)));
});
