// Draws the app's PNG icons from assets/favicon.svg with the system's
// Chromium (through Playwright), for the web app manifest:
//   node scripts/lib/icons.mjs
// The PNGs are committed (assets/icons/); run this again only when the
// favicon changes. "maskable" icons keep the mark inside the middle 80%
// that every launcher shape shows, on a full-bleed background.
import { chromium } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";

const root = new URL("../../", import.meta.url).pathname;
const svg = readFileSync(`${root}assets/favicon.svg`, "utf8");
const executablePath = process.env.CHROMIUM_PATH || execSync("command -v chromium", { shell: "/bin/sh" }).toString().trim();
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
const icons = [
  { name: "icon-192.png", size: 192, maskable: false },
  { name: "icon-512.png", size: 512, maskable: false },
  { name: "icon-maskable-512.png", size: 512, maskable: true },
];
for (const { name, size, maskable } of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const mark = maskable ? Math.round(size * 0.72) : size;
  // the favicon's own red fills a maskable icon's whole square; the rounded mark sits inside the safe zone
  const html = `<!DOCTYPE html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? "#b3261e" : "transparent"}">
    <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" width="${mark}" height="${mark}"></body></html>`;
  await page.setContent(html);
  writeFileSync(`${root}assets/icons/${name}`, await page.screenshot({ omitBackground: !maskable, type: "png" }));
  await page.close();
}
await browser.close();
console.log("icons written to assets/icons/");
