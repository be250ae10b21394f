// End-to-end tests of how DM Doctor behaves as an Android app (issue 15): opened from a
// link inside TikTok, in TikTok's own in-app browser.
import assert from "node:assert/strict";
import { assertAccessible, open, test, waitForServiceWorker, withApp } from "./helpers.mjs";

/** TikTok's in-app browser on Android: a WebView ("; wv)") with TikTok's markers. */
const TIKTOK_IN_APP =
  "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36 trill_320404 JsSdk/1.0 NetType/WIFI Channel/googleplay AppName/trill app_version/32.4.4 BytedanceWebview/d8a21c6";
const CHROME =
  "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

test("in TikTok's in-app browser, home says so calmly, gives the way out, and the check still works", async () => {
  const phone = { userAgent: TIKTOK_IN_APP, viewport: { width: 360, height: 800 } };
  await withApp({ browser: phone }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    const card = page.locator("section.install");
    assert.match(await card.textContent(), /You're in TikTok's built-in browser\. It can't install DM Doctor, and offline use may not work here\./);
    const steps = await card.locator("ol li").allTextContents();
    assert.equal(steps.length, 3);
    assert.match(steps[1], /Open in browser/);
    assert.equal(await card.getByRole("button", { name: "Install" }).count(), 0, "no install offer that can't work here");
    assert.equal(await card.locator("summary").count(), 0, "no Chrome steps that don't apply");
    await assertAccessible(page, "home in TikTok's in-app browser");

    // Nothing is blocked: a check starts and moves on.
    await page.locator("main a.card", { hasText: "won't send to anyone" }).click();
    const question = page.locator("main .question h1");
    await question.waitFor();
    const first = await question.textContent();
    await page.locator("main .answers button").first().click();
    await page.waitForFunction((q) => document.querySelector("main h1")?.textContent !== q, first);
    watcher.assertClean();
  });
});

test("in Chrome, home offers the install as before, with no in-app notice", async () => {
  await withApp({ browser: { userAgent: CHROME } }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    assert.doesNotMatch(await page.locator("main").textContent(), /built-in browser/);
    assert.equal(await page.locator("section.install.in-app").count(), 0);
    watcher.assertClean();
  });
});

test("the manifest has shortcuts and install-sheet screenshots; the shortcuts open offline, the images stay out of the precache", async () => {
  await withApp({}, async ({ server, context, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const { errors, parsed, manifestUrl } = await cdp
      .send("Page.getAppManifest")
      .then((m) => ({ errors: m.errors, parsed: JSON.parse(m.data), manifestUrl: m.url }));
    assert.deepEqual(errors, [], "the manifest parses without errors");
    const shortcuts = parsed.shortcuts.map((s) => [s.name, new URL(s.url, manifestUrl).href]);
    assert.deepEqual(shortcuts.map(([name]) => name), ["Test my connection", "Continue my check", "Guide"]);
    assert.equal(parsed.screenshots.length, 3);
    assert.ok(parsed.screenshots.every((s) => s.form_factor === "narrow" && s.label), "narrow, labelled screenshots");

    // Every image is there, at the size the manifest says.
    const images = [...parsed.shortcuts.flatMap((s) => s.icons), ...parsed.screenshots];
    for (const { src, sizes } of images) {
      const size = await page.evaluate(async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        return `${img.naturalWidth}x${img.naturalHeight}`;
      }, new URL(src, manifestUrl).href);
      assert.equal(size, sizes, src);
    }
    const precached = await page.evaluate(async () => {
      const cache = await caches.open((await caches.keys()).find((n) => n.startsWith("dm-doctor-")));
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    assert.ok(!precached.some((u) => u.startsWith("/manifest-assets/")), `not precached: ${precached}`);

    // Offline, each shortcut opens its screen.
    await server.close();
    const headings = { "Test my connection": "Test my connection", "Continue my check": "No check in progress", Guide: "Guide" };
    for (const [name, url] of shortcuts) {
      await page.goto("about:blank");
      await page.goto(url);
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent.includes(t), headings[name]);
    }
    watcher.assertClean((p) => p.startsWith("console warning on about:blank:") && p.includes("icon from the Manifest"));
  });
});
