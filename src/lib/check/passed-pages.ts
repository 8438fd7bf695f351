/**
 * The pages the last check passed: each page that had no problem of its own and whose every link
 * led somewhere, with its record's key and what the checks across the site need of it (its ids,
 * its feeds' and translations' links, its budget's facts), but not its links.
 *
 * A site that has every file the passed one had (a publish adds pages and rewrites some, and
 * removes none) has the same files at the end of every link of a page whose bytes are unchanged:
 * its links lead where they led. So the next check takes such a page as it was, and follows only
 * the links of the pages that changed: at 100,000 stories a publish read 115,000 records and
 * followed a million links. What a page's links lean on besides the site's files is checked again:
 * a photo the media folder must still hold, and an id in another page, which may change while
 * that page keeps its name (such a page is followed every time).
 */
import type { MediaHost } from "../model/media.ts";
import type { PageRecord } from "./page-check.ts";
import { inMediaFolder, type LinkReliance } from "./site-links.ts";

/** A page the check passed, by the key of its record (its bytes, its path, the checking code). */
export interface PassedPage extends Pick<PageRecord, "anchors" | "outputs" | "budget"> {
  key: string;
  /** The media folder's photos its links name, when there are any. */
  photos?: string[];
  /** Set when a link names an id in another file. */
  otherAnchors?: true;
}

export interface PassedPages {
  /** Every file of the site the check passed, by its path in the site. */
  files: string[];
  /** The pages it passed, by their paths in the site. */
  pages: Record<string, PassedPage>;
}

/** What many pages have alike: the same ids, feed links and stylesheet (a site's story pages differ in none). */
export type SharedFacts = Pick<PageRecord, "anchors" | "outputs"> & Pick<PageRecord["budget"], "weight">;

/**
 * The passed pages as the cache keeps them: what pages have alike once, each page naming it by its
 * place in `shared`. Each of them apart was 700 bytes a page, at 100,000 stories 80 MB to read.
 */
export interface KeptPassedPages {
  files: string[];
  shared: SharedFacts[];
  pages: Record<string, Omit<PassedPage, "anchors" | "outputs" | "budget"> & { shared: number; storyPageBytes?: number }>;
}

/** The passed pages as kept, each kind of facts once. */
export function keptForm({ files, pages }: PassedPages): KeptPassedPages {
  const kept: KeptPassedPages = { files, shared: [], pages: {} };
  const places = new Map<string, number>();
  for (const [path, { key, anchors, outputs, budget, ...reliance }] of Object.entries(pages)) {
    const facts: SharedFacts = { anchors, outputs, weight: budget.weight };
    const text = JSON.stringify(facts);
    let place = places.get(text);
    if (place === undefined) {
      place = kept.shared.push(facts) - 1;
      places.set(text, place);
    }
    kept.pages[path] = { key, shared: place, ...(budget.storyPageBytes === undefined ? {} : { storyPageBytes: budget.storyPageBytes }), ...reliance };
  }
  return kept;
}

/**
 * The passed pages this check may take as they were, by path, from their kept form: none when the
 * site lacks a file the passed one had (a link may have led there), or a page names facts the form
 * lacks; never a page that leans on another file's ids or on a photo the media folder no longer holds.
 */
export function takeablePages(kept: KeptPassedPages | undefined, files: readonly string[], media: MediaHost | undefined): Map<string, PassedPage> {
  const taken = new Map<string, PassedPage>();
  if (kept === undefined) return taken;
  const present = new Set(files);
  if (!kept.files.every((file) => present.has(file))) return taken;
  for (const [path, { key, shared, storyPageBytes, ...reliance }] of Object.entries(kept.pages)) {
    const facts = kept.shared[shared];
    if (facts === undefined) return new Map();
    if (reliance.otherAnchors) continue;
    if (reliance.photos !== undefined && (media === undefined || !inMediaFolder(media, reliance.photos))) continue;
    const { anchors, outputs, weight } = facts;
    taken.set(path, { key, anchors, outputs, budget: { weight, ...(storyPageBytes === undefined ? {} : { storyPageBytes }) }, ...reliance });
  }
  return taken;
}

/** A page's record, as the checks across the site see a passed page: no problem of its own, no link to follow. */
export function passedRecord({ anchors, outputs, budget }: PassedPage): PageRecord {
  return { problems: [], links: [], anchors, outputs, budget };
}

/** What the next check keeps of a page this one passed. */
export function passedPage(key: string, { anchors, outputs, budget }: PageRecord, { photos, otherAnchors }: LinkReliance): PassedPage {
  return { key, anchors, outputs, budget, ...(photos.length > 0 ? { photos } : {}), ...(otherAnchors ? { otherAnchors } : {}) };
}
