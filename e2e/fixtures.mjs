// The test function every spec uses: it fails a test on any console error,
// uncaught exception, failed response, or request to another origin.
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  guard: [
    async ({ page, baseURL }, use) => {
      const problems = [];
      const origin = new URL(baseURL).origin;
      page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      page.on("request", (r) => {
        const url = r.url();
        if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:")) {
          problems.push(`request to another origin: ${url}`);
        }
      });
      page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} for ${r.url()}`));
      await use(problems);
      expect(problems, "console errors, failed or foreign requests").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

import AxeBuilder from "@axe-core/playwright";

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical
 * violation, naming the rule and the elements.
 */
export async function expectAccessible(page, screen) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  expect(serious, `axe-core on ${screen}`).toEqual([]);
}
