import type { ArticleView } from "../model/story-view.ts";
import type { DateView } from "../model/dates.ts";

/**
 * When a story last changed: its latest update or correction, else its publication. Feeds,
 * sitemaps and structured data all tell readers and crawlers the same moment.
 */
export function lastModified({ published, updated, corrections }: Pick<ArticleView, "published" | "updated" | "corrections">): DateView {
  const changes = [published, ...(updated ? [updated] : []), ...corrections.map(({ date }) => date)];
  return changes.reduce((latest, date) => (date.epochMs > latest.epochMs ? date : latest));
}

/** The newest change among stories, for a page that lists them; undefined for none. */
export function newestModified(stories: readonly Pick<ArticleView, "published" | "updated" | "corrections">[]): DateView | undefined {
  return stories.map(lastModified).reduce<DateView | undefined>((newest, date) => (newest && newest.epochMs >= date.epochMs ? newest : date), undefined);
}
