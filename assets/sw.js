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

// When the planner reloads onto this version in one tab, it serves every open
// tab at once, also one still running the version before, which may yet ask
// for that version's files (the office module, the unit list: fetched on first
// use). So the earlier versions' caches are kept until no tab that was open
// when this version took over is left, and a file is taken from whichever
// cache has it: a hashed name has only one content. (Reloading those tabs
// instead would throw away what the planner was doing in them; they keep the
// update notice and reload when the planner chooses.)
const EARLIER = "./earlier-versions"; // in CACHE: those tabs, and the caches kept for them

self.addEventListener("activate", (event) => {
  event.waitUntil(
    Promise.all([caches.keys(), openTabs()])
      .then(([keys, tabs]) => {
        const earlier = { caches: keys.filter((k) => k.startsWith("chitieu-") && k !== CACHE), tabs: tabs.map((t) => t.id) };
        return caches.open(CACHE).then((cache) => cache.put(EARLIER, new Response(JSON.stringify(earlier))));
      })
      .then(forgetEarlier)
      .catch(() => {}) // a cache that could not be written: the tabs are taken over all the same
      .then(() => self.clients.claim()),
  );
});

let earlierKept = true; // until this worker has seen them go
function forgetEarlier() {
  // not while a next version installs: after a rollback its cache may be one of them
  if (!earlierKept || self.registration.installing || self.registration.waiting) return Promise.resolve();
  return Promise.all([fromCache(EARLIER).then((hit) => hit?.json()), openTabs()]).then(([earlier, tabs]) => {
    if (earlier?.caches.length && tabs.some((t) => earlier.tabs.includes(t.id))) return;
    earlierKept = false;
    return Promise.all((earlier?.caches ?? []).map((k) => caches.delete(k)));
  });
}

function openTabs() {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true });
}

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
  if (earlierKept) event.waitUntil(forgetEarlier().catch(() => {}));
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
    // a hashed file: this version's, or an earlier one's for a tab still running it
    event.respondWith(caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? fetch(request)));
  }
});

function fromCache(request) {
  return caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }));
}
