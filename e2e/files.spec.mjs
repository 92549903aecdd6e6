import { test, expect } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { stored } from "./pages/storage.mjs";
import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";

const schema = JSON.parse(readFileSync(new URL("../docs/plan.schema.json", import.meta.url)));

function importFiles(page, files) {
  return page.locator("input[name=plan-files]").first().setInputFiles(
    files.map(([name, text]) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) })),
  );
}

test("the exported file is valid against the published schema, and invalid files are not", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const { name, text } = await editor.exportJson();
  expect(name).toBe("ke-hoach-ung-dung-cong-nghe-thong-tin-quan-nha-nuoc-huyen-moc-chau-nam-2021.chitieu.json");
  expect(text).toMatch(/^\{\n  "format": "chitieu-plan",\n  "version": 4,\n  "app_version": "\d+\.\d+\.\d+",\n  "exported": "/);
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  const file = JSON.parse(text);
  expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
  const broken = [
    { ...file, format: "other" },
    { ...file, plan: { ...file.plan, unit: { name: "x", level: "huyện" } } },
    { ...file, plan: { ...file.plan, indicators: [{ ...file.plan.indicators[0], baseline: { figure: "nhiều" } }] } },
    { ...file, plan: { ...file.plan, colour: "red" } },
    { ...file, plan: { ...file.plan, indicators: [{ ...file.plan.indicators[0], targets: [{ period: "2021-Q5", figure: 1 }] }] } },
    { ...file, plan: { ...file.plan, period: { start: 1, end: 2000000000 } } },
  ];
  for (const b of broken) expect(validate(b)).toBe(false);
});

test("a plan exported here opens the same in a fresh browser profile", async ({ page, browser, baseURL }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.type("MC-01", "actual", "14/15");
  await editor.type("VB-02", "target", "85,5");
  const { text } = await editor.exportJson();
  const codes = await page.locator("tr.indicator-row").evaluateAll((rows) =>
    rows.map((r) => [r.dataset.code, ...[...r.querySelectorAll("input")].map((i) => i.value), r.querySelector(".status").textContent]),
  );

  const fresh = await browser.newContext({ locale: "vi-VN" });
  const other = await fresh.newPage();
  await other.goto(baseURL);
  await importFiles(other, [["ke-hoach.chitieu.json", text]]);
  await other.locator("table.indicator-table").waitFor();
  const again = await other.locator("tr.indicator-row").evaluateAll((rows) =>
    rows.map((r) => [r.dataset.code, ...[...r.querySelectorAll("input")].map((i) => i.value), r.querySelector(".status").textContent]),
  );
  expect(again).toEqual(codes);
  expect(again.find((r) => r[0] === "VB-02")[2]).toBe("85,5");
  await fresh.close();
});

test("a broken file is explained and the plan on screen and in storage stay as they were", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.type("BC-01", "actual", "12");
  await editor.waitSaved();
  const before = await stored(page);
  expect(Object.keys(before.plans)).toHaveLength(1);
  await importFiles(page, [
    ["hong.json", '{\n  "format": "chitieu-plan",\n  "version": 2,\n  "plan": {\n    "id": "x",,\n'],
    ["khac.json", '{"format":"chitieu-plan","version":2,"plan":{"id":"x","title":"t","unit":{"name":"u","level":"huyện"},"period":{"start":2026,"end":2026}}}'],
    ["moi.json", '{"format":"chitieu-plan","version":7,"plan":{}}'],
  ]);
  const errors = page.locator("[data-notice=import-errors]");
  await expect(errors).toContainText("Tệp «hong.json» không phải JSON hợp lệ: lỗi cú pháp ở dòng 5, cột 15.");
  await expect(errors).toContainText("Tệp «khac.json», tại plan.unit.level:");
  await expect(errors).toContainText("province");
  await expect(errors).toContainText("Tệp «moi.json» được tạo bởi phiên bản chitieu mới hơn");
  await expect(editor.cell("BC-01", "actual")).toHaveValue("12");
  expect(await stored(page)).toEqual(before);
});

test("three files at once, and a plan already here asks before replacing", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const { text } = await editor.exportJson();
  const file = JSON.parse(text);
  const variant = (id, title) => JSON.stringify({ ...file, plan: { ...file.plan, id, title } });
  await importFiles(page, [
    ["a.json", variant("plan-a", "Kế hoạch A")],
    ["b.json", variant("plan-b", "Kế hoạch B")],
    ["c.json", text],
  ]);
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("đã có trong trình duyệt này");
  await dialog.getByRole("button", { name: "Giữ cả hai" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(".plan-title")).toContainText("(bản nhập)");
  await page.getByRole("button", { name: "Danh sách kế hoạch" }).click();
  await expect(page.locator(".plan-entry")).toHaveCount(4);
  await expect(page.locator(".plan-list")).toContainText("Kế hoạch A");
  await expect(page.locator(".plan-list")).toContainText("Kế hoạch B");
});

test("script in a plan's text shows as text and never runs", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const { text } = await editor.exportJson();
  const file = JSON.parse(text);
  file.plan.id = "hostile";
  file.plan.title = "<script>window.__pwned = 1</script>";
  file.plan.indicators[0].name.vi = '<img src="x" onerror="window.__pwned = 2">';
  file.plan.indicators[0].code = "<b>VB</b>";
  await importFiles(page, [["hostile.json", JSON.stringify(file)]]);
  await expect(page.locator(".plan-title")).toHaveText("<script>window.__pwned = 1</script>");
  await expect(page.locator('tr[data-code="<b>VB</b>"] .name-button')).toHaveText('<img src="x" onerror="window.__pwned = 2">');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator(".indicator-table img, .indicator-table b").count()).toBe(0);
});

test("the annex prints to a PDF with the title and the indicators", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await page.getByRole("button", { name: "In phụ lục" }).click();
  await expect(page.locator(".annex-title")).toHaveText("PHỤ LỤC");
  const dir = mkdtempSync(join(tmpdir(), "annex-"));
  const pdf = join(dir, "annex.pdf");
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  expect(text).toContain("PHỤ LỤC");
  expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(text).toContain("Số: 3498/UBND-VHTT");
  expect(text).toContain("Mộc Châu, ngày 31 tháng 12 năm 2020");
  expect(text).toContain("Xã, thị trấn triển khai phần mềm một cửa");
  // a warning the plan accepted prints its reason in the notes
  expect(text).toContain("Duy trì: tiếp tục cung cấp");
  const pages = execFileSync("pdfinfo", [pdf]).toString();
  expect(pages).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/); // A4 landscape
});

test("files dropped anywhere on the page are opened", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const { text } = await editor.exportJson();
  const file = JSON.parse(text);
  file.plan.id = "dropped";
  file.plan.title = "Kế hoạch thả vào";
  await page.getByRole("button", { name: "Danh sách kế hoạch" }).click();
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], "tha.chitieu.json", { type: "application/json" }));
    const target = document.querySelector("#empty-title");
    target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(file));
  await expect(page.locator(".plan-title")).toHaveText("Kế hoạch thả vào");
});

test("a province rolls up its communes' files: counts summed, the rest reported", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const { text } = await editor.exportJson();
  const base = JSON.parse(text);
  const unit = (id, name, online, all, kept) => {
    const f = structuredClone(base);
    f.plan.id = id;
    f.plan.unit = { name, level: "commune" };
    f.plan.indicators = f.plan.indicators.filter((i) => ["VB-01", "DVC-03", "VB-02"].includes(i.code));
    f.plan.indicators[0].baseline.figure = { numerator: online, denominator: all };
    // unit C keeps VB-02 as a count of documents, not a share: a different definition
    if (!kept) f.plan.indicators.find((i) => i.code === "VB-02").kind = { type: "count" };
    return [`${id}.chitieu.json`, JSON.stringify(f)];
  };
  await page.getByRole("button", { name: "Danh sách kế hoạch" }).click();
  await page.locator("input[name=rollup-files]").setInputFiles(
    [unit("xa-a", "UBND xã A", 90, 100, true), unit("xa-b", "UBND xã B", 10, 900, true), unit("xa-c", "UBND xã C", 0, 0, false)].map(
      ([name, t]) => ({ name, mimeType: "application/json", buffer: Buffer.from(t) }),
    ),
  );
  await expect(page.locator(".plan-title")).toHaveText("Tổng hợp 3 kế hoạch");
  // 100 of 1,000 documents: 10%, not the average of 90%, 1.1% and nothing
  await expect(editor.cell("VB-01", "baseline")).toHaveValue("100/1.000");
  await expect(editor.cell("DVC-03", "baseline")).toHaveValue("309");
  const report = page.locator("[data-notice=rollup]");
  await expect(report).toContainText("Tổng hợp 3 kế hoạch. Những số liệu sau không được cộng:");
  await expect(report).toContainText("VB-02");
  await expect(report).toContainText("VB-02 Văn bản điện tử đi có ký số, trao đổi với cơ quan nhà nước trong và ngoài huyện: định nghĩa khác trong kế hoạch «UBND xã C» (Loại chỉ tiêu), không cộng");
});
