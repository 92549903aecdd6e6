import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";
import { stored, storedList } from "./pages/storage.mjs";
import { provincePlan, handDown, filled } from "./pages/levels.mjs";
import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const planSchema = JSON.parse(readFileSync(new URL("../docs/plan.schema.json", import.meta.url)));
const backupSchema = JSON.parse(readFileSync(new URL("../docs/backup.schema.json", import.meta.url)));

/** Fails the test on a console error or an uncaught exception of another page, as the guard does for `page`. */
function guard(other, problems) {
  other.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  other.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
}

async function backup(page) {
  const download = page.waitForEvent("download");
  await page.locator("[data-action=backup]").click();
  const d = await download;
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), "utf8") };
}

test("two tabs on one plan: the other tab follows, a clash is asked, and after a reload both edits are there", async ({ page, context, guard: problems }) => {
  const one = new Editor(page);
  await page.goto("/");
  await one.startSample();
  await one.waitSaved();
  // a second tab opens the plan shown last: both say it is open twice
  const second = await context.newPage();
  guard(second, problems);
  const two = new Editor(second);
  // in the second tab the autosave's timer never comes due: a change stays unsaved until asked about
  await second.addInitScript(() => {
    const set = window.setTimeout;
    window.setTimeout = (f, ms, ...rest) => (ms >= 200 ? -1 : set(f, ms, ...rest));
  });
  await second.goto("/");
  await expect(two.row("VB-02")).toBeVisible();
  await expect(second.locator("[data-notice=open-elsewhere]")).toBeVisible();
  await expect(page.locator("[data-notice=open-elsewhere]")).toBeVisible();

  // an edit saved in the first tab reaches the second, which changed nothing
  await one.type("VB-02", "target", "85");
  await one.waitSaved();
  await expect(two.cell("VB-02", "target")).toHaveValue("85");
  await expect(second.locator("[data-notice=took-newer]")).toBeVisible();

  // both change the plan before either saves
  await two.type("BC-01", "actual", "12");
  await expect(second.locator(".save-state")).toHaveAttribute("data-state", "saving");
  await one.type("MC-01", "actual", "14/15");
  await one.waitSaved();
  const clash = second.getByRole("alertdialog");
  await expect(clash).toContainText("Kế hoạch này vừa được lưu ở một thẻ khác");
  await expectAccessible(second, "the clash between two tabs");
  await clash.getByRole("button", { name: "Giữ bản của thẻ này (bản kia lưu thành bản sao)" }).click();
  await expect(clash).toHaveCount(0);
  await two.waitSaved();
  // the first tab had nothing unsaved: it shows the kept version
  await expect(one.cell("BC-01", "actual")).toHaveValue("12");

  // after a reload, this tab's edit is the plan and the other's is its copy
  await page.reload();
  await second.reload();
  await expect(one.cell("BC-01", "actual")).toHaveValue("12");
  await expect(two.cell("BC-01", "actual")).toHaveValue("12");
  await expect(one.cell("VB-02", "target")).toHaveValue("85");
  await one.backToPlans();
  const copy = page.locator(".plan-entry").filter({ hasText: "(bản từ thẻ khác)" });
  await expect(page.locator(".plan-entry")).toHaveCount(2);
  await copy.locator(".plan-open").click();
  await expect(one.cell("MC-01", "actual")).toHaveValue("14/15");
  await expect(one.cell("BC-01", "actual")).toHaveValue("");

  // once more, and this time the second tab takes the other's version: its own change goes to the history
  await page.locator(".toolbar .back").click();
  await page.locator(".plan-entry").filter({ hasNotText: "(bản từ thẻ khác)" }).locator(".plan-open").click();
  await expect(second.locator("[data-notice=open-elsewhere]")).toBeVisible();
  await two.type("TD-01", "actual", "95");
  await one.type("VB-02", "target", "90");
  await one.waitSaved();
  await clash.getByRole("button", { name: "Lấy bản của thẻ kia (bản này vào lịch sử phiên bản)" }).click();
  await expect(two.cell("VB-02", "target")).toHaveValue("90");
  await expect(two.cell("TD-01", "actual")).toHaveValue("");
  await two.waitSaved();
  await new Editor(second).more("Lịch sử phiên bản");
  const kept = second.locator(".version").filter({ hasText: "Thay đổi của thẻ này, trước khi lấy bản của thẻ khác" });
  await expect(kept).toHaveCount(1);
  await kept.getByRole("button", { name: "Xem" }).click();
  await expect(second.locator('.version-table tr[data-code="TD-01"]')).toContainText("95");
  await second.close();
});

/** A plan file of about `bytes`, from the sample's file: long notes on each indicator. */
function bigPlan(base, id, title, bytes) {
  const f = structuredClone(base);
  f.plan.id = id;
  f.plan.title = title;
  const each = Math.ceil(bytes / f.plan.indicators.length);
  f.plan.indicators.forEach((ind, k) => {
    ind.notes = `${title}, chỉ tiêu ${k + 1}: ` + "ghi chú dài về số liệu và nguồn. ".repeat(Math.ceil(each / 34)).slice(0, each);
  });
  return f;
}

test("60 MB of plans are stored, listed and found again after a reload", async ({ page }) => {
  test.setTimeout(120_000);
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  const base = JSON.parse((await editor.exportJson()).text);
  await editor.backToPlans();
  // a province's own plans and its communes': 24 plans of 2.6 MB, restored from one backup
  const plans = Array.from({ length: 24 }, (_, k) => bigPlan(base, `lon-${k}`, `Kế hoạch lớn ${k + 1}`, 2_600_000));
  const bundle = JSON.stringify({ format: "chitieu-backup", version: 1, plans });
  expect(bundle.length).toBeGreaterThan(60_000_000);
  const file = join(mkdtempSync(join(tmpdir(), "chitieu-60mb-")), "sao-luu.json");
  writeFileSync(file, bundle);
  await page.locator("input[name=backup-file]").setInputFiles(file);
  await expect(page.locator("[data-notice=restored]")).toContainText("Đã khôi phục 24 kế hoạch", { timeout: 60_000 });
  await page.reload();
  await expect(page.locator(".plan-entry")).toHaveCount(25);
  const list = await storedList(page);
  const total = Object.values(list).reduce((sum, e) => sum + e.size, 0);
  expect(total).toBeGreaterThan(60_000_000);
  await expect(page.locator(".storage-info .usage")).toContainText("Bộ nhớ trình duyệt: đã dùng");
  // found again: by name without diacritics, then opened
  await page.getByRole("searchbox", { name: "Tìm kế hoạch (gõ không dấu cũng được)" }).fill("ke hoach lon 17");
  await expect(page.locator(".plan-entry")).toHaveCount(1);
  await page.locator(".plan-entry .plan-open").click();
  await expect(page.locator(".plan-title")).toHaveText("Kế hoạch lớn 17");
  await expect(page.locator("tr.indicator-row")).toHaveCount(14);
  await editor.row("VB-02").locator(".name-button").click();
  await expect(page.locator("aside.detail").getByLabel("Ghi chú")).toHaveValue(/^Kế hoạch lớn 17, chỉ tiêu 2: ghi chú dài/);
});

test("a backup of every plan restored into a fresh profile gives the same plans, and what was collected against them, byte for byte", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  // a province plan whose communes have begun to send their files back
  const { year } = await provincePlan(page);
  const files = await handDown(page);
  await new Editor(page).more("Tổng hợp kết quả từ đơn vị");
  await page.locator("input[name=collect-files]").setInputFiles([
    filled(files["04117"], year, { "CKS-02": { baseline: { numerator: 4, denominator: 5 }, actual: { numerator: 5, denominator: 5 } }, "DVC-08": { target: 40, actual: 45 } }),
  ]);
  await expect(page.locator(".collect-count")).toHaveText("Đã nhận tệp của 1/3 đơn vị.");
  await expect.poll(async () => Object.keys((await stored(page)).collections).length).toBe(1);
  await page.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  const editor = new Editor(page);
  await editor.waitSaved();
  await editor.backToPlans();
  await editor.startSample();
  await editor.type("VB-02", "target", "85,5");
  await editor.waitSaved();
  await editor.backToPlans();
  await page.locator("[data-template=province-year]").click();
  await editor.waitSaved();
  await editor.backToPlans();
  await editor.startBlank();
  await page.getByLabel("Tên kế hoạch").fill("Kế hoạch «trống» của xã");
  await editor.waitSaved();
  await editor.backToPlans();
  await expect(page.locator(".plan-entry")).toHaveCount(4);
  await expectAccessible(page, "the start screen with plans, room and backup");
  const { name, text } = await backup(page);
  expect(name).toMatch(/^chitieu-sao-luu-\d{4}-\d{2}-\d{2}\.json$/);
  const ajv = new Ajv2020({ allErrors: true });
  ajv.addSchema(planSchema);
  const validate = ajv.compile(backupSchema);
  const bundle = JSON.parse(text);
  expect(validate(bundle), JSON.stringify(validate.errors)).toBe(true);
  const { plans: here, collections: collectedHere } = await stored(page);
  expect(Object.keys(here)).toHaveLength(4);
  // the province's collection is in the backup: the commune's file, as it was collected
  const [province] = Object.keys(collectedHere);
  expect(Object.keys(bundle.collections)).toEqual([province]);
  expect(bundle.collections[province].map((f) => f.plan.unit.name)).toEqual(["UBND xã Mường Chanh"]);
  expect(bundle.plans.find((f) => f.plan.id === province).plan.title).toBe("Kế hoạch chuyển đổi số tỉnh Sơn La");

  const fresh = await browser.newContext({ locale: "vi-VN" });
  const other = await fresh.newPage();
  await other.goto(baseURL);
  await other.locator("input[name=backup-file]").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  await expect(other.locator("[data-notice=restored]")).toContainText("Đã khôi phục 4 kế hoạch");
  await expect(other.locator(".plan-entry")).toHaveCount(4);
  const restored = await stored(other);
  expect(restored.plans).toEqual(here);
  expect(restored.collections).toEqual(collectedHere);
  // and its backup holds the same files: only the time of the backup differs
  const again = await backup(other);
  const untimed = (t) => t.replace(/\n  "exported": "[^"]*",\n/, "\n");
  expect(untimed(again.text)).toBe(untimed(text));
  // the province's collection is there in the fresh profile, as the planner left it
  await other.locator(".plan-entry").filter({ hasText: "Kế hoạch chuyển đổi số tỉnh Sơn La" }).locator(".plan-open").click();
  await new Editor(other).more("Tổng hợp kết quả từ đơn vị");
  await expect(other.locator(".collect-count")).toHaveText("Đã nhận tệp của 1/3 đơn vị.");
  const chanh = other.locator("table.collection-table tbody tr", { hasText: "Mường Chanh" });
  await expect(chanh.locator("td").nth(1).locator(".figure-shown")).toHaveText("45");
  await expect(other.locator(".missing-units")).toContainText("UBND xã Mai Sơn");
  await other.getByRole("button", { name: "Quay lại bảng chỉ tiêu" }).click();
  await new Editor(other).backToPlans();

  // restoring it once more asks about plans already there, once for all of them
  await other.locator("input[name=backup-file]").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  const dialog = other.getByRole("dialog");
  await expect(dialog).toContainText("đã có trong trình duyệt này");
  await dialog.getByLabel("Làm như vậy cho cả 4 kế hoạch đang chờ").check();
  await dialog.getByRole("button", { name: "Thay thế" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(other.locator("[data-notice=restored]")).toContainText("Đã khôi phục 4 kế hoạch");
  const replaced = await stored(other);
  expect(replaced.plans).toEqual(here);
  expect(replaced.collections).toEqual(collectedHere);
  // what each replaced is kept in its history
  expect(replaced.versions).toBe(4);
  expect(Object.values(replaced.list).map((e) => e.revision)).toEqual([2, 2, 2, 2]);
  await fresh.close();
});

test("an earlier version is opened read-only and restored", async ({ page }) => {
  test.setTimeout(90_000);
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.type("VB-02", "target", "85");
  await editor.waitSaved();
  await new Editor(page).more("Lịch sử phiên bản");
  await expect(page.getByRole("dialog")).toContainText("Chưa có phiên bản cũ.");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  // a file from elsewhere replaces the plan: another target, one more indicator
  const file = JSON.parse((await editor.exportJson()).text);
  file.plan.indicators.find((i) => i.code === "VB-02").targets[0].figure = 90;
  file.plan.indicators.push({ ...file.plan.indicators[0], id: "them-1", code: "XX-01" });
  await page.locator("input[name=plan-files]").first().setInputFiles({ name: "moi.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole("dialog").getByRole("button", { name: "Thay thế" }).click();
  await expect(editor.cell("VB-02", "target")).toHaveValue("90");
  await expect(editor.row("XX-01")).toBeVisible();
  await editor.waitSaved();

  await new Editor(page).more("Lịch sử phiên bản");
  const history = page.getByRole("dialog");
  const versions = history.locator(".version");
  await expect(versions).toHaveCount(1);
  await expect(versions.first()).toContainText("Trước khi nhập tệp đè lên");
  await expect(versions.first()).toContainText("Bản cũ nhất còn giữ: 14 chỉ tiêu");
  await expectAccessible(page, "the version history");
  await versions.first().getByRole("button", { name: "Xem" }).click();
  const view = page.locator(".version-view");
  await expect(view.locator("#version-title")).toContainText("(chỉ xem)");
  await expect(view.locator('tr[data-code="VB-02"] .target')).toHaveText("85%");
  await expect(view.locator('tr[data-code="XX-01"]')).toHaveCount(0);
  await expect(view.locator("input")).toHaveCount(0);
  await expectAccessible(page, "an earlier version, read-only");
  await view.getByRole("button", { name: "Khôi phục phiên bản này" }).click();
  await expect(page.locator("[data-notice=version-restored]")).toBeVisible();
  await expect(editor.cell("VB-02", "target")).toHaveValue("85");
  await expect(editor.row("XX-01")).toHaveCount(0);
  await editor.waitSaved();
  // what the restore replaced is kept too, with what changed
  await new Editor(page).more("Lịch sử phiên bản");
  await expect(versions).toHaveCount(2);
  await expect(versions.first()).toContainText("Trước khi khôi phục bản cũ");
  await expect(versions.first()).toContainText("So với bản trước: thêm 1 chỉ tiêu, đổi 1 số liệu");
  await history.getByRole("button", { name: "Đóng" }).click();
  await page.reload();
  await expect(editor.cell("VB-02", "target")).toHaveValue("85");
});

test("plans kept by an earlier chitieu in local storage move over, even when reloads cut the move short twice", async ({ page, browser, baseURL }) => {
  // a plan file as chitieu writes it, made in a browser of its own
  const maker = await browser.newContext();
  const made = await maker.newPage();
  await made.goto(baseURL);
  const base = JSON.parse((await new Editor(made).startSample().then(() => new Editor(made).exportJson())).text);
  await maker.close();
  const files = Array.from({ length: 12 }, (_, k) => {
    const f = structuredClone(base);
    f.plan.id = `cu-${k}`;
    f.plan.title = `Kế hoạch cũ ${k + 1}`;
    return [f.plan.id, JSON.stringify(f, null, 2)];
  });
  await page.addInitScript((files) => {
    const load = Number(sessionStorage.getItem("load") || 0) + 1;
    sessionStorage.setItem("load", String(load));
    if (load === 1) {
      for (const [id, text] of files) localStorage.setItem(`chitieu.plan.${id}`, text);
      localStorage.setItem("chitieu.index", JSON.stringify(files.map(([id]) => ({ id, title: id }))));
      // the page goes away in the middle of the move: after five plans are written, nothing more is
      const put = IDBObjectStore.prototype.put;
      let n = 0;
      IDBObjectStore.prototype.put = function (value, key) {
        if (this.name === "plans" && ++n === 5) location.reload();
        if (n >= 5) throw new DOMException("the page is going", "AbortError");
        return put.call(this, value, key);
      };
    }
    if (load === 2) {
      // this time the store holds them all, and the page goes while the local copies are removed
      const remove = Storage.prototype.removeItem;
      let n = 0;
      Storage.prototype.removeItem = function (key) {
        if (key.startsWith("chitieu.plan.") && ++n === 4) location.reload();
        if (n >= 4) return undefined;
        return remove.call(this, key);
      };
    }
  }, files);
  const loads = [];
  page.on("load", () => loads.push(Date.now()));
  await page.goto("/");
  await expect.poll(() => loads.length, { timeout: 20_000 }).toBe(3);
  await expect(page.locator(".plan-entry")).toHaveCount(12);
  // nothing lost, nothing twice, byte for byte; local storage holds no plan any more
  const held = await stored(page);
  expect(Object.keys(held.plans).sort()).toEqual(files.map(([id]) => id).sort());
  for (const [id, text] of files) expect(held.plans[id]).toBe(text);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("chitieu.plan.") || k === "chitieu.index"))).toEqual([]);
});

test("a rename or duplicate the browser refuses is reported, and the list stays as it was", async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (window.__full && this.name === "plans") throw new DOMException("full", "QuotaExceededError");
      return put.call(this, value, key);
    };
  });
  const editor = new Editor(page);
  await page.goto("/");
  await editor.startSample();
  await editor.waitSaved();
  await editor.backToPlans();
  const entry = page.locator(".plan-entry");
  const title = await entry.locator(".plan-open").textContent();
  await page.evaluate(() => (window.__full = true));
  await entry.getByRole("button", { name: "Đổi tên" }).click();
  await entry.getByLabel("Tên kế hoạch").fill("Tên mới");
  await entry.getByRole("button", { name: "Lưu" }).click();
  const refused = page.locator("[data-notice=refused]");
  await expect(refused).toContainText("Không đổi được tên: trình duyệt từ chối ghi. Kế hoạch vẫn như cũ. Bộ nhớ của trình duyệt đã đầy.");
  await expect(entry.locator(".plan-open")).toHaveText(title);
  await refused.getByRole("button", { name: "Đã hiểu" }).click();
  await entry.getByRole("button", { name: "Nhân bản" }).click();
  await expect(refused).toContainText("Không nhân bản được");
  await expect(entry).toHaveCount(1);
  await page.reload();
  await expect(entry.locator(".plan-open")).toHaveText(title);
});

test("persistent storage is asked for once a plan is saved, and the room used is shown", async ({ page }) => {
  await page.addInitScript(() => {
    window.__persist = 0;
    const persist = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      window.__persist += 1;
      return persist.call(this);
    };
  });
  const editor = new Editor(page);
  await page.goto("/");
  await expect(page.locator("#empty-title")).toBeVisible();
  await editor.startBlank();
  await editor.waitSaved();
  await expect.poll(() => page.evaluate(() => window.__persist)).toBe(1);
  await page.getByLabel("Tên kế hoạch").fill("Kế hoạch năm 2026");
  await editor.waitSaved();
  await editor.backToPlans();
  await expect(page.locator(".storage-info .usage")).toContainText(/^Bộ nhớ trình duyệt: đã dùng [\d,]+ (KB|MB), còn trống khoảng [\d,.]+ (MB|GB)\.$/);
  await expect(page.locator(".storage-info .persistence")).toHaveText(/(Trình duyệt giữ dữ liệu này|Trình duyệt có thể xoá dữ liệu này)/);
  expect(await page.evaluate(() => window.__persist)).toBe(1);
});
