// End-to-end tests of the guided check against the release build: a full walk, resuming
// after reloads (online and offline), corrupt saved data, storage that refuses to save,
// and the report.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { answerAll, answerFirst, assertAccessible, assertScreenRules, expectFocusLeftAlone, expectFocusOnHeading, hash, heading, open, pickSymptom, test, waitForServiceWorker, withApp } from "./helpers.mjs";

/** On a step that asks which phone this is (the browser didn't say), answers `brand`. */
async function answerPhoneIfAsked(page, brand = "Samsung") {
  if (await page.locator("main .phone-question").count()) {
    await page.locator("main .phone-question button", { hasText: brand }).click();
    await page.waitForSelector("main ol.steps");
  }
}

test("a full walk: symptom, questions, results, fix steps, success", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    const asked = await answerAll(page, "won't send to anyone");
    assert.ok(asked.length >= 2, `asked ${JSON.stringify(asked)}`);
    await assertAccessible(page, "results");
    await assertScreenRules(page, "results");
    assert.ok((await page.locator("main .results > li").count()) >= 1);

    await page.getByRole("button", { name: "Show me the fixes" }).click();
    await page.waitForSelector("main .plan-step h1");
    await expectFocusOnHeading(page, "focus on the step heading");
    await assertAccessible(page, "first step");
    await assertScreenRules(page, "first step");
    await answerPhoneIfAsked(page);
    const first = await heading(page);
    await page.getByRole("button", { name: "No, still broken" }).click();
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, first);
    assert.match(await page.locator("main .eyebrow").first().textContent(), /^Step 2 of \d+/);
    await answerPhoneIfAsked(page);
    await page.getByRole("button", { name: "Yes, it works" }).click();
    await page.waitForSelector("main .success h1");
    assert.equal(await heading(page), "Your messages are working again");
    await assertAccessible(page, "success");
    await page.getByRole("button", { name: "Done" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    assert.equal(await page.locator("main .resume").count(), 0, "a finished check is not offered to continue");
    watcher.assertClean();
  });
});

test("Back lets the user change an answer", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await pickSymptom(page, "won't send to anyone");
    const firstQuestion = await heading(page);
    await page.locator("main .answers button").first().click();
    await page.waitForFunction((q) => document.querySelector("main h1")?.textContent !== q, firstQuestion);
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await page.waitForFunction((q) => document.querySelector("main h1")?.textContent === q, firstQuestion);
    assert.match(await page.locator("main .answers button.chosen").textContent(), /your earlier answer/);
    await assertAccessible(page, "question with an earlier answer");
    watcher.assertClean();
  });
});

test("focus: a start link opened from outside leaves it alone; picking a symptom in the app moves it to the question", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await page.goto(server.url + "#/check/start/messages-late");
    await page.waitForSelector("main .question h1");
    assert.match(await page.evaluate(() => location.hash), /^#\/check\/question\/[a-z0-9-]+$/, "the start link forwards to the check's first question");
    await expectFocusLeftAlone(page, "opening the app leaves focus alone");
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("button", { name: "Yes, start over" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    await page.waitForFunction(() => document.activeElement?.textContent === "What's going wrong?", null, { timeout: 5000 }); // focus follows to home
    await pickSymptom(page, "won't send to anyone");
    await page.waitForFunction(() => document.activeElement === document.querySelector("main h1"), null, { timeout: 5000 });
    await page.goBack();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    assert.equal(await page.evaluate(() => location.hash), "#/", "Back skips the forwarding address");
    watcher.assertClean();
  });
});

test("picking another problem mid-check asks first: continue, or start the new one", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await pickSymptom(page, "won't send to anyone");
    await page.locator("main .answers button").first().click();
    await page.waitForFunction(() => /^Question 2 /.test(document.querySelector("main .eyebrow")?.textContent));
    const second = await heading(page);

    const pickOther = async () => {
      await page.getByRole("link", { name: "Home", exact: true }).click();
      await page.locator("main a.card", { hasText: "inbox or chats" }).click();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "You have a check in progress");
    };
    await pickOther();
    assert.match(await page.locator("main .lead").textContent(), /won't send to anyone/);
    await assertAccessible(page, "check in progress: continue or start over");
    await assertScreenRules(page, "check in progress");
    await page.getByRole("button", { name: "Continue where I left off" }).click();
    await page.waitForSelector("main .question h1");
    assert.equal(await heading(page), second, "continuing keeps the old check where it was");

    await pickOther();
    await page.getByRole("button", { name: "Start a new check" }).click();
    await page.waitForFunction(() => /^Question 1 /.test(document.querySelector("main .eyebrow")?.textContent));
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await page.waitForSelector("main .resume");
    assert.match(await page.locator("main .resume .card-title").textContent(), /inbox or chats/i, "the new check replaced the old");
    watcher.assertClean();
  });
});

test("a reload mid-plan resumes at the same step, online and with the server stopped", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await waitForServiceWorker(page);
    await answerAll(page, "inbox or chats", (_, labels) => labels.length - 1); // "Not sure" throughout
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    await page.waitForSelector("main .plan-step h1");
    await answerPhoneIfAsked(page);
    await page.getByRole("button", { name: "Skip this one" }).click();
    await page.waitForFunction(() => /^Step 2 of/.test(document.querySelector("main .eyebrow")?.textContent));
    const step = await heading(page);
    const progress = await page.locator("main .eyebrow").first().textContent();
    await expectFocusOnHeading(page, "a new step takes focus");

    await page.reload();
    await page.waitForSelector("main .plan-step h1");
    assert.equal(await heading(page), step);
    assert.equal(await page.locator("main .eyebrow").first().textContent(), progress);
    await expectFocusLeftAlone(page, "page load leaves focus alone");

    await server.close();
    await page.goto("about:blank");
    await page.goto(server.url);
    await page.waitForSelector("main .resume");
    await page.locator("main .resume a.card").click();
    await page.waitForSelector("main .plan-step h1");
    assert.equal(await heading(page), step, "offline, the check resumes at the same step");
    watcher.assertClean();
  });
});

test("corrupt saved data is kept aside and the app starts clean with a notice", async () => {
  const corrupt = 'dm-doctor:2:{"symptom":';
  await withApp({ initScript: `if (!sessionStorage.getItem("planted")) {
        sessionStorage.setItem("planted", "1");
        localStorage.setItem("dm-doctor.check", ${JSON.stringify(corrupt)});
      }` }, async ({ server, page, watcher }) => {
      await open(page, server.url, "#/", "What's going wrong?");
      const notice = page.locator(".banner.notice");
      await notice.waitFor();
      assert.match(await notice.textContent(), /couldn't read your saved check because it was damaged\. We kept a copy/);
      const stored = await page.evaluate(() => ({ ...localStorage }));
      const kept = Object.entries(stored).filter(([key]) => key.startsWith("dm-doctor.kept."));
      assert.equal(kept.length, 1, JSON.stringify(stored));
      assert.equal(kept[0][1], corrupt, "the raw text is kept unchanged");
      assert.equal(stored["dm-doctor.check"], undefined);
      assert.equal(await page.locator("main .resume").count(), 0);
      await assertAccessible(page, "home with notice");
      watcher.assertClean();
  });
});

test("a check and connection tests stored by every earlier version (frozen fixtures) load in the browser's build", async () => {
  // The native tests read these fixtures on a 64-bit machine; this reads them with the
  // wasm32 build a phone runs (its lengths are 32-bit).
  const fixture = (name) => readFileSync(`tests/fixtures/${name}`, "utf8").trim();
  await withApp({}, async ({ server, page, watcher }) => {
    for (const schema of [1, 2]) {
      await open(page, server.url, "#/", "What's going wrong?");
      await page.evaluate(([check, runs]) => {
        localStorage.clear();
        localStorage.setItem("dm-doctor.check", check);
        localStorage.setItem("dm-doctor.connection", runs);
      }, [fixture(`check-schema-${schema}.txt`), fixture(`connection-schema-${schema}.txt`)]);
      await page.goto("about:blank");
      await open(page, server.url, "#/", "What's going wrong?");
      const resume = page.locator("main .resume a.card");
      const unreadable = page.locator(".banner.notice");
      await resume.or(unreadable).first().waitFor();
      assert.equal(await unreadable.count(), 0, `schema ${schema}: ${await unreadable.allInnerTexts()}`);
      assert.match(await resume.textContent(), /My messages won't send to anyone/, `schema ${schema}`);
      await resume.click();
      await page.waitForSelector("main .plan-step h1");
      await answerPhoneIfAsked(page);
      assert.equal(await heading(page), "Try the other network (Wi-Fi or mobile data)", `schema ${schema}: the step it was saved at`);

      await open(page, server.url, "#/connection", "Test my connection");
      // The latest run's verdict, and the latest Wi-Fi and mobile runs side by side.
      const [latest, compared] = schema === 1
        ? ["Your connection is unstable", /Wi-Fi\s+The internet works, but TikTok doesn't answer\s+1350 ms\s+Mobile data\s+Your connection is unstable\s+107 ms/]
        : ["Part of TikTok is blocked on this network", /Wi-Fi\s+Part of TikTok is blocked[^\n]*\s+87 ms\s+Mobile data\s+Only this site answers/];
      await page.locator("main", { hasText: latest }).first().waitFor();
      assert.match(await page.locator("main .compare").innerText(), compared, `schema ${schema}`);
      const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dm-doctor.kept.")));
      assert.deepEqual(stored, [], `schema ${schema}: nothing was set aside as unreadable`);
    }
    watcher.assertClean();
  });
});

test("when storage refuses to save, the check still works and says progress won't be saved", async () => {
  await withApp({ initScript: `Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };` }, async ({ server, page, watcher }) => {
      await open(page, server.url, "#/", "What's going wrong?");
      await pickSymptom(page, "won't send to anyone");
      await page.locator("main .answers button").first().click();
      const warning = page.locator(".banner.notice", { hasText: "can't be saved" });
      await warning.waitFor();
      // The check goes on regardless.
      await page.waitForFunction(() => /^Question 2 /.test(document.querySelector("main .eyebrow")?.textContent));
      await page.locator("main .answers button").first().click();
      await page.waitForFunction(() => /^Question 3 |Your results/.test(document.querySelector("main .eyebrow")?.textContent));
      assert.equal(await warning.count(), 1, "the notice stays while saving keeps failing");
      await assertAccessible(page, "question with the progress-not-saved notice");
      watcher.assertClean();
  });
});

test("the report holds the answers the user gave", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    const asked = await answerAll(page, "won't send to one person", (_, labels) => Math.min(1, labels.length - 1));
    await page.getByRole("link", { name: "Get a report for TikTok" }).click();
    await page.waitForSelector("main #report-text");
    const report = await page.locator("main #report-text").inputValue();
    assert.match(report, /What happens: My messages won't send to one person/);
    for (const { question, label } of asked) {
      assert.ok(report.includes(`${question} → ${label.replace(" (your earlier answer)", "")}`), `report lacks "${question} → ${label}":\n${report}`);
    }
    await assertAccessible(page, "report");
    await assertScreenRules(page, "report");
    watcher.assertClean();
  });
});

/** Presses Tab until the focused element's text contains `text`. */
async function tabTo(page, text) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    if (focused.includes(text)) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

test("keyboard only: from home to the success screen", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await tabTo(page, "won't send to anyone");
    await page.keyboard.press("Enter");
    await page.waitForSelector("main .question h1");
    // Each question: focus is on the heading; Tab reaches "Why we ask", then the answers.
    for (let i = 0; i < 12 && !(await page.locator("main .results").count()); i++) {
      await expectFocusOnHeading(page, "the question heading");
      const question = await page.locator("main h1").textContent();
      await page.keyboard.press("Tab"); // Why we ask
      await page.keyboard.press("Tab"); // first answer
      assert.equal(await page.evaluate(() => document.activeElement?.className), "answer");
      await page.keyboard.press("Enter");
      await page.waitForFunction((q) => document.querySelector("main h1")?.textContent !== q, question);
    }
    await page.locator("main .results").waitFor();
    await expectFocusOnHeading(page, "focus moves to the results heading");
    await tabTo(page, "Show me the fixes");
    await page.keyboard.press("Enter");
    await page.waitForSelector("main .plan-step h1");
    await expectFocusOnHeading(page, "focus moves to the step heading");
    if (await page.locator("main .phone-question").count()) {
      await tabTo(page, "Samsung");
      await page.keyboard.press("Enter");
      await page.waitForSelector("main ol.steps");
    }
    await tabTo(page, "Yes, it works");
    await page.keyboard.press("Space");
    await page.waitForSelector("main .success h1");
    await expectFocusOnHeading(page, "focus moves to the success heading");
    watcher.assertClean();
  });
});

/**
 * Answers as the person would: `story` maps a words-in-the-question to the exact answer
 * label they'd pick; every other question gets "Not sure".
 */
const answering = (story) => (question, labels) => {
  const answer = Object.entries(story).find(([words]) => question.includes(words))?.[1];
  const said = answer === undefined ? -1 : labels.findIndex((l) => l.trim() === answer);
  return said >= 0 ? said : labels.findIndex((l) => l.trim() === "Not sure");
};

test("messages arrive late, with no TikTok alerts at all, on a Samsung: the plan starts with allowing notifications", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    // Her story: messages only show up when she opens TikTok; no battery saving; no
    // TikTok alerts of any kind. Decided before any weight was tuned: notifications.
    const asked = await answerAll(
      page,
      "late",
      answering({
        "only show up when you open TikTok": "Yes, when I open TikTok",
        "battery saving": "No",
        "TikTok alerts at all": "No, no TikTok alerts at all",
      }),
    );
    assert.ok(asked.some((a) => a.label.startsWith("No, no TikTok alerts")), `the alerts question was asked: ${JSON.stringify(asked)}`);
    assert.equal(await page.locator("main .results > li h2").first().textContent(), "TikTok's notifications are turned off");
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    await page.waitForSelector("main .plan-step h1");
    assert.equal(await heading(page), "Allow TikTok's notifications on your phone");
    // The browser didn't say which phone: asked once, in one tap.
    await page.locator("main .phone-question button", { hasText: "Samsung" }).click();
    assert.equal((await page.locator("main ol.steps li").first().textContent()).trim(), 'Open Settings > Apps > TikTok. Or search Settings for "TikTok".');
    await assertAccessible(page, "notification fix on Samsung");
    await assertScreenRules(page, "notification fix on Samsung");
    watcher.assertClean();
  });
});

test("the Play Store and web buttons open their pages in a new tab, and the check stays where it was", async () => {
  await withApp({}, async ({ server, page, watcher, context }) => {
    // No internet here: the outside pages answer from the test.
    const opened = [];
    await context.route(/^https:\/\/(play\.google\.com|www\.tiktok\.com)\//, (route) => {
      opened.push(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>outside</title>" });
    });
    await open(page, server.url, "#/", "What's going wrong?");
    await pickSymptom(page, "won't send to anyone");
    await page.locator("main .answers button").first().click();
    await page.waitForFunction(() => /^Question 2 /.test(document.querySelector("main .eyebrow")?.textContent));
    const question = await heading(page);

    const buttons = [
      { route: "#/guide/fix/update-app", heading: "Update TikTok", url: "https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically" },
      { route: "#/guide/fix/update-tiktok-lite", heading: "TikTok Lite", url: "https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically.go" },
      { route: "#/guide/fix/try-web-messages", heading: "web", url: "https://www.tiktok.com/messages" },
    ];
    for (const { route, heading: title, url } of buttons) {
      await open(page, server.url, route, title);
      const link = page.locator("main .actions a.button");
      assert.equal(await link.count(), 1, route);
      assert.equal(await link.getAttribute("href"), url, route);
      assert.equal(await link.getAttribute("target"), "_blank", route);
      assert.match(await link.getAttribute("rel"), /noopener/, route);
      await assertScreenRules(page, route);
      const [tab] = await Promise.all([context.waitForEvent("page"), link.click()]);
      await tab.waitForLoadState();
      assert.equal(tab.url(), url, "the new tab shows the outside page");
      await tab.close();
      assert.ok(page.url().endsWith(route), "the app's tab stays on the fix");
    }
    assert.deepEqual(opened, buttons.map((b) => b.url));
    // The check is still in progress, at the same question.
    await open(page, server.url, "#/", "What's going wrong?");
    await page.locator("main .resume a.card").click();
    await page.waitForSelector("main .question h1");
    assert.equal(await heading(page), question);
    watcher.assertClean();
  });
});

test("a phone whose brand the browser doesn't reveal is asked for once, before the first phone-specific step", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await answerAll(page, "inbox or chats", answering({}));
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    await page.waitForSelector("main .plan-step h1");
    let asked = 0;
    let specificAfter = 0;
    for (let i = 0; i < 20 && specificAfter < 2; i++) {
      const title = await heading(page);
      if (await page.locator("main .phone-question").count()) {
        asked += 1;
        assert.equal(await page.locator("main ol.steps").count(), 0, "no steps before the phone is known");
        await assertAccessible(page, "the phone question");
        await assertScreenRules(page, "the phone question");
        await page.locator("main .phone-question button", { hasText: "Other Android phone" }).click();
        await page.waitForSelector("main ol.steps");
        assert.equal(await page.getByLabel("Pixel / stock Android").isChecked(), true, "other Android phones get the stock steps");
        continue;
      }
      if (asked > 0 && (await page.locator("main .device-picker").count())) specificAfter += 1;
      const skip = page.getByRole("button", { name: "Skip this one" });
      if (!(await skip.count())) break;
      await skip.click();
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
    }
    assert.equal(asked, 1, "asked exactly once");
    assert.ok(specificAfter >= 1, "later phone-specific steps were shown without asking again");
    watcher.assertClean();
  });
});

/**
 * Answers each question the way the person's facts say (question id -> answer id, as in
 * tests/common/stories.rs), "Not sure" to the rest, until the results.
 */
const answerFacts = (page, symptomText, facts) =>
  answerAll(page, symptomText, (_, __, { questionId, answerIds }) => answerIds.indexOf(facts[questionId] ?? "not-sure"));

/**
 * On a plan step, goes on without a fix: skips a fix, is still broken after a wait, says
 * a rule doesn't fit, or gives a check's last answer (e.g. "I can't tell").
 */
async function goOn(page) {
  for (const name of ["Skip this one", "Still broken after waiting", "This doesn't fit me"]) {
    const button = page.getByRole("button", { name, exact: true });
    if (await button.count()) return button.click();
  }
  return page.locator("main .action-bar button").last().click();
}

/** Walks the whole plan from the results (see `walkPlanFromHere`); returns the step titles. */
async function walkPlan(page) {
  await page.getByRole("button", { name: "Show me the fixes" }).click();
  await page.waitForSelector("main .plan-step h1");
  return walkPlanFromHere(page);
}

/**
 * From a checkpoint or a step, goes on at every step (answering the phone question) and
 * takes "More things to try" at each checkpoint, to the end; returns the step titles.
 */
async function walkPlanFromHere(page) {
  const titles = [];
  for (let i = 0; i < 30; i++) {
    await page.waitForSelector("main h1");
    const more = page.getByRole("button", { name: /^More things to try/ });
    if (await more.count()) {
      await more.click();
      await page.waitForSelector("main .plan-step h1");
    }
    if (!(await page.locator("main .plan-step").count())) return titles; // the end: the report
    await answerPhoneIfAsked(page);
    const title = await heading(page);
    titles.push(title);
    await goOn(page);
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
  }
  return titles;
}

test("Karim needs his VPN to reach TikTok at all: his plan never says to turn it off", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    // His facts, as in tests/common/stories.rs (written before any weight was tuned).
    await answerFacts(page, "inbox or chats", {
      "vpn-country": "both",
      "vpn-needed": "needs-vpn",
      "network-type": "roaming",
      "network-switch": "both",
      "rest-of-tiktok": "slow",
      "recent-switch": "travel",
      "asked-verify": "no",
      "others-report": "no",
      "private-dns": "no",
      "date-time": "auto",
      "last-update": "auto",
      "app-acted-up": "no",
      "what-you-see": "keeps-loading",
      "which-app": "main",
    });
    assert.equal(await page.locator("main .results > li h2").first().textContent(), "A VPN, or TikTok isn't available where you are");
    const steps = await walkPlan(page);
    assert.equal(steps[0], "Switch VPN server or app", `his plan: ${steps}`);
    assert.ok(!steps.includes("Turn off your VPN"), `his plan: ${steps}`);
    watcher.assertClean();
  });
});

test("Jonas, 17, switched accounts and phones all week and can't send right now: the check reaches the security pause", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await answerFacts(page, "Message button or DMs are missing", {
      age: "16-17",
      "worked-before": "until-lately",
      "missing-what": "cant-send-now",
      "recent-switch": "several",
      warnings: "no-warning",
      "who-fails": "everyone",
      "family-pairing": "no",
      "own-settings": "everyone",
      "vpn-country": "neither",
      "group-chat": "no",
      "last-update": "auto",
    });
    const top = await page.locator("main .results > li").first();
    assert.equal(await top.locator("h2").textContent(), "TikTok paused some features for safety");
    assert.equal(await top.locator(".likelihood").textContent(), "Most likely");
    assert.ok((await top.locator(".reasons li").count()) >= 1, "his own answers are the reasons");
    await assertAccessible(page, "results for Jonas");
    await assertScreenRules(page, "results for Jonas");
    watcher.assertClean();
  });
});

/** Contrast ratio of two CSS colours (rgb()/rgba() as computed styles give them). */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, bl] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("on a touch phone no answer keeps a hover look after a tap, and control borders stand out (3:1) in both themes", async () => {
  await withApp({ browser: { isMobile: true, hasTouch: true, viewport: { width: 360, height: 800 } } }, async ({ server, page, watcher }) => {
    for (const scheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, server.url, "#/", "What's going wrong?");
      await page.locator("main a.card", { hasText: "won't send to anyone" }).tap();
      await page.waitForSelector("main .question h1");
      const first = await heading(page);
      // Tap the last answer ("Not sure"): the next question's "Not sure" sits where the finger was.
      await page.locator("main .answers button").last().tap();
      await page.waitForFunction((q) => document.querySelector("main h1")?.textContent !== q, first);
      const looks = await page.evaluate(() => {
        const accent = getComputedStyle(document.documentElement).getPropertyValue("--accent").trim();
        const probe = document.createElement("span");
        probe.style.color = accent; // computed as rgb() for comparison
        document.body.append(probe);
        const accentRgb = getComputedStyle(probe).color;
        probe.remove();
        const page = getComputedStyle(document.body).backgroundColor;
        const controls = [...document.querySelectorAll("main .answers button:not(.chosen), main .button.quiet")];
        return {
          accentLooking: controls.filter((b) => getComputedStyle(b).borderTopColor === accentRgb).map((b) => b.textContent),
          borders: controls.map((b) => ({ text: b.textContent, border: getComputedStyle(b).borderTopColor, surface: getComputedStyle(b).backgroundColor })),
          page,
        };
      });
      assert.deepEqual(looks.accentLooking, [], `${scheme}: no control looks hovered or chosen after a tap`);
      for (const { text, border, surface } of looks.borders) {
        const against = surface === "rgba(0, 0, 0, 0)" ? looks.page : surface;
        assert.ok(contrast(border, against) >= 3, `${scheme}: "${text}" border ${border} on ${against} is ${contrast(border, against).toFixed(2)}:1`);
        assert.ok(contrast(border, looks.page) >= 3, `${scheme}: "${text}" border ${border} on the page is ${contrast(border, looks.page).toFixed(2)}:1`);
      }
      await page.getByRole("button", { name: "Start over" }).tap();
      await page.getByRole("button", { name: "Yes, start over" }).tap();
      await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    }
    watcher.assertClean();
  });
});

test("Start over asks first: nothing is lost until the person confirms", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await pickSymptom(page, "won't send to anyone");
    await page.locator("main .answers button").first().click();
    await page.waitForFunction(() => /^Question 2 /.test(document.querySelector("main .eyebrow")?.textContent));
    const question = await heading(page);
    const saved = await page.evaluate(() => localStorage.getItem("dm-doctor.check"));
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("button", { name: "Keep my check" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), "Keep my check", "focus stays on the tapped button");
    assert.equal(await heading(page), question, "still at the same question");
    assert.equal(await page.evaluate(() => localStorage.getItem("dm-doctor.check")), saved, "nothing deleted yet");
    await assertAccessible(page, "start over, asking");
    await assertScreenRules(page, "start over, asking");
    await page.getByRole("button", { name: "Keep my check" }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), "Start over", "and back on it when kept");
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("button", { name: "Yes, start over" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    assert.equal(await page.locator("main .resume").count(), 0, "the check is gone after confirming");
    assert.equal(await page.evaluate(() => localStorage.getItem("dm-doctor.check")), null);
    watcher.assertClean();
  });
});

// Check history: each question and step has its own address, so the browser's Back and
// Forward (the Android back gesture) walk the check screen by screen.
const PHONE = { viewport: { width: 360, height: 800 } };
/** Waits until the screen shows `question` (heading and address). */
async function expectQuestion(page, question, label) {
  await page.waitForFunction((q) => document.querySelector("main .question h1")?.textContent === q, question.heading, { timeout: 5000 }).catch(() => {});
  assert.equal(await heading(page), question.heading, label);
  assert.equal(await hash(page), question.hash, `${label}: its address`);
}

test("Back and Forward walk the check screen by screen: questions, results and steps; a reload resumes at the address", async () => {
  await withApp({ browser: PHONE }, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await pickSymptom(page, "won't send to anyone");
    await page.evaluate(() => scrollTo(0, 60));
    const asked = [await answerFirst(page)];
    assert.equal(await page.evaluate(() => scrollY), 0, "a new screen starts at the top");
    asked.push(await answerFirst(page), await answerFirst(page));
    assert.match(await hash(page), /^#\/check\/question\//, "question 4 has its own address");
    const length = await page.evaluate(() => history.length);

    await page.goBack();
    await expectQuestion(page, asked[2], "Back shows question 3");
    await page.goBack();
    await expectQuestion(page, asked[1], "Back again shows question 2");
    await expectFocusOnHeading(page, "focus on question 2");
    assert.match(await page.locator("main .answers button.chosen").textContent(), /your earlier answer/, "the earlier answer is marked");
    assert.equal(await page.locator("main .eyebrow").first().textContent().then((t) => t.startsWith("Question 2 ")), true);
    await page.goForward();
    await expectQuestion(page, asked[2], "Forward returns to question 3");
    assert.equal(await page.locator("main .answers button.chosen").count(), 0, "question 3's answer was undone, nothing to mark");

    // The in-app Back goes through the same history, so Forward works after it too.
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await expectQuestion(page, asked[1], "the in-app Back shows question 2");
    assert.equal(await page.evaluate(() => history.length), length, "the in-app Back added no history entry");
    await page.goForward();
    await expectQuestion(page, asked[2], "Forward after the in-app Back");

    // A reload at a question's address resumes there.
    await page.reload();
    await page.waitForSelector("main .question h1");
    await expectQuestion(page, asked[2], "a reload resumes at the same question");

    // Through to the results and the first step; Back from the step returns to the results.
    await page.locator("main .answers button").last().click(); // "Not sure" from here on
    for (let i = 0; i < 15 && !(await page.locator("main .results").count()); i++) {
      await page.waitForSelector("main .question h1, main .results");
      if (await page.locator("main .results").count()) break;
      const q = await heading(page);
      await page.locator("main .answers button").last().click();
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, q);
    }
    await page.waitForSelector("main .results");
    assert.equal(await hash(page), "#/check/results");
    const results = await heading(page);
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    await page.waitForSelector("main .plan-step h1");
    assert.equal(await hash(page), "#/check/step/1");
    await page.goBack();
    await page.waitForSelector("main .results");
    assert.equal(await heading(page), results, "Back from the first step shows the results");
    assert.equal(await hash(page), "#/check/results");
    await expectFocusOnHeading(page, "focus on the results heading");
    await page.goForward();
    await page.waitForSelector("main .plan-step h1");
    assert.equal(await hash(page), "#/check/step/1", "Forward returns to the first step");
    watcher.assertClean();
  });
});

// ---------------------------------------------------------------------------------------
// Plans (issue 16): step kinds, short parts with a checkpoint, endings that fit, and the
// step's answers in view.
// ---------------------------------------------------------------------------------------

/** Mia, 14 (tests/common/stories.rs): her Message button is gone; she never had messages. */
const UNDER_16 = {
  age: "under-16",
  "missing-what": "no-button",
  "worked-before": "never",
  "who-fails": "everyone",
  "family-pairing": "no",
  warnings: "no-warning",
  "recent-switch": "none",
  "last-update": "auto",
  "group-chat": "no",
};

/** True when the text of the main area says the messages work again. */
const saysWorkingAgain = async (page) => /working again/i.test(await page.locator("main").textContent());

test("an under-16 walk never shows 'working again': the plan ends on the rule and what to do instead", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await answerFacts(page, "Message button or DMs are missing", UNDER_16);
    assert.equal(await page.locator("main .results > li h2").first().textContent(), "Messages are off for people under 16");
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    // Every step until the rule: not fixed (her messages can't be switched on).
    for (let i = 0; i < 12; i++) {
      await page.waitForSelector("main .plan-step h1");
      await answerPhoneIfAsked(page);
      assert.equal(await saysWorkingAgain(page), false, `step ${i + 1}`);
      if (await page.getByRole("button", { name: "I understand" }).count()) break;
      const title = await heading(page);
      await goOn(page);
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
    }
    assert.equal(await heading(page), "Until you turn 16");
    assert.equal(await page.getByRole("button", { name: "Yes, it works" }).count(), 0, "a rule asks no 'Did this fix it?'");
    await assertAccessible(page, "the rule's explain step");
    await assertScreenRules(page, "the rule's explain step");
    // Its primary answer, "I understand", ends on the rule: what it is, what to do instead.
    await page.locator("main .action-bar .button.primary").click();
    await page.waitForSelector("main .explained h1");
    await expectFocusOnHeading(page, "focus moves to the ending's heading");
    assert.match(await page.locator("main .lead").textContent(), /turns messages off for everyone under 16/);
    assert.match(await page.locator("main").textContent(), /What you can do/);
    assert.equal(await saysWorkingAgain(page), false, "the ending");
    await assertAccessible(page, "the rule's ending");
    await assertScreenRules(page, "the rule's ending");
    watcher.assertClean();
  });
});

test("an outage check answered 'yes, others too' leads to waiting for TikTok, where the person can save their place", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    // Sam (tests/common/stories.rs): nothing loads, and friends say TikTok is down.
    await answerFacts(page, "won't send to anyone", { "others-report": "yes", "rest-of-tiktok": "nothing-loads", "network-switch": "both" });
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    await page.waitForSelector("main .plan-step h1");
    assert.equal(await heading(page), "Check if TikTok is down for others", "the outage check comes first");
    // A check asks its own question, not "Did this fix it?".
    assert.equal(await page.locator("main .action-question").textContent(), "Are others having the same problem?");
    assert.equal(await page.getByRole("button", { name: "Yes, it works" }).count(), 0);
    await assertAccessible(page, "a check step");
    await assertScreenRules(page, "a check step");
    await page.getByRole("button", { name: "Yes, others have it too" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Wait for TikTok to fix it");
    await expectFocusOnHeading(page, "focus moves to the wait step");
    const save = page.getByRole("link", { name: "Save my place — I'll come back later" });
    assert.equal(await save.getAttribute("class"), "button primary", "saving the place is the wait's primary action");
    for (const name of ["It works now", "Still broken after waiting"]) {
      assert.equal(await page.getByRole("button", { name }).count(), 1, name);
    }
    assert.match(await page.locator("main").textContent(), /keeps your place on this phone.*There's no reminder/s, "says plainly what saving means");
    await assertAccessible(page, "a wait step");
    await assertScreenRules(page, "a wait step");
    // Saving the place leaves for home; Continue comes back to the same step.
    await save.click();
    await page.waitForSelector("main .resume a.card");
    await page.reload();
    await page.locator("main .resume a.card").click();
    await page.waitForSelector("main .plan-step h1");
    assert.equal(await heading(page), "Wait for TikTok to fix it");
    // Back shows the check again, and "No, it's only me" goes on without the wait.
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Check if TikTok is down for others");
    await page.getByRole("button", { name: "No, it's only me" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent !== "Check if TikTok is down for others");
    assert.notEqual(await heading(page), "Wait for TikTok to fix it");
    watcher.assertClean();
  });
});

test("old addresses of a replaced check lead to the new check; a check opened in a fresh tab never Backs out of the app", async () => {
  await withApp({ browser: PHONE }, async ({ server, context, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await pickSymptom(page, "won't send to anyone");
    await answerFirst(page);
    const old = await hash(page);
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("button", { name: "Yes, start over" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    // A problem whose questions differ from the first one's.
    await pickSymptom(page, "arrive late");
    const first = await answerFirst(page);
    const current = { heading: await heading(page), hash: await hash(page) };
    assert.notEqual(old, current.hash, "premise: the old address is another screen");
    await page.goto(server.url + old);
    await expectQuestion(page, current, "the old check's address shows the new check where it is");
    // The app stepped back onto the current screen's entry (the old address is only a
    // Forward away), so there is no duplicate: one Back reaches the screen before.
    await page.goBack();
    await expectQuestion(page, first, "one Back from there shows the question before");
    // Back from the first question goes back to home through history, so Forward returns.
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    await page.goForward();
    await expectQuestion(page, first, "Forward from home returns to the first question");
    await answerFirst(page);
    await expectQuestion(page, current, "answered again");

    // A fresh tab (a shortcut, a shared link): nothing of the app's is behind it.
    const fresh = await context.newPage();
    await fresh.goto(server.url + "#/check");
    await fresh.waitForSelector("main .question h1");
    await expectQuestion(fresh, current, "#/check opens the check where it is");
    const length = await fresh.evaluate(() => history.length);
    await fresh.getByRole("button", { name: "Back", exact: true }).click();
    await expectQuestion(fresh, first, "the in-app Back shows the question before");
    assert.match(await fresh.locator("main .answers button.chosen").textContent(), /your earlier answer/);
    await fresh.getByRole("button", { name: "Back", exact: true }).click();
    await fresh.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    assert.ok(fresh.url().startsWith(server.url), `still in the app: ${fresh.url()}`);
    assert.equal(await fresh.evaluate(() => history.length), length, "no entry added");
    await fresh.close();
    watcher.assertClean();
  });
});

test("at 360x800 a step's answers are in the first screen, and at the end of the page they cover nothing", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await open(page, server.url, "#/", "What's going wrong?");
    await answerAll(page, "inbox or chats", (_, labels) => labels.length - 1); // "Not sure" throughout
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    for (let i = 0; i < 3; i++) {
      await page.waitForSelector("main .plan-step h1");
      await answerPhoneIfAsked(page);
      const title = await heading(page);
      const boxes = await page.evaluate(() => {
        window.scrollTo(0, 0);
        const box = (el) => el.getBoundingClientRect().toJSON();
        const buttons = [...document.querySelectorAll("main .action-bar button")];
        return { buttons: buttons.map(box), viewport: window.innerHeight, scrolls: document.documentElement.scrollHeight > window.innerHeight };
      });
      assert.ok(boxes.buttons.length >= 2, `${title}: the answers`);
      for (const b of boxes.buttons) {
        assert.ok(b.top >= 0 && b.bottom <= boxes.viewport, `${title}: an answer at ${b.top}-${b.bottom} of ${boxes.viewport}`);
      }
      assert.ok(boxes.scrolls, `${title}: premise: the step is longer than the screen`);
      // Scrolled to the end, the bar sits in its place: the last step is above it.
      const end = await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const steps = document.querySelectorAll("main ol.steps li");
        return { last: steps[steps.length - 1].getBoundingClientRect().bottom, bar: document.querySelector("main .action-bar").getBoundingClientRect().top };
      });
      assert.ok(end.last <= end.bar, `${title}: the last step (to ${end.last}) is not under the bar (from ${end.bar})`);
      await goOn(page);
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
    }
    watcher.assertClean();
  });
});

test("after 5 steps a checkpoint offers the report and more things to try; the report comes once, at the end", async () => {
  await withApp({}, async ({ server, page, watcher }) => {
    await open(page, server.url, "#/", "What's going wrong?");
    await answerAll(page, "inbox or chats", (_, labels) => labels.length - 1); // "Not sure" throughout
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    const titles = [];
    for (let n = 1; n <= 5; n++) {
      await page.waitForSelector("main .plan-step h1");
      await answerPhoneIfAsked(page);
      assert.match(await page.locator("main .eyebrow").first().textContent(), new RegExp(`^Step ${n} of 5 `));
      const title = await heading(page);
      titles.push(title);
      await goOn(page);
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent !== t, title);
    }
    assert.equal(await heading(page), "Still not working?");
    await expectFocusOnHeading(page, "focus moves to the checkpoint");
    const report = page.getByRole("link", { name: "Get the report for TikTok" });
    assert.equal(await report.getAttribute("class"), "button primary", "the report is the checkpoint's primary action");
    const more = page.getByRole("button", { name: /^More things to try \(\d+\)$/ });
    const left = Number((await more.textContent()).match(/\d+/)[0]);
    assert.ok(left >= 1);
    await assertAccessible(page, "the checkpoint");
    await assertScreenRules(page, "the checkpoint");
    // More: the next part counts from 1 again; Back returns to the checkpoint.
    await more.click();
    await page.waitForSelector("main .plan-step h1");
    assert.match(await page.locator("main .eyebrow").first().textContent(), new RegExp(`^Step 1 of ${Math.min(left, 5)} `));
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Still not working?");
    // The report, with what was tried; it leads back to the checkpoint.
    await report.click();
    await page.waitForSelector("main #report-text");
    const text = await page.locator("main #report-text").inputValue();
    for (const title of titles) assert.ok(text.includes(title), `the report lists "${title}"`);
    assert.ok(!titles.includes("Report the problem to TikTok"), `no report step: ${titles}`);
    // What Copy said stays with this visit of the report: the next visit starts quiet.
    await page.getByRole("button", { name: "Copy report" }).click();
    await page.waitForFunction(() => document.querySelector("main .report [role=status]")?.textContent !== "");
    await page.getByRole("link", { name: "Back to my check" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Still not working?");
    await report.click();
    await page.waitForSelector("main #report-text");
    assert.equal(await page.locator("main .report [role=status]").textContent(), "", "Copy's result is forgotten");
    await page.getByRole("link", { name: "Back to my check" }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Still not working?");
    // The rest of the plan ends in the report, the end screen, never a step.
    const rest = await walkPlanFromHere(page);
    assert.ok(!rest.includes("Report the problem to TikTok"), `no report step: ${rest}`);
    assert.equal(await heading(page), "Let's get TikTok's help");
    watcher.assertClean();
  });
});

test("Forward into a plan step whose result was taken back stays on the step without a duplicate entry; from the installed app's start address (no hash) Back returns to it", async () => {
  await withApp({ browser: PHONE }, async ({ server, page, watcher }) => {
    // The installed app opens at start_url "./": an address without a hash.
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    await pickSymptom(page, "inbox or chats");
    await page.getByRole("button", { name: "Back", exact: true }).click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "What's going wrong?");
    assert.equal(await hash(page), "", "the in-app Back went back to the start entry (not a new '#/' one)");

    await page.goForward();
    await page.waitForSelector("main .question h1");
    for (let i = 0; i < 15 && !(await page.locator("main .results").count()); i++) await answerFirst(page);
    await page.getByRole("button", { name: "Show me the fixes" }).click();
    await page.waitForFunction(() => location.hash === "#/check/step/1");
    await answerPhoneIfAsked(page);
    const first = await heading(page);
    await page.locator("main .action-bar button").nth(1).click(); // not fixed / the second answer
    await page.waitForFunction(() => location.hash === "#/check/step/2");
    await page.goBack();
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent === t, first);
    await page.goForward(); // step 2's result is gone: the check can't go there
    await page.waitForFunction(() => location.hash === "#/check/step/1");
    assert.equal(await heading(page), first, "still on step 1");
    await page.goBack();
    await page.waitForFunction(() => location.hash === "#/check/results", null, { timeout: 5000 }).catch(() => {});
    assert.equal(await hash(page), "#/check/results", "one Back from step 1 reaches the results: no duplicate step 1 entry");
    watcher.assertClean();
  });
});
