// End-to-end tests of the connection test against the release build. Outside hosts are
// never really contacted: Playwright intercepts them and answers, fails, delays or hangs.
import assert from "node:assert/strict";
import { assertAccessible, assertScreenRules, open, pickSymptom, test, waitForServiceWorker, withApp } from "./helpers.mjs";

const INTERNET = ["https://www.google.com/**", "https://www.cloudflare.com/**"];
const WEBSITE = ["https://www.tiktok.com/**"];
const VIDEO = ["https://p16-sign-va.tiktokcdn.com/**", "https://v16-webapp-prime.tiktok.com/**"];
const MESSAGES = ["https://im-api-va.tiktok.com/**", "https://im-api-va.tiktokv.com/**"];
const TIKTOK = [...WEBSITE, ...VIDEO, ...MESSAGES];
const OWN_SITE = ["**/probe.txt?*"];
const HOSTS = 1 + INTERNET.length + TIKTOK.length;
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

/** Opens the connection screen with Playwright's clock installed, then stops it. */
async function openOnPausedClock(page, server) {
  await page.clock.install();
  await open(page, server.url, "#/connection", "Test my connection");
  await pauseClock(page);
}

/** Stops the page's clock (installed before the page opened): from here on, time moves only when a test moves it. */
async function pauseClock(page) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
}

/**
 * Runs a test under Playwright's paused clock: time moves only in 250 ms steps here, so app timers (request timeouts, the progress ticker) fire
 * on the simulated clock, never on the 2-core machine's wall time. Returns the verdict
 * heading and the simulated milliseconds it took.
 */
async function runTestOnClock(page) {
  await page.getByRole("button", { name: /^(Start the test|Test again)$/ }).click();
  return runTestOnClockAfter(page, 0);
}

/** Moves the clock on until the verdict shows; `ms` simulated milliseconds have passed. */
async function runTestOnClockAfter(page, ms) {
  const verdict = page.locator(".verdict h2");
  while ((await verdict.count()) === 0) {
    assert.ok(ms <= 20000, `no verdict after ${ms} simulated ms`);
    await page.clock.runFor(250);
    ms += 250;
    // Let answered or aborted requests settle before time moves on.
    await page.waitForTimeout(20);
  }
  return { verdict: (await verdict.textContent()).trim(), ms };
}

/** Starts a check ("won't send to anyone"), so a test's verdict has a check to feed. */
async function startACheck(page, server) {
  await open(page, server.url, "#/", "What's going wrong?");
  await pickSymptom(page, "won't send to anyone");
}

/** Failed probes show up as console network errors; only those are expected here. */
const PROBE_URL = /dmd-probe=1|https:\/\/(www\.google\.com|www\.cloudflare\.com|www\.tiktok\.com|p16-sign-va\.tiktokcdn\.com|v16-webapp-prime\.tiktok\.com|im-api-va\.tiktokv?\.com)\//;
const probeNoise = (p) => /net::ERR_|Failed to load resource|Failed to fetch/.test(p) && PROBE_URL.test(p);

test("offline: the verdict is 'offline' at once, the badge says so, and the browser's hints are gone", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await open(page, server.url, "#/connection", "Test my connection");
    await waitForServiceWorker(page); // installed first: going offline mid-install is another story
    // Chromium has the Network Information API: its figures show while online...
    const hints = page.getByRole("heading", { name: "What your browser says" });
    await hints.waitFor();
    assert.match(await page.locator("main").textContent(), /Round trip: about \d+ ms/);
    await context.setOffline(true);
    await page.locator(".net.offline").waitFor();
    // ...but offline they are stale, and "Download: about 10 Mbit/s" under "offline" misleads.
    await page.getByText("Your phone says it is offline.").waitFor();
    assert.equal(await hints.count(), 0, "no browser hints while offline");
    assert.doesNotMatch(await page.locator("main").textContent(), /Mbit\/s|Round trip|Speed class/);
    const { verdict, ms } = await runTest(page);
    assert.equal(verdict, "Your phone is offline");
    assert.ok(ms < 2000, `took ${ms} ms`);
    assert.equal(await page.locator(".verdict details").count(), 0, "offline, there are no figures to fold");
    await assertAccessible(page, "connection test, offline");
    await context.setOffline(false);
    await hints.waitFor(); // back online, the hints return
    watcher.assertClean(probeNoise);
  });
});

test("a progress bar shows while the test runs, and rises as samples settle", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    // Outside hosts are held until released; the own site answers at once.
    const held = { internet: [], tiktok: [] };
    const open_ = { internet: false, tiktok: false };
    const holdOr = (group) => (r) => (open_[group] ? answer(r) : held[group].push(r));
    await route(context, INTERNET, holdOr("internet"));
    await route(context, TIKTOK, holdOr("tiktok"));
    const release = async (group) => {
      open_[group] = true;
      for (const r of held[group].splice(0)) await answer(r);
    };
    await page.clock.install();
    await open(page, server.url, "#/connection", "Test my connection");
    // Time stands still from here: the app's request timeouts can't end a held request.
    await page.clock.pauseAt(Date.now() + 1000);
    const contacted = () => held.internet.length + held.tiktok.length + server.requests.filter((r) => r.startsWith("/probe.txt?dmd-probe=1")).length; // (the service worker precaches probe.txt itself, without the mark)
    assert.equal(contacted(), 0, "nothing is contacted until the test starts");
    await page.getByRole("button", { name: "Start the test" }).click();

    // What assistive technology reads: Chromium's accessibility tree (value = aria-valuenow).
    const cdp = await context.newCDPSession(page);
    const bar = async () => {
      const { nodes } = await cdp.send("Accessibility.getFullAXTree");
      const node = nodes.find((n) => n.role?.value === "progressbar");
      if (!node) return null;
      const max = node.properties.find((p) => p.name === "valuemax")?.value.value;
      return { name: node.name?.value, now: node.value?.value, max };
    };
    const barReaches = async (now, label) => {
      try {
        await page.waitForFunction((n) => document.querySelector("main progress")?.value === n, now, { timeout: 5000 });
      } catch {
        assert.fail(`${label}: the progress bar stays at ${JSON.stringify(await bar())}, expected ${now}`);
      }
      return bar();
    };
    // The own site's five samples settle while every outside host is held: the bar
    // shows the share of samples settled, in percent (time stands still here).
    const share = (settled) => Math.floor((settled * 100) / (HOSTS * SAMPLES));
    const first = await barReaches(share(SAMPLES), "own site answered");
    assert.deepEqual(first, { name: "Progress", now: share(SAMPLES), max: 100 }, "named, in percent");
    await release("internet");
    await barReaches(share(3 * SAMPLES), "internet answered");
    assert.equal(await page.locator(".verdict").count(), 0, "still running: no verdict yet");
    await release("tiktok");
    await page.locator(".verdict h2").waitFor();
    assert.equal(await bar(), null, "the bar goes when the verdict comes");
    watcher.assertClean(probeNoise);
  });
});

test("the verdict takes focus and comes into view; its figures wait, folded, under Details (360x800)", async () => {
  const phone = { viewport: { width: 360, height: 800 } };
  await withApp({ browser: phone }, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...TIKTOK], answer);
    // Where the verdict heading is at the moment it takes focus.
    await page.addInitScript(() =>
      document.addEventListener("focusin", (e) => {
        if (e.target.id !== "verdict-heading") return;
        const [heading, verdict] = [e.target, e.target.closest(".verdict")].map((el) => el.getBoundingClientRect());
        window.atFocus = { top: heading.top, verdictBottom: verdict.bottom, scrollY };
      }),
    );
    await open(page, server.url, "#/connection", "Test my connection");
    const verdictInView = async (label) => {
      try {
        await page.waitForFunction(() => {
          const heading = document.querySelector(".verdict h2");
          const box = heading?.getBoundingClientRect();
          return document.activeElement === heading && box.top >= 0 && box.bottom <= innerHeight;
        }, null, { timeout: 5000 });
      } catch {
        const at = await page.evaluate(() => [document.activeElement?.outerHTML.slice(0, 60), document.querySelector(".verdict h2")?.getBoundingClientRect().top]);
        assert.fail(`${label}: focus on ${at[0]}, verdict heading at y=${at[1]}`);
      }
    };

    await runTest(page);
    await verdictInView("first result");
    const first = await page.evaluate(() => ({ ...window.atFocus, now: scrollY }));
    // The verdict arrives below the form and the button: the page moves it to the top
    // of the screen (with its "Result" line above it), not just to the bottom edge.
    assert.ok(first.scrollY > 0, `the page scrolled to the verdict (${JSON.stringify(first)})`);
    assert.ok(first.top > 20 && first.top < 160, `the verdict heading sits near the top, its eyebrow above it (${JSON.stringify(first)})`);

    // The verdict and its next steps stand alone; the figures are one tap away.
    const details = page.locator(".verdict details");
    assert.equal(await details.evaluate((d) => d.open), false, "Details starts closed");
    assert.equal(await details.locator("summary").textContent(), "Details");
    assert.match(await details.locator(".figures").textContent(), /Typical answer time \d+ ms · variation \d+ ms · lost \d+%/);
    assert.match(await details.locator(".hosts-result").textContent(), /TikTok's website – www\.tiktok\.com: answered 5 of 5/);
    assert.equal(await details.locator(".figures").isVisible(), false, "figures hidden until asked for");
    assert.ok(await page.getByRole("heading", { name: "What to do" }).isVisible(), "next steps shown, outside Details");
    await assertScreenRules(page, "connection result at 360x800");
    await details.locator("summary").click();
    assert.ok(await details.locator(".figures").isVisible(), "one tap opens the figures");
    await assertAccessible(page, "connection result, details open");

    // A second run from the top of the page: again focused and in view.
    await page.evaluate(() => scrollTo(0, 0));
    await runTest(page);
    await verdictInView("second result");
    watcher.assertClean(probeNoise);
  });
});

test("every host hangs, the own site too: 'no internet' within 8 s of the simulated clock, the bar moving with time", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...TIKTOK, ...OWN_SITE], hang);
    await openOnPausedClock(page, server);
    await page.getByRole("button", { name: "Start the test" }).click();
    // Nothing answers, yet the bar moves with the clock: at 3.5 s it is half full.
    for (let step = 0; step < 14; step++) {
      await page.clock.runFor(250);
      await page.waitForTimeout(20);
    }
    const bar = await page.evaluate(() => document.querySelector("main progress")?.value);
    assert.ok(bar >= 50, `the bar is at ${bar}% after 3.5 s`);
    const { verdict, ms } = await runTestOnClockAfter(page, 3500);
    assert.equal(verdict, "Connected, but not to the internet");
    assert.ok(ms <= 8000, `took ${ms} simulated ms`);
    console.log(`# worst case (everything hangs): ${ms} simulated ms`);
    watcher.assertClean(probeNoise);
  });
});

test("a fetch that ignores its abort (a wrapped fetch, as in some in-app browsers) still ends within 8 s", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...TIKTOK], hang);
    // Outside requests lose their abort signal: aborting them changes nothing.
    await context.addInitScript(() => {
      const real = window.fetch.bind(window);
      window.fetch = (url, init = {}) => {
        const outside = /^https:/.test(String(url)) && !String(url).startsWith(location.origin);
        if (!outside) return real(url, init);
        const { signal, ...rest } = init;
        return real(url, rest);
      };
    });
    await openOnPausedClock(page, server);
    const { verdict, ms } = await runTestOnClock(page);
    assert.equal(verdict, "Only this site answers");
    assert.ok(ms <= 8000, `took ${ms} simulated ms`);
    assert.match(await page.locator(".hosts-result").textContent(), /www\.tiktok\.com: no answer \(timed out\)/);
    console.log(`# requests that ignore their abort: ${ms} simulated ms`);
    watcher.assertClean(probeNoise);
  });
});

test("only the own site answers: 'only this site answers', not 'no internet'", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...TIKTOK], hang);
    await openOnPausedClock(page, server);
    const { verdict, ms } = await runTestOnClock(page);
    assert.equal(verdict, "Only this site answers");
    assert.ok(ms <= 8000, `took ${ms} simulated ms`);
    console.log(`# only the own site answers: ${ms} simulated ms`);
    assert.ok(await page.getByRole("link", { name: "Sign in to the Wi-Fi, or use mobile data" }).count(), "links to the sign-in fix");
    watcher.assertClean(probeNoise);
  });
});

test("each host's first request hangs, later ones answer: a second try finds it, so not 'no internet'", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    const seen = new Set();
    const firstHangs = (r) => {
      const host = new URL(r.request().url()).host;
      if (seen.has(host)) return answer(r);
      seen.add(host);
    };
    await route(context, [...INTERNET, ...TIKTOK], firstHangs);
    await openOnPausedClock(page, server);
    const { verdict, ms } = await runTestOnClock(page);
    // One request in five lost on every outside host: unsteady, and the figures say so.
    assert.equal(verdict, "Your connection is unstable");
    assert.match(await page.locator(".verdict .figures").textContent(), /lost 20%/);
    assert.match(await page.locator(".hosts-result").textContent(), /TikTok's message servers – im-api-va\.tiktok\.com: answered 4 of 5/);
    console.log(`# first requests hang: ${verdict} after ${ms} simulated ms`);
    watcher.assertClean(probeNoise);
  });
});

/**
 * A first run on mobile data where every host answers (so this phone has seen each of
 * TikTok's hosts answer), then the blocking under test on Wi-Fi.
 */
async function afterAGoodRun(context, page, server, block) {
  await route(context, [...INTERNET, ...TIKTOK], answer);
  await open(page, server.url, "#/connection", "Test my connection");
  await page.getByLabel("Mobile data").check();
  assert.equal((await runTest(page)).verdict, "Your connection is fine");
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await route(context, [...INTERNET, ...TIKTOK].filter((p) => !block.includes(p)), answer);
  await route(context, block, fail);
  await page.getByLabel("Wi-Fi").check();
  return runTest(page);
}

test("TikTok's video servers blocked on this network, seen answering on another: the verdict names that part", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    const { verdict, ms } = await afterAGoodRun(context, page, server, VIDEO);
    assert.equal(verdict, "Part of TikTok is blocked on this network");
    const text = await page.locator(".verdict").textContent();
    assert.match(text, /On this network, not all of TikTok's video and image servers answered, but other parts of TikTok did\./);
    const parts = await page.locator(".verdict .parts li").allTextContents();
    assert.deepEqual(parts, ["TikTok's website: answered", "TikTok's video and image servers: no answer", "TikTok's message servers: answered"]);
    assert.match(await page.locator(".compare").textContent(), /TikTok only works on mobile data/);
    console.log(`# video servers blocked: ${ms} ms`);
    watcher.assertClean(probeNoise);
  });
});

test("TikTok's message servers blocked on this network: the verdict names them, and the check takes it in", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await startACheck(page, server);
    const { verdict, ms } = await afterAGoodRun(context, page, server, MESSAGES);
    assert.equal(verdict, "Part of TikTok is blocked on this network");
    assert.match(await page.locator(".verdict").textContent(), /On this network, not all of TikTok's message servers answered, but other parts of TikTok did\./);
    assert.ok(await page.getByRole("link", { name: "Turn off your VPN" }).count(), "links to the matching fix");
    await assertAccessible(page, "partly reachable verdict");
    console.log(`# message servers blocked: ${ms} ms`);
    await page.goto(server.url + "#/check/report");
    assert.match(await page.locator("#report-text").inputValue(), /Connection test \(DM Doctor\): Part of TikTok is blocked on this network/);
    watcher.assertClean(probeNoise);
  });
});

test("message servers never seen answering on this phone: their failure is said, the verdict stays 'fine', and the check doesn't take it", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await startACheck(page, server);
    await route(context, [...INTERNET, ...WEBSITE, ...VIDEO], answer);
    await route(context, MESSAGES, fail);
    await open(page, server.url, "#/connection", "Test my connection");
    const { verdict } = await runTest(page);
    assert.equal(verdict, "Your connection is fine");
    assert.match(
      await page.locator(".verdict .unsure").textContent(),
      /^TikTok's message servers didn't answer\. We haven't seen them answer on this phone yet, so on its own this doesn't change the result\. Test again on another network/,
    );
    // "Fine" here says nothing about the network: no evidence for the check.
    assert.match(await page.locator(".verdict .more").textContent(), /This result doesn't change your check\./);
    await page.goto(server.url + "#/check/report");
    assert.doesNotMatch(await page.locator("#report-text").inputValue(), /Connection test \(DM Doctor\)/);
    watcher.assertClean(probeNoise);
  });
});

test("one message host failing while the other answers changes nothing: 'fine', its failure shown in Details", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...WEBSITE, ...VIDEO, MESSAGES[0]], answer);
    await route(context, [MESSAGES[1]], fail);
    await open(page, server.url, "#/connection", "Test my connection");
    const { verdict } = await runTest(page);
    assert.equal(verdict, "Your connection is fine");
    assert.equal(await page.locator(".verdict .unsure").count(), 0, "the part answered");
    assert.match(await page.locator(".hosts-result").textContent(), /im-api-va\.tiktokv\.com: no answer · not seen answering on this phone yet, so alone it doesn't count/);
    watcher.assertClean(probeNoise);
  });
});

test("TikTok fails while the internet answers: 'TikTok unreachable'", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, INTERNET, answer);
    await route(context, TIKTOK, fail);
    await open(page, server.url, "#/connection", "Test my connection");
    const { verdict, ms } = await runTest(page);
    assert.equal(verdict, "The internet works, but TikTok doesn't answer");
    assert.ok(await page.getByRole("link", { name: "Turn off your VPN" }).count(), "links to the matching fix");
    // Nothing of TikTok answered: no part is called "unsure" beside that.
    assert.equal(await page.locator(".verdict .unsure").count(), 0, await page.locator(".verdict").innerText());
    // Whichever network the person is on, the other one is named.
    assert.match(await page.locator(".verdict").innerText(), /mobile data if you're on Wi-Fi, or Wi-Fi if you're on mobile data/);
    console.log(`# TikTok unreachable: ${ms} ms`);
    watcher.assertClean(probeNoise);
  });
});

test("delayed answers: 'slow', with the figures", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await route(context, [...INTERNET, ...TIKTOK], slow(1200));
    await open(page, server.url, "#/connection", "Test my connection");
    const { verdict, ms } = await runTest(page);
    assert.equal(verdict, "Your connection is slow");
    console.log(`# every outside host answers after 1.2 s: ${ms} ms`);
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
    assert.match(await page.locator(".hosts-result").textContent(), /DM Doctor's own site – probe\.txt: no answer/);
    watcher.assertClean(probeNoise);
  });
});

test("Wi-Fi and mobile data side by side, and the verdict feeds the check", async () => {
  await withApp({}, async ({ context, server, page, watcher }) => {
    await startACheck(page, server);

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
