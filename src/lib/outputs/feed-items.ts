import type { ArticleView } from "../model/story-view.ts";
import { lastModified } from "./last-modified.ts";
import { createMarkdown } from "../story/markdown.ts";
import type { SiteSettings } from "../model/site.ts";
import type { EditionStrings, Edition } from "../model/editions.ts";
import { absoluteUrl, photoAddress } from "../model/site-urls.ts";
import { rewriteMarkupLinks } from "./markup-links.ts";
import { stableId } from "./stable-ids.ts";
import { urlScheme, type PHOTO_EXTENSIONS } from "../model/urls.ts";

const PHOTO_MEDIA_TYPES: Readonly<Record<(typeof PHOTO_EXTENSIONS)[number], string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
  svg: "image/svg+xml",
};

export interface FeedPhoto {
  url: string;
  mediaType: string;
  width: number;
  height: number;
  alt: string;
  /** What the photo is about, as the page prints it under the photo; some photos have none. */
  caption?: string;
  credit: string;
}

export interface FeedAuthor {
  name: string;
  url?: string;
}

/** A story's authors as feeds and structured data name them: its byline's, each with their page's absolute URL, else its agency. */
function storyAuthors(article: ArticleView, site: SiteSettings): FeedAuthor[] {
  return article.authors.length > 0 ? article.authors.map(({ name, url }) => ({ name, url: absoluteUrl(url, site) })) : [{ name: article.source }];
}

/** A story as every feed format carries it: absolute URLs, full moments with offsets, content as HTML. */
export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  /** RFC 3339 with the dateline's offset. */
  published: string;
  /** The latest update or correction, else the publication. */
  modified: string;
  modifiedMs: number;
  /** Who wrote it, each with their page's absolute URL; the agency (no page) for a story without a byline. */
  authors: FeedAuthor[];
  topics: { term: string; name: string }[];
  photo?: FeedPhoto;
  /** The story's language where it differs from its edition's, the feed's (an Arabic story in the English feeds). */
  lang?: string;
}

/** Text escaped as the stories' renderer escapes it. */
const { escapeHtml } = createMarkdown().utils;

function photoMediaType(url: string): string {
  const extension = url.slice(url.lastIndexOf(".") + 1).toLowerCase();
  return PHOTO_MEDIA_TYPES[extension as keyof typeof PHOTO_MEDIA_TYPES] ?? "application/octet-stream";
}

/** A caption ends its sentence before the credit starts, so the two never read as one ("on Friday Photo dpa"). */
function captionSentence(caption: string): string {
  const text = caption.trim();
  return /[.!?…]["'’”)\]]*$/u.test(text) ? text : `${text}.`;
}

/**
 * The photo with its caption and credit as separate pieces: the caption a sentence of its own, the
 * credit in `<small>` (HTML's element for attribution), so a reader that drops markup still keeps them apart.
 */
function photoFigure(photo: FeedPhoto): string {
  const captionHtml = photo.caption === undefined ? "" : `${escapeHtml(captionSentence(photo.caption))} `;
  return (
    `<figure><img src="${escapeHtml(photo.url)}" alt="${escapeHtml(photo.alt)}" width="${photo.width}" height="${photo.height}">` +
    `<figcaption>${captionHtml}<small>${escapeHtml(photo.credit)}</small></figcaption></figure>\n`
  );
}

function correctionsHtml(corrections: ArticleView["corrections"], strings: EditionStrings): string {
  if (corrections.length === 0) return "";
  const heading = corrections.length === 1 ? strings.correction : strings.corrections;
  const notes = corrections.map(({ date, text }) => `<p><time datetime="${date.datetime}">${escapeHtml(date.display)}</time>: ${escapeHtml(text)}</p>\n`);
  return `<h2>${heading}</h2>\n${notes.join("")}`;
}

/** Where the story is on the site, as the printed page ends too: "Read this story online: <address>". */
function onlineHtml(url: string, strings: EditionStrings): string {
  return `<p>${escapeHtml(strings.readOnline)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>\n`;
}

/**
 * The story as a feed item of its edition. Its content is the page's: the photo, the body with
 * the dateline opening the first paragraph, any corrections and the story's address, with every
 * URL absolute for readers that show it away from the site.
 */
export function feedItem(article: ArticleView, site: SiteSettings, edition: Edition): FeedItem {
  // A story is in its edition's feeds and each of its topics', three formats each: render it once.
  const forSite = itemsMade.get(article) ?? new WeakMap<SiteSettings, FeedItem>();
  itemsMade.set(article, forSite);
  const made = forSite.get(site) ?? makeFeedItem(article, site, edition);
  forSite.set(site, made);
  return made;
}

/** Feed items already made in this process, by story view and site settings (both never change once made, and they decide the edition). */
const itemsMade = new WeakMap<ArticleView, WeakMap<SiteSettings, FeedItem>>();

/**
 * A URL of the story's body as a feed carries it, away from the site: absolute. A site-root path
 * (an image beside the story is published from the root) is under the site's URL, its path
 * included, as the page links it; any other relative URL resolves against the story's, as a
 * browser on the page resolves it.
 */
function bodyUrlInFeed(link: string, storyUrl: string, site: SiteSettings): string {
  if (urlScheme(link) !== undefined) return link;
  return link.startsWith("/") && !link.startsWith("//") ? absoluteUrl(link, site) : new URL(link, storyUrl).href;
}

function makeFeedItem(article: ArticleView, site: SiteSettings, { strings }: Edition): FeedItem {
  const url = absoluteUrl(article.url, site);
  const photo = article.photo && {
    url: photoAddress(article.photo.url, site),
    mediaType: photoMediaType(article.photo.url),
    width: article.photo.width,
    height: article.photo.height,
    alt: article.photo.alt,
    caption: article.photo.caption,
    credit: article.photo.credit,
  };
  const body = rewriteMarkupLinks(article.bodyHtml, (link) => bodyUrlInFeed(link, url, site));
  const modified = lastModified(article);
  return {
    id: stableId(site.name, article.url),
    url,
    title: article.headline,
    summary: article.description,
    contentHtml: (photo ? photoFigure(photo) : "") + body + correctionsHtml(article.corrections, strings) + onlineHtml(url, strings),
    published: article.published.iso,
    modified: modified.iso,
    modifiedMs: modified.epochMs,
    authors: storyAuthors(article, site),
    topics: article.topics.map(({ slug, name }) => ({ term: slug, name })),
    photo,
    ...(article.lang === undefined ? {} : { lang: article.lang }),
  };
}
