import { defineConfig } from "@playwright/test";
import { findBrowser } from "./src/lib/check/browser.ts";
import type { SiteMount } from "./tests/support/open-site.ts";

// Without a browser Playwright reports its own launch error; `node scripts/browser.ts` says what to install.
const browser = findBrowser();

export default defineConfig<object, { siteMount: SiteMount }>({
  testDir: "tests/browser",
  // The fixture newsroom, built once; the tests never read the newsroom's own stories.
  globalSetup: "./tests/support/build-test-site.ts",
  retries: 0,
  workers: 2,
  reporter: "list",
  use: {
    browserName: "chromium",
    launchOptions: browser ?? {},
  },
  // One build must work everywhere a reader may open it: on Netlify (the site's root, pretty
  // URLs), on GitHub Pages (under the repository's path prefix), and straight from disk.
  projects: [
    { name: "netlify", use: { siteMount: { kind: "http", host: { name: "netlify" } } } },
    { name: "github-pages", use: { siteMount: { kind: "http", host: { name: "github-pages", prefix: "/newsroom/" } } } },
    {
      name: "file",
      use: {
        siteMount: { kind: "file" },
        // axe reads the stylesheets with XHR, which Chromium blocks between file:// URLs. The site
        // itself runs no script (the specs check), so this only lets axe see the CSS there too.
        launchOptions: { ...browser, args: [...(browser?.args ?? []), "--allow-file-access-from-files"] },
      },
    },
  ],
});
