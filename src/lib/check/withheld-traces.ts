/** A draft or embargoed story leaves no trace: no page, and no file naming its page or headline. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeXml } from "../outputs/xml.ts";
import type { WithheldStory } from "../model/story-report.ts";
import type { Problem } from "./site-problems.ts";

/** A story the build must not have published at all: a draft, or embargoed (a withdrawn one keeps its notice: see withdrawn-notices.ts). */
type HiddenStory = Extract<WithheldStory, { headline: string }>;

interface Traces {
  story: HiddenStory;
  /** The story's page, by its path in the site folder. */
  path: string;
  /** Its page's path and its headline, as HTML, XML and JSON write it, in UTF-8. */
  texts: Buffer[];
}

class WithheldTraces {
  readonly #stories: Traces[];

  constructor(withheld: readonly WithheldStory[]) {
    const hidden = withheld.filter((story): story is HiddenStory => story.state !== "withdrawn");
    this.#stories = hidden.map((story) => {
      const path = story.url.slice(1);
      const texts = [path, story.headline, escapeXml(story.headline), JSON.stringify(story.headline).slice(1, -1)];
      return { story, path, texts: texts.map((text) => Buffer.from(text, "utf8")) };
    });
  }

  /** Whether a file is one that could show a story: a page, a feed, a sitemap, robots.txt. */
  static mayShow(file: string): boolean {
    return /\.(html|xml|json|txt)$/.test(file);
  }

  /** `file` is the path in the site folder of a file holding `contents`. */
  problemsIn(file: string, contents: Buffer): Problem[] {
    return this.#stories
      .filter(({ path, texts }) => file === path || texts.some((text) => contents.includes(text)))
      .map(({ story }) => ({
        file,
        line: 1,
        column: 1,
        rule: "withheld",
        message: `shows ${story.file}, which is ${story.state} at the build moment (expected no trace of it before it is published)`,
      }));
  }
}

/** The traces of `withheld` in the site folder `root`, whose `files` are paths in it; each file is read once. */
export function withheldProblems(root: string, files: readonly string[], withheld: readonly WithheldStory[]): Problem[] {
  if (!withheld.some((story) => story.state !== "withdrawn")) return [];
  const traces = new WithheldTraces(withheld);
  return files.filter(WithheldTraces.mayShow).flatMap((file) => traces.problemsIn(file, readFileSync(join(root, file))));
}
