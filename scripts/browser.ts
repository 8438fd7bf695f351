import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium } from "@playwright/test";

export interface BrowserChoice {
  /** Undefined means Playwright's own Chromium, which Playwright finds itself. */
  executablePath?: string;
  args: string[];
}

const SYSTEM_BROWSERS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

// A system browser may run as root (no sandbox then) on a machine without network: keep it from
// phoning home, so the tests only ever see the site's own requests.
const SYSTEM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function playwrightChromiumInstalled(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    // Playwright throws on platforms it has no build for; a system browser may still do.
    return false;
  }
}

/** The Chromium the browser tests drive, or undefined when this machine has none. */
export function findBrowser(): BrowserChoice | undefined {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv) return { executablePath: fromEnv, args: SYSTEM_ARGS };
  if (playwrightChromiumInstalled()) return { args: [] };
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  return system === undefined ? undefined : { executablePath: system, args: SYSTEM_ARGS };
}

function describe(choice: BrowserChoice): string {
  if (process.env["CHROMIUM_PATH"]) return `${choice.executablePath} (from CHROMIUM_PATH)`;
  return choice.executablePath ?? `${chromium.executablePath()} (Playwright's own Chromium)`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let choice = findBrowser();
  if (choice === undefined) {
    // Where downloads work this is all a fresh checkout needs; its output is noise when it fails.
    spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "ignore", timeout: 10 * 60_000 });
    choice = findBrowser();
  }
  if (choice === undefined) {
    console.error(
      "No browser for the browser tests: install Chromium (Debian/Ubuntu: apt-get install chromium) or run npx playwright install chromium",
    );
    process.exit(1);
  }
  if (choice.executablePath !== undefined && !existsSync(choice.executablePath)) {
    // Only CHROMIUM_PATH can name a file that is not there: say so now, not as a launch error later.
    console.error(`No browser for the browser tests: CHROMIUM_PATH=${choice.executablePath} does not exist`);
    process.exit(1);
  }
  console.log(`Browser for the browser tests: ${describe(choice)}`);
}
