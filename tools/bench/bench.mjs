// DM Doctor's benchmark: prints, in one run, the size of everything precached, Lighthouse
// mobile results for two screens, and cold and warm (offline) start times against a
// static baseline page. Figures only: nothing here passes or fails.
// Run through `scripts/bench`, which builds the release first.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../../tests/e2e/server.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchProfile } from "../../tests/e2e/browser.mjs";

const RUNS = Number(process.env.RUNS ?? 11);
// Warm starts take a tenth of a second each, so they get three times the runs: their
// ratio is the one with a budget, and this machine's noise is of the same size as it.
const WARM_RUNS = RUNS * 3;
const DIST = "dist";
/** One file of budgets, shared with the size check in scripts/test. */
const BUDGETS = JSON.parse(readFileSync("budgets.json", "utf8"));
const FIRST_QUESTION = "#/check/start/send-fails-everyone";
const DEEP_SCREEN = "#/guide/fix/clear-cache-android";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms, spread ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms (n=${xs.length})`;

console.log("== Sizes: everything the service worker precaches; core, each language pack, first visit ==");
console.log(execFileSync("node", ["tools/size-report.mjs"], { encoding: "utf8" }));

// A static baseline: the app's rendered home screen, saved as plain HTML with the same
// stylesheet and no script at all.
async function makeBaseline(appUrl) {
  const dir = mkdtempSync(join(tmpdir(), "dm-doctor-baseline-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(appUrl + "#/");
  // The app's own home, once it has taken over from the static first screen.
  await page.waitForFunction(() => !document.getElementById("first") && document.querySelector("body > main h1"));
  const body = await page.evaluate(() => document.body.innerHTML);
  await browser.close();
  const css = readdirSync(DIST).find((f) => f.endsWith(".css"));
  copyFileSync(join(DIST, css), join(dir, css));
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'">` +
      `<title>DM Doctor baseline</title><link rel="stylesheet" href="${css}"></head><body>${body}</body></html>`,
  );
  mkdirSync(join(dir, "icons"), { recursive: true });
  copyFileSync(join(DIST, "icons/icon.svg"), join(dir, "icons/icon.svg"));
  return dir;
}

// Records, inside the page, when `selector` first exists (ms since navigation start).
// A selector only: no layout is forced while the page loads (that would slow what is
// measured, more so with the CPU slowed).
const readyScript = (selector) => `
  (() => {
    const check = () => {
      if (document.querySelector(${JSON.stringify(selector)})) { window.__ready = performance.now(); return true; }
      return false;
    };
    if (!check()) {
      const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      document.addEventListener("readystatechange", check);
      observer.observe(document, { childList: true, subtree: true });
    }
  })();`;

async function timeTo(context, url, selector, cpuSlowdown = 1) {
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
  }
  await page.addInitScript(readyScript(selector));
  await page.goto(url);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 20000 });
  const ms = await page.evaluate(() => window.__ready);
  await page.close();
  return ms;
}

const profile = (options) => launchProfile(options);

async function coldStart(url, selector, options) {
  const p = await profile(options);
  const ms = await timeTo(p.context, url, selector);
  await p.close();
  return ms;
}

const app = await startServer({ root: DIST });
const baselineDir = await makeBaseline(app.url);
const baseline = await startServer({ root: baselineDir, csp: false });

// App and baseline runs alternate, so a slow spell of the machine hits both alike.
console.log("== Cold start (empty profile) ==");
const appCold = [];
const appColdSpanish = [];
const baseCold = [];
for (let i = 0; i < RUNS; i++) {
  appCold.push(await coldStart(app.url + FIRST_QUESTION, "main .answers button"));
  // A Spanish browser: the Spanish pack (the largest) instead of the English one.
  appColdSpanish.push(await coldStart(app.url + FIRST_QUESTION, "main .answers button", { locale: "es-MX" }));
  baseCold.push(await coldStart(baseline.url, "main h1"));
}
console.log(`DM Doctor, to the first interactive question: ${fmt(appCold)}`);
console.log(`DM Doctor, the same with a Spanish browser:   ${fmt(appColdSpanish)}`);
console.log(`Static baseline, to its content:              ${fmt(baseCold)}`);
console.log(`Ratio (median): ${(median(appCold) / median(baseCold)).toFixed(2)}x; Spanish ${(median(appColdSpanish) / median(baseCold)).toFixed(2)}x`);

// A budget phone on a bad network (issue 14): the CPU slowed 4x, 400 kbps down, 400 ms
// round trip, files gzip-compressed as a host would. Time to the home screen's text, for
// the app and for the static page with the same text.
async function budgetPhoneVisit(url, selector, started) {
  const p = await profile();
  const page = await p.context.newPage();
  const cdp = await p.context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 400,
    downloadThroughput: (400 * 1000) / 8,
    uploadThroughput: (400 * 1000) / 8,
  });
  await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "gzip" } });
  await page.addInitScript(readyScript(selector));
  await page.goto(url, { timeout: 60000 });
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
  // Shown means painted: not before the first contentful paint (the text can be laid out
  // while the stylesheet is still on its way).
  const ms = await page.evaluate(() => Math.max(window.__ready, performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0));
  // When the app has taken over from the static first screen (it can be used fully).
  let startedMs = null;
  if (started) {
    await page.waitForFunction(started, null, { timeout: 60000 });
    startedMs = await page.evaluate(() => performance.now());
  }
  await p.close();
  return { ms, startedMs };
}
console.log("\n== Budget phone, first visit (CPU 4x slower, 400 kbps, 400 ms round trip, gzip) ==");
const phoneApp = [];
const phoneAppStarted = [];
const phoneBase = [];
for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
  // The home heading shown: the app's, or the static first screen's copy the head
  // script left shown (it hides the others as the parser meets them).
  const visit = await budgetPhoneVisit(app.url + "#/", "body > main h1, dm-first:not([hidden]) main h1", () => !document.getElementById("first") && document.querySelector("body > main h1"));
  phoneApp.push(visit.ms);
  phoneAppStarted.push(visit.startedMs);
  phoneBase.push((await budgetPhoneVisit(baseline.url, "main h1")).ms);
}
console.log(`DM Doctor, to the home screen's text: ${fmt(phoneApp)}`);
console.log(`DM Doctor, the app taken over (polled, +~100 ms): ${fmt(phoneAppStarted)}`);
console.log(`Static page with the same text:      ${fmt(phoneBase)}`);
console.log(`Ratio (median): ${(median(phoneApp) / median(phoneBase)).toFixed(2)}x`);

console.log("\n== Warm start ==");
const warm = await profile();
{
  // First visit installs the service worker and starts a check; later starts resume it.
  const page = await warm.context.newPage();
  await page.goto(app.url + FIRST_QUESTION);
  await page.waitForSelector("main .answers button");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
    }
  });
  await page.close();
}
/** Stops the profile's service workers, as the browser does once an app has sat idle. */
async function stopServiceWorkers(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await cdp.detach();
  await page.close();
}

const appUrl = app.url;
await app.close(); // offline: only the service worker can answer now
const basePage = await profile();
await timeTo(basePage.context, baseline.url, "main h1"); // fills the HTTP cache
const appWarm = [];
const appIdle = [];
const baseWarm = [];
const appWarmSlow = [];
const baseWarmSlow = [];
for (let i = 0; i < WARM_RUNS; i++) {
  appWarm.push(await timeTo(warm.context, appUrl + "#/check", "main .answers button"));
  baseWarm.push(await timeTo(basePage.context, baseline.url, "main h1"));
  await stopServiceWorkers(warm.context);
  appIdle.push(await timeTo(warm.context, appUrl + "#/check", "main .answers button"));
  if (i % 3 === 0) {
    // The same on a budget phone (CPU 4x slower).
    appWarmSlow.push(await timeTo(warm.context, appUrl + "#/check", "main .answers button", 4));
    baseWarmSlow.push(await timeTo(basePage.context, baseline.url, "main h1", 4));
  }
}
await warm.close();
await basePage.close();
console.log(`DM Doctor, offline from the service worker (server stopped): ${fmt(appWarm)}`);
console.log(`Static baseline, second visit (HTTP cache, server running):  ${fmt(baseWarm)}`);
const warmRatio = median(appWarm) / median(baseWarm);
console.log(`Ratio (median): ${warmRatio.toFixed(2)}x (budget: <= ${BUDGETS.warmStartRatio}x${warmRatio > BUDGETS.warmStartRatio ? ", OVER" : ""})`);
console.log(`DM Doctor, offline, service worker stopped first (an app opened after idling): ${fmt(appIdle)}`);
console.log(`With the CPU 4x slower: DM Doctor ${fmt(appWarmSlow)}; baseline ${fmt(baseWarmSlow)}; ratio ${(median(appWarmSlow) / median(baseWarmSlow)).toFixed(2)}x`);

console.log("\n== Lighthouse 12.2.3, mobile (default config), headless Debian Chromium ==");
const lhServer = await startServer({ root: DIST });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
});
for (const [name, route] of [["home", "#/"], ["deep screen (a fix)", DEEP_SCREEN]]) {
  const result = await lighthouse(lhServer.url + route, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  const audits = result.lhr.audits;
  const ms = (id) => `${Math.round(audits[id].numericValue)} ms`;
  const score = Math.round(result.lhr.categories.performance.score * 100);
  console.log(
    `${name.padEnd(20)} performance ${score} (budget: >= ${BUDGETS.lighthousePerformance}${score < BUDGETS.lighthousePerformance ? ", UNDER" : ""})` +
      ` · FCP ${ms("first-contentful-paint")} · LCP ${ms("largest-contentful-paint")}` +
      ` · TBT ${ms("total-blocking-time")} · CLS ${audits["cumulative-layout-shift"].numericValue.toFixed(3)}`,
  );
}
await chrome.kill();
await lhServer.close();
await baseline.close();
rmSync(baselineDir, { recursive: true, force: true });
