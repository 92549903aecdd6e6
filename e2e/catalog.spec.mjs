import { test, expect } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";

test("from the commune template, a planner finds «chữ ký số» typed without diacritics and sees national references", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Kế hoạch năm của xã, phường" }).click();
  await expect(editor.row("DVC-01")).toBeVisible();
  // the template compares with the national references from the start
  await expect(page.locator("select[name=parent]")).toHaveValue("national");
  await expect(editor.cell("DVC-01", "target")).toHaveValue("100");
  await expect(editor.row("DVC-01").locator(".parent-target")).toHaveText("Cấp trên: ≥ 100% (Năm 2025)");
  await expect(editor.row("DVC-01").locator(".parent-target")).toHaveAttribute("title", /Quyết định 942\/QĐ-TTg/);

  await page.getByRole("button", { name: "Thêm từ danh mục" }).click();
  const picker = page.getByRole("dialog");
  await picker.getByRole("searchbox").fill("chu ky so");
  const entries = picker.locator(".catalog-entry");
  await expect(entries.first()).toContainText("chữ ký số");
  // the template holds CKS-03 already: it cannot be added twice
  await expect(picker.getByRole("button", { name: "Thêm: CKS-03" })).toBeDisabled();
  await expect(picker.locator('.catalog-entry[data-code="CKS-01"]')).toContainText("Lãnh đạo cơ quan, đơn vị được cấp và sử dụng chữ ký số");
  await picker.getByRole("button", { name: "Thêm: CKS-01" }).click();
  await expect(picker.getByRole("button", { name: "Thêm: CKS-01" })).toHaveText("✓ Đã có trong kế hoạch");
  // an indicator with a national reference shows it in the catalog too
  await picker.getByRole("searchbox").fill("dinh danh so");
  await expect(picker.locator('.catalog-entry[data-code="DD-01"] .catalog-ref')).toContainText("Quyết định 942/QĐ-TTg");
  await page.keyboard.press("Escape");
  await expect(picker).toHaveCount(0);
  await expect(editor.row("CKS-01").locator(".name-button")).toHaveText("Lãnh đạo cơ quan, đơn vị được cấp và sử dụng chữ ký số");

  // a target weaker than the national one is flagged
  await editor.type("DD-01", "target", "90");
  await page.locator(".warnings > summary").click();
  await expect(page.locator(".warnings")).toContainText("DD-01 Cán bộ, công chức có danh tính số: Mục tiêu thấp hơn cấp trên (Năm 2026)");
});

test("an old level-4 indicator is mapped to full-process services with a note", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Kế hoạch năm của huyện (trước 2025)" }).click();
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
