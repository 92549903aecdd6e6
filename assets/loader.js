// Starts the app. A file of its own, not an inline script, so that the
// Content-Security-Policy can forbid every inline script.
import init from "./chitieu.js";

const wasm = await init({ module_or_path: new URL("./chitieu_bg.wasm", import.meta.url) });
// the size of the app's WebAssembly memory, read by the benchmark
window.chitieuWasmBytes = () => wasm.memory.buffer.byteLength;
