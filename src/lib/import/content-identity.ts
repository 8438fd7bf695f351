import { createHash } from "node:crypto";
import { findAgency, type Agency } from "../model/agencies.ts";
import { addressSlug } from "../model/urls.ts";

/**
 * What an item is known by when its format carries no id the agency keeps across versions (wire
 * text; a NITF document without doc-id or du-key): what it says, rather than the file it came in.
 */

/**
 * Reuters' mark after a slug line: a version's ("(UPDATE 1)", "(REFILE)", "(CORRECTED)"), or a kill
 * notice's ("(KILL)"). The slug before it names the story either way.
 */
export const SLUG_LINE_MARK = String.raw`\((?:UPDATE|REFILE|CORRECTED|KILL)[^()]*\)`;
/** What a slug line adds that changes between versions of one story: ANPA's cycle and word count, Reuters' marks. */
const SLUG_VERSION_MARKS = [/^(?:BC|AM|PM)-/, /,\d{1,5}$/, new RegExp(String.raw`\s*${SLUG_LINE_MARK}$`, "i")];
/** The agency's part of the id of an item that names none. */
const NO_AGENCY = "no-agency";
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
  const agencyKey = (agencyName && identityWords(agencyName, MAX_KEY_LENGTH)) || NO_AGENCY;
  const slugKey = slug && identityWords(SLUG_VERSION_MARKS.reduce((text, mark) => text.replace(mark, ""), slug), MAX_KEY_LENGTH);
  const key = slugKey || identityWords(headline, MAX_KEY_LENGTH) || createHash("sha256").update(headline.normalize("NFC")).digest("hex").slice(0, 16);
  return `text:${agencyKey}:${day}:${key}`;
}

/** The agency's place in an id of wire text: "text:<agency>:<day>:<key>". */
const AGENCY_IN_ID = /^(text:)([^:]+)(:\d{4}-\d{2}-\d{2}:.+)$/;

/** Whether an id is one made of an item's words (see contentId), not the agency's. */
export const isContentId = (id: string): boolean => AGENCY_IN_ID.test(id);

/**
 * The id of wire text for the day before its own: a kill delivered after midnight, with no dateline
 * to date it, names the day after its story's. Undefined for an id not made of an item's words.
 */
export function dayBeforeId(id: string): string | undefined {
  const parts = AGENCY_IN_ID.exec(id);
  const day = parts?.[3]?.slice(1, 11);
  if (parts === undefined || parts === null || day === undefined) return undefined;
  const before = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `${parts[1]}${parts[2]}:${before}${parts[3]!.slice(11)}`;
}

/**
 * For an id made with no agency (wire text whose dateline names none, as a kill notice's), a test of
 * whether another id is the same day and key under an agency's name: the story such an item names.
 * Undefined for any other id.
 */
export function sameKeyOfAnyAgency(id: string): ((other: string) => boolean) | undefined {
  const parts = AGENCY_IN_ID.exec(id);
  if (parts?.[2] !== NO_AGENCY) return undefined;
  return (other) => AGENCY_IN_ID.exec(other)?.[3] === parts[3];
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
