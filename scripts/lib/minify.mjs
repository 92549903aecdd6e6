// Minifies the JavaScript of a release build, once Trunk has staged it
// (Trunk's own minifier stops at the ES module glue wasm-bindgen writes and
// leaves it whole). Run by Trunk as a post-build hook; a debug build is left readable.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir || process.env.TRUNK_PROFILE !== "release") process.exit(0);
for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const path = join(dir, name);
  const code = readFileSync(path, "utf8");
  const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  writeFileSync(path, out.code);
}
