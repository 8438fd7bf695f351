import type { ArticleView, WithdrawnView } from "../model/story-view.ts";
import type { CollectedStories } from "../story/collect-stories.ts";
import { buildArchive, type Archive } from "./archives.ts";
import { ARCHIVE_URL } from "../model/urls.ts";
import { atomFeed, feedLinks, jsonFeed, rssFeed, siteFeedChannel, topicFeedChannel, type FeedChannel, type FeedLink } from "../outputs/feeds.ts";
import { paginate, type ListPage } from "./pagination.ts";
import { sortProblems } from "../model/problems.ts";
import type { BuildSettings } from "../model/publishing.ts";
import type { SiteSettings } from "../model/site.ts";
import { listSitemapEntry, newsSitemapXml, robotsTxt, SITEMAP_PATHS, sitemapXml, storySitemapEntry } from "../outputs/sitemaps.ts";
import { problemGroups, type ProblemGroup, type StoryReport } from "../model/story-report.ts";
import { buildTopics, topicClashes, type Topic } from "./topics.ts";
import { TOPICS_URL } from "../model/urls.ts";

export interface TopicListPage extends ListPage<ArticleView> {
  topic: Topic;
  /** The topic's own feeds, announced beside the site's. */
  feedLinks: FeedLink[];
}

/** A machine-readable file the site publishes (feed, sitemap, robots.txt): where, and its text. */
export interface PublishedFile {
  url: string;
  text: string;
}

/** Every list, link and machine-readable file the site publishes, computed once per build. */
export interface Newsroom {
  stories: ArticleView[];
  /** Withdrawn stories: each keeps a notice at its address, and is in no list, feed or sitemap. */
  withdrawn: WithdrawnView[];
  newsPages: ListPage<ArticleView>[];
  archive: Archive;
  topics: Topic[];
  topicPages: TopicListPage[];
  /** The site's feeds, announced on every page. */
  feedLinks: FeedLink[];
  files: PublishedFile[];
  /** What the build read of its stories: their problems, the stories withheld, the next embargo. */
  report: StoryReport;
  /** The report's problems as the dev server's panel lists them. */
  problemGroups: ProblemGroup[];
}

/** Page n of a list whose first page is at `url`, e.g. "/" then "/page/2/". */
const listPageUrl = (url: string) => (number: number) => (number === 1 ? url : `${url}page/${number}/`);

function feedFiles(channel: FeedChannel, stories: readonly ArticleView[], site: SiteSettings): PublishedFile[] {
  return [
    { url: channel.rss, text: rssFeed(channel, stories, site) },
    { url: channel.atom, text: atomFeed(channel, stories, site) },
    { url: channel.json, text: jsonFeed(channel, stories, site) },
  ];
}

/**
 * Builds every list page, feed and sitemap from the stories this build shows, newest first (never
 * from withdrawn ones); the report gains the problems only the lists reveal (two topics on one URL).
 */
export function buildNewsroom({ stories, withdrawn, report: storyReport }: CollectedStories, site: SiteSettings, build: BuildSettings): Newsroom {
  const topics = buildTopics(stories);
  const report = { ...storyReport, errors: sortProblems([...storyReport.errors, ...topicClashes(topics)]) };
  const newsPages = paginate(stories, site.pageSize, listPageUrl("/"));
  const archive = buildArchive(stories);
  const topicChannels = topics.map((topic) => topicFeedChannel(topic, site));
  const topicPages = topics.flatMap((topic, index) =>
    paginate(topic.stories, site.pageSize, listPageUrl(topic.url)).map((page) => ({
      ...page,
      topic,
      feedLinks: feedLinks(topicChannels[index]!),
    })),
  );

  const sitemap = [
    ...newsPages.map((page) => listSitemapEntry(page.url, page.items)),
    ...stories.map(storySitemapEntry),
    listSitemapEntry(TOPICS_URL, stories.filter((story) => story.topics.length > 0)),
    ...topicPages.map((page) => listSitemapEntry(page.url, page.items)),
    listSitemapEntry(ARCHIVE_URL, stories),
    ...archive.pages.map((page) => listSitemapEntry(page.url, page.stories)),
  ];
  const siteChannel = siteFeedChannel(site);

  return {
    stories,
    withdrawn,
    newsPages,
    archive,
    topics,
    topicPages,
    feedLinks: feedLinks(siteChannel),
    files: [
      ...feedFiles(siteChannel, stories, site),
      ...topics.flatMap((topic, index) => feedFiles(topicChannels[index]!, topic.stories, site)),
      { url: SITEMAP_PATHS.sitemap, text: sitemapXml(sitemap, site) },
      { url: SITEMAP_PATHS.news, text: newsSitemapXml(stories, site, build) },
      { url: "/robots.txt", text: robotsTxt(site) },
    ],
    report,
    problemGroups: problemGroups(report),
  };
}
