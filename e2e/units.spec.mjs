// Units from the official list: a commune picked by a planner typing without
// diacritics, a province taking its communes as sub-units in one step, and an
// agency typing in sub-units the list does not hold.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { readZip } from "./zip.mjs";
import { readFileSync } from "node:fs";

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

test("an agency types in sub-units the list does not hold, removes one, and hands its targets down to the rest", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  await page.getByLabel("Tên kế hoạch").fill("Kế hoạch chuyển đổi số Sở Khoa học và Công nghệ");
  await page.getByLabel("Đơn vị", { exact: true }).fill("Sở Khoa học và Công nghệ");
  await page.locator("select[name=level]").selectOption("Agency");
  await page.locator(".sub-units > summary").click();
  const typed = page.locator(".sub-unit-typed");
  const name = typed.getByLabel("Tên đơn vị trực thuộc");
  const level = typed.getByLabel("Cấp của đơn vị trực thuộc");
  // an agency's sections are offered at the level below it
  await expect(level).toHaveValue("Other");
  // typed and added with Enter, as with the keyboard alone
  await name.fill("Trung tâm Công nghệ thông tin");
  await name.press("Enter");
  await expect(name).toHaveValue("");
  await name.fill("Phòng Kế hoạch - Tài chính");
  await typed.getByRole("button", { name: "Thêm đơn vị này" }).click();
  await name.fill("Văn phòng Sở");
  await name.press("Enter");
  await expect(page.locator(".sub-units > summary")).toHaveText("Đơn vị trực thuộc: 3");
  await expect(page.locator(".sub-unit-list li").first()).toHaveText(/Trung tâm Công nghệ thông tin \(cấp khác\)/);
  // nothing typed, or a unit already there, is said so and not added
  await name.press("Enter");
  await expect(typed.getByRole("alert")).toHaveText("Nhập tên đơn vị trước khi thêm.");
  await name.fill("trung tam cong nghe thong tin");
  await name.press("Enter");
  await expect(typed.getByRole("alert")).toHaveText("Đơn vị này đã có trong danh sách đơn vị trực thuộc.");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".sub-units > summary")).toHaveText("Đơn vị trực thuộc: 3");
  await expectAccessible(page, "the plan header with sub-units typed in");
  // removed as a listed unit is
  await page.getByRole("button", { name: "Xoá: Văn phòng Sở" }).click();
  await expect(page.locator(".sub-units > summary")).toHaveText("Đơn vị trực thuộc: 2");
  await expect(page.locator(".sub-unit-list")).not.toContainText("Văn phòng Sở");
  // an old district's communes are offered at commune level
  await page.locator("select[name=level]").selectOption("District");
  await expect(level).toHaveValue("Commune");
  await page.locator("select[name=level]").selectOption("Agency");
  // the typed units take the plan's targets, each in its own file, with no code
  await editor.addIndicator("percent", "CKS-02", "Lãnh đạo có chữ ký số");
  await editor.type("CKS-02", "target", "100");
  await editor.more("Giao chỉ tiêu cho đơn vị trực thuộc");
  const download = page.waitForEvent("download");
  await page.getByRole("dialog").getByRole("button", { name: "Tải tệp nén (2 tệp)" }).click();
  const files = readZip(readFileSync(await (await download).path()));
  expect(files.map((f) => f.name)).toEqual([
    "trung-tam-cong-nghe-thong-tin.chitieu.json",
    "phong-ke-hoach-tai-chinh.chitieu.json",
  ]);
  expect(JSON.parse(files[0].text).plan.unit).toEqual({ name: "Trung tâm Công nghệ thông tin", level: "other" });
  expect(JSON.parse(files[0].text).plan.parent_unit.name).toBe("Sở Khoa học và Công nghệ");
});
