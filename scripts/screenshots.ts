/**
 * Pictures of the built site for people to look at: the story and All news pages at a phone's,
 * a tablet's and a desktop's width, in the light and the dark scheme, and the story as printed
 * (a PDF, and a picture of the print rendering).
 *
 *   npm run screenshots   (after npm run build; writes docs/screenshots/)
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { SITE_DIR, startStaticServer } from "../tests/support/static-server.ts";
import { findBrowser } from "./browser.ts";

const OUTPUT = "docs/screenshots";
const PAGES = [
  ["article", "news/moscow-denuclearization-talks.html"],
  ["all-news", "index.html"],
] as const;
const WIDTHS = [360, 768, 1280];
const SCHEMES = ["light", "dark"] as const;

mkdirSync(OUTPUT, { recursive: true });
const site = await startStaticServer(SITE_DIR);
const browser = await chromium.launch(findBrowser() ?? {});
try {
  for (const [name, path] of PAGES) {
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(site.base + path, { waitUntil: "load" });
        const file = join(OUTPUT, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(`screenshots: ${file}`);
        await context.close();
      }
    }
  }
  // The print rendering as a PDF, and as a picture of the same (an A4 page is 794 CSS px wide) to look at anywhere.
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await page.goto(site.base + PAGES[0][1], { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  for (const file of [join(OUTPUT, "article-print.pdf"), join(OUTPUT, "article-print.png")]) {
    // The margins are the stylesheet's own (@page), as when a reader prints.
    if (file.endsWith(".pdf")) await page.pdf({ path: file, format: "A4" });
    else await page.screenshot({ path: file, fullPage: true });
    console.log(`screenshots: ${file}`);
  }
} finally {
  await browser.close();
  await site.close();
}
