// Prints raw, gzip and brotli bytes of every file the service worker precaches (plus
// sw.js itself) and the totals. With --budget BYTES, exits 1 when the gzip total is over
// (and 2 when BYTES is missing or not a positive whole number).
// Gzip and brotli at maximum level, so the figures are deterministic for a given build.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = process.env.DIST ?? "dist";
// Arguments are checked before anything is read: a typo must fail the size check, not
// skip it. Without --budget the figures are only printed (the benchmark does that).
const args = process.argv.slice(2);
const budgetIndex = args.indexOf("--budget");
const unknown = args.filter((arg, i) => !(i === budgetIndex || (budgetIndex >= 0 && i === budgetIndex + 1)));
if (unknown.length > 0) {
  console.error(`Unknown argument ${JSON.stringify(unknown[0])}: the only option is --budget BYTES`);
  process.exit(2);
}
let budget = null;
if (budgetIndex >= 0) {
  const value = args[budgetIndex + 1];
  budget = /^[0-9]+$/.test(value ?? "") ? Number(value) : NaN;
  if (!Number.isSafeInteger(budget) || budget <= 0) {
    const got = value === undefined ? "nothing" : JSON.stringify(value);
    console.error(`--budget needs a positive whole number of gzip bytes, got ${got}`);
    process.exit(2);
  }
}

const sw = readFileSync(join(dist, "sw.js"), "utf8");
// The list is the only JSON array of strings in sw.js (minified or not).
const list = sw.match(/(\["[^\]]*"\])/);
if (!list) throw new Error("no PRECACHE list in dist/sw.js: was it built by trunk?");
const files = [...JSON.parse(list[1]), "sw.js"];

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

if (budget !== null) {
  if (total.gzip > budget) {
    console.error(`Size budget exceeded: ${total.gzip} gzip bytes precached > ${budget}`);
    process.exit(1);
  }
  console.log(`Size budget ok: ${total.gzip} of ${budget} gzip bytes precached`);
}
