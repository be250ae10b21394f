// DM Doctor's boot script: starts the app and hands the page over to it from the static
// first screen. tools/post-build.mjs writes it from this template, in place of Trunk's
// inline loader (the CSP allows no inline script), with the content-hashed names of the
// JS glue and the wasm and the English words of content/languages.toml.
// If the app can't be downloaded or started, it says so, with Try again: never a blank
// page, never dead links.
const GLUE = "__DM_DOCTOR_GLUE__";
const WASM = "__DM_DOCTOR_WASM__";
// For when the head script (static/lang.js) didn't run: it has the picked language's.
const ENGLISH = ["__DM_DOCTOR_BOOT_WORDS__"];

// The app renders into <body>: Yew empties it when it mounts (the static first screen,
// index.html's #first, goes) and renders in the same task, before anything is painted:
// no frame without either, and nothing moved (the static screen is the app's markup).
// What this adds: a link focused on the static screen stays focused (the app's same link
// takes the focus: the same href, counted in order, as the brand and Home share "#/"),
// and the static screen goes too when something else takes the page (the head script's
// "no words could be loaded").
const first = document.getElementById("first");
if (first) {
  let focused = null;
  // (Focus leaving for elsewhere forgets it; the static screen's removal, which also
  // takes the focus away, doesn't.)
  document.addEventListener("focusin", (event) => (focused = first.contains(event.target) ? event.target : null));
  const handOver = new MutationObserver(() => {
    if (!document.querySelector("body > main")) return;
    handOver.disconnect();
    first.remove();
    if (!focused || document.activeElement !== document.body) return;
    const href = focused.getAttribute("href");
    const sameLinks = (root) => [...root.querySelectorAll("a")].filter((a) => a.getAttribute("href") === href);
    sameLinks(document.body)[sameLinks(first).indexOf(focused)]?.focus({ preventScroll: true });
  });
  handOver.observe(document.body, { childList: true });
}

// When the head script didn't run, its words and its message aren't there: English,
// plainly.
function showProblemInEnglish() {
  const box = document.createElement("div");
  box.className = "banner notice start-message";
  box.setAttribute("role", "alert");
  const line = document.createElement("p");
  line.textContent = ENGLISH.startFailed;
  const retry = document.createElement("button");
  retry.type = "button";
  retry.className = "button primary";
  retry.textContent = ENGLISH.retry;
  retry.addEventListener("click", () => location.reload());
  box.append(line, retry);
  document.body.prepend(box);
  addEventListener("hashchange", () => location.reload());
}

try {
  if (!self.dmDoctorLanguage) throw new Error("the head script didn't run");
  // A first visit at home: the static first screen is painted before anything else
  // downloads (after the frame it is painted in; a hidden tab paints nothing, so there
  // nothing waits).
  if (self.dmDoctorLanguage.paintFirst && document.visibilityState === "visible") {
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  }
  // The wasm, the pack and the glue download side by side (the service worker's copy of
  // the page asked for the glue and the wasm already, and the head script may have
  // started the pack: these requests then take those downloads).
  const wasm = fetch(WASM);
  wasm.catch(() => {}); // a failure is init's to report, below
  void self.dmDoctorLanguage.pack;
  const glue = await import(GLUE);
  await glue.default({ module_or_path: wasm });
} catch (error) {
  console.error("DM Doctor couldn't start:", error);
  if (self.dmDoctorLanguage) self.dmDoctorLanguage.showBootProblem();
  else showProblemInEnglish();
}
