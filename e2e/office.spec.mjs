// Office files as a planner uses them: last year's annex pasted from Excel or
// Word onto an empty plan, an .xlsx annex imported, and the plan exported to
// Excel, Word and CSV and opened by LibreOffice, as the office next door would.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "xlsx/xlsx.mjs";

// The Mộc Châu 2021 targets as Excel puts them on the clipboard when the annex
// is copied: an HTML table (merged headings, exact numbers in x:num) and
// tab-separated text.
const ANNEX_TSV = [
  "STT\tChỉ tiêu\tĐơn vị tính\tHiện trạng 2020\tMục tiêu\t\tCơ quan chủ trì",
  "\t\t\t\t2021\t2022\t",
  "I\tVăn bản điện tử và điều hành",
  "1\tVăn bản chỉ đạo, điều hành xử lý trên hệ thống quản lý văn bản\t%\t95\ttrên 97%\t98%\tVăn phòng HĐND và UBND huyện",
  "2\tDịch vụ công trực tuyến mức độ 3\tdịch vụ\t103\t103 dịch vụ\t110\tVăn phòng HĐND và UBND huyện",
  "II\tMột cửa",
  "3\tXã, thị trấn triển khai phần mềm một cửa\txã\t12/15\t15/15 xã\t15/15\tPhòng Văn hoá và Thông tin",
  "4\tHồ sơ qua bưu chính công ích\t%\t6,1\ttrên 10%\tDuy trì\tBưu điện huyện",
].join("\r\n") + "\r\n";

const ANNEX_HTML = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"><style>td { mso-number-format: General; }</style></head><body>
<!--StartFragment--><table>
<tr><td rowspan=2>STT</td><td rowspan=2>Chỉ tiêu</td><td rowspan=2>Đơn vị tính</td><td rowspan=2>Hiện trạng 2020</td><td colspan=2>Mục tiêu</td><td rowspan=2>Cơ quan chủ trì</td></tr>
<tr><td>2021</td><td>2022</td></tr>
<tr><td>I</td><td colspan=6>Văn bản điện tử và điều hành</td></tr>
<tr><td x:num>1</td><td>Văn bản chỉ đạo, điều hành xử lý trên hệ thống quản lý văn bản</td><td>%</td><td x:num>95</td><td>trên 97%</td><td x:num="0.98">98%</td><td>Văn phòng HĐND và UBND huyện</td></tr>
<tr><td x:num>2</td><td>Dịch vụ công trực tuyến mức độ 3</td><td>dịch vụ</td><td x:num>103</td><td>103 dịch vụ</td><td x:num>110</td><td>Văn phòng HĐND và UBND huyện</td></tr>
<tr><td>II</td><td colspan=6>Một cửa</td></tr>
<tr><td x:num>3</td><td>Xã, thị trấn triển khai phần mềm một cửa</td><td>xã</td><td>12/15</td><td>15/15 xã</td><td>15/15</td><td>Phòng Văn hoá và Thông tin</td></tr>
<tr><td x:num>4</td><td>Hồ sơ qua bưu chính công ích<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"></td><td>%</td><td x:num="6.1">6,1</td><td>trên 10%</td><td>Duy trì</td><td>Bưu điện huyện</td></tr>
</table><!--EndFragment--></body></html>`;

/** Pastes text and HTML as a spreadsheet puts them on the clipboard, onto the focused element. */
async function paste(page, text, html) {
  await page.evaluate(
    ([text, html]) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      if (html) data.setData("text/html", html);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [text, html],
  );
}

/**
 * Runs LibreOffice without a desktop, in a profile of its own (tests run side
 * by side), and fails on anything it says on stderr but its notice that Java
 * is missing: a file it had to repair, or could not read.
 */
function soffice(args, dir) {
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  const run = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args, "--outdir", dir], { encoding: "utf8" });
  const said = run.stderr.split("\n").filter((l) => l.trim() && !l.includes("javaldx"));
  expect(said, "LibreOffice's complaints").toEqual([]);
  expect(run.status).toBe(0);
  return run.stdout;
}

async function download(page, click) {
  const d = page.waitForEvent("download");
  await click();
  const file = await d;
  const dir = mkdtempSync(join(tmpdir(), "office-"));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { dir, path, name: file.suggestedFilename() };
}

test("an annex pasted onto an empty plan becomes indicators after the preview, as one undo step", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  const zone = page.locator(".paste-zone");
  await expect(zone).toContainText("Dán vào đây (Ctrl+V) bảng chỉ tiêu");
  await zone.focus();
  await paste(page, ANNEX_TSV, ANNEX_HTML);

  const dialog = page.getByRole("dialog", { name: "Nhập bảng chỉ tiêu" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(".import-summary")).toHaveText("4 chỉ tiêu trong 2 nhóm. Kỳ kế hoạch sẽ là 2021–2022.");
  // how the columns were understood: the merged "Mục tiêu" spread over its years
  await expect(dialog.getByLabel("Cột B chứa")).toHaveValue("name");
  await expect(dialog.getByLabel("Cột D chứa")).toHaveValue("baseline");
  await expect(dialog.getByLabel("Cột E chứa")).toHaveValue("target:2021");
  await expect(dialog.getByLabel("Cột F chứa")).toHaveValue("target:2022");
  await expect(dialog.getByLabel("Cột G chứa")).toHaveValue("responsible");
  // what each row became
  await expect(dialog.locator("tr[data-line='3'] .import-group")).toHaveText("Văn bản điện tử và điều hành");
  await expect(dialog.getByLabel("Dòng 4 là")).toHaveValue("percent");
  await expect(dialog.getByLabel("Dòng 5 là")).toHaveValue("count");
  await expect(dialog.getByLabel("Dòng 7 là")).toHaveValue("fraction_of_units");
  await expect(dialog.locator(".import-notes")).toContainText("Dòng 8, cột F: «Duy trì» là chữ, không phải số; giữ trong ghi chú");
  // the pasted HTML is read as text, never put into the page
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(dialog.locator("img, script")).toHaveCount(0);
  await expectAccessible(page, "the preview of a pasted table");

  // the planner corrects the mapping before anything changes: the agency is left out
  await dialog.getByLabel("Cột G chứa").selectOption("skip");
  await expect(dialog.getByLabel("Cột G chứa")).toHaveValue("skip");
  await expect(dialog.getByLabel("Cột G chứa")).toBeFocused();
  await expect(page.locator("tr.indicator-row")).toHaveCount(0);

  // the dialog keeps focus inside: Tab from its last control goes back to the first
  await dialog.getByRole("button", { name: "Huỷ" }).focus();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Đóng" })).toBeFocused();

  await dialog.getByRole("button", { name: "Nhập 4 chỉ tiêu" }).click();
  await expect(dialog).toHaveCount(0);
  const rows = page.locator("tr.indicator-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).locator(".name-button")).toHaveText("Văn bản chỉ đạo, điều hành xử lý trên hệ thống quản lý văn bản");
  await expect(rows.nth(0).locator("input[data-col=baseline]")).toHaveValue("95");
  await expect(page.locator(".group-toggle").first()).toContainText("Văn bản điện tử và điều hành");
  await expect(page.locator("select[name=period] option")).toHaveText(["Năm 2021", "Năm 2022"]);
  await page.locator("select[name=period]").selectOption("2021");
  await expect(rows.nth(0).locator("input[data-col=target]")).toHaveValue("97");
  await expect(rows.nth(0).locator(".comparator")).toHaveText(">");
  await expect(rows.nth(2).locator("input[data-col=target]")).toHaveValue("15/15");
  // the agency column was left out
  await rows.nth(0).locator(".name-button").click();
  await expect(page.locator("aside.detail").getByLabel("Cơ quan chủ trì")).toHaveValue("");

  // one undo takes the whole import back
  await page.getByRole("button", { name: "Hoàn tác" }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.locator(".paste-zone")).toBeVisible();
});

test("Escape closes the import dialog and leaves the plan as it was", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.more("Nhập bảng chỉ tiêu…");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Dán bảng vào đây (Ctrl+V)")).toBeFocused();
  await expectAccessible(page, "the import dialog, waiting for a table");
  await paste(page, "STT\tChỉ tiêu\tMục tiêu 2021\n1\tChỉ tiêu mới\t50\n", "");
  await expect(dialog.locator(".import-summary")).toHaveText("1 chỉ tiêu trong 0 nhóm.");
  // the page's undo does not reach through the dialog
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page.locator("tr.indicator-row")).toHaveCount(14);
  await expect(page.getByRole("button", { name: "Hoàn tác" })).toBeDisabled();
});

test("an .xlsx annex made elsewhere is imported through the same preview; a broken one is explained", async ({ page }) => {
  // the workbook is written here with SheetJS, not by chitieu: a notes sheet
  // first, then the annex with a title, merged headings, group rows and percents
  const annex = [
    ["PHỤ LỤC", null, null, null, null, null, null],
    ["CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026–2027"],
    [],
    ["TT", "Chỉ tiêu", "Đơn vị", "Hiện trạng năm 2025", "Mục tiêu", null, "Cơ quan chủ trì"],
    [null, null, null, null, "Năm 2026", "Năm 2027", null],
    ["A", "Chính quyền số"],
    [1, "Hồ sơ xử lý trực tuyến toàn trình", "%", 0.517, 0.6, 0.8, "Văn phòng UBND"],
    [2, "Dịch vụ công trực tuyến toàn trình", "dịch vụ", 1567, 1600, "nhiều hơn", "Văn phòng UBND"],
    ["B", "Hạ tầng"],
    [3, "Xã có cáp quang", "xã", "12/15", "15/15", "15/15", "Sở KH&CN"],
  ];
  const ws = XLSX.utils.aoa_to_sheet(annex);
  ws["!merges"] = [
    { s: { r: 3, c: 4 }, e: { r: 3, c: 5 } },
    { s: { r: 3, c: 0 }, e: { r: 4, c: 0 } },
    { s: { r: 5, c: 1 }, e: { r: 5, c: 6 } },
  ];
  for (const c of ["D7", "E7", "F7"]) ws[c].z = "0.0%";
  ws.D8.z = "#,##0";
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Ghi chú: số liệu năm 2025 là ước thực hiện."]]), "Ghi chú");
  XLSX.utils.book_append_sheet(wb, ws, "Phụ lục 1");
  const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx" });

  const editor = new Editor(page);
  await page.goto("/");
  await editor.startBlank();
  await page.locator(".paste-zone").getByRole("button", { name: "Nhập bảng chỉ tiêu…" }).click();
  const dialog = page.getByRole("dialog");
  const picker = dialog.locator("input[name=table-file]");

  // a file that is not a workbook: what is wrong, and nothing changes
  await picker.setInputFiles({ name: "hong.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("PK\u0003\u0004 not really") });
  await expect(dialog.getByRole("alert")).toContainText("Tệp «hong.xlsx» không phải tệp Excel .xlsx đọc được");
  await expect(page.locator("tr.indicator-row")).toHaveCount(0);

  await dialog.locator("input[name=table-file]").setInputFiles({ name: "phu-luc.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
  await expect(dialog.locator(".import-source")).toHaveText("Tệp «phu-luc.xlsx», trang «Phụ lục 1»");
  await expect(dialog.getByLabel("Trang tính")).toHaveValue("1");
  await expect(dialog.getByLabel("Cột E chứa")).toHaveValue("target:2026");
  await expect(dialog.getByLabel("Cột F chứa")).toHaveValue("target:2027");
  await expect(dialog.locator("tr[data-line='7']")).toContainText("51,7%");
  await expect(dialog.locator(".import-notes")).toContainText("Trang «Phụ lục 1», dòng 8, cột F: «nhiều hơn» là chữ, không phải số; giữ trong ghi chú");
  await expect(dialog.locator(".import-summary")).toHaveText("3 chỉ tiêu trong 2 nhóm. Kỳ kế hoạch sẽ là 2026–2027.");
  await expectAccessible(page, "the preview of an imported workbook");
  await dialog.getByRole("button", { name: "Nhập 3 chỉ tiêu" }).click();
  await expect(dialog).toHaveCount(0);
  const rows = page.locator("tr.indicator-row");
  await expect(rows).toHaveCount(3);
  await page.locator("select[name=period]").selectOption("2026");
  await expect(rows.nth(0).locator("input[data-col=baseline]")).toHaveValue("51,7");
  await expect(rows.nth(0).locator("input[data-col=target]")).toHaveValue("60");
  await expect(rows.nth(1).locator("input[data-col=baseline]")).toHaveValue("1.567");
  await expect(rows.nth(2).locator("input[data-col=target]")).toHaveValue("15/15");
});

test("an .xlsx dropped on the page goes to the import preview; on the start screen the planner is told where it goes", async ({ page }) => {
  const ws = XLSX.utils.aoa_to_sheet([
    ["TT", "Chỉ tiêu", "Đơn vị", "Mục tiêu năm 2026"],
    [1, "Hồ sơ xử lý trực tuyến toàn trình", "%", 0.6],
    [2, "Xã có cáp quang", "xã", "15/15"],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "Phụ lục");
  const bytes = [...XLSX.write(wb, { type: "buffer", bookType: "xlsx" })];
  const drop = (selector) =>
    page.evaluate(([bytes, selector]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "phu-luc-2026.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const target = document.querySelector(selector);
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [bytes, selector]);
  const editor = new Editor(page);
  await page.goto("/");
  await expect(page.locator("#empty-title")).toBeVisible();
  await drop("#empty-title");
  await expect(page.locator(".notices")).toContainText("«phu-luc-2026.xlsx» là bảng tính Excel, không phải tệp kế hoạch");
  await editor.startBlank();
  await drop(".toolbar");
  const dialog = page.getByRole("dialog");
  await expect(dialog.locator(".import-source")).toHaveText("Tệp «phu-luc-2026.xlsx», trang «Phụ lục»");
  await expect(dialog.locator(".import-summary")).toContainText("2 chỉ tiêu");
  await dialog.getByRole("button", { name: "Nhập 2 chỉ tiêu" }).click();
  await expect(page.locator("tr.indicator-row")).toHaveCount(2);
});

test("the office module is not downloaded until a planner first asks for Excel or Word", async ({ page }) => {
  const office = [];
  page.on("request", (r) => /\/office[-.][^/]*$|\/office_bg[^/]*\.wasm$/.test(new URL(r.url()).pathname) && office.push(r.url()));
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.type("VB-02", "actual", "85");
  await expect(editor.status("VB-02")).toHaveText("Đạt");
  expect(office, "nothing of the office module at start or while editing").toEqual([]);
  await editor.more("Excel, Word, CSV…");
  await expect(page.getByRole("dialog", { name: "Xuất ra Excel, Word, CSV" })).toBeVisible();
  // its script, its WebAssembly and its stylesheet, once asked for
  expect(office.some((u) => /\.wasm$/.test(u)), office.join(", ")).toBe(true);
  expect(office.some((u) => /\.js$/.test(u)), office.join(", ")).toBe(true);
});

test("the plan exported to Excel opens in LibreOffice with its figures as numbers", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.more("Excel, Word, CSV…");
  const dialog = page.getByRole("dialog", { name: "Xuất ra Excel, Word, CSV" });
  await expectAccessible(page, "the export dialog");
  const { dir, path, name } = await download(page, () => dialog.getByRole("button", { name: "Bảng chỉ tiêu Excel (.xlsx)" }).click());
  expect(name).toBe("ke-hoach-ung-dung-cong-nghe-thong-tin-quan-nha-nuoc-huyen-moc-chau-nam-2021.xlsx");
  await expect(dialog.getByRole("status")).toHaveText(`Đã tạo tệp «${name}».`);
  // every sheet, as shown and as stored; LibreOffice says nothing but its Java notice
  const shown = soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", path], dir);
  expect(shown).toContain("convert");
  const files = readdirSync(dir).filter((f) => f.endsWith(".csv"));
  expect(files.sort()).toEqual([`${name.replace(".xlsx", "")}-Chỉ tiêu.csv`, `${name.replace(".xlsx", "")}-Thực hiện.csv`]);
  const indicators = readFileSync(join(dir, files.find((f) => f.includes("Chỉ tiêu"))), "utf8");
  expect(indicators).toContain("STT,Mã,Chỉ tiêu,Đơn vị tính,Hiện trạng,Mục tiêu 2021,Cơ quan chủ trì,Ghi chú");
  expect(indicators).toContain("I,Văn bản điện tử và điều hành");
  expect(indicators).toMatch(/1,VB-01,"Văn bản chỉ đạo, điều hành[^"]*",%,95\.01%,> 97%,/);
  expect(indicators).toContain("11,MC-01,\"Xã, thị trấn triển khai phần mềm một cửa điện tử\",xã,12/15,15/15,");
  const results = readFileSync(join(dir, files.find((f) => f.includes("Thực hiện"))), "utf8");
  expect(results).toContain("STT,Mã,Chỉ tiêu,Kỳ,Mục tiêu,Thực hiện,Tử số,Mẫu số,Mức đạt,Trạng thái");
  // the stored values are numbers, not text: as stored, the formats fall away
  const raw = mkdtempSync(join(tmpdir(), "office-raw-"));
  soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1", path], raw);
  const stored = readFileSync(join(raw, readdirSync(raw)[0]), "utf8");
  expect(stored).toMatch(/1,VB-01,"Văn bản chỉ đạo[^"]*",%,95\.0131\d*,97,/);
  expect(stored).toContain(",xã,12,15,");
});

test("the annex and the results report as Word documents read back from LibreOffice's PDF", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.type("MC-01", "actual", "15/15");
  await editor.more("Excel, Word, CSV…");
  const dialog = page.getByRole("dialog");
  const annex = await download(page, () => dialog.getByRole("button", { name: "Phụ lục Word (.docx)" }).click());
  expect(annex.name).toBe("ke-hoach-ung-dung-cong-nghe-thong-tin-quan-nha-nuoc-huyen-moc-chau-nam-2021.docx");
  soffice(["--convert-to", "pdf", annex.path], annex.dir);
  const pdf = annex.path.replace(/\.docx$/, ".pdf");
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
  expect(text).toContain("UBND HUYỆN MỘC CHÂU");
  expect(text).toContain("Số: 3498/UBND-VHTT");
  expect(text).toContain("Mộc Châu, ngày 31 tháng 12 năm 2020");
  expect(text).toContain("PHỤ LỤC");
  expect(text).toContain("(Kèm theo Kế hoạch số 3498/UBND-VHTT ngày 31/12/2020");
  expect(text).toContain("Xã, thị trấn triển khai phần");
  expect(text).toMatch(/> 97%/);
  const info = execFileSync("pdfinfo", [pdf]).toString();
  expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
  expect(pages).toBeGreaterThan(1);
  // the header row comes again on the next page, which is numbered
  const second = execFileSync("pdftotext", ["-layout", "-f", "2", "-l", "2", pdf, "-"]).toString();
  expect(second).toMatch(/Hiện\s/);
  expect(second).toMatch(/Chỉ tiêu/);
  expect(second.trim().split("\n")[0].trim()).toBe("2");
  const fonts = execFileSync("pdffonts", [pdf]).toString();
  expect(fonts).toMatch(/LiberationSerif|TimesNewRoman/);

  const report = await download(page, () => dialog.getByRole("button", { name: "Báo cáo kết quả Năm 2021, Word (.docx)" }).click());
  expect(report.name).toBe("bao-cao-ket-qua-2021-ke-hoach-ung-dung-cong-nghe-thong-tin-quan-nha-nuoc-huyen-moc-chau-nam-2021.docx");
  soffice(["--convert-to", "pdf", report.path], report.dir);
  const reportText = execFileSync("pdftotext", ["-layout", report.path.replace(/\.docx$/, ".pdf"), "-"]).toString();
  expect(reportText).toContain("BÁO CÁO");
  expect(reportText).toContain("Kết quả thực hiện các chỉ tiêu — Năm 2021");
  expect(reportText).toContain("Năm 2021: đạt 1/14 chỉ tiêu.");
  expect(reportText).toContain("Dịch vụ công trực tuyến và một cửa — đạt 1/5");
  expect(reportText).toMatch(/15\/15\s+15\/15\s+100%\s+Đạt/);
  expect(reportText).toContain("Chưa có");
});

test("the CSV for Vietnamese Excel has semicolons and decimal commas; the English one commas", async ({ page }) => {
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.more("Excel, Word, CSV…");
  const dialog = page.getByRole("dialog");
  // the interface's language comes first
  await expect(dialog.locator(".export-list button").nth(3)).toHaveText("CSV cho Excel tiếng Việt (dấu ;)");
  const vi = await download(page, () => dialog.getByRole("button", { name: "CSV cho Excel tiếng Việt (dấu ;)" }).click());
  const bytes = readFileSync(vi.path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0].startsWith("stt;code;group;name_vi;name_en;kind")).toBe(true);
  expect(lines[1]).toContain(";percent;higher;more_than;%;2021;95,01312335958005;1810;1905;97;");
  const en = await download(page, () => dialog.getByRole("button", { name: "CSV cho Excel tiếng Anh (dấu ,)" }).click());
  const english = readFileSync(en.path, "utf8").slice(1).split("\r\n");
  expect(english[0].startsWith("stt,code,group,name_vi,name_en,kind")).toBe(true);
  expect(english.filter((l) => l.length).length).toBe(15);
  expect(english[11]).toContain("MC-01,Dịch vụ công trực tuyến và một cửa");
  // read as a Vietnamese-locale spreadsheet reads it (semicolons, decimal comma),
  // the figures are numbers in the right columns: written back the English way
  const out = mkdtempSync(join(tmpdir(), "csv-"));
  soffice(["--infilter=CSV:59,34,76,1,,1066", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false", vi.path], out);
  const back = readFileSync(join(out, readdirSync(out)[0]), "utf8").split("\n");
  expect(back[1]).toContain(",percent,higher,more_than,%,2021,95.0131233595801,1810,1905,97,");
});

test("in English the export offers the English CSV first", async ({ page }) => {
  await page.goto("/");
  await page.locator(".lang-choice[lang=en]").click();
  await page.locator("[data-action=start-sample]").click();
  await page.getByRole("button", { name: "More actions" }).click();
  await page.locator("#more-actions").getByRole("button", { name: "Excel, Word, CSV…" }).click();
  const dialog = page.getByRole("dialog", { name: "Export to Excel, Word, CSV" });
  await expect(dialog.locator(".export-list button")).toHaveText([
    "Indicator table, Excel (.xlsx)",
    "Annex, Word (.docx)",
    "Results report, 2021, Word (.docx)",
    "CSV for English Excel (,)",
    "CSV for Vietnamese Excel (;)",
  ]);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  // focus goes back where it was: the menu's button
  await expect(page.getByRole("button", { name: "More actions" })).toBeFocused();
});
