// How the tests start Debian's Chromium: headless, as root, with no background traffic
// (this machine has no internet, and the tests must not contact anything but 127.0.0.1).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
];

/**
 * A persistent profile, like an installed app's: service workers and storage survive
 * page reloads and relaunches. Returns the context and a cleanup function.
 */
export async function launchProfile(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), "dm-doctor-profile-"));
  const launch = () =>
    chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 412, height: 915 },
      // The app picks its language from the browser's: English unless a test asks.
      locale: "en-US",
      ...options,
    });
  const profile = {
    context: await launch(),
    /** Closes the browser and opens the same profile again, like relaunching an installed app. */
    async relaunch() {
      await profile.context.close();
      profile.context = await launch();
      return profile.context;
    },
    async close() {
      await profile.context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return profile;
}
