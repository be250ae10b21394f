// End-to-end tests that the next action is in view on a phone (issue "A flow a stressed
// person can follow"): the results' "Show me the fixes" without scrolling, and on a fix
// the steps right under a one-line phone choice once the phone is known.
import assert from "node:assert/strict";
import { assertAccessible, assertScreenRules, open, test, withApp } from "./helpers.mjs";

const PHONE = { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true };

/** True when the element's whole box is inside the first viewport (no scrolling). */
const inFirstViewport = (locator) =>
  locator.evaluate((el) => {
    window.scrollTo(0, 0);
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });

test("results at 360x800: 'Show me the fixes' is in view without scrolling, even with several causes", async () => {
  await withApp({ browser: PHONE }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await page.locator("main a.card", { hasText: "won't send to anyone" }).click();
    // "Not sure" everywhere: the longest results (several causes, no clear winner).
    for (let i = 0; i < 15; i++) {
      await page.waitForSelector("main .question h1, main .results");
      if (await page.locator("main .results").count()) break;
      const question = await page.locator("main h1").textContent();
      await page.locator("main .answers button", { hasText: "Not sure" }).click();
      await page.waitForFunction((q) => document.querySelector("main h1")?.textContent !== q, question);
    }
    assert.ok((await page.locator("main .results > li").count()) >= 2, "several causes shown");
    const action = page.getByRole("button", { name: "Show me the fixes" });
    assert.ok(await inFirstViewport(action), "the primary action is in the first viewport");
    await assertScreenRules(page, "results");
    watcher.assertClean();
  });
});

test("a fix for a known phone: one line 'Steps for Samsung · Change', the first step in view, and Change still switches the steps", async () => {
  await withApp({ browser: PHONE }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/guide/fix/clear-cache-android", "Clear TikTok's cache");
    // The browser doesn't say which phone this is: the whole choice shows.
    assert.equal(await page.locator("main .phone-line").count(), 0, "no folded line while the phone is unknown");
    await page.getByLabel("Samsung").check();
    await page.reload();
    await page.waitForSelector("main ol.steps");
    const line = page.locator("main .phone-line summary");
    assert.match(await line.innerText(), /Steps for\s+Samsung\s*·?\s*Change/);
    assert.equal(await page.getByLabel("Samsung").isVisible(), false, "the choices are folded away");
    assert.ok(await inFirstViewport(page.locator("main ol.steps > li").first()), "the first step is in view");
    await assertAccessible(page, "fix with the phone line");
    await assertScreenRules(page, "fix with the phone line");

    const samsung = await page.locator("main ol.steps").textContent();
    await line.click();
    await page.getByLabel("Xiaomi / Redmi / POCO").check();
    await page.waitForFunction((before) => document.querySelector("main ol.steps")?.textContent !== before, samsung);
    assert.match(await line.innerText(), /Steps for\s+Xiaomi/);
    watcher.assertClean();
  });
});

test("home names each problem in one line; the first question says the chosen problem in full, later ones don't", async () => {
  await withApp({ browser: PHONE }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    const card = page.locator("main a.card", { hasText: "won't send to anyone" });
    assert.ok((await card.locator(".card-summary").textContent()).trim().length <= 40, "one short line on home");
    await card.click();
    await page.waitForSelector("main .question h1");
    const detail = page.locator("main .symptom-detail");
    assert.match(await detail.textContent(), /won't send to anyone: .{40,}/, "the problem in full");
    await assertScreenRules(page, "first question with the problem in full");
    const question = await page.locator("main h1").textContent();
    await page.locator("main .answers button").first().click();
    await page.waitForFunction((q) => document.querySelector("main h1")?.textContent !== q, question);
    assert.equal(await detail.count(), 0, "said once, on the first question");
    watcher.assertClean();
  });
});

test("the guide's page of a rule's explain step says what the person can do instead", async () => {
  await withApp({ browser: PHONE }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/guide/fix/messages-at-16", "Until you turn 16");
    const section = page.locator("main section", { has: page.getByRole("heading", { name: "What you can do" }) });
    assert.match(await section.textContent(), /When you turn 16/);
    await assertScreenRules(page, "explain step in the guide");
    watcher.assertClean();
  });
});
