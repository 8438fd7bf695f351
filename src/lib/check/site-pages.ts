/**
 * The kinds of page a built site has, found from its files alone, so checks that open pages in a
 * browser (the deploy gate, Lighthouse) assume nothing about which stories a newsroom publishes.
 */
import { readdirSync } from "node:fs";
import { relative, sep } from "node:path";

export const PAGE_KINDS = [
  "story",
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

/** Site paths by kind, as the URL table lays them out (src/lib/model/urls.ts). */
const KIND_PATTERNS: Readonly<Record<PageKind, RegExp>> = {
  story: /^news\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.html$/,
  "All news": /^index\.html$/,
  "All news, later page": /^page\/\d+\/index\.html$/,
  topics: /^topics\/index\.html$/,
  topic: /^topics\/[^/]+\/(page\/\d+\/)?index\.html$/,
  archive: /^archive\/index\.html$/,
  "archive year": /^archive\/\d{4}\/index\.html$/,
  "archive month": /^archive\/\d{4}\/\d{2}\/index\.html$/,
  "archive day": /^archive\/\d{4}\/\d{2}\/\d{2}\/index\.html$/,
  "404": /^404\.html$/,
};

export interface SitePage {
  kind: PageKind;
  /** The page's path in the site folder, with forward slashes. */
  path: string;
}

/** The kind of page at a site path ("news/2013/09/02/talks.html" is a story), or undefined for no known kind. */
export function pageKind(path: string): PageKind | undefined {
  return PAGE_KINDS.find((kind) => KIND_PATTERNS[kind].test(path));
}

/** Every HTML page of the site folder by kind, each kind's paths sorted; a page of no known kind is left out. */
export function sitePagesByKind(siteDir: string): Map<PageKind, string[]> {
  const paths = readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => relative(siteDir, `${entry.parentPath}${sep}${entry.name}`).split(sep).join("/"))
    .sort();
  return new Map(PAGE_KINDS.map((kind) => [kind, paths.filter((path) => KIND_PATTERNS[kind].test(path))]));
}

/** A sample of the site to open in a browser: the first and the last page of every kind it has. */
export function samplePages(siteDir: string): SitePage[] {
  return [...sitePagesByKind(siteDir)].flatMap(([kind, paths]) =>
    [...new Set([paths[0], paths.at(-1)])].flatMap((path) => (path === undefined ? [] : [{ kind, path }])),
  );
}
