/**
 * Pictures of the built site for people to look at: the story, front, All news and search pages
 * (the search with the results of a word of the story's headline) at a phone's, a tablet's and a
 * desktop's width, in the light and the dark scheme, and the story as printed (a PDF, and a
 * picture of the print rendering).
 *
 *   npm run screenshots [-- <folder>]   (a built site, _site/ by default; writes docs/screenshots/)
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";
import { editionFolder, sitePagesByKind } from "../src/lib/check/site-pages.ts";
import { startStaticServer } from "../src/lib/hosts/static-server.ts";
import { findBrowser } from "../src/lib/check/browser.ts";

const OUTPUT = "docs/screenshots";
const SITE_DIR = resolve(process.argv[2] ?? "_site");
const byKind = sitePagesByKind(SITE_DIR);
// The oldest story (the seed, in the bundled site), the front page and All news: whatever stories the site holds.
const PAGES = [
  ["article", byKind.get("story")?.[0]],
  ["front-page", byKind.get("front page")?.[0]],
  ["all-news", byKind.get("All news")?.[0]],
].flatMap(([name, path]) => (name && path ? [[name, path] as const] : []));
const WIDTHS = [360, 768, 1280];
const SCHEMES = ["light", "dark"] as const;

/** The longest word of the story's headline, which its edition's search finds: whatever stories the site holds. */
async function searchWord(page: Page, storyPath: string): Promise<string> {
  await page.goto(site.base + storyPath, { waitUntil: "load" });
  const words = ((await page.locator("h1").textContent()) ?? "").match(/[\p{L}\p{N}]+/gu) ?? [];
  const word = words.reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest), "");
  if (word === "") throw new Error(`${storyPath}: no word in its headline to search for`);
  return word;
}

/** The search page with `word` typed and searched for, once its results are shown. */
async function showSearchResults(page: Page, searchPath: string, word: string): Promise<void> {
  await page.goto(site.base + searchPath, { waitUntil: "load" });
  await page.locator("#search-query").fill(word);
  await page.locator(".search-form button").click();
  await page.locator("#search-results .story-item").first().waitFor();
}

/** A full-page PNG with a palette: a quarter of the bytes, no difference a reader would see in text and rules. */
async function screenshot(page: Page, file: string): Promise<void> {
  await sharp(await page.screenshot({ fullPage: true })).png({ palette: true, effort: 10 }).toFile(file);
  console.log(`screenshots: ${file}`);
}

mkdirSync(OUTPUT, { recursive: true });
const site = await startStaticServer(SITE_DIR, { name: "netlify" });
const browser = await chromium.launch(findBrowser() ?? {});
try {
  for (const [name, path] of PAGES) {
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(site.base + path, { waitUntil: "load" });
        await screenshot(page, join(OUTPUT, `${name}-${width}-${colorScheme}.png`));
        await context.close();
      }
    }
  }
  const storyPath = PAGES[0]?.[0] === "article" ? PAGES[0][1] : undefined;
  // The search page of the story's own edition, which indexes it.
  const searchPath = storyPath && byKind.get("search")?.find((path) => editionFolder(path) === editionFolder(storyPath));
  if (searchPath !== undefined && storyPath !== undefined) {
    const storyPage = await browser.newPage();
    const word = await searchWord(storyPage, storyPath);
    await storyPage.close();
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await showSearchResults(page, searchPath, word);
        await screenshot(page, join(OUTPUT, `search-${width}-${colorScheme}.png`));
        await context.close();
      }
    }
  }
  // The print rendering as a PDF, and as a picture of the same (an A4 page is 794 CSS px wide) to look at anywhere.
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await page.goto(site.base + (PAGES[0]?.[1] ?? "index.html"), { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  // The margins are the stylesheet's own (@page), as when a reader prints.
  const pdf = join(OUTPUT, "article-print.pdf");
  await page.pdf({ path: pdf, format: "A4" });
  console.log(`screenshots: ${pdf}`);
  await screenshot(page, join(OUTPUT, "article-print.png"));
} finally {
  await browser.close();
  await site.close();
}
