// Two years of one plan side by side: what last year reached, what this year
// targets, and what changed.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";

test("last year's plan beside this year's: reached, targeted, raised, new and dropped", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const { text } = await editor.exportJson();
  const file = JSON.parse(text);
  // the same district's plan for 2020, as last year's file
  const last = structuredClone(file.plan);
  last.id = "moc-chau-2020";
  last.title = "Kế hoạch ứng dụng CNTT huyện Mộc Châu năm 2020";
  last.period = { start: 2020, end: 2020 };
  for (const ind of last.indicators) {
    ind.targets = ind.targets.map((t) => ({ ...t, period: "2020" }));
    delete ind.baseline;
  }
  const vb02 = last.indicators.find((i) => i.code === "VB-02");
  vb02.targets = [{ period: "2020", figure: 70 }];
  vb02.actuals = [{ period: "2020", figure: 72 }];
  last.indicators = last.indicators.filter((i) => i.code !== "HOP-01");
  last.indicators.push({ id: "old", code: "TH-09", name: { vi: "Trang thông tin điện tử cấp xã" }, kind: { type: "percent" }, targets: [{ period: "2020", figure: 100 }] });

  await new Editor(page).more("So sánh kế hoạch");
  await page.locator("input[name=compare-files]").setInputFiles({
    name: "moc-chau-2020.chitieu.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...file, plan: last })),
  });
  const yoy = page.locator(".year-over-year");
  await expect(yoy.locator("h3")).toHaveText("Năm 2020 đạt được gì, năm 2021 đặt mục tiêu gì");
  const row = (key) => yoy.locator(`tr[data-key="${key}"]`);
  // each target as the plan states it, with its comparator
  await expect(row("VB-02").locator("td").nth(0)).toHaveText("≥ 70%");
  await expect(row("VB-02").locator("td").nth(1)).toContainText("72%");
  await expect(row("VB-02").locator("td").nth(1).locator(".status")).toHaveText("Đạt");
  await expect(row("VB-02").locator("td").nth(2)).toHaveText("≥ 80%");
  await expect(row("VB-02").locator("td").nth(3)).toHaveText("↑ nâng mục tiêu");
  await expect(row("HOP-01").locator("td").nth(3)).toHaveText("+ chỉ tiêu mới");
  await expect(row("TH-09").locator("td").nth(3)).toHaveText("− không còn");
  // side by side: one column group per plan, older first
  const heads = page.locator(".side-by-side .plan-head");
  await expect(heads).toHaveCount(2);
  await expect(heads.nth(0)).toContainText("năm 2020 · Năm 2020");
  await expectAccessible(page, "plans side by side");
  // the old plan is taken out again
  await page.getByRole("button", { name: /Bỏ khỏi so sánh/ }).click();
  await expect(heads).toHaveCount(1);
  await expect(page.locator(".year-over-year")).toHaveCount(0);
  // a plan stored in this browser is set beside it from the list
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  await page.getByRole("button", { name: "Danh sách kế hoạch" }).click();
  await editor.startSample();
  await new Editor(page).more("So sánh kế hoạch");
  await page.locator(".compare-stored").getByRole("button", { name: /Kế hoạch ứng dụng công nghệ thông tin/ }).first().click();
  await expect(heads).toHaveCount(2);
  // a file that is no plan is named with what is wrong, and the comparison stays as it was
  await page.locator("input[name=compare-files]").setInputFiles({ name: "ghi-chu.json", mimeType: "application/json", buffer: Buffer.from('{"title": "không phải kế hoạch"}') });
  await expect(page.locator(".collect-errors")).toContainText("Tệp «ghi-chu.json» không phải tệp kế hoạch chitieu");
  await expect(heads).toHaveCount(2);
});
