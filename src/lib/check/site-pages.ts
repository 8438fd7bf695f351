/**
 * The kinds of page a built site has, found from its files alone, so checks that open pages in a
 * browser (the deploy gate, Lighthouse) assume nothing about which stories a newsroom publishes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { allNewsUrl, archiveLinks, archiveUrl, articlePermalink, authorUrl, EDITION_FOLDER, editionHome, listPageUrl, newsFolder, notFoundUrl, searchUrl, SITE_FOLDERS, topicsUrl, topicUrl } from "../model/urls.ts";

export const PAGE_KINDS = [
  "story",
  "withdrawn story",
  "front page",
  "All news",
  "All news, later page",
  "topics",
  "topic",
  "author",
  "archive",
  "archive year",
  "archive month",
  "archive day",
  "404",
  "search",
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];

/*
 * The paths of each kind, read from the URL table (src/lib/model/urls.ts): its functions make a
 * URL with a marker in each slot, and the markers become patterns.
 */
const EDITION_MARK = "editionmark/";
const NAME_MARK = "namemark";
const DAY_MARK = "1001-02-03";
const PAGE_MARK = { day: "pagedaymark", hash: "pagehashmark" };
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An edition's folder ("ru/"), or none for the default edition: never one of the site's own folders (the settings refuse those). */
const EDITION = `(?:(?!${SITE_FOLDERS.map(escapeRegExp).join("|")})${EDITION_FOLDER})?`;

/** The pattern (unanchored) of the site paths a path made with markers stands for. */
function markedPattern(path: string): string {
  return escapeRegExp(path)
    .replace(EDITION_MARK, EDITION)
    .replace(NAME_MARK, "[^/]+")
    .replace(PAGE_MARK.day, String.raw`\d{4}-\d{2}-\d{2}`)
    .replace(PAGE_MARK.hash, "[0-9a-f]{8}")
    .replace(/1001(\/02(\/03)?)?/, (day) => day.replace("1001", String.raw`\d{4}`).replaceAll(/\/0[23]/g, String.raw`/\d{2}`));
}

/** The site paths a site-root URL made with markers stands for: a folder URL's page is its index.html. */
function pathPattern(url: string): RegExp {
  return new RegExp(`^${markedPattern(`${url.replace(/^\//, "")}${url.endsWith("/") ? "index.html" : ""}`)}$`);
}

const STORY_PATH = new RegExp(`^${markedPattern(articlePermalink(NAME_MARK, DAY_MARK, EDITION_MARK))}$`);
const ALL_NEWS = allNewsUrl(EDITION_MARK);
const TOPIC = topicUrl(NAME_MARK, EDITION_MARK);
const AUTHOR = authorUrl(NAME_MARK, EDITION_MARK);
const ARCHIVE = archiveLinks(DAY_MARK, EDITION_MARK);

/** Site paths by kind, in every edition. A story's address may hold a withdrawn story's notice instead: pageKind says "story", sitePagesByKind reads the page. */
const KIND_PATTERNS: Readonly<Record<PageKind, readonly RegExp[]>> = {
  story: [STORY_PATH],
  "withdrawn story": [STORY_PATH],
  "front page": [pathPattern(editionHome(EDITION_MARK))],
  "All news": [pathPattern(ALL_NEWS)],
  "All news, later page": [pathPattern(listPageUrl(ALL_NEWS, PAGE_MARK))],
  topics: [pathPattern(topicsUrl(EDITION_MARK))],
  topic: [pathPattern(TOPIC), pathPattern(listPageUrl(TOPIC, PAGE_MARK))],
  author: [pathPattern(AUTHOR), pathPattern(listPageUrl(AUTHOR, PAGE_MARK))],
  archive: [pathPattern(archiveUrl(EDITION_MARK))],
  "archive year": [pathPattern(ARCHIVE.year)],
  "archive month": [pathPattern(ARCHIVE.month)],
  "archive day": [pathPattern(ARCHIVE.day)],
  "404": [pathPattern(notFoundUrl(EDITION_MARK))],
  search: [pathPattern(searchUrl(EDITION_MARK))],
};

const NEWS_FOLDER = new RegExp(`^${markedPattern(newsFolder(EDITION_MARK))}`);

/** Whether a page is under an edition's news/ folder, where only stories (or their notices) are. */
export function inNewsFolder(path: string): boolean {
  return NEWS_FOLDER.test(path);
}

/** The edition folder a page is in: "ru/", or "" for the default edition. */
export function editionFolder(path: string): string {
  return new RegExp(`^${EDITION}`).exec(path)?.[0] ?? "";
}

export interface SitePage {
  kind: PageKind;
  /** The page's path in the site folder, with forward slashes. */
  path: string;
}

/**
 * The kind of page at a site path ("news/2013/09/02/talks.html" is a story), or undefined for no
 * known kind. A story's address is a story by its path alone; see sitePagesByKind for its notice.
 */
export function pageKind(path: string): PageKind | undefined {
  return PAGE_KINDS.find((kind) => KIND_PATTERNS[kind].some((pattern) => pattern.test(path)));
}

/** Whether a page asks search engines not to index it: at a story's address, the notice of a withdrawn story (src/withdrawn.njk). */
function asksNotToBeIndexed(html: string): boolean {
  return /<meta\s+name="robots"\s+content="[^"]*\bnoindex\b[^"]*"/i.test(html);
}

/**
 * Every HTML page of the site folder by kind, each kind's paths sorted; a page of no known kind is
 * left out. The pages at stories' addresses are read to tell withdrawn stories' notices from stories.
 */
export function sitePagesByKind(siteDir: string): Map<PageKind, string[]> {
  const paths = readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => relative(siteDir, `${entry.parentPath}${sep}${entry.name}`).split(sep).join("/"))
    .sort();
  const notices = new Set(paths.filter((path) => STORY_PATH.test(path) && asksNotToBeIndexed(readFileSync(join(siteDir, path), "utf8"))));
  const kindOf = (path: string): PageKind | undefined => (notices.has(path) ? "withdrawn story" : pageKind(path));
  return new Map(PAGE_KINDS.map((kind) => [kind, paths.filter((path) => kindOf(path) === kind)]));
}

/** A sample of the site to open in a browser: the first and the last page of every kind it has. */
export function samplePages(siteDir: string): SitePage[] {
  return [...sitePagesByKind(siteDir)].flatMap(([kind, paths]) =>
    [...new Set([paths[0], paths.at(-1)])].flatMap((path) => (path === undefined ? [] : [{ kind, path }])),
  );
}
