import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { startServer } from "../../tests/e2e/server.mjs";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../tests/e2e/browser.mjs";
const srv = await startServer({ root: "dist" });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
for (const route of (process.env.ROUTES ?? "#/").split(",")) {
  const r = await lighthouse(srv.url + route, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  const a = r.lhr.audits;
  console.log(route, Math.round(r.lhr.categories.performance.score * 100), "FCP", Math.round(a["first-contentful-paint"].numericValue), "LCP", Math.round(a["largest-contentful-paint"].numericValue));
  const el = a["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
  console.log(" LCP element:", el?.snippet, el?.nodeLabel);
  const phases = a["largest-contentful-paint-element"]?.details?.items?.[1]?.items;
  console.log(" phases:", JSON.stringify(phases));
  const reqs = a["network-requests"].details.items.map((i) => `${i.url.split("/").pop().slice(0, 30)} ${Math.round(i.networkRequestTime)}-${Math.round(i.networkEndTime)} ${i.transferSize}`);
  console.log(" " + reqs.join("\n "));
}
await chrome.kill(); await srv.close();
