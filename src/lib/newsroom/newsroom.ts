import type { ArticleView, WithdrawnView } from "../model/story-view.ts";
import type { CollectedStories } from "../story/collect-stories.ts";
import { buildArchive, type Archive } from "./archives.ts";
import { allNewsUrl, archiveUrl, editionHome, listPageUrl, newsSitemapUrl, pagesSitemapUrl, topicsUrl } from "../model/urls.ts";
import type { Edition } from "../model/editions.ts";
import { atomFeed, authorFeedChannel, feedLinks, jsonFeed, rssFeed, siteFeedChannel, topicFeedChannel, type FeedChannel, type FeedLink } from "../outputs/feeds.ts";
import { authorClashes, buildAuthors, type Author } from "./authors.ts";
import { frontPage, frontPageStories, type FrontPage } from "./front-page.ts";
import { paginate, type ListPage } from "./pagination.ts";
import { sortProblems } from "../model/problems.ts";
import type { BuildSettings } from "../model/publishing.ts";
import type { SiteSettings } from "../model/site.ts";
import { listSitemapEntry, newsSitemap, robotsTxt, SITEMAP_PATHS, sitemapFiles, sitemapIndexXml, storySitemaps } from "../outputs/sitemaps.ts";
import { problemGroups, type ProblemGroup, type StoryReport } from "../model/story-report.ts";
import { buildTopics, topicClashes, type Topic } from "./topics.ts";
import type { StoryVersion } from "../model/translations.ts";
import { storyVersions } from "./versions.ts";

export interface TopicListPage extends ListPage<ArticleView> {
  topic: Topic;
  /** The topic's own feeds, announced beside the site's. */
  feedLinks: FeedLink[];
}

export interface AuthorListPage extends ListPage<ArticleView> {
  author: Author;
  /** The author's own feeds, announced beside the site's. */
  feedLinks: FeedLink[];
}

/** A machine-readable file the site publishes (feed, sitemap, robots.txt): where, and its text. */
export interface PublishedFile {
  url: string;
  text: string;
}

/** One edition's lists, made from its stories alone: nothing of one edition is in another's. */
export interface EditionNewsroom {
  edition: Edition;
  stories: ArticleView[];
  /** The edition's home: its lead, top stories, topic sections and latest stories. */
  frontPage: FrontPage;
  newsPages: ListPage<ArticleView>[];
  archive: Archive;
  topics: Topic[];
  topicPages: TopicListPage[];
  /** Everyone the edition's bylines name, each with their pages. */
  authors: Author[];
  authorPages: AuthorListPage[];
  /** The edition's feeds, announced on each of its pages. */
  feedLinks: FeedLink[];
  feedChannel: FeedChannel;
}

/** Every list, link and machine-readable file the site publishes, computed once per build. */
export interface Newsroom {
  /** Every edition's stories, newest first. */
  stories: ArticleView[];
  /** Withdrawn stories: each keeps a notice at its address, and is in no list, feed or sitemap. */
  withdrawn: WithdrawnView[];
  /** The editions' lists, the default edition first. */
  editions: EditionNewsroom[];
  /** Each story's versions in the editions (itself among them), by URL; a story with no translation has none. */
  versions: Map<string, StoryVersion[]>;
  files: PublishedFile[];
  /** What the build read of its stories: their problems, the stories withheld, the next embargo. */
  report: StoryReport;
  /** The report's problems as the dev server's panel lists them. */
  problemGroups: ProblemGroup[];
}

function feedFiles(channel: FeedChannel, stories: readonly ArticleView[], site: SiteSettings, edition: Edition): PublishedFile[] {
  return [
    { url: channel.rss, text: rssFeed(channel, stories, site, edition) },
    { url: channel.atom, text: atomFeed(channel, stories, site, edition) },
    { url: channel.json, text: jsonFeed(channel, stories, site, edition) },
  ];
}

/** One edition's front page, All news, topics, authors, archive and feeds, from its own stories. */
function editionNewsroom(edition: Edition, stories: ArticleView[], site: SiteSettings): EditionNewsroom {
  const topics = buildTopics(stories, edition.lang);
  const topicChannels = topics.map((topic) => topicFeedChannel(topic, site, edition));
  const authors = buildAuthors(stories, edition.lang);
  const feedChannel = siteFeedChannel(site, edition);
  return {
    edition,
    stories,
    frontPage: frontPage(stories, topics, site.frontPage.topics[edition.lang] ?? [], site.frontPage),
    newsPages: paginate(stories, site.pageSize, (key) => listPageUrl(allNewsUrl(edition.path), key)),
    archive: buildArchive(stories, edition),
    topics,
    topicPages: topics.flatMap((topic, index) =>
      paginate(topic.stories, site.pageSize, (key) => listPageUrl(topic.url, key)).map((page) => ({ ...page, topic, feedLinks: feedLinks(topicChannels[index]!) })),
    ),
    authors,
    authorPages: authors.flatMap((author) => {
      const links = feedLinks(authorFeedChannel(author, site, edition));
      return paginate(author.stories, site.pageSize, (key) => listPageUrl(author.url, key)).map((page) => ({ ...page, author, feedLinks: links }));
    }),
    feedLinks: feedLinks(feedChannel),
    feedChannel,
  };
}

/**
 * Builds every edition's list pages and feeds, and the sitemaps, from the stories this build shows,
 * newest first (never from withdrawn ones); the report gains the problems only the lists reveal
 * (two topics, or two authors, on one URL).
 */
export function buildNewsroom({ stories, withdrawn, report: storyReport }: CollectedStories, site: SiteSettings, build: BuildSettings): Newsroom {
  const editions = site.editions.map((edition) => editionNewsroom(edition, stories.filter((story) => story.edition === edition.lang), site));
  const report = { ...storyReport, errors: sortProblems([...storyReport.errors, ...editions.flatMap(({ topics, authors }) => [...topicClashes(topics), ...authorClashes(authors)])]) };
  const versions = storyVersions(stories, site.editions);

  // Each edition's sitemaps in its folder (its list pages', its stories' by month, its news sitemap); the index names them all.
  const sitemaps = editions.flatMap(({ edition, stories: own, frontPage: front, newsPages, topicPages, authorPages, archive }) => [
    ...sitemapFiles(
      pagesSitemapUrl(edition.path),
      [
        listSitemapEntry(editionHome(edition.path), frontPageStories(front)),
        ...newsPages.map((page) => listSitemapEntry(page.url, page.items)),
        listSitemapEntry(topicsUrl(edition.path), own.filter((story) => story.topics.length > 0)),
        ...topicPages.map((page) => listSitemapEntry(page.url, page.items)),
        ...authorPages.map((page) => listSitemapEntry(page.url, page.items)),
        listSitemapEntry(archiveUrl(edition.path), own),
        ...archive.pages.map((page) => listSitemapEntry(page.url, page.stories)),
      ],
      site,
    ),
    ...storySitemaps(edition.path, own, versions, site),
    newsSitemap(newsSitemapUrl(edition.path), own, site, build, edition),
  ]);

  return {
    stories,
    withdrawn,
    editions,
    versions,
    files: [
      ...editions.flatMap(({ edition, stories: own, topics, authors, feedChannel }) => [
        ...feedFiles(feedChannel, own, site, edition),
        ...topics.flatMap((topic) => feedFiles(topicFeedChannel(topic, site, edition), topic.stories, site, edition)),
        ...authors.flatMap((author) => feedFiles(authorFeedChannel(author, site, edition), author.stories, site, edition)),
      ]),
      ...sitemaps.map(({ url, text }) => ({ url, text })),
      { url: SITEMAP_PATHS.index, text: sitemapIndexXml(sitemaps, site) },
      { url: "/robots.txt", text: robotsTxt(site) },
    ],
    report,
    problemGroups: problemGroups(report),
  };
}
