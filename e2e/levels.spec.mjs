// Plans between levels: a province hands its targets down to its communes,
// and what they send back is collected.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { provincePlan, handDown, filled } from "./pages/levels.mjs";
import { readZip } from "./zip.mjs";
import { readFileSync } from "node:fs";

test("a province hands its targets down to three communes in one archive", async ({ page }) => {
  const { editor, year } = await provincePlan(page);
  await new Editor(page).more("Giao chỉ tiêu cho đơn vị trực thuộc");
  const dialog = page.getByRole("dialog");
  await expect(dialog.locator("legend").first()).toHaveText("Chỉ tiêu giao (2/2)");
  await expectAccessible(page, "the hand-down dialog");
  const download = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Tải tệp nén (3 tệp)" }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe("ke-hoach-chuyen-doi-so-tinh-son-la-giao-chi-tieu.zip");
  const files = readZip(readFileSync(await d.path()));
  expect(files.map((f) => f.name)).toEqual([
    "04117-ubnd-xa-muong-chanh.chitieu.json",
    "03980-ubnd-phuong-moc-chau.chitieu.json",
    "04105-ubnd-xa-mai-son.chitieu.json",
  ]);
  for (const f of files) {
    const file = JSON.parse(f.text);
    expect(file.plan.parent_unit).toEqual({ name: "UBND tỉnh Sơn La", level: "province", code: "14" });
    expect(file.parent.unit.code).toBe("14");
    expect(file.plan.compare_with).toBe(file.parent.id);
    const [signatures, services] = file.plan.indicators;
    // a share keeps the province's target; a count is the commune's to set
    expect(signatures.targets).toEqual([{ period: String(year), figure: 100 }]);
    expect(services.targets).toEqual([]);
    expect(signatures.baseline).toBeUndefined();
  }
  expect(JSON.parse(files[0].text).plan.unit).toEqual({ name: "UBND xã Mường Chanh", level: "commune", code: "04117" });
  await expect(editor.table).toBeVisible();
});

test("the communes' files are collected back: statuses side by side, the total, who is behind and who sent nothing", async ({ page }) => {
  const { editor, year } = await provincePlan(page);
  await editor.setAsOf(`30/11/${year}`);
  const files = await handDown(page);
  // Mường Chanh reports everything and is on its way; Mộc Châu is behind on signatures; Mai Sơn leaves them empty
  const chanh = filled(files["04117"], year, { "CKS-02": { baseline: { numerator: 4, denominator: 5 }, actual: { numerator: 5, denominator: 5 } }, "DVC-08": { target: 40, actual: 45 } });
  const mocChau = filled(files["03980"], year, { "CKS-02": { baseline: { numerator: 2, denominator: 5 }, actual: { numerator: 3, denominator: 5 } }, "DVC-08": { target: 20, actual: 20 } });
  const maiSon = filled(files["04105"], year, { "DVC-08": { target: 30, actual: 31 } });

  await new Editor(page).more("Tổng hợp kết quả từ đơn vị");
  await page.locator("input[name=collect-files]").setInputFiles([chanh, mocChau]);
  const table = page.locator("table.collection-table");
  await expect(page.locator(".collect-count")).toHaveText("Đã nhận tệp của 2/3 đơn vị.");
  const row = (name) => table.locator("tbody tr", { hasText: name });
  await expect(row("Mường Chanh").locator("td").nth(0).locator(".status")).toHaveText("Đạt");
  await expect(row("Mộc Châu").locator("td").nth(0).locator(".status")).toHaveText("Chậm tiến độ");
  // the total sums the counts: 8 of 10 leaders, never an average of 100% and 60%
  const total = table.locator("tfoot tr");
  await expect(total.locator("td").nth(0)).toContainText("8/10 (80%)");
  await expect(total.locator("td").nth(1).locator(".figure-shown")).toHaveText("65");
  // and says how many units it is of
  await expect(total.locator("td").nth(0).locator(".coverage")).toHaveText("2/3 đơn vị có số liệu");
  // provisional while a unit is missing: a share of those in is judged, a sum of services is not
  await expect(total.locator("td").nth(0).locator(".provisional")).toHaveText("Tạm tính");
  await expect(total.locator("td").nth(0).locator(".status")).toHaveText("Chậm tiến độ");
  await expect(total.locator("td").nth(1).locator(".status")).toHaveText("Chưa đánh giá: còn đơn vị chưa có số liệu");
  await expect(page.locator(".missing-units")).toHaveText("UBND xã Mai Sơn");
  await expect(page.locator(".behind-units")).toHaveText("UBND phường Mộc Châu");
  await expectAccessible(page, "the collection of the units' results");

  // a late file is added; its empty indicator reads as not reported
  await page.locator("input[name=collect-files]").setInputFiles([maiSon]);
  await expect(page.locator(".collect-count")).toHaveText("Đã nhận tệp của 3/3 đơn vị.");
  await expect(row("Mai Sơn").locator("td").nth(0).locator(".status")).toHaveText("Chưa có số liệu thực hiện");
  await expect(page.locator(".missing-units li")).toHaveCount(0);
  await expect(total.locator("td").nth(1).locator(".figure-shown")).toHaveText("96");
  // every unit in, the services' total is whole and judged; the signatures Mai Sơn left blank
  // total the two that have them, still provisional
  await expect(total.locator("td").nth(1).locator(".provisional")).toHaveCount(0);
  await expect(total.locator("td").nth(1).locator(".status")).not.toHaveText(/Chưa đánh giá/);
  await expect(total.locator("td").nth(0)).toContainText("Tạm tính8/10 (80%)");
  // the province takes the whole totals as its plan's actuals; the provisional one stays out
  await page.getByRole("button", { name: "Ghi số tổng hợp vào số thực hiện của kế hoạch" }).click();
  await expect(page.locator("[data-notice=totals-taken]")).toContainText(
    `Đã ghi số tổng hợp của 1 chỉ tiêu vào số thực hiện Năm ${year}. 1 chỉ tiêu còn tạm tính (chưa đủ đơn vị có số liệu) không được ghi.`);
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  await expect(new Editor(page).cell("DVC-08", "actual")).toHaveValue("96");
  await expect(new Editor(page).cell("CKS-02", "actual")).toHaveValue("");
  // and the province's results report is the communes' results
  await page.getByRole("button", { name: "Báo cáo kết quả" }).click();
  const report = page.locator("section.report");
  await expect(report.locator("tbody tr", { hasText: "Dịch vụ công trực tuyến toàn trình" }).locator("td").nth(4)).toHaveText("96");
  await expect(report.locator(".report-summary strong")).toContainText("1 chỉ tiêu chưa có số liệu thực hiện");
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  await page.getByRole("button", { name: "Hoàn tác" }).click();
  await expect(new Editor(page).cell("DVC-08", "actual")).toHaveValue("");
  await new Editor(page).more("Tổng hợp kết quả từ đơn vị");
  // a broken file is named with what is wrong, and the collection stays as it was
  await page.locator("input[name=collect-files]").setInputFiles({ name: "hong.json", mimeType: "application/json", buffer: Buffer.from('{"format": "chitieu-plan",') });
  await expect(page.locator(".collect-errors")).toContainText("Tệp «hong.json» không phải JSON hợp lệ: lỗi cú pháp ở dòng 1");
  await expect(page.locator(".collect-count")).toHaveText("Đã nhận tệp của 3/3 đơn vị.");
  await expect(total.locator("td").nth(1).locator(".figure-shown")).toHaveText("96");

  // sorted by the signatures column, the ones to look at come first
  await table.getByRole("button", { name: "CKS-02" }).click();
  await expect(table.locator("tbody tr").first()).toContainText("Mộc Châu");
  await expect(table.getByRole("columnheader", { name: /CKS-02/ })).toHaveAttribute("aria-sort", "ascending");
  // the collection goes to a CSV as it is on screen: the units in this order, the provisional total said so
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Tải bảng tổng hợp (CSV)" }).click();
  const csv = readFileSync(await (await download).path()).toString("utf8").slice(1).split("\r\n");
  expect(csv[0]).toBe("Đơn vị,CKS-02 — Lãnh đạo xã có chữ ký số,CKS-02 — Lãnh đạo xã có chữ ký số: Trạng thái,DVC-08 — Dịch vụ công trực tuyến toàn trình,DVC-08 — Dịch vụ công trực tuyến toàn trình: Trạng thái");
  expect(csv[1]).toMatch(/^UBND phường Mộc Châu,3\/5 \(60%\),Chậm tiến độ,20,/);
  expect(csv[4]).toMatch(/^Tổng hợp,Tạm tính 8\/10 \(80%\),Chậm tiến độ,96,/);
  expect(csv[5]).toBe(",2/3 đơn vị có số liệu,,3/3 đơn vị có số liệu,");

  // the collection is kept: after a reload it is all there, and a file can be taken out again
  await page.reload();
  await new Editor(page).more("Tổng hợp kết quả từ đơn vị");
  await expect(page.locator(".collect-count")).toHaveText("Đã nhận tệp của 3/3 đơn vị.");
  await row("Mai Sơn").getByRole("button", { name: "Bỏ tệp này khỏi tổng hợp: UBND xã Mai Sơn" }).click();
  await expect(page.locator(".missing-units")).toHaveText("UBND xã Mai Sơn");

  // a unit's plan opens read-only
  await row("Mường Chanh").getByRole("button", { name: "UBND xã Mường Chanh", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("chỉ xem");
  await expect(dialog.locator("input")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  // and the focus goes back to the unit it was opened from
  await expect(row("Mường Chanh").getByRole("button", { name: "UBND xã Mường Chanh", exact: true })).toBeFocused();
});

test("a commune opens the file handed down to it, is checked against the province's plan that came with it, and sends its figures back", async ({ page, browser, baseURL }) => {
  const { year } = await provincePlan(page);
  const files = await handDown(page);
  // the commune's own browser: a fresh profile that has never seen the province's plan
  const context = await browser.newContext({ baseURL, locale: "vi-VN" });
  const commune = await context.newPage();
  await commune.goto("/");
  await commune.locator("input[name=plan-files]").first().setInputFiles({
    name: files["04117"].name,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(files["04117"].file)),
  });
  const editor = new Editor(commune);
  await expect(editor.row("CKS-02")).toBeVisible();
  await expect(commune.locator(".plan-header .plan-meta")).toContainText("UBND xã Mường Chanh");
  // the level above is the province's plan, kept in this browser beside the commune's
  await expect(commune.locator("select[name=parent]")).toHaveValue(files["04117"].file.parent.id);
  await expect(commune.locator("select[name=parent] option:checked")).toHaveText("Kế hoạch chuyển đổi số tỉnh Sơn La");
  await expect(editor.row("CKS-02").locator(".parent-target")).toHaveText("Cấp trên: ≥ 100%");
  // a weaker target than the province's is flagged
  await editor.type("CKS-02", "target", "90");
  await commune.locator(".warnings > summary").click();
  await expect(commune.locator(".warnings")).toContainText(`Mục tiêu thấp hơn cấp trên (Năm ${year})`);
  // the commune writes its figures in and sends its file back
  await editor.type("CKS-02", "target", "100");
  await editor.type("CKS-02", "baseline", "4/5");
  await editor.type("CKS-02", "actual", "5/5");
  await editor.type("DVC-08", "target", "40");
  await editor.type("DVC-08", "actual", "45");
  await editor.waitSaved();
  const sent = await editor.exportJson();
  await context.close();

  // the province collects it: the commune's figures, as typed there
  await new Editor(page).more("Tổng hợp kết quả từ đơn vị");
  await page.locator("input[name=collect-files]").setInputFiles({ name: sent.name, mimeType: "application/json", buffer: Buffer.from(sent.text) });
  await expect(page.locator(".collect-count")).toHaveText("Đã nhận tệp của 1/3 đơn vị.");
  const chanh = page.locator("table.collection-table tbody tr", { hasText: "Mường Chanh" });
  await expect(chanh.locator("td").nth(0).locator(".status")).toHaveText("Đạt");
  await expect(chanh.locator("td").nth(1).locator(".figure-shown")).toHaveText("45");
});

test("the hand-down dialog holds the keyboard, and closed, gives the focus back to the toolbar", async ({ page }) => {
  await provincePlan(page);
  await new Editor(page).more("Giao chỉ tiêu cho đơn vị trực thuộc");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  // Shift+Tab from the first control, and Tab from the last, stay inside
  for (const key of ["Shift+Tab", "Shift+Tab", "Tab", "Tab", "Tab"]) {
    await page.keyboard.press(key);
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  // a click behind it does not take the focus out either
  await page.locator("body").evaluate(() => document.querySelector("table.indicator-table button")?.focus());
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  // the focus is back on a control of the page, never the top of the page
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  await expect(page.getByRole("button", { name: "Thêm thao tác" })).toBeFocused();
});
