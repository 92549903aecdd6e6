// The last step of every build (Trunk's post_build hook, see Trunk.toml):
//
//   node scripts/lib/pack.mjs [IN [OUT]]   (default: Trunk's staging folder, in place)
//
// 1. Every file but the page (index.html) and the service worker (sw.js) gets
//    a hash of its content in its name (chitieu_bg-1a2b….wasm), and the page,
//    the loader and the manifest are rewritten to name them: a host never
//    serves a stale mix of two versions, and may let browsers keep the files
//    for good.
// 2. sw.js gets the version and the list of files to keep for offline use.
// 3. chitieu.html: the whole app as one file that runs from the file system
//    with no host (release builds): the WebAssembly modules and the unit list
//    gzipped and base64-encoded in data blocks, the JS glue and the start-up
//    code in its one inline script, the styles in one <style>, the icon as a
//    data: URL; its Content-Security-Policy allows that script and that style
//    by their SHA-256 hashes.
// 4. Release builds: each text or WebAssembly file also as .gz and .br beside
//    it, for hosts that serve precompressed files (e2e/serve.mjs does).
//
// A copy of Trunk's output, with its plain names, is kept in target/dist-input
// so that a test can build another version from it without compiling again.
// Nothing here downloads anything; it needs only Node.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { minifyScript, minifyStyle } from "./minify.mjs";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const STABLE = new Set(["index.html", "sw.js"]);
/** how a hashed name looks: e2e/serve.mjs lets browsers keep these for good */
export const HASHED = /-[0-9a-f]{16}\.[a-z0-9]+$/;
const COMPRESSIBLE = /\.(wasm|js|css|html|tsv|svg|webmanifest|json)$/;

const sha256 = (data) => createHash("sha256").update(data).digest();
const hashedName = (name, data) => {
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}-${sha256(data).toString("hex").slice(0, 16)}${name.slice(dot)}`;
};
const fail = (message) => {
  throw new Error(`pack: ${message}`);
};

/**
 * Packs Trunk's output in `inDir` into `outDir` (which may be the same folder).
 * `single`: also write chitieu.html; `precompress`: also .gz and .br files.
 */
export async function pack(inDir, outDir, { single = true, precompress = true, minify = precompress, keepInput = null } = {}) {
  const input = new Map();
  for (const name of readdirSync(inDir)) {
    if (name.startsWith(".") || /\.(gz|br)$/.test(name) || name === "chitieu.html") continue;
    const path = join(inDir, name);
    if (statSync(path).isFile()) input.set(name, readFileSync(path));
  }
  for (const need of ["index.html", "loader.js", "chitieu.js", "chitieu_bg.wasm", "sw.js", "manifest.webmanifest"]) {
    if (!input.has(need)) fail(`${need} is missing from ${inDir}`);
  }
  // release builds: every script and style minified before it is named by its content
  // (the service worker, filled in below and tiny, stays as written)
  // the single file turns the glue into a classic script before it is minified
  const plain = new Map(input);
  if (minify) {
    for (const [name, data] of input) {
      if (name.endsWith(".js") && name !== "sw.js") input.set(name, Buffer.from(await minifyScript(data.toString("utf8"))));
      if (name.endsWith(".css")) input.set(name, Buffer.from(minifyStyle(data.toString("utf8"))));
    }
  }
  if (keepInput) {
    rmSync(keepInput, { recursive: true, force: true });
    mkdirSync(keepInput, { recursive: true });
    for (const [name, data] of input) writeFileSync(join(keepInput, name), data);
  }

  const names = new Map(); // plain name -> hashed name
  const out = new Map(); // file name -> content
  const hash = (name, data) => {
    const h = hashedName(name, data);
    names.set(name, h);
    out.set(h, data);
  };
  // files that name no other file
  for (const [name, data] of input) {
    if (!STABLE.has(name) && name !== "loader.js" && name !== "manifest.webmanifest") hash(name, data);
  }
  // the manifest names its icons
  const manifest = JSON.parse(input.get("manifest.webmanifest").toString("utf8"));
  for (const icon of manifest.icons ?? []) {
    icon.src = names.get(icon.src) ?? fail(`the manifest's icon ${icon.src} is not in the build`);
  }
  hash("manifest.webmanifest", Buffer.from(JSON.stringify(manifest, null, 2) + "\n"));
  // the loader names the files it loads as "./name" literals
  let loader = input.get("loader.js").toString("utf8");
  loader = loader.replace(/"\.\/([^"/]+)"/g, (literal, name) => (names.has(name) ? `"./${names.get(name)}"` : literal));
  for (const [, name] of loader.matchAll(/"\.\/([^"/]+)"/g)) {
    if (!out.has(name) && !STABLE.has(name) && name !== "chitieu.html") fail(`loader.js names ./${name}, which the build does not have`);
  }
  hash("loader.js", Buffer.from(loader));
  // the page: every file it names, relative to where it is served from
  let page = input.get("index.html").toString("utf8");
  page = page.replace(/(href|src)="\/?([^":/]+)"/g, (attr, key, name) => (names.has(name) ? `${key}="${names.get(name)}"` : attr));
  // Trunk's integrity attributes, made again from the files as they are
  page = page.replace(/(href|src)="([^"]+)"([^>]*?) integrity="sha(256|384|512)-[^"]*"/g, (tag, key, name, between, bits) =>
    out.has(name) ? `${key}="${name}"${between} integrity="sha${bits}-${createHash(`sha${bits}`).update(out.get(name)).digest("base64")}"` : tag,
  );
  for (const [, name] of page.matchAll(/(?:href|src)="\/?([^":/]+)"/g)) {
    if (!out.has(name)) fail(`index.html names ${name}, which the build does not have`);
  }
  out.set("index.html", Buffer.from(page));
  // the service worker keeps every hashed file and the page; its version changes with any of them
  const files = [...out.keys()].filter((n) => n !== "index.html").sort();
  const version = sha256(page + "\n" + files.join("\n")).toString("hex").slice(0, 16);
  const sw = input
    .get("sw.js")
    .toString("utf8")
    .replace("__CHITIEU_VERSION__", version)
    .replace("__CHITIEU_FILES__", JSON.stringify(files));
  if (sw.includes("__CHITIEU_")) fail("sw.js still has a placeholder");
  out.set("sw.js", Buffer.from(sw));

  if (single) out.set("chitieu.html", Buffer.from(await singleFile(input, plain, page, names, minify)));

  // write: the plain-named input goes (when packing in place), the packed files come
  mkdirSync(outDir, { recursive: true });
  for (const name of readdirSync(outDir)) {
    const path = join(outDir, name);
    if (!name.startsWith(".") && statSync(path).isFile()) rmSync(path);
  }
  for (const [name, data] of out) writeFileSync(join(outDir, name), data);
  if (precompress) await compressAll(outDir, [...out.keys()].filter((n) => COMPRESSIBLE.test(n)));
  return { version, names, files: [...out.keys()] };
}

/** .gz (gzip -9) and .br (brotli 11) beside each file worth compressing. */
async function compressAll(dir, files) {
  const gzip = promisify(zlib.gzip);
  const brotli = promisify(zlib.brotliCompress);
  await Promise.all(
    files.map(async (name) => {
      const data = readFileSync(join(dir, name));
      if (data.length < 1024) return;
      const [gz, br] = await Promise.all([
        gzip(data, { level: 9 }),
        brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      ]);
      writeFileSync(join(dir, `${name}.gz`), gz);
      writeFileSync(join(dir, `${name}.br`), br);
    }),
  );
}

/**
 * wasm-bindgen's glue (`--target web`, an ES module) as the body of a
 * function that returns what the module exports, for the single file's one
 * classic inline script (module scripts and import() do not work from file://).
 */
export function glueAsFunctionBody(js, name) {
  if (/^\s*import\s/m.test(js)) fail(`${name} imports other modules; the single file cannot carry it`);
  const exported = [];
  let body = js.replace(/^export (function|class|const|let) (\w+)/gm, (_, kind, id) => {
    exported.push(id);
    return `${kind} ${id}`;
  });
  const tail = /export\s*\{([^}]*)\};?\s*$/;
  const list = body.match(tail) ?? fail(`${name} does not end with the export list wasm-bindgen writes`);
  const pairs = list[1]
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [local, as] = s.split(/\s+as\s+/);
      return `${as ?? local}: ${local}`;
    });
  body = body.replace(tail, `return { ${[...pairs, ...exported].join(", ")} };\n`);
  // only the default path of the .wasm uses it, and the single file always hands the bytes over
  body = body.replaceAll("import.meta.url", "document.baseURI");
  if (/\bimport\.meta\b|^\s*export\s/m.test(body)) fail(`${name}: a module-only construct is left`);
  return body;
}

const base64gz = (data) => zlib.gzipSync(data, { level: 9 }).toString("base64");
const cspHash = (text) => `'sha256-${sha256(Buffer.from(text, "utf8")).toString("base64")}'`;
/** where a plan exported with the app goes (src/file/single.rs looks for it) */
export const PLAN_MARK = "<!--chitieu-plan-->";

/**
 * chitieu.html. It is written exactly as browsers serialize a document (no
 * text before <head> or after </body>), so that the copy of itself a single
 * file hands out ("<!DOCTYPE html>\n" + its outerHTML when it opened) is the
 * same bytes.
 */
async function singleFile(input, plain, page, names, minify) {
  const need = (n) => input.get(n) ?? fail(`${n} is missing`);
  const glue = (n) => glueAsFunctionBody((plain.get(n) ?? fail(`${n} is missing`)).toString("utf8"), n);
  const byHashed = new Map([...names].map(([plain, hashed]) => [hashed, plain]));
  // the styles, in the page's order, and the office module's
  const sheets = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => byHashed.get(m[1]) ?? fail(`stylesheet ${m[1]}`));
  if (input.has("office.css")) sheets.push("office.css");
  // the <style> element's text, exactly (its hash is of these characters)
  const css = "\n" + sheets.map((n) => `/* ${n} */\n${need(n).toString("utf8").trim()}\n`).join("");
  if (css.includes("</style")) fail("a stylesheet contains </style");
  const office = input.has("office.js");
  let script = [
    '"use strict";',
    readFileSync(join(ROOT, "assets", "single.js"), "utf8").trim(),
    "chitieuSingleFile({",
    `app: function () {\n${glue("chitieu.js")}},`,
    office ? `office: function () {\n${glue("office.js")}},` : "",
    "});",
  ].join("\n");
  if (minify) script = await minifyScript(script, { module: false });
  for (const bad of ["</script", "<!--", "<script"]) if (script.toLowerCase().includes(bad)) fail(`the inline script contains ${bad}`);
  const description = page.match(/<meta name="description" content="([^"]*)">/)?.[1] ?? "";
  const title = page.match(/<title>([^<]*)<\/title>/)?.[1] ?? "chitieu";
  const icon = `data:image/svg+xml;base64,${need("favicon.svg").toString("base64")}`;
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(script)} 'wasm-unsafe-eval'`,
    `style-src ${cspHash(css)}`,
    "img-src data: blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const data = (id, bytes) => `<script type="application/octet-stream" id="${id}">${base64gz(bytes)}</script>\n`;
  return (
    "<!DOCTYPE html>\n" +
    '<html lang="vi"><head>\n' +
    '<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    "<!-- chitieu in one file: open it in a browser; nothing is fetched from anywhere. Only its own script and style, by their hashes. -->\n" +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    `<meta name="description" content="${description}">\n` +
    `<title>${title}</title>\n` +
    `<link rel="icon" type="image/svg+xml" href="${icon}">\n` +
    `<style data-office="">${css}</style>\n` +
    // data in the head: the app takes over the body
    data("chitieu-wasm", need("chitieu_bg.wasm")) +
    (office ? data("chitieu-office", need("office_bg.wasm")) : "") +
    (input.has("units.tsv") ? data("chitieu-units", need("units.tsv")) : "") +
    `${PLAN_MARK}\n` +
    "</head>\n" +
    "<body>\n" +
    "<noscript>chitieu cần JavaScript và WebAssembly. / chitieu needs JavaScript and WebAssembly.</noscript>\n" +
    `<script>${script}</script>` +
    "</body></html>"
  );
}

// as Trunk's hook, or by hand
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const staging = process.env.TRUNK_STAGING_DIR;
  const inDir = process.argv[2] ?? staging ?? fail("give the folder to pack (or run as Trunk's post_build hook)");
  const outDir = process.argv[3] ?? inDir;
  const release = (process.env.TRUNK_PROFILE ?? "release") === "release";
  const started = Date.now();
  const keepInput = staging ? join(ROOT, "target", "dist-input") : null;
  const { version, files } = await pack(inDir, outDir, { single: release, precompress: release, keepInput });
  console.log(`pack: ${files.length} files, version ${version}${release ? ", chitieu.html" : ""} (${((Date.now() - started) / 1000).toFixed(1)} s) in ${basename(resolve(outDir))}`);
}
