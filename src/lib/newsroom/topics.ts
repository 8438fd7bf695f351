import type { ArticleView } from "../model/story-view.ts";
import { groupBy } from "./group-by.ts";
import type { Problem } from "../model/problems.ts";
import { pageClashes } from "./page-clashes.ts";

/** A topic's page: every story that carries it, under the spelling editors use most. */
export interface Topic {
  key: string;
  name: string;
  slug: string;
  url: string;
  stories: ArticleView[];
}

/** The topics of the given stories (newest first), sorted by name in the edition's language; spellings of one topic are merged. */
export function buildTopics(stories: readonly ArticleView[], lang: string): Topic[] {
  const tagged = stories.flatMap((story) => story.topics.map((topic) => ({ topic, story })));
  const topics = [...groupBy(tagged, ({ topic }) => topic.key).values()].map((uses) => {
    const first = uses[0]!.topic;
    return { key: first.key, name: mostUsedSpelling(uses.map(({ topic }) => topic.name)), slug: first.slug, url: first.url, stories: uses.map(({ story }) => story) };
  });
  return topics.sort((a, b) => a.name.localeCompare(b.name, lang) || a.key.localeCompare(b.key));
}

/**
 * Different topics whose names make the same URL (the slug rule drops accents and punctuation:
 * "U.S. politics" and "U S politics"). Spellings that differ only in case or spacing are one topic and never clash.
 */
export function topicClashes(topics: readonly Topic[]): Problem[] {
  return pageClashes(topics, "tags", "WD155", "one spelling for one topic, or names that differ in more than accents and punctuation", "topic page");
}

/** The spelling most stories use; on a tie, the one with more capitals ("Site help" over "site help"), then the newest. */
function mostUsedSpelling(names: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const capitals = (name: string) => name.replace(/[^\p{Lu}]/gu, "").length;
  return [...counts].reduce((best, entry) =>
    entry[1] > best[1] || (entry[1] === best[1] && capitals(entry[0]) > capitals(best[0])) ? entry : best,
  )[0];
}
