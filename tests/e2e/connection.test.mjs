// End-to-end tests of the connection test against the release build. Outside hosts are
// never really contacted: Playwright intercepts them and answers, fails, delays or hangs.
import assert from "node:assert/strict";
import { assertAccessible, assertScreenRules, open, test, waitForServiceWorker, withApp } from "./helpers.mjs";

const INTERNET = ["https://www.google.com/**", "https://www.cloudflare.com/**"];
const TIKTOK = ["https://www.tiktok.com/**", "https://p16-sign-va.tiktokcdn.com/**"];
const SAMPLES = 5;

const answer = (route) => route.fulfill({ status: 204, body: "" });
const fail = (route) => route.abort("internetdisconnected");
const hang = () => {}; // never answers: the app's own timeout must end it
const slow = (ms) => async (route) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await route.fulfill({ status: 204, body: "" }).catch(() => {});
};


async function route(context, patterns, handler) {
  for (const pattern of patterns) await context.route(pattern, handler);
}

/** Starts a test and returns the verdict heading and how long it took. */
async function runTest(page) {
  const started = Date.now();
  // "Start the test" the first time, "Test again" once there is a result.
  await page.getByRole("button", { name: /^(Start the test|Test again)$/ }).click();
  await page.locator(".verdict h2").waitFor({ timeout: 15000 });
  return { verdict: (await page.locator(".verdict h2").textContent()).trim(), ms: Date.now() - started };
}

/** Failed probes show up as console network errors; only those are expected here. */
const PROBE_URL = /dmd-probe=1|https:\/\/(www\.google\.com|www\.cloudflare\.com|www\.tiktok\.com|p16-sign-va\.tiktokcdn\.com)\//;
const probeNoise = (p) => /net::ERR_|Failed to load resource|Failed to fetch/.test(p) && PROBE_URL.test(p);

test("offline: the verdict is 'offline' at once, and the badge says so", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await open(page, server.url, "#/connection", "Test my connection");
    await waitForServiceWorker(page); // installed first: going offline mid-install is another story
    await context.setOffline(true);
    await page.locator(".net.offline").waitFor();
    const { verdict, ms } = await runTest(page);
    assert.equal(verdict, "Your phone is offline");
    assert.ok(ms < 2000, `took ${ms} ms`);
    await assertAccessible(page, "connection test, offline");
    watcher.assertClean(probeNoise);
  });
});

test("all outside hosts hang: a verdict comes within the bound", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...TIKTOK], hang);
    await open(page, server.url, "#/connection", "Test my connection");
    const { verdict, ms } = await runTest(page);
    assert.equal(verdict, "Connected, but not to the internet");
    assert.ok(ms <= 9000, `took ${ms} ms`);
    console.log(`# worst case (everything hangs): ${ms} ms`);
    watcher.assertClean(probeNoise);
  });
});

test("TikTok fails while the internet answers: 'TikTok unreachable'", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, INTERNET, answer);
    await route(context, TIKTOK, fail);
    await open(page, server.url, "#/connection", "Test my connection");
    const { verdict } = await runTest(page);
    assert.equal(verdict, "The internet works, but TikTok doesn't answer");
    assert.ok(await page.getByRole("link", { name: "Turn off your VPN" }).count(), "links to the matching fix");
    watcher.assertClean(probeNoise);
  });
});

test("delayed answers: 'slow', with the figures", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...TIKTOK], slow(1200));
    await open(page, server.url, "#/connection", "Test my connection");
    const { verdict } = await runTest(page);
    assert.equal(verdict, "Your connection is slow");
    assert.match(await page.locator(".verdict .figures").textContent(), /Typical answer time 1\d{3} ms/);
    watcher.assertClean(probeNoise);
  });
});

test("everything answers: 'fine'; with the service worker active every probe reaches the server", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...TIKTOK], answer);
    await open(page, server.url, "#/connection", "Test my connection");
    await waitForServiceWorker(page);
    const probes = () => server.requests.filter((r) => r.startsWith("/probe.txt?dmd-probe=1")).length;
    const before = probes();
    const { verdict, ms } = await runTest(page);
    assert.equal(verdict, "Your connection is fine");
    assert.equal(probes() - before, SAMPLES, "each own-site sample reached the server");
    console.log(`# typical duration on loopback: ${ms} ms`);
    await assertScreenRules(page, "connection result");
    await assertAccessible(page, "connection result");

    // The result survives a reload.
    await page.reload();
    await page.locator(".verdict h2").waitFor();
    assert.equal((await page.locator(".verdict h2").textContent()).trim(), "Your connection is fine");

    // With the server gone, the own-site probe fails instead of coming from the cache.
    await server.close();
    await runTest(page);
    assert.match(await page.locator(".hosts-result").textContent(), /This site – DM Doctor's own site: no answer/);
    watcher.assertClean(probeNoise);
  });
});

test("Wi-Fi and mobile data side by side, and the verdict feeds the check", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await page.locator("main a.card", { hasText: "won't send to anyone" }).click();
    await page.waitForSelector("main .question h1");

    await route(context, INTERNET, answer);
    await route(context, TIKTOK, fail);
    await open(page, server.url, "#/connection", "Test my connection");
    await page.getByLabel("Wi-Fi").check();
    await runTest(page);
    assert.match(await page.locator(".compare-hint").textContent(), /switch from Wi-Fi to mobile data/);

    await context.unrouteAll({ behavior: "ignoreErrors" });
    await route(context, [...INTERNET, ...TIKTOK], answer);
    await page.getByLabel("Mobile data").check();
    assert.equal(await page.getByRole("button", { name: "Test again" }).count(), 1, "after a result the button says Test again");
    await runTest(page);
    const compare = page.locator(".compare");
    await compare.waitFor();
    assert.match(await compare.textContent(), /Wi-Fi.*The internet works, but TikTok doesn't answer.*Mobile data.*Your connection is fine/s);
    assert.match(await compare.textContent(), /TikTok only works on mobile data/);
    await assertAccessible(page, "comparison");

    // The latest verdict is part of the check and of its report.
    await page.getByRole("link", { name: "Back to my check" }).click();
    await page.waitForSelector("main .question h1, main .results");
    await page.goto(server.url + "#/check/report");
    const report = await page.locator("#report-text").inputValue();
    assert.match(report, /Connection test \(DM Doctor\): Your connection is fine/);
    watcher.assertClean(probeNoise);
  });
});
