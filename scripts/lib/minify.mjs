// Minifies a script of a release build (Trunk's own minifier stops at the
// ES module glue wasm-bindgen writes and leaves it whole). Called by
// pack.mjs before the files get their hashed names.
import { minify } from "terser";

export async function minifyScript(code) {
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return out.code;
}
