/**
 * An edition's front page: what leads, what follows, and in what order. Editors rank a story with
 * its `priority` (1 most important to 9, as IPTC urgency); the page knows nothing else of them.
 */
import type { FrontPageSettings } from "../model/site.ts";
import type { ArticleView } from "../model/story-view.ts";
import { topicKey } from "../model/topic-refs.ts";
import type { Topic } from "./topics.ts";

/** What a story without a priority ranks as: IPTC's middle urgency, so an editor can rank a story above or below the run of the news. */
const DEFAULT_PRIORITY = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** How wide the top stories' small photos are laid out (site.css, `.front-top img`), for the browser's pick from their srcset. */
export const THUMBNAIL_SIZES = "8rem";

/** A topic's section: its newest stories not shown higher on the page. */
export interface FrontPageSection {
  topic: { name: string; url: string };
  stories: ArticleView[];
}

export interface FrontPage {
  /** None only when the edition has no story. */
  lead?: ArticleView;
  top: ArticleView[];
  sections: FrontPageSection[];
  latest: ArticleView[];
}

const priorityOf = (story: ArticleView): number => story.priority ?? DEFAULT_PRIORITY;

/**
 * The front page of an edition's stories (newest first) and topics. The recent stories (published
 * within `recentDays` of the newest, so a quiet desk's page never empties and an old lead never
 * stays) are ranked by priority, then newest; older ones follow, newest first. The lead is the
 * first of that order, but within its priority a recent story with a photo leads before one
 * without: so with no priority at all, the newest recent story with a photo leads. The top stories are the next in
 * that order. Each topic of `topicNames`, in that order, gets a section of its newest stories;
 * then the latest stories close the page. A story is shown once: a section or the latest leave
 * out what is shown above them, and a section with nothing left to show is left out, as is a
 * topic no story has.
 */
export function frontPage(stories: readonly ArticleView[], topics: readonly Topic[], topicNames: readonly string[], settings: FrontPageSettings): FrontPage {
  const newest = stories[0];
  if (newest === undefined) return { top: [], sections: [], latest: [] };
  const since = newest.published.epochMs - settings.recentDays * DAY_MS;
  const recent = stories.filter((story) => story.published.epochMs >= since);
  // Array.prototype.sort is stable: stories of one priority stay newest first.
  const byPriority = [...recent].sort((a, b) => priorityOf(a) - priorityOf(b));
  const ranked = [...byPriority, ...stories.filter((story) => story.published.epochMs < since)];
  const first = byPriority[0]!;
  const lead = byPriority.find((story) => priorityOf(story) === priorityOf(first) && story.photo !== undefined) ?? first;

  const shown = new Set<ArticleView>([lead]);
  const take = (from: readonly ArticleView[], count: number): ArticleView[] => {
    const taken = from.filter((story) => !shown.has(story)).slice(0, count);
    for (const story of taken) shown.add(story);
    return taken;
  };
  const top = take(ranked, settings.topStories);
  const byKey = new Map(topics.map((topic) => [topic.key, topic]));
  const sections = topicNames.flatMap((name): FrontPageSection[] => {
    const topic = byKey.get(topicKey(name));
    if (topic === undefined) return [];
    const own = take(topic.stories, settings.topicStories);
    return own.length === 0 ? [] : [{ topic: { name: topic.name, url: topic.url }, stories: own }];
  });
  return { lead, top, sections, latest: take(stories, settings.latestStories) };
}

/** Every story the page shows, top to bottom. */
export function frontPageStories({ lead, top, sections, latest }: FrontPage): ArticleView[] {
  return [...(lead ? [lead] : []), ...top, ...sections.flatMap(({ stories }) => stories), ...latest];
}
