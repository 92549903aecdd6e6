// Judgments a planner can trust: what the table and the summary say about a
// draft, a year long over, a share of dossiers with interim targets, and a
// file that claims impossible years.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";

test("a draft plan never reads as on track, and its score says there is nothing to score yet", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  // the sample has baselines and targets, no actual: a draft
  await expect(page.locator(".indicator-row .status")).toHaveCount(14);
  await expect(page.locator(".indicator-row .status.on-track")).toHaveCount(0);
  await expect(page.locator(".indicator-row .status.met")).toHaveCount(0);
  await expect(editor.tile("on-track")).toHaveText("0");
  await expect(editor.tile("no-actual")).toHaveText("14");
  await expect(page.locator(".draft-note")).toContainText("bản dự thảo");
  await expect(page.locator(".tile.score .tile-number")).toHaveText("—");
  await expect(page.locator(".tile.score")).toContainText("Chưa có số liệu thực hiện để tính điểm");
  // the bar is only drawn for an actual
  await expect(page.locator(".indicator-row svg.bar")).toHaveCount(0);
  await expectAccessible(page, "a draft plan");
});

test("a year long over reads 'Không đạt' for a target missed, and the score covers only what has figures", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await expect(page.locator(".as-of-note")).toHaveText("Năm 2021 đã kết thúc: đánh giá theo số liệu cuối kỳ");
  await editor.type("VB-02", "actual", "75");
  await expect(editor.status("VB-02")).toHaveText("Không đạt");
  await expect(editor.gap("VB-02")).toContainText("5%");
  await editor.type("TD-01", "actual", "100");
  await expect(editor.status("TD-01")).toHaveText("Đạt");
  await expect(editor.tile("not-met")).toHaveText("1");
  await expect(editor.tile("met")).toHaveText("1");
  // (75/80 + 1) / 2 = 96.9
  await expect(page.locator(".tile.score .tile-number")).toHaveText("96,9");
  await expect(page.locator(".score-covers")).toHaveText("trên 2/14 chỉ tiêu có số liệu");
  // counted to mid-2021, the same 75% is judged against the way from 62% to 80%
  await editor.setAsOf("30/06/2021");
  await expect(editor.status("VB-02")).toHaveText("Đúng tiến độ");
});

test("a share of dossiers with a quarter and a year target: what the rest of the year must bring", async ({ page }) => {
  const editor = new Editor(page);
  const year = new Date().getFullYear();
  await page.goto("/");
  await editor.startBlank();
  await editor.setAsOf(`05/07/${year}`);
  await editor.addIndicator("ratio", "HS-01", "Hồ sơ thủ tục hành chính nộp trực tuyến");
  await editor.openDetail("HS-01");
  await editor.detail.getByLabel("Tử số").fill("hồ sơ trực tuyến");
  await editor.detail.getByLabel("Mẫu số").fill("hồ sơ");
  // a quarter typed the way planners write it
  await editor.detail.getByLabel("Thêm kỳ").fill(`Quý II/${year}`);
  await editor.detail.getByRole("button", { name: "Thêm kỳ" }).click();
  await editor.detail.getByLabel(`Mục tiêu Quý II/${year}`).fill("20");
  await editor.detail.getByLabel(`Thực hiện Quý II/${year}`).fill("314/1.567");
  await editor.detail.getByLabel(`Mục tiêu Năm ${year}`).fill("tối thiểu 40");
  await editor.detail.getByLabel(`Mục tiêu Năm ${year}`).press("Tab");
  // without a forecast, the year's gap is not counted from the quarter's 1,567 dossiers
  await expect(editor.gap("HS-01")).toContainText("cần số dự kiến còn phát sinh để tính số hồ sơ trực tuyến");
  const forecast = editor.detail.locator(".forecast");
  await expect(forecast).toContainText("Đến nay: 314 trên 1.567 hồ sơ");
  await forecast.getByLabel("Dự kiến còn phát sinh trong kỳ (hồ sơ)").fill("1.600");
  // 40% of 3,167 is 1,266.8: 1,267 online in all: 314 are, so 953 of the 1,600 to come
  await expect(forecast.locator(".need")).toHaveText(
    "Trong 1.600 hồ sơ dự kiến còn phát sinh, cần ít nhất 953 hồ sơ trực tuyến (59,6%) để đạt 40% cả kỳ.",
  );
  await expect(editor.gap("HS-01")).toContainText("thêm 953 hồ sơ trực tuyến");
  // 20.04% by Q2 meets the quarter and lies on the year's way through it
  await expect(editor.status("HS-01")).toHaveText("Đúng tiến độ");
  await expect(editor.detail.locator(".rate")).toContainText("điểm % mỗi quý");
  await forecast.getByLabel("Dự kiến còn phát sinh trong kỳ (hồ sơ)").fill("100");
  await expect(forecast.locator(".need")).toContainText("Không thể đạt mục tiêu cả kỳ");
  await expectAccessible(page, "the detail panel of a ratio with a forecast");
  // the forecast is kept with the plan
  await editor.waitSaved();
  await page.reload();
  await editor.openDetail("HS-01");
  await expect(editor.detail.locator(".forecast input[name=forecast]")).toHaveValue("100");
});

test("a file claiming a plan from year 1 to year 2,000,000,000 is refused and the tab keeps working", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const hostile = JSON.stringify({
    format: "chitieu-plan",
    version: 3,
    plan: { id: "nam", title: "Năm vô tận", unit: { name: "u", level: "commune" }, period: { start: 1, end: 2000000000 } },
  });
  await page.locator("input[name=plan-files]").first().setInputFiles({
    name: "nam.json",
    mimeType: "application/json",
    buffer: Buffer.from(hostile),
  });
  await expect(page.locator("[data-notice=import-errors]")).toContainText(
    "Tệp «nam.json», tại plan.period.start: năm 1 nằm ngoài khoảng 1945–2100.",
  );
  // the plan on screen is untouched and still answers
  await editor.type("VB-02", "actual", "85");
  await expect(editor.status("VB-02")).toHaveText("Đạt");
  // and the editor refuses such a period too
  await page.locator(".plan-header > summary").click();
  const end = page.getByLabel("Đến năm");
  await end.fill("2000000000");
  await expect(page.locator(".plan-header .cell-error")).toHaveText("Kỳ kế hoạch phải trong khoảng 1945–2100 và dài tối đa 30 năm");
  // leaving the field keeps the wrong entry in sight with its reason; the plan keeps its period
  await end.press("Tab");
  await expect(end).toHaveValue("2000000000");
  await expect(page.locator(".plan-header .cell-error")).toHaveText("Kỳ kế hoạch phải trong khoảng 1945–2100 và dài tối đa 30 năm");
  await expect(page.locator(".plan-header > summary .plan-meta")).toContainText(" · 2021 · ");
  // Escape puts back what the plan holds
  await end.focus();
  await end.press("Escape");
  await expect(end).toHaveValue("2021");
  await expect(page.locator(".plan-header .cell-error")).toHaveCount(0);
  // three lines pasted into a one-line field are refused, never joined into one number
  await page.evaluate(() => {
    const input = document.querySelector("input[name=end_year]");
    const data = new DataTransfer();
    data.setData("text/plain", "2022\n2023\n2024");
    input.focus();
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(end).toHaveValue("2021");
  await expect(page.locator(".plan-header .cell-error")).toContainText("Đã dán nhiều ô hoặc nhiều dòng vào một ô");
});

test("an old count of level-3 and level-4 services together is split into full-process and partial, with a note", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  await page.getByRole("button", { name: "Thêm từ danh mục" }).click();
  const picker = page.getByRole("dialog");
  await picker.getByRole("searchbox").fill("muc do 3, 4");
  await picker.getByRole("button", { name: "Thêm: DVC-34" }).click();
  await page.keyboard.press("Escape");
  await editor.type("DVC-34", "baseline", "40");
  await editor.type("DVC-34", "target", "45");
  await editor.openDetail("DVC-34");
  await editor.detail.getByLabel("Trong số 40 dịch vụ hiện nay, bao nhiêu là toàn trình?").fill("12");
  await editor.detail.getByRole("button", { name: "Tách thành toàn trình và một phần" }).click();
  await expect(editor.row("DVC-34")).toHaveCount(0);
  await expect(editor.cell("DVC-08", "baseline")).toHaveValue("12");
  await expect(editor.cell("DVC-02", "baseline")).toHaveValue("28");
  await editor.openDetail("DVC-08");
  await expect(editor.detail.getByLabel("Ghi chú")).toHaveValue(/Tách từ «Dịch vụ công trực tuyến mức độ 3, 4» \(DVC-34\): hiện trạng 40 dịch vụ, trong đó 12 toàn trình\. Mục tiêu và số liệu trước khi tách: Năm \d{4} 45 dịch vụ/);
  // one undo step puts the old indicator back
  await page.keyboard.press("Control+z");
  await expect(editor.cell("DVC-34", "baseline")).toHaveValue("40");
});
