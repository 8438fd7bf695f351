/**
 * The performance budget, checked on every build so it cannot grow unnoticed: a story's page and
 * its stylesheet fit the first round trip, no page runs JavaScript, nothing but the page and one
 * stylesheet is fetched before the first paint, and every stylesheet is named by its contents.
 */
import { gzipSync } from "node:zlib";
import { pageWeightFacts, SiteWeigher, type PageWeightFacts } from "./page-weight.ts";
import type { ParsedPage } from "./parse-page.ts";
import type { Problem } from "../model/problems.ts";
import { pageKind } from "./site-pages.ts";

/** TCP's first round trip carries about 14 KB (ten segments): a page that fits paints one trip sooner. */
const FIRST_ROUND_TRIP_BYTES = 14 * 1024;
/** The page and its stylesheet. */
const MAX_BLOCKING_REQUESTS = 2;

/** What the budget needs to know of one page, from its own text. */
export interface PageBudgetFacts {
  weight: PageWeightFacts;
  /** For a story's page: its HTML gzipped without the story's text. */
  storyPageBytes?: number;
}

/**
 * The page's own HTML, gzipped, without the story's text: the budget holds the templates and the
 * stylesheet to the first round trip; a wire story's length is the newsroom's to choose (a
 * 20,000-word story must still publish). The story body holds only Markdown's output, never a div.
 */
function pageWithoutStoryText(source: string): number {
  return gzipSync(source.replace(/(<div class="story-body">)[\s\S]*?(<\/div>)/, "$1$2")).length;
}

/** `path` is the page's path in the site folder, with forward slashes. */
export function pageBudgetFacts(path: string, page: ParsedPage): PageBudgetFacts {
  // The size budget is for a story's page: the one readers land on from a link or a feed.
  return { weight: pageWeightFacts(page), ...(pageKind(path) === "story" ? { storyPageBytes: pageWithoutStoryText(page.source) } : {}) };
}

/** A page to hold to the budget: its file, its path in the site folder and what its text says. */
export interface BudgetPage {
  file: string;
  path: string;
  facts: PageBudgetFacts;
}

export function siteBudgetProblems(siteDir: string, pages: readonly BudgetPage[]): Problem[] {
  const problems: Problem[] = [];
  const weigher = new SiteWeigher(siteDir);
  for (const { file, path, facts } of pages) {
    const report = (message: string) => problems.push({ file: path, field: "budget", message, code: "WD418" });
    const weight = weigher.weigh(file, facts.weight);
    const css = weight.stylesheets.reduce((bytes, sheet) => bytes + sheet.size.gzip, 0);
    const gzipped = facts.storyPageBytes === undefined ? 0 : facts.storyPageBytes + css;
    if (gzipped > FIRST_ROUND_TRIP_BYTES) {
      report(`HTML and CSS, without the story's text, are ${gzipped} bytes gzipped (expected at most ${FIRST_ROUND_TRIP_BYTES}, what the first round trip carries)`);
    }
    // The search page alone runs script: the engine and the index's shards it loads as a query needs them.
    if (weight.javascriptBytes > 0 && pageKind(path) !== "search") {
      report(`${weight.javascriptBytes} bytes of JavaScript (expected none: every page works without script)`);
    }
    if (weight.blockingRequests > MAX_BLOCKING_REQUESTS) {
      report(`${weight.blockingRequests} requests before the first paint (expected at most ${MAX_BLOCKING_REQUESTS}: the page and one stylesheet, with no @import or web font)`);
    }
    for (const sheet of weight.stylesheets.filter((stylesheet) => !stylesheet.hashed)) {
      report(`links ${sheet.file}, whose name does not carry its contents' hash (expected a name like site.<hash>.css, so hosts can cache it for good)`);
    }
  }
  return problems;
}
