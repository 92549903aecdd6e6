import { test, expect } from "./fixtures.mjs";
import { Shell } from "./pages/shell.mjs";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

test("opens in Vietnamese with the name, subtitle and a way to start", async ({ page }) => {
  const shell = new Shell(page);
  await shell.open();
  await expect(page).toHaveTitle(/^chitieu · Lập và theo dõi chỉ tiêu/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(shell.name).toHaveText("chitieu");
  await expect(shell.subtitle).toContainText("chuyển đổi số");
  await expect(shell.emptyTitle).toHaveText("Bắt đầu một kế hoạch");
  await expect(page.getByRole("button", { name: "Tạo kế hoạch trống" })).toBeVisible();
  await expect(shell.version).toHaveText(/^Phiên bản \d+\.\d+\.\d+$/);
});

test("switching to English and back survives a reload", async ({ page }) => {
  const shell = new Shell(page);
  await shell.open();
  await shell.switchTo("en");
  await expect(shell.emptyTitle).toHaveText("Start a plan");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(shell.emptyTitle).toHaveText("Start a plan");
  await expect(shell.language("en")).toHaveAttribute("aria-pressed", "true");
  await shell.switchTo("vi");
  await expect(shell.emptyTitle).toHaveText("Bắt đầu một kế hoạch");
  await page.reload();
  await expect(shell.emptyTitle).toHaveText("Bắt đầu một kế hoạch");
});

test("the page asks nothing of any origin but its own, and has a favicon", async ({ page, baseURL, guard }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const shell = new Shell(page);
  await shell.open();
  await page.waitForLoadState("networkidle");
  expect(requests.length).toBeGreaterThan(3);
  for (const url of requests) expect(url.startsWith(baseURL)).toBe(true);
  // file names carry a content hash: the page names its icon
  const icon = await page.request.get(await page.locator("link[rel=icon]").getAttribute("href"));
  expect(icon.status()).toBe(200);
  // the policy forbids inline scripts: a script injected into the page does not run
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.appendChild(s);
    return window.__injected === true;
  });
  expect(ran).toBe(false);
  // the browser reports the refusal; that one expected error is taken off the guard's list
  const refused = (p) => p.includes("Content Security Policy");
  expect(guard.some(refused)).toBe(true);
  guard.splice(0, guard.length, ...guard.filter((p) => !refused(p)));
});

test("every file of the build is named by its content, and the page keeps the policy it was written with", async ({ page }) => {
  // as scripts/lib/pack.mjs names them: name-<the first 16 hex digits of the SHA-256 of the file>.ext
  const dist = resolve("dist");
  const files = readdirSync(dist).filter((n) => !n.startsWith(".") && statSync(join(dist, n)).isFile());
  const named = files.filter((n) => !/\.(gz|br)$/.test(n) && !["index.html", "sw.js", "chitieu.html"].includes(n));
  expect(named.length).toBeGreaterThan(10);
  for (const name of named) {
    const hash = createHash("sha256").update(readFileSync(join(dist, name))).digest("hex").slice(0, 16);
    expect(name, "a content hash in the name").toMatch(/-[0-9a-f]{16}\.[a-z0-9]+$/);
    expect(name.match(/-([0-9a-f]{16})\.[a-z0-9]+$/)?.[1], name).toBe(hash);
  }
  // the compressed copies a host may send instead are of the same bytes
  for (const name of files.filter((n) => /\.(gz|br)$/.test(n))) {
    const copy = readFileSync(join(dist, name));
    const plain = readFileSync(join(dist, name.slice(0, -3)));
    expect((name.endsWith(".gz") ? gunzipSync(copy) : brotliDecompressSync(copy)).equals(plain), name).toBe(true);
  }

  // the policy as written in index.html is the one the hosted page has
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g;
  const written = [...readFileSync(resolve("index.html"), "utf8").matchAll(policy)].map((m) => m[1]);
  expect(written).toHaveLength(1);
  await new Shell(page).open();
  const hosted = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) => metas.map((m) => m.content));
  expect(hosted).toEqual(written);
});
