// A small static server for dist/, used by `scripts/serve` and started and stopped by the
// end-to-end tests. It sends the headers the README recommends for a static host.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** Types worth compressing: everything except the PNG icons. */
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt"]);

/** Compressed bodies by content hash and encoding, shared by every server in this process. */
const compressed = new Map();

/**
 * What a static host does: brotli or gzip (at their highest levels, as for files
 * compressed once at deploy time), when the browser accepts it.
 */
function encode(path, body, acceptEncoding = "") {
  if (!COMPRESSIBLE.has(extname(path)) || body.length < 256) return { body };
  const accepted = new Set();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    if (!q || Number(q.slice(2)) > 0) accepted.add(name);
  }
  const encoding = accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : null;
  if (!encoding) return { body };
  const key = `${createHash("sha1").update(body).digest("hex")}:${encoding}`;
  let out = compressed.get(key);
  if (!out) {
    out =
      encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : gzipSync(body, { level: 9 });
    compressed.set(key, out);
  }
  return { body: out, encoding };
}

/**
 * The CSP header: the policy of the built index.html's meta tag (the one source of
 * truth), plus frame-ancestors, which only works as a header.
 */
export async function cspFor(root) {
  const html = await readFile(join(root, "index.html"), "utf8");
  const meta = html.match(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/);
  const policy = meta?.[0].match(/content="([^"]+)"/)?.[1];
  if (!policy) throw new Error(`no CSP meta tag in ${root}/index.html`);
  return `${policy}; frame-ancestors 'none'`;
}

function headersFor(path, csp) {
  const headers = {
    "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
  if (csp) headers["Content-Security-Policy"] = csp;
  // The service worker and the page must always be revalidated so updates are seen;
  // everything else is named by content hash or listed in the service worker.
  headers["Cache-Control"] = /(^|\/)(sw\.js|index\.html)$/.test(path) ? "no-cache" : "public, max-age=3600";
  if (COMPRESSIBLE.has(extname(path))) headers["Vary"] = "Accept-Encoding";
  return headers;
}

/**
 * Serves `root` on 127.0.0.1 (`deploy(dir)` switches to another build, as a deploy
 * would; the CSP stays the first build's). `overrides` maps a URL path to a function returning a
 * replacement body (or null for a 404), so tests can deploy a changed or broken build.
 * Every request path is recorded in `requests`. With `redirectIndex`, `…/index.html`
 * answers with a 308 to `…/`, as Cloudflare Pages and other hosts with "pretty URLs" do.
 */
export async function startServer({ root, port = 0, overrides = {}, csp: withCsp = true, redirectIndex = false } = {}) {
  let base = resolve(root);
  const csp = withCsp ? await cspFor(base) : null;
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    requests.push(url.pathname + url.search);
    if (redirectIndex && url.pathname.endsWith("/index.html")) {
      const location = url.pathname.slice(0, -"index.html".length) + url.search;
      res.writeHead(308, { Location: location, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" });
      res.end(`Permanent redirect to ${location}`);
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body;
      if (url.pathname in overrides) {
        body = await overrides[url.pathname](file);
        if (body === null) throw new Error("overridden as missing");
        body = Buffer.from(body);
      } else {
        if (!(await stat(file)).isFile()) throw new Error("not a file");
        body = await readFile(file);
      }
      const headers = headersFor(file, csp);
      // HEAD: nothing is sent, so nothing is compressed.
      const sent = req.method === "HEAD" ? { body } : encode(file, body, req.headers["accept-encoding"]);
      if (sent.encoding) headers["Content-Encoding"] = sent.encoding;
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : sent.body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache" });
      res.end("Not found");
    }
  });
  const sockets = new Set();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((ok, fail) => server.listen(port, "127.0.0.1", ok).once("error", fail));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}/`,
    requests,
    deploy: (dir) => {
      base = resolve(dir);
    },
    /** Stops listening and drops open connections, like a server that went away. */
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

// `node tests/e2e/server.mjs [dir] [port]` serves until interrupted.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await startServer({ root, port });
  console.log(`DM Doctor is being served at ${url} (Ctrl+C to stop)`);
  console.log(`Content-Security-Policy: ${await cspFor(root)}`);
}
