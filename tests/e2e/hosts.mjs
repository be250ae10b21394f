// The hosts the end-to-end tests run the app on, all on 127.0.0.1, each started and
// stopped by its test:
// - "node": tests/e2e/server.mjs, a static server that can also serve changed files;
// - "redirect": the same, but answering `/index.html` with a 308 to `/`, as Cloudflare
//   Pages and other hosts with "pretty URLs" do;
// - "nginx": Debian's nginx running deploy/nginx.conf, as a real deployment would.
// Every host has the same interface: `url`, `deploy(dir)` (switch to another build),
// `close()` (stop, like a server that went away). `overrides` (URL path → function of the
// file's path returning a new body, or null for a missing file) work on every host.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const NGINX_CONF = join(ROOT, "deploy/nginx.conf");
export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";

/** Starts `host` ("node", "redirect" or "nginx") serving `root`. */
export async function startHost(host, { root, overrides = {} }) {
  if (host === "node") return startServer({ root, overrides });
  if (host === "redirect") return startServer({ root, overrides, redirectIndex: true });
  if (host === "nginx") return startNginx({ root, overrides });
  throw new Error(`unknown host ${host}`);
}

/** A port that was free a moment ago (nginx can't be asked to pick one). */
async function freePort() {
  const probe = createServer();
  await new Promise((ok, fail) => probe.listen(0, "127.0.0.1", ok).once("error", fail));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

/** nginx's site config for a test: deploy/nginx.conf with only `listen` and `root` replaced. */
export function nginxSite(port, root) {
  const shipped = readFileSync(NGINX_CONF, "utf8");
  const site = shipped
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)listen \[::\]:80;.*$/m, "$1# (IPv6 listen left out in the tests)")
    .replace(/^(\s*)root \S+;$/m, `$1root ${root};`);
  assert.equal(site.split("\n").length, shipped.split("\n").length);
  assert.doesNotMatch(site, /listen (80|\[::\])/, "only the test's own address is listened on");
  assert.ok(site.includes(`listen 127.0.0.1:${port};`) && site.includes(`root ${root};`), "listen and root were replaced");
  return site;
}

/**
 * Debian's nginx as the test's own process: a temporary prefix for its pid, logs and
 * temp files, the site's files behind a symlink that `deploy` switches atomically (as
 * a deploy tool does), the shipped config included unchanged otherwise.
 */
async function startNginx({ root, overrides }) {
  const dir = mkdtempSync(join(tmpdir(), "dm-doctor-nginx-"));
  // nginx's workers drop root privileges: they must be able to read the site.
  chmodSync(dir, 0o755);
  let slots = 0;
  const materialize = async (source) => {
    const slot = join(dir, `site-${slots++}`);
    cpSync(source, slot, { recursive: true });
    // A copy keeps the source's modes, and mkdtemp's folders are private.
    for (const path of [slot, ...readdirSync(slot, { recursive: true }).map((f) => join(slot, f))]) {
      chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
    }
    for (const [path, replace] of Object.entries(overrides)) {
      const body = await replace(join(source, path));
      if (body === null) rmSync(join(slot, path), { force: true });
      else writeFileSync(join(slot, path), body);
    }
    return slot;
  };
  const current = join(dir, "current");
  symlinkSync(await materialize(root), current);

  const port = await freePort();
  writeFileSync(join(dir, "site.conf"), nginxSite(port, current));
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, temp));
  const conf = join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `worker_processes 1;
error_log ${dir}/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  // -e: its own error log from the start (not /var/log/nginx, unwritable as non-root).
  const process_ = spawn(NGINX, ["-p", dir + "/", "-e", `${dir}/error.log`, "-c", conf, "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  process_.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise((ok) => process_.once("exit", ok));
  const url = `http://127.0.0.1:${port}/`;
  const started = Date.now();
  for (;;) {
    let failure = null;
    if (process_.exitCode !== null) failure = `nginx did not start: ${stderr}${readLog(dir)}`;
    else {
      try {
        await fetch(url, { method: "HEAD" });
        break;
      } catch {
        if (Date.now() - started > 10000) failure = `nginx did not answer within 10 s: ${stderr}${readLog(dir)}`;
      }
    }
    if (failure) {
      // Leave nothing behind: a running nginx would keep the test run waiting.
      process_.kill("SIGKILL");
      await exited;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(failure);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
  let closed = false;
  return {
    url,
    get requests() {
      throw new Error("nginx does not record requests for the tests: use the node host");
    },
    async deploy(source) {
      const next = `${current}.next`;
      symlinkSync(await materialize(source), next);
      renameSync(next, current);
    },
    async close() {
      if (closed) return;
      closed = true;
      process_.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readLog(dir) {
  try {
    return readFileSync(join(dir, "error.log"), "utf8");
  } catch {
    return "";
  }
}
