/** A draft or embargoed story leaves no trace: no page, and no file naming its page. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WithheldStory } from "../model/story-report.ts";
import type { Problem } from "../model/problems.ts";
import { AddressFinder } from "./address-finder.ts";

/** A story the build must not have published at all: a draft, or embargoed (a withdrawn one keeps its notice: see withdrawn-notices.ts). */
type HiddenStory = WithheldStory & { state: "draft" | "embargoed" };

/**
 * Every list, feed, sitemap and search index that shows a story names its page, so its address is
 * the trace looked for. Its headline is not: a published story, a topic or any page's words may
 * say the same ("Markets", a rewrite kept as a draft beside the story it replaces), and a draft
 * never stops the desk's build for words it shares with what is published.
 */
class WithheldTraces {
  readonly #stories: HiddenStory[];
  /** Each story's page, by its path in the site folder. */
  readonly #paths: Map<string, number>;
  readonly #addresses: AddressFinder;

  constructor(withheld: readonly WithheldStory[], siteUrl: string) {
    this.#stories = withheld.filter((story): story is HiddenStory => story.state !== "withdrawn");
    this.#paths = new Map(this.#stories.map((story, index) => [story.url.slice(1), index]));
    this.#addresses = new AddressFinder(this.#stories.map((story) => story.url.slice(1)), siteUrl);
  }

  /** Whether a file is one that could show a story: a page, a feed, a sitemap, robots.txt, the search index's scripts. */
  static mayShow(file: string): boolean {
    return /\.(html|xml|json|txt|js)$/.test(file);
  }

  /** `file` is the path in the site folder of a file holding `contents`. */
  problemsIn(file: string, contents: Buffer): Problem[] {
    const shown = new Set(this.#addresses.foundIn(contents, file));
    const own = this.#paths.get(file);
    if (own !== undefined) shown.add(own);
    return [...shown]
      .sort((a, b) => a - b)
      .map((index) => this.#stories[index]!)
      .map((story) => ({
        file,
        field: "withheld",
        message: `shows ${story.file}, which is ${story.state} at the build moment (expected no trace of it before it is published)`,
        code: "WD415" as const,
      }));
  }
}

/** The traces of `withheld` in the site folder `root` of the site at `siteUrl`, whose `files` are paths in it; each file is read once. */
export function withheldProblems(root: string, siteUrl: string, files: readonly string[], withheld: readonly WithheldStory[]): Problem[] {
  if (!withheld.some((story) => story.state !== "withdrawn")) return [];
  const traces = new WithheldTraces(withheld, siteUrl);
  return files.filter(WithheldTraces.mayShow).flatMap((file) => traces.problemsIn(file, readFileSync(join(root, file))));
}
