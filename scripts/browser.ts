/**
 * Finds the Chromium the browser tests and checks drive, installing Playwright's own where a
 * download works, or says in one line what to install (see src/lib/check/browser.ts).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describeBrowser, findBrowser } from "../src/lib/check/browser.ts";

let choice = findBrowser();
if (choice === undefined) {
  // Where downloads work this is all a fresh checkout needs; its output is noise when it fails.
  spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "ignore", timeout: 10 * 60_000 });
  choice = findBrowser();
}
if (choice === undefined) {
  console.error(
    "No browser for the browser tests: install Chromium (Debian/Ubuntu: apt-get install chromium chromium-headless-shell) or run npx playwright install chromium",
  );
  process.exit(1);
}
if (choice.executablePath !== undefined && !existsSync(choice.executablePath)) {
  // Only CHROMIUM_PATH can name a file that is not there: say so now, not as a launch error later.
  console.error(`No browser for the browser tests: CHROMIUM_PATH=${choice.executablePath} does not exist`);
  process.exit(1);
}
console.log(`Browser for the browser tests: ${describeBrowser(choice)}`);
