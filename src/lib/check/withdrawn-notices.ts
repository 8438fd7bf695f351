/**
 * A withdrawn story keeps only its notice. Its file holds no word of the story, so what could still
 * show it is a page left at its address, or a list, feed or sitemap still offering it: its address
 * must hold a page that asks search engines not to index it, and nothing may list it. A story's
 * own text may still link to it (the reader then finds the notice); only lists are checked.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WithheldStory } from "../model/story-report.ts";
import { AddressFinder } from "./address-finder.ts";
import type { Problem, ProblemCode } from "../model/problems.ts";
import type { Listing, OutputPage } from "./validate-outputs.ts";
import { inNewsFolder } from "./site-pages.ts";

/** What the check of the whole site already knows: its files, each page's facts, and what the feeds and sitemaps list. */
export interface CheckedSite {
  /** The site folder, and every file in it by its path there. */
  root: string;
  files: readonly string[];
  /** The site's public root URL, which feeds and sitemaps list pages under. */
  siteUrl: string;
  pages: readonly OutputPage[];
  listings: readonly Listing[];
}

/** Pages that list stories: every page but the stories' (in any edition), whose text may link to any story. */
const isListPage = (path: string): boolean => path.endsWith(".html") && !inNewsFolder(path);

export function withdrawnProblems(withheld: readonly WithheldStory[], site: CheckedSite): Problem[] {
  const withdrawn = withheld.filter((story) => story.state === "withdrawn");
  if (withdrawn.length === 0) return [];
  const base = site.siteUrl.endsWith("/") ? site.siteUrl : `${site.siteUrl}/`;
  const noindex = new Map(site.pages.map(({ path, facts }) => [path, facts.noindex]));
  const listedBy = new Map<string, string[]>();
  for (const { file, urls } of site.listings) for (const url of new Set(urls)) listedBy.set(url, [...(listedBy.get(url) ?? []), file]);
  // Each list page read and searched once for every withdrawn story's address.
  const addresses = new AddressFinder(withdrawn.map((story) => story.url.slice(1)), site.siteUrl);
  const listingPages = new Map<number, string[]>();
  for (const path of site.files.filter(isListPage)) {
    for (const index of addresses.foundIn(readFileSync(join(site.root, path)), path)) listingPages.set(index, [...(listingPages.get(index) ?? []), path]);
  }

  const problems: Problem[] = [];
  const report = (file: string, message: string, code: ProblemCode) => problems.push({ file, field: "withdrawn", message, code });
  for (const [index, story] of withdrawn.entries()) {
    const path = story.url.slice(1);
    const notice = noindex.get(path);
    if (notice === undefined) report(path, `has no page: ${story.file} was withdrawn (expected its notice at its address)`, "WD416");
    else if (!notice) report(path, `is not the notice of ${story.file}, which was withdrawn (expected a page that asks search engines not to index it)`, "WD416");
    const listers = [
      ...(listedBy.get(new URL(`./${path}`, base).href) ?? []),
      ...(listingPages.get(index) ?? []),
    ];
    for (const file of listers) report(file, `lists ${story.file}, which was withdrawn (expected no list, feed or sitemap to offer it)`, "WD417");
  }
  return problems;
}
