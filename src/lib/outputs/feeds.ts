import { DateTime } from "luxon";
import type { ArticleView } from "../model/story-view.ts";
import { feedItem, type FeedItem, type FeedPhoto } from "./feed-items.ts";
import type { SiteSettings } from "../model/site.ts";
import { editionHome } from "../model/urls.ts";
import { fillPattern, type Edition } from "../model/editions.ts";
import { absoluteUrl } from "../model/site-urls.ts";
import { stableId } from "./stable-ids.ts";
import type { TopicRef } from "../model/topic-refs.ts";
import { escapeXml, xmlElement, xmlText } from "./xml.ts";

/** One feed in its three formats: what it is called and where it and its HTML page are, as site paths. */
export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed follows: "/" for All news, a topic's or an author's url for theirs. */
  page: string;
  rss: string;
  atom: string;
  json: string;
}

/** A `<link rel="alternate">` a page carries for each format of its feed. */
export interface FeedLink {
  type: string;
  title: string;
  href: string;
}

const FEED_FILES = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;
const MEDIA_TYPES = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" } as const;

function channelAt(folder: string, page: string, title: string, description: string): FeedChannel {
  return { title, description, page, rss: folder + FEED_FILES.rss, atom: folder + FEED_FILES.atom, json: folder + FEED_FILES.json };
}

/** An edition's feed, beside its All news page. */
export function siteFeedChannel(site: SiteSettings, edition: Edition): FeedChannel {
  const home = editionHome(edition.path);
  return channelAt(home, home, fillPattern(edition.strings.feedTitle, { site: site.name }), edition.strings.description);
}

/** A topic's feed, in the topic's folder beside its page. */
export function topicFeedChannel(topic: Pick<TopicRef, "name" | "url">, site: SiteSettings, edition: Edition): FeedChannel {
  const slots = { topic: topic.name, site: site.name };
  return channelAt(topic.url, topic.url, fillPattern(edition.strings.topicFeedTitle, slots), fillPattern(edition.strings.topicDescription, slots));
}

/** An author's feed, in the author's folder beside their page. */
export function authorFeedChannel(author: { name: string; url: string }, site: SiteSettings, edition: Edition): FeedChannel {
  const slots = { author: author.name, site: site.name };
  return channelAt(author.url, author.url, fillPattern(edition.strings.authorFeedTitle, slots), fillPattern(edition.strings.authorDescription, slots));
}

/** The alternate links for a page's `<head>`, site paths like every template link. */
export function feedLinks(channel: FeedChannel): FeedLink[] {
  return [
    { type: MEDIA_TYPES.rss, title: `${channel.title} (RSS)`, href: channel.rss },
    { type: MEDIA_TYPES.atom, title: `${channel.title} (Atom)`, href: channel.atom },
    { type: MEDIA_TYPES.json, title: `${channel.title} (JSON Feed)`, href: channel.json },
  ];
}

/**
 * The feed's stories and its own updated time: the newest change among them, never the build's
 * time, so a feed whose stories did not change is byte-identical from one build to the next.
 * An empty feed says 1970, the one moment that needs no story.
 */
function feedContent(stories: readonly ArticleView[], site: SiteSettings, edition: Edition): { items: FeedItem[]; updated: string } {
  const items = stories.slice(0, site.feedSize).map((story) => feedItem(story, site, edition));
  const newest = items.reduce<FeedItem | undefined>((latest, item) => (latest && latest.modifiedMs >= item.modifiedMs ? latest : item), undefined);
  return { items, updated: newest?.modified ?? "1970-01-01T00:00:00Z" };
}

/** RSS dates are RFC 822, here with the dateline's own offset, e.g. "Mon, 02 Sep 2013 00:00:00 +0400". */
function rfc822(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).toRFC2822() ?? "";
}

const lines = (...parts: string[]): string => parts.filter((part) => part !== "").join("\n");

/**
 * The photo as Media RSS, each of its words in its own element so a reader can show them apart:
 * what it shows (its alt text) as the title, the caption as the description, the credit as the credit.
 */
function mediaContent(photo: FeedPhoto): string {
  return xmlElement(
    "media:content",
    { url: photo.url, type: photo.mediaType, medium: "image", width: photo.width, height: photo.height },
    xmlText("media:title", photo.alt, { type: "plain" }) +
      (photo.caption === undefined ? "" : xmlText("media:description", photo.caption, { type: "plain" })) +
      xmlText("media:credit", photo.credit),
  );
}

/**
 * A story's element in every feed of one format it is in, made once: it is in its edition's feeds
 * and in each of its topics' and authors', and escaping its whole text for each was most of the
 * newsroom's feeds.
 */
function madeOnce(made: WeakMap<FeedItem, string>, story: FeedItem, make: (story: FeedItem) => string): string {
  let text = made.get(story);
  if (text === undefined) made.set(story, (text = make(story)));
  return text;
}

const rssItems = new WeakMap<FeedItem, string>();
const atomEntries = new WeakMap<FeedItem, string>();

const rssItem = (story: FeedItem): string =>
  lines(
    "<item>",
    xmlText("title", story.title),
    xmlText("link", story.url),
    xmlText("guid", story.id, { isPermaLink: "false" }),
    xmlText("pubDate", rfc822(story.published)),
    story.lang === undefined ? "" : xmlText("dc:language", story.lang),
    ...story.authors.map((author) => xmlText("dc:creator", author.name)),
    ...story.topics.map((topic) => xmlText("category", topic.name)),
    xmlText("description", story.summary),
    xmlText("content:encoded", story.contentHtml),
    story.photo ? mediaContent(story.photo) : "",
    "</item>",
  );

const atomEntry = (story: FeedItem): string =>
  lines(
    story.lang === undefined ? "<entry>" : `<entry xml:lang="${escapeXml(story.lang)}">`,
    xmlText("id", story.id),
    xmlText("title", story.title, { type: "text" }),
    xmlElement("link", { rel: "alternate", type: "text/html", href: story.url }),
    xmlText("published", story.published),
    xmlText("updated", story.modified),
    ...story.authors.map((author) => xmlElement("author", {}, xmlText("name", author.name) + (author.url === undefined ? "" : xmlText("uri", author.url)))),
    ...story.topics.map((topic) => xmlElement("category", { term: topic.term, label: topic.name })),
    story.photo ? xmlElement("link", { rel: "enclosure", type: story.photo.mediaType, href: story.photo.url, title: story.photo.alt }) : "",
    xmlText("summary", story.summary, { type: "text" }),
    xmlText("content", story.contentHtml, { type: "html" }),
    "</entry>",
  );

/** RSS 2.0: the photo as Media RSS, which, unlike `<enclosure>`, needs no byte length. */
export function rssFeed(channel: FeedChannel, stories: readonly ArticleView[], site: SiteSettings, edition: Edition): string {
  const { items, updated } = feedContent(stories, site, edition);
  return lines(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    "<channel>",
    xmlText("title", channel.title),
    xmlText("link", absoluteUrl(channel.page, site)),
    xmlText("description", channel.description),
    xmlText("language", edition.lang),
    items.length > 0 ? xmlText("lastBuildDate", rfc822(updated)) : "",
    xmlElement("atom:link", { href: absoluteUrl(channel.rss, site), rel: "self", type: MEDIA_TYPES.rss }),
    ...items.map((story) => madeOnce(rssItems, story, rssItem)),
    "</channel>",
    "</rss>",
    "",
  );
}

/** Atom 1.0: the photo as an enclosure link, also shown at the top of the content. */
export function atomFeed(channel: FeedChannel, stories: readonly ArticleView[], site: SiteSettings, edition: Edition): string {
  const { items, updated } = feedContent(stories, site, edition);
  return lines(
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(edition.lang)}">`,
    xmlText("id", stableId(site.name, channel.page)),
    xmlText("title", channel.title, { type: "text" }),
    xmlText("subtitle", channel.description, { type: "text" }),
    xmlText("updated", updated),
    xmlElement("link", { rel: "alternate", type: "text/html", href: absoluteUrl(channel.page, site) }),
    xmlElement("link", { rel: "self", type: MEDIA_TYPES.atom, href: absoluteUrl(channel.atom, site) }),
    xmlElement("author", {}, xmlText("name", site.name)),
    ...items.map((story) => madeOnce(atomEntries, story, atomEntry)),
    "</feed>",
    "",
  );
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeed(channel: FeedChannel, stories: readonly ArticleView[], site: SiteSettings, edition: Edition): string {
  const { items } = feedContent(stories, site, edition);
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: absoluteUrl(channel.page, site),
    feed_url: absoluteUrl(channel.json, site),
    description: channel.description,
    language: edition.lang,
    authors: [{ name: site.name }],
    items: items.map((story) => ({
      id: story.id,
      url: story.url,
      title: story.title,
      content_html: story.contentHtml,
      summary: story.summary,
      image: story.photo?.url,
      date_published: story.published,
      date_modified: story.modified,
      authors: story.authors,
      tags: story.topics.length > 0 ? story.topics.map((topic) => topic.name) : undefined,
      language: story.lang,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
