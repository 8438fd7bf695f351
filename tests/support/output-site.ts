/** A small built site whose feeds, sitemaps, robots.txt and JSON-LD are all right, for the site check's tests to spoil. */
import { atomFeed, feedLinks, jsonFeed, rssFeed, siteFeedChannel, topicFeedChannel } from "../../src/lib/outputs/feeds.ts";
import { storyTopics } from "../../src/lib/model/topic-refs.ts";
import { relativeUrl } from "../../src/lib/model/urls.ts";
import { listSitemapEntry, newsSitemap, sitemapFiles, robotsTxt, sitemapIndexXml, storySitemaps } from "../../src/lib/outputs/sitemaps.ts";
import { articleJsonLd, serializeJsonLd } from "../../src/lib/outputs/structured-data.ts";
import { ALL_NEWS, buildAt, english, site, story } from "./story-views.ts";

const seed = story();
const topic = storyTopics(["North Korea"], "")[0]!;
export const siteChannel = siteFeedChannel(site, english);
const topicChannel = topicFeedChannel(topic, site, english);

/** A page at `url` (a site path) with its feed links made relative, as the build does. */
export function sitePage(url: string, channel = siteChannel, head = ""): string {
  const links = feedLinks(channel).map(({ type, title, href }) => `<link rel="alternate" type="${type}" title="${title}" href="${relativeUrl(href, url)}">`);
  return `<!doctype html>\n<html lang="en">\n<head>\n<title>Page</title>\n${links.join("\n")}\n${head}</head>\n<body><p>Text</p></body>\n</html>\n`;
}

/** A small built site whose outputs are all right, written by the output modules themselves. */
export function goodSite(): Record<string, string> {
  const sitemaps = [
    ...sitemapFiles("/pages-sitemap.xml", [listSitemapEntry("/", [seed]), listSitemapEntry(topic.url, [seed])], site),
    ...storySitemaps("", [seed], new Map(), site),
    newsSitemap("/news-sitemap.xml", [seed], site, buildAt("2013-09-03T00:00:00Z"), english),
  ];
  return {
    "index.html": sitePage("/index.html"),
    "404.html": sitePage("/404.html"),
    "news/moscow-denuclearization-talks.html": sitePage(seed.url, siteChannel, `<script type="application/ld+json">${serializeJsonLd(articleJsonLd(seed, site, english, ALL_NEWS))}</script>\n`),
    "topics/north-korea/index.html": sitePage("/topics/north-korea/index.html", topicChannel),
    "feed.xml": rssFeed(siteChannel, [seed], site, english),
    "atom.xml": atomFeed(siteChannel, [seed], site, english),
    "feed.json": jsonFeed(siteChannel, [seed], site, english),
    "topics/north-korea/feed.xml": rssFeed(topicChannel, [seed], site, english),
    "topics/north-korea/atom.xml": atomFeed(topicChannel, [seed], site, english),
    "topics/north-korea/feed.json": jsonFeed(topicChannel, [seed], site, english),
    ...Object.fromEntries(sitemaps.map(({ url, text }) => [url.slice(1), text])),
    "sitemap.xml": sitemapIndexXml(sitemaps, site),
    "robots.txt": robotsTxt(site),
  };
}
