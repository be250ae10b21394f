// Trunk post_build hook (see Trunk.toml). Runs in $TRUNK_STAGING_DIR before it becomes dist/.
// 0. Minifies the JS glue (release builds).
// 1. Moves Trunk's inline module loader into an external, content-hashed file, because
//    the CSP allows no inline script.
// 2. Fills the service worker's precache list with every built file and gives it a build
//    id that changes whenever any file changes, so browsers see each build as an update.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { transformSync } from "esbuild";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this through trunk build");

const hash = (data) => createHash("sha256").update(data).digest("hex");

// 0. Minify wasm-bindgen's JS glue (Trunk minifies HTML and CSS, not the glue), and
//    update the Subresource Integrity hash Trunk put on the tags that load it.
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
if (process.env.TRUNK_PROFILE === "release") {
  for (const name of readdirSync(staging).filter((n) => /^dm-doctor-[0-9a-f]+\.js$/.test(n))) {
    const path = join(staging, name);
    const { code } = transformSync(readFileSync(path, "utf8"), { minify: true, format: "esm", target: "es2020" });
    writeFileSync(path, code);
    const integrity = "sha384-" + createHash("sha384").update(code).digest("base64");
    html = html.replace(/<[^>]*>/g, (tag) =>
      tag.includes(name) ? tag.replace(/sha384-[A-Za-z0-9+/=]+/, integrity) : tag,
    );
  }
}

// Chrome ignores `integrity` on a preload of destination "fetch" (the wasm), and warns
// about it in the console on every start.
html = html.replace(/<link[^>]*\bas=(?:"fetch"|'fetch'|fetch(?=[\s/>]))[^>]*>/g, (tag) =>
  tag.replace(/\s+integrity=(?:"[^"]*"|[^\s>]+)/, ""),
);

// 1. External loader.
// Trunk writes `type="module"`, or `type=module` when minifying.
const inline = /<script type=(?:"module"|module)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let moved = 0;
html = html.replace(inline, (_, code) => {
  const name = `boot-${hash(code).slice(0, 16)}.js`;
  writeFileSync(join(staging, name), code.trim() + "\n");
  moved += 1;
  return `<script type="module" src="./${name}"></script>`;
});
if (moved === 0) throw new Error("post-build: Trunk's inline loader was not found in index.html");
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error("post-build: inline <script> left in index.html");
writeFileSync(indexPath, html);

// 2. Precache list and build id. manifest-assets/ (shortcut icons, install-sheet
//    screenshots) is fetched by the browser when it installs the app, never offline.
const SKIP = new Set([".trunk-lock", "sw.js", "manifest-assets"]);
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (SKIP.has(name) && dir === staging) return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(staging)
  .map((path) => relative(staging, path).split(sep).join("/"))
  .sort();
const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8");
// The worker's own code counts too: a change to sw.js alone must get a new cache name.
const build = hash(
  ["sw.js\0" + hash(sw), ...files.map((f) => f + "\0" + hash(readFileSync(join(staging, f))))].join("\n"),
).slice(0, 16);
if (!sw.includes('["__DM_DOCTOR_PRECACHE__"]') || !sw.includes("__DM_DOCTOR_BUILD__")) {
  throw new Error("post-build: sw.js placeholders not found");
}
const filled = sw.replace('["__DM_DOCTOR_PRECACHE__"]', JSON.stringify(files)).replace("__DM_DOCTOR_BUILD__", build);
writeFileSync(
  swPath,
  process.env.TRUNK_PROFILE === "release" ? transformSync(filled, { minify: true, target: "es2020" }).code : filled,
);
console.log(`post-build: external loader written; ${files.length} files precached as build ${build}`);
