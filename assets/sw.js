// chitieu's service worker: keeps the app's files so that it opens and works
// with no network once it has been visited. scripts/lib/pack.mjs fills in the
// version and the list of files at build time; every file but the page itself
// and this worker carries a hash of its content in its name, so a file kept
// here is never stale. A new version is fetched in the background on the next
// visit and waits until the planner reloads (the page offers it).
const VERSION = "__CHITIEU_VERSION__";
const FILES = __CHITIEU_FILES__;
const CACHE = `chitieu-${VERSION}`;
const SCOPE = new URL(self.registration.scope).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // the page is asked for afresh; hashed files may come from the browser's own cache
      cache.addAll([new Request("./", { cache: "no-cache" }), ...FILES]),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("chitieu-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// the page asks the waiting version to take over when the planner reloads
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin || !url.pathname.startsWith(SCOPE)) return;
  const path = url.pathname.slice(SCOPE.length);
  if (path === "sw.js") return;
  if (path === "" || path === "index.html" || request.mode === "navigate" && path !== "chitieu.html") {
    event.respondWith(fromCache("./").then((hit) => hit ?? fetch(request)));
  } else if (path === "chitieu.html") {
    // the single file, for the footer's download and plans exported with the app:
    // fetched when asked for, and kept for when the network is gone
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            event.waitUntil(caches.open(CACHE).then((c) => c.put("chitieu.html", copy)));
          }
          return response;
        })
        .catch(() => fromCache("chitieu.html").then((hit) => hit ?? Response.error())),
    );
  } else {
    event.respondWith(fromCache(request).then((hit) => hit ?? fetch(request)));
  }
});

function fromCache(request) {
  return caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }));
}
