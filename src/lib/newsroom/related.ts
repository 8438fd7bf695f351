import type { ArticleView } from "../model/story-view.ts";
import type { Topic } from "./topics.ts";

/**
 * Each story's related stories: those sharing the most topics with it, then the newest, at most
 * `limit`. Keyed by story URL. Only stories sharing a topic are ever compared.
 */
export function relatedStories(topics: readonly Topic[], limit = 3): Map<string, ArticleView[]> {
  const storiesOf = new Map(topics.map((topic) => [topic.key, topic.stories]));
  const related = new Map<string, ArticleView[]>();
  for (const topic of topics) {
    for (const story of topic.stories) {
      if (related.has(story.url)) continue;
      const shared = new Map<ArticleView, number>();
      for (const { key } of story.topics) {
        for (const other of storiesOf.get(key) ?? []) {
          if (other !== story) shared.set(other, (shared.get(other) ?? 0) + 1);
        }
      }
      related.set(story.url, best(shared, limit));
    }
  }
  return related;
}

/** The `limit` best of the candidates without sorting them all: a topic may hold thousands. */
function best(shared: Map<ArticleView, number>, limit: number): ArticleView[] {
  const top: [ArticleView, number][] = [];
  const beats = ([a, sa]: [ArticleView, number], [b, sb]: [ArticleView, number]) =>
    sa > sb || (sa === sb && a.published.epochMs > b.published.epochMs);
  for (const entry of shared) {
    if (top.length === limit && !beats(entry, top[limit - 1]!)) continue;
    const at = top.findIndex((kept) => beats(entry, kept));
    top.splice(at === -1 ? top.length : at, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top.map(([story]) => story);
}
