// A province sums the plans its communes sent back: hundreds of files, read
// and checked in a worker while the page stays usable, with a progress bar
// and a way to stop.
import { test, expect, expectAccessible } from "./fixtures.mjs";

// commune k: 2 of its 10 dossiers online, and k % 3 online services
const commune = (k) =>
  JSON.stringify({
    format: "chitieu-plan", version: 4, app_version: "test", exported: "2026-12-31T00:00:00Z",
    plan: {
      id: `xa-${k}`, title: `Kế hoạch xã ${k}`, unit: { name: `UBND xã ${k}`, level: "commune" },
      parent_unit: { name: "UBND tỉnh Sơn La", level: "province" },
      period: { start: 2026, end: 2026 },
      indicators: [
        { id: "hs", code: "HS-01", name: { vi: "Hồ sơ nộp trực tuyến" }, kind: { type: "ratio", numerator: "hồ sơ trực tuyến", denominator: "hồ sơ" },
          actuals: [{ period: "2026", figure: { numerator: 2, denominator: 10 } }] },
        { id: "dv", code: "DVC-01", name: { vi: "Dịch vụ công trực tuyến toàn trình" }, kind: { type: "count" }, unit_label: "dịch vụ",
          actuals: [{ period: "2026", figure: k % 3 }] },
      ],
    },
  });
const files = (n) => Array.from({ length: n }, (_, k) => ({ name: `xa-${k}.chitieu.json`, mimeType: "application/json", buffer: Buffer.from(commune(k)) }));

test("600 commune files are summed in the background into the province's total", async ({ page }) => {
  await page.goto("/");
  const broken = { name: "hong.chitieu.json", mimeType: "application/json", buffer: Buffer.from("{ \"format\": \"chitieu-plan\", ") };
  await page.locator("input[name=rollup-files]").setInputFiles([...files(600), broken]);
  const progress = page.locator("section.summing");
  // the total opens when all are read; the progress said how far it got on the way
  await expect(page.locator(".plan-title")).toHaveText("Tổng hợp 600 kế hoạch", { timeout: 20_000 });
  await expect(progress).toHaveCount(0);
  await expect(page.locator(".plan-header")).toContainText("UBND tỉnh Sơn La");
  // 1,200 of 6,000 dossiers; 0 + 1 + 2 + 0 + … = 600 services
  await expect(page.locator('tr[data-code="HS-01"] input[data-col=actual]')).toHaveValue("1.200/6.000");
  await expect(page.locator('tr[data-code="DVC-01"] input[data-col=actual]')).toHaveValue("600");
  // the one file that was not a plan is named, and nothing of it was summed
  await expect(page.locator(".notices")).toContainText("hong.chitieu.json");
});

test("the roll-up stops at the planner's word, and a total that comes late is not taken", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#empty-title")).toBeVisible();
  // the real workers run; their total is held back until the test lets it through, as if it came late
  await page.evaluate(() => {
    const real = window.chitieuSum;
    window.chitieuSum = (files, progress, done) => {
      const stop = real(files, progress, (...total) => (window.__late = () => done(...total)));
      return () => {
        window.__stopped = true;
        stop();
      };
    };
  });
  await page.locator("input[name=rollup-files]").setInputFiles(files(300));
  const progress = page.locator("section.summing");
  await expect(progress.getByRole("heading")).toHaveText("Đang tổng hợp");
  await expectAccessible(page, "a roll-up under way");
  // the stop button has the focus: Enter stops it
  await expect(progress.getByRole("button", { name: "Dừng tổng hợp" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(progress).toHaveCount(0);
  expect(await page.evaluate(() => window.__stopped)).toBe(true);
  // a total that arrives after the stop opens nothing: the start screen stays as it was
  await page.evaluate(() => window.__late?.());
  await page.waitForTimeout(500);
  await expect(page.locator(".plan-title")).toHaveCount(0);
  await expect(page.locator("#empty-title")).toBeVisible();
});

test("the progress is told in the planner's numbers", async ({ page }) => {
  await page.goto("/");
  // the app has started (and the loader has set up the worker's entry point)
  await expect(page.locator("#empty-title")).toBeVisible();
  // the worker tells the page after each step; the page writes it the Vietnamese way
  await page.evaluate(() => {
    const real = window.chitieuSum;
    window.chitieuSum = (files, progress, done) => {
      progress(1250, 3321);
      window.__finish = () => real(files, progress, done);
      return () => {};
    };
  });
  await page.locator("input[name=rollup-files]").setInputFiles(files(3));
  await expect(page.locator(".summing-count")).toHaveText("Đã đọc 1.250/3.321 tệp");
  await expect(page.locator("section.summing progress")).toHaveAttribute("value", "1250");
  await page.evaluate(() => window.__finish());
  await expect(page.locator(".plan-title")).toHaveText("Tổng hợp 3 kế hoạch");
});
