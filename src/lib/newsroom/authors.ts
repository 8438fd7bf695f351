import type { ArticleView } from "../model/story-view.ts";
import { groupBy } from "./group-by.ts";
import type { Problem } from "../model/problems.ts";
import { pageClashes } from "./page-clashes.ts";

/** An author's page: every story their byline names, under the author's name. */
export interface Author {
  name: string;
  slug: string;
  url: string;
  stories: ArticleView[];
}

/** The authors of the given stories (newest first), sorted by name in the edition's language. */
export function buildAuthors(stories: readonly ArticleView[], lang: string): Author[] {
  const bylined = stories.flatMap((story) => story.authors.map((author) => ({ author, story })));
  const authors = [...groupBy(bylined, ({ author }) => author.author).values()].map((uses) => {
    const { author: name, slug, url } = uses[0]!.author;
    return { name, slug, url, stories: uses.map(({ story }) => story) };
  });
  // Names the language sorts alike ("Ann Smith", "ann smith") keep one order.
  return authors.sort((a, b) => a.name.localeCompare(b.name, lang) || (a.name < b.name ? -1 : 1));
}

/**
 * Different authors whose names make the same URL ("José Díaz" and "Jose Diaz", "Ann Smith" and
 * "ann smith"): the settings' authors make them one, or the bylines spell them apart.
 */
export function authorClashes(authors: readonly Author[]): Problem[] {
  return pageClashes(authors, "by", "WD158", 'one spelling for one author, or a settings entry that makes them one: authors: [{ name: "…", also: ["…"] }]', "author page");
}
