// Units from the official list: a commune picked by a planner typing without
// diacritics, a province taking its communes as sub-units in one step.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";

test("a commune is picked from the official list and its code is saved in the plan file", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  await page.getByRole("button", { name: "Chọn từ danh sách đơn vị…" }).click();
  const search = page.getByLabel("Tìm xã, phường, đặc khu hoặc tỉnh (gõ không dấu cũng được)");
  await expect(search).toBeFocused();
  await search.fill("muong chanh");
  await page.getByRole("button", { name: /Xã Mường Chanh, Tỉnh Sơn La/ }).click();
  await expect(page.getByLabel("Đơn vị", { exact: true })).toHaveValue("UBND xã Mường Chanh");
  await expect(page.locator(".unit-field .unit-code")).toHaveText("Mã đơn vị hành chính: 04117");
  await expect(page.locator("select[name=level]")).toHaveValue("Commune");
  const { text } = await editor.exportJson();
  expect(JSON.parse(text).plan.unit).toEqual({ name: "UBND xã Mường Chanh", level: "commune", code: "04117" });
  // a name typed by hand (an agency) keeps no code
  await page.getByLabel("Đơn vị", { exact: true }).fill("Sở Khoa học và Công nghệ");
  await expect(page.locator(".unit-field .unit-code")).toHaveCount(0);
});

test("a province plan takes its 75 communes and wards as sub-units in one step", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  await page.getByRole("button", { name: "Chọn từ danh sách đơn vị…" }).click();
  await page.getByLabel("Tìm xã, phường, đặc khu hoặc tỉnh (gõ không dấu cũng được)").fill("son la");
  await page.getByRole("button", { name: /^Tỉnh Sơn La/ }).click();
  await expect(page.getByLabel("Đơn vị", { exact: true })).toHaveValue("UBND tỉnh Sơn La");
  await page.locator(".sub-units summary").click();
  await page.getByRole("button", { name: "Lấy các xã, phường, đặc khu của tỉnh làm đơn vị trực thuộc" }).click();
  await expect(page.locator(".sub-units summary")).toHaveText("Đơn vị trực thuộc: 75");
  await expect(page.locator(".sub-unit-list li").first()).toContainText("UBND");
  await expectAccessible(page, "the plan header with its sub-units");
});

test("the unit list is walked with the arrow keys, and Enter in the search box takes the first unit found", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  await page.getByRole("button", { name: "Chọn từ danh sách đơn vị…" }).click();
  const search = page.getByLabel("Tìm xã, phường, đặc khu hoặc tỉnh (gõ không dấu cũng được)");
  await search.fill("chanh");
  const choices = page.locator(".unit-choice");
  await expect(choices.first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(choices.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(choices.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(search).toBeFocused();
  await search.fill("muong chanh");
  await expect(choices.first()).toContainText("Xã Mường Chanh, Tỉnh Sơn La");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Đơn vị", { exact: true })).toHaveValue("UBND xã Mường Chanh");
  // the focus is not left at the top of the page
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body)).toBe(true);
});
