// The table the way planners work in a spreadsheet: keys, a block pasted from
// Excel, a selection copied back out.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";

test("a row edited from the keyboard alone, from its first cell to its last", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  // into the table by keyboard: the first figure cell of VB-02
  await editor.cell("VB-02", "baseline").focus();
  await page.keyboard.type("65");
  await page.keyboard.press("ArrowRight");
  await expect(editor.cell("VB-02", "target")).toBeFocused();
  await page.keyboard.type("trên 85");
  await page.keyboard.press("Tab");
  await expect(editor.cell("VB-02", "actual")).toBeFocused();
  await page.keyboard.type("86");
  await page.keyboard.press("Enter");
  await expect(editor.cell("BC-01", "actual")).toBeFocused();
  await expect(editor.cell("VB-02", "baseline")).toHaveValue("65");
  await expect(editor.row("VB-02").locator(".comparator")).toHaveText(">");
  await expect(editor.status("VB-02")).toHaveText("Đạt");
  // Escape puts a cell back; F2 edits in place
  await page.keyboard.type("12");
  await page.keyboard.press("Escape");
  await expect(editor.cell("BC-01", "actual")).toHaveValue("");
  // the cell keeps the focus, and typing goes into it again
  await expect(editor.cell("BC-01", "actual")).toBeFocused();
  await page.keyboard.type("7");
  await page.keyboard.press("Escape");
  await expect(editor.cell("BC-01", "actual")).toHaveValue("");
  await expect(editor.cell("BC-01", "actual")).toBeFocused();
  await editor.cell("VB-02", "actual").focus();
  await page.keyboard.press("F2");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.type(",5");
  await page.keyboard.press("Enter");
  await expect(editor.cell("VB-02", "actual")).toHaveValue("8,56");
  // focus is always visible
  const outline = await editor.cell("BC-01", "actual").evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
  // Shift+Tab goes back across the row
  await editor.cell("VB-02", "actual").focus();
  await page.keyboard.press("Shift+Tab");
  await expect(editor.cell("VB-02", "target")).toBeFocused();
  // a double click edits in place: the arrows move within the text, not to the next cell
  await editor.cell("BC-01", "target").dblclick();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await expect(editor.cell("BC-01", "target")).toBeFocused();
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  await expect(editor.cell("BC-01", "target")).toHaveValue("250");
  await expectAccessible(page, "the table while editing from the keyboard");
});

test("a block copied from a spreadsheet fills the cells as one undo step", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  // targets and actuals of VB-02, BC-01 and HOP-01, as Excel puts three rows of two cells on the clipboard
  await page.evaluate(() => navigator.clipboard.writeText("85\t70\r\n25\t12,5\r\n35\tkhông rõ\r\n"));
  await editor.cell("VB-02", "target").click();
  await page.keyboard.press("Control+V");
  await expect(editor.cell("VB-02", "target")).toHaveValue("85");
  await expect(editor.cell("VB-02", "actual")).toHaveValue("70");
  await expect(editor.cell("BC-01", "actual")).toHaveValue("12,5");
  await expect(editor.cell("HOP-01", "target")).toHaveValue("35");
  // the cell that cannot hold a figure keeps the text, marked
  await expect(editor.cell("HOP-01", "actual")).toHaveValue("không rõ");
  await expect(editor.row("HOP-01").locator(".cell-error")).toHaveText("Không phải là số");
  await page.keyboard.press("Control+z");
  await expect(editor.cell("VB-02", "target")).toHaveValue("80");
  await expect(editor.cell("BC-01", "actual")).toHaveValue("");
  // a selection copies back out as cells
  await editor.cell("VB-01", "baseline").click();
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Control+C");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe("95,01%\t97%\r\n62%\t80%\r\n");
});

test("the focus is never lost: undo in a cell, the detail panel and the catalog give it back", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  // Ctrl+Z in a cell puts the figure back and the cell keeps the focus
  await editor.cell("VB-02", "target").focus();
  await page.keyboard.type("90");
  await page.keyboard.press("Tab");
  await editor.cell("VB-02", "target").focus();
  await page.keyboard.press("Control+z");
  await expect(editor.cell("VB-02", "target")).toHaveValue("80");
  await expect(editor.cell("VB-02", "target")).toBeFocused();
  // the detail panel opened from the keyboard takes the focus; Escape gives it back to the name
  const name = editor.row("VB-02").locator(".name-button");
  await name.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#detail-title")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator("aside.detail")).toHaveCount(0);
  await expect(name).toBeFocused();
  // the catalog closed with Escape gives it back to its button
  await page.getByRole("button", { name: "Thêm từ danh mục" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Thêm từ danh mục" })).toBeFocused();
});
