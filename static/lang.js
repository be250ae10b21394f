// DM Doctor's head script: picks the language before anything is painted, shows that
// language's copy of the static first screen, and says when the pack, the glue and the
// wasm start downloading. A classic script in <head> (external: the CSP allows no inline
// script). tools/post-build.mjs fills in the language table from content/languages.toml,
// with each pack's content-hashed file.
// The rule is the app's (src/language.rs); both pass tests/language-matching.txt.
"use strict";
(function () {
  const LANGUAGES = ["__DM_DOCTOR_LANGUAGES__"];
  const SAVED_KEY = "dm-doctor.language";
  // The saved check (src/platform/storage.rs): home then has "Continue where you left
  // off", unless the app has marked it finished.
  const CHECK_KEY = "dm-doctor.check";
  const CHECK_FINISHED_KEY = "dm-doctor.check-finished";

  const byCode = (code) =>
    LANGUAGES.find((l) => typeof code === "string" && l.code.toLowerCase() === code.toLowerCase());

  // The saved choice if we have it, else the first browser language we speak, else English.
  function pick(saved, preferred) {
    const chosen = byCode(saved);
    if (chosen) return { language: chosen, otherVariety: false };
    for (const tag of preferred) {
      const exact = byCode(tag);
      if (exact) return { language: exact, otherVariety: false };
      const subtags = String(tag).split(/[-_]/);
      const primary = subtags[0].toLowerCase();
      const region = subtags.slice(1).find((s) => s.length === 2 || (s.length === 3 && /^\d+$/.test(s)));
      const language = LANGUAGES.find((l) => l.matches.includes(primary));
      if (language) {
        const otherVariety =
          language.regions.length > 0 &&
          region !== undefined &&
          !language.regions.some((r) => r.toLowerCase() === region.toLowerCase());
        return { language, otherVariety };
      }
    }
    return { language: LANGUAGES[0], otherVariety: false };
  }

  // An app's built-in browser (TikTok, Instagram, Facebook, or "Other" for another app's
  // WebView), else null: the app's rule (src/browser.rs); both pass
  // tests/in-app-browsers.txt.
  function inAppBrowser(userAgent) {
    const has = (marker) => userAgent.includes(marker);
    if (["BytedanceWebview", "musical_ly", "trill_", "AppName/trill"].some(has)) return "TikTok";
    if (has("Instagram")) return "Instagram";
    if (["FBAN/", "FBAV/", "FB_IAB"].some(has)) return "Facebook";
    if (has("; wv)") && !has("DuckDuckGo/")) return "Other";
    return null;
  }

  let saved = null;
  let checkInProgress = false; // a check in progress
  try {
    saved = localStorage.getItem(SAVED_KEY);
    checkInProgress = localStorage.getItem(CHECK_KEY) !== null && localStorage.getItem(CHECK_FINISHED_KEY) !== "1";
  } catch {
    // Storage blocked (private mode, in-app browsers): the browser's languages decide.
  }
  const preferred = Array.isArray(navigator.languages) && navigator.languages.length
    ? navigator.languages
    : [navigator.language || ""];
  const { language, otherVariety } = pick(saved, preferred);
  const root = document.documentElement;
  root.lang = language.code;
  root.dir = language.dir;

  // index.html holds home as plain HTML in every language (<dm-first lang>, written at
  // build time), for the seconds before the app starts. As the parser meets each copy,
  // this keeps only the picked language's, and only at home: any other address waits
  // for the app rather than flash a screen it doesn't name. Nor with a check in
  // progress: the app's home would add its "Continue" card above the symptoms, a jump
  // (and a returning visitor's app starts from the service worker in a moment).
  // (Without this script, the stylesheet shows the English copy.)
  const atHome = /^#?\/?$/.test(location.hash) && !checkInProgress;
  // In an app's built-in browser, the app's home says so first (src/screens/home.rs), so
  // the static one does too, in the same words: its <dm-in-app> holds the templates.
  const inApp = inAppBrowser(navigator.userAgent ?? "");
  customElements.define(
    "dm-in-app",
    class extends HTMLElement {
      connectedCallback() {
        if (!inApp) {
          this.hidden = true;
          return;
        }
        const browser = inApp === "Other" ? this.dataset.other : this.dataset.app.replace("{app}", () => inApp);
        this.textContent = this.dataset.line.replace("{browser}", () => browser);
      }
    },
  );
  customElements.define(
    "dm-first",
    class extends HTMLElement {
      connectedCallback() {
        this.hidden = !atHome || this.lang !== language.code;
      }
    },
  );

  // The pack's bytes, for the app to take when it starts (a failed download is the app's
  // to report, with Retry; it never leaves an unhandled rejection here).
  const load = (code) => {
    const url = byCode(code).pack;
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.arrayBuffer();
    });
  };
  // When downloads start. When the static first screen shows on a first visit, the
  // network is what is slow (a budget phone on a bad network): the first paint (the
  // static screen, its stylesheet) gets it alone, and the pack, the glue and the wasm are
  // asked for when the boot script runs, after that paint. Otherwise the pack starts now,
  // and the glue and the wasm as soon as the boot script runs (downloaded beside this
  // script): from the service worker (every later visit) nothing is shared, its copy of
  // the page asks for them at once (static/sw.js), and at any other address the app
  // itself is the first paint.
  let pack = null;
  const startPack = () => {
    if (!pack) {
      pack = load(language.code);
      pack.catch(() => {});
    }
    return pack;
  };
  let controlled = false;
  try {
    controlled = Boolean(navigator.serviceWorker?.controller);
  } catch {
    // Service workers refused (storage blocked): no service worker answers either.
  }
  const paintFirst = atHome && !controlled;
  if (!paintFirst) startPack();
  // When no language's pack can be loaded (a failed first visit, offline), the app asks
  // for this: the few words of content/languages.toml in every language, the picked one
  // first, and Retry (a new start downloads again). Never a blank page.
  function showPackProblem() {
    const main = document.createElement("main");
    main.id = "main";
    main.className = "pack-problem";
    const title = document.createElement("h1");
    title.textContent = "DM Doctor";
    main.append(title);
    const offered = LANGUAGES.filter((l) => !l.pseudo && l !== language);
    for (const l of [language, ...offered]) {
      const line = document.createElement("p");
      line.lang = l.code;
      line.dir = l.dir;
      line.textContent = l.startFailed;
      main.append(line);
    }
    main.append(retryButton());
    message?.remove(); // an "Opening…" said before
    document.body.append(main);
  }

  // A short message at the top of the page, in the picked language: `role` "status"
  // while the app is still on its way, "alert" with Try again when it can't start.
  let message = null;
  function say(text, role, retry) {
    message?.remove();
    message = document.createElement("div");
    message.className = "banner notice start-message";
    message.setAttribute("role", role);
    const line = document.createElement("p");
    line.textContent = text;
    message.append(line);
    if (retry) message.append(retryButton());
    document.body.prepend(message);
  }
  // Try again: a new start, which downloads again.
  function retryButton() {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button primary";
    button.textContent = language.retry;
    button.addEventListener("click", () => location.reload());
    return button;
  }
  const started = () => !document.getElementById("first")?.isConnected;
  // The app can't be downloaded or started. A link of the static screen still leads
  // somewhere: a new start, at the address tapped.
  function showBootProblem() {
    say(language.startFailed, "alert", true);
    addEventListener("hashchange", () => location.reload());
  }
  // A link of the static screen tapped before the app has started: the app will open
  // where it leads; until then, say that it is on its way (on a slow network, seconds).
  addEventListener("hashchange", () => {
    if (!started() && message === null) say(language.starting, "status", false);
  });
  // The boot script itself not loading (a module script's failure is an `error` event on
  // its element, which doesn't bubble).
  document.addEventListener(
    "error",
    (event) => {
      if (event.target instanceof HTMLScriptElement && !started()) showBootProblem();
    },
    true,
  );

  self.dmDoctorLanguage = {
    code: language.code,
    otherVariety,
    // The pack's bytes (a promise), its download started on first use.
    get pack() {
      return startPack();
    },
    // code -> pack URL, for switching languages and falling back.
    packs: Object.fromEntries(LANGUAGES.map((l) => [l.code, l.pack])),
    pick,
    inAppBrowser,
    showPackProblem,
    showBootProblem,
    // True when the boot script waits for the first paint before it downloads anything.
    paintFirst,
  };
})();
