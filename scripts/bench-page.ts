/**
 * What each kind of page weighs: bytes of HTML, CSS and images (raw, and gzipped for text) and
 * the requests a phone makes to show it, measured on the built site in a real browser at
 * Lighthouse's mobile screen (412 x 823 CSS px at 1.75x), so srcset picks what a phone would.
 *
 *   npm run bench:page [-- <folder>]   (a built site, _site/ by default; prints a Markdown table, as in BENCHMARKS.md)
 */
import { join, resolve } from "node:path";
import { chromium } from "@playwright/test";
import { sitePagesByKind, type PageKind } from "../src/lib/check/site-pages.ts";
import { startStaticServer } from "../src/lib/hosts/static-server.ts";
import { findBrowser } from "../src/lib/check/browser.ts";
import { measurePage } from "../src/lib/check/page-weight.ts";

const MEASURED_KINDS: PageKind[] = ["story", "front page", "All news", "topic", "topics", "archive day"];
const SITE_DIR = resolve(process.argv[2] ?? "_site");
const byKind = sitePagesByKind(SITE_DIR);
// The first page of each kind: the table assumes nothing about the stories the site holds.
const PAGES = MEASURED_KINDS.flatMap((kind) => byKind.get(kind)?.slice(0, 1).map((path) => [kind, path] as const) ?? []);

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

const site = await startStaticServer(SITE_DIR, { name: "netlify" });
const browser = await chromium.launch(findBrowser() ?? {});
const rows: string[] = [];
try {
  for (const [name, path] of PAGES) {
    const weight = measurePage(SITE_DIR, join(SITE_DIR, path));
    const css = weight.stylesheets.reduce((sum, sheet) => ({ raw: sum.raw + sheet.size.raw, gzip: sum.gzip + sheet.size.gzip }), { raw: 0, gzip: 0 });
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
    const page = await context.newPage();
    let requests = 0;
    let imageBytes = 0;
    const images: Promise<void>[] = [];
    page.on("response", (response) => {
      requests += 1;
      if (response.request().resourceType() === "image") images.push(response.body().then((body) => void (imageBytes += body.length)));
    });
    await page.goto(site.base + path, { waitUntil: "networkidle" });
    await Promise.all(images);
    await context.close();
    const firstTrip = weight.html.gzip + css.gzip;
    rows.push(
      `| ${name} | ${kb(weight.html.raw)} | ${kb(weight.html.gzip)} | ${kb(css.raw)} | ${kb(css.gzip)} | ${kb(firstTrip)} | ${kb(imageBytes)} | ${weight.javascriptBytes} | ${weight.blockingRequests} | ${requests} |`,
    );
  }
} finally {
  await browser.close();
  await site.close();
}
console.log("| page | HTML KB | HTML KB gzip | CSS KB | CSS KB gzip | HTML + CSS KB gzip | images KB | JS bytes | requests before paint | requests |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of rows) console.log(row);
