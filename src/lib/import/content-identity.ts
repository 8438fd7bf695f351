import { createHash } from "node:crypto";
import { findAgency, type Agency } from "../model/agencies.ts";
import { addressSlug } from "../model/urls.ts";

/**
 * What an item is known by when its format carries no id the agency keeps across versions (wire
 * text; a NITF document without doc-id or du-key): what it says, rather than the file it came in.
 */

/** What a slug line adds that changes between versions of one story: ANPA's cycle and word count, Reuters' "(UPDATE 1)". */
const SLUG_VERSION_MARKS = [/^(?:BC|AM|PM)-/, /,\d{1,5}$/, /\s*\((?:UPDATE|REFILE|CORRECTED)[^()]*\)$/i];
/** The longest a story's key in its identity gets: the first words of a headline tell it well enough. */
const MAX_KEY_LENGTH = 80;

/** A name as ASCII words joined by hyphens, cut at a word to `length`; empty when nothing in it spells in ASCII. */
function identityWords(name: string, length: number): string {
  const slug = addressSlug(name);
  if (slug.length <= length) return slug;
  const cut = slug.slice(0, length + 1);
  return cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : slug.slice(0, length);
}

/**
 * The item's identity across versions, from what it says rather than the file it came in (a
 * drop's 0002.txt is another story each day): its agency (by the settings' first name for it),
 * its day, and its slug line, or else its headline, as ASCII words, e.g.
 * "text:tass:2013-09-02:russia-korea". A later version with the same slug line (or, with none,
 * the same headline) on the same day is the same story; "(UPDATE 1)" and the like are not part of it.
 */
export function contentId(agency: string | undefined, day: string, slug: string | undefined, headline: string, agencies: readonly Agency[]): string {
  const agencyName = agency && (findAgency(agency, agencies)?.agency.name ?? agency);
  const agencyKey = (agencyName && identityWords(agencyName, MAX_KEY_LENGTH)) || "no-agency";
  const slugKey = slug && identityWords(SLUG_VERSION_MARKS.reduce((text, mark) => text.replace(mark, ""), slug), MAX_KEY_LENGTH);
  const key = slugKey || identityWords(headline, MAX_KEY_LENGTH) || createHash("sha256").update(headline.normalize("NFC")).digest("hex").slice(0, 16);
  return `text:${agencyKey}:${day}:${key}`;
}

/** An id of wire text whose key opens with Reuters' marks of a new version, as an earlier release made it: "text:reuters:2013-09-02:update-1-storm-shuts". */
const MARKED_KEY = /^(text:[^:]+:\d{4}-\d{2}-\d{2}:)(?:update-\d+-|wrapup-\d+-|refile-|rpt-)+(?=[a-z0-9])/;

/**
 * The ids a story's recorded one finds it by: its own, and for wire text with no slug line whose
 * headline bore Reuters' marks of a new version ("UPDATE 1-", "REFILE-"), the id the item gets
 * now. Until those marks were taken off the headline they were part of the id, so the next
 * version, unmarked, would not have found the story and become a second one. Its words still
 * decide whether an item is that story's (matchStory).
 */
export function recordedIds(id: string): string[] {
  const unmarked = id.replace(MARKED_KEY, "$1");
  return unmarked === id ? [id] : [id, unmarked];
}
