// End-to-end tests of the static first screen (index.html holds home as plain HTML in
// every language) against the release build: with the wasm held back, home is there in
// the browser's language and its links work; released, the app takes over without a
// shift, at the screen the address names; and when the app can't be downloaded, a short
// message with Try again, never a blank page.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { answerAll, appStarted, assertAccessible, assertScreenRules, test, waitForServiceWorker, withApp } from "./helpers.mjs";

const WASM = "**/dm-doctor-*_bg.wasm";

/**
 * Holds every request for the wasm until `release()`; `requested` resolves at the first.
 * (A first visit: no service worker yet, so every request reaches the route.)
 */
async function holdWasm(context) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let requested;
  const asked = new Promise((resolve) => (requested = resolve));
  await context.route(WASM, async (route) => {
    requested();
    await released;
    await route.continue();
  });
  return { release, asked };
}

/** Sums layout shifts from the first paint on (the CLS a user would get, no input). */
function watchLayoutShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({ value: entry.value, input: entry.hadRecentInput });
    }
  }).observe({ type: "layout-shift", buffered: true });
}

/** What is visible of the static first screen: its copies shown, and its main's text. */
const visibleStatic = (page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll("dm-first")].filter((el) => el.getClientRects().length > 0 || [...el.children].some((c) => c.getClientRects().length > 0));
    return {
      shown: shown.map((el) => el.lang),
      heading: shown[0]?.querySelector("h1").textContent ?? null,
      main: shown[0]?.querySelector("main").innerText ?? null,
      links: shown.flatMap((el) => [...el.querySelectorAll("a")].map((a) => a.getAttribute("href"))),
    };
  });

test("with the wasm held back, home is there in the browser's language; the app takes over with no shift", async () => {
  await withApp({ browser: { locale: "es-MX", viewport: { width: 360, height: 800 } }, initScript: watchLayoutShifts }, async ({ server, context, page, watcher }) => {
    const wasm = await holdWasm(context);
    await page.goto(server.url);
    await wasm.asked;
    await page.waitForSelector("dm-first[lang='es'] main h1", { state: "visible" });
    const before = await visibleStatic(page);
    assert.deepEqual(before.shown, ["es"], "only the Spanish copy shows");
    assert.equal(before.heading, "¿Qué está fallando?");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es", "<html lang> is the language shown");
    assert.ok(before.links.every((href) => href.startsWith("#/")), `every link is an address of the app: ${before.links}`);
    await assertScreenRules(page, "static first screen", "es");
    await assertAccessible(page, "static first screen");
    const boxes = () => page.evaluate(() => [...document.querySelectorAll(".brand, .top nav a, h1, .lead, main .card, main .actions a")].filter((el) => el.getClientRects().length > 0).map((el) => {
      const box = el.getBoundingClientRect();
      return `${el.textContent.trim().slice(0, 20)} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
    }));
    // Scrolled a little, as someone reading the list would be.
    await page.evaluate(() => window.scrollTo(0, 120));
    const staticBoxes = await boxes();

    wasm.release();
    await appStarted(page);
    assert.equal(await page.evaluate(() => window.scrollY), 120, "the scroll is left alone");
    assert.equal(await page.evaluate(() => location.hash), "", "the address is left alone");
    assert.equal(await page.locator("main h1").textContent(), before.heading, "the app shows the same home");
    const after = await page.evaluate(() => document.querySelector("main").innerText);
    assert.ok(after.startsWith(before.main), `the app's home begins with the static screen's text:\n${after}\n---\n${before.main}`);
    assert.deepEqual(await boxes(), staticBoxes, "heading, cards and buttons are where they were");
    // The browser's own measure, as Lighthouse reads it (two frames on, so a late shift
    // is reported too). It doesn't count elements that are new, and the app's are: the
    // boxes above are what proves nothing moved.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], "no layout shift reported (CLS 0)");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "es");
    watcher.assertClean();
  });
});

const TIKTOK_IN_APP =
  "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36 trill_320404 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/32.4.4 BytedanceWebview/d8a21c6";

test("in TikTok's built-in browser the static home says so first, as the app does, and nothing moves when it takes over", async () => {
  await withApp({ browser: { locale: "id-ID", userAgent: TIKTOK_IN_APP, viewport: { width: 360, height: 800 } } }, async ({ server, context, page, watcher }) => {
    const wasm = await holdWasm(context);
    await page.goto(server.url);
    await wasm.asked;
    const line = page.locator("dm-first[lang='id'] .in-app-line");
    await line.waitFor();
    const staticLine = await line.innerText();
    assert.match(staticLine, /TikTok/);
    const boxes = () => page.evaluate(() => [...document.querySelectorAll("h1, .in-app-line, main .card")].filter((el) => el.getClientRects().length > 0).map((el) => {
      const box = el.getBoundingClientRect();
      return `${el.className} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`;
    }));
    const staticBoxes = await boxes();
    wasm.release();
    await appStarted(page);
    assert.equal(await page.locator("main .in-app-line").innerText(), staticLine, "the app's line, word for word");
    assert.deepEqual(await boxes(), staticBoxes, "the line and the cards are where they were");
    watcher.assertClean();
  });
});

test("a symptom tapped before the wasm has loaded ends on that check", async () => {
  await withApp({ browser: { viewport: { width: 412, height: 915 } } }, async ({ server, context, page, watcher }) => {
    const wasm = await holdWasm(context);
    await page.goto(server.url + "#/");
    await wasm.asked;
    const card = page.locator("dm-first[lang='en'] a.card", { hasText: "won't send to one person" });
    await card.click();
    assert.equal(await page.evaluate(() => location.hash), "#/check/start/send-fails-one-person", "a plain navigation");
    // Seen at once: the tap was taken, the app is on its way.
    assert.equal(await page.getByRole("status").innerText(), "Opening… DM Doctor is still downloading.");
    wasm.release();
    await appStarted(page);
    await page.waitForSelector("main .question h1");
    assert.match(await page.evaluate(() => location.hash), /^#\/check\/question\//, "the check has started");
    assert.match(await page.locator("main").innerText(), /one person/, "on the symptom tapped");
    watcher.assertClean();
  });
});

/** Loads the page anew at `hash` (a new document, not a move within this one) and waits for the app. */
/**
 * A fresh load at `hash`. Not a hash change and a reload: the running app would act on
 * the hash change (a check's start address saves a check and moves on) while the reload
 * is under way, and the load would find a different address or store each time.
 */
async function reloadAt(page, server, hash) {
  await page.goto("about:blank");
  await page.goto(server.url + hash);
  await appStarted(page);
}

/** Records, once the page is parsed (before any script of the app runs), which copies of the static screen show. */
function recordStaticCopies() {
  document.addEventListener("readystatechange", () => {
    if (document.readyState === "interactive") {
      window.__staticShown = [...document.querySelectorAll("dm-first")].filter((el) => !el.hidden).map((el) => el.lang);
    }
  });
}

test("a link focused before the app starts keeps the focus; other addresses and a saved check never show the static home", async () => {
  await withApp({ initScript: recordStaticCopies }, async ({ server, context, page, watcher }) => {
    const wasm = await holdWasm(context);
    await page.goto(server.url);
    await wasm.asked;
    assert.deepEqual(await page.evaluate(() => window.__staticShown), ["en"]);
    await page.locator("dm-first[lang='en'] .actions a", { hasText: "Browse the guide" }).focus();
    wasm.release();
    await appStarted(page);
    assert.equal(
      await page.evaluate(() => document.activeElement.closest("main") !== null && document.activeElement.textContent),
      "Browse the guide",
      "the app's own link has the focus",
    );

    // Another address waits for the app rather than flash home.
    await reloadAt(page, server, "#/guide");
    assert.deepEqual(await page.evaluate(() => window.__staticShown), [], "no copy of home at #/guide");
    assert.equal(await page.locator("main h1").textContent(), "Guide");

    // With a check saved, home waits too: the app's home has its "Continue" card first.
    await reloadAt(page, server, "#/check/start/inbox-wont-load");
    await page.waitForSelector("main .question h1");
    await reloadAt(page, server, "#/");
    assert.deepEqual(await page.evaluate(() => window.__staticShown), [], "no copy of home with a check saved");
    await page.waitForSelector("main .resume");
    watcher.assertClean();
  });
});

test("a check left at its end screen: home has no Continue card to add, so the static home shows again", async () => {
  await withApp({ initScript: recordStaticCopies }, async ({ server, page, watcher }) => {
    await reloadAt(page, server, "#/");
    await answerAll(page, "won't send to anyone");
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    await page.waitForSelector("main .plan-step h1");
    if (await page.locator("main .phone-question").count()) {
      await page.locator("main .phone-question button", { hasText: "Samsung" }).click();
    }
    await page.getByRole("button", { name: "Yes, it works" }).click();
    await page.waitForSelector("main .success h1");

    await reloadAt(page, server, "#/");
    assert.deepEqual(await page.evaluate(() => window.__staticShown), ["en"], "the static home, with the check finished");
    assert.equal(await page.locator("main .resume").count(), 0, "nor does the app's home offer to continue");

    // The mark belongs to its check: "Delete my data" doesn't count it as an item.
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dm-doctor.")));
    assert.ok(keys.includes("dm-doctor.check-finished") && keys.includes("dm-doctor.check"), keys.join());
    await page.getByRole("link", { name: "About", exact: true }).click();
    await page.getByRole("button", { name: "Delete my data" }).click();
    const deleted = await page.locator("main [role=status]", { hasText: "Deleted" }).textContent();
    const items = keys.length - 1;
    assert.equal(deleted, `Deleted ${items} saved item${items === 1 ? "" : "s"} from this phone.`);
    watcher.assertClean();
  });
});

test("a wasm that can't be downloaded: a short message with Try again, and the links still lead somewhere", async () => {
  await withApp({ browser: { locale: "pt-BR" } }, async ({ server, context, page, watcher }) => {
    await context.route(WASM, (route) => route.abort("internetdisconnected"));
    await page.goto(server.url);
    const problem = page.getByRole("alert");
    await problem.waitFor();
    assert.match(await problem.innerText(), /não conseguiu iniciar/);
    assert.deepEqual((await visibleStatic(page)).shown, ["pt-BR"], "home stays readable");
    await assertAccessible(page, "boot problem");

    // Back online: a tapped link starts again, at the address it names.
    await context.unrouteAll();
    await page.locator("dm-first[lang='pt-BR'] .actions a").first().click();
    await appStarted(page);
    assert.equal(await page.evaluate(() => location.hash), "#/connection");
    assert.equal(await page.getByRole("alert").count(), 0, "the message has gone with the failed start");
    watcher.assertClean((p) => /Failed to load resource|couldn't start|ERR_INTERNET_DISCONNECTED|Failed to fetch|wasm/i.test(p));
  });
});

test("no head script: the English copy shows with the message, and Try again starts the app", async () => {
  await withApp({}, async ({ server, context, page, watcher }) => {
    await context.route("**/lang-*.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(server.url);
    await page.getByRole("alert").waitFor();
    assert.deepEqual((await visibleStatic(page)).shown, ["en"], "English, the one copy the stylesheet shows");
    await context.unrouteAll();
    await page.getByRole("button", { name: "Try again" }).click();
    await appStarted(page);
    assert.equal(await page.locator("main h1").textContent(), "What's going wrong?");
    watcher.assertClean((p) => /Failed to load resource|couldn't start|head script|MIME type/i.test(p));
  });
});

test("no boot script: the head script says so, in the browser's language, and Try again starts the app", async () => {
  await withApp({ browser: { locale: "es-ES" } }, async ({ server, context, page, watcher }) => {
    await context.route("**/boot-*.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(server.url);
    const problem = page.getByRole("alert");
    await problem.waitFor();
    assert.match(await problem.innerText(), /no pudo iniciarse/);
    await assertAccessible(page, "boot script missing");
    await context.unrouteAll();
    await page.getByRole("button", { name: "Reintentar" }).click();
    await appStarted(page);
    assert.equal(await page.locator("main h1").textContent(), "¿Qué está fallando?");
    watcher.assertClean((p) => /Failed to load resource|MIME type/i.test(p));
  });
});

test("from the service worker the page asks for the glue and the wasm at once; from the network, after its first paint", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await page.goto(server.url);
    await appStarted(page);
    await waitForServiceWorker(page);
    const early = /<link rel="modulepreload" href="\.\/dm-doctor-[0-9a-f]+\.js"><link rel="preload" as="fetch" crossorigin href="\.\/dm-doctor-[0-9a-f]+_bg\.wasm"><link/;
    const network = readFileSync("dist/index.html", "utf8");
    assert.doesNotMatch(network, /preload/, "the network's page starts nothing early");
    for (const address of ["index.html", "./"]) {
      const cached = await page.evaluate(async (a) => (await caches.match(new URL(a, location.href).href)).text(), address);
      assert.match(cached, early, `the worker's ${address}: both, before the stylesheet and every script`);
      assert.equal(cached.replace(early, "<link"), network, "and otherwise the network's page");
    }
    watcher.assertClean();
  });
});
