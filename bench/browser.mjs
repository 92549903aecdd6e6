// In-browser figures for the benchmark command, on the release build in
// headless Chromium, with data generated here from a fixed seed:
//   - ready: navigation until the page has painted the start screen, or with a
//     300-indicator, 6-year plan restored from storage (repeated page loads);
//   - keystroke to screen: a figure typed into a cell, until the row and the
//     summary have changed and the page has been laid out again;
//   - switching the selected year, until the table shows the new year;
//   - import of a 5 MB plan file until its table is on screen, and export of it;
//   - the page's memory with the large plan (JS heap plus WebAssembly memory);
//   - rolling up the 3,321 communes of the official list, with keystrokes meanwhile;
//   - Lighthouse on the start page (performance, paints, accessibility, best practices).
// Usage: node bench/browser.mjs DIST_DIR. Prints one table; never fails on a figure.
import { chromium } from "playwright-core";
import { spawn, spawnSync, execSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
// the smallest Yew page built with the same profile (bench/minimal), if given
const minimalDist = process.argv[3];
const port = 8093;
const INDICATORS = 300;
const RUNS = 5;
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

// a small fixed-seed generator, so every run measures the same plan
let seed = 20261122;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function plan(indicatorCount = INDICATORS, notesBytes = 0) {
  const kinds = ["percent", "count", "fraction_of_units", "ratio", "reduction"];
  const indicators = [];
  for (let k = 0; k < indicatorCount; k++) {
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
      ...(notesBytes ? { notes: "Ghi chú về nguồn số liệu, cách tính và cơ quan phối hợp. ".repeat(Math.ceil(notesBytes / 60)).slice(0, notesBytes) } : {}),
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

// the table of a plan of n indicators is on screen: as many rows as fill the first screen (12, or all)
const tableShown = (n) => !!document.querySelector(`table.indicator-table[data-rows="${n}"]`) && document.querySelectorAll("tr.indicator-row").length >= Math.min(n, 12);
// When a page first shows what it is waited for, timed in the page itself: checked at every
// frame, and the time taken once that frame is painted (a message posted from the frame's
// callback runs after its style, layout and paint), so the harness's polling and its round
// trip to the browser are not counted. The same probe times chitieu, the spreadsheet and the
// minimal Yew page. `wants`: [selector, how many] pairs, and a window flag the page sets.
const drawnProbe = ({ wants, flag }) => {
  const met = () => (!flag || window[flag]) && wants.every(([s, n]) => document.querySelectorAll(s).length >= n);
  const tick = () => {
    if (!met()) return requestAnimationFrame(tick);
    const after = new MessageChannel();
    after.port1.onmessage = () => { window.__drawnAt = performance.now(); };
    after.port2.postMessage(0);
  };
  requestAnimationFrame(tick);
};
const drawnAt = async (p) => p.waitForFunction(() => window.__drawnAt, null, { timeout: 60_000 }).then((h) => h.jsonValue());
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const spread = (xs) => { const s = [...xs].sort((a, b) => a - b); return [s[Math.floor(s.length * 0.1)], s[Math.floor(s.length * 0.9)]]; };
const fmt = (x) => x.toFixed(2);

// the benchmark never hangs a build: it gives up after ten minutes
const watchdog = setTimeout(() => {
  console.log("browser benchmark: gave up after 600 s");
  process.exit(0);
}, 600_000);

const server = spawn("node", ["e2e/serve.mjs", dist, String(port)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || execSync("command -v chromium").toString().trim(),
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
// no service worker in the measured pages: it would fetch the office module in the background while timed
for (const make of ["newContext", "newPage"]) {
  const plain = browser[make].bind(browser);
  browser[make] = (options = {}) => plain({ serviceWorkers: "block", ...options });
}
try {
  const file = JSON.stringify(plan());
  // the plan is put where an earlier chitieu kept it; the app moves it into IndexedDB at its first start
  const seedStorage = (text) => {
    if (sessionStorage.getItem("bench.seeded")) return;
    sessionStorage.setItem("bench.seeded", "1");
    localStorage.clear();
    if (text) {
      localStorage.setItem("chitieu.plan.bench", text);
      localStorage.setItem("chitieu.index", JSON.stringify([{ id: "bench", title: "bench", updated: "" }]));
      localStorage.setItem("chitieu.open", "bench");
    }
  };
  // ready: from navigation start until the app answers (the empty state, or the plan's table with the
  // rows of its first screen: rows far from the screen are drawn only when scrolled to), on the second
  // load of a profile, when the plan is in IndexedDB (the first moves it there)
  const memories = [];
  const readyTimes = async (text, wants, measureMemory) => {
    const out = [];
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await context.newPage();
      await p.addInitScript(seedStorage, text);
      await p.addInitScript(drawnProbe, { wants });
      await p.goto(`http://127.0.0.1:${port}/`);
      await drawnAt(p);
      await p.reload();
      out.push(await drawnAt(p));
      if (measureMemory) {
        const cdp = await context.newCDPSession(p);
        await cdp.send("HeapProfiler.collectGarbage");
        const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
        memories.push((heap + (await p.evaluate(() => window.chitieuWasmBytes?.() ?? 0))) / 1048576);
      }
      await context.close();
    }
    return out;
  };
  const readyEmpty = await readyTimes(null, [["#empty-title", 1]], false);
  const readyLarge = await readyTimes(file, [[`table.indicator-table[data-rows="${INDICATORS}"]`, 1], ["tr.indicator-row", Math.min(INDICATORS, 12)]], true);

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(seedStorage, file);
  page.on("pageerror", (e) => console.log("page error:", e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(tableShown, INDICATORS, { timeout: 30_000 });
  const memory = async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => window.chitieuWasmBytes?.() ?? 0);
    return { heap: heap.usedSize, wasm };
  };
  const mem = await memory();

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
    // rows of the first screen, found again each time: the table draws only the rows near the screen
    const ids = [...document.querySelectorAll("tr.indicator-row")].slice(0, 12).map((r) => r.dataset.id);
    const score = () => document.querySelector(".tile.score .tile-number").textContent;
    for (let i = 0; i < 60; i++) {
      const row = document.querySelector(`tr.indicator-row[data-id="${ids[(i * 7) % ids.length]}"]`);
      const input = row.querySelector("input[data-col=actual]");
      input.focus();
      await new Promise((r) => setTimeout(r, 0));
      const gap = row.querySelector(".col-gap").textContent;
      const before = score();
      window.__dom = NaN;
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

  // switching the selected year: the header names it and the last row drawn shows its target
  const switches = await page.evaluate(async () => {
    const out = [];
    const select = document.querySelector("select[name=period]");
    const table = document.querySelector("table.indicator-table");
    const last = () => [...document.querySelectorAll("tr.indicator-row")].pop().querySelector("input[data-col=target]").value;
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

  // export of the large plan: from the click until the file is handed to the browser
  const exports = [];
  for (let r = 0; r < RUNS; r++) {
    exports.push(
      await page.evaluate(async () => {
        const made = new Promise((resolve) => {
          const original = URL.createObjectURL;
          URL.createObjectURL = (blob) => {
            URL.createObjectURL = original;
            resolve(performance.now());
            return original(blob);
          };
        });
        const start = performance.now();
        document.querySelector(".toolbar .export").click();
        return (await made) - start;
      }),
    );
  }

  // the office module on first use, in a fresh page: from the click on
  // "Excel, Word, CSV…" until its dialog is open (download and compilation of
  // the module included); then the .xlsx of the large plan, click to file
  const officeOpen = [];
  const xlsxTimes = [];
  for (let r = 0; r < RUNS; r++) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await p.addInitScript(seedStorage, file);
    await p.goto(`http://127.0.0.1:${port}/`);
    await p.waitForFunction(tableShown, INDICATORS, { timeout: 30_000 });
    officeOpen.push(
      await p.evaluate(async () => {
        const open = new Promise((resolve) => {
          const obs = new MutationObserver(() => {
            if (document.querySelector(".office-dialog")) {
              obs.disconnect();
              resolve(performance.now());
            }
          });
          obs.observe(document.body, { childList: true });
        });
        const start = performance.now();
        document.querySelector(".toolbar .export-office").click(); // in the "Thêm" menu: clicked without opening it
        return (await open) - start;
      }),
    );
    xlsxTimes.push(
      await p.evaluate(async () => {
        const made = new Promise((resolve) => {
          const original = URL.createObjectURL;
          URL.createObjectURL = (blob) => {
            URL.createObjectURL = original;
            resolve(performance.now());
            return original(blob);
          };
        });
        const start = performance.now();
        document.querySelector(".office-dialog .export-list button").click();
        return (await made) - start;
      }),
    );
    await p.close();
  }

  // import of a 5 MB plan file: from the file input's change until its table is on screen
  const big = JSON.stringify({ ...plan(300, 17_500), plan: { ...plan(300, 17_500).plan, id: "big", title: "Kế hoạch 5 MB" } });
  const imports = [];
  for (let r = 0; r < RUNS; r++) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await p.addInitScript(seedStorage, null);
    await p.goto(`http://127.0.0.1:${port}/`);
    await p.locator("#empty-title").waitFor();
    await p.evaluate(() => {
      const input = document.querySelector("input[name=plan-files]");
      input.addEventListener("change", () => (window.__importStart = performance.now()), { capture: true });
    });
    await p.locator("input[name=plan-files]").setInputFiles({ name: "big.chitieu.json", mimeType: "application/json", buffer: Buffer.from(big) });
    await p.waitForFunction(tableShown, 300, { timeout: 30_000 });
    imports.push(await p.evaluate(() => { document.body.offsetHeight; return performance.now() - window.__importStart; }));
    await p.close();
  }

  // roll-up of the country's communes: the official list (assets/units.tsv, 34 provinces and
  // 3,321 communes, wards and special zones), one plan file of 40 indicators each naming its
  // province, chosen as files: from the change until the total is on screen; meanwhile a
  // planner types into the plan list's search box every 50 ms (keystroke until the list shows it)
  const official = [];
  let province = null;
  for (const line of readFileSync("assets/units.tsv", "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const cells = line.split("\t");
    if (cells[0]) province = { code: cells[0], name: cells[1] };
    else official.push({ code: cells[1], name: cells[2], province });
  }
  const provinces = [...new Map(official.map((c) => [c.province.code, c.province])).values()];
  const communePlan = (c, k0) => {
    const indicators = [];
    for (let k = 0; k < 40; k++) {
      const all = 50 + Math.floor(rand() * 500);
      const done = Math.floor(all * rand());
      indicators.push({
        id: `c${k0}-${k}`, code: `XA-${String(k + 1).padStart(2, "0")}`, group: `Nhóm ${1 + (k % 8)}`,
        name: { vi: `Chỉ tiêu xã số ${k + 1}` }, kind: { type: k % 4 === 3 ? "count" : "percent" },
        baseline: { figure: k % 4 === 3 ? done : { numerator: done, denominator: all } },
        targets: [{ period: "2026", figure: k % 4 === 3 ? all : { numerator: Math.min(all, done + 20), denominator: all } }],
        actuals: [{ period: "2026", figure: k % 4 === 3 ? done + 5 : { numerator: Math.min(all, done + 10), denominator: all } }],
      });
    }
    return JSON.stringify({ format: "chitieu-plan", version: 4, plan: {
      id: `xa-${c.code}`, title: `Kế hoạch chuyển đổi số năm 2026 — ${c.name}`, unit: { name: `UBND ${c.name}`, level: "commune", code: c.code },
      parent_unit: { name: `UBND ${c.province.name}`, level: "province", code: c.province.code },
      period: { start: 2026, end: 2026 }, indicators } });
  };
  // written to disk and chosen from there, as a planner's files are: a file chosen from disk costs the browser
  // more to hand on than one made in the page
  const communeDir = mkdtempSync(join(tmpdir(), "chitieu-communes-"));
  const communeFiles = official.map((c, k) => {
    const path = join(communeDir, `${c.code}.chitieu.json`);
    writeFileSync(path, communePlan(c, k));
    return path;
  });
  // a few small stored plans, so that the start screen lists them with its search box
  const listed = Array.from({ length: 10 }, (_, k) => JSON.stringify({ format: "chitieu-plan", version: 4, plan: {
    id: `listed-${k}`, title: `Kế hoạch năm ${2019 + k}`, unit: { name: "UBND tỉnh", level: "province" }, period: { start: 2019 + k, end: 2019 + k }, indicators: [] } }));
  const seedList = (texts) => {
    if (sessionStorage.getItem("bench.seeded")) return;
    sessionStorage.setItem("bench.seeded", "1");
    localStorage.clear();
    texts.forEach((t, k) => localStorage.setItem(`chitieu.plan.listed-${k}`, t));
    localStorage.setItem("chitieu.index", JSON.stringify(texts.map((_, k) => ({ id: `listed-${k}`, title: "listed", updated: "" }))));
  };
  const rollup = async (files, rows, typing) => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await p.addInitScript(seedList, listed);
    await p.goto(`http://127.0.0.1:${port}/`);
    await p.locator("input[name=find-plan]").waitFor();
    await p.evaluate((typing) => {
      window.__keys = [];
      // the clock starts before the app hears of the files (the window hears a change first)
      window.addEventListener("change", (e) => {
        if (e.target.name !== "rollup-files") return;
        window.__rollStart = performance.now();
        if (!typing) return;
        // a keystroke into the search box, until the list has redrawn, while the roll-up runs
        const box = document.querySelector("input[name=find-plan]");
        const list = box.closest("section");
        const type = () => {
          if (!box.isConnected) return;
          const before = list.textContent;
          const start = performance.now();
          const obs = new MutationObserver(() => {
            if (list.textContent === before) return;
            obs.disconnect();
            list.offsetHeight;
            window.__keys.push(performance.now() - start);
          });
          obs.observe(list, { subtree: true, childList: true, characterData: true });
          box.value = box.value ? "" : "zzz";
          box.dispatchEvent(new InputEvent("input", { bubbles: true }));
          setTimeout(type, 50);
        };
        setTimeout(type, 20);
      }, { capture: true });
    }, typing);
    await p.locator("input[name=rollup-files]").setInputFiles(files);
    await p.waitForFunction(tableShown, rows, { timeout: 120_000 });
    const took = await p.evaluate(() => { document.body.offsetHeight; return performance.now() - window.__rollStart; });
    const keys = await p.evaluate(() => window.__keys);
    await p.close();
    return { took, keys };
  };
  const rollups = [];
  const keysDuring = [];
  for (let r = 0; r < 3; r++) {
    const { took, keys } = await rollup(communeFiles, 40, true);
    rollups.push(took);
    keysDuring.push(...keys);
  }
  const rollupBytes = communeFiles.reduce((n, f) => n + statSync(f).size, 0);
  // the second step: the 34 provinces' totals rolled up into the country's
  const provinceFiles = provinces.map((pr, k) => {
    const f = JSON.parse(communePlan({ code: pr.code, name: pr.name, province: { code: "VN", name: "cả nước" } }, 90000 + k));
    f.plan.unit = { name: `UBND ${pr.name}`, level: "province", code: pr.code };
    f.plan.parent_unit = undefined;
    const path = join(communeDir, `tinh-${pr.code}.chitieu.json`);
    writeFileSync(path, JSON.stringify(f));
    return path;
  });
  const provinceRollups = [];
  for (let r = 0; r < 3; r++) provinceRollups.push((await rollup(provinceFiles, 40, false)).took);
  rmSync(communeDir, { recursive: true, force: true });

  // the peer: the same 300 × 6 plan in jspreadsheet-ce with formulas, served the same way
  const peerDir = mkdtempSync(join(tmpdir(), "chitieu-peer-"));
  for (const [from, to] of [
    ["bench/peer/index.html", "index.html"], ["bench/peer/peer.js", "peer.js"],
    ["node_modules/jsuites/dist/jsuites.js", "jsuites.js"], ["node_modules/jsuites/dist/jsuites.css", "jsuites.css"],
    ["node_modules/@jspreadsheet/formula/dist/index.js", "formula.js"],
    ["node_modules/jspreadsheet-ce/dist/index.js", "jspreadsheet.js"], ["node_modules/jspreadsheet-ce/dist/jspreadsheet.css", "jspreadsheet.css"],
  ]) cpSync(from, join(peerDir, to));
  const gz = (dir) => readdirSync(dir).reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  const peerTransfer = gz(peerDir);
  // what a planner's browser downloads to open the app: not the office module, loaded on first use
  const ourTransfer = readdirSync(dist).filter((f) => /\.(wasm|js|css|html)$/.test(f) && !f.startsWith("office") && f !== "chitieu.html").reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  const peerServer = spawn("node", ["e2e/serve.mjs", peerDir, String(port + 1)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 400));
  const peerUrl = `http://127.0.0.1:${port + 1}/`;
  const peerReady = [];
  const peerMemories = [];
  let peerKeys = [];
  let peerSwitch = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await context.newPage();
      await p.addInitScript((text) => localStorage.setItem("peer.plan", text), file);
      await p.addInitScript(drawnProbe, { wants: [["tbody tr", INDICATORS + 1]], flag: "peerReady" });
      await p.goto(peerUrl);
      peerReady.push(await drawnAt(p));
      const cdp = await context.newCDPSession(p);
      await cdp.send("HeapProfiler.collectGarbage");
      peerMemories.push((await cdp.send("Runtime.getHeapUsage")).usedSize / 1048576);
      if (r === RUNS - 1) {
        await p.evaluate(() => {
          window.__until = (root, ready) => new Promise((resolve) => {
            const timer = setTimeout(() => { obs.disconnect(); resolve(NaN); }, 3000);
            const obs = new MutationObserver(() => {
              if (!ready()) return;
              obs.disconnect(); clearTimeout(timer); document.body.offsetHeight; resolve(performance.now());
            });
            obs.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
          });
        });
        // a figure typed into the actual of the selected year (2026, column K) of a row
        peerKeys = await p.evaluate(async () => {
          const out = [];
          const table = document.querySelector("tbody");
          for (let i = 0; i < 60; i++) {
            const y = 1 + ((i * 7) % 300);
            const cell = () => window.peer.getValueFromCoords(18, y, true);
            const before = cell();
            const done = window.__until(table, () => String(cell()) !== String(before));
            const start = performance.now();
            window.peer.setValueFromCoords(10, y, i % 2 ? 95 : 15);
            out.push((await done) - start);
            await new Promise((r) => setTimeout(r, 5));
          }
          return out.filter((x) => !Number.isNaN(x));
        });
        // switching the selected year: cell B1, until the last row shows the new year's target
        peerSwitch = await p.evaluate(async () => {
          const out = [];
          const table = document.querySelector("tbody");
          for (let i = 0; i < 18; i++) {
            const pos = 1 + ((i + 2) % 6);
            const before = String(window.peer.getValueFromCoords(15, 300, true));
            const done = window.__until(table, () => String(window.peer.getValueFromCoords(15, 300, true)) !== before);
            const start = performance.now();
            window.peer.setValueFromCoords(1, 0, pos);
            out.push((await done) - start);
            await new Promise((r) => setTimeout(r, 20));
          }
          return out.filter((x) => !Number.isNaN(x));
        });
      }
      await context.close();
    }
  } finally {
    peerServer.kill();
  }
  // the floor: the smallest Yew page, same profile, same server and browser
  let floorReady = [];
  let floorTransfer = 0;
  if (minimalDist) {
    floorTransfer = gz(minimalDist);
    const floorServer = spawn("node", ["e2e/serve.mjs", minimalDist, String(port + 2)], { stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 400));
    try {
      for (let r = 0; r < RUNS; r++) {
        const context = await browser.newContext();
        const p = await context.newPage();
        await p.addInitScript(drawnProbe, { wants: [["#ready", 1]] });
        await p.goto(`http://127.0.0.1:${port + 2}/`);
        floorReady.push(await drawnAt(p));
        await context.close();
      }
    } finally {
      floorServer.kill();
    }
  }
  // Lighthouse (npm lighthouse, project-local) on the start page of the release build, its
  // default mobile settings (simulated slow 4G and a 4× slower processor), three runs
  const lighthouse = [];
  for (let r = 0; r < 3; r++) {
    const run = spawnSync("node_modules/.bin/lighthouse", [
      `http://127.0.0.1:${port}/`, "--output=json", "--quiet", "--only-categories=performance,accessibility,best-practices",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
    ], { encoding: "utf8", maxBuffer: 64 << 20, timeout: 180_000, env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || execSync("command -v chromium").toString().trim() } });
    try {
      const lhr = JSON.parse(run.stdout);
      lighthouse.push({
        performance: lhr.categories.performance.score, accessibility: lhr.categories.accessibility.score,
        practices: lhr.categories["best-practices"].score,
        fcp: lhr.audits["first-contentful-paint"].numericValue, lcp: lhr.audits["largest-contentful-paint"].numericValue,
      });
    } catch {
      console.log(`lighthouse run ${r + 1}: no report (${(run.stderr || "").trim().split("\n").pop() || run.error || "?"})`);
    }
  }
  const times = (a, b) => (b.length && a.length ? `×${fmt(median(a) / median(b))} of the spreadsheet (${fmt(median(b))} ms)` : "spreadsheet: not measured");

  const row = (name, xs, unit, extra = "") => {
    const [lo, hi] = spread(xs);
    console.log(`${name.padEnd(44)} ${fmt(median(xs)).padStart(9)} ${unit.padEnd(3)} ${fmt(lo).padStart(9)}–${fmt(hi).padEnd(9)} ${String(xs.length).padStart(3)}  ${extra}`);
  };
  console.log(`${"figure".padEnd(44)} ${"median".padStart(9)}     ${"p10".padStart(9)}–${"p90".padEnd(9)} ${"n".padStart(3)}  against`);
  row("ready, empty plan list", readyEmpty, "ms", floorReady.length ? `×${fmt(median(readyEmpty) / median(floorReady))} of a minimal Yew page (${fmt(median(floorReady))} ms)` : "");
  row("ready, 300 × 6 plan restored from storage", readyLarge, "ms", `${times(readyLarge, peerReady)}; aim 200 ms`);
  row("keystroke to screen", keystrokes, "ms", `${fmt(median(keystrokes) / 16.7)} of a 16.7 ms frame; ${times(keystrokes, peerKeys)}; aim 8 ms`);
  row("  of which until the DOM is updated", domOnly, "ms", "the rest is style and layout");
  row("switch the selected year", switches, "ms", `${times(switches, peerSwitch)}; aim 50 ms`);
  row(`import a ${fmt(big.length / 1048576)} MB plan file to the table`, imports, "ms", "aim 250 ms");
  row("export the 300 × 6 plan (click to file)", exports, "ms");
  row("office module, first use: click to its dialog", officeOpen, "ms", "its download and compilation; the app's start never waits for it");
  row("Excel (.xlsx) of the 300 × 6 plan", xlsxTimes, "ms", "click to file, in the office module");
  row(`roll up ${official.length} commune files (${fmt(rollupBytes / 1048576)} MB)`, rollups, "ms", `the official list, ${provinces.length} provinces, chosen from disk; read, checked, summed in a worker, shown; aim 1 s`);
  row("  a keystroke meanwhile, to screen", keysDuring, "ms", `the plan list's search while the files are summed (max ${keysDuring.length ? fmt(Math.max(...keysDuring)) : "?"} ms)`);
  row(`then the ${provinces.length} provinces' totals into one`, provinceRollups, "ms");
  row("memory after the large plan (JS heap + wasm)", memories, "MiB", `last: heap ${fmt(mem.heap / 1048576)} + wasm ${fmt(mem.wasm / 1048576)}; ×${fmt(median(memories) / median(peerMemories))} of the spreadsheet (${fmt(median(peerMemories))} MiB); aim 16 MiB`);
  const floorText = floorTransfer ? `; ×${fmt(ourTransfer / floorTransfer)} of a minimal Yew page's ${fmt(floorTransfer / 1024)} KB` : "";
  console.log(`${"total transfer, gzip -9".padEnd(44)} ${fmt(ourTransfer / 1024).padStart(9)} KB   (×${fmt(ourTransfer / peerTransfer)} of the spreadsheet's ${fmt(peerTransfer / 1024)} KB${floorText}; aim 200 KB this round, then the spreadsheet's)`);
  if (lighthouse.length) {
    row("Lighthouse performance (mobile defaults)", lighthouse.map((l) => l.performance), "", "aim 0.95");
    row("  first contentful paint", lighthouse.map((l) => l.fcp), "ms", "simulated slow 4G");
    row("  largest contentful paint", lighthouse.map((l) => l.lcp), "ms");
    row("Lighthouse accessibility", lighthouse.map((l) => l.accessibility), "", "aim 1.0");
    row("Lighthouse best practices", lighthouse.map((l) => l.practices), "", "aim 1.0");
  }
  console.log(`${"the spreadsheet: ready with the same plan".padEnd(44)} ${fmt(median(peerReady)).padStart(9)} ms   (n=${peerReady.length}; keystroke ${peerKeys.length ? fmt(median(peerKeys)) : "?"} ms, n=${peerKeys.length}; year switch ${peerSwitch.length ? fmt(median(peerSwitch)) : "?"} ms, n=${peerSwitch.length})`);
} finally {
  await browser.close();
  server.kill();
  clearTimeout(watchdog);
}
