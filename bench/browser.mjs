// In-browser figures for the benchmark command: a plan of 300 indicators over
// 6 years, generated from a fixed seed, is restored from storage into the
// release build, then headless Chromium measures
//   - keystroke to screen: a figure typed into a cell, until the row and the
//     summary have changed and the page has been laid out again;
//   - switching the selected year, until the table shows the new year.
// Usage: node bench/browser.mjs DIST_DIR. Prints one line per figure.
import { chromium } from "playwright-core";
import { spawn, execSync } from "node:child_process";

const dist = process.argv[2] ?? "dist";
const port = 8093;
const INDICATORS = 300;
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

// a small fixed-seed generator, so every run measures the same plan
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function plan() {
  const kinds = ["percent", "count", "fraction_of_units", "ratio", "reduction"];
  const indicators = [];
  for (let k = 0; k < INDICATORS; k++) {
    const type = kinds[k % kinds.length];
    const counts = type === "fraction_of_units" || type === "ratio";
    const fig = (v) => (counts ? { numerator: Math.round(v), denominator: 100 } : Math.round(v * 10) / 10);
    const base = 20 + rand() * 40;
    indicators.push({
      id: `i${k}`,
      code: `BM-${String(k + 1).padStart(3, "0")}`,
      group: `Nhóm ${1 + (k % 12)}`,
      name: { vi: `Chỉ tiêu thử số ${k + 1}: tỷ lệ hồ sơ xử lý trực tuyến toàn trình`, en: `Test indicator ${k + 1}` },
      kind: type === "ratio" ? { type, numerator: "trực tuyến", denominator: "tổng" } : { type },
      direction: "higher",
      comparator: "at_least",
      unit_label: type === "count" ? "hệ thống" : "%",
      baseline: { figure: fig(base), as_of: "2024-12-31", source: "bench" },
      targets: YEARS.map((y, i) => ({ period: String(y), figure: fig(base + (i + 1) * 7) })),
      actuals: YEARS.slice(0, 3).map((y, i) => ({ period: String(y), figure: fig(base + (i + 1) * 6 * rand() * 2) })),
    });
  }
  return {
    format: "chitieu-plan", version: 1, app_version: "bench", exported: "2026-01-01T00:00:00Z",
    plan: {
      id: "bench", title: "Kế hoạch thử tải 300 chỉ tiêu", unit: { name: "UBND tỉnh", level: "province" },
      document_number: "", period: { start: 2025, end: 2030 }, author: "", notes: "", created: "", updated: "",
      sub_units: [], indicators,
    },
  };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const spread = (xs) => { const s = [...xs].sort((a, b) => a - b); return [s[Math.floor(s.length * 0.1)], s[Math.floor(s.length * 0.9)]]; };
const fmt = (x) => x.toFixed(2);

// the benchmark never hangs a build: it gives up after two minutes
const watchdog = setTimeout(() => {
  console.log("browser benchmark: gave up after 120 s");
  process.exit(0);
}, 120_000);

const server = spawn("node", ["e2e/serve.mjs", dist, String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || execSync("command -v chromium").toString().trim(),
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const file = JSON.stringify(plan());
  await page.addInitScript((text) => {
    localStorage.clear();
    localStorage.setItem("chitieu.plan.bench", text);
    localStorage.setItem("chitieu.index", JSON.stringify([{ id: "bench", title: "bench", updated: "" }]));
    localStorage.setItem("chitieu.open", "bench");
  }, file);
  const t0 = Date.now();
  await page.goto(`http://127.0.0.1:${port}/`);
  page.on("pageerror", (e) => console.log("page error:", e.message));
  await page.waitForFunction((n) => document.querySelectorAll("tr.indicator-row").length === n, INDICATORS, { timeout: 30_000 });
  const ready = Date.now() - t0;

  // Both measures start at the event and stop when the DOM shows the result,
  // checked on every DOM change and laid out again (style and layout included).
  await page.evaluate(() => {
    window.__until = (root, ready) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => { obs.disconnect(); resolve(NaN); }, 2000);
        const obs = new MutationObserver(() => {
          if (!ready()) return;
          obs.disconnect();
          clearTimeout(timer);
          window.__dom = performance.now();
          document.body.offsetHeight;
          resolve(performance.now());
        });
        obs.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      });
  });

  // keystroke to screen: the row's gap and the summary's score have both changed
  const keystrokes = await page.evaluate(async () => {
    const out = [];
    const view = document.querySelector(".plan-view");
    const rows = [...document.querySelectorAll("tr.indicator-row")];
    const score = () => document.querySelector(".tile.score .tile-number").textContent;
    for (let i = 0; i < 60; i++) {
      const row = rows[(i * 7) % rows.length];
      const input = row.querySelector("input[data-col=actual]");
      input.focus();
      await new Promise((r) => setTimeout(r, 0));
      const gap = row.querySelector(".col-gap").textContent;
      const before = score();
      const done = window.__until(view, () => row.querySelector(".col-gap").textContent !== gap && score() !== before);
      const start = performance.now();
      input.value = input.value === "15" ? "95" : "15";
      input.dispatchEvent(new InputEvent("input", { bubbles: true }));
      const end = await done;
      out.push(end - start);
      (window.__domTimes ??= []).push(window.__dom - start);
      input.blur();
      await new Promise((r) => setTimeout(r, 5));
    }
    return out.filter((x) => !Number.isNaN(x));
  });

  // switching the selected year: the header names it and the last row shows its target
  const switches = await page.evaluate(async () => {
    const out = [];
    const select = document.querySelector("select[name=period]");
    const table = document.querySelector("table.indicator-table");
    const rows = [...document.querySelectorAll("tr.indicator-row")];
    const last = () => rows[rows.length - 1].querySelector("input[data-col=target]").value;
    const years = ["2027", "2028", "2029", "2030", "2025", "2026"];
    for (let i = 0; i < 18; i++) {
      const year = years[i % years.length];
      if (select.value === year) continue;
      const before = last();
      const done = window.__until(table, () => table.tHead.textContent.includes(year) && last() !== before);
      const start = performance.now();
      select.value = year;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      out.push((await done) - start);
      await new Promise((r) => setTimeout(r, 20));
    }
    return out.filter((x) => !Number.isNaN(x));
  });

  const domOnly = await page.evaluate(() => window.__domTimes.filter((x) => !Number.isNaN(x)));
  const [k10, k90] = spread(keystrokes);
  const [s10, s90] = spread(switches);
  console.log(`plan ready after load (300 × 6, from storage)   ${String(ready).padStart(8)} ms`);
  console.log(`keystroke to screen, median (p10–p90)          ${fmt(median(keystrokes)).padStart(8)} ms  (${fmt(k10)}–${fmt(k90)}, n=${keystrokes.length}; ${fmt(median(keystrokes) / 16.7)} of a 16.7 ms frame)`);
  console.log(`  of which until the DOM is updated, median       ${fmt(median(domOnly)).padStart(8)} ms  (the rest is style and layout)`);
  console.log(`switch selected year, median (p10–p90)         ${fmt(median(switches)).padStart(8)} ms  (${fmt(s10)}–${fmt(s90)}, n=${switches.length})`);
} finally {
  await browser.close();
  server.kill();
  clearTimeout(watchdog);
}
