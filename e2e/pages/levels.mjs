// Plans between levels as a planner makes them: a province plan with its
// communes, the files it hands down to them, and their files coming back.
import { expect } from "../fixtures.mjs";
import { Editor } from "./editor.mjs";
import { readZip } from "../zip.mjs";
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

/** Hands the plan on screen down and returns the commune files, by commune code. */
export async function handDown(page) {
  await new Editor(page).more("Giao chỉ tiêu cho đơn vị trực thuộc");
  const download = page.waitForEvent("download");
  await page.getByRole("dialog").getByRole("button", { name: /^Tải tệp nén/ }).click();
  const files = readZip(readFileSync(await (await download).path()));
  return Object.fromEntries(files.map((f) => [f.name.slice(0, 5), { name: f.name, file: JSON.parse(f.text) }]));
}

/** A commune's file as it comes back: its figures written in, one indicator at a time. */
export function filled({ name, file }, year, figures) {
  const plan = structuredClone(file.plan);
  for (const [code, { baseline, target, actual }] of Object.entries(figures)) {
    const ind = plan.indicators.find((i) => i.code === code);
    if (baseline !== undefined) ind.baseline = { figure: baseline };
    if (target !== undefined) ind.targets = [{ period: String(year), figure: target }];
    if (actual !== undefined) ind.actuals = [{ period: String(year), figure: actual }];
  }
  return { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...file, plan })) };
}
