// The hosted app installable and offline: visited once, it opens and works
// with the network gone (the browser set offline and the host stopped); a
// build with a change is offered on the next visit ("Đã có phiên bản mới —
// tải lại") and taken on reload. Each test runs a server of its own, so that
// it can stop it or swap what it serves.
import { test as base, expect } from "@playwright/test";
import { expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { serve } from "./serve.mjs";
import { pack } from "../scripts/lib/pack.mjs";
import { cpSync, mkdtempSync, readFileSync, appendFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const port = Number(process.env.E2E_PORT || 8471);
const DIST = resolve("dist");

const test = base.extend({
  // these tests need the service worker that the other specs block
  context: async ({ browser }, use) => {
    const context = await browser.newContext({ serviceWorkers: "allow", locale: "vi-VN" });
    await use(context);
    await context.close();
  },
  page: async ({ context }, use) => {
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
    page.on("request", (r) => {
      if (!/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/.test(r.url())) problems.push(`request to another origin: ${r.url()}`);
    });
    await use(page);
    expect(problems, "console errors or requests to another origin").toEqual([]);
  },
});

/** Until the service worker controls the page and holds every file. */
async function installed(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
    }
  });
}

/** Stops a server at once, keep-alive connections and all. */
function stop(server) {
  server.closeAllConnections();
  return new Promise((ok) => server.close(ok));
}

/** The width and height a PNG's header (its IHDR chunk) gives, as a manifest writes sizes: "192x192". */
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString("latin1", 12, 16) !== "IHDR") return "not a PNG";
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/** The plan file a single file carries, read from its data block (src/file/single.rs). */
function carriedPlan(html) {
  // every < of the planner's text is written \u003c: the block ends at the first one
  const blocks = [...html.matchAll(/<script type="application\/json" id="chitieu-plan">([^<]*)<\/script>/g)];
  expect(blocks, "one plan data block").toHaveLength(1);
  return { block: blocks[0][0], file: JSON.parse(blocks[0][1]) };
}

/**
 * The next version: the build's own input (target/dist-input) with `changes`
 * appended to some of its files, packed as the build packs it; its folder.
 */
function nextBuild(changes) {
  const input = resolve("target/dist-input");
  if (!existsSync(input)) {
    // in CI the build always writes it: missing there, the build is broken, not the test to skip
    expect(process.env.CI, "target/dist-input is missing (trunk build --release writes it)").toBeFalsy();
    test.skip(true, "target/dist-input is written by the build (trunk build --release)");
  }
  const work = mkdtempSync(join(tmpdir(), "chitieu-next-"));
  cpSync(input, join(work, "in"), { recursive: true });
  for (const [name, text] of Object.entries(changes)) appendFileSync(join(work, "in", name), text);
  return pack(join(work, "in"), join(work, "next"), { single: false, precompress: false }).then(() => join(work, "next"));
}

const stylesheets = (page) => page.locator("link[rel=stylesheet]").evaluateAll((links) => links.map((l) => l.getAttribute("href")));

test("visited once, the hosted app opens and works offline: plans, the unit list, the office module", async ({ page, context }) => {
  const url = `http://127.0.0.1:${port + 1}/`;
  const server = await serve(DIST, port + 1);
  const editor = new Editor(page);
  try {
    await page.goto(url);
    await editor.startSample();
    await editor.waitSaved();
    await installed(page);
    // installable: the manifest names the app, its icons and how it opens
    const manifest = await page.locator("link[rel=manifest]").getAttribute("href");
    const m = await (await page.request.get(url + manifest)).json();
    expect(m).toMatchObject({
      name: "chitieu · Lập và theo dõi chỉ tiêu chuyển đổi số",
      short_name: "Chỉ tiêu",
      display: "standalone",
      start_url: "./",
      theme_color: "#b3261e",
    });
    expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
    // each icon is there, and is what the manifest says: a PNG of its size, or the scalable favicon
    for (const icon of m.icons) {
      const got = await page.request.get(new URL(icon.src, new URL(manifest, url)).href);
      expect(got.status(), icon.src).toBe(200);
      const bytes = await got.body();
      if (icon.sizes === "any") {
        expect(icon.type, icon.src).toBe("image/svg+xml");
        expect(bytes.toString("utf8"), icon.src).toContain("<svg");
      } else {
        expect(icon.type, icon.src).toBe("image/png");
        expect(pngSize(bytes), icon.src).toBe(icon.sizes);
      }
    }
    // the single file, fetched while online, is kept too
    const d = page.waitForEvent("download");
    await page.getByRole("button", { name: "Tải chitieu về máy (một tệp)" }).click();
    expect(readFileSync(await (await d).path()).equals(readFileSync(join(DIST, "chitieu.html")))).toBe(true);
  } finally {
    await stop(server);
  }
  // the network goes: no host, and the browser offline
  await context.setOffline(true);
  await page.reload();
  await expect(editor.cell("VB-02", "target")).toBeVisible();
  await editor.type("VB-02", "target", "85");
  await editor.waitSaved();
  await page.reload();
  await expect(editor.cell("VB-02", "target")).toHaveValue("85");
  // the unit list and the office module come from the worker's copies
  await page.locator(".plan-header > summary").click();
  await page.getByRole("button", { name: "Chọn từ danh sách đơn vị…" }).click();
  await page.getByLabel("Tìm xã, phường, đặc khu hoặc tỉnh (gõ không dấu cũng được)").fill("muong chanh");
  await page.getByRole("button", { name: /Xã Mường Chanh, Tỉnh Sơn La/ }).click();
  await expect(page.locator(".unit-field .unit-code")).toHaveText("Mã đơn vị hành chính: 04117");
  await editor.more("Excel, Word, CSV…");
  await expect(page.getByRole("dialog", { name: "Xuất ra Excel, Word, CSV" })).toBeVisible();
  await page.keyboard.press("Escape");
  // and a plan still goes out with the app in one file
  const withApp = page.waitForEvent("download");
  await editor.more("Xuất kèm ứng dụng (một tệp .html)");
  const html = readFileSync(await (await withApp).path(), "utf8");
  const { block, file } = carriedPlan(html);
  expect(file.plan.indicators.find((i) => i.code === "VB-02").targets[0].figure).toBe(85);
  // around the plan, the very single file kept while online
  expect(html.replace(block, "") === readFileSync(join(DIST, "chitieu.html"), "utf8"), "the app around the plan is dist/chitieu.html").toBe(true);
});

test("after a build with a change, the next visit offers the new version, and reloading takes it", async ({ page }) => {
  // the next version: the same build with a changed stylesheet
  const nextDir = await nextBuild({ "base.css": "\n/* the next version */\n.site-footer { border-top-width: 2px; }\n" });
  const next = readFileSync(join(nextDir, "index.html"), "utf8");

  let root = DIST;
  const server = await serve(() => root, port + 2);
  try {
    const url = `http://127.0.0.1:${port + 2}/`;
    await page.goto(url);
    await page.locator(".brand-name").waitFor();
    await installed(page);
    const before = await stylesheets(page);
    await expect(page.locator("[data-notice=update]")).toHaveCount(0);

    // the host now has the new build; the planner comes back
    root = nextDir;
    await page.reload();
    // still the version it had, until the planner says so
    expect(await stylesheets(page)).toEqual(before);
    const notice = page.locator("[data-notice=update]");
    await expect(notice).toHaveText("Đã có phiên bản mới — tải lại", { timeout: 20_000 });
    await expect(notice).toHaveAttribute("role", "status");
    await expectAccessible(page, "the update notice");
    await notice.getByRole("button", { name: "tải lại" }).click();
    await expect(page.locator("[data-notice=update]")).toHaveCount(0);
    // the reload may destroy the page under a look: that look counts as "not yet"
    await expect.poll(() => stylesheets(page).catch(() => before), { timeout: 20_000 }).not.toEqual(before);
    const after = await stylesheets(page);
    for (const href of after) expect(next).toContain(`href="${href}"`);
  } finally {
    await stop(server);
  }
});

test("a tab left on the old version, when another tab reloads onto the new one, still gets its old files on first use, offline", async ({ page, context }) => {
  // the next version changes the page's stylesheet, and the office module's, which a tab asks for only when it first exports
  const nextDir = await nextBuild({
    "base.css": "\n/* the next version */\n.site-footer { border-top-width: 2px; }\n",
    "office.css": "\n/* the next version */\n.office-dialog { outline-width: 2px; }\n",
  });
  let root = DIST;
  const server = await serve(() => root, port + 3);
  const url = `http://127.0.0.1:${port + 3}/`;
  // the other tab, open on a plan all along
  const other = await context.newPage();
  const problems = [];
  other.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  other.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  const otherEditor = new Editor(other);
  try {
    await page.goto(url);
    await page.locator(".brand-name").waitFor();
    await installed(page);
    await other.goto(url);
    await otherEditor.startSample();
    await otherEditor.waitSaved();
    const before = await stylesheets(page);

    // the new build is out; this tab reloads onto it
    root = nextDir;
    await page.reload();
    const notice = page.locator("[data-notice=update]");
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await notice.getByRole("button", { name: "tải lại" }).click();
    // the reload may destroy the page under a look: that look counts as "not yet"
    await expect.poll(() => stylesheets(page).catch(() => before), { timeout: 20_000 }).not.toEqual(before);
  } finally {
    await stop(server);
  }
  // the other tab still runs the old version, with no host and no network, and exports for the first time
  await context.setOffline(true);
  await otherEditor.more("Excel, Word, CSV…");
  await expect(other.getByRole("dialog", { name: "Xuất ra Excel, Word, CSV" })).toBeVisible();
  const officeRules = () =>
    other.evaluate(() => {
      const link = document.querySelector("link[data-office]");
      return link?.sheet ? link.sheet.cssRules.length : 0;
    });
  await expect.poll(officeRules, { message: "the old version's office stylesheet, from the worker's copy" }).toBeGreaterThan(0);
  expect(problems, "console errors in the tab left on the old version").toEqual([]);
});
