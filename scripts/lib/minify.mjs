// Minifies the scripts and styles of a release build (Trunk's own minifier
// stops at the ES module glue wasm-bindgen writes and leaves it whole).
// Called by pack.mjs before the files get their hashed names.
import { minify } from "terser";

/** A script minified; `module: false` for a classic script, whose top-level names stay. */
export async function minifyScript(code, { module = true } = {}) {
  const out = await minify(code, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return out.code;
}

/**
 * A stylesheet without its comments and spare white space. Conservative: a
 * space before a colon (a descendant's pseudo-class) and any text in quotes
 * are kept as they are.
 */
export function minifyStyle(css) {
  const parts = css.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
  return parts
    .map((part, k) =>
      k % 2
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, "")
            .replace(/\s+/g, " ")
            .replace(/\s*([{};,>])\s*/g, "$1")
            .replace(/:\s+/g, ":")
            .replace(/;}/g, "}"),
    )
    .join("")
    .trim();
}
