// End-to-end tests of DM Doctor's languages against the release build: each real
// language walks a whole check and a connection test, the pseudo-locales find
// hard-coded text and unmirrored layout, switching works offline mid-check, and a pack
// that can't be fetched or read never leaves a blank page.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import {
  OUTSIDE,
  SCREENS,
  answerUntilResults,
  assertAccessible,
  assertScreenRules,
  heading,
  open,
  test,
  waitForServiceWorker,
  withApp,
} from "./helpers.mjs";

/** A screen text of `code`'s pack, read from its source (content/ui or the translation's ui/). */
function uiText(code, key) {
  const dir = code === "en" ? "content/ui" : `content/i18n/${code}/ui`;
  for (const file of readdirSync(dir)) {
    const found = readFileSync(`${dir}/${file}`, "utf8").match(new RegExp(`^${key} = "(.*)"$`, "m"));
    if (found) return JSON.parse(`"${found[1]}"`);
  }
  throw new Error(`${key} is not in ${dir}`);
}

/** A connection verdict's title in `code`. */
function verdictTitle(code, id) {
  const file = code === "en" ? "content/connection.toml" : `content/i18n/${code}/connection.toml`;
  const found = readFileSync(file, "utf8").match(new RegExp(`id = "${id}"\\ntitle = "([^"]*)"`));
  assert.ok(found, `verdict ${id} in ${file}`);
  return found[1];
}

/** The pack file of `code` in the build. */
const packOf = (code) => readdirSync("dist/packs").find((f) => new RegExp(`^${code}-[0-9a-f]{16}\\.txt$`).test(f));


/**
 * Opens each of SCREENS in turn and calls `check(route)` once that screen (not the one
 * before: hash changes keep the page) shows a heading starting with `marker`.
 */
async function eachScreen(page, server, marker, check) {
  let previous = null;
  for (const { route, ready } of SCREENS) {
    await page.goto(server.url + route);
    await page.waitForFunction(
      ([marker, before, ready]) => {
        const h1 = document.querySelector("main h1")?.textContent;
        return h1?.startsWith(marker) && (ready ? document.querySelector(ready) : h1 !== before);
      },
      [marker, previous, ready],
    );
    previous = await heading(page);
    await check(route);
  }
}

/** Facts about the page's layout and language that the rules below check. */
const pageFacts = (page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    title: document.title,
    overflow: document.documentElement.scrollWidth > window.innerWidth,
  }));

const REAL = [
  { code: "es", locale: "es-MX" },
  { code: "pt-BR", locale: "pt-BR" },
  { code: "id", locale: "id-ID" },
];

for (const { code, locale } of REAL) {
  test(`${code} (browser in ${locale}): a whole check to the success screen and a connection test, in ${code}, at 360 px`, async () => {
    const browser = { locale, viewport: { width: 360, height: 800 } };
    await withApp({ browser }, async ({ server, context, page, watcher }) => {
      await open(page, server.url, "#/", uiText(code, "home_heading"));
      assert.deepEqual(await pageFacts(page), { lang: code, dir: "ltr", title: uiText(code, "app_title"), overflow: false });
      assert.equal(await page.locator("#language").inputValue(), code, "the picker shows the language");
      await assertAccessible(page, `${code} home`);
      await assertScreenRules(page, `${code} home`, code);

      await page.locator("main a.card.symptom").first().click();
      await answerUntilResults(page);
      await assertAccessible(page, `${code} results`);
      await assertScreenRules(page, `${code} results`, code);
      await page.getByRole("button", { name: uiText(code, "check_show_fixes") }).click();
      await page.waitForSelector("main .plan-step h1");
      if (await page.locator("main .phone-question").count()) {
        await page.locator("main .phone-question button", { hasText: "Samsung" }).click();
        await page.waitForSelector("main ol.steps");
      }
      await assertScreenRules(page, `${code} first step`, code);
      await page.getByRole("button", { name: uiText(code, "check_fix_yes") }).click();
      await page.waitForSelector("main .success h1");
      assert.equal(await heading(page), uiText(code, "check_fixed_title"));
      await assertAccessible(page, `${code} success`);
      await assertScreenRules(page, `${code} success`, code);

      // The "may differ" notes are the language's too (a fix on TikTok's menus, one only
      // common advice backs).
      for (const [fix, note] of [["check-message-requests", "hedge_tiktok_menus"], ["turn-off-vpn", "hedge_unverified"]]) {
        await page.goto(`${server.url}#/guide/fix/${fix}`);
        await page.waitForFunction((text) => [...document.querySelectorAll("main .hint")].some((p) => p.textContent === text), uiText(code, note), { timeout: 10000 });
      }

      for (const pattern of OUTSIDE) await context.route(pattern, (route) => route.fulfill({ status: 204, body: "" }));
      await open(page, server.url, "#/connection", uiText(code, "connection_heading"));
      await page.getByRole("button", { name: uiText(code, "connection_start") }).click();
      await page.locator(".verdict h2").waitFor({ timeout: 15000 });
      assert.equal((await page.locator(".verdict h2").textContent()).trim(), verdictTitle(code, "fine"));
      await assertAccessible(page, `${code} connection verdict`);
      await assertScreenRules(page, `${code} connection verdict`, code);
      watcher.assertClean();
    });
  });
}

test("a Portuguese browser from Portugal gets Brazilian Portuguese, and is told so", async () => {
  await withApp({ browser: { locale: "pt-PT" } }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", uiText("pt-BR", "home_heading"));
    assert.equal(await page.locator(".language-note").textContent(), uiText("pt-BR", "language_other_variety"));
    watcher.assertClean();
  });
});

test("switching language offline in the installed app, mid-check: the check goes on where it was", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await waitForServiceWorker(page);
    await page.locator("main a.card.symptom").first().click();
    await page.waitForSelector("main .question h1");
    await page.locator("main .answers button").first().click();
    await page.waitForFunction(() => /^Question 2 /.test(document.querySelector("main .eyebrow")?.textContent));
    const question = await page.locator("main .question").getAttribute("data-question");
    const address = await page.evaluate(() => location.hash);

    await server.close();
    await page.context().setOffline(true);
    await page.locator("#language").selectOption("id");
    await page.waitForFunction(() => document.documentElement.lang === "id");
    assert.equal(await page.evaluate(() => location.hash), address, "the same screen");
    assert.equal(await page.locator("main .question").getAttribute("data-question"), question, "the same question");
    assert.match(await page.locator("main .eyebrow").textContent(), new RegExp("^" + uiText("id", "check_question_counter").split("{")[0]));
    assert.equal(await page.title(), uiText("id", "app_title"));
    assert.equal(await page.evaluate(() => localStorage.getItem("dm-doctor.language")), "id", "the choice is saved");
    await assertAccessible(page, "switched offline");

    // The check goes on in Indonesian, and back in English with the same answers.
    await page.locator("main .answers button").first().click();
    await page.waitForFunction((q) => document.querySelector("main .question")?.dataset.question !== q, question);
    const third = await page.locator("main .question").getAttribute("data-question");
    await page.locator("#language").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await page.locator("main .question").getAttribute("data-question"), third);
    assert.match(await page.locator("main .eyebrow").textContent(), /^Question 3 /);
    watcher.assertClean((p) => p.includes("ERR_INTERNET_DISCONNECTED") || p.includes("Failed to fetch"));
  });
});

test("the latest choice wins: a slower pack picked a moment before is dropped; a failed one leaves the picker on the language shown", async () => {
  // No service worker: every pack comes over the (routed) network.
  await withApp({ browser: { serviceWorkers: "block" } }, async ({ server, context, page, watcher }) => {
    await context.route("**/packs/es-*", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => {});
    });
    await context.route("**/packs/pt-BR-*", (route) => route.fulfill({ status: 503, body: "" }));
    await open(page, server.url, "#/guide", "Guide");
    await page.locator("#language").selectOption("es");
    await page.locator("#language").selectOption("id");
    await page.waitForFunction(() => document.documentElement.lang === "id");
    await page.waitForTimeout(2500); // the Spanish pack has arrived by now
    assert.equal((await pageFacts(page)).lang, "id", "still Indonesian");
    assert.equal(await heading(page), uiText("id", "guide_heading"));
    assert.equal(await page.evaluate(() => localStorage.getItem("dm-doctor.language")), "id");
    assert.equal(await page.locator("#language").inputValue(), "id");

    await page.locator("#language").selectOption("pt-BR");
    await page.locator(".language-failed").waitFor();
    assert.equal((await pageFacts(page)).lang, "id");
    assert.equal(await page.locator("#language").inputValue(), "id", "the picker shows the language on screen");
    assert.equal(await page.evaluate(() => localStorage.getItem("dm-doctor.language")), "id");
    watcher.assertClean((p) => p.includes("503") || p.includes("Service Worker registration blocked"));
  });
});

test("the report offers a copy in English when another language is shown", async () => {
  await withApp({ browser: { locale: "es-MX", permissions: ["clipboard-read", "clipboard-write"] } }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", uiText("es", "home_heading"));
    await page.locator("main a.card.symptom").first().click();
    await answerUntilResults(page);
    await page.goto(server.url + "#/check/report");
    await page.getByRole("button", { name: uiText("es", "report_box_copy_english") }).click();
    await page.locator(".report [role=status]", { hasText: uiText("es", "report_box_copied_english") }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const shown = await page.locator("#report-text").inputValue();
    assert.notEqual(copied, shown, "the copy is not the Spanish report");
    assert.ok(copied.includes(uiText("en", "report_text_answers")), `the English report: ${copied.slice(0, 200)}`);
    assert.ok(shown.includes(uiText("es", "report_text_answers")), "the report on screen is in Spanish");
    watcher.assertClean();
  });
});

test("a pack that can't be downloaded: another language shows with a note and Retry, which then works", async () => {
  let failing = true;
  const es = packOf("es");
  const overrides = { [`/packs/${es}`]: async (file) => (failing ? null : readFileSync(file)) };
  await withApp({ browser: { locale: "es-MX" }, server: { overrides } }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/guide", "Guide");
    assert.equal((await pageFacts(page)).lang, "en", "English while Spanish can't be had");
    const note = page.locator(".language-failed");
    assert.equal(await note.locator("p").textContent(), uiText("en", "language_failed").replace("{language}", "Español"));
    await assertAccessible(page, "pack failed");
    failing = false;
    await note.getByRole("button", { name: uiText("en", "language_retry") }).click();
    await page.waitForFunction(() => document.documentElement.lang === "es");
    assert.equal(await heading(page), uiText("es", "guide_heading"), "the same screen, now in Spanish");
    assert.equal(await page.locator(".language-failed").count(), 0);
    watcher.assertClean((p) => p.includes("404"));
  });
});

test("no pack at all on a first visit: the core's own words in every language and Retry, never a blank page", async () => {
  let failing = true;
  const overrides = Object.fromEntries(
    readdirSync("dist/packs").map((f) => [`/packs/${f}`, async (file) => (failing ? null : readFileSync(file))]),
  );
  await withApp({ browser: { locale: "id-ID" }, server: { overrides } }, async ({ server, page, watcher }) => {
    await page.goto(server.url + "#/");
    await page.locator(".pack-problem").waitFor();
    const texts = await page.locator(".pack-problem p").allTextContents();
    assert.equal(texts.length, 4, `one line per language: ${texts}`);
    const indonesian = readFileSync("content/languages.toml", "utf8").match(/code = "id"[\s\S]*?start_failed = "(.*)"/)[1];
    assert.equal(texts[0], indonesian, "the browser's language first");
    assert.equal((await pageFacts(page)).lang, "id");
    await assertAccessible(page, "no pack");
    failing = false;
    await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Coba lagi" }).click()]);
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent === t, uiText("id", "home_heading"));
    watcher.assertClean((p) => p.includes("404"));
  });
});

/** Opens the app in Spanish, waits for the service worker, then damages the cached Spanish pack. */
async function damageCachedSpanish(page, server) {
  await open(page, server.url, "#/", uiText("es", "home_heading"));
  await waitForServiceWorker(page);
  await page.evaluate(async (path) => {
    const name = (await caches.keys()).find((n) => n.startsWith("dm-doctor-"));
    const cache = await caches.open(name);
    const url = new URL(path, location.href).href;
    const bytes = new Uint8Array(await (await cache.match(url)).arrayBuffer());
    bytes[bytes.length - 3] ^= 0x55; // one changed byte in the last text
    await cache.put(url, new Response(bytes));
  }, `packs/${packOf("es")}`);
}

test("a damaged pack in the cache, online: noticed, and read again from the network", async () => {
  await withApp({ browser: { locale: "es-MX" } }, async ({ server, page, watcher }) => {
    await damageCachedSpanish(page, server);
    const asked = server.requests.length;
    await page.reload();
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent === t, uiText("es", "home_heading"));
    assert.equal(await page.locator(".language-failed").count(), 0);
    assert.ok(server.requests.slice(asked).some((r) => r.startsWith(`/packs/${packOf("es")}?fresh`)), "read again, past the cache");
    watcher.assertClean();
  });
});

test("a damaged pack in the cache, offline: English shows, with a note that Spanish couldn't be loaded", async () => {
  await withApp({ browser: { locale: "es-MX" } }, async ({ server, page, watcher }) => {
    await damageCachedSpanish(page, server);
    await server.close();
    await page.reload();
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent === t, "What's going wrong?");
    assert.equal(await page.locator(".language-failed p").textContent(), uiText("en", "language_failed").replace("{language}", "Español"));
    await assertAccessible(page, "damaged pack, offline");
    watcher.assertClean((p) => p.includes("?fresh") && (p.includes("ERR_FAILED") || p.includes("ERR_CONNECTION_REFUSED")));
  });
});

/**
 * The visible text of the page in words of Latin letters with no accent: what en-XA
 * never shows. Left out: the brand, names of languages (each in itself), what the person
 * typed, host names and source titles (English pages, named as they are).
 */
const plainWords = (page) =>
  page.evaluate(() => {
    const typed = new URLSearchParams(location.hash.split("?")[1] ?? "").get("q");
    // Browser names in the install help (shown when the browser offers no install prompt).
    const names = ["Chrome", "Samsung", "Internet", "Firefox"];
    const skip = (el) => el.closest("select, .brand, [lang]:not(html), .visually-hidden, .hosts, .run-details, .sources, footer p:last-child");
    const words = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || skip(el) || el.getClientRects().length === 0) continue;
      words.push(...(node.textContent.match(/\b[A-Za-z]{2,}\b/g) ?? []).filter((w) => w !== typed && !names.includes(w)));
    }
    return words;
  });

test("en-XA: every screen's text comes from the pack (no plain English word left) and fits 360 px", async () => {
  await withApp(
    { browser: { locale: "en-XA", viewport: { width: 360, height: 800 } } },
    async ({ server, page, watcher }) => {
      await eachScreen(page, server, "[", async (route) => {
        const facts = await pageFacts(page);
        assert.equal(facts.lang, "en-XA", route);
        assert.equal(facts.overflow, false, `no sideways scrolling on ${route}`);
        assert.deepEqual(await plainWords(page), [], `hard-coded English on ${route}`);
      });
      // A check's screens too.
      await page.goto(server.url + "#/");
      await page.locator("main a.card.symptom").first().click();
      await page.waitForSelector("main .question h1");
      assert.deepEqual(await plainWords(page), [], "hard-coded English on a question");
      await answerUntilResults(page);
      assert.deepEqual(await plainWords(page), [], "hard-coded English on the results");
      await page.locator("main .button.primary").first().click();
      await page.waitForSelector("main .plan-step h1");
      if (await page.locator("main .phone-question").count()) {
        await page.locator("main .phone-question button").first().click();
        await page.waitForSelector("main ol.steps");
      }
      assert.deepEqual(await plainWords(page), [], "hard-coded English on a plan step");
      await page.locator("main .action-buttons button").first().click();
      await page.waitForSelector("main .success h1");
      assert.deepEqual(await plainWords(page), [], "hard-coded English on the success screen");
      await page.goto(server.url + "#/check/report");
      await page.waitForSelector("main .report");
      assert.deepEqual(await plainWords(page), [], "hard-coded English on the report screen");
      for (const pattern of OUTSIDE) await page.context().route(pattern, (route) => route.fulfill({ status: 204, body: "" }));
      await page.goto(server.url + "#/connection");
      await page.locator("main .button.primary").click();
      await page.locator(".verdict h2").waitFor({ timeout: 15000 });
      assert.deepEqual(await plainWords(page), [], "hard-coded English on a connection verdict");
      watcher.assertClean();
    },
  );
});

test("ar-XB: every screen runs right to left, mirrored (the back button on the right), and is accessible", async () => {
  await withApp({ browser: { locale: "ar-XB" } }, async ({ server, page, watcher }) => {
    await eachScreen(page, server, "\u200f", async (route) => {
      const facts = await pageFacts(page);
      assert.deepEqual([facts.lang, facts.dir, facts.overflow], ["ar-XB", "rtl", false], route);
      await assertAccessible(page, `ar-XB ${route}`);
    });
    await page.goto(server.url + "#/");
    await page.locator("main a.card.symptom").first().click();
    await page.waitForSelector("main .question h1");
    const side = await page.evaluate(() => {
      const back = document.querySelector("main .check-nav button").getBoundingClientRect();
      const main = document.querySelector("main").getBoundingClientRect();
      return { back: back.left + back.width / 2, middle: main.left + main.width / 2 };
    });
    assert.ok(side.back > side.middle, `the back button is on the right: ${JSON.stringify(side)}`);
    await assertAccessible(page, "ar-XB question");
    // Picking English turns the page back left to right.
    await page.locator("#language").selectOption("en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal((await pageFacts(page)).dir, "ltr");
    watcher.assertClean();
  });
});
