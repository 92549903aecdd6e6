import { test, expect } from "./fixtures.mjs";
import { Shell } from "./pages/shell.mjs";

test("opens in Vietnamese with the name, subtitle and a way to start", async ({ page }) => {
  const shell = new Shell(page);
  await shell.open();
  await expect(page).toHaveTitle(/^chitieu · Lập và theo dõi chỉ tiêu/);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(shell.name).toHaveText("chitieu");
  await expect(shell.subtitle).toContainText("chuyển đổi số");
  await expect(shell.emptyTitle).toHaveText("Bắt đầu một kế hoạch");
  await expect(page.getByRole("button", { name: "Tạo kế hoạch trống" })).toBeVisible();
  await expect(shell.version).toHaveText(/^Phiên bản \d+\.\d+\.\d+$/);
});

test("switching to English and back survives a reload", async ({ page }) => {
  const shell = new Shell(page);
  await shell.open();
  await shell.switchTo("en");
  await expect(shell.emptyTitle).toHaveText("Start a plan");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(shell.emptyTitle).toHaveText("Start a plan");
  await expect(shell.language("en")).toHaveAttribute("aria-pressed", "true");
  await shell.switchTo("vi");
  await expect(shell.emptyTitle).toHaveText("Bắt đầu một kế hoạch");
  await page.reload();
  await expect(shell.emptyTitle).toHaveText("Bắt đầu một kế hoạch");
});

test("the page asks nothing of any origin but its own, and has a favicon", async ({ page, baseURL, guard }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const shell = new Shell(page);
  await shell.open();
  await page.waitForLoadState("networkidle");
  expect(requests.length).toBeGreaterThan(3);
  for (const url of requests) expect(url.startsWith(baseURL)).toBe(true);
  // file names carry a content hash: the page names its icon
  const icon = await page.request.get(await page.locator("link[rel=icon]").getAttribute("href"));
  expect(icon.status()).toBe(200);
  // the policy forbids inline scripts: a script injected into the page does not run
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.appendChild(s);
    return window.__injected === true;
  });
  expect(ran).toBe(false);
  // the browser reports the refusal; that one expected error is taken off the guard's list
  const refused = (p) => p.includes("Content Security Policy");
  expect(guard.some(refused)).toBe(true);
  guard.splice(0, guard.length, ...guard.filter((p) => !refused(p)));
});
