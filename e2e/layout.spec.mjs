// The editor on the office laptops planners have (1366×768 is the commonest,
// then 1280×800), in Vietnamese, the longer language: the toolbar on one row,
// the table with no sideways scroll, STT, code and name in view, beside the
// detail panel too. Screenshots of each are kept with the test results.
import { test, expect, expectAccessible } from "./fixtures.mjs";
import { Editor } from "./pages/editor.mjs";

for (const [width, height] of [[1366, 768], [1280, 800]]) {
  test(`at ${width}×${height} the toolbar is one row and the table never scrolls sideways`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    const editor = new Editor(page);
    await page.goto("/");
    await editor.startSample();
    await editor.type("VB-02", "actual", "75");

    // every control of the toolbar on one row
    const oneRow = async (what) => {
      const tops = await page.locator(".toolbar > *:visible").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      expect(Math.max(...tops) - Math.min(...tops), `${what}: toolbar rows at ${tops}`).toBeLessThan(12);
    };
    await oneRow("the editor");
    // the less used actions are reachable from the keyboard
    await page.getByRole("button", { name: "Thêm thao tác" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#more-actions")).toBeVisible();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Escape");
    await expect(page.locator("#more-actions")).toBeHidden();
    await expect(page.getByRole("button", { name: "Thêm thao tác" })).toBeFocused();

    const noSideways = async (what) => {
      const [scroll, client] = await page.locator(".table-wrap").evaluate((e) => [e.scrollWidth, e.clientWidth]);
      expect(scroll, `${what}: the table is ${scroll}px in a ${client}px box`).toBeLessThanOrEqual(client);
      for (const col of [".col-no", ".col-code", ".col-name", ".col-status"]) {
        const box = await editor.row("VB-02").locator(col).boundingBox();
        expect(box, `${what}: ${col}`).not.toBeNull();
        expect(box.x + box.width, `${what}: ${col} in view`).toBeLessThanOrEqual(width);
      }
    };
    await noSideways("the table");
    await page.screenshot({ path: testInfo.outputPath(`editor-${width}x${height}.png`) });

    // tabbing along a row never scrolls the table sideways
    await editor.cell("VB-02", "baseline").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.locator(".table-wrap").evaluate((e) => e.scrollLeft)).toBe(0);

    // with the detail panel open, no column is cut and the language switch stays in reach
    await editor.openDetail("VB-02");
    await noSideways("beside the detail panel");
    await oneRow("beside the detail panel");
    // printing waits in the menu meanwhile
    await page.getByRole("button", { name: "Thêm thao tác" }).click();
    await expect(page.locator("#more-actions").getByRole("button", { name: "In phụ lục" })).toBeVisible();
    await page.keyboard.press("Escape");
    const panel = await editor.detail.boundingBox();
    const status = await editor.row("VB-02").locator(".col-status").boundingBox();
    expect(status.x + status.width, "the status column is not under the panel").toBeLessThanOrEqual(panel.x + 1);
    const english = await page.getByRole("button", { name: "English" }).boundingBox();
    expect(english.x + english.width).toBeLessThanOrEqual(panel.x + 1);
    await page.screenshot({ path: testInfo.outputPath(`editor-detail-${width}x${height}.png`) });
    await expectAccessible(page, `the editor at ${width}×${height} with the detail panel`);
  });
}

for (const [width, height] of [[1366, 768], [1280, 800]]) {
  test(`at ${width}×${height} a province's five-year plan fits too: its long period names, its own and its communes' rows`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height });
    const editor = new Editor(page);
    await page.goto("/");
    await page.getByRole("button", { name: "Kế hoạch tỉnh giai đoạn 2026–2030" }).click();
    await editor.table.waitFor();
    // the last year of the period, whose targets come from the 2028–2030 references
    await page.locator("select[name=period]").selectOption({ label: "Năm 2030" });
    const tops = await page.locator(".toolbar > *:visible").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(Math.max(...tops) - Math.min(...tops), `toolbar rows at ${tops}`).toBeLessThan(12);
    const [scroll, client] = await page.locator(".table-wrap").evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scroll, `the table is ${scroll}px in a ${client}px box`).toBeLessThanOrEqual(client);
    // every row drawn keeps its status in view, the rows set for the communes (with their level) too
    const statuses = await page.locator("tr[data-code] .col-status").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(statuses.length).toBeGreaterThan(5);
    expect(Math.max(...statuses)).toBeLessThanOrEqual(width);
    await expect(page.locator("tr[data-code] .level-badge").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`province-2026-2030-${width}x${height}.png`) });
  });
}
