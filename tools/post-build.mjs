// Trunk post_build hook (see Trunk.toml). Runs in $TRUNK_STAGING_DIR before it becomes dist/.
// 0. Minifies the JS glue (release builds).
// 1. Writes the boot script (static/boot.js) in place of Trunk's inline loader, because
//    the CSP allows no inline script, and puts the static first screen (build.rs wrote
//    it) into index.html.
// 2. Copies the language packs build.rs wrote (target/packs) into packs/, named by
//    content hash, and fills the head script's language table (static/lang.js).
// 3. Fills the service worker's precache list with every built file and its revision
//    (content hash), and gives it a build id that changes whenever any file changes, so
//    browsers see each build as an update and fetch only the files that changed.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { transformSync } from "esbuild";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("TRUNK_STAGING_DIR is not set: run this through trunk build");

const hash = (data) => createHash("sha256").update(data).digest("hex");

/** `template` with each placeholder of `values` replaced, each found exactly once. */
function fill(template, values) {
  let out = template;
  for (const [placeholder, value] of Object.entries(values)) {
    if (out.split(placeholder).length !== 2) throw new Error(`post-build: placeholder ${placeholder} not found once`);
    out = out.replace(placeholder, () => value);
  }
  return out;
}

// 0. Minify wasm-bindgen's JS glue (Trunk minifies HTML and CSS, not the glue) and shorten
//    the names that link it to the wasm. (Trunk's tags that loaded the glue with an
//    integrity hash are replaced below: the boot script imports it.)

/**
 * wasm-bindgen links the wasm to its glue by name: each of its ~150 imports (such as
 * `__wbg_createElement_de4a31ed2fb252be`, with a hash gzip cannot shrink) is named in the
 * wasm and again as a key of the glue's import object, and each export (such as
 * `__wbindgen_malloc`) in the wasm and wherever the glue calls it (`wasm.__wbindgen_malloc`).
 * That is ~5 KB of gzip. This gives every import of the glue's own module, the module
 * itself and every export a short name (a, b, ..., Z, ab, ...) in both files, and drops the
 * custom sections that only name the tools that built the wasm (the browser ignores them).
 * Returns the new wasm and glue, and the old export names (the glue must not use them).
 */
function shortenLinkNames(wasm, glue) {
  const GLUE_MODULE = "./dm-doctor_bg.js";
  const SHORT_MODULE = "w";
  const DROPPED_SECTIONS = new Set(["producers", "target_features"]);
  const readLeb = (at) => {
    let value = 0;
    let scale = 1;
    let byte;
    do {
      byte = wasm[at++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return [value, at];
  };
  const leb = (value) => {
    const bytes = [];
    do {
      const low = value % 128;
      value = Math.floor(value / 128);
      bytes.push(value ? low | 0x80 : low);
    } while (value);
    return Buffer.from(bytes);
  };
  const readName = (at) => {
    const [length, start] = readLeb(at);
    return [wasm.toString("utf8", start, start + length), start + length];
  };
  const writeName = (text) => {
    const bytes = Buffer.from(text, "utf8");
    return Buffer.concat([leb(bytes.length), bytes]);
  };
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const shortName = (index) => {
    let text = "";
    do {
      text += letters[index % letters.length];
      index = Math.floor(index / letters.length);
    } while (index > 0);
    return text;
  };
  // Skips an import's description (https://webassembly.github.io/spec/core/binary/modules.html#import-section).
  const skipLimits = (at) => {
    const [flags, next] = readLeb(at);
    at = readLeb(next)[1];
    return flags & 1 ? readLeb(at)[1] : at;
  };
  const skipImportDescription = (at) => {
    const kind = wasm[at++];
    if (kind === 0) return readLeb(at)[1]; // function: type index
    if (kind === 1) return skipLimits(at + 1); // table: reference type, limits
    if (kind === 2) return skipLimits(at); // memory: limits
    if (kind === 3) return at + 2; // global: value type, mutability
    throw new Error(`post-build: unknown wasm import kind ${kind}`);
  };
  const renamedImports = [];
  const exports = [];
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readLeb(at + 1);
    const end = body + size;
    if (id === 0 && DROPPED_SECTIONS.has(readName(body)[0])) {
      at = end;
      continue;
    }
    if (id === 2 || id === 7) {
      let [count, entry] = readLeb(body);
      const entries = [leb(count)];
      for (let index = 0; index < count; index += 1) {
        if (id === 2) {
          const [module, fieldAt] = readName(entry);
          const [field, descriptionAt] = readName(fieldAt);
          const next = skipImportDescription(descriptionAt);
          if (module === GLUE_MODULE) {
            const short = shortName(renamedImports.length);
            renamedImports.push([field, short]);
            entries.push(writeName(SHORT_MODULE), writeName(short));
          } else {
            entries.push(wasm.subarray(entry, descriptionAt));
          }
          entries.push(wasm.subarray(descriptionAt, next));
          entry = next;
        } else {
          const [field, kindAt] = readName(entry);
          const next = readLeb(kindAt + 1)[1];
          if (!/^\w+$/.test(field)) throw new Error(`post-build: unexpected wasm export name ${field}`);
          const short = shortName(exports.length);
          exports.push(field);
          glue = glue.replace(new RegExp(`\\bwasm\\.${field}\\b`, "g"), `wasm.${short}`);
          entries.push(writeName(short), wasm.subarray(kindAt, next));
          entry = next;
        }
      }
      const content = Buffer.concat(entries);
      parts.push(Buffer.from([id]), leb(content.length), content);
    } else {
      parts.push(wasm.subarray(at, end));
    }
    at = end;
  }
  const replaceOnce = (from, to) => {
    const uses = glue.split(from).length - 1;
    if (uses !== 1) throw new Error(`post-build: ${from} is in the JS glue ${uses} times, not once`);
    glue = glue.replace(from, to);
  };
  replaceOnce(`${JSON.stringify(GLUE_MODULE)}:`, `${JSON.stringify(SHORT_MODULE)}:`);
  for (const [field, short] of renamedImports) replaceOnce(`${field}:`, `${short}:`);
  return { wasm: Buffer.concat(parts), glue, exports };
}

const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
if (process.env.TRUNK_PROFILE === "release") {
  for (const name of readdirSync(staging).filter((n) => /^dm-doctor-[0-9a-f]+\.js$/.test(n))) {
    const path = join(staging, name);
    const wasmPath = join(staging, name.replace(/\.js$/, "_bg.wasm"));
    const linked = shortenLinkNames(readFileSync(wasmPath), readFileSync(path, "utf8"));
    writeFileSync(wasmPath, linked.wasm);
    // `pure` drops the glue's console.warn calls: two warn of deprecated init parameters
    // (the boot script passes the current form) and one of a wasm served without the
    // application/wasm type (deploy/nginx.conf sends it, and the e2e tests check it).
    const { code } = transformSync(linked.glue, { minify: true, format: "esm", target: "es2020", pure: ["console.warn"] });
    // An export the glue reaches other than as `wasm.name` would now be missing.
    for (const long of linked.exports) {
      if (new RegExp(`\\b${long}\\b`).test(code)) throw new Error(`post-build: the glue still uses the wasm export ${long}`);
    }
    writeFileSync(path, code);
  }
}

// Trunk's early downloads of the glue and the wasm (modulepreload, preload) go: on a first
// visit they would share a slow network with what the first paint needs. The head script
// starts them itself when the service worker answers (see static/lang.js), and the boot
// script after the first paint otherwise.
let preloads = 0;
html = html.replace(/<link[^>]*\brel=(?:"(?:module)?preload"|(?:module)?preload(?=[\s/>]))[^>]*>/g, () => {
  preloads += 1;
  return "";
});
if (preloads !== 2) throw new Error(`post-build: expected Trunk's 2 preloads (glue, wasm) in index.html, found ${preloads}`);

// 1. The boot script (static/boot.js), in place of Trunk's inline loader: the CSP allows
//    no inline script, and the boot script also catches a failed start and hands over
//    from the static first screen. Trunk's loader names the glue and the wasm.
// Trunk writes `type="module"`, or `type=module` when minifying.
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
const packsFrom = join(source, "target", "packs");
let languages;
try {
  languages = JSON.parse(readFileSync(join(packsFrom, "languages.json"), "utf8"));
} catch (error) {
  // build.rs writes the packs whenever the content changes; a target/packs removed by
  // hand (with cargo's build cache kept) leaves none.
  throw new Error(`post-build: no language packs in ${packsFrom} (${error.message}). Run \`touch content/languages.toml\` and build again.`);
}
const inline = /<script type=(?:"module"|module)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
let bootTag = null;
html = html.replace(inline, (_, code) => {
  if (bootTag) throw new Error("post-build: more than one inline loader in index.html");
  const glue = code.match(/from\s*['"](\.\/dm-doctor-[0-9a-f]+\.js)['"]/)?.[1];
  const wasm = code.match(/['"](\.\/dm-doctor-[0-9a-f]+_bg\.wasm)['"]/)?.[1];
  if (!glue || !wasm) throw new Error(`post-build: the glue or the wasm is not named in Trunk's loader:\n${code}`);
  const template = readFileSync(join(source, "static", "boot.js"), "utf8");
  const { startFailed, retry } = languages[0];
  let boot = fill(template, {
    '"__DM_DOCTOR_GLUE__"': JSON.stringify(glue),
    '"__DM_DOCTOR_WASM__"': JSON.stringify(wasm),
    '["__DM_DOCTOR_BOOT_WORDS__"]': JSON.stringify({ startFailed, retry }),
  });
  if (process.env.TRUNK_PROFILE === "release") boot = transformSync(boot, { minify: true, format: "esm", target: "es2022" }).code;
  const name = `boot-${hash(boot).slice(0, 16)}.js`;
  writeFileSync(join(staging, name), boot);
  bootTag = `<script type="module" src="./${name}"></script>`;
  return "";
});
if (!bootTag) throw new Error("post-build: Trunk's inline loader was not found in index.html");
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error("post-build: inline <script> left in index.html");
// The boot script goes just before the head script, so that it downloads beside the
// stylesheet instead of after the head script (it still runs after the page is parsed:
// a module script is deferred).
const headScript = /<script src=(?:"\.\/lang\.js"|\.\/lang\.js)><\/script>/;
if (!headScript.test(html)) throw new Error("post-build: the head script tag was not found in index.html");
html = html.replace(headScript, (tag) => bootTag + tag);

// 1b. The static first screen (build.rs writes it, from the content, in every language).
const firstScreen = readFileSync(join(packsFrom, "first-screen.html"), "utf8");
const slot = /<div id=(?:"first"|first)><\/div>/;
if (!slot.test(html)) throw new Error("post-build: the first screen's <div id=first> was not found in index.html");
html = html.replace(slot, () => `<div id="first">${firstScreen}</div>`);
writeFileSync(indexPath, html);

// 2. Language packs and the head script. Pseudo-locale packs (en-XA, ar-XB) are built
//    for testing layouts: in dist/ but never precached, offered or counted.
mkdirSync(join(staging, "packs"), { recursive: true });
const pseudoPacks = new Set();
for (const language of languages) {
  const bytes = readFileSync(join(packsFrom, `${language.code}.bin`));
  // Named .txt: every static host compresses text/plain (they leave .bin, served as
  // application/octet-stream, uncompressed: three times the bytes on a first visit).
  // The app reads the response as bytes, so the charset never matters.
  language.pack = `packs/${language.code}-${hash(bytes).slice(0, 16)}.txt`;
  writeFileSync(join(staging, language.pack), bytes);
  if (language.pseudo) pseudoPacks.add(language.pack);
}
const langTemplate = readFileSync(join(staging, "lang.js"), "utf8");
if (!langTemplate.includes('["__DM_DOCTOR_LANGUAGES__"]')) throw new Error("post-build: lang.js placeholder not found");
let langScript = fill(langTemplate, { '["__DM_DOCTOR_LANGUAGES__"]': JSON.stringify(languages) });
if (process.env.TRUNK_PROFILE === "release") langScript = transformSync(langScript, { minify: true, target: "es2020" }).code;
const langName = `lang-${hash(langScript).slice(0, 16)}.js`;
writeFileSync(join(staging, langName), langScript);
rmSync(join(staging, "lang.js"));
html = readFileSync(indexPath, "utf8");
if (!/src=(?:"\.\/lang\.js"|\.\/lang\.js)/.test(html)) throw new Error("post-build: the head script tag was not found in index.html");
html = html.replace(/src=(?:"\.\/lang\.js"|\.\/lang\.js)/, `src="./${langName}"`);
writeFileSync(indexPath, html);

// 3. Precache list and build id. manifest-assets/ (shortcut icons, install-sheet
//    screenshots) is fetched by the browser when it installs the app, never offline.
//    (The app icons stay: Chrome asks for them offline too, for its install offer.)
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
  .filter((file) => !pseudoPacks.has(file))
  .sort();
const swPath = join(staging, "sw.js");
const sw = readFileSync(swPath, "utf8");
// Each file's revision: the worker copies a file whose revision it already holds from
// the old cache instead of downloading it again.
const precache = files.map((f) => [f, hash(readFileSync(join(staging, f))).slice(0, 16)]);
// The worker's own code counts too: a change to sw.js alone must get a new cache name.
const build = hash(
  ["sw.js\0" + hash(sw), ...precache.map(([f, revision]) => f + "\0" + revision)].join("\n"),
).slice(0, 16);
if (!sw.includes('["__DM_DOCTOR_PRECACHE__"]') || !sw.includes("__DM_DOCTOR_BUILD__")) {
  throw new Error("post-build: sw.js placeholders not found");
}
const filled = sw.replace('["__DM_DOCTOR_PRECACHE__"]', JSON.stringify(precache)).replace("__DM_DOCTOR_BUILD__", build);
writeFileSync(
  swPath,
  process.env.TRUNK_PROFILE === "release" ? transformSync(filled, { minify: true, target: "es2020" }).code : filled,
);
console.log(
  `post-build: boot script written; ${languages.length} language packs; ${files.length} files precached as build ${build}`,
);
