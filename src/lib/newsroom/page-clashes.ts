import type { ArticleView } from "../model/story-view.ts";
import type { Problem } from "../model/problems.ts";
import { groupBy } from "./group-by.ts";

/** A list page made from a name (a topic, an author): the name, the slug its URL is made of, and its stories, newest first. */
export interface NamedList {
  name: string;
  slug: string;
  url: string;
  stories: ArticleView[];
}

/**
 * Different lists whose names make the same URL, each clash reported once, naming every spelling
 * and a story of each, as a problem of `field` with `code`; `expected` says how to part or join them.
 */
export function pageClashes(lists: readonly NamedList[], field: "by" | "tags", code: Problem["code"], expected: string, what: string): Problem[] {
  return [...groupBy(lists, ({ slug }) => slug).values()]
    .filter((clash) => clash.length > 1)
    .map((clash): Problem => {
      // The list whose newest story is newest is named first, the others as the clash.
      const [first, ...others] = [...clash].sort((x, y) => y.stories[0]!.published.epochMs - x.stories[0]!.published.epochMs);
      const named = [`"${first!.name}"`, ...others.map((list) => `"${list.name}" (in ${list.stories[0]!.file})`)];
      const story = first!.stories[0]!;
      return {
        // Where the story writes the field, else its first line, which names the file for the editor.
        ...(story.fieldPlaces?.[field] ?? { file: story.file, line: 1 }),
        field,
        code,
        message: `${named.slice(0, -1).join(", ")} and ${named.at(-1)} would share the ${what} ${first!.url} (expected ${expected})`,
      };
    });
}
