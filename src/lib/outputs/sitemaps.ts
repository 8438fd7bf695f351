import type { ArticleView } from "../model/story-view.ts";
import { lastModified, newestModified } from "./last-modified.ts";
import type { BuildSettings } from "../model/publishing.ts";
import type { SiteSettings } from "../model/site.ts";
import { absoluteUrl } from "../model/site-urls.ts";
import { xmlElement, xmlText } from "./xml.ts";

/** A published page as the sitemap lists it: its site path and when its content last changed. */
export interface SitemapEntry {
  url: string;
  /** RFC 3339 with an offset; left out where nothing dated is shown (an empty list). */
  lastmod?: string;
}

/** Where the sitemaps are published, as site paths. */
export const SITEMAP_PATHS = { sitemap: "/sitemap.xml", news: "/news-sitemap.xml" } as const;

/** Google News lists only stories published in the last two days, at most 1,000 per sitemap. */
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
const NEWS_LIMIT = 1000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/** A story's page changed when the story last did. */
export function storySitemapEntry(article: ArticleView): SitemapEntry {
  return { url: article.url, lastmod: lastModified(article).iso };
}

/** A page listing stories (All news, an archive, a topic) changes when the newest of them does. */
export function listSitemapEntry(url: string, stories: readonly ArticleView[]): SitemapEntry {
  return { url, lastmod: newestModified(stories)?.iso };
}

export function sitemapXml(entries: readonly SitemapEntry[], site: SiteSettings): string {
  const urls = entries.map(({ url, lastmod }) =>
    xmlElement("url", {}, xmlText("loc", absoluteUrl(url, site)) + (lastmod === undefined ? "" : xmlText("lastmod", lastmod))),
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', `<urlset xmlns="${SITEMAP_NS}">`, ...urls, "</urlset>", ""].join("\n");
}

/** The stories a news sitemap lists at this build: published within two days before it, newest first. */
export function newsSitemapStories(stories: readonly ArticleView[], build: BuildSettings): ArticleView[] {
  return stories
    .filter(({ published }) => published.epochMs <= build.epochMs && published.epochMs >= build.epochMs - NEWS_WINDOW_MS)
    .sort((a, b) => b.published.epochMs - a.published.epochMs)
    .slice(0, NEWS_LIMIT);
}

export function newsSitemapXml(stories: readonly ArticleView[], site: SiteSettings, build: BuildSettings): string {
  const publication = xmlElement("news:publication", {}, xmlText("news:name", site.name) + xmlText("news:language", site.language));
  const urls = newsSitemapStories(stories, build).map((story) =>
    xmlElement(
      "url",
      {},
      xmlText("loc", absoluteUrl(story.url, site)) +
        xmlElement("news:news", {}, publication + xmlText("news:publication_date", story.published.iso) + xmlText("news:title", story.headline)),
    ),
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...urls, "</urlset>", ""].join("\n");
}

/** Lets every crawler in and names both sitemaps by absolute URL, as robots.txt requires. */
export function robotsTxt(site: SiteSettings): string {
  return [
    "User-agent: *",
    "Disallow:",
    "",
    `Sitemap: ${absoluteUrl(SITEMAP_PATHS.sitemap, site)}`,
    `Sitemap: ${absoluteUrl(SITEMAP_PATHS.news, site)}`,
    "",
  ].join("\n");
}
