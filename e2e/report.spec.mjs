// The results report every year's plan starts with: printed in the official
// form, read back from its PDF, and as CSV.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";

test("the results report says what was met, prints in the official form and exports as CSV", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.type("VB-02", "actual", "75");
  await editor.type("TD-01", "actual", "100");
  await editor.type("MC-01", "actual", "15/15");
  // a half-year figure appears as its own column
  await editor.openDetail("VB-01");
  await editor.detail.getByLabel("Thêm kỳ").fill("6 tháng đầu năm 2021");
  await editor.detail.getByRole("button", { name: "Thêm kỳ" }).click();
  await editor.detail.getByLabel("Thực hiện 6 tháng đầu năm 2021").fill("960/1.000");
  await editor.detail.getByRole("button", { name: "Đóng" }).click();

  await page.getByRole("button", { name: "Báo cáo kết quả" }).click();
  const report = page.locator("section.report");
  await expect(report.locator(".annex-title")).toHaveText("BÁO CÁO");
  await expect(report.locator(".report-summary strong")).toHaveText("Năm 2021: đạt 2/14 chỉ tiêu. 1 chỉ tiêu không đạt. 11 chỉ tiêu chưa có số liệu thực hiện.");
  await expect(report.locator(".annex-of")).toContainText("Thực hiện Kế hoạch số 3498/UBND-VHTT ngày 31/12/2020");
  await expect(report.locator("thead")).toContainText("Thực hiện 6 tháng đầu năm 2021");
  await expect(report.locator(".report-chart svg .report-bar")).toHaveCount(14);
  // the chart says what its colours mean, for the statuses it shows
  await expect(report.locator(".report-legend > span")).toHaveText(["Đạt", "Không đạt", "Chưa có số liệu thực hiện"]);
  await page.getByLabel("Số báo cáo").fill("15/BC-UBND");
  await page.getByLabel("Ngày báo cáo (dd/mm/yyyy)").fill("15/01/2022");
  await expectAccessible(page, "the results report");

  const dir = mkdtempSync(join(tmpdir(), "report-"));
  const pdf = join(dir, "report.pdf");
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  for (const words of [
    "BÁO CÁO",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 15/BC-UBND",
    "Mộc Châu, ngày 15 tháng 01 năm 2022",
    "Năm 2021: đạt 2/14 chỉ tiêu.",
    "Không đạt",
    "Chưa có số",
    "960/1.000 (96%)",
  ]) {
    expect(text, words).toContain(words);
  }
  expect(text).toMatch(/Đạt\s/);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Xuất CSV báo cáo" }).click();
  const csv = readFileSync(await (await download).path()).toString("utf8").slice(1).split("\r\n");
  expect(csv[0]).toBe("STT,Mã,Chỉ tiêu,Đơn vị tính,Mục tiêu Năm 2021,Thực hiện 6 tháng đầu năm 2021,Kết quả thực hiện,Tỷ lệ đạt,Đánh giá");
  expect(csv.find((l) => l.includes("VB-02"))).toMatch(/,75%,.*,Không đạt$/);
  expect(csv.find((l) => l.includes("MC-01"))).toMatch(/,Đạt$/);

  // a plan issued as a decision is named so in the report; a chosen type overrides the number's
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  await page.locator(".plan-header > summary").click();
  await page.locator("input[name=document_number]").fill("238/QĐ-UBND");
  await page.locator("input[name=document_number]").press("Tab");
  await page.getByRole("button", { name: "Báo cáo kết quả" }).click();
  await expect(report.locator(".annex-of")).toContainText("Thực hiện Quyết định số 238/QĐ-UBND ngày 31/12/2020");
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  if ((await page.locator(".plan-header[open]").count()) === 0) await page.locator(".plan-header > summary").click();
  await page.locator("select[name=document_type]").selectOption("Resolution");
  await page.getByRole("button", { name: "Báo cáo kết quả" }).click();
  await expect(report.locator(".annex-of")).toContainText("Thực hiện Nghị quyết số 238/QĐ-UBND");
});

test("printed, the annex and the results report never leave a group heading alone at the foot of a page", async ({ page }) => {
  // forty small groups over ten pages or so: headings fall near every page break
  const indicators = [];
  for (let k = 0; k < 120; k++) {
    indicators.push({
      id: `i${k}`, code: `T-${k + 1}`, group: `Nhóm số ${Math.floor(k / 3) + 1}`,
      name: { vi: `Chỉ tiêu thử số ${k + 1}` + (k % 5 === 0 ? ": tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng, trừ hồ sơ mật" : "") },
      kind: { type: "percent" }, targets: [{ period: "2026", figure: 90 }], actuals: k % 2 ? [{ period: "2026", figure: 80 + (k % 20) }] : [],
    });
  }
  const file = { format: "chitieu-plan", version: 4, plan: { id: "in-thu", title: "Kế hoạch thử in", unit: { name: "UBND tỉnh Sơn La", level: "province" }, period: { start: 2026, end: 2026 }, indicators } };
  await page.goto("/");
  await page.locator("input[name=plan-files]").first().setInputFiles({ name: "in-thu.chitieu.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.locator("table.indicator-table").waitFor();
  const pagesOf = async () => {
    const dir = mkdtempSync(join(tmpdir(), "print-"));
    const pdf = join(dir, "print.pdf");
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    return execFileSync("pdftotext", ["-layout", pdf, "-"]).toString().split("\f").filter((p) => p.trim());
  };
  for (const [button, back] of [["In phụ lục", "Quay lại bảng chỉ tiêu"], ["Báo cáo kết quả", "Quay lại bảng chỉ tiêu"]]) {
    await page.getByRole("button", { name: button }).click();
    const pages = await pagesOf();
    expect(pages.length, button).toBeGreaterThan(5);
    for (const [k, text] of pages.entries()) {
      const lines = text.split("\n").filter((l) => l.trim());
      expect(lines.at(-1), `${button}: the foot of page ${k + 1}`).not.toMatch(/Nhóm số \d+/);
    }
    await page.getByRole("button", { name: back }).click();
  }
});
