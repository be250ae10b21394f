// End-to-end tests of the release build (dist/) in Debian's headless Chromium, each with
// its own server on 127.0.0.1 that the test starts and stops.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cspFor } from "./server.mjs";
import { NGINX_CONF, startHost } from "./hosts.mjs";
import { launchProfile } from "./browser.mjs";
import { SCREENS, assertAccessible, assertScreenRules, expectFocusOnHeading, open, test, waitForServiceWorker, watch, withApp } from "./helpers.mjs";

const DIST = "dist";

/**
 * The same service worker under another build id: what a new deploy looks like to the
 * browser. `changed`: paths whose revision changes too (the worker downloads those
 * instead of copying them from the old cache).
 */
function newBuild(sw, suffix, changed = []) {
  let next = sw.replace(/BUILD ?= ?"([^"]+)"/, `BUILD="$1-${suffix}"`);
  assert.notEqual(next, sw, "the build id was found in sw.js");
  for (const path of changed) {
    const revised = next.replace(new RegExp(`\\["${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}","([0-9a-f]+)"\\]`), `["${path}","$1-${suffix}"]`);
    assert.notEqual(revised, next, `${path} is precached`);
    next = revised;
  }
  return next;
}

/** The precache list of a built sw.js: [path, revision] pairs. */
function precacheList(sw) {
  const list = sw.match(/(\[\["[^\]]*"\](?:,\["[^\]]*"\])*\])/);
  assert.ok(list, "sw.js has its precache list");
  return JSON.parse(list[1]);
}

/** Gives every file in `dir`'s sw.js the revision of its content, as post-build does. */
function reviseBuild(dir) {
  const sw = readFileSync(join(dir, "sw.js"), "utf8");
  const list = precacheList(sw);
  const revised = list.map(([path]) => [path, createHash("sha256").update(readFileSync(join(dir, path))).digest("hex").slice(0, 16)]);
  writeFileSync(join(dir, "sw.js"), sw.replace(JSON.stringify(list), JSON.stringify(revised)));
}

/**
 * A real next build: a copy of dist/ in which every content-hashed file has a new name
 * (as a rebuild with changed code gives) and sw.js has a new build id. Returns its
 * directory and the names of its hashed files.
 */
function nextBuild() {
  const dir = mkdtempSync(join(tmpdir(), "dm-doctor-v2-"));
  cpSync(DIST, dir, { recursive: true });
  // Trunk writes a 64-bit hash in hex without leading zeros: usually 16 digits, now and
  // then 15 or fewer.
  const hashes = new Set(readdirSync(dir).flatMap((f) => f.match(/-([0-9a-f]{12,16})(?:_bg)?\.(?:js|wasm|css)$/)?.[1] ?? []));
  assert.ok(hashes.size >= 3, "the build's CSS, boot script and app have hashed names");
  const renamed = (text) => [...hashes].reduce((t, h) => t.replaceAll(h, [...h].reverse().join("")), text);
  for (const file of readdirSync(dir)) {
    const next = renamed(file);
    if (next !== file) renameSync(join(dir, file), join(dir, next));
  }
  for (const file of readdirSync(dir).filter((f) => /\.(html|js)$/.test(f))) {
    const text = readFileSync(join(dir, file), "utf8");
    writeFileSync(join(dir, file), file === "sw.js" ? newBuild(renamed(text), "v2") : renamed(text));
  }
  reviseBuild(dir);
  const files = readdirSync(dir).filter((f) => /\.(js|wasm|css)$/.test(f) && f !== "sw.js");
  assert.ok(files.every((f) => !readdirSync(DIST).includes(f)), "no file name is shared with the running build");
  return { dir, files };
}

/**
 * sw.js as built, plus a recorder of the paths its fetch handler is asked for (read with
 * `seenByWorker`); with `routes: false`, also without static routes, so the fetch
 * handler does all the work, as in browsers without static routing (Firefox, Safari).
 */
function observedWorker(sw, { routes }) {
  const withoutRoutes = sw.replace(/function addStaticRoutes\s*\((\w+)\)\s*\{/, "$&return;");
  assert.notEqual(withoutRoutes, sw, "sw.js has addStaticRoutes");
  const recorder =
    'self.__seen=[];self.addEventListener("fetch",e=>{const u=new URL(e.request.url);self.__seen.push(u.pathname+u.search)});' +
    'self.addEventListener("message",e=>{if(e.data==="dmd-test-seen")e.ports[0].postMessage(self.__seen)});';
  const observed = (routes ? sw : withoutRoutes).replace('"use strict";', '"use strict";' + recorder);
  assert.ok(observed.includes(recorder), 'sw.js starts with "use strict"');
  return observed;
}

/**
 * Serves sw.js through `observedWorker`. The worker is checked here first: a failed
 * assert inside the server would only turn into a 404 for sw.js.
 */
function observedWorkerOverride(routes) {
  observedWorker(readFileSync(join(DIST, "sw.js"), "utf8"), { routes });
  return { "/sw.js": async (file) => observedWorker(readFileSync(file, "utf8"), { routes }) };
}

/** The paths the controlling service worker's fetch handler has been asked for. */
const seenByWorker = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (e) => resolve(e.data);
        navigator.serviceWorker.controller.postMessage("dmd-test-seen", [channel.port2]);
        setTimeout(() => reject(new Error("the service worker did not answer")), 5000);
      }),
  );

const VARIANTS = [
  { routes: true, name: "static routes" },
  { routes: false, name: "fetch handler only" },
];
/** The hosts of hosts.mjs: the test server, one that redirects index.html, nginx. */
const HOSTS = ["node", "redirect", "nginx"];
/** Offline: both worker variants on the test server and on the redirecting host. */
const OFFLINE_RUNS = [
  ...VARIANTS.map((v) => ({ host: "node", ...v })),
  ...VARIANTS.map((v) => ({ host: "redirect", ...v })),
  { host: "nginx", ...VARIANTS[0] },
];
/** Updates: both worker variants on the test server, and nginx with a symlink switch. */
const UPDATE_RUNS = [...VARIANTS.map((v) => ({ host: "node", ...v })), { host: "nginx", ...VARIANTS[0] }];
/** Screens the other hosts walk offline: home, a search, a deep fix, an unknown route. */
const FEW_SCREENS = ["#/", "#/guide?q=cache", "#/guide/fix/clear-cache-android", "#/no-such-page"];

/** The script, style and wasm files this page has loaded, by name. */
const loadedFiles = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname.split("/").pop())
      .filter((n) => /\.(js|wasm|css)$/.test(n)),
  );


test("the built index.html has a strict CSP and no inline script or style", () => {
  const html = readFileSync(`${DIST}/index.html`, "utf8");
  const meta = html.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/);
  assert.ok(meta, "a CSP meta tag");
  assert.match(meta[0], /content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline <script>");
  assert.doesNotMatch(html, /\sstyle=/, "no style attributes");
  assert.doesNotMatch(html, /'unsafe-inline'|'unsafe-eval'/, "no unsafe-inline or unsafe-eval");
});

test("every screen renders, is accessible and follows the screen rules", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    for (const { route, heading, ready } of SCREENS) {
      await open(page, server.url, route, heading, ready);
      await assertScreenRules(page, route);
      await assertAccessible(page, route);
    }
    await page.emulateMedia({ colorScheme: "dark" });
    for (const { route, heading, ready } of SCREENS) {
      await open(page, server.url, route, heading, ready);
      await assertAccessible(page, `${route} (dark)`);
    }
    watcher.assertClean();
  });
});

test("home lists the five symptoms, each starts a check; every cause's fixes end with a report, or for a built-in rule with what to do instead", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    const symptoms = page.locator("main ul.cards a.card");
    assert.equal(await symptoms.count(), 5);
    await symptoms.nth(3).click();
    await page.waitForSelector("main .question h1");
    // Focus moves to the new screen's heading, so screen readers announce it.
    await expectFocusOnHeading(page, "the question heading");

    await open(page, server.url, "#/guide", "Guide");
    await page.locator("main details summary", { hasText: "Message button" }).click();
    await page.locator("main details[open] a.card", { hasText: "under 16" }).first().click();
    await page.waitForSelector("main .eyebrow:text('Cause')");
    const lastFix = page.locator("main ol.cards a.card").last();
    // Under 16 is a rule support can't change: it ends with what to do instead (issue 10).
    assert.match(await lastFix.textContent(), /Until you turn 16/, "a built-in rule ends with what to do instead");
    await open(page, server.url, "#/guide/cause/outage", "TikTok is down");
    const outageLast = page.locator("main ol.cards a.card").last();
    assert.match(await outageLast.textContent(), /Report/i, "other causes end with reporting the problem");
    watcher.assertClean();
  });
});

test("deep links work on the very first visit, before any service worker", async () => {
  await withApp({}, async ({ server, context, page, watcher }) => {
    // Recorded as the page starts: the worker may claim the page moments later.
    await context.addInitScript(() => {
      window.__controlledAtStart = navigator.serviceWorker.controller !== null;
    });
    await open(page, server.url, "#/guide/fix/update-app", "Update TikTok");
    assert.equal(await page.evaluate(() => window.__controlledAtStart), false, "the first visit loaded without a service worker");
    assert.ok((await page.locator("main ol.steps li").count()) >= 3, "steps are shown");
    watcher.assertClean();
  });
});

for (const host of HOSTS) {
  test(`Chrome reports the app installable (${host})`, async () => {
  await withApp({ host }, async ({ server, context, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    assert.deepEqual(installabilityErrors, []);
    const manifest = await cdp.send("Page.getAppManifest");
    assert.deepEqual(manifest.errors, [], "manifest parses without errors");
    watcher.assertClean();
  });
  });
}

for (const { host, routes, name } of OFFLINE_RUNS) {
  test(`after the first visit every screen works offline, with the server stopped (${host}, ${name})`, async () => {
    const overrides = observedWorkerOverride(routes);
    await withApp({ host, server: { overrides } }, async ({ server, page, watcher }) => {
      await open(page, server.url, "#/", "What's going wrong?");
      await waitForServiceWorker(page);
      // The precache holds exactly the build's files.
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names.find((n) => n.startsWith("dm-doctor-")));
        return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
      });
      assert.equal(cached.names.length, 1, "one cache for one build");
      assert.ok(cached.urls.includes("/index.html") && cached.urls.some((u) => u.endsWith(".wasm")), cached.urls.join());
      assert.ok(!cached.urls.some((u) => u.includes(".trunk-lock")), "the trunk lock is not precached");
      // Every language works offline; the pseudo-locales (for testing) stay out.
      const packs = cached.urls.filter((u) => u.startsWith("/packs/")).map((u) => u.replace(/^\/packs\/|-[0-9a-f]{16}\.txt$/g, ""));
      assert.deepEqual(packs.sort(), ["en", "es", "id", "pt-BR"], "every language's pack, and only those");
      // Nothing stored was redirected (a host may redirect index.html to "/").
      const redirected = await page.evaluate(async () => {
        const cache = await caches.open((await caches.keys()).find((n) => n.startsWith("dm-doctor-")));
        const responses = await Promise.all((await cache.keys()).map((r) => cache.match(r)));
        return responses.filter((r) => r.redirected).map((r) => r.url);
      });
      assert.deepEqual(redirected, [], "no redirected response in the cache");
      if (host === "redirect") {
        const asked = server.requests.filter((r) => r === "/index.html" || r === "/");
        assert.ok(asked.indexOf("/index.html") >= 0 && asked.lastIndexOf("/") > asked.indexOf("/index.html"), `the worker's index.html was redirected to /: ${asked}`);
      }

      // Who answers a start: the static routes, or else the fetch handler. A request
      // with a query always reaches the fetch handler: seeing it afterwards proves the
      // record is this worker's whole record (a restarted worker starts an empty one).
      const marker = `/probe.txt?dmd-test-marker=${Date.now()}`;
      await page.evaluate((url) => fetch(url).then((r) => r.text()), marker);
      await page.reload();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
      const seen = await seenByWorker(page);
      assert.ok(seen.includes(marker), `the worker that answered kept its record: ${seen}`);
      const wasm = cached.urls.find((u) => u.endsWith(".wasm"));
      if (routes) {
        assert.deepEqual(seen.filter((u) => u === "/" || cached.urls.includes(u)), [], "routes answer the shell and every file");
      } else {
        assert.ok(seen.includes("/") && seen.includes(wasm), `the fetch handler answers the shell and the wasm: ${seen}`);
      }

      await server.close();
      // On the other hosts, a few screens prove the point (and keep the suite short).
      for (const { route, heading, ready } of host === "node" ? SCREENS : SCREENS.filter((s) => FEW_SCREENS.includes(s.route))) {
        await page.goto("about:blank");
        await open(page, server.url, route, heading, ready);
        await page.reload();
        await page.waitForFunction((t) => document.querySelector("main h1")?.textContent.includes(t), heading);
        if (ready) await page.waitForSelector(ready);
      }

      // Search finds a fix offline.
      await open(page, server.url, "#/guide", "Guide");
      await page.getByLabel("Search the guide").fill("vpn");
      await page.waitForSelector("main .result-count");
      const results = await page.locator("main a.card .card-title").allTextContents();
      assert.ok(results.includes("Turn off your VPN"), `search results: ${results}`);
      await page.locator("main a.card", { hasText: "Turn off your VPN" }).click();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Turn off your VPN");
      // Back returns to the same search.
      await page.goBack();
      await page.waitForSelector("main .result-count");
      assert.equal(await page.getByLabel("Search the guide").inputValue(), "vpn");
      // Chrome may still fetch the manifest's icons (for its install offer) after the
      // test moved to about:blank, outside the app's scope, with the server gone.
      // It reports that as a warning about the icon, or as a failed load of it.
      watcher.assertClean(
        (p) => /^console (warning|error) on about:blank:/.test(p) && (p.includes("icon from the Manifest") || /\/icons\/icon-[0-9a-z-]+\.png/.test(p)),
      );
    });
  });
}

test("connection probes pass through the service worker to the network", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await waitForServiceWorker(page);
    const hits = (path) => server.requests.filter((r) => r.startsWith(path)).length;
    const before = hits("/manifest.webmanifest");
    const statuses = await page.evaluate(async () => {
      const plain = await fetch("manifest.webmanifest");
      const probes = [];
      for (let i = 0; i < 3; i++) {
        probes.push((await fetch(`manifest.webmanifest?dmd-probe=1&t=${Date.now()}-${i}`, { cache: "no-store" })).status);
      }
      return { plain: plain.status, probes };
    });
    assert.deepEqual(statuses, { plain: 200, probes: [200, 200, 200] });
    assert.equal(hits("/manifest.webmanifest") - before, 3, "the three probes reached the server; the plain fetch came from the cache");

    await server.close();
    const offline = await page.evaluate(async () => {
      try {
        await fetch(`manifest.webmanifest?dmd-probe=1&t=${Date.now()}`, { cache: "no-store" });
        return "answered";
      } catch (error) {
        return error.name;
      }
    });
    assert.equal(offline, "TypeError", "with the server gone a probe fails instead of being answered from the cache");
    watcher.assertClean((p) => p.includes("ERR_CONNECTION_REFUSED") || p.includes("Failed to fetch"));
  });
});

for (const { host, routes, name } of UPDATE_RUNS) {
  test(`a new version waits for the user, takes over with progress intact, and runs offline after a relaunch (${host}, ${name})`, async () => {
    const v1Files = readdirSync(DIST).filter((f) => /\.(js|wasm|css)$/.test(f) && f !== "sw.js");
    const v2 = nextBuild();
    const overrides = observedWorkerOverride(routes);
    const server = await startHost(host, { root: DIST, overrides });
    let profile = null;
    try {
      profile = await launchProfile();
      let watcher = await watch(profile.context);
      let page = profile.context.pages()[0];
      // v1, with a check in progress and a phone chosen.
      await open(page, server.url, "#/", "What's going wrong?");
      await waitForServiceWorker(page);
      await page.locator("main a.card", { hasText: "inbox or chats" }).click();
      await page.waitForSelector("main .question h1");
      await page.locator("main .answers button").first().click();
      await page.waitForFunction(() => /^Question 2 /.test(document.querySelector("main .eyebrow")?.textContent));
      const question = await page.locator("main h1").textContent();
      await page.goto(server.url + "#/guide/fix/clear-cache-android");
      await page.getByLabel("Samsung").check();
      const samsungSteps = await page.locator("main ol.steps").textContent();
      const v1Loaded = await loadedFiles(page);
      assert.ok(v1Loaded.some((f) => f.endsWith(".wasm")) && v1Loaded.every((f) => v1Files.includes(f)), v1Loaded.join());

      // v2 is deployed (the server now has only v2's files): it waits, v1 keeps running.
      await server.deploy(v2.dir);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const reload = page.getByRole("button", { name: "Update available — reload" });
      await reload.waitFor({ timeout: 15000 });
      await assertAccessible(page, "update available");
      assert.equal((await page.evaluate(() => caches.keys())).length, 2, "both builds are cached while the old one runs");
      assert.deepEqual(await loadedFiles(page), v1Loaded, "no file of v2 was loaded into the v1 page");
      // Reopening before accepting still gives v1, whole, from its own cache.
      await page.reload();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent.includes("Clear TikTok"));
      const reopened = await loadedFiles(page);
      assert.ok(reopened.length > 0 && reopened.every((f) => v1Files.includes(f)), `only v1 files after a reload: ${reopened}`);
      await reload.waitFor();

      // Accept: v2 takes over, with the check and the phone choice intact.
      await Promise.all([page.waitForEvent("load"), reload.click()]);
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent.includes("Clear TikTok"));
      const after = await page.evaluate(async () => ({ caches: await caches.keys(), waiting: !!(await navigator.serviceWorker.getRegistration()).waiting }));
      assert.equal(after.caches.length, 1, "the old build's cache is deleted");
      assert.match(after.caches[0], /-v2$/, "the new build is running");
      assert.equal(after.waiting, false);
      const v2Loaded = await loadedFiles(page);
      assert.ok(v2Loaded.some((f) => f.endsWith(".wasm")) && v2Loaded.every((f) => v2.files.includes(f)), `only v2 files: ${v2Loaded}`);
      assert.equal(await page.getByLabel("Samsung").isChecked(), true, "the phone choice survived the update");
      assert.equal(await page.locator("main ol.steps").textContent(), samsungSteps);
      watcher.assertClean();

      // Server gone, app relaunched: v2 opens offline and the check resumes where it was.
      await server.close();
      const context = await profile.relaunch();
      watcher = await watch(context);
      page = context.pages()[0] ?? (await context.newPage());
      await open(page, server.url, "#/", "What's going wrong?");
      assert.match((await page.evaluate(() => caches.keys()))[0], /-v2$/);
      await page.locator("main .resume a.card").click();
      await page.waitForSelector("main .question h1");
      assert.equal(await page.locator("main h1").textContent(), question, "the check resumes at the same question");
      watcher.assertClean();
    } finally {
      await profile?.close();
      await server.close();
      rmSync(v2.dir, { recursive: true, force: true });
    }
  });
}

test("a broken new version (a missing file) never replaces the running one", async () => {
  let broken = false;
  const dist = readFileSync(`${DIST}/sw.js`, "utf8");
  const wasm = dist.match(/"([^"]+\.wasm)"/)[1];
  const overrides = {
    "/sw.js": async (file) => {
      const sw = readFileSync(file, "utf8");
      // Its wasm changed (a new revision), so it can't be copied from the running build.
      return broken ? newBuild(sw, "broken", [wasm]) : sw;
    },
    [`/${wasm}`]: async (file) => (broken ? null : readFileSync(file)),
  };
  await withApp({ server: { overrides } }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await waitForServiceWorker(page);
    broken = true;
    const asked = server.requests.length;
    const outcome = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      // The broken build's worker, from the moment the browser finds it.
      const found = new Promise((resolve) => registration.addEventListener("updatefound", () => resolve(registration.installing), { once: true }));
      const update = await registration.update().then(
        () => "resolved",
        (error) => `rejected: ${error.message}`,
      );
      const worker = await Promise.race([found, new Promise((resolve) => setTimeout(() => resolve(null), 10000))]);
      if (worker && worker.state !== "redundant") {
        const discarded = new Promise((resolve) => worker.addEventListener("statechange", () => worker.state === "redundant" && resolve()));
        await Promise.race([discarded, new Promise((resolve) => setTimeout(resolve, 10000))]);
      }
      return { update, found: !!worker, state: worker?.state, waiting: !!registration.waiting, caches: await caches.keys() };
    });
    assert.equal(outcome.found, true, `the broken build was found and tried (update() ${outcome.update})`);
    assert.equal(outcome.state, "redundant", "its worker was discarded");
    assert.ok(server.requests.slice(asked).includes(`/${wasm}`), "the broken build asked for the missing file");
    assert.equal(outcome.waiting, false, "the broken build is not waiting to take over");
    assert.equal(outcome.caches.length, 1, "its partial cache was removed");
    assert.doesNotMatch(outcome.caches[0], /broken/);
    await page.reload();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    assert.equal(await page.getByRole("button", { name: "Update available — reload" }).count(), 0);
    watcher.assertClean();
  });
});

test("an update downloads only the files that changed; the rest is copied from the old cache", async () => {
  // v2: one language pack's words changed (a new content-hashed pack, so a new head
  // script naming it), as an edit to a translation gives; everything else is as in v1.
  const dir = mkdtempSync(join(tmpdir(), "dm-doctor-v2-"));
  cpSync(DIST, dir, { recursive: true });
  const pack = readdirSync(join(dir, "packs")).find((f) => /^es-[0-9a-f]+\.txt$/.test(f));
  const head = readdirSync(dir).find((f) => /^lang-[0-9a-f]+\.js$/.test(f));
  const newPack = pack.replace(/-([0-9a-f]+)\.txt$/, (_, h) => `-${[...h].reverse().join("")}.txt`);
  const bytes = readFileSync(join(dir, "packs", pack));
  rmSync(join(dir, "packs", pack));
  writeFileSync(join(dir, "packs", newPack), Buffer.concat([bytes, Buffer.from([0])]));
  writeFileSync(join(dir, head), readFileSync(join(dir, head), "utf8").replace(pack, newPack));
  writeFileSync(join(dir, "sw.js"), newBuild(readFileSync(join(dir, "sw.js"), "utf8").replace(pack, newPack), "v2"));
  reviseBuild(dir);
  const server = await startHost("node", { root: DIST });
  let profile = null;
  try {
    profile = await launchProfile();
    const page = profile.context.pages()[0];
    await open(page, server.url, "#/", "What's going wrong?");
    await waitForServiceWorker(page);
    // A file damaged in the running build's cache is not carried over: it is downloaded.
    const css = readdirSync(DIST).find((f) => /^app-[0-9a-f]+\.css$/.test(f));
    await page.evaluate(async (path) => {
      const cache = await caches.open((await caches.keys()).find((n) => n.startsWith("dm-doctor-")));
      await cache.put(new URL(path, location.href).href, new Response("damaged"));
    }, css);
    await server.deploy(dir);
    const asked = server.requests.length;
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByRole("button", { name: "Update available — reload" }).waitFor({ timeout: 15000 });
    const fetched = [...new Set(server.requests.slice(asked).map((r) => r.split("?")[0]))].sort();
    // (And the shell, always: the worker keeps it with the app's downloads started early,
    // so its bytes never match its revision; see withEarlyDownloads in static/sw.js.)
    assert.deepEqual(fetched, ["/" + css, "/" + head, "/index.html", "/packs/" + newPack, "/sw.js"].sort(), "only the changed files (and the damaged one, and the shell) were downloaded");
    const bytesFetched = fetched.reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
    const total = precacheList(readFileSync(join(dir, "sw.js"), "utf8")).reduce((sum, [path]) => sum + statSync(join(dir, path)).size, 0);
    console.log(`update: ${fetched.length} files, ${bytesFetched} of ${total} bytes downloaded`);
    // The new cache is whole: every file of v2, the copied ones included.
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((n) => n.endsWith("-v2")));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    for (const [path] of precacheList(readFileSync(join(dir, "sw.js"), "utf8"))) {
      assert.ok(cached.includes("/" + path), `${path} is in the new cache`);
    }
  } finally {
    await profile?.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every copy of the CSP header matches the built index.html (README, _headers example, nginx)", async () => {
  const header = await cspFor(DIST);
  const readme = readFileSync("README.md", "utf8");
  const copies = [
    ...[...readme.matchAll(/Content-Security-Policy: (.+)$/gm)].map((m, i) => ({ where: `README copy ${i + 1}`, policy: m[1].trim() })),
    ...[...readFileSync(NGINX_CONF, "utf8").matchAll(/add_header Content-Security-Policy "([^"]+)"/g)].map((m) => ({ where: "deploy/nginx.conf", policy: m[1] })),
  ];
  assert.equal(copies.length, 3, `the README's header, its _headers example and nginx.conf: ${copies.map((c) => c.where)}`);
  for (const { where, policy } of copies) assert.equal(policy, header, where);
});

test("nginx with deploy/nginx.conf sends every header the README lists", async () => {
  const host = await startHost("nginx", { root: DIST });
  try {
    const csp = await cspFor(DIST);
    const wasm = readdirSync(DIST).find((f) => f.endsWith(".wasm"));
    const js = readdirSync(DIST).find((f) => /^dm-doctor-.*\.js$/.test(f));
    const css = readdirSync(DIST).find((f) => f.endsWith(".css"));
    const get = async (path) => {
      // Raw headers, as the browser gets them (fetch would hide nothing, but decode bodies).
      const response = await fetch(host.url + path, { headers: { "Accept-Encoding": "gzip" } });
      await response.arrayBuffer();
      return { status: response.status, headers: response.headers };
    };
    const expect = {
      "": { type: /^text\/html/, cache: "no-cache", encoded: true },
      "index.html": { type: /^text\/html/, cache: "no-cache", encoded: true },
      "sw.js": { type: /javascript/, cache: "no-cache", encoded: true },
      [wasm]: { type: /^application\/wasm$/, cache: /max-age/, encoded: true },
      [js]: { type: /javascript/, cache: /max-age/, encoded: true },
      [css]: { type: /^text\/css/, cache: /max-age/, encoded: true },
      "manifest.webmanifest": { type: /^application\/manifest\+json/, cache: /max-age/, encoded: true },
      "icons/icon-512.png": { type: /^image\/png$/, cache: /max-age/, encoded: false },
    };
    for (const [path, want] of Object.entries(expect)) {
      const { status, headers } = await get(path);
      assert.equal(status, 200, path);
      assert.equal(headers.get("content-security-policy"), csp, `CSP on /${path}`);
      assert.match(csp, /frame-ancestors 'none'$/);
      assert.equal(headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(headers.get("referrer-policy"), "no-referrer", path);
      assert.match(headers.get("content-type") ?? "", want.type, `type of /${path}`);
      if (typeof want.cache === "string") assert.equal(headers.get("cache-control"), want.cache, `cache of /${path}`);
      else assert.match(headers.get("cache-control") ?? "", want.cache, `cache of /${path}`);
      assert.equal(headers.get("content-encoding"), want.encoded ? "gzip" : null, `compression of /${path}`);
      if (want.encoded) assert.match(headers.get("vary") ?? "", /Accept-Encoding/i, path);
    }
  } finally {
    await host.close();
  }
});

test("a phone holding a redirected shell from the old worker recovers when the fixed build is deployed", async () => {
  // v1: today's files with the service worker as it was before the fix (a frozen copy),
  // on a host that redirects index.html to "/".
  const old = readFileSync("tests/fixtures/sw-before-redirect-fix.js", "utf8");
  assert.equal(createHash("sha256").update(old).digest("hex"), "452b62057c1bdad01c412258119e85bd7092b57e874b13124b84a5d0fb54f614", "the frozen worker is unchanged");
  const v1 = mkdtempSync(join(tmpdir(), "dm-doctor-old-worker-"));
  cpSync(DIST, v1, { recursive: true });
  const files = readdirSync(v1, { recursive: true })
    .filter((f) => statSync(join(v1, f)).isFile() && f !== "sw.js" && f !== ".trunk-lock")
    .map((f) => f.split("\\").join("/"))
    .sort();
  writeFileSync(join(v1, "sw.js"), old.replace('["__DM_DOCTOR_PRECACHE__"]', JSON.stringify(files)).replace("__DM_DOCTOR_BUILD__", "before-redirect-fix"));
  const server = await startHost("redirect", { root: v1 });
  let profile = null;
  try {
    profile = await launchProfile();
    const watcher = await watch(profile.context);
    // The first visit stays open all along, as an installed app left in Android's
    // recent apps does: the old worker keeps controlling it.
    const kept = profile.context.pages()[0];
    await open(kept, server.url, "#/", "What's going wrong?");
    await waitForServiceWorker(kept);
    // The bug, as users met it: the old worker stored the redirect and serves it.
    const stored = await kept.evaluate(async () => (await (await caches.open("dm-doctor-before-redirect-fix")).match("index.html")).redirected);
    assert.equal(stored, true, "the old worker stored index.html's redirected response");
    const page = await profile.context.newPage();
    await assert.rejects(page.goto(server.url + "#/"), /ERR_FAILED/, "a new visit fails while the old worker serves the redirected shell");

    // The fixed build is deployed. The old worker still answers the next visit with the
    // redirected shell, which fails once more; but that navigation makes the browser
    // check for a new worker, which installs and, seeing the old version's broken
    // shell, takes over at once, although a page of the old version is still open.
    const cdp = await profile.context.newCDPSession(page);
    const versions = new Map();
    cdp.on("ServiceWorker.workerVersionUpdated", ({ versions: updated }) => updated.forEach((v) => versions.set(v.versionId, v.status)));
    await cdp.send("ServiceWorker.enable");
    const activated = () => [...versions].filter(([, status]) => status === "activated").map(([id]) => id);
    for (let waited = 0; activated().length === 0 && waited < 5000; waited += 100) await page.waitForTimeout(100);
    const before = new Set(activated());
    assert.equal(before.size, 1, "the old worker is the active one");
    // The worst case for the fixed worker, which copies unchanged files from the old
    // cache: that cache claims to hold every file at the new build's revision, the
    // redirected shell included. It must download the shell again, never copy it.
    await kept.evaluate(async (list) => {
      const cache = await caches.open("dm-doctor-before-redirect-fix");
      await cache.put(new URL("__dm-doctor-revisions__", location.href).href, new Response(JSON.stringify(list)));
    }, precacheList(readFileSync(`${DIST}/sw.js`, "utf8")));
    await server.deploy(DIST);
    await assert.rejects(page.goto(server.url + "#/"), /ERR_FAILED/, "the first visit after the deploy still meets the old worker");
    const started = Date.now();
    while (!activated().some((id) => !before.has(id))) {
      assert.ok(Date.now() - started < 20000, `no new worker activated within 20 s: ${JSON.stringify([...versions])}`);
      await page.waitForTimeout(100);
    }
    // The next visit works.
    await open(page, server.url, "#/", "What's going wrong?");
    const after = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      const responses = await Promise.all((await cache.keys()).map((r) => cache.match(r)));
      return { names, redirected: responses.filter((r) => r.redirected).length };
    });
    assert.deepEqual(after.names.length, 1, `only the fixed build's cache is left: ${after.names}`);
    assert.doesNotMatch(after.names[0], /before-redirect-fix/);
    assert.equal(after.redirected, 0, "nothing redirected is stored");
    await server.close();
    await page.reload();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    watcher.assertClean((p) => /ERR_FAILED|ERR_CONNECTION_REFUSED|Failed to fetch|FetchEvent|redirect/i.test(p));
  } finally {
    await profile?.close();
    await server.close();
    rmSync(v1, { recursive: true, force: true });
  }
});

test("an update the browser finds by itself on a plain navigation, while another page starts, is offered", async () => {
  const v2 = nextBuild();
  // v2's wasm is slow to download, so its worker stays "installing" for a while.
  const wasm = v2.files.find((f) => f.endsWith(".wasm"));
  const overrides = { [`/${wasm}`]: async (file) => (await new Promise((ok) => setTimeout(ok, 4000)), readFileSync(file)) };
  try {
    await withApp({ server: { overrides } }, async ({ server, page, watcher }) => {
      await open(page, server.url, "#/", "What's going wrong?");
      await waitForServiceWorker(page);
      await server.deploy(v2.dir);
      // No update() by hand: a navigation makes the browser look for a new sw.js.
      await page.reload();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
      // The browser found v2 and is installing it (its wasm is on the way): a page that
      // starts now registers while the new worker is installing, after "updatefound".
      const started = Date.now();
      while (!server.requests.includes(`/${wasm}`)) {
        assert.ok(Date.now() - started < 15000, "the browser did not start installing v2 within 15 s");
        await page.waitForTimeout(50);
      }
      await page.reload();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
      // (Chromium holds this page's register() until the install has finished, so it
      // finds v2 waiting; browsers that resolve it at once find v2 installing, which the
      // app follows too: that branch is tested in tests/components.rs.)
      await page.getByRole("button", { name: "Update available — reload" }).waitFor({ timeout: 15000 });
      watcher.assertClean();
    });
  } finally {
    rmSync(v2.dir, { recursive: true, force: true });
  }
});

test("guide search forgives apostrophes, hyphens and little words, and no results offer the guided check", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    const found = async (query) => {
      await open(page, server.url, `#/guide?q=${encodeURIComponent(query)}`, "Guide", "main .result-count:not(:empty)");
      return page.locator("main a.card .card-title").allTextContents();
    };
    const wontSend = await found("wont send");
    assert.ok(wontSend.length > 0, "'wont send' finds entries");
    assert.deepEqual(wontSend, await found("won't send"));
    const wifi = await found("wifi");
    assert.ok(wifi.length > 0);
    assert.deepEqual(wifi, await found("wi-fi"));
    assert.ok((await found("not sending")).length > 0, "'not sending' finds entries");
    assert.deepEqual(await found("zzzqqq"), []);
    await page.getByRole("link", { name: "start a check from what you see" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    watcher.assertClean();
  });
});

test("Delete my data says what happened next to the button, where the person is", async () => {
  await withApp({ browser: { viewport: { width: 360, height: 800 } } }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/guide/fix/clear-cache-android", "Clear TikTok's cache");
    await page.getByLabel("Samsung").check(); // something saved
    await open(page, server.url, "#/about", "About DM Doctor");
    const button = page.getByRole("button", { name: "Delete my data" });
    await button.click();
    const status = page.locator("main [role=status]", { hasText: "Deleted" });
    await status.waitFor();
    const [box, viewport] = [await status.boundingBox(), page.viewportSize()];
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `the result is in view: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dm-doctor.")).length), 0);
    // The result belongs to this visit: back on About later, it is gone.
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    await page.getByRole("link", { name: "About", exact: true }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "About DM Doctor");
    assert.equal(await page.locator("main [role=status]").textContent(), "", "the last result is forgotten");
    watcher.assertClean();
  });
});

test("home and guide fit a phone: all symptoms in the first screen, the guide folded by problem, search ranked and forgiving", async () => {
  await withApp({ browser: { viewport: { width: 360, height: 800 } } }, async ({ server, page, watcher }) => {
    const inFirstScreen = async (locator, what) => {
      const viewport = page.viewportSize();
      for (const box of await locator.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
        assert.ok(box.top >= 0 && box.bottom <= viewport.height && box.height > 0, `${what} in the first screen: ${JSON.stringify(box)}`);
      }
    };
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      // Home: the lead and every symptom card (title and its one-line summary) are in view.
      await open(page, server.url, "#/", "What's going wrong?");
      const symptoms = page.locator("main .symptoms a.card");
      assert.equal(await symptoms.count(), 5);
      await inFirstScreen(page.locator("main .lead"), "the lead");
      await inFirstScreen(symptoms, "every symptom card");
      await assertScreenRules(page, `home (${scheme})`);

      // Guide: one closed section per problem, each with its counts, all in view.
      await open(page, server.url, "#/guide", "Guide");
      const sections = page.locator("main details.guide-section");
      assert.equal(await sections.count(), 5);
      assert.deepEqual(await sections.evaluateAll((els) => els.map((el) => el.open)), [false, false, false, false, false], "closed at first");
      for (const summary of await page.locator("main details.guide-section > summary").allTextContents()) {
        assert.match(summary, /\d+ causes · \d+ fixes/, "each section says how much is inside");
      }
      await inFirstScreen(page.locator("main details.guide-section > summary"), "the table of contents");
      assert.equal(await page.locator("main a.card").filter({ visible: true }).count(), 0, "no entry shows until a section is opened");
      await assertScreenRules(page, `guide (${scheme})`);
      await assertAccessible(page, `guide (${scheme})`);

      // Opening a problem shows its causes and fixes; Back from an entry returns to it open.
      await page.locator("main details summary", { hasText: "won't send to one person" }).click();
      const opened = page.locator("main details[open]");
      assert.equal(await opened.count(), 1);
      const [causes, fixes] = (await opened.locator("summary").textContent()).match(/\d+/g).map(Number);
      assert.equal(await opened.locator("a.card").count(), causes + fixes, "the counts match the entries inside");
      assert.ok(await opened.getByRole("link", { name: "The other person may have blocked you" }).isVisible());
      await assertScreenRules(page, `guide, a section open (${scheme})`);
      await assertAccessible(page, `guide, a section open (${scheme})`);
      await opened.getByRole("link", { name: /^Follow each other/ }).click();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Follow each other");
      await page.goBack();
      await page.locator("main details[open] summary", { hasText: "won't send to one person" }).waitFor();
      assert.equal(await page.locator("main details[open]").count(), 1, "the same section is open again");
    }

    // Search: typed without apostrophes or hyphens finds the same, as a short ranked list.
    const found = async (query) => {
      await open(page, server.url, `#/guide?q=${encodeURIComponent(query)}`, "Guide", "main .result-count:not(:empty)");
      return page.locator("main a.card .card-title").allTextContents();
    };
    const wontSend = await found("wont send");
    assert.ok(wontSend.length > 0 && wontSend.length <= 12, `'wont send' finds a short list: ${wontSend}`);
    assert.deepEqual(await found("won't send"), wontSend);
    const wifi = await found("wifi");
    assert.ok(wifi.length > 0 && wifi.length <= 8, `'wifi' finds a short list: ${wifi}`);
    assert.deepEqual(await found("wi-fi"), wifi);
    assert.deepEqual(wifi.slice(0, 3).sort(), ["Sign in to the Wi-Fi, or use mobile data", "The Wi-Fi you're on blocks TikTok or needs a login", "Try the other network (Wi-Fi or mobile data)"], "title matches first");
    assert.equal(await page.locator("main details").count(), 0, "results are one flat list");
    await assertScreenRules(page, "guide search");
    await assertAccessible(page, "guide search");
    // Back from a result returns to the same results.
    await page.locator("main a.card").first().click();
    await page.waitForFunction((title) => document.querySelector("main h1")?.textContent === title, wifi[0]);
    await page.goBack();
    await page.waitForSelector("main .result-count:not(:empty)");
    assert.equal(await page.getByLabel("Search the guide").inputValue(), "wi-fi");
    assert.deepEqual(await page.locator("main a.card .card-title").allTextContents(), wifi);
    // Nothing found offers the guided check.
    assert.deepEqual(await found("zzzqqq"), []);
    await page.getByRole("link", { name: "start a check from what you see" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    watcher.assertClean();
  });
});
