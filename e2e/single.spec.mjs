// chitieu in one file (dist/chitieu.html), opened from the file system as a
// commune office opens what came by e-mail or on a USB stick: a plan built,
// found again after a reload, exported; the unit list and the office module
// from inside the file; the file passing itself on; a plan exported with the
// app opening straight onto it and asking to be kept. Nothing is requested
// from anywhere but the file itself.
import { test as base, expect } from "@playwright/test";
import { expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { readZip } from "./zip.mjs";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const SINGLE = resolve("dist/chitieu.html");

/** A copy of a file in a folder of its own, as a planner saves an attachment; its file: URL. */
function saved(path, name) {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-file-"));
  copyFileSync(path, join(dir, name));
  return pathToFileURL(join(dir, name)).href;
}

/**
 * Fails the test on a console error, an uncaught exception, or any request
 * but the file itself (data: and blob: URLs are the page's own).
 */
function watch(page, problems) {
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("file:") && !url.startsWith("blob:") && !url.startsWith("data:")) problems.push(`request: ${url}`);
  });
  page.on("requestfinished", (r) => {
    // the file itself is the one file: URL it may ask for
    if (r.url().startsWith("file:") && !r.isNavigationRequest()) problems.push(`file request: ${r.url()}`);
  });
}

const test = base.extend({
  problems: async ({ page }, use) => {
    const problems = [];
    watch(page, problems);
    await use(problems);
    expect(problems, "console errors, or requests the single file made").toEqual([]);
  },
});

test("its policy allows its one script and its one style by their hashes, and nothing else", () => {
  const html = readFileSync(SINGLE, "utf8");
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/gi)];
  expect(metas, "one policy").toHaveLength(1);
  const csp = metas[0][1];
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
  expect(directives.get("default-src")).toEqual(["'none'"]);
  expect(csp).not.toContain("unsafe-inline");
  expect(directives.has("connect-src"), "no connect-src: nothing is fetched").toBe(false);
  const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

  // scripts: data blocks (which never run) and exactly one that runs, inline
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({
    at: m.index,
    attrs: m[1],
    type: m[1].match(/\btype="([^"]*)"/i)?.[1].trim().toLowerCase() ?? "",
    text: m[2],
  }));
  expect(scripts.filter((s) => /\bsrc=/i.test(s.attrs)), "scripts from a file").toEqual([]);
  const runs = (type) => ["", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"].includes(type);
  const running = scripts.filter((s) => runs(s.type));
  expect(running.map((s) => s.attrs), "scripts that run").toHaveLength(1);
  expect(directives.get("script-src")).toContain(hash(running[0].text));
  // a policy in a <meta> holds only for what comes after it
  expect(metas[0].index).toBeLessThan(Math.min(...scripts.map((s) => s.at)));

  // the one style: under this policy a hash is the only way it applies
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)];
  expect(styles, "one <style>").toHaveLength(1);
  expect(directives.get("style-src")).toContain(hash(styles[0][1]));
  expect(metas[0].index).toBeLessThan(styles[0].index);
});

async function download(page, click) {
  const d = page.waitForEvent("download");
  await click();
  const got = await d;
  return { name: got.suggestedFilename(), path: await got.path() };
}

test("opened from the file system: a plan is built, found again after a reload, and exported", async ({ page, problems }) => {
  const editor = new Editor(page);
  await page.goto(saved(SINGLE, "chitieu.html"));
  await editor.startSample();
  await editor.type("VB-02", "target", "85");
  await editor.waitSaved();
  // kept in this browser: after a reload, and from the start screen
  await page.reload();
  await expect(editor.cell("VB-02", "target")).toHaveValue("85");
  await editor.backToPlans();
  await expect(page.locator(".plan-list")).toContainText("Mộc Châu");
  await page.locator(".plan-entry .plan-open").first().click();
  await expect(editor.cell("VB-02", "target")).toHaveValue("85");

  // exported as when hosted
  const { name, text } = await editor.exportJson();
  expect(name).toMatch(/\.chitieu\.json$/);
  const exported = JSON.parse(text).plan.indicators.find((i) => i.code === "VB-02");
  expect(JSON.stringify(exported)).toContain("85");

  // the unit list comes out of the file
  await page.locator(".plan-header > summary").click();
  await page.getByRole("button", { name: "Chọn từ danh sách đơn vị…" }).click();
  await page.getByLabel("Tìm xã, phường, đặc khu hoặc tỉnh (gõ không dấu cũng được)").fill("muong chanh");
  await page.getByRole("button", { name: /Xã Mường Chanh, Tỉnh Sơn La/ }).click();
  await expect(page.locator(".unit-field .unit-code")).toHaveText("Mã đơn vị hành chính: 04117");

  // and so does the office module: its export dialog, styled by the file's own stylesheet
  await editor.more("Excel, Word, CSV…");
  const dialog = page.getByRole("dialog", { name: "Xuất ra Excel, Word, CSV" });
  await expect(dialog).toBeVisible();
  const xlsx = await download(page, () => dialog.getByRole("button", { name: "Bảng chỉ tiêu Excel (.xlsx)" }).click());
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe("PK");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("the footer hands the file on as it is, and a plan exported with the app opens onto it and asks to be kept", async ({ page, browser, problems }) => {
  const editor = new Editor(page);
  await page.goto(saved(SINGLE, "chitieu.html"));
  await expectAccessible(page, "the single file's start screen");
  // the footer's download is this very file, byte for byte
  const self = await download(page, () => page.getByRole("button", { name: "Tải chitieu về máy (một tệp)" }).click());
  expect(self.name).toBe("chitieu.html");
  expect(readFileSync(self.path).equals(readFileSync(SINGLE))).toBe(true);

  // a plan whose title would end a script element if it were not escaped
  await editor.startSample();
  await page.locator(".plan-header > summary").click();
  const title = page.getByLabel("Tên kế hoạch");
  await title.fill("Kế hoạch </script><script>alert(1)</script> 2026");
  await title.press("Tab");
  await editor.type("VB-02", "target", "85");
  await editor.waitSaved();
  const withApp = await download(page, () => editor.more("Xuất kèm ứng dụng (một tệp .html)"));
  expect(withApp.name).toMatch(/\.chitieu\.html$/);
  const html = readFileSync(withApp.path, "utf8");
  expect(html).not.toContain("<script>alert(1)");
  expect(html.match(/id="chitieu-plan"/g)).toHaveLength(1);

  // another computer: opened by double-click, straight onto the plan, asked whether to keep it
  const other = await browser.newContext();
  const there = await other.newPage();
  watch(there, problems);
  const url = saved(withApp.path, withApp.name);
  await there.goto(url);
  const ask = there.getByRole("dialog", { name: "Lưu kế hoạch này vào trình duyệt?" });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText("Kế hoạch </script><script>alert(1)</script> 2026");
  await expect(ask.getByRole("button", { name: "Lưu vào trình duyệt" })).toBeFocused();
  await expectAccessible(there, "the question whether to keep a carried plan");
  const thereEditor = new Editor(there);
  await expect(thereEditor.cell("VB-02", "target")).toHaveValue("85");
  await ask.getByRole("button", { name: "Lưu vào trình duyệt" }).click();
  await expect(ask).toHaveCount(0);
  await thereEditor.waitSaved();
  // opened again later: the kept plan, no question
  await thereEditor.type("VB-02", "target", "90");
  await thereEditor.waitSaved();
  const again = await other.newPage();
  watch(again, problems);
  await again.goto(url);
  await expect(new Editor(again).cell("VB-02", "target")).toHaveValue("90");
  await expect(again.getByRole("dialog")).toHaveCount(0);
  await other.close();

  // a third computer only looks: nothing is stored, and the page says so
  const third = await browser.newContext();
  const look = await third.newPage();
  watch(look, problems);
  await look.goto(url);
  await look.getByRole("dialog").getByRole("button", { name: "Chỉ xem lần này" }).click();
  await expect(look.locator("[data-notice=not-kept]")).toBeVisible();
  await expect(look.locator(".save-state")).toHaveAttribute("data-state", "not-kept");
  await expectAccessible(look, "a carried plan not kept");
  await new Editor(look).backToPlans();
  await expect(look.locator(".plan-list")).toHaveCount(0);
  await third.close();
});

// commune k of the province: 2 of 10 dossiers online, k online services
const commune = (k) => ({
  name: `xa-${k}.chitieu.json`, mimeType: "application/json",
  buffer: Buffer.from(JSON.stringify({
    format: "chitieu-plan", version: 4, app_version: "test", exported: "2026-12-31T00:00:00Z",
    plan: {
      id: `xa-${k}`, title: `Kế hoạch xã ${k}`, unit: { name: `UBND xã ${k}`, level: "commune" },
      parent_unit: { name: "UBND tỉnh Sơn La", level: "province" }, period: { start: 2026, end: 2026 },
      indicators: [{ id: "dv", code: "DVC-01", name: { vi: "Dịch vụ công trực tuyến toàn trình" }, kind: { type: "count" },
        unit_label: "dịch vụ", actuals: [{ period: "2026", figure: k }] }],
    },
  })),
});

test("opened from the file system, files are rolled up on the page; a roll-up stopped and chosen again takes only the second files", async ({ page, problems }) => {
  await page.goto(saved(SINGLE, "chitieu.html"));
  await expect(page.locator("#empty-title")).toBeVisible();
  // files are read slowly here: each file's text waits until the test lets that roll-up's files through
  await page.evaluate(() => {
    const text = File.prototype.text;
    const waiting = {};
    const open = new Set();
    File.prototype.text = function () {
      const run = this.name.split("-")[0];
      if (open.has(run)) return text.call(this);
      return new Promise((resolve) => (waiting[run] ??= []).push(() => resolve(text.call(this))));
    };
    window.__release = (run) => {
      open.add(run);
      (waiting[run] ?? []).forEach((go) => go());
    };
  });
  const input = page.locator("input[name=rollup-files]");
  await input.setInputFiles([1, 2, 3].map((k) => ({ ...commune(k), name: `first-${k}.chitieu.json` })));
  // the page tells how far it got, as the workers do when hosted
  await expect(page.locator(".summing-count")).toHaveText("Đã đọc 0/3 tệp");
  await page.getByRole("button", { name: "Dừng tổng hợp" }).click();
  await expect(page.locator("#empty-title")).toBeVisible();
  await input.setInputFiles([10, 20].map((k) => ({ ...commune(k), name: `second-${k}.chitieu.json` })));
  await expect(page.getByRole("button", { name: "Dừng tổng hợp" })).toBeVisible();
  // the stopped roll-up finishes reading while the second one still reads: its total is not taken
  await page.evaluate(() => window.__release("first"));
  await page.waitForTimeout(300);
  await expect(page.getByRole("button", { name: "Dừng tổng hợp" })).toBeVisible();
  await expect(page.locator(".plan-title")).toHaveCount(0);
  await page.evaluate(() => window.__release("second"));
  await expect(page.locator(".plan-title")).toHaveText("Tổng hợp 2 kế hoạch");
  await expect(page.locator("tr[data-code='DVC-01'] input[data-col=actual]")).toHaveValue("30");
});

test("opened from the file system, a district's work between levels runs as when hosted: report, hand-down, comparison, collection, backup", async ({ page, browser, problems }) => {
  test.setTimeout(90_000);
  const editor = new Editor(page);
  const url = saved(SINGLE, "chitieu.html");
  await page.goto(url);
  await editor.startSample();
  await editor.type("VB-02", "actual", "85");
  // the results report
  await page.getByRole("button", { name: "Báo cáo kết quả" }).click();
  await expect(page.locator("section.report .report-summary strong")).toContainText("Năm 2021: đạt");
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  // two communes typed in (no unit list needed), then the targets handed down in one archive
  await page.locator(".plan-header > summary").click();
  await page.locator(".sub-units > summary").click();
  for (const name of ["UBND xã Chiềng Sơn", "UBND xã Tân Lập"]) {
    await page.locator("input[name=sub-unit-name]").fill(name);
    await page.locator("input[name=sub-unit-name]").press("Enter");
  }
  await expect(page.locator(".sub-units > summary")).toHaveText("Đơn vị trực thuộc: 2");
  await editor.more("Giao chỉ tiêu cho đơn vị trực thuộc");
  const zip = page.waitForEvent("download");
  await page.getByRole("dialog").getByRole("button", { name: "Tải tệp nén (2 tệp)" }).click();
  const files = readZip(readFileSync(await (await zip).path()));
  expect(files.map((f) => JSON.parse(f.text).plan.unit.name)).toEqual(["UBND xã Chiềng Sơn", "UBND xã Tân Lập"]);
  // a commune's file compared with the district's plan
  const commune = JSON.parse(files[0].text);
  await editor.more("So sánh kế hoạch");
  await page.locator("input[name=compare-files]").setInputFiles({ name: files[0].name, mimeType: "application/json", buffer: Buffer.from(files[0].text) });
  await expect(page.locator("section.compare")).toContainText("UBND xã Chiềng Sơn");
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  // and collected back with its figure written in
  const vb02 = commune.plan.indicators.find((i) => i.code === "VB-02");
  vb02.actuals = [{ period: "2021", figure: 90 }];
  await editor.more("Tổng hợp kết quả từ đơn vị");
  await page.locator("input[name=collect-files]").setInputFiles({ name: files[0].name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(commune)) });
  await expect(page.locator(".collect-count")).toHaveText("Đã nhận tệp của 1/2 đơn vị.");
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  await editor.waitSaved();

  // every plan backed up, and restored in another browser that has none
  await editor.backToPlans();
  const backup = page.waitForEvent("download");
  await page.locator("[data-action=backup]").click();
  const text = readFileSync(await (await backup).path(), "utf8");
  expect(JSON.parse(text).format).toBe("chitieu-backup");
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  watch(other, problems);
  await other.goto(saved(SINGLE, "chitieu.html"));
  await other.locator("input[name=backup-file]").setInputFiles({ name: "sao-luu.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(other.locator("[data-notice=restored]")).toContainText("Đã khôi phục 1 kế hoạch");
  await other.locator(".plan-entry .plan-open").first().click();
  await expect(new Editor(other).cell("VB-02", "actual")).toHaveValue("85");
  await new Editor(other).more("Tổng hợp kết quả từ đơn vị");
  await expect(other.locator(".collect-count")).toHaveText("Đã nhận tệp của 1/2 đơn vị.");
  await elsewhere.close();
});
