/**
 * The check of one page on its own: html-validate, and the project's checks of the page's
 * elements from one parse shared by all of them. What it returns depends only on the page's text
 * and its path in the site, so it can be kept between runs; what the page names elsewhere in the
 * site (files, #fragments, feeds, stylesheets) is checked with the whole site each time.
 *
 * The project's checks cannot share html-validate's parse: its tree leaves out what is inside an
 * inline <svg> or <math> (links, event handlers, <script>), and it keeps attribute values as
 * written, character references and all. Their own parse costs a few percent of what html-validate does.
 */
import { readFileSync } from "node:fs";
import type { PageProblem } from "./findings.ts";
import { MarkupValidator } from "./markup-validator.ts";
import { anchorsOf, htmlReferences } from "./page-references.ts";
import { parsePage } from "./parse-page.ts";
import { scriptAndStyleProblems } from "./script-and-style.ts";
import { pageKind } from "./site-pages.ts";
import { pageBudgetFacts, type PageBudgetFacts } from "./validate-budget.ts";
import { pageOutputFacts, type PageOutputFacts } from "./validate-outputs.ts";

/** A URL the page names, where the element naming it starts. */
export interface PageLink {
  url: string;
  line: number;
  column: number;
  /** Set when it names an image the page shows. */
  image?: true;
}

/** What one page's own check finds and what the site's checks need to know of the page. */
export interface PageRecord {
  /** html-validate's problems, then the project's own about script and style. */
  problems: PageProblem[];
  /** Each URL the page's elements name, but its canonical URL. */
  links: PageLink[];
  /** The ids (and a[name]s) a #fragment may name in the page. */
  anchors: string[];
  outputs: PageOutputFacts;
  budget: PageBudgetFacts;
}

/** A page to check: its absolute path, and its path in the site folder; its text, when the sender holds it (a page just written), is not read again. */
export interface PageTask {
  page: string;
  path: string;
  source?: string;
}

export class PageChecker {
  readonly #markup = new MarkupValidator();

  /** Checks `source`, the page at `path` in the site folder (with forward slashes). */
  async check(path: string, source: string): Promise<PageRecord> {
    const markup = await this.#markup.problems(source, path);
    const page = parsePage(source);
    const { elements, position } = page;
    const searchPage = pageKind(path) === "search";
    const own = elements.flatMap((element) => scriptAndStyleProblems(element, searchPage)).map(({ offset, ...problem }) => ({ ...position(offset), ...problem }));
    return {
      problems: [...markup, ...own],
      links: elements.flatMap(htmlReferences).map(({ url, offset, image }) => ({ url, ...position(offset), ...(image ? { image } : {}) })),
      anchors: anchorsOf(page),
      outputs: pageOutputFacts(path, page),
      budget: pageBudgetFacts(path, page),
    };
  }

  /** Reads and checks pages one after another. */
  async checkAll(tasks: readonly PageTask[]): Promise<PageRecord[]> {
    const records: PageRecord[] = [];
    for (const { page, path, source } of tasks) records.push(await this.check(path, source ?? readFileSync(page, "utf8")));
    return records;
  }
}
