import { posix } from "node:path";
import { transliterate } from "transliteration";

/** Image formats a story's photo may come in; the build copies these from src/news/ beside the pages. */
export const PHOTO_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif", "svg"] as const;

/*
 * The URL table. Every address takes the edition's folder (`editionPath`): "" for the default
 * edition, at the site's root, "ru/" for the Russian one; the default edition's addresses are
 * what they were before there were editions.
 */

/** The site's own top-level folders: an edition's folder may not take one of their names. */
export const SITE_FOLDERS: readonly string[] = ["news/", "topics/", "authors/", "archive/", "all/", "assets/", "search/", "sitemaps/"];

/** An edition's folder ("ru/"): lower-case letters, digits and hyphens, one level deep. */
export const EDITION_FOLDER = String.raw`[a-z0-9-]+/`;

/** An edition's front page, its home: "/" or "/ru/". */
export function editionHome(editionPath: string): string {
  return `/${editionPath}`;
}

/** An edition's All news, every story newest first, its later pages under it: "/all/" or "/ru/all/". */
export function allNewsUrl(editionPath: string): string {
  return `/${editionPath}all/`;
}

/**
 * The one slug rule, for every address made from a name: a story's file or folder, a topic, an
 * author, an imported story's folder. ASCII lower case, words joined by hyphens, so an address is the same on
 * every host and file system and no case-blind one can merge two: Latin letters lose their
 * accents, other scripts are transliterated ("Café Müller reopens" -> "cafe-muller-reopens",
 * "Ядерное разоружение" -> "yadernoe-razoruzhenie"), and an apostrophe does not split a word
 * ("Paulo's" -> "paulos"). A name already written that way is its own slug. Empty when nothing
 * in the name can be spelled in ASCII ("🔥", "!!!"): each caller says what then.
 */
export function addressSlug(name: string): string {
  // NFC first: a Mac names files in decomposed form ("Cafe\u0301"), which must slug as "Café" does.
  return transliterate(name.normalize("NFC"))
    .replace(/['`]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Where an article is published: under its calendar day at the dateline, so a desk's daily
 * "markets" story never takes yesterday's address; a file, so links to it also work from disk.
 * The file's name (without a leading date) becomes the address through the slug rule; one
 * that slugs to nothing is a problem of the story's (see readStoryFile).
 */
export function articlePermalink(fileSlug: string, day: string, editionPath: string): string {
  return `${newsFolder(editionPath)}${day.replaceAll("-", "/")}/${addressSlug(fileSlug)}.html`;
}

/** An edition's folder of stories (as a path in the site folder: "news/", "ru/news/"), where only stories and their notices are. */
export function newsFolder(editionPath: string): string {
  return `${editionPath}news/`;
}

/** The site-root URL of a story's photo, from the story's path stem (Eleventy's page.filePathStem). */
export function photoUrl(filePathStem: string, src: string): string {
  return posix.join(posix.dirname(filePathStem), src);
}

/**
 * The URL, from the site root, of a file a story's text names beside it (`src` as Markdown wrote
 * it, percent-encoded): the story's folders' names encoded too, since a "#" or "?" in a folder's
 * name would otherwise end the path.
 */
export function storyFileUrl(filePathStem: string, src: string): string {
  const folder = posix.dirname(filePathStem).split("/").map((name) => encodeURIComponent(name)).join("/");
  return posix.join(folder, src);
}

/** True when a photo `src` names a file inside the story's own folder. */
export function staysInStoryFolder(src: string): boolean {
  const normal = posix.normalize(src);
  return !posix.isAbsolute(normal) && normal !== ".." && !normal.startsWith("../") && urlScheme(src) === undefined;
}

/** A URL as a browser reads it: browsers drop spaces, tabs, newlines and controls in and around a scheme ("java\tscript:"). */
export function asBrowserReads(url: string): string {
  return url.replace(/[\u0000-\u0020\u007f]/g, "");
}

/** Whether `url` names the page it is on ("", "?…", "#…", as a browser reads it past leading spaces and control characters). */
export function namesItself(url: string): boolean {
  return /^[\u0000-\u0020]*(?:[?#]|$)/.test(url);
}

/** A full web address (http or https, with a host), such as a licence's terms are published at. */
export function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return /^https?:$/.test(url.protocol) && url.hostname !== "";
}

/** The URL's scheme, lower-cased, or undefined for a relative URL. */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(asBrowserReads(url))?.[1]?.toLowerCase();
}

const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

/** Links and images in stories may be web, mail or relative URLs only. */
export function isAllowedUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme);
}

/**
 * Rewrites a site-root URL ("/news/a.html") as a path relative to the page that links to it, so
 * one build works at a host's root, under a path prefix and from disk. A folder URL gets its
 * index.html: from disk, a link to a folder does not open it. Other URLs pass unchanged.
 */
export function relativeUrl(url: string, fromPageUrl: string): string {
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  const [, path = "/", suffix = ""] = /^([^?#]*)(.*)$/s.exec(url) ?? [];
  const target = path.endsWith("/") ? `${path}index.html` : path;
  const fromFolder = fromPageUrl.endsWith("/") ? fromPageUrl : posix.dirname(fromPageUrl);
  return (posix.relative(fromFolder, target) || posix.basename(target)) + suffix;
}

/** One image candidate of a srcset: its URL and its descriptors ("640w", "2x"), if any. */
export interface SrcsetCandidate {
  url: string;
  descriptors: string[];
}

/**
 * A srcset's candidates, per the HTML parsing rules: each is a run of non-space characters (which
 * may hold commas, as in data: URLs) and optional descriptors up to a comma; a URL that ends in
 * commas has no descriptors.
 */
export function srcsetCandidates(srcset: string): SrcsetCandidate[] {
  return [...srcset.matchAll(/[\s,]*(\S+?)(?:,+(?=\s|$)|(?=\s|$)([^,]*))/g)].flatMap(([, url, descriptors = ""]) =>
    url === undefined ? [] : [{ url, descriptors: descriptors.split(/\s+/).filter((descriptor) => descriptor !== "") }],
  );
}

/**
 * An edition's 404 page: "/404.html", where every host looks for the page it serves at a missing
 * address, and "/ru/404.html", which a host that reads the build's _redirects (Netlify) serves at
 * a missing address in the edition's folder.
 */
export function notFoundUrl(editionPath: string): string {
  return `/${editionPath}404.html`;
}

/** The default edition's 404 page: the one every host serves. */
export const NOT_FOUND_URL = notFoundUrl("");

const NOT_FOUND_PAGE = new RegExp(`^/(?:(?!${SITE_FOLDERS.join("|")})${EDITION_FOLDER})?404\\.html$`);

/** Whether a site-root URL is an edition's 404 page (see notFoundUrl). */
export function isNotFoundUrl(url: string): boolean {
  return NOT_FOUND_PAGE.test(url);
}

/**
 * A site-root URL as a page links to it. Pages link relatively, so one build works anywhere. The
 * 404 pages cannot: hosts serve them at whatever address was missing, so their links start from
 * the site's base path (the path of SITE_URL, "/" at a host's root).
 */
export function pageLinkUrl(url: string, fromPageUrl: string, basePath: string): string {
  if (!isNotFoundUrl(fromPageUrl)) return relativeUrl(url, fromPageUrl);
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  return basePath.replace(/\/?$/, "/") + url.slice(1);
}

/** The archive pages a story's calendar day ("2013-09-02") belongs to, from the year down. */
export interface ArchiveLinks {
  year: string;
  month: string;
  day: string;
}

export function archiveLinks(day: string, editionPath: string): ArchiveLinks {
  const [year, month, date] = day.split("-");
  const root = archiveUrl(editionPath);
  return { year: `${root}${year}/`, month: `${root}${year}/${month}/`, day: `${root}${year}/${month}/${date}/` };
}

export function archiveUrl(editionPath: string): string {
  return `/${editionPath}archive/`;
}

export function topicsUrl(editionPath: string): string {
  return `/${editionPath}topics/`;
}

/** An edition's search page; its index's files are in the same folder (src/lib/outputs/search-index.ts). */
export function searchUrl(editionPath: string): string {
  return `/${editionPath}search/`;
}

export function topicUrl(slug: string, editionPath: string): string {
  return `${topicsUrl(editionPath)}${slug}/`;
}

/** An author's page, in the edition's authors/ folder: "/authors/ann-smith/", "/ru/authors/anna-smirnova/". */
export function authorUrl(slug: string, editionPath: string): string {
  return `/${editionPath}authors/${slug}/`;
}

/**
 * A page of a paginated list (All news, a topic, an author) at `url`: the first is the list's own URL, a later
 * one is under page/<key>/, its key naming its newest story's day and that story's address's hash
 * (see src/lib/newsroom/pagination.ts), so a page keeps its address as newer pages come.
 */
export function listPageUrl(url: string, key?: ListPageKey): string {
  return key === undefined ? url : `${url}page/${key.day}-${key.hash}/`;
}

/** What names a later list page: a calendar day ("2013-09-02") and eight hex digits of a hash. */
export interface ListPageKey {
  day: string;
  hash: string;
}

/** Where an edition's pages sitemap is: every page of the edition but its stories (storiesSitemapUrl), beside its news sitemap. */
export function pagesSitemapUrl(editionPath: string): string {
  return `/${editionPath}pages-sitemap.xml`;
}

/**
 * Where an edition's sitemap of the stories of one month is (`day` is a story's day, as its
 * archive files it): a publish changes only its month's, and no sitemap nears the 50,000 URLs a
 * crawler reads of one.
 */
export function storiesSitemapUrl(editionPath: string, day: string): string {
  const [year, month] = day.split("-");
  return `/${editionPath}sitemaps/${year}-${month}.xml`;
}

/**
 * What crawlers read of one sitemap (sitemaps.org): at most 50,000 URLs and 50 MB. A sitemap
 * that would hold more is split into parts (sitemapPartUrl), each named by the index.
 */
export const SITEMAP_LIMITS = { urls: 50_000, bytes: 50 * 1024 * 1024 } as const;

/** The `part`th sitemap (from 2) of the pages a sitemap at `url` would list, were they not too many for one (SITEMAP_LIMITS). */
export function sitemapPartUrl(url: string, part: number): string {
  return url.replace(/\.xml$/, `-${part}.xml`);
}

/** Where an edition's news sitemap is: each edition's stories in its own, the default's where it always was. */
export function newsSitemapUrl(editionPath: string): string {
  return `/${editionPath}news-sitemap.xml`;
}
