import { test, expect } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";

/** Starts from a template; a yearly one for the year given. */
async function startTemplate(page, name, year) {
  await page.goto("/");
  if (year) await page.locator("select[name=template-year]").selectOption(String(year));
  await page.getByRole("button", { name }).click();
  await page.locator("table.indicator-table").waitFor();
}

test("from the 2026 commune template, work files are proposed at 100% under 2629/QĐ-TTg, and online payment is found without diacritics", async ({ page }) => {
  const editor = new Editor(page);
  await startTemplate(page, "Kế hoạch năm 2026 của xã, phường", 2026);
  // the template compares with the national references from the start
  await expect(page.locator("select[name=parent]")).toHaveValue("national");
  await expect(editor.cell("VB-03", "target")).toHaveValue("100");
  const national = editor.row("VB-03").locator(".parent-target");
  await expect(national).toHaveText("Quốc gia: ≥ 100% (đến 2027) · 2629/QĐ-TTg");
  await expect(national).toHaveAttribute("title", /Quyết định 2629\/QĐ-TTg ngày 01\/12\/2025 — Phụ lục, chỉ tiêu giai đoạn 2025–2027.*còn hiệu lực$/);
  // a replaced document's 2025 target is no default for 2026
  await expect(editor.cell("HS-02", "target")).toHaveValue("");
  await expect(editor.row("HS-02").locator(".parent-target")).toHaveCount(0);

  // where the default came from, and the older references for what they were
  await editor.row("VB-03").locator(".name-button").click();
  const detail = page.locator("aside.detail");
  await expect(detail.getByLabel("Căn cứ")).toHaveValue(/^2026: ≥ 100% theo Quyết định 2629\/QĐ-TTg ngày 01\/12\/2025, Phụ lục/);
  const old749 = detail.locator('.references li[data-document="749/QĐ-TTg"]');
  await expect(old749).toHaveCount(1);
  await expect(old749).toContainText("60%, đến năm 2025 (cấp xã)");
  await expect(old749).toContainText("hạn đã qua");
  await expect(detail.locator('.references li[data-document="2629/QĐ-TTg"] .ref-status')).toHaveText("còn hiệu lực");
  await detail.getByRole("button", { name: "Đóng" }).click();

  await page.getByRole("button", { name: "Thêm từ danh mục" }).click();
  const picker = page.getByRole("dialog");
  await picker.getByRole("searchbox").fill("thanh toan truc tuyen");
  const payment = picker.locator(".catalog-entry").first();
  await expect(payment).toHaveAttribute("data-code", "CQS-01");
  await expect(payment.locator(".catalog-name")).toHaveText("Thanh toán trực tuyến phí, lệ phí thủ tục hành chính");
  await expect(payment.locator(".catalog-national")).toHaveText("Mục tiêu quốc gia năm 2026: ≥ 80% — Nghị quyết 71/NQ-CP ngày 01/04/2025, đến năm 2030");
  await expect(payment.locator('.references li[data-document="71/NQ-CP"] .ref-status')).toHaveText("còn hiệu lực");
  await payment.getByRole("button", { name: "Thêm: CQS-01" }).click();
  await expect(payment.getByRole("button", { name: "Thêm: CQS-01" })).toHaveText("✓ Đã có trong kế hoạch");
  await page.keyboard.press("Escape");
  await expect(picker).toHaveCount(0);
  await expect(editor.row("CQS-01").locator(".name-button")).toHaveText("Thanh toán trực tuyến phí, lệ phí thủ tục hành chính");
  await expect(editor.row("CQS-01").locator(".parent-target")).toHaveText("Quốc gia: ≥ 80% (đến 2030) · 71/NQ-CP");
  // the national target the picker showed is its first target
  await expect(editor.cell("CQS-01", "target")).toHaveValue("80");

  // a target weaker than the national one is flagged
  await editor.type("VB-03", "target", "60");
  await page.locator(".warnings > summary").click();
  await expect(page.locator(".warnings")).toContainText("VB-03 Hồ sơ công việc được xử lý trên môi trường mạng: Mục tiêu thấp hơn cấp trên (Năm 2026)");
});

test("the picker shows each reference's status and filters to indicators with a national target for the year", async ({ page }) => {
  await startTemplate(page, "Kế hoạch năm 2026 của xã, phường", 2026);
  await page.getByRole("button", { name: "Thêm từ danh mục" }).click();
  const picker = page.getByRole("dialog");
  const entry = (code) => picker.locator(`.catalog-entry[data-code="${code}"]`);
  await picker.getByRole("searchbox").fill("dich vu cong truc tuyen toan trinh");
  // 942/QĐ-TTg is marked replaced, by 2629/QĐ-TTg
  await expect(entry("DVC-01").locator('.references li[data-document="942/QĐ-TTg"] .ref-status')).toHaveText(
    "đã được thay thế bởi Quyết định 2629/QĐ-TTg ngày 01/12/2025",
  );
  // a press report is marked unconfirmed
  await expect(entry("DVC-07").locator('.references li[data-document="11/QĐ-BCĐCP"] .ref-status')).toHaveText(
    "chưa xác nhận: báo chí đưa tin, chưa đối chiếu được văn bản",
  );

  await picker.getByRole("searchbox").fill("");
  const all = Number((await picker.locator(".catalog-count").textContent()).split(" ")[0]);
  await expect(entry("DD-02")).toHaveCount(1);
  await picker.getByLabel("Chỉ chỉ tiêu có mục tiêu quốc gia cho năm 2026").check();
  // 17/NQ-CP's figure for 2020 is no target for 2026; 71/NQ-CP's for 2030 is
  await expect(entry("DD-02")).toHaveCount(0);
  await expect(entry("CQS-01")).toHaveCount(1);
  const some = Number((await picker.locator(".catalog-count").textContent()).split(" ")[0]);
  expect(some).toBeGreaterThan(10);
  expect(some).toBeLessThan(all);
  for (const item of await picker.locator(".catalog-entry").all()) {
    await expect(item.locator(".catalog-national").first()).toContainText("Mục tiêu quốc gia năm 2026");
  }
});

test("a province sets one indicator for itself and for its communes, each with its level in the table, the detail and the annex", async ({ page }) => {
  const editor = new Editor(page);
  await startTemplate(page, "Kế hoạch năm 2026 của tỉnh", 2026);
  const workFiles = editor.row("VB-03");
  await expect(workFiles).toHaveCount(2);
  await expect(workFiles.nth(0).locator(".level-badge")).toHaveCount(0);
  await expect(workFiles.nth(1).locator(".level-badge")).toHaveText("cấp xã");

  await page.getByRole("button", { name: "Thêm từ danh mục" }).click();
  const picker = page.getByRole("dialog");
  await picker.getByRole("searchbox").fill("ky so ca nhan");
  const signatures = picker.locator('.catalog-entry[data-code="VB-07"]');
  // the province's own is in the template; its communes' can be added once
  await expect(signatures.getByRole("button", { name: "Thêm: VB-07, cấp tỉnh" })).toBeDisabled();
  await signatures.getByRole("button", { name: "Thêm: VB-07, cấp xã" }).click();
  await expect(signatures.getByRole("button", { name: "Thêm: VB-07, cấp xã" })).toBeDisabled();
  await page.keyboard.press("Escape");
  // added at the end of a long plan: the planner looks for it
  await editor.find("VB-07");
  await expect(page.getByRole("status").filter({ hasText: "Tìm thấy" })).toHaveText("Tìm thấy 2 trong 47 chỉ tiêu");
  const communeSignatures = editor.row("VB-07").nth(1);
  await expect(communeSignatures.locator(".level-badge")).toHaveText("cấp xã");
  await expect(communeSignatures.locator(".parent-target")).toHaveText("Quốc gia: ≥ 100% (đến 2027) · 2629/QĐ-TTg");

  await communeSignatures.locator(".name-button").click();
  const detail = page.locator("aside.detail");
  await expect(detail.locator("#detail-title .level-badge")).toHaveText("cấp xã");
  await expect(detail.locator("select[name=applies_to]")).toHaveValue("Commune");
  // renamed, its English name no longer translates it
  await detail.getByLabel("Tên (tiếng Việt)").fill("Hồ sơ công việc cấp xã được ký số cá nhân");
  await expect(detail.getByLabel("Tên (tiếng Anh)")).toHaveValue("");
  await detail.getByRole("button", { name: "Đóng" }).click();

  await page.getByRole("button", { name: "In phụ lục" }).click();
  await expect(page.locator(".annex-table")).toContainText("Hồ sơ công việc cấp xã được ký số cá nhân (cấp xã)");
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();

  await page.getByRole("button", { name: "English" }).click();
  await expect(editor.row("VB-07").nth(1).locator(".name-button")).toHaveText("Hồ sơ công việc cấp xã được ký số cá nhân (not translated)");
  await expect(editor.row("VB-07").nth(0).locator(".name-button")).toHaveText("Work files signed with personal digital signatures");
  await expect(editor.row("VB-07").nth(1).locator(".level-badge")).toHaveText("commune level");
});

test("the 2026–2030 province template follows the references year by year", async ({ page }) => {
  const editor = new Editor(page);
  await startTemplate(page, "Kế hoạch tỉnh giai đoạn 2026–2030");
  await editor.find("cqs");
  await page.locator("select[name=period]").selectOption({ label: "Năm 2026" });
  await expect(editor.cell("CQS-04", "target")).toHaveValue("95");
  await expect(editor.row("CQS-04").locator(".parent-target")).toHaveText("Quốc gia: ≥ 95% · 1565/QĐ-TTg");
  await expect(editor.cell("CQS-10", "target")).toHaveValue("");
  await page.locator("select[name=period]").selectOption({ label: "Năm 2029" });
  await expect(editor.cell("CQS-04", "target")).toHaveValue("99");
  await expect(editor.row("CQS-04").locator(".parent-target")).toHaveText("Quốc gia: ≥ 99% (đến 2030) · 2629/QĐ-TTg");
  await expect(editor.cell("CQS-10", "target")).toHaveValue("100");
});

test("an old level-4 indicator is mapped to full-process services with a note", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Kế hoạch năm của huyện (kế hoạch cũ, năm 2024)" }).click();
  await editor.row("DVC-04").locator(".name-button").click();
  const detail = page.locator("aside.detail");
  await expect(detail.locator(".old-term")).toContainText("tương ứng dịch vụ công trực tuyến toàn trình");
  await detail.getByRole("button", { name: "Chuyển sang DVC-01" }).click();
  await expect(editor.row("DVC-01")).toBeVisible();
  await expect(detail.getByLabel("Ghi chú")).toHaveValue(/Trước đây ghi là DVC-04 \(Dịch vụ công trực tuyến mức độ 4\)/);
});

test("a parent plan from a file is kept beside the plan, checked against, and remembered", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const file = JSON.parse((await editor.exportJson()).text);
  // the province asks for 90% where the district plans 80%
  file.plan.id = "tinh";
  file.plan.title = "Kế hoạch của tỉnh";
  file.plan.indicators.find((i) => i.code === "VB-02").targets[0].figure = 90;
  await page.locator("input[name=parent-file]").setInputFiles({ name: "tinh.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.locator("select[name=parent]")).toHaveValue("tinh");
  await expect(editor.row("VB-02").locator(".parent-target")).toHaveText("Cấp trên: ≥ 90%");
  await page.locator(".warnings > summary").click();
  await expect(page.locator(".warnings")).toContainText("VB-02");
  await expect(page.locator(".warnings")).toContainText("Mục tiêu thấp hơn cấp trên (Năm 2021)");
  await editor.waitSaved();
  await page.reload();
  await expect(page.locator("select[name=parent]")).toHaveValue("tinh");
  await expect(editor.row("VB-02").locator(".parent-target")).toHaveText("Cấp trên: ≥ 90%");
});
