// The start-up of chitieu.html, the app in one file (scripts/lib/pack.mjs
// puts this, with wasm-bindgen's glue as functions, into the file's one
// inline script, which its Content-Security-Policy allows by its hash).
// Opened from the file system there is no origin to fetch from, so the
// WebAssembly modules and the unit list come from the file's own data blocks,
// gzipped and base64-encoded, and are unpacked with the browser's
// DecompressionStream; nothing is requested from anywhere.
function chitieuSingleFile(glue) {
  // the file as it was opened, before the app changes anything: the footer's
  // download and a plan exported with the app are made from it
  const original = "<!DOCTYPE html>\n" + document.documentElement.outerHTML;
  const bytes = (id) => {
    const text = atob(document.getElementById(id).textContent);
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  };
  const gunzip = (id) =>
    new Response(new Blob([bytes(id)]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();

  window.chitieuSelf = () => Promise.resolve(original);
  window.chitieuUnits = () => gunzip("chitieu-units").then((b) => new TextDecoder().decode(b));

  // the office module (Excel, Word), started on first use: fn(options, done)
  let office;
  window.chitieuOffice = (fn, o, done) => {
    const d = document.body.dataset;
    d.officeLoading = "";
    (office ??= gunzip("chitieu-office").then((b) => {
      const m = glue.office();
      return m.default({ module_or_path: b }).then(() => m);
    }))
      .then((m) => m[fn](o, done))
      .catch((e) => alert(o.failed.replace("{}", e)))
      .finally(() => delete d.officeLoading);
  };

  const app = glue.app();
  gunzip("chitieu-wasm")
    .then((b) => app.default({ module_or_path: b }))
    .then((wasm) => {
      // the size of the app's WebAssembly memory, read by the benchmark
      window.chitieuWasmBytes = () => wasm.memory.buffer.byteLength;
    });
}
