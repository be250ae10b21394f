// Takes phone-sized (360x800 and 412x915) screenshots of every screen of dist/, light and
// dark, into screenshots/ (not committed). Usage: node tools/screenshots.mjs [route ...]
//
// `node tools/screenshots.mjs --manifest` instead writes the install sheet's images
// (the manifest's `screenshots`) into static/manifest-assets/: real screens of the
// release build at 412x915, twice the pixels. Run it by hand after a visible change and
// commit the images; the build never makes them.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { startServer } from "../tests/e2e/server.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/e2e/browser.mjs";

if (process.argv[2] === "--manifest") {
  await manifestScreenshots();
  process.exit(0);
}

async function manifestScreenshots() {
  const server = await startServer({ root: "dist" });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
  const shot = (name) => page.screenshot({ path: `static/manifest-assets/screen-${name}.jpg`, type: "jpeg", quality: 72 });
  await page.goto(server.url + "#/");
  await page.waitForSelector("main h1");
  await shot("home");
  await page.locator("main a.card", { hasText: "won't send to anyone" }).click();
  await page.waitForSelector("main .question h1");
  await shot("question");
  // Answer each question with its first answer until the results show.
  for (let i = 0; i < 15 && !(await page.locator("main .results").count()); i++) {
    const question = await page.locator("main h1").textContent();
    await page.locator("main .answers button").first().click();
    await page.waitForFunction((q) => document.querySelector("main h1")?.textContent !== q || document.querySelector("main .results"), question);
  }
  await page.waitForSelector("main .results");
  await shot("results");
  await browser.close();
  await server.close();
  console.log("install sheet images written to static/manifest-assets/");
}

const routes = process.argv.slice(2);
const screens = routes.length
  ? routes
  : ["#/", "#/guide", "#/guide?q=cache", "#/guide/cause/outage", "#/check/start/send-fails-everyone", "#/connection",
     "#/guide/fix/clear-cache-android", "#/about", "#/nope"];
const server = await startServer({ root: "dist" });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync("screenshots", { recursive: true });
for (const [width, height] of [[360, 800], [412, 915]])
for (const scheme of ["light", "dark"]) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme: scheme });
  for (const route of screens) {
    await page.goto(server.url + route);
    await page.waitForSelector("main h1");
    const name = route.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home";
    await page.screenshot({ path: `screenshots/${width}-${scheme}-${name}.png`, fullPage: true });
  }
  await page.close();
}
await browser.close();
await server.close();
console.log("screenshots written to screenshots/");
