/**
 * The performance budget, checked on every build so it cannot grow unnoticed: a story's page and
 * its stylesheet fit the first round trip, no page runs JavaScript, nothing but the page and one
 * stylesheet is fetched before the first paint, and every stylesheet is named by its contents.
 */
import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { measurePage } from "./page-weight.ts";
import type { Problem } from "./site-problems.ts";
import { pageKind } from "./site-pages.ts";

/** TCP's first round trip carries about 14 KB (ten segments): a page that fits paints one trip sooner. */
export const FIRST_ROUND_TRIP_BYTES = 14 * 1024;
/** The page and its stylesheet. */
export const MAX_BLOCKING_REQUESTS = 2;


/**
 * The page's own HTML, gzipped, without the story's text: the budget holds the templates and the
 * stylesheet to the first round trip; a wire story's length is the newsroom's to choose (a
 * 20,000-word story must still publish). The story body holds only Markdown's output, never a div.
 */
function pageWithoutStoryText(page: string): number {
  const html = readFileSync(page, "utf8").replace(/(<div class="story-body">)[\s\S]*?(<\/div>)/, "$1$2");
  return gzipSync(html).length;
}

export function budgetProblems(siteDir: string, pages: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const report = (file: string, message: string) => problems.push({ file, line: 1, column: 1, rule: "budget", message });
  for (const page of pages) {
    const path = relative(siteDir, page).split(sep).join("/");
    const weight = measurePage(siteDir, page);
    const css = weight.stylesheets.reduce((bytes, sheet) => bytes + sheet.size.gzip, 0);
    // The size budget is for a story's page: the one readers land on from a link or a feed.
    const gzipped = pageKind(path) === "story" ? pageWithoutStoryText(page) + css : 0;
    if (gzipped > FIRST_ROUND_TRIP_BYTES) {
      report(path, `HTML and CSS, without the story's text, are ${gzipped} bytes gzipped (expected at most ${FIRST_ROUND_TRIP_BYTES}, what the first round trip carries)`);
    }
    if (weight.javascriptBytes > 0) {
      report(path, `${weight.javascriptBytes} bytes of JavaScript (expected none: every page works without script)`);
    }
    if (weight.blockingRequests > MAX_BLOCKING_REQUESTS) {
      report(path, `${weight.blockingRequests} requests before the first paint (expected at most ${MAX_BLOCKING_REQUESTS}: the page and one stylesheet, with no @import or web font)`);
    }
    for (const sheet of weight.stylesheets.filter((stylesheet) => !stylesheet.hashed)) {
      report(path, `links ${sheet.file}, whose name does not carry its contents' hash (expected a name like site.<hash>.css, so hosts can cache it for good)`);
    }
  }
  return problems;
}
