import type { ArticleView } from "../model/story-view.ts";
import { lastModified, newestModified } from "./last-modified.ts";
import type { BuildSettings } from "../model/publishing.ts";
import type { SiteSettings } from "../model/site.ts";
import { absoluteUrl } from "../model/site-urls.ts";
import { SITEMAP_LIMITS, sitemapPartUrl, storiesSitemapUrl } from "../model/urls.ts";
import { xmlElement, xmlText } from "./xml.ts";
import type { Edition } from "../model/editions.ts";
import { newestMoment } from "../model/dates.ts";
import type { StoryVersion } from "../model/translations.ts";

/** A published page as the sitemap lists it: its site path and when its content last changed. */
export interface SitemapEntry {
  url: string;
  /** RFC 3339 with an offset; left out where nothing dated is shown (an empty list). */
  lastmod?: string;
  /** The page in every edition that has it, itself included: a story and its translations. */
  versions?: readonly StoryVersion[];
}

/** A sitemap the index names: where it is published, its text, and its newest lastmod (none where nothing in it is dated). */
export interface SitemapFile {
  url: string;
  text: string;
  lastmod?: string;
}

/** Where the sitemap index is published, as a site path; each edition's pages and news sitemaps are in its folder (pagesSitemapUrl, newsSitemapUrl). */
export const SITEMAP_PATHS = { index: "/sitemap.xml" } as const;

/** Google News lists only stories published in the last two days, at most 1,000 per sitemap. */
const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
const NEWS_LIMIT = 1000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
const XHTML_NS = "http://www.w3.org/1999/xhtml";

/** A story's page changed when the story last did; its translations are its alternates. */
function storySitemapEntry(article: ArticleView, versions?: readonly StoryVersion[]): SitemapEntry {
  return { url: article.url, lastmod: lastModified(article).iso, ...(versions ? { versions } : {}) };
}

/** The `<xhtml:link rel="alternate" hreflang>` of each version, and x-default (Google's form for a page's languages in a sitemap). */
function alternateLinks(versions: readonly StoryVersion[], site: SiteSettings): string {
  const link = (hreflang: string, url: string) => xmlElement("xhtml:link", { rel: "alternate", hreflang, href: absoluteUrl(url, site) });
  const fallback = versions.find((version) => version.isDefault);
  return versions.map(({ lang, url }) => link(lang, url)).join("") + (fallback ? link("x-default", fallback.url) : "");
}

/** A page listing stories (All news, an archive, a topic) changes when the newest of them does. */
export function listSitemapEntry(url: string, stories: readonly ArticleView[]): SitemapEntry {
  return { url, lastmod: newestModified(stories)?.iso };
}

/**
 * The sitemap of `entries` at `url`: one file, or parts (the second at `-2.xml`, and on) where
 * they are more than one may hold, each dated in the index by its newest entry.
 */
export function sitemapFiles(url: string, entries: readonly SitemapEntry[], site: SiteSettings): SitemapFile[] {
  // The xhtml namespace only where a page has versions, so a site of one edition keeps its sitemap as it was.
  const namespaces = entries.some(({ versions }) => versions) ? ` xmlns:xhtml="${XHTML_NS}"` : "";
  const head = ['<?xml version="1.0" encoding="utf-8"?>', `<urlset xmlns="${SITEMAP_NS}"${namespaces}>`];
  const tail = ["</urlset>", ""];
  const frame = Buffer.byteLength([...head, ...tail].join("\n"));
  const parts: { entries: SitemapEntry[]; urls: string[]; bytes: number }[] = [];
  for (const entry of entries) {
    const element = urlElement(entry, site);
    const bytes = Buffer.byteLength(element) + 1;
    const last = parts.at(-1);
    if (last && last.urls.length < SITEMAP_LIMITS.urls && last.bytes + bytes <= SITEMAP_LIMITS.bytes) {
      last.entries.push(entry);
      last.urls.push(element);
      last.bytes += bytes;
    } else parts.push({ entries: [entry], urls: [element], bytes: frame + bytes });
  }
  if (parts.length === 0) parts.push({ entries: [], urls: [], bytes: frame });
  return parts.map((part, at) => ({
    url: at === 0 ? url : sitemapPartUrl(url, at + 1),
    text: [...head, ...part.urls, ...tail].join("\n"),
    lastmod: newestMoment(part.entries.flatMap(({ lastmod }) => lastmod ?? [])),
  }));
}

/**
 * An edition's stories' sitemaps, one a month (as the archive files a story), the newest month
 * first: a publish changes its month's alone, and crawlers fetch only the months the index dates anew.
 */
export function storySitemaps(editionPath: string, stories: readonly ArticleView[], versions: ReadonlyMap<string, readonly StoryVersion[]>, site: SiteSettings): SitemapFile[] {
  const months = new Map<string, SitemapEntry[]>();
  for (const story of stories) {
    const url = storiesSitemapUrl(editionPath, story.published.day);
    const entry = storySitemapEntry(story, versions.get(story.url));
    const month = months.get(url);
    if (month) month.push(entry);
    else months.set(url, [entry]);
  }
  return [...months].flatMap(([url, entries]) => sitemapFiles(url, entries, site));
}

function urlElement({ url, lastmod, versions }: SitemapEntry, site: SiteSettings): string {
  return xmlElement("url", {}, xmlText("loc", absoluteUrl(url, site)) + (lastmod === undefined ? "" : xmlText("lastmod", lastmod)) + (versions ? alternateLinks(versions, site) : ""));
}

/** The stories a news sitemap lists at this build: published within two days before it, newest first. */
function newsSitemapStories(stories: readonly ArticleView[], build: BuildSettings): ArticleView[] {
  return stories
    .filter(({ published }) => published.epochMs <= build.epochMs && published.epochMs >= build.epochMs - NEWS_WINDOW_MS)
    .sort((a, b) => b.published.epochMs - a.published.epochMs)
    .slice(0, NEWS_LIMIT);
}

/** An edition's news sitemap, dated in the index by the last change of the newest-changed story it lists. */
export function newsSitemap(url: string, stories: readonly ArticleView[], site: SiteSettings, build: BuildSettings, edition: Pick<Edition, "lang">): SitemapFile {
  return { url, text: newsSitemapXml(stories, site, build, edition), lastmod: newestModified(newsSitemapStories(stories, build))?.iso };
}

/** An edition's news sitemap: its own stories, in its language. */
function newsSitemapXml(stories: readonly ArticleView[], site: SiteSettings, build: BuildSettings, edition: Pick<Edition, "lang">): string {
  const publication = xmlElement("news:publication", {}, xmlText("news:name", site.name) + xmlText("news:language", edition.lang));
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

/** The sitemaps.org index naming every sitemap by absolute URL, each with its newest lastmod, so crawlers fetch only those that changed. */
export function sitemapIndexXml(sitemaps: readonly Omit<SitemapFile, "text">[], site: SiteSettings): string {
  const entries = sitemaps.map(({ url, lastmod }) =>
    xmlElement("sitemap", {}, xmlText("loc", absoluteUrl(url, site)) + (lastmod === undefined ? "" : xmlText("lastmod", lastmod))),
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', `<sitemapindex xmlns="${SITEMAP_NS}">`, ...entries, "</sitemapindex>", ""].join("\n");
}

/** Lets every crawler in and names the sitemap index by absolute URL, as robots.txt requires; the index names every other sitemap. */
export function robotsTxt(site: SiteSettings): string {
  return ["User-agent: *", "Disallow:", "", `Sitemap: ${absoluteUrl(SITEMAP_PATHS.index, site)}`, ""].join("\n");
}
