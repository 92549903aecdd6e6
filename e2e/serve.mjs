// A minimal static server for the release build: `node e2e/serve.mjs DIR PORT`.
// Loopback only, the right types for .wasm and .js. Served as a host should:
// - a file with a content hash in its name (scripts/lib/pack.mjs) may be kept
//   by browsers for good; the page, the service worker and chitieu.html are
//   asked for afresh each time (Cache-Control: no-cache), so a new version is
//   seen on the next visit;
// - the .br or .gz file the build wrote beside a file is sent instead when the
//   browser accepts it (Content-Encoding, Vary: Accept-Encoding).
// Tests import `serve` to run a server of their own whose folder can change.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
};
const HASHED = /-[0-9a-f]{16}\.[a-z0-9]+$/;

/**
 * Serves the folder `root()` (a function, so that a test can swap folders)
 * on 127.0.0.1:`port`; resolves to the server once it listens.
 */
export function serve(root, port) {
  const folder = typeof root === "function" ? root : () => root;
  const server = createServer(async (req, res) => {
    const base = resolve(folder());
    const path = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    const file = normalize(join(base, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    const accepts = String(req.headers["accept-encoding"] ?? "");
    const headers = {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "cache-control": HASHED.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "Accept-Encoding",
    };
    for (const [encoding, ext] of [["br", ".br"], ["gzip", ".gz"], [null, ""]]) {
      if (encoding && !new RegExp(`\\b${encoding}\\b`).test(accepts)) continue;
      try {
        const body = await readFile(file + ext);
        res.writeHead(200, encoding ? { ...headers, "content-encoding": encoding } : headers);
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      } catch {
        // not precompressed (or not there at all): the next way
      }
    }
    res.writeHead(404, { "content-type": "text/plain", "cache-control": "no-cache" }).end("not found");
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? "dist");
  const port = Number(process.argv[3] ?? 8090);
  await serve(root, port);
  console.log(`serving ${root} at http://127.0.0.1:${port}/`);
}
