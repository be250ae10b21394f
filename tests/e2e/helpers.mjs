// Shared checks for the end-to-end tests: console errors, CSP violations, axe-core and
// touch-target sizes. Every page a test opens is watched from its first script on.
import assert from "node:assert/strict";
import { test as nodeTest } from "node:test";
import { startHost } from "./hosts.mjs";
import { launchProfile } from "./browser.mjs";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * `node:test`'s test with a 3-minute limit: a hung test fails instead of holding CI.
 * Set per test, because `--test-timeout` needs Node 20.11 and Debian 12 ships Node 18.
 */
export const TEST_TIMEOUT_MS = 180_000;
export function test(name, body) {
  return nodeTest(name, { timeout: TEST_TIMEOUT_MS }, body);
}

/**
 * Runs `body` with a fresh server (`options.host`, see hosts.mjs; "node" unless given,
 * with `options.server` such as overrides) and a fresh persistent profile
 * (`options.browser` launch options, `options.initScript` run in every page), watched
 * for console errors; everything started is stopped afterwards, also when start-up
 * fails half way (a browser or nginx left running would keep the test run waiting).
 */
export async function withApp(options, body) {
  const server = await startHost(options.host ?? "node", { root: "dist", ...options.server });
  let profile = null;
  try {
    profile = await launchProfile(options.browser);
    const watcher = await watch(profile.context);
    if (options.initScript) await profile.context.addInitScript(options.initScript);
    const page = profile.context.pages()[0] ?? (await profile.context.newPage());
    await body({ server, context: profile.context, page, watcher });
  } finally {
    await profile?.context.unrouteAll({ behavior: "ignoreErrors" }).catch(() => {});
    await profile?.close();
    await server.close();
  }
}

/** Every outside host the connection test contacts (answered by the tests, never the internet). */
export const OUTSIDE = [
  "https://www.google.com/**",
  "https://www.cloudflare.com/**",
  "https://www.tiktok.com/**",
  "https://p16-sign-va.tiktokcdn.com/**",
  "https://v16-webapp-prime.tiktok.com/**",
  "https://im-api-va.tiktok.com/**",
  "https://im-api-va.tiktokv.com/**",
];

/** Every route the app has, with a word its heading must contain. */
export const SCREENS = [
  { route: "#/", heading: "What's going wrong?" },
  { route: "#/guide", heading: "Guide" },
  // Same heading as the screen before it: `ready` says when the search has rendered.
  { route: "#/guide?q=cache", heading: "Guide", ready: "main .result-count:not(:empty)" },
  { route: "#/guide/cause/not-mutual-follow", heading: "You don't follow each other" },
  { route: "#/connection", heading: "Test my connection" },
  { route: "#/guide/cause/outage", heading: "TikTok is down" },
  { route: "#/guide/fix/clear-cache-android", heading: "Clear TikTok's cache" },
  { route: "#/about", heading: "About DM Doctor" },
  { route: "#/check", heading: "No check in progress" },
  { route: "#/no-such-page", heading: "We can't find that page" },
];

/**
 * Records console errors, uncaught exceptions and CSP violations on every page of
 * `context`. Call `assertClean()` at the end of a test.
 */
export async function watch(context) {
  const problems = [];
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const attach = (page) => {
    page.on("console", (message) => {
      // Warnings count too: a clean start says nothing in the console.
      if (message.type() === "error" || message.type() === "warning") {
        problems.push(`console ${message.type()} on ${page.url()}: ${message.text()} [from ${message.location().url ?? "?"}]`);
      }
    });
    page.on("pageerror", (error) => problems.push(`uncaught on ${page.url()}: ${error.message}`));
  };
  context.pages().forEach(attach);
  context.on("page", attach);
  return {
    problems,
    /** Errors expected while the server is deliberately down are filtered by `allow`. */
    assertClean(allow = () => false) {
      const real = problems.filter((p) => !allow(p));
      assert.deepEqual(real, [], "no console errors or warnings, exceptions or CSP violations");
    },
  };
}

/**
 * Waits until the app has started: it has taken over from index.html's static first
 * screen (home as plain HTML in every language), which is then gone.
 */
export async function appStarted(page) {
  await page.waitForFunction(() => !document.getElementById("first") && document.querySelector("body > main"), null, { timeout: 15000 });
}

/** Opens a route and waits until the app shows its screen heading. */
export async function open(page, baseUrl, route, heading, ready) {
  await page.goto(baseUrl + route);
  await appStarted(page);
  await page.waitForFunction((text) => document.querySelector("main h1")?.textContent.includes(text), heading, {
    timeout: 15000,
  });
  if (ready) await page.waitForSelector(ready);
}

/** Runs axe-core (WCAG 2.x A/AA and best practices) and fails on any violation. */
export async function assertAccessible(page, label) {
  const violations = await page.evaluate(async (source) => {
    if (!window.axe) (0, eval)(source);
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, AXE_SOURCE);
  assert.deepEqual(violations, [], `axe violations on ${label}`);
}

/** Screen-level rules: one h1, lang set, no inline style attributes, 48 px targets. */
export async function assertScreenRules(page, label, lang = "en") {
  const facts = await page.evaluate(() => {
    const controls = [...document.querySelectorAll("button, .button, nav a, .card, input:not([type=radio]), .choice, summary, .brand")];
    const small = controls
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 48 || box.width < 48)
      .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    return {
      // Shown ones: index.html's static first screen holds a hidden copy per language.
      h1: [...document.querySelectorAll("h1")].filter((el) => el.getClientRects().length > 0).length,
      lang: document.documentElement.lang,
      styled: document.querySelectorAll("[style]").length,
      small,
      overflow: document.documentElement.scrollWidth > window.innerWidth,
      primaries: [...document.querySelectorAll("main .button.primary")].filter((el) => el.getClientRects().length > 0).map((el) => el.textContent.trim()),
    };
  });
  assert.equal(facts.h1, 1, `exactly one h1 on ${label}`);
  assert.equal(facts.lang, lang, `lang on ${label}`);
  assert.equal(facts.styled, 0, `no style attributes on ${label}`);
  assert.deepEqual(facts.small, [], `touch targets of at least 48x48 px on ${label}`);
  assert.equal(facts.overflow, false, `no sideways scrolling on ${label}`);
  assert.ok(facts.primaries.length <= 1, `one filled button at most on ${label}: ${facts.primaries}`);
}

/**
 * Waits until focus is on the main heading: the app moves it in an effect after the
 * render, so one sample could come too early (and pass or fail by luck).
 */
export async function expectFocusOnHeading(page, label) {
  try {
    await page.waitForFunction(() => document.activeElement !== null && document.activeElement === document.querySelector("main h1"), null, { timeout: 5000 });
  } catch {
    const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    assert.fail(`${label}: focus is on ${at}, not the main heading`);
  }
}

/** Focus stays on the body, as a page load leaves it: sampled over several frames, since a late effect could still move it. */
export async function expectFocusLeftAlone(page, label) {
  const seen = await page.evaluate(async () => {
    const samples = [];
    for (let i = 0; i < 6; i++) {
      samples.push(document.activeElement?.tagName);
      await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
    }
    return samples;
  });
  assert.deepEqual(seen, Array(6).fill("BODY"), label);
}

/** Waits until a service worker controls the page and has finished installing. */
export async function waitForServiceWorker(page) {
  await page.evaluate(() => {
    const controlled = (async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      }
    })();
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error("no service worker took control within 20 s")), 20000));
    return Promise.race([controlled, late]);
  });
}

// Walking the guided check (shared by the check, connection and Android tests).

/** The main heading's text. */
export const heading = (page) => page.locator("main h1").textContent();
/** The address's hash. */
export const hash = (page) => page.evaluate(() => location.hash);

/** From home, picks the symptom whose card mentions `symptomText`; returns at its first question. */
export async function pickSymptom(page, symptomText) {
  await page.locator("main a.card", { hasText: symptomText }).click();
  await page.waitForSelector("main .question h1");
}

/**
 * Answers questions until the results: `choose(questionText, labels, { questionId,
 * answerIds })` gives the index to tap. Returns what was asked and answered.
 */
export async function answerUntilResults(page, choose = () => 0) {
  const asked = [];
  // The engine asks 12 questions at most (engine::MAX_QUESTIONS).
  for (let i = 0; i < 15; i++) {
    await page.waitForSelector("main .question h1, main .results");
    if (await page.locator("main .results").count()) return asked;
    const question = (await heading(page)).trim();
    const buttons = page.locator("main .answers button");
    const ids = {
      questionId: await page.locator("main .question").getAttribute("data-question"),
      answerIds: await buttons.evaluateAll((all) => all.map((b) => b.dataset.answer)),
    };
    const index = choose(question, await buttons.allTextContents(), ids);
    const label = (await buttons.nth(index).textContent()).trim();
    asked.push({ question, label });
    await buttons.nth(index).click();
    await page.waitForFunction((q) => document.querySelector("main h1")?.textContent.trim() !== q, question);
  }
  throw new Error("the check never reached its results");
}

/** Picks a symptom on the home screen and answers questions until the results (see `answerUntilResults`). */
export async function answerAll(page, symptomText, choose = () => 0) {
  await page.locator("main a.card", { hasText: symptomText }).click();
  return answerUntilResults(page, choose);
}

/** Taps the first answer and waits for the next screen; returns the question's heading and address. */
export async function answerFirst(page) {
  const question = { heading: await heading(page), hash: await hash(page) };
  await page.locator("main .answers button").first().click();
  await page.waitForFunction((q) => document.querySelector("main h1")?.textContent !== q, question.heading);
  return question;
}
