// DM Doctor service worker: precaches the whole build (every language pack included) so
// every screen works offline in every language, keeps one cache per build, and hands
// over to a new build only when the user says so. An update downloads only the files
// that changed: a file whose revision the old cache holds is copied from it.
// tools/post-build.mjs fills in BUILD and PRECACHE; this file is otherwise copied as is.
"use strict";

const BUILD = "__DM_DOCTOR_BUILD__";
// [path, revision (content hash)] of every file of this build.
const PRECACHE = ["__DM_DOCTOR_PRECACHE__"];
const PATHS = PRECACHE.map(([path]) => path);
// Each cache also holds its build's revisions, under this key, for the next update.
const REVISIONS = new URL("__dm-doctor-revisions__", self.registration.scope).href;
const CACHE_PREFIX = "dm-doctor-";
const CACHE = CACHE_PREFIX + BUILD;
// Requests carrying this query parameter are connection probes: never answer them here.
const PROBE_PARAM = "dmd-probe";
const SCOPE = self.registration.scope;
const SHELL = new URL("index.html", SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(replaceBrokenVersion));
  addStaticRoutes(event);
});

// A version installed before the redirect fix may hold a redirected shell, which fails
// every navigation: there is nothing to keep running, so this one takes over at once
// instead of waiting (an app window left open would otherwise keep the broken one).
async function replaceBrokenVersion() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const shells = await Promise.all([cache.match(SHELL), cache.match(SCOPE)]);
    if (shells.some((shell) => shell && shell.redirected)) {
      await self.skipWaiting();
      return;
    }
  }
}

// Where the browser has static routing (Chrome 123+), the shell and every precached
// file come straight from this build's cache without running this script: no waiting
// for the worker to start, no round trip through it per file. Only exact URLs without a
// query are routed, so probes and anything unexpected still reach the fetch handler.
function addStaticRoutes(event) {
  if (typeof event.addRoutes !== "function" || typeof URLPattern !== "function") return;
  // A path is a pattern to URLPattern: its special characters must be escaped.
  const literal = (path) => path.replace(/[\\:*?+(){}]/g, "\\$&");
  const exact = (url) => ({
    urlPattern: new URLPattern({ pathname: literal(new URL(url, SCOPE).pathname), search: "", baseURL: SCOPE }),
  });
  // Routes only speed things up: if the browser refuses them, the install goes on.
  try {
    const rules = [{ condition: { or: [...PATHS, SCOPE].map(exact) }, source: { cacheName: CACHE } }];
    event.waitUntil(event.addRoutes(rules).catch(() => {}));
  } catch {
    // Not routed: the fetch handler answers instead.
  }
}

// All or nothing: if any file fails to download, the install fails and this build never
// replaces the one that is running.
async function precache() {
  // A failed install deletes its cache only if this install created it: an existing
  // cache of the same name may be the running version's (with a build id that covers
  // every file, that only happens when the same build installs again).
  const existed = await caches.has(CACHE);
  const cache = await caches.open(CACHE);
  const unchanged = await unchangedFiles();
  try {
    await Promise.all(
      PRECACHE.map(async ([path, revision]) => {
        const url = new URL(path, self.registration.scope);
        let response = (await unchanged(path, revision)) ?? (await download(path, url));
        // The shell is also stored under the scope itself ("/"), the address the
        // installed app opens, so a static route can answer that navigation.
        if (url.href === SHELL) {
          response = await withEarlyDownloads(response);
          await cache.put(SCOPE, response.clone());
        }
        await cache.put(url, response);
      }),
    );
    await cache.put(REVISIONS, new Response(JSON.stringify(PRECACHE)));
  } catch (error) {
    if (!existed) await caches.delete(CACHE);
    throw error;
  }
}

// The shell as this worker serves it: the network's index.html, which on a first visit
// downloads the app's glue and wasm only after its first paint (a slow network is shared
// with what that paint needs), with both asked for at once instead: from this cache no
// network is shared, and the app starts the sooner they start. (Its bytes no longer match
// the shell's revision, so each update downloads the shell again: a few KB.)
async function withEarlyDownloads(response) {
  const glue = PATHS.find((path) => /^dm-doctor-[0-9a-f]+\.js$/.test(path));
  const wasm = PATHS.find((path) => /^dm-doctor-[0-9a-f]+_bg\.wasm$/.test(path));
  const html = await response.text();
  // Before the first <link> (the stylesheet), ahead of every script.
  const at = html.indexOf("<link");
  if (!glue || !wasm || at < 0) throw new Error("precache: the shell's glue, wasm or <link> not found");
  const early = `<link rel="modulepreload" href="./${glue}"><link rel="preload" as="fetch" crossorigin href="./${wasm}">`;
  const { status, statusText, headers } = response;
  return new Response(html.slice(0, at) + early + html.slice(at), { status, statusText, headers });
}

async function download(path, url) {
  // "reload" skips the HTTP cache, so a new build never stores an old file.
  const fetched = await fetch(url, { cache: "reload", credentials: "same-origin" });
  if (!fetched.ok || fetched.type !== "basic") {
    throw new Error(`precache ${path}: HTTP ${fetched.status} (${fetched.type})`);
  }
  return unredirected(fetched);
}

// A lookup of files an earlier build's cache holds at the same revision. The copy's
// bytes are checked against the revision (a damaged cached file would otherwise be
// carried from build to build), and a redirected response (an old worker may have
// stored one) is never copied: both are downloaded again.
async function unchangedFiles() {
  const held = new Map();
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    try {
      const revisions = await (await old.match(REVISIONS))?.json();
      for (const [path, revision] of revisions ?? []) held.set(path + "\0" + revision, old);
    } catch {
      // An unreadable list: its files are downloaded again.
    }
  }
  return async (path, revision) => {
    const old = held.get(path + "\0" + revision);
    const response = await old?.match(new URL(path, self.registration.scope));
    if (!response || !response.ok || response.redirected) return undefined;
    const body = await response.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
    if (!hex.startsWith(revision)) return undefined;
    const { status, statusText, headers } = response;
    return new Response(body, { status, statusText, headers });
  };
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

// The page asks for this when the user taps "Update available — reload".
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.searchParams.has(PROBE_PARAM)) return; // straight to the network, untouched
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fromCache(SHELL, request));
  } else {
    event.respondWith(fromCache(request, request));
  }
});

// Precached files come from this build's cache; anything else goes to the network and
// is not stored, so error and opaque responses are never cached.
async function fromCache(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (!hit) return fetch(request);
  if (!hit.redirected) return hit;
  // Never the case for what this worker stored, but a redirected response must never
  // reach a navigation: repair the entry and answer with the clean copy.
  const clean = await unredirected(hit);
  await cache.put(key, clean.clone());
  return clean;
}

// Some hosts answer index.html with a redirect to "/" (Cloudflare Pages does). Chrome
// refuses a redirected response as the answer to a navigation (every later visit would
// fail, online too), so only a clean copy of it is ever stored or served: same body,
// status and headers, no redirect history.
async function unredirected(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}
