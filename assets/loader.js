// Starts the app. A file of its own, not an inline script, so that the
// Content-Security-Policy can forbid every inline script.
import init from "./chitieu.js";

const wasm = await init({ module_or_path: new URL("./chitieu_bg.wasm", import.meta.url) });
// the size of the app's WebAssembly memory, read by the benchmark
window.chitieuWasmBytes = () => wasm.memory.buffer.byteLength;

// the office module (Excel, Word), imported on first use: fn(options, done)
let office;
window.chitieuOffice = (fn, o, done) => {
  const d = document.body.dataset;
  d.officeLoading = "";
  (office ??= import("./office.js").then((m) => m.default({ module_or_path: new URL("./office_bg.wasm", import.meta.url) }).then(() => m)))
    .then((m) => m[fn](o, done))
    .catch((e) => alert(o.failed.replace("{}", e)))
    .finally(() => delete d.officeLoading);
};

// many plan files summed in a worker with this same WebAssembly (assets/sum.js,
// which reads them with assets/read.js):
// progress(read, total) as it goes, then done(json) or done(null, why); returns a
// function that stops it
window.chitieuSum = (files, progress, done) => {
  const worker = new Worker(new URL("./sum.js", import.meta.url), { type: "module" });
  const stop = () => worker.terminate();
  worker.onmessage = ({ data }) => {
    if (data.done !== undefined) { stop(); done(data.done); }
    else if (data.failed !== undefined) { stop(); done(null, data.failed); }
    else progress(data.read, data.total);
  };
  worker.onerror = (e) => { stop(); done(null, e.message || "worker"); };
  worker.postMessage({
    glue: new URL("./chitieu.js", import.meta.url).href,
    wasm: new URL("./chitieu_bg.wasm", import.meta.url).href,
    reader: new URL("./read.js", import.meta.url).href,
    limit: 512 * 1024 * 1024, // a larger file is refused unread (file::bundle::MAX_BYTES)
    files: [...files],
  });
  return stop;
};
