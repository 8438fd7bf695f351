import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export interface BrowserChoice {
  /** Undefined means Playwright's own Chromium, which Playwright finds itself. */
  executablePath?: string;
  args: string[];
}

// Chromium's headless shell (Debian's chromium-headless-shell; Playwright's own launch picks its
// copy by itself): the same engine without a desktop browser's window machinery, which opens a
// page in a third of the time. The checks and tests open hundreds of pages, so it goes first.
const SYSTEM_HEADLESS_SHELLS = ["/usr/bin/chromium-headless-shell"];
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

/**
 * The Chromium the browser tests and checks drive, or undefined when this machine has none. A
 * "full" browser is the desktop one, for Lighthouse, which measures a page as a reader's browser
 * loads it; the rest prefer the headless shell.
 */
export function findBrowser(kind: "headless" | "full" = "headless"): BrowserChoice | undefined {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv) return { executablePath: fromEnv, args: SYSTEM_ARGS };
  if (playwrightChromiumInstalled()) return { args: [] };
  const candidates = kind === "headless" ? [...SYSTEM_HEADLESS_SHELLS, ...SYSTEM_BROWSERS] : SYSTEM_BROWSERS;
  const system = candidates.find((path) => existsSync(path));
  return system === undefined ? undefined : { executablePath: system, args: SYSTEM_ARGS };
}

/** Which browser the checks will drive, as a person reads it. */
export function describeBrowser(choice: BrowserChoice): string {
  if (process.env["CHROMIUM_PATH"]) return `${choice.executablePath} (from CHROMIUM_PATH)`;
  return choice.executablePath ?? `${chromium.executablePath()} (Playwright's own Chromium)`;
}
