#!/usr/bin/env node
// The benchmark of The Backend Guide (issue #7), run by scripts/bench.sh after it has built the
// release site and the no-wasm reference site. Measures, each on its own so that one failure
// leaves the others standing:
//   bytes      every file a first visit downloads (recorded: the static server's request log and
//              the page's own requests in Chromium), raw / gzip -9 / brotli / on the wire
//   lighthouse Lighthouse (mobile preset, default simulated throttling), median of 3 runs
//   latency    diagram node → panel, next chapter → new chapter, quiz answer → feedback
//              (event timestamp → first animation frame after the DOM changed), median of N
//   offline    reload of a chapter with the server stopped → chapter h1 painted, median of N
//   repeat     a chapter on a throttled phone profile (slow 4G, 4× CPU): first visit vs a repeat
//              visit (service worker in control) → chapter h1 painted, and → app running
//   build      incremental `trunk build --release` (measured by bench.sh, passed in)
// and compares the app with the reference (ours/reference) for bytes and LCP. Writes
// report.json and prints one table.
//
//   node tools/bench/bench.mjs --site DIR --reference DIR --out DIR [--build FILE.json]
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const tools = resolve(here, "..");

const CHROMIUM = process.env.CHROME_PATH || "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const PREFIX = "/backend-guide/";
const CHAPTER = "databases"; // the chapter page measured (Lighthouse, reference, offline)
const FIRST_CHAPTER = "what-is-backend";
const LIGHTHOUSE_RUNS = 3;
const TRIALS = Number(process.env.BENCH_TRIALS || 20);
const OFFLINE_TRIALS = Number(process.env.BENCH_OFFLINE_TRIALS || 5);

const opts = parseArgs(process.argv.slice(2));
const site = resolve(opts.site ?? "target/bench-site");
const referenceDir = resolve(opts.reference ?? "target/bench/reference");
const outDir = resolve(opts.out ?? "target/bench");
mkdirSync(outDir, { recursive: true });

const report = {
  generated: new Date().toISOString(),
  environment: {
    node: process.version,
    chromium: null,
    lighthouse: pkgVersion("lighthouse"),
    playwright_core: pkgVersion("playwright-core"),
    site,
    reference: referenceDir,
  },
  build: readBuild(opts.build),
  bytes: null,
  lighthouse: null,
  latency: null,
  offline_reload: null,
  repeat_visit: null,
  ready: null,
  ratios: null,
};

let playwright;
let browser;
try {
  playwright = require("playwright-core");
} catch (e) {
  playwright = null;
}

// Each part has a deadline, so one that hangs still leaves a table (its row says so).
const sections = [
  ["bytes", measureBytes, 120],
  ["lighthouse", measureLighthouse, 360],
  ["latency", measureLatency, 240],
  ["offline_reload", measureOffline, 180],
  ["repeat_visit", measureRepeatVisit, 300],
  ["ready", measureReady, 300],
  ["search", measureSearch, 240],
];
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",") : null;
for (const [name, fn, deadline] of sections) {
  if (only && !only.includes(name)) continue;
  const started = Date.now();
  let timer;
  try {
    report[name] = await Promise.race([
      fn(),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error(`timed out after ${deadline} s`)), deadline * 1000);
      }),
    ]);
  } catch (e) {
    report[name] = { error: oneLine(e) };
  } finally {
    clearTimeout(timer);
  }
  log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
try {
  report.ratios = ratios();
} catch (e) {
  report.ratios = { error: oneLine(e) };
}
if (browser) await Promise.race([browser.close().catch(() => {}), sleep(10000)]);

writeFileSync(join(outDir, "report.json"), JSON.stringify(report, null, 2) + "\n");
printTable();
process.exit(0);

// ---------------------------------------------------------------------------------------------
// Static server (tools/bench/serve.mjs) in its own process, so it can really be stopped.

async function startServer(root, { logFile } = {}) {
  if (!existsSync(root)) throw new Error(`no site at ${root}`);
  const args = [join(here, "serve.mjs"), "--root", root, "--port", "0", "--prefix", PREFIX];
  if (logFile) {
    rmSync(logFile, { force: true });
    args.push("--log", logFile);
  }
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((ok, fail) => {
    let text = "";
    const timer = setTimeout(() => fail(new Error("static server did not start")), 10000);
    child.stdout.on("data", (chunk) => {
      text += chunk;
      const m = text.match(/listening on (\S+)/);
      if (m) clearTimeout(timer), ok(m[1]);
    });
    child.on("exit", (code) => fail(new Error(`static server exited (${code})`)));
  });
  return {
    url, // ends in /backend-guide/
    logFile,
    requests: () =>
      logFile && existsSync(logFile)
        ? readFileSync(logFile, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l))
        : [],
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once("exit", () => ok());
        child.kill("SIGKILL");
      }),
  };
}

async function newContext() {
  const context = await (await getBrowser()).newContext();
  context.setDefaultTimeout(15000);
  return context;
}

async function getBrowser() {
  if (!playwright) throw new Error("playwright-core is not installed (scripts/setup.sh bench)");
  if (!browser) {
    browser = await playwright.chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROME_FLAGS,
      timeout: 60000,
    });
    report.environment.chromium = browser.version();
  }
  return browser;
}

// ---------------------------------------------------------------------------------------------
// Bytes of a first visit.

async function measureBytes() {
  const out = {
    note:
      "files a first visit fetched (static server log + the page's requests in Chromium); " +
      "gzip = level 9 (served so, as GitHub Pages does; PNGs are served raw), brotli = quality 11; " +
      "wire = response bodies the server sent on that visit (304s send none)",
  };
  out.home = await attempt(() => firstVisit(site, "", "home"));
  out.chapter = await attempt(() => firstVisit(site, `chapters/${CHAPTER}`, "chapter"));
  out.reference_chapter = await attempt(() =>
    firstVisit(referenceDir, `chapters/${CHAPTER}`, "reference"),
  );
  return out;
}

async function firstVisit(root, path, name) {
  const server = await startServer(root, { logFile: join(outDir, `requests-${name}.jsonl`) });
  const context = await newContext();
  const pageRequests = [];
  try {
    const page = await context.newPage();
    page.on("request", (r) => pageRequests.push(new URL(r.url()).pathname));
    const started = Date.now();
    await page.goto(server.url + path, { waitUntil: "load", timeout: 30000 });
    await page.waitForSelector("h1", { timeout: 30000 });
    // The service worker (app only) installs in the background: wait until it controls the
    // page, so its precache downloads are part of the visit.
    const hasWorker = existsSync(join(root, "sw.js"));
    if (hasWorker) {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 30000,
      });
    }
    await page.waitForLoadState("networkidle", { timeout: 15000 }).catch(() => {});
    await sleep(300);
    const elapsed = Date.now() - started;
    const requests = server.requests();
    // The first request of each path the page itself made is the page's; the rest (the
    // service worker's install fetches) are background.
    const pageCount = new Map();
    for (const p of pageRequests) pageCount.set(p, (pageCount.get(p) ?? 0) + 1);
    const files = new Map();
    for (const r of requests) {
      const key = r.file ?? r.path;
      const byPage = (pageCount.get(r.path) ?? 0) > 0;
      if (byPage) pageCount.set(r.path, pageCount.get(r.path) - 1);
      const entry =
        files.get(key) ??
        files.set(key, { file: key, paths: new Set(), by: new Set(), statuses: [], wire: 0 }).get(key);
      entry.paths.add(r.path);
      entry.by.add(
        byPage
          ? "page"
          : r.dest === "serviceworker" || (hasWorker && r.path.startsWith(PREFIX))
            ? "service worker"
            : "browser",
      );
      entry.statuses.push(r.status);
      entry.wire += r.bytes;
    }
    const rows = [];
    for (const f of files.values()) {
      const disk = f.file && existsSync(join(root, f.file)) ? readFileSync(join(root, f.file)) : null;
      const sizes = disk ? compressedSizes(disk, f.file) : { raw: null, gzip: null, brotli: null };
      rows.push({
        file: f.file,
        requested_as: [...f.paths],
        fetched_by: [...f.by],
        statuses: f.statuses,
        ...sizes,
        served: disk && /\.(png|jpe?g|gif|webp|avif)$/.test(f.file) ? "raw" : "gzip",
        wire: f.wire,
      });
    }
    rows.sort((a, b) => order(a) - order(b) || (b.raw ?? 0) - (a.raw ?? 0));
    const pageRows = rows.filter((r) => r.fetched_by.includes("page"));
    const sum = (list, key) => list.reduce((s, r) => s + (r[key] ?? 0), 0);
    const served = (r) => (r.served === "raw" ? r.raw : r.gzip) ?? 0;
    return {
      url: server.url + path,
      files: rows,
      page_load: {
        files: pageRows.length,
        raw: sum(pageRows, "raw"),
        gzip: pageRows.reduce((s, r) => s + served(r), 0),
        brotli: sum(pageRows, "brotli"),
        wire: requests
          .filter((r) => pageRequests.includes(r.path))
          .reduce((s, r) => s + r.bytes, 0),
      },
      first_visit_total: {
        files: rows.length,
        raw: sum(rows, "raw"),
        gzip: rows.reduce((s, r) => s + served(r), 0),
        brotli: sum(rows, "brotli"),
        wire: sum(requests, "bytes"),
        requests: requests.length,
      },
      visit_ms: elapsed,
    };
  } finally {
    await context.close().catch(() => {});
    await server.stop();
  }
}

function order(row) {
  const f = row.file ?? "";
  if (/(^|\/)(index|404)\.html$|chapters\//.test(f)) return 0;
  if (f.endsWith(".js") && !f.endsWith("sw.js")) return 1;
  if (f.endsWith(".wasm")) return 2;
  if (f.endsWith(".css")) return 3;
  if (f.endsWith(".webmanifest")) return 5;
  if (f.startsWith("icons/")) return 6;
  return 4;
}

function compressedSizes(buffer, name) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: zlib.Z_BEST_COMPRESSION }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_MODE]: /\.(html|css|js|svg|json|webmanifest)$/.test(name)
          ? zlib.BROTLI_MODE_TEXT
          : zlib.BROTLI_MODE_GENERIC,
        [zlib.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse.

async function measureLighthouse() {
  const out = {
    note:
      `Lighthouse ${report.environment.lighthouse}, mobile preset, default (simulated) throttling, ` +
      `served with gzip; median of ${LIGHTHOUSE_RUNS} runs per value. Routes are served from ` +
      "their shell copies (chapters/<id>.html) with status 200, as on GitHub Pages",
  };
  await attempt(async () => {
    const ours = await startServer(site);
    try {
      out.home = await attempt(() => lighthouseMedian(ours.url, "home"));
      out.chapter = await attempt(() =>
        lighthouseMedian(ours.url + `chapters/${CHAPTER}`, "chapter"),
      );
    } finally {
      await ours.stop();
    }
  }).then((failed) => {
    if (failed?.error) out.home = out.chapter = failed;
  });
  out.reference_chapter = await attempt(async () => {
    const ref = await startServer(referenceDir);
    try {
      return await lighthouseMedian(ref.url + `chapters/${CHAPTER}`, "reference");
    } finally {
      await ref.stop();
    }
  });
  return out;
}

// One part of a section: its value, or { error } so the rest goes on.
async function attempt(fn) {
  try {
    return await fn();
  } catch (e) {
    return { error: oneLine(e) };
  }
}

async function lighthouseMedian(url, name, ignoreStatus = false) {
  const runs = [];
  const errors = [];
  for (let i = 1; i <= LIGHTHOUSE_RUNS; i++) {
    try {
      runs.push(await lighthouseRun(url, `${name}-${i}`, ignoreStatus));
    } catch (e) {
      errors.push(oneLine(e));
    }
  }
  if (runs.length === 0) throw new Error(errors[0] ?? "no Lighthouse run");
  const keys = Object.keys(runs[0]).filter((k) => typeof runs[0][k] === "number");
  const median = { url, runs: runs.length };
  for (const k of keys) median[k] = medianOf(runs.map((r) => r[k]).filter((v) => v != null));
  median.warnings = [...new Set(runs.flatMap((r) => r.warnings))];
  median.failed_audits = [...new Set(runs.flatMap((r) => r.failed_audits))];
  if (errors.length) median.errors = errors;
  median.all_runs = runs.map(({ warnings, ...rest }) => rest);
  return median;
}

async function lighthouseRun(url, name, ignoreStatus) {
  const dir = join(outDir, "lighthouse");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  rmSync(file, { force: true });
  const cli = join(tools, "node_modules", "lighthouse", "cli", "index.js");
  if (!existsSync(cli)) throw new Error("lighthouse is not installed (scripts/setup.sh bench)");
  const args = [
    cli,
    url,
    "--output=json",
    `--output-path=${file}`,
    "--quiet",
    "--only-categories=performance,accessibility,best-practices,seo",
    `--chrome-flags=--headless=new ${CHROME_FLAGS.join(" ")}`,
  ];
  if (ignoreStatus) args.push("--ignore-status-code");
  const { code, stderr } = await run(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: CHROMIUM },
    timeout: 120000,
  });
  if (!existsSync(file)) throw new Error(`lighthouse exited ${code}: ${stderr.trim().split("\n").pop()}`);
  const lhr = JSON.parse(readFileSync(file, "utf8"));
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
  const value = (a) => lhr.audits[a]?.numericValue ?? null;
  // The unthrottled trace the simulation starts from: when the first and the largest paint
  // actually happened (equal when the largest paint is the prerendered page's).
  const observed = lhr.audits.metrics?.details?.items?.[0] ?? {};
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    best_practices: score("best-practices"),
    seo: score("seo"),
    fcp_ms: value("first-contentful-paint"),
    lcp_ms: value("largest-contentful-paint"),
    tbt_ms: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    observed_fcp_ms: observed.observedFirstContentfulPaint ?? null,
    observed_lcp_ms: observed.observedLargestContentfulPaint ?? null,
    warnings: (lhr.runWarnings ?? []).map(String),
    failed_audits: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === "binary")
      .map((a) => a.id),
  };
}

// ---------------------------------------------------------------------------------------------
// Interaction latency: from the event's timestamp to the first animation frame after the DOM
// changed as expected (MutationObserver + requestAnimationFrame in the page, performance.now()).

async function measureLatency() {
  const out = {
    note:
      `median of ${TRIALS} trials in headless Chromium (playwright-core); event.timeStamp of the ` +
      "click → requestAnimationFrame after the DOM change, in the page",
  };
  const server = await startServer(site);
  try {
    for (const [name, fn] of [
      ["diagram_node_to_panel", diagramTrials],
      ["next_chapter_to_h1", chapterTrials],
      ["quiz_answer_to_feedback", quizTrials],
    ]) {
      try {
        out[name] = await fn(server.url);
      } catch (e) {
        out[name] = { error: oneLine(e) };
      }
    }
  } finally {
    await server.stop();
  }
  return out;
}

// Arms the in-page probe: the next `eventType` event starts the clock; the first mutation after
// it for which `condition(arg)` holds stops it at the following animation frame.
async function arm(page, eventType, condition, arg) {
  await page.evaluate(
    ({ eventType, condition, arg }) => {
      const holds = new Function("arg", `return (${condition})(arg);`);
      const state = (window.__bench = { start: null, changed: null, painted: null });
      document.addEventListener(
        eventType,
        (e) => {
          if (state.start === null) state.start = e.timeStamp;
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        if (state.start === null || state.changed !== null || !holds(arg)) return;
        state.changed = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => {
          state.painted = performance.now();
        });
      });
      observer.observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    },
    { eventType, condition: condition.toString(), arg },
  );
}

async function measured(page) {
  await page.waitForFunction(() => window.__bench && window.__bench.painted !== null, null, {
    timeout: 10000,
  });
  const s = await page.evaluate(() => window.__bench);
  return s.painted - s.start;
}

// The app has replaced the prerendered page (it starts after the first paint on reading pages:
// the prerendered markup alone does not mean the app answers yet).
async function appMounted(page) {
  await page.waitForSelector("html[data-app=running] main#main-content:not(.app-loading)", { timeout: 30000 });
}

async function diagramTrials(base) {
  const context = await newContext();
  try {
    const page = await context.newPage();
    await page.goto(base + "diagram");
    await page.waitForSelector('html[data-app=running] svg g[role="button"][data-node]', { timeout: 30000 });
    const nodes = await page.$$eval('svg g[role="button"][data-node]', (els) =>
      els.map((e) => e.getAttribute("data-node")),
    );
    if (nodes.length < 2) throw new Error(`only ${nodes.length} diagram nodes`);
    const times = [];
    for (let i = 0; i < TRIALS; i++) {
      const node = nodes[i % nodes.length];
      await page.evaluate(() => {
        const title = document.getElementById("diagram-panel-title");
        window.__benchPrev = title ? title.tagName + title.textContent : "";
      });
      await arm(
        page,
        "click",
        (node) => {
          const title = document.getElementById("diagram-panel-title");
          const g = document.querySelector(`g[data-node="${node}"]`);
          return (
            title !== null &&
            title.tagName + title.textContent !== window.__benchPrev &&
            /^H[1-6]$/.test(title.tagName) &&
            g !== null &&
            g.getAttribute("aria-expanded") === "true"
          );
        },
        node,
      );
      debug(`diagram trial ${i + 1}: ${node}`);
      await page.click(`svg g[role="button"][data-node="${node}"]`);
      times.push(await measured(page));
    }
    return stats(times, { page: base + "diagram", selector: "#diagram-panel-title: a heading with the new part's name" });
  } finally {
    await context.close().catch(() => {});
  }
}

async function chapterTrials(base) {
  const context = await newContext();
  try {
    const page = await context.newPage();
    const times = [];
    while (times.length < TRIALS) {
      if (!(await page.$(".pager__link--next"))) {
        await page.goto(base + `chapters/${FIRST_CHAPTER}`);
        await page.waitForSelector("h1#chapter-title", { timeout: 30000 });
        await page.waitForSelector("html[data-app=running] .pager__link--next", { timeout: 30000 });
      }
      const expected = (await page.textContent(".pager__link--next .pager__title")).trim();
      await arm(
        page,
        "click",
        (expected) => {
          const h1 = document.querySelector("h1#chapter-title");
          return h1 !== null && h1.textContent.trim() === expected;
        },
        expected,
      );
      debug(`chapter trial ${times.length + 1}: ${expected}`);
      await page.click(".pager__link--next");
      times.push(await measured(page));
    }
    return stats(times, { selector: "h1#chapter-title text = the next chapter's title" });
  } finally {
    await context.close().catch(() => {});
  }
}

async function quizTrials(base) {
  const url = base + `quiz/${CHAPTER}`;
  const times = [];
  for (let i = 0; i < TRIALS; i++) {
    // A fresh context per trial: a finished quiz may be remembered.
    const context = await newContext();
    try {
      const page = await context.newPage();
      await page.goto(url);
      await appMounted(page);
      if (!(await page.$("#quiz-start"))) {
        return { skipped: "n/a (no quiz in this build)", page: url };
      }
      await page.click("#quiz-start");
      const answer = page.locator('input[name="quiz-answer"]').nth(i % 2);
      await answer.waitFor({ state: "attached", timeout: 10000 });
      await answer.check({ force: true });
      await page.evaluate(() => {
        const f = document.getElementById("quiz-feedback");
        window.__benchPrev = f ? f.textContent.trim() : "";
      });
      await arm(
        page,
        "click",
        () => {
          const f = document.getElementById("quiz-feedback");
          const text = f ? f.textContent.trim() : "";
          return text !== "" && text !== window.__benchPrev;
        },
        null,
      );
      await page.click("#quiz-check");
      times.push(await measured(page));
    } finally {
      await context.close().catch(() => {});
    }
  }
  return stats(times, { page: url, selector: "#quiz-feedback text after #quiz-check" });
}

// ---------------------------------------------------------------------------------------------
// Time until a page answers (issue 19): a first visit (fresh context, no service worker) on a
// throttled phone profile — Lighthouse's "slow 4G" (562.5 ms RTT, 1.47 Mbit/s down, 675 kbit/s
// up) and 4× CPU slowdown, through the DevTools protocol — from navigation start until the
// diagram has answered a click on a part (its panel's heading painted), and until a quiz answer
// has been checked (the feedback painted). With the wasm split, both include loading the page's
// chunk.

// BENCH_READY_TRIALS: first visits per row (default 3).
function readyTrials() {
  return Number(process.env.BENCH_READY_TRIALS || 3);
}

async function throttledPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 562.5,
    downloadThroughput: (1474.56 * 1024) / 8,
    uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return page;
}

// performance.now() (from navigation start) at the animation frame after `condition` holds.
async function paintedAt(page, condition) {
  await page.waitForFunction(condition, null, { timeout: 60000 });
  return page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(performance.now()))));
}

async function diagramReady(base) {
  const context = await newContext();
  try {
    const page = await throttledPage(context);
    await page.goto(base + "diagram", { timeout: 60000 });
    const node = 'svg g[role="button"][data-node]';
    await page.waitForSelector(`html[data-app=running] ${node}`, { timeout: 60000 });
    await page.click(node);
    return await paintedAt(page, () => {
      const title = document.getElementById("diagram-panel-title");
      return title !== null && title.textContent.trim() !== "";
    });
  } finally {
    await context.close().catch(() => {});
  }
}

async function quizReady(base) {
  const context = await newContext();
  try {
    const page = await throttledPage(context);
    await page.goto(base + `quiz/${CHAPTER}`, { timeout: 60000 });
    await page.waitForSelector("html[data-app=running] #quiz-start", { timeout: 60000 });
    await page.click("#quiz-start");
    const answer = page.locator('input[name="quiz-answer"]').first();
    await answer.waitFor({ state: "attached", timeout: 60000 });
    await answer.check({ force: true });
    await page.click("#quiz-check");
    return await paintedAt(page, () => {
      const f = document.getElementById("quiz-feedback");
      return f !== null && f.textContent.trim() !== "";
    });
  } finally {
    await context.close().catch(() => {});
  }
}

async function measureReady() {
  const out = {
    note:
      `median of ${readyTrials()} first visits in headless Chromium, slow 4G + 4× CPU (DevTools ` +
      "protocol), from navigation start",
  };
  const server = await startServer(site);
  try {
    for (const [name, fn] of [
      ["diagram_answers_a_click", diagramReady],
      ["quiz_answer_checked", quizReady],
    ]) {
      try {
        const times = [];
        for (let i = 0; i < readyTrials(); i++) times.push(await fn(server.url));
        out[name] = stats(times, {});
      } catch (e) {
        out[name] = { error: oneLine(e) };
      }
    }
  } finally {
    await server.stop();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Search (issue 18): what it fetches when first used, and each keystroke's answer.

async function measureSearch() {
  const SEARCH_QUERIES = ["caching", "databse", "authentication", "idempotent", "status codes"];
  const out = {
    note:
      "the index and the search chunk, fetched on the first focus of the field (gzip -9); " +
      `every keystroke of ${SEARCH_QUERIES.length} queries typed into the field on a chapter in ` +
      "headless Chromium: keydown's event.timeStamp → the status naming the new text in the DOM, " +
      "and → the next animation frame after it",
  };
  const index = readFileSync(join(site, "search-index.json"));
  out.index = compressedSizes(index, "search-index.json");
  const chunk = readdirSync(site).find((f) => f.endsWith("_split_search.wasm"));
  out.chunk = chunk ? compressedSizes(readFileSync(join(site, chunk)), chunk) : { error: "no search chunk" };
  const server = await startServer(site);
  const context = await newContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url + `chapters/${CHAPTER}`);
    await appMounted(page);
    await page.focus("#site-search-input");
    await page.keyboard.type("a");
    await page.waitForFunction(() => /for “a”/.test(document.getElementById("site-search-status").textContent));
    const inDom = [];
    const painted = [];
    for (const query of SEARCH_QUERIES) {
      await page.fill("#site-search-input", "");
      for (let i = 1; i <= query.length; i++) {
        const typed = query.slice(0, i).trim();
        await arm(page, "keydown", (t) => document.getElementById("site-search-status").textContent.includes(`“${t}”`), typed);
        await page.keyboard.press(query[i - 1] === " " ? "Space" : query[i - 1]);
        painted.push(await measured(page));
        inDom.push(await page.evaluate(() => window.__bench.changed - window.__bench.start));
      }
    }
    out.keystroke_in_dom = stats(inDom);
    out.keystroke_painted = stats(painted);
  } finally {
    await context.close();
    await server.stop();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Offline reload: a chapter, service worker in control, server stopped, reload → h1 painted.

async function measureOffline() {
  const times = [];
  let title = null;
  for (let i = 0; i < OFFLINE_TRIALS; i++) {
    const server = await startServer(site);
    const context = await newContext();
    try {
      const page = await context.newPage();
      const url = server.url + `chapters/${CHAPTER}`;
      await page.goto(url);
      await page.waitForSelector("h1#chapter-title", { timeout: 30000 });
      title ??= (await page.textContent("h1#chapter-title")).trim();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 30000,
      });
      await page.addInitScript((expected) => {
        const state = (window.__benchLoad = { changed: null, painted: null });
        const observer = new MutationObserver(() => {
          const h1 = document.querySelector("h1#chapter-title");
          if (state.changed !== null || !h1 || h1.textContent.trim() !== expected) return;
          state.changed = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => {
            state.painted = performance.now();
          });
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
      }, title);
      debug(`offline trial ${i + 1}: controlled; stopping the server`);
      await server.stop();
      debug(`offline trial ${i + 1}: reloading`);
      await page.reload({ waitUntil: "commit", timeout: 30000 });
      debug(`offline trial ${i + 1}: reloaded`);
      await page.waitForFunction(() => window.__benchLoad && window.__benchLoad.painted !== null, null, {
        timeout: 30000,
      });
      const fromWorker = await page.evaluate(
        () => performance.getEntriesByType("navigation")[0]?.workerStart > 0,
      );
      if (!fromWorker) throw new Error("the reload was not served by the service worker");
      times.push(await page.evaluate(() => window.__benchLoad.painted));
    } finally {
      await context.close().catch(() => {});
      await server.stop();
    }
  }
  return stats(times, {
    note: `navigation start of the reload (server stopped) → first animation frame with the chapter's h1 "${title}"`,
  });
}

// ---------------------------------------------------------------------------------------------
// Repeat visit: a chapter on a throttled phone profile, first visit (nothing cached) and then
// again with the service worker in control. From navigation start to the first animation frame
// with the chapter's h1 (what the reader sees) and to `<html data-app=running>` (the app took
// over). Throttled as the rows above (`throttledPage`); responses from the service worker's
// cache do not cross the throttled network.

// Records, from before the page's first byte, when the chapter's h1 was first painted and when
// the app ran, and whether any other h1 was painted first.
function watchLoad(expected) {
  const state = (window.__benchLoad = { painted: null, running: null, other: null });
  const look = () => {
    const h1 = document.querySelector("main h1");
    const text = h1 && h1.textContent.trim();
    if (text && text !== expected && state.painted === null) state.other ??= text;
    if (text === expected && state.painted === null) {
      state.painted = -1;
      requestAnimationFrame(() => (state.painted = performance.now()));
    }
    if (document.documentElement.dataset.app === "running" && state.running === null) {
      state.running = performance.now();
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
}

async function loadTimes(page, url, title) {
  await page.goto(url, { waitUntil: "commit", timeout: 60000 });
  await page.waitForFunction(
    () => window.__benchLoad && window.__benchLoad.painted > 0 && window.__benchLoad.running !== null,
    null,
    { timeout: 60000 },
  );
  const s = await page.evaluate(() => window.__benchLoad);
  if (s.other) throw new Error(`"${s.other}" was painted before "${title}"`);
  return s;
}

async function measureRepeatVisit() {
  const trials = { first_h1: [], first_app: [], repeat_h1: [], repeat_app: [] };
  const server = await startServer(site);
  try {
    for (let i = 0; i < OFFLINE_TRIALS; i++) {
      const context = await newContext();
      try {
        const page = await throttledPage(context);
        const title = chapterTitle();
        await page.addInitScript(watchLoad, title);
        const url = server.url + `chapters/${CHAPTER}`;
        const first = await loadTimes(page, url, title);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
          timeout: 60000,
        });
        const repeat = await loadTimes(page, url, title);
        trials.first_h1.push(first.painted);
        trials.first_app.push(first.running);
        trials.repeat_h1.push(repeat.painted);
        trials.repeat_app.push(repeat.running);
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await server.stop();
  }
  const note = "navigation start → first animation frame with the chapter's h1 / → app running";
  return Object.fromEntries(Object.entries(trials).map(([k, v]) => [k, stats(v, { note })]));
}

// The chapter's h1 as the built page has it (read from the file, outside the browser).
function chapterTitle() {
  const html = readFileSync(join(site, `chapters/${CHAPTER}.html`), "utf8");
  const m = html.match(/<h1[^>]*>([^<]+)</);
  if (!m) throw new Error(`no h1 in chapters/${CHAPTER}.html`);
  return m[1].trim();
}

// ---------------------------------------------------------------------------------------------

function ratios() {
  const ours = report.bytes?.chapter;
  const ref = report.bytes?.reference_chapter;
  const lhOurs = report.lighthouse?.chapter;
  const lhRef = report.lighthouse?.reference_chapter;
  const r = (a, b) => (a != null && b ? Math.round((a / b) * 100) / 100 : null);
  return {
    note: `chapter page (${CHAPTER}): the app vs the plain HTML + CSS reference`,
    first_load_gzip: r(ours?.page_load?.gzip, ref?.page_load?.gzip),
    first_load_brotli: r(ours?.page_load?.brotli, ref?.page_load?.brotli),
    first_visit_wire: r(ours?.first_visit_total?.wire, ref?.first_visit_total?.wire),
    lcp: r(lhOurs?.lcp_ms, lhRef?.lcp_ms),
  };
}

function stats(values, extra = {}) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v) => Math.round(v * 10) / 10;
  return {
    n: values.length,
    median_ms: round(medianOf(values)),
    p90_ms: round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)]),
    min_ms: round(sorted[0]),
    max_ms: round(sorted[sorted.length - 1]),
    ...extra,
    trials_ms: values.map(round),
  };
}

function medianOf(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function readBuild(file) {
  if (!file) return { error: "not measured" };
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return { error: `no build result (${oneLine(e)})` };
  }
}

function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(join(tools, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

function run(cmd, args, { env, timeout }) {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeout);
    child.on("exit", (code) => {
      clearTimeout(timer);
      ok({ code, stderr });
    });
  });
}

function sleep(ms) {
  return new Promise((ok) => setTimeout(ok, ms));
}
function oneLine(e) {
  return String(e?.message ?? e).split("\n")[0].slice(0, 300);
}
function debug(message) {
  if (process.env.BENCH_VERBOSE) log(message);
}
function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}
function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i += 2) out[list[i].replace(/^--/, "")] = list[i + 1];
  return out;
}

// ---------------------------------------------------------------------------------------------
// The one table.

function printTable() {
  const rows = [];
  const kb = (n) => (n == null ? "–" : `${(n / 1000).toFixed(1)} KB`);
  const ms = (n) => (n == null ? "–" : `${Math.round(n)} ms`);
  const err = (section, item, e) => rows.push([section, item, "ERROR", e]);

  // Build
  const build = report.build;
  if (build?.error) err("build", "incremental trunk build --release", build.error);
  else
    rows.push([
      "build",
      "incremental trunk build --release",
      `${build.incremental_s.toFixed(1)} s`,
      `after touch content/chapters/${CHAPTER}.md` +
        (build.initial_s != null ? ` (first build of this run: ${build.initial_s.toFixed(1)} s)` : ""),
    ]);

  // Bytes
  const bytes = report.bytes;
  if (!bytes || bytes.error) err("bytes", "first visit", bytes?.error ?? "not run");
  else {
    for (const [key, label] of [
      ["home", "app, home"],
      ["chapter", `app, chapters/${CHAPTER}`],
      ["reference_chapter", `reference, chapters/${CHAPTER}`],
    ]) {
      const v = bytes[key];
      if (!v || v.error) {
        err("bytes", label, v?.error ?? "not run");
        continue;
      }
      if (key !== "chapter") {
        for (const f of v.files) {
          rows.push([
            `bytes (${label})`,
            `${f.file} [${f.fetched_by.join(" + ")}${f.statuses.some((s) => s !== 200) ? `; ${f.statuses.join(",")}` : ""}]`,
            f.raw == null ? "–" : kb(f.served === "raw" ? f.raw : f.gzip) + (f.served === "raw" ? " raw" : " gz"),
            `raw ${kb(f.raw)} · gzip ${kb(f.gzip)} · br ${kb(f.brotli)} · wire ${kb(f.wire)}`,
          ]);
        }
      }
      rows.push([
        `bytes (${label})`,
        `first-load transfer (page's own requests, ${v.page_load.files} files)`,
        `${kb(v.page_load.gzip)} gz`,
        `raw ${kb(v.page_load.raw)} · br ${kb(v.page_load.brotli)} · wire ${kb(v.page_load.wire)}`,
      ]);
      rows.push([
        `bytes (${label})`,
        `first visit total incl. service-worker install (${v.first_visit_total.requests} requests)`,
        `${kb(v.first_visit_total.wire)} wire`,
        `distinct files: raw ${kb(v.first_visit_total.raw)} · gz ${kb(v.first_visit_total.gzip)} · br ${kb(v.first_visit_total.brotli)}`,
      ]);
    }
  }

  // Lighthouse
  const lh = report.lighthouse;
  if (!lh || lh.error) err("lighthouse", "all pages", lh?.error ?? "not run");
  else {
    for (const [key, label] of [
      ["home", "app, home"],
      ["chapter", `app, chapters/${CHAPTER}`],
      ["reference_chapter", `reference, chapters/${CHAPTER}`],
    ]) {
      const v = lh[key];
      if (!v || v.error) {
        err("lighthouse", label, v?.error ?? "not run");
        continue;
      }
      rows.push([
        "lighthouse (mobile, median of 3)",
        label,
        `perf ${v.performance} · a11y ${v.accessibility} · bp ${v.best_practices} · seo ${v.seo}`,
        `FCP ${ms(v.fcp_ms)} · LCP ${ms(v.lcp_ms)} · TBT ${ms(v.tbt_ms)} · CLS ${v.cls?.toFixed(3) ?? "–"}` +
          ` · unthrottled trace: FCP ${ms(v.observed_fcp_ms)}, LCP ${ms(v.observed_lcp_ms)}` +
          (v.failed_audits.length ? ` · failed: ${v.failed_audits.join(", ")}` : "") +
          (v.runs < LIGHTHOUSE_RUNS ? ` · only ${v.runs} runs: ${v.errors?.[0]}` : ""),
      ]);
    }
  }

  // Ratios
  const ra = report.ratios;
  if (!ra || ra.error) err("ours / reference", "ratios", ra?.error ?? "not computed");
  else {
    const x = (v) => (v == null ? "–" : `${v.toFixed(2)}×`);
    rows.push([
      "ours / reference",
      `chapters/${CHAPTER}: first-load bytes (gzip)`,
      x(ra.first_load_gzip),
      `brotli ${x(ra.first_load_brotli)} · whole first visit on the wire ${x(ra.first_visit_wire)}`,
    ]);
    rows.push(["ours / reference", `chapters/${CHAPTER}: LCP (Lighthouse)`, x(ra.lcp), ""]);
  }

  // Latency
  const lat = report.latency;
  if (!lat || lat.error) err("latency", "interactions", lat?.error ?? "not run");
  else {
    for (const [key, label] of [
      ["diagram_node_to_panel", "diagram node click → panel painted"],
      ["next_chapter_to_h1", "next-chapter click → new chapter painted"],
      ["quiz_answer_to_feedback", "quiz answer checked → feedback painted"],
    ]) {
      const v = lat[key];
      if (!v || v.error) err("latency (median)", label, v?.error ?? "not run");
      else if (v.skipped) rows.push(["latency (median)", label, v.skipped, ""]);
      else
        rows.push([
          "latency (median)",
          label,
          ms1(v.median_ms),
          `n=${v.n} · p90 ${ms1(v.p90_ms)} · min ${ms1(v.min_ms)} · max ${ms1(v.max_ms)}`,
        ]);
    }
  }

  // Time until a page answers, throttled (issue 19)
  const ready = report.ready;
  if (!ready || ready.error) err("ready (throttled)", "diagram, quiz", ready?.error ?? "not run");
  else {
    for (const [key, label] of [
      ["diagram_answers_a_click", "time until the diagram answers a click"],
      ["quiz_answer_checked", "time until a quiz answer can be checked"],
    ]) {
      const v = ready[key];
      if (!v || v.error) err("ready (throttled, median)", label, v?.error ?? "not run");
      else
        rows.push([
          "ready (throttled, median)",
          label,
          ms1(v.median_ms),
          `n=${v.n} · min ${ms1(v.min_ms)} · max ${ms1(v.max_ms)} (slow 4G, 4× CPU, from navigation start)`,
        ]);
    }
  }

  // Offline
  const off = report.offline_reload;
  if (!off || off.error) err("offline reload (median)", `chapters/${CHAPTER}`, off?.error ?? "not run");
  else
    rows.push([
      "offline reload (median)",
      `chapters/${CHAPTER}, server stopped → h1 painted`,
      ms1(off.median_ms),
      `n=${off.n} · min ${ms1(off.min_ms)} · max ${ms1(off.max_ms)} (from navigation start)`,
    ]);

  const rv = report.repeat_visit;
  if (!rv || rv.error) err("repeat visit (median)", `chapters/${CHAPTER}`, rv?.error ?? "not run");
  else
    for (const [key, label] of [
      ["first_h1", "first visit → h1 painted"],
      ["repeat_h1", "repeat visit → h1 painted"],
      ["first_app", "first visit → app running"],
      ["repeat_app", "repeat visit → app running"],
    ])
      rows.push([
        "repeat visit (median, slow 4G, 4× CPU)",
        `chapters/${CHAPTER}: ${label}`,
        ms1(rv[key].median_ms),
        `n=${rv[key].n} · min ${ms1(rv[key].min_ms)} · max ${ms1(rv[key].max_ms)} (from navigation start)`,
      ]);

  const search = report.search;
  if (!search || search.error) err("search", "index and keystrokes", search?.error ?? "not run");
  else {
    for (const [key, label] of [
      ["index", "search-index.json (fetched on first focus)"],
      ["chunk", "search chunk (fetched on first focus)"],
    ]) {
      const v = search[key];
      if (v.error) err("search", label, v.error);
      else rows.push(["search", label, `${kb(v.gzip)} gz`, `raw ${kb(v.raw)} · br ${kb(v.brotli)}`]);
    }
    for (const [key, label] of [
      ["keystroke_in_dom", "keystroke → hits in the DOM (goal ≤ 16 ms)"],
      ["keystroke_painted", "keystroke → next frame after the hits"],
    ])
      rows.push([
        "search (median)",
        label,
        ms1(search[key].median_ms),
        `n=${search[key].n} · p90 ${ms1(search[key].p90_ms)} · max ${ms1(search[key].max_ms)}`,
      ]);
  }

  const header = ["measurement", "item", "value", "details"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => "| " + r.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const r of rows) console.log(line(r));
  console.log(`\n(figures in ${join(outDir, "report.json")}; Chromium ${report.environment.chromium ?? "?"})`);
}

function ms1(n) {
  return n == null ? "–" : `${n.toFixed(1)} ms`;
}
