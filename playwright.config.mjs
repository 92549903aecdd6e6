// End-to-end tests run against the release build in dist/, served on loopback,
// in the system's Chromium (Playwright never downloads a browser here).
import { defineConfig } from "@playwright/test";
import { execSync } from "node:child_process";

// an unusual port, so a server left running for development does not collide
const port = Number(process.env.E2E_PORT || 8471);
const chromium = process.env.CHROMIUM_PATH || execSync("command -v chromium", { shell: "/bin/sh" }).toString().trim();

export default defineConfig({
  testDir: "./e2e",
  timeout: 30_000,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    headless: true,
    locale: "vi-VN",
    viewport: { width: 1280, height: 800 },
    // the service worker would keep a copy of every file in each test's browser; the
    // offline specs allow it for themselves (e2e/offline.spec.mjs)
    serviceWorkers: "block",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
