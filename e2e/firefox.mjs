// chitieu.html in Firefox ESR, the system's own (Playwright drives only its
// own patched Firefox builds): geckodriver (crates.io) and selenium-webdriver
// (npm) open the single file from a file: URL as a commune office would, build
// a plan, find it again after a reload, export it as JSON and as Excel, import a
// colleague's file, hand the app on, and open a plan exported with the app on
// "another computer" (a fresh profile).
//   node --test e2e/firefox.mjs        (after trunk build --release)
// FIREFOX and GECKODRIVER may name the programs; else they are looked up.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Builder, By, Key, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import LogInspector from "selenium-webdriver/bidi/logInspector.js";

// Selenium must never fetch a driver or a browser of its own
process.env.SE_OFFLINE = "true";
const SINGLE = resolve("dist/chitieu.html");
const which = (...names) => {
  for (const n of names) {
    try {
      return execSync(`command -v ${n}`, { shell: "/bin/sh" }).toString().trim();
    } catch {
      // the next name
    }
  }
  return null;
};
const FIREFOX = process.env.FIREFOX || which("firefox-esr", "firefox");
// setup installs it into .tools/bin, off PATH: wasm-bindgen's test runner takes the first driver on PATH
const GECKODRIVER = process.env.GECKODRIVER || [resolve(".tools/bin/geckodriver"), join(homedir(), ".cargo/bin/geckodriver")].find(existsSync) || which("geckodriver");
const WAIT = 20_000;

const sessions = [];
/** A Firefox with a fresh profile (another computer) saving downloads to a folder of its own. */
async function firefoxWith() {
  const downloads = mkdtempSync(join(tmpdir(), "chitieu-ff-downloads-"));
  const options = new firefox.Options()
    .setBinary(FIREFOX)
    .addArguments("-headless")
    .enableBidi()
    .setPreference("browser.download.folderList", 2)
    .setPreference("browser.download.dir", downloads)
    .setPreference("browser.download.useDownloadDir", true)
    .setPreference("browser.download.start_downloads_in_tmp_dir", false)
    .setPreference("browser.download.always_ask_before_handling_new_types", false)
    .setPreference("browser.helperApps.neverAsk.saveToDisk", "application/json,text/html,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .setPreference("browser.download.alwaysOpenPanel", false)
    .setPreference("intl.accept_languages", "vi-VN");
  const driver = await new Builder()
    .forBrowser("firefox")
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER))
    .build();
  const problems = [];
  const logs = await LogInspector(driver);
  await logs.onConsoleEntry((e) => e.level === "error" && problems.push(`console error: ${e.text}`));
  await logs.onJavascriptException((e) => problems.push(`uncaught: ${e.text}`));
  const session = { driver, downloads, problems };
  sessions.push(session);
  return session;
}

/** A copy of a file in a folder of its own, as a planner saves an attachment; its file: URL. */
function saved(path, name) {
  const dir = mkdtempSync(join(tmpdir(), "chitieu-ff-file-"));
  copyFileSync(path, join(dir, name));
  return pathToFileURL(join(dir, name)).href;
}

/** The file a download named like `pattern` wrote, once it is complete. */
async function downloaded(dir, pattern) {
  const until = Date.now() + WAIT;
  let last = -1;
  while (Date.now() < until) {
    const name = readdirSync(dir).find((f) => pattern.test(f) && !f.endsWith(".part"));
    if (name && !existsSync(join(dir, `${name}.part`))) {
      const size = statSync(join(dir, name)).size;
      if (size > 0 && size === last) return join(dir, name);
      last = size;
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`no download like ${pattern} in ${dir}: ${readdirSync(dir).join(", ")}`);
}

const css = (driver, selector) => driver.wait(until.elementLocated(By.css(selector)), WAIT);
const click = async (driver, selector) => (await css(driver, selector)).click();
async function more(driver, item) {
  const toggle = await css(driver, "button.more-toggle");
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await click(driver, `#more-actions button.${item}`);
}
async function typeFigure(driver, code, column, text) {
  const cell = await css(driver, `tr[data-code="${code}"] input[data-col=${column}]`);
  await cell.click();
  // the cell may be drawn anew once it has focus: keys go to whatever has it
  const focused = await driver.switchTo().activeElement();
  await focused.sendKeys(Key.chord(Key.CONTROL, "a"));
  await focused.sendKeys(text, Key.TAB);
}
async function figure(driver, code, column) {
  return (await css(driver, `tr[data-code="${code}"] input[data-col=${column}]`)).getAttribute("value");
}
const saved_ = (driver) => css(driver, ".save-state[data-state=saved]");
/** Requests the page made, other than to itself, data: and blob: URLs. */
const requests = (driver) =>
  driver.executeScript(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => !/^(data|blob):/.test(n)));

before(() => {
  assert.ok(FIREFOX, "Firefox ESR is not installed (scripts/lib/setup.sh installs it)");
  assert.ok(existsSync(GECKODRIVER), `geckodriver is not at ${GECKODRIVER} (scripts/lib/setup.sh installs it)`);
  assert.ok(existsSync(SINGLE), "dist/chitieu.html is missing: run trunk build --release first");
});

after(async () => {
  for (const s of sessions) await s.driver.quit().catch(() => {});
});

test("Firefox ESR: the single file from a file: URL keeps a plan across a reload, exports it, and hands itself on", async () => {
  const { driver, downloads, problems } = await firefoxWith();
  await driver.get(saved(SINGLE, "chitieu.html"));
  await click(driver, "[data-action=start-sample]");
  await typeFigure(driver, "VB-02", "target", "85");
  await saved_(driver);
  await driver.navigate().refresh();
  await driver.wait(async () => (await figure(driver, "VB-02", "target")) === "85", WAIT, "the plan after a reload");

  await more(driver, "export");
  const json = JSON.parse(readFileSync(await downloaded(downloads, /\.chitieu\.json$/), "utf8"));
  assert.match(JSON.stringify(json.plan.indicators.find((i) => i.code === "VB-02")), /85/);

  // the office module, out of the file: the plan as an Excel workbook
  await more(driver, "export-office");
  const dialog = await driver.wait(until.elementLocated(By.css("[role=dialog]")), WAIT);
  await dialog.findElement(By.xpath(".//button[normalize-space()='Bảng chỉ tiêu Excel (.xlsx)']")).click();
  const xlsx = readFileSync(await downloaded(downloads, /\.xlsx$/));
  assert.equal(xlsx.subarray(0, 2).toString("latin1"), "PK", "an .xlsx is a zip archive");
  assert.ok(xlsx.includes(Buffer.from("xl/worksheets/sheet1.xml")), "with its indicator sheet");
  await driver.actions().sendKeys(Key.ESCAPE).perform();

  // the footer hands on this very file, byte for byte
  await click(driver, "button.download-app");
  assert.ok(readFileSync(await downloaded(downloads, /^chitieu\.html$/)).equals(readFileSync(SINGLE)), "the footer's download is the file itself");

  await more(driver, "export-with-app");
  const withApp = await downloaded(downloads, /\.chitieu\.html$/);
  assert.deepEqual(await requests(driver), [], "the single file requests nothing");
  assert.deepEqual(problems, []);

  // a colleague's file imported from the disk: another plan, opened
  const theirs = structuredClone(json);
  theirs.plan.id = "dong-nghiep";
  theirs.plan.title = "Kế hoạch của đồng nghiệp";
  theirs.plan.indicators.find((i) => i.code === "VB-02").targets = [{ period: "2021", figure: 90 }];
  const folder = mkdtempSync(join(tmpdir(), "chitieu-ff-import-"));
  writeFileSync(join(folder, "dong-nghiep.chitieu.json"), JSON.stringify(theirs));
  const input = await driver.findElement(By.css("input[name=plan-files]"));
  await input.sendKeys(join(folder, "dong-nghiep.chitieu.json"));
  await driver.wait(async () => (await figure(driver, "VB-02", "target")) === "90", WAIT, "the imported plan on screen");
  assert.match(await (await css(driver, ".plan-title")).getText(), /Kế hoạch của đồng nghiệp/);
  assert.deepEqual(await requests(driver), []);
  assert.deepEqual(problems, []);

  // another computer: opened straight onto the plan, asked whether to keep it
  const other = await firefoxWith();
  await other.driver.get(saved(withApp, "ke-hoach.chitieu.html"));
  await css(other.driver, ".keep-dialog");
  assert.equal(await figure(other.driver, "VB-02", "target"), "85");
  await click(other.driver, ".keep-dialog button.keep");
  await saved_(other.driver);
  await other.driver.navigate().refresh();
  await driver.wait(async () => (await figure(other.driver, "VB-02", "target")) === "85", WAIT, "the kept plan after a reload");
  assert.equal((await other.driver.findElements(By.css(".keep-dialog"))).length, 0, "asked once");
  assert.deepEqual(await requests(other.driver), []);
  assert.deepEqual(other.problems, []);
});
