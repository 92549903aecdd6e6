// A province plan of 300 indicators: only the rows near the screen are drawn,
// yet a planner scrolls, moves by keyboard, searches and prints as if all were there.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";

const COUNT = 300;

function largePlan() {
  const indicators = [];
  for (let k = 0; k < COUNT; k++) {
    indicators.push({
      id: `i${k}`,
      code: `BM-${String(k + 1).padStart(3, "0")}`,
      group: `Nhóm ${1 + Math.floor(k / 25)}`,
      name: { vi: `Tỷ lệ hồ sơ trực tuyến toàn trình của cơ quan số ${k + 1}` },
      kind: { type: "percent" },
      baseline: { figure: 40 },
      targets: [{ period: "2026", figure: 80 }],
      actuals: [{ period: "2026", figure: 50 + (k % 40) }],
    });
  }
  return JSON.stringify({
    format: "chitieu-plan", version: 1, app_version: "test", exported: "2026-01-01T00:00:00Z",
    plan: {
      id: "lon", title: "Kế hoạch 300 chỉ tiêu", unit: { name: "UBND tỉnh Sơn La", level: "province" },
      document_number: "", period: { start: 2026, end: 2026 }, author: "", notes: "", created: "", updated: "",
      sub_units: [], indicators,
    },
  });
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/");
  await page.locator("input[name=plan-files]").first().setInputFiles({
    name: "ke-hoach-300.chitieu.json", mimeType: "application/json", buffer: Buffer.from(largePlan()),
  });
  await expect(page.locator("table.indicator-table")).toHaveAttribute("data-rows", String(COUNT));
});

test("a 300-indicator plan draws the rows near the screen and the rest as the planner scrolls", async ({ page }) => {
  const editor = new Editor(page);
  const drawn = () => page.locator("tr.indicator-row").count();
  await expect(editor.row("BM-001")).toBeVisible();
  expect(await drawn()).toBeLessThan(COUNT / 3);
  await expect(editor.row("BM-280")).toHaveCount(0);
  // the page is as long as the whole table: the scroll bar tells the plan's length
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(COUNT * 40);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(editor.row("BM-300")).toBeVisible();
  await expect(editor.status("BM-300")).toHaveText("Chậm tiến độ");
  await expect(editor.row("BM-001")).toHaveCount(0);
  // a screen reader is told the whole table's size and where each drawn row is in it:
  // the header row, 12 group rows and 300 indicator rows
  await expect(page.locator("table.indicator-table")).toHaveAttribute("aria-rowcount", "313");
  await expect(editor.row("BM-300")).toHaveAttribute("aria-rowindex", "313");
  await expectAccessible(page, "the end of a 300-indicator plan");
});

test("the arrow keys walk down a long table past every block of rows", async ({ page }) => {
  const editor = new Editor(page);
  await editor.cell("BM-001", "actual").focus();
  for (let k = 1; k < 60; k++) await page.keyboard.press("ArrowDown");
  await expect(editor.cell("BM-060", "actual")).toBeFocused();
  await page.keyboard.type("81");
  await page.keyboard.press("Enter");
  await expect(editor.status("BM-060")).toHaveText("Đạt");
  await expect(editor.cell("BM-061", "actual")).toBeFocused();
});

test("the table's own search finds a row far down, without diacritics", async ({ page }) => {
  const editor = new Editor(page);
  await editor.find("co quan so 287");
  await expect(page.getByRole("status").filter({ hasText: "Tìm thấy" })).toHaveText("Tìm thấy 1 trong 300 chỉ tiêu");
  await expect(page.locator("tr.indicator-row")).toHaveCount(1);
  // it keeps its number in the whole table
  await expect(editor.row("BM-287").locator(".col-no")).toHaveText("287");
  await editor.find("không có chỉ tiêu này");
  await expect(page.getByRole("status").filter({ hasText: "Không có" })).toHaveText("Không có chỉ tiêu nào khớp với “không có chỉ tiêu này”");
  await editor.find("");
  await expect(editor.row("BM-001")).toBeVisible();
});

test("printing the table lays out every row for the paper", async ({ page }) => {
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator("tr.indicator-row")).toHaveCount(COUNT);
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect.poll(() => page.locator("tr.indicator-row").count()).toBeLessThan(COUNT / 3);
});

test("folding and opening a group from the keyboard keeps the focus on its button", async ({ page }) => {
  const toggle = page.locator(".group-toggle").filter({ hasText: "Nhóm 2" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(toggle).toBeFocused();
});

test("an entry that cannot be read stays with its reason when the planner scrolls far away and back", async ({ page }) => {
  const editor = new Editor(page);
  await editor.cell("BM-002", "actual").fill("9O");
  await editor.cell("BM-002", "actual").press("Tab");
  await expect(editor.cell("BM-002", "actual")).toHaveAttribute("aria-invalid", "true");
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(editor.row("BM-300")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(editor.cell("BM-002", "actual")).toHaveValue("9O");
  await expect(editor.cell("BM-002", "actual")).toHaveAttribute("aria-invalid", "true");
});

test("a block pasted while the table's search has words fills only the rows found", async ({ page, context }) => {
  const editor = new Editor(page);
  // BM-090 to BM-099 are found; BM-100, the next row of the plan, is hidden
  await editor.find("BM-09");
  await expect(page.locator("tr.indicator-row")).toHaveCount(10);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate(() => navigator.clipboard.writeText("71\n72\n"));
  await editor.cell("BM-099", "actual").focus();
  await page.keyboard.press("ControlOrMeta+V");
  await editor.find("BM-099");
  await expect(editor.cell("BM-099", "actual")).toHaveValue("71");
  await editor.find("BM-100");
  await expect(editor.cell("BM-100", "actual")).toHaveValue("69");
});
