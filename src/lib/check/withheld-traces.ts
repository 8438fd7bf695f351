/** A draft or embargoed story leaves no trace: no page, and no file naming its page or headline. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeXml } from "../outputs/xml.ts";
import type { WithheldStory } from "../model/story-report.ts";
import type { Problem } from "../model/problems.ts";
import { TextFinder } from "./text-finder.ts";

/** A story the build must not have published at all: a draft, or embargoed (a withdrawn one keeps its notice: see withdrawn-notices.ts). */
type HiddenStory = Extract<WithheldStory, { headline: string }>;

class WithheldTraces {
  readonly #stories: HiddenStory[];
  /** Each story's page, by its path in the site folder. */
  readonly #paths: Map<string, number>;
  /** Its page's path and its headline, as HTML, XML and JSON write it, in UTF-8: four texts a story, in the stories' order. */
  readonly #texts: TextFinder;

  constructor(withheld: readonly WithheldStory[]) {
    this.#stories = withheld.filter((story): story is HiddenStory => story.state !== "withdrawn");
    this.#paths = new Map(this.#stories.map((story, index) => [story.url.slice(1), index]));
    const texts = this.#stories.flatMap((story) => [story.url.slice(1), story.headline, escapeXml(story.headline), JSON.stringify(story.headline).slice(1, -1)]);
    this.#texts = new TextFinder(texts.map((text) => Buffer.from(text, "utf8")));
  }

  /** Whether a file is one that could show a story: a page, a feed, a sitemap, robots.txt, the search index's scripts. */
  static mayShow(file: string): boolean {
    return /\.(html|xml|json|txt|js)$/.test(file);
  }

  /** `file` is the path in the site folder of a file holding `contents`. */
  problemsIn(file: string, contents: Buffer): Problem[] {
    const shown = new Set(this.#texts.foundIn(contents).map((text) => Math.floor(text / TEXTS_PER_STORY)));
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

const TEXTS_PER_STORY = 4;

/** The traces of `withheld` in the site folder `root`, whose `files` are paths in it; each file is read once. */
export function withheldProblems(root: string, files: readonly string[], withheld: readonly WithheldStory[]): Problem[] {
  if (!withheld.some((story) => story.state !== "withdrawn")) return [];
  const traces = new WithheldTraces(withheld);
  return files.filter(WithheldTraces.mayShow).flatMap((file) => traces.problemsIn(file, readFileSync(join(root, file))));
}
