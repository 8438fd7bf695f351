/**
 * What each page template prints, one view per page: the only data a page's HTML is made from
 * besides the site's settings, so a page whose view has not changed need not be rendered again
 * (see src/lib/eleventy/rendered-pages.ts).
 */
import type { DateView } from "../model/dates.ts";
import type { ArticleView } from "../model/story-view.ts";
import type { SiteSettings } from "../model/site.ts";
import { articleJsonLd, articleMetadata, serializeJsonLd, type ArticleMetadata } from "../outputs/structured-data.ts";
import type { FeedLink } from "../outputs/feeds.ts";
import type { ArchivePage } from "./archives.ts";
import type { Newsroom } from "./newsroom.ts";
import type { ListPage } from "./pagination.ts";
import { relatedStories } from "./related.ts";

export interface StoryPageView {
  url: string;
  article: ArticleView;
  /** The head's canonical URL, Open Graph and Twitter tags, and JSON-LD, for search engines and link previews. */
  metadata: ArticleMetadata;
  structuredData: string;
  /** Its topics as the site spells them, and related stories. */
  topics: { name: string; url: string }[];
  related: ArticleView[];
}

export interface TopicPageView extends ListPage<ArticleView> {
  topic: { name: string; url: string; storyCount: number };
  /** The topic's own feeds, announced beside the site's. */
  feedLinks: FeedLink[];
}

/** A year, month or day of the archive; only a day's page lists its stories. */
export type ArchivePageView = Omit<ArchivePage, "stories"> & { storyCount: number; stories: ArticleView[] };

/** The notice at a withdrawn story's address: who withdrew it, and when. */
export interface WithdrawnPageView {
  url: string;
  source: string;
  withdrawn: Pick<DateView, "datetime" | "display">;
}

/** Every page of the site that there is one of per story, list page or period, by template. */
export interface PageViews {
  stories: StoryPageView[];
  withdrawn: WithdrawnPageView[];
  news: ListPage<ArticleView>[];
  topics: TopicPageView[];
  archive: ArchivePageView[];
}

/**
 * The views of the newsroom's pages. Two stories on one URL (an error the report names) get one
 * page, the first's (a story's before a withdrawn one's notice), so a build reaches that report
 * rather than a clash of output files; URLs are compared without case, as case-blind file
 * systems and hosts would merge them.
 */
export function pageViews(newsroom: Newsroom, site: SiteSettings): PageViews {
  const related = relatedStories(newsroom.stories, newsroom.topics);
  const topicNames = new Map(newsroom.topics.map((topic) => [topic.key, topic.name]));
  const claimed = new Set<string>();
  const claim = ({ url }: { url: string }) => !claimed.has(url.toLowerCase()) && claimed.add(url.toLowerCase());
  const stories = newsroom.stories.filter(claim);
  const withdrawn = newsroom.withdrawn.filter(claim);
  return {
    stories: stories.map((article) => ({
      url: article.url,
      article,
      metadata: articleMetadata(article, site),
      structuredData: serializeJsonLd(articleJsonLd(article, site)),
      topics: article.topics.map(({ key, name, url }) => ({ name: topicNames.get(key) ?? name, url })),
      related: related.get(article.url) ?? [],
    })),
    withdrawn: withdrawn.map(({ url, source, withdrawn: { datetime, display } }) => ({ url, source, withdrawn: { datetime, display } })),
    news: newsroom.newsPages,
    topics: newsroom.topicPages.map(({ topic, ...page }) => ({ ...page, topic: { name: topic.name, url: topic.url, storyCount: topic.stories.length } })),
    archive: newsroom.archive.pages.map((page) => ({ ...page, storyCount: page.stories.length, stories: page.kind === "day" ? page.stories : [] })),
  };
}
