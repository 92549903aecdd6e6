// Starts the app. A file of its own, not an inline script, so that the
// Content-Security-Policy can forbid every inline script. The files it names
// as ./ string literals get their hashed names at build time (scripts/lib/pack.mjs).
import init from "./chitieu.js";

// The app takes the first screen's place only after that screen has been
// painted (src/lib.rs waits for this): on a fast load it could otherwise
// replace it unseen, and its own copy would count as the page's largest paint,
// after the whole download. The WebAssembly loads meanwhile. Where the browser
// reports when an element is painted (Element Timing), the app waits for the
// first screen's lead itself: a first frame can be painted before the lead is
// (the header alone). Elsewhere, and when the lead is out of view (it is
// then never painted, nor the largest paint), it waits for the second frame,
// which starts once the first has been painted. (A hidden tab paints nothing:
// the timer lets the app start anyway.)
window.chitieuPainted = new Promise((painted) => {
  const lead = document.querySelector("[elementtiming=first-lead]")?.getBoundingClientRect();
  const leadInView = lead && lead.height > 0 && lead.top < innerHeight && lead.bottom > 0;
  if (leadInView && PerformanceObserver.supportedEntryTypes?.includes("element")) {
    new PerformanceObserver((list, seen) => {
      if (list.getEntries().some((e) => e.identifier === "first-lead")) {
        seen.disconnect();
        painted();
      }
    }).observe({ type: "element", buffered: true });
  } else {
    requestAnimationFrame(() => requestAnimationFrame(() => painted()));
  }
  setTimeout(painted, 500);
});
// Compiled here, once: the worker that sums many files starts from this same
// compiled module instead of compiling its own (a host that does not serve
// .wasm as application/wasm gets it compiled from its bytes).
const wasmUrl = new URL("./chitieu_bg.wasm", import.meta.url);
const compiled = WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() =>
  fetch(wasmUrl).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)));
let appModule;
const wasm = await compiled.then((module) => init({ module_or_path: (appModule = module) })).catch((e) => {
  // the first screen says so instead of loading for ever
  const line = document.querySelector("#first-screen .loading");
  if (line) {
    line.setAttribute("role", "alert");
    line.textContent =
      `Không tải được chitieu (${e}). Hãy tải lại trang; nếu vẫn không được, hãy dùng Chrome, Edge, Cốc Cốc hoặc Firefox bản mới. / ` +
      `chitieu could not be loaded (${e}). Reload the page; if it still fails, use a recent Chrome, Edge, Cốc Cốc or Firefox.`;
  }
  throw e;
});
// the size of the app's WebAssembly memory, read by the benchmark
window.chitieuWasmBytes = () => wasm.memory.buffer.byteLength;

const text = (url, init) => fetch(url, init).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))));
// the official unit list, from this origin, the first time a unit is being chosen
window.chitieuUnits = () => text(new URL("./units.tsv", import.meta.url));
// the app as one file, for the footer's download and a plan exported with the app
window.chitieuSelf = () => text(new URL("./chitieu.html", import.meta.url), { cache: "no-cache" });

// the office module (Excel, Word), imported on first use: fn(options, done)
let office;
const officeStyles = () => {
  if (document.querySelector("[data-office]")) return;
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href: new URL("./office.css", import.meta.url) });
  link.dataset.office = "";
  document.head.append(link);
};
window.chitieuOffice = (fn, o, done) => {
  const d = document.body.dataset;
  d.officeLoading = "";
  officeStyles();
  (office ??= import("./office.js").then((m) => m.default({ module_or_path: new URL("./office_bg.wasm", import.meta.url) }).then(() => m)))
    .then((m) => m[fn](o, done))
    .catch((e) => alert(o.failed.replace("{}", e)))
    .finally(() => delete d.officeLoading);
};

// many plan files read and summed in a worker with this same WebAssembly (assets/sum.js):
// progress(read, total) as it goes, then done(json) or done(null, why), or
// done(null, null) when the worker could not start at all (a host's policy, an
// older browser: the app then reads the files itself); returns a function that stops it.
window.chitieuSum = (files, progress, done) => {
  let worker;
  try {
    worker = new Worker(new URL("./sum.js", import.meta.url), { type: "module" });
  } catch {
    queueMicrotask(() => done(null, null));
    return () => {};
  }
  let heard = false;
  let stopped = false;
  const stop = () => {
    stopped = true;
    worker.terminate();
  };
  worker.onmessage = ({ data }) => {
    heard = true;
    if (data.done !== undefined) { stop(); done(data.done); }
    else if (data.failed !== undefined) { stop(); done(null, data.failed); }
    else progress(data.read, data.total);
  };
  worker.onerror = (e) => { stop(); done(null, heard ? e.message || "worker" : null); };
  const list = [...files];
  worker.postMessage({
    glue: new URL("./chitieu.js", import.meta.url).href,
    wasm: appModule,
    limit: 512 * 1024 * 1024, // a larger file is refused unread (file::bundle::MAX_BYTES)
    total: list.length,
  });
  // Handing on a file chosen from disk makes the browser look it up first, on
  // the page's thread (0.15 to 0.4 ms a file: half a second or more for 3,321
  // files): a hundred at a time, letting the page answer the planner in
  // between, while the worker reads and checks the first ones.
  let from = 0;
  const pause = new MessageChannel();
  const hand = () => {
    if (stopped || from >= list.length) return pause.port1.close();
    worker.postMessage({ from, files: list.slice(from, from + 100) });
    from += 100;
    pause.port2.postMessage(null);
  };
  pause.port1.onmessage = hand;
  hand();
  return stop;
};
// Offline and installable: the service worker keeps the app's files. A new
// version found on a later visit waits; the app offers to reload onto it.
if ("serviceWorker" in navigator) {
  const sw = navigator.serviceWorker;
  const updateReady = () => {
    window.chitieuUpdateReady = true;
    window.dispatchEvent(new Event("chitieu-update"));
  };
  const watch = (worker) =>
    worker?.addEventListener("statechange", () => worker.state === "installed" && sw.controller && updateReady());
  sw.register("./sw.js").then(
    (reg) => {
      if (!reg) return; // a browser told to run without service workers
      if (reg.waiting && sw.controller) updateReady();
      watch(reg.installing);
      reg.addEventListener("updatefound", () => watch(reg.installing));
    },
    () => {},
  );
  window.chitieuApplyUpdate = () =>
    sw.getRegistration().then((reg) => {
      if (!reg?.waiting) return location.reload();
      sw.addEventListener("controllerchange", () => location.reload());
      reg.waiting.postMessage("skip-waiting");
    });
}
