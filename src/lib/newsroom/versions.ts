import type { Edition } from "../model/editions.ts";
import type { ArticleView } from "../model/story-view.ts";
import { translationRoots, type StoryVersion } from "../model/translations.ts";
import { groupBy } from "./group-by.ts";

/**
 * Each shown story's versions, itself among them, in the editions' order, by story URL: the
 * original and its translations (see translationRoots). A story with no shown translation has no entry.
 */
export function storyVersions(stories: readonly ArticleView[], editions: readonly Pick<Edition, "lang">[]): Map<string, StoryVersion[]> {
  const roots = translationRoots(stories);
  const order = (story: ArticleView) => editions.findIndex(({ lang }) => lang === story.edition);
  const versions = new Map<string, StoryVersion[]>();
  for (const [root, group] of groupBy(stories, (story) => roots.get(story)!)) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => order(a) - order(b));
    const fallback = sorted.find((story) => order(story) === 0) ?? sorted.find((story) => story.stem === root) ?? sorted[0]!;
    const list = sorted.map((story) => ({ lang: story.edition, url: story.url, isDefault: story === fallback, isOriginal: story.stem === root }));
    for (const story of sorted) versions.set(story.url, list);
  }
  return versions;
}
