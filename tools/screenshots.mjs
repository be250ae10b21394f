// Takes phone-sized (360x800 and 412x915) screenshots of every screen of dist/, light and
// dark, into screenshots/ (not committed). Usage: node tools/screenshots.mjs [route ...]
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { startServer } from "../tests/e2e/server.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/e2e/browser.mjs";

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
