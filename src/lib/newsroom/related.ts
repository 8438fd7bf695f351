import type { ArticleView } from "../model/story-view.ts";
import type { Topic } from "./topics.ts";

/** The order stories are listed in everywhere: newest first, then by URL (see collectArticles). */
const listedBefore = (a: ArticleView, b: ArticleView): boolean =>
  a.published.epochMs > b.published.epochMs || (a.published.epochMs === b.published.epochMs && a.url.localeCompare(b.url) < 0);

/**
 * The `limit` stories sharing the most of `lists` with `story`, the newest first among equals.
 * The lists (its topics' stories) are in listing order, so walking them together meets each
 * story's entries one after another: its count is known at once, and the walk ends as soon as
 * no story still to come could rank higher, which for most stories is after a few steps.
 */
function mostShared(story: ArticleView, lists: readonly (readonly ArticleView[])[], limit: number): ArticleView[] {
  const at = lists.map(() => 0);
  const top: { story: ArticleView; shared: number }[] = [];
  for (;;) {
    let next: ArticleView | undefined;
    lists.forEach((list, index) => {
      const head = list[at[index]!];
      if (head && (!next || listedBefore(head, next))) next = head;
    });
    if (!next) break;
    let shared = 0;
    lists.forEach((list, index) => {
      if (list[at[index]!] === next) {
        shared += 1;
        at[index]! += 1;
      }
    });
    if (next === story) continue;
    const place = top.findIndex((kept) => kept.shared < shared);
    if (place !== -1 || top.length < limit) top.splice(place === -1 ? top.length : place, 0, { story: next, shared });
    if (top.length > limit) top.pop();
    // Every story still to come is older, so it could only rank higher by sharing more topics.
    if (top.length === limit && top[limit - 1]!.shared === lists.length) break;
  }
  return top.map((kept) => kept.story);
}

/**
 * Each story's related stories: those sharing the most topics with it, then the newest, at most
 * `limit`. Keyed by story URL. Each topic's stories are in listing order, as buildTopics keeps them.
 */
export function relatedStories(topics: readonly Topic[], limit = 3): Map<string, ArticleView[]> {
  const storiesOf = new Map(topics.map((topic) => [topic.key, topic.stories]));
  const related = new Map<string, ArticleView[]>();
  for (const topic of topics) {
    for (const story of topic.stories) {
      if (related.has(story.url)) continue;
      const lists = [...new Set(story.topics.map(({ key }) => key))].map((key) => storiesOf.get(key) ?? []);
      related.set(story.url, mostShared(story, lists, limit));
    }
  }
  return related;
}
