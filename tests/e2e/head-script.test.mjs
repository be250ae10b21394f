// The built head script (dist/lang-*.js) picks the same language as the app: it passes
// the cases in tests/language-matching.txt, which src/language.rs passes too. Run in a
// bare JavaScript context with the browser's pieces it reads (no browser needed).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { test } from "./helpers.mjs";

const script = readFileSync(`dist/${readdirSync("dist").find((n) => /^lang-[0-9a-f]+\.js$/.test(n))}`, "utf8");

/** Runs the head script as a page would; returns what it set. */
function run({ saved = null, languages, storageThrows = false, hash = "", checkSaved = false, checkFinished = false, controlled = false }) {
  const root = {};
  const fetched = [];
  const elements = {};
  const preloads = [];
  const page = {
    document: {
      documentElement: root,
      head: { append: (link) => preloads.push(`${link.rel} ${link.as ?? ""} ${link.href}`) },
      createElement: () => ({}),
      addEventListener: () => {},
    },
    addEventListener: () => {},
    HTMLScriptElement: class {},
    location: { hash },
    HTMLElement: class {},
    customElements: { define: (name, element) => (elements[name] = element) },
    // `languages: undefined`: a browser without navigator.languages (only .language).
    navigator: { languages, language: languages?.[0] ?? "", serviceWorker: controlled ? { controller: {} } : undefined },
    localStorage: {
      getItem(key) {
        if (storageThrows) throw new Error("SecurityError");
        if (key === "dm-doctor.check") return checkSaved ? "dm-doctor:3:…" : null;
        if (key === "dm-doctor.check-finished") return checkFinished ? "1" : null;
        return key === "dm-doctor.language" ? saved : null;
      },
    },
    fetch: (url) => {
      fetched.push(url);
      return Promise.reject(new Error("offline"));
    },
  };
  page.self = page;
  runInNewContext(script, page);
  return { root, fetched, head: page.dmDoctorLanguage, elements, preloads };
}

test("from the service worker and at other addresses the pack starts downloading at once; on a first visit at home, after the first paint", () => {
  const warm = run({ languages: ["es-MX"], controlled: true });
  assert.equal(warm.fetched.length, 1, "the pack, at once");
  assert.match(warm.fetched[0], /^packs\/es-[0-9a-f]{16}\.txt$/);
  assert.deepEqual(warm.preloads, [], "the service worker's copy of the page asks for the glue and the wasm itself");
  const cold = run({ languages: ["es-MX"] });
  assert.deepEqual([cold.fetched, cold.preloads], [[], []], "a first visit at home paints first");
  const deep = run({ languages: ["es-MX"], hash: "#/guide/fix/update-app" });
  assert.equal(deep.fetched.length, 1, "at another address, the app is the first paint: the pack starts at once");
});

test("the head script tells an app's built-in browser as the app does (tests/in-app-browsers.txt)", () => {
  const cases = readFileSync("tests/in-app-browsers.txt", "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"));
  assert.ok(cases.length >= 15, `${cases.length} cases`);
  const { head } = run({ languages: ["en"] });
  for (const line of cases) {
    const cut = line.lastIndexOf("|");
    const [userAgent, expected] = [line.slice(0, cut).trim(), line.slice(cut + 1).trim()];
    assert.equal(head.inAppBrowser(userAgent), expected === "none" ? null : expected, line);
  }
});

/** Which copies of the static first screen (`<dm-first lang>`) the head script leaves shown. */
function copiesShown(elements) {
  return ["en", "es", "pt-BR", "id"].filter((lang) => {
    const copy = Object.assign(new elements["dm-first"](), { lang });
    copy.connectedCallback();
    return copy.hidden === false;
  });
}

test("the static first screen: the picked language's copy, at home only, and not with a check in progress", () => {
  assert.deepEqual(copiesShown(run({ languages: ["es-MX"] }).elements), ["es"]);
  assert.deepEqual(copiesShown(run({ languages: ["es-MX"], hash: "#/" }).elements), ["es"]);
  assert.deepEqual(copiesShown(run({ saved: "id", languages: ["es-MX"] }).elements), ["id"]);
  assert.deepEqual(copiesShown(run({ languages: ["pt-PT"] }).elements), ["pt-BR"]);
  assert.deepEqual(copiesShown(run({ languages: ["en-XA"] }).elements), [], "a pseudo-locale has no copy");
  assert.deepEqual(copiesShown(run({ languages: ["en"], hash: "#/guide" }).elements), [], "another address waits for the app");
  assert.deepEqual(copiesShown(run({ languages: ["en"], checkSaved: true }).elements), [], "a check in progress waits for the app");
  assert.deepEqual(copiesShown(run({ languages: ["en"], checkSaved: true, checkFinished: true }).elements), ["en"], "a finished check adds nothing to home");
  assert.deepEqual(copiesShown(run({ languages: ["en"], storageThrows: true }).elements), ["en"], "blocked storage: no saved check");
});

test("the head script passes the shared language-matching cases", () => {
  const cases = readFileSync("tests/language-matching.txt", "utf8")
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"));
  assert.ok(cases.length >= 15, `${cases.length} cases`);
  for (const line of cases) {
    const [saved, preferred, expected] = line.split("|").map((s) => s.trim());
    const languages = preferred.split(",").map((s) => s.trim()).filter(Boolean);
    const [code, note] = expected.endsWith("+ note") ? [expected.replace("+ note", "").trim(), true] : [expected, false];
    const { root, head, fetched } = run({ saved: saved || null, languages });
    assert.equal(root.lang, code, line);
    assert.equal(head.code, code, line);
    assert.equal(head.otherVariety, note, line);
    assert.equal(root.dir, code === "ar-XB" ? "rtl" : "ltr", line);
    // A first visit at home: its pack's download starts when the boot script asks, once.
    assert.deepEqual(fetched, [], line);
    assert.equal(head.pack, head.pack, line);
    assert.deepEqual(fetched, [head.packs[code]], line);
    assert.match(head.packs[code], new RegExp(`^packs/${code}-[0-9a-f]{16}\\.txt$`), line);
  }
});

test("blocked storage and a missing navigator.languages still give a language", () => {
  const blocked = run({ storageThrows: true, languages: ["id-ID"] });
  assert.equal(blocked.root.lang, "id");
  const bare = run({ languages: undefined });
  assert.equal(bare.root.lang, "en");
  const empty = run({ languages: [] });
  assert.equal(empty.root.lang, "en");
});
