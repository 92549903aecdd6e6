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
