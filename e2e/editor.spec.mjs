import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { readFileSync } from "node:fs";

test("a planner builds a plan from scratch, types figures the Vietnamese way and finds them after a reload", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  await page.getByLabel("Tên kế hoạch").fill("Kế hoạch chuyển đổi số xã Mường Sang năm 2026");
  await page.getByLabel("Đơn vị", { exact: true }).fill("UBND xã Mường Sang");

  // figures counted to 30 November of the plan's year: the judgments below do not depend on the day the test runs
  const year = new Date().getFullYear();
  await editor.setAsOf(`30/11/${year}`);
  await editor.addIndicator("percent", "CKS-02", "Lãnh đạo xã có chữ ký số");
  await editor.addIndicator("count", "DVC-01", "Dịch vụ công trực tuyến toàn trình");
  await editor.addIndicator("fraction_of_units", "MC-01", "Thôn, bản có điểm truy cập Internet");

  // 17 of 25 leaders today (68%), all of them by the end of the year, 20 so far
  await editor.type("CKS-02", "baseline", "17/25");
  await editor.type("CKS-02", "target", "100");
  await expect(editor.row("CKS-02").locator(".derived").first()).toHaveText("= 68%");
  await expect(editor.gap("CKS-02")).toContainText("32%");
  await expect(editor.gap("CKS-02")).toContainText("thêm 8");
  await editor.type("CKS-02", "actual", "20/25");
  // 80% by 30 November, where the way from 68% to 100% stands above 97%
  await expect(editor.status("CKS-02")).toHaveText("Chậm tiến độ");
  await expect(editor.gap("CKS-02")).toContainText("thêm 5");

  // 1.567 is one thousand five hundred sixty-seven in Vietnamese
  await editor.type("DVC-01", "baseline", "1.200");
  await editor.type("DVC-01", "target", "1.567");
  await editor.type("DVC-01", "actual", "1.600");
  await expect(editor.status("DVC-01")).toHaveText("Đạt");
  await expect(editor.cell("DVC-01", "target")).toHaveValue("1.567");

  await editor.type("MC-01", "baseline", "12/15");
  await editor.type("MC-01", "target", "15/15");
  await expect(editor.gap("MC-01")).toContainText("thêm 3");
  // a baseline is not a result
  await expect(editor.status("MC-01")).toHaveText("Chưa có số liệu thực hiện");

  await expect(editor.tile("met")).toHaveText("1");
  await expect(editor.tile("behind")).toHaveText("1");

  await editor.waitSaved();
  await page.reload();
  await expect(editor.cell("CKS-02", "baseline")).toHaveValue("17/25");
  await expect(editor.cell("DVC-01", "target")).toHaveValue("1.567");
  await expect(editor.cell("MC-01", "target")).toHaveValue("15/15");
  await expect(editor.status("CKS-02")).toHaveText("Chậm tiến độ");
  await expect(page.locator(".plan-title")).toHaveText("Kế hoạch chuyển đổi số xã Mường Sang năm 2026");
  await expectAccessible(page, "the editor with a plan of three indicators");
});

test("a bad number is shown in place and the last valid value stays", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const cell = editor.cell("VB-02", "target");
  await cell.click();
  await cell.press("Control+a");
  await cell.pressSequentially("9O");
  await expect(editor.row("VB-02").locator(".cell-error")).toHaveText("Không phải là số");
  // the plan holds 9, which the baseline of 62 meets: nothing is reached before it is reported
  await expect(editor.gap("VB-02")).toHaveText("Hiện trạng đã đạt mục tiêu");
  await cell.press("Escape");
  await expect(cell).toHaveValue("80");
  await expect(editor.gap("VB-02")).toContainText("18%");
});

test("Ctrl+Z undoes and Ctrl+Shift+Z redoes", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.type("TD-01", "actual", "95");
  // 2021 is long over: 95% of a 100% target is not met
  await expect(editor.status("TD-01")).toHaveText("Không đạt");
  await page.keyboard.press("Control+z");
  await expect(editor.status("TD-01")).toHaveText("Chưa có số liệu thực hiện");
  await expect(editor.cell("TD-01", "actual")).toHaveValue("");
  await page.keyboard.press("Control+Shift+z");
  await expect(editor.cell("TD-01", "actual")).toHaveValue("95");
});

test("unreadable stored data is reported, kept aside, and the app still starts", async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("chitieu.index", "{not json");
    localStorage.setItem("chitieu.plan.broken", '{"format":"chitieu-plan","version":1,"plan":{"id":');
    localStorage.setItem("chitieu.open", "broken");
  });
  await page.goto("/");
  await expect(page.locator("[data-notice=kept-aside]")).toContainText("không đọc được");
  await expect(page.locator("#empty-title")).toHaveText("Bắt đầu một kế hoạch");
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith("chitieu.aside.")).map((k) => localStorage.getItem(k)),
  );
  expect(kept).toContain("{not json");
  expect(kept).toContain('{"format":"chitieu-plan","version":1,"plan":{"id":');
  await page.getByRole("button", { name: "Đã hiểu" }).click();
  await expect(page.locator("[data-notice=kept-aside]")).toHaveCount(0);
});

test("when storage is full the planner is warned and offered the export, and the plan on screen stays", async ({ page }) => {
  // the browser refuses every plan write, as a full quota does
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (this.name === "plans") throw new DOMException("full", "QuotaExceededError");
      return put.call(this, value, key);
    };
  });
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const warning = page.locator("[data-notice=save-failing]");
  await expect(warning).toContainText("Không lưu được");
  await expect(warning).toContainText("Bộ nhớ của trình duyệt đã đầy.");
  await expect(page.locator(".save-state")).toHaveAttribute("data-state", "failing");
  await editor.type("VB-02", "target", "85");
  await expect(editor.cell("VB-02", "target")).toHaveValue("85");
  const download = page.waitForEvent("download");
  await warning.getByRole("button", { name: "Xuất tệp JSON" }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe("ke-hoach-ung-dung-cong-nghe-thong-tin-quan-nha-nuoc-huyen-moc-chau-nam-2021.chitieu.json");
  const file = JSON.parse(readFileSync(await d.path(), "utf8"));
  expect(file.plan.indicators.find((i) => i.code === "VB-02").targets[0].figure).toBe(85);
});

test("my plans: rename, duplicate and delete with confirmation; a rename does not change what a reload opens", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.waitSaved();
  await editor.backToPlans();
  const entries = page.locator(".plan-entry");
  await expect(entries).toHaveCount(1);
  await entries.first().getByRole("button", { name: "Đổi tên" }).click();
  await entries.first().getByLabel("Tên kế hoạch").fill("Mộc Châu 2021");
  await entries.first().getByRole("button", { name: "Lưu" }).click();
  await expect(entries.first().locator(".plan-open")).toHaveText("Mộc Châu 2021");
  // the start screen was on screen: a reload shows it again, not the renamed plan
  await page.reload();
  await expect(page.locator("#empty-title")).toBeVisible();
  await expect(page.locator(".toolbar")).toHaveCount(0);
  await expect(entries.first().locator(".plan-open")).toHaveText("Mộc Châu 2021");
  await entries.first().getByRole("button", { name: "Nhân bản" }).click();
  await expect(entries).toHaveCount(2);
  const copy = entries.filter({ hasText: "Mộc Châu 2021 (bản sao)" });
  await expect(copy).toHaveCount(1);
  await copy.getByRole("button", { name: "Xoá" }).click();
  await expect(copy).toContainText("Xoá hẳn kế hoạch này?");
  await copy.getByRole("button", { name: "Xoá" }).click();
  await expect(entries).toHaveCount(1);
  await page.reload();
  await expect(entries).toHaveCount(1);
  await entries.first().locator(".plan-open").click();
  await expect(editor.row("MC-01")).toBeVisible();
  // the plan on screen is the one a reload brings back
  await page.reload();
  await expect(page.locator(".plan-title")).toHaveText("Mộc Châu 2021");
});
