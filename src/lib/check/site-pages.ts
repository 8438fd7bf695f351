/**
 * The kinds of page a built site has, found from its files alone, so checks that open pages in a
 * browser (the deploy gate, Lighthouse) assume nothing about which stories a newsroom publishes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const PAGE_KINDS = [
  "story",
  "withdrawn story",
  "All news",
  "All news, later page",
  "topics",
  "topic",
  "archive",
  "archive year",
  "archive month",
  "archive day",
  "404",
] as const;

export type PageKind = (typeof PAGE_KINDS)[number];

/**
 * An edition's folder ("ru/"), or none for the default edition: a folder the site's own sections
 * never use (the settings refuse those names for an edition).
 */
const EDITION = String.raw`(?:(?!(?:news|topics|archive|page|assets)/)[a-z0-9-]+/)?`;
const inEdition = (path: string): RegExp => new RegExp(`^${EDITION}${path}$`);

const STORY_PATH = inEdition(String.raw`news/\d{4}/\d{2}/\d{2}/[^/]+\.html`);

/**
 * Site paths by kind, in every edition, as the URL table lays them out (src/lib/model/urls.ts). A
 * story's address may hold a withdrawn story's notice instead: pageKind says "story",
 * sitePagesByKind reads the page.
 */
const KIND_PATTERNS: Readonly<Record<PageKind, RegExp>> = {
  story: STORY_PATH,
  "withdrawn story": STORY_PATH,
  "All news": inEdition(String.raw`index\.html`),
  "All news, later page": inEdition(String.raw`page/\d+/index\.html`),
  topics: inEdition(String.raw`topics/index\.html`),
  topic: inEdition(String.raw`topics/[^/]+/(page/\d+/)?index\.html`),
  archive: inEdition(String.raw`archive/index\.html`),
  "archive year": inEdition(String.raw`archive/\d{4}/index\.html`),
  "archive month": inEdition(String.raw`archive/\d{4}/\d{2}/index\.html`),
  "archive day": inEdition(String.raw`archive/\d{4}/\d{2}/\d{2}/index\.html`),
  "404": /^404\.html$/,
};

/** Whether a page is under an edition's news/ folder, where only stories (or their notices) are. */
export function inNewsFolder(path: string): boolean {
  return new RegExp(`^${EDITION}news/`).test(path);
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
  return PAGE_KINDS.find((kind) => KIND_PATTERNS[kind].test(path));
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
