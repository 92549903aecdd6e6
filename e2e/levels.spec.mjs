// Plans between levels: a province hands its targets down to its communes,
// and what they send back is collected.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { readZip } from "./zip.mjs";
import { readFileSync } from "node:fs";

/** A province plan of Sơn La with three communes and two indicators, built as a planner does. */
export async function provincePlan(page) {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  await page.getByLabel("Tên kế hoạch").fill("Kế hoạch chuyển đổi số tỉnh Sơn La");
  await page.getByRole("button", { name: "Chọn từ danh sách đơn vị…" }).click();
  await page.getByLabel("Tìm xã, phường, đặc khu hoặc tỉnh (gõ không dấu cũng được)").fill("son la");
  await page.getByRole("button", { name: /^Tỉnh Sơn La/ }).click();
  await page.locator(".sub-units > summary").click();
  for (const name of ["muong chanh", "moc chau", "mai son"]) {
    await page.getByRole("button", { name: "Thêm đơn vị trực thuộc từ danh sách…" }).click();
    const search = page.locator(".sub-units").getByLabel("Tìm xã, phường, đặc khu hoặc tỉnh (gõ không dấu cũng được)");
    await search.fill(name);
    await page.locator(".sub-units .unit-choice").first().click();
  }
  await expect(page.locator(".sub-units > summary")).toHaveText("Đơn vị trực thuộc: 3");
  await page.keyboard.press("Escape");
  await editor.addIndicator("percent", "CKS-02", "Lãnh đạo xã có chữ ký số");
  await editor.addIndicator("count", "DVC-08", "Dịch vụ công trực tuyến toàn trình");
  const year = new Date().getFullYear();
  await editor.type("CKS-02", "target", "100");
  await editor.type("DVC-08", "target", "103");
  return { editor, year };
}

test("a province hands its targets down to three communes in one archive", async ({ page }) => {
  const { editor, year } = await provincePlan(page);
  await page.getByRole("button", { name: "Giao chỉ tiêu cho đơn vị trực thuộc" }).click();
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
