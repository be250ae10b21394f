// Prints raw, gzip and brotli bytes of every file the service worker precaches (plus
// sw.js itself), then the figures budgets.json limits: the core (everything precached
// but the language packs), each pack, and a first visit (the core and the largest pack).
// With --budget, exits 1 when one is over its budget in budgets.json.
// Gzip and brotli at maximum level, so the figures are deterministic for a given build.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = process.env.DIST ?? "dist";
// Arguments are checked before anything is read: a typo must fail the size check, not
// skip it. Without --budget the figures are only printed (the benchmark does that).
const args = process.argv.slice(2);
if (args.some((arg) => arg !== "--budget")) {
  console.error(`Unknown argument ${JSON.stringify(args.find((a) => a !== "--budget"))}: the only option is --budget`);
  process.exit(2);
}
const checkBudgets = args.includes("--budget");

const sw = readFileSync(join(dist, "sw.js"), "utf8");
// The list of [path, revision] pairs is the only JSON array of string pairs in sw.js
// (minified or not).
const list = sw.match(/(\[\["[^\]]*"\](?:,\["[^\]]*"\])*\])/);
if (!list) throw new Error("no PRECACHE list in dist/sw.js: was it built by trunk?");
const files = [...JSON.parse(list[1]).map(([path]) => path), "sw.js"];

const rows = files.map((file) => {
  const data = readFileSync(join(dist, file));
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});

const pad = (v, n) => String(v).padStart(n);
const width = Math.max(...files.map((f) => f.length), 5);
console.log(`${"file".padEnd(width)} ${pad("raw", 9)} ${pad("gzip", 9)} ${pad("brotli", 9)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
console.log(`${"TOTAL".padEnd(width)} ${pad(total.raw, 9)} ${pad(total.gzip, 9)} ${pad(total.brotli, 9)}`);

const isPack = (file) => file.startsWith("packs/");
const core = rows.filter((r) => !isPack(r.file)).reduce((sum, r) => sum + r.gzip, 0);
const packs = rows.filter((r) => isPack(r.file));
const largest = Math.max(...packs.map((r) => r.gzip));
const budgets = JSON.parse(readFileSync(new URL("../budgets.json", import.meta.url), "utf8"));
const figures = [
  ["core (precached, without packs)", core, budgets.coreGzipBytes],
  ...packs.map((r) => [`pack ${r.file.replace(/^packs\/|-[0-9a-f]+\.txt$/g, "")}`, r.gzip, budgets.packGzipBytes]),
  ["first visit (core + largest pack)", core + largest, budgets.firstVisitGzipBytes],
];
let over = 0;
for (const [what, bytes, budget] of figures) {
  const ok = bytes <= budget;
  if (!ok) over += 1;
  console.log(`${ok ? "ok  " : "OVER"} ${what}: ${bytes} of ${budget} gzip bytes`);
}
if (checkBudgets) {
  if (over > 0) {
    console.error(`Size budget exceeded: ${over} figure(s) over budgets.json`);
    process.exit(1);
  }
  console.log("Size budgets ok");
}
