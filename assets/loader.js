// Starts the app. A file of its own, not an inline script, so that the
// Content-Security-Policy can forbid every inline script.
import init from "./chitieu.js";

init({ module_or_path: new URL("./chitieu_bg.wasm", import.meta.url) });
