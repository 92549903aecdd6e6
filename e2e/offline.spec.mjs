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
    expect(m).toMatchObject({ short_name: "Chỉ tiêu", display: "standalone", start_url: "./", theme_color: "#b3261e" });
    expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
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
  expect(html).toContain('id="chitieu-plan"');
  expect(html).toContain("85");
});

test("after a build with a change, the next visit offers the new version, and reloading takes it", async ({ page }) => {
  // the next version: the same build with a changed stylesheet, packed as the build packs it
  const input = resolve("target/dist-input");
  test.skip(!existsSync(input), "target/dist-input is written by the build (trunk build --release)");
  const work = mkdtempSync(join(tmpdir(), "chitieu-next-"));
  cpSync(input, join(work, "in"), { recursive: true });
  appendFileSync(join(work, "in", "base.css"), "\n/* the next version */\n.site-footer { border-top-width: 2px; }\n");
  await pack(join(work, "in"), join(work, "next"), { single: false, precompress: false });
  const next = readFileSync(join(work, "next", "index.html"), "utf8");

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
    root = join(work, "next");
    await page.reload();
    // still the version it had, until the planner says so
    expect(await stylesheets(page)).toEqual(before);
    const notice = page.locator("[data-notice=update]");
    await expect(notice).toHaveText("Đã có phiên bản mới — tải lại", { timeout: 20_000 });
    await expect(notice).toHaveAttribute("role", "status");
    await expectAccessible(page, "the update notice");
    await notice.getByRole("button", { name: "tải lại" }).click();
    await expect(page.locator("[data-notice=update]")).toHaveCount(0);
    await expect.poll(() => stylesheets(page), { timeout: 20_000 }).not.toEqual(before);
    const after = await stylesheets(page);
    for (const href of after) expect(next).toContain(`href="${href}"`);
  } finally {
    await stop(server);
  }
});
