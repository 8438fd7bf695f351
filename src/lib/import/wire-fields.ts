import sanitizeHtml from "sanitize-html";
import { isRegion } from "../story/dateline.ts";
import type { ProblemCode } from "../model/problems.ts";
import type { ItemNote, WireBody, WirePhoto, WireProblem, WireTime } from "./wire-item.ts";
import { foldName } from "../model/agencies.ts";
import { creditNames, type WriterPlace } from "../model/authors.ts";
import { readWireTime, WIRE_TIME_FORMS } from "./wire-time.ts";
import { withCodesAsText } from "./html-markup.ts";

/** The problems of one item, each naming the file; an item is handed on only when it has none. */
export class ItemProblems {
  readonly list: WireProblem[] = [];
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  add(field: string, message: string, code: ProblemCode): void {
    this.list.push({ file: this.file, field, message, code });
  }
}

/** A time as the agency wrote it, or a problem at `path` when it is not one; undefined for no text. */
export function readTime(text: string | undefined, path: string, problems: ItemProblems): WireTime | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const time = readWireTime(text);
  if (!time) problems.add(path, `"${text.trim()}" is not a date or time (expected ${WIRE_TIME_FORMS})`, "WD208");
  return time;
}

/**
 * The place a dateline starts with, up to its first comma, with the region after it when the
 * dateline names one: "MOSCOW, September 2 (Itar-Tass)" gives "MOSCOW", "PORTLAND, Maine, Sept.
 * 2" gives "PORTLAND, Maine", since the region decides which Portland, so the zone.
 */
export function datelinePlace(dateline: string): string | undefined {
  const [city = "", region = ""] = dateline.split(",").map((part) => part.trim());
  if (city === "") return undefined;
  return isRegion(region) ? `${city}, ${region}` : city;
}

/** The note for what a reader left out of an item, e.g. `x_wire_priority: warning: ignored: not a property of ninjs 2.x [WD210]`. */
export const ignoredNote = (field: string, why: string, line?: number): ItemNote => ({ field, ...(line === undefined ? {} : { line }), message: `warning: ignored: ${why}`, code: "WD210" });

/**
 * An urgency an XML item writes as text (NewsML-G2's `urgency`, NITF's `ed-urg`): a whole number
 * from 1, the most urgent, to 9, as IPTC numbers it; any other value is left out with a note.
 */
export function urgencyText(text: string | undefined, path: string): { priority?: number; note?: ItemNote } {
  if (text === undefined || text.trim() === "") return {};
  return /^\s*[1-9]\s*$/.test(text) ? { priority: Number(text) } : { note: ignoredNote(path, `got ${JSON.stringify(text)} (expected a whole number from 1 to 9)`) };
}

/**
 * Reuters' marks on a version's headline, for the desks it sends to: "CORRECTED-" (it corrects an
 * earlier one), "UPDATE 2-", "REFILE-", "RPT-", "WRAPUP 1-" (a new version of the same story),
 * with or without spaces around the dash ("CORRECTED - ", as other desks type them), the dash
 * a hyphen or an en or em dash. The word is in capitals, as the marks are: "Update - …" is a
 * headline's own word.
 */
const VERSION_MARK = /^(CORRECTED|UPDATE\s*\d*|REFILE|RPT|WRAPUP\s*\d*)\s*[-–—]\s*/;

/**
 * A headline without Reuters' version marks, whether one said it corrects, and the note saying
 * they were taken off at `path`: the marks are for editors (the story's correction entry says a
 * correction to readers), and the story is the same story, updated in place.
 */
export function unmarkedHeadline(headline: string, path: string): { headline: string; corrected: boolean; note?: ItemNote } {
  const marks: string[] = [];
  let corrected = false;
  let rest = headline;
  for (let mark = VERSION_MARK.exec(rest); mark && mark[0].length < rest.length; mark = VERSION_MARK.exec(rest)) {
    marks.push(mark[0].trim());
    corrected ||= mark[1] === "CORRECTED";
    rest = rest.slice(mark[0].length);
  }
  if (marks.length === 0) return { headline, corrected: false };
  const meaning = corrected ? "the agency's mark of a correction" : "the agency's mark of a new version";
  return { headline: rest, corrected, note: ignoredNote(path, `${marks.map((mark) => JSON.stringify(mark)).join(" and ")} taken off the headline: ${meaning}`) };
}

/** Names in their first order, each once, blanks left out. */
export function distinctNames(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ""))];
}

/** The object without its undefined fields, so an item holds only what the agency gave. */
export function definedFields<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

/** The body of a canceled item that gave no text: a kill notice withdraws a story by its id and time alone. */
export const NO_TEXT: WireBody = { kind: "text", text: "" };

/** Text as one line: runs of spaces, tabs and line breaks become one space, none at the ends. */
/**
 * A field's text on one line: its line breaks and runs of spaces one space. A no-break space
 * ("7.5\u00a0per cent") or a thin one is the agency's, kept as typed, as the body keeps it.
 */
export const oneLine = (text: string): string => text.replace(/[\t\n\v\f\r \u0085\u2028\u2029]+/g, " ").trim();

/** What a feed says of a picture's rights, each as delivered, with the place of its copyright holder. */
export interface DeliveredRights {
  by?: string | undefined;
  notice?: string | undefined;
  holder?: string | undefined;
  holderPath: string;
  usageTerms?: string | undefined;
}

/**
 * A picture's rights from a feed, each as one line: its photographer (`by`), its copyright notice,
 * else its copyright holder as one ("© Reuters"), and its terms of use. A holder the notice does
 * not name is left out with a note saying so, never silently.
 */
export function pictureRights(delivered: DeliveredRights): { rights: Pick<WirePhoto, "creator" | "copyright" | "usageTerms">; notes: ItemNote[] } {
  const line = (text: string | undefined) => (text === undefined ? undefined : oneLine(text) || undefined);
  const notice = line(delivered.notice);
  const holder = line(delivered.holder);
  const copyright = notice ?? (holder === undefined ? undefined : `© ${holder}`);
  const holderLeftOut = notice !== undefined && holder !== undefined && !foldName(notice).includes(foldName(holder));
  const why = `the copyright holder ${JSON.stringify(holder)} is not named in the picture's copyright notice, which is kept as the agency gave it: ${JSON.stringify(notice)}`;
  return {
    rights: definedFields({ creator: line(delivered.by), copyright, usageTerms: line(delivered.usageTerms) }),
    notes: holderLeftOut ? [ignoredNote(delivered.holderPath, why)] : [],
  };
}

/**
 * A byline without its leading "By", in the languages agencies write it ("Von", "Par", "Por"),
 * when a name of two words or more follows: "Von Andrej Sokolow", not "Von Miller".
 */
export function withoutBy(byline: string): string {
  return byline.replace(/^by\s+/i, "").replace(/^(?:von|par|por)\s+(?=\p{Lu}[\p{L}.'’-]*\s+\p{Lu})/iu, "");
}

/**
 * A caption that ends with its photo's credit in parentheses, as AP writes them ("… on Monday.
 * (AP Photo/Rick Bowmer)"): the page prints the credit after the caption, so the caption's copy
 * goes, named on the item's line at `path`. Any other caption stays as it is.
 */
export function captionWithoutCredit(caption: string | undefined, credit: string | undefined, path: string): { caption?: string; note?: ItemNote } {
  if (caption === undefined || credit === undefined || credit.trim() === "") return caption === undefined ? {} : { caption };
  const copy = `(${credit.trim()})`;
  const text = caption.trimEnd();
  if (text.length === copy.length || text.slice(-copy.length).toLocaleLowerCase() !== copy.toLocaleLowerCase()) return { caption };
  return { caption: text.slice(0, -copy.length).trimEnd(), note: ignoredNote(path, `${JSON.stringify(text.slice(-copy.length))} at the end of the photo's caption: its credit, which the page prints after the caption`) };
}

/** The line saying a writer's title ("Associated Press Writer", NITF's byttl) given apart from the name at `field` was left out: it is no name, and the page prints none. */
export const writerTitleNote = (field: string, title: string): ItemNote => ignoredNote(field, `${JSON.stringify(oneLine(title))}: the writer's title, not a name, so not an author`);

/** The line saying a note of the agency's to editors at `field` (AP's `ednote`, "(Adds power cuts)" atop a text) was left out. */
export const editorsNoteFieldNote = (field: string, note: string): ItemNote => ignoredNote(field, `${JSON.stringify(oneLine(note))}: the agency's note to editors, not story text`);

/** The line saying where a writer was was left out of the credit at `field`. */
const writerPlaceNote = (field: string, { writer, place }: WriterPlace): ItemNote => ignoredNote(field, `${JSON.stringify(place)}: where ${JSON.stringify(writer)} was, not a name`);

/** The line saying a contributor's credit closing the byline at `field` ("Editing by Cy Wu") was left out. */
const contributorCreditNote = (field: string, credit: string): ItemNote => ignoredNote(field, `${JSON.stringify(credit)}: a credit for work besides the writing, which agencies print after the story, so no author`);

/** The lines for what reading the credit at `field` left out of its names: where its writers were, and its contributors' credits (see creditNames). */
export const creditLeftOutNotes = (field: string, { places, credits }: { places: readonly WriterPlace[]; credits: readonly string[] }): ItemNote[] => [
  ...places.map((place) => writerPlaceNote(field, place)),
  ...credits.map((credit) => contributorCreditNote(field, credit)),
];

/**
 * A byline's names, its leading "By" dropped: "By Ann Smith and Bo Li, Reuters" gives Ann Smith,
 * Bo Li and Reuters; "Ilze Kalna/Baltic Wire", as agencies join a writer and themselves, gives
 * both; "by Marie Dupont with Tom Barton in London", as AFP credits, gives Marie Dupont and Tom
 * Barton, and where Tom Barton was, left out; "By Tom Barton; Editing by Cy Wu" gives Tom Barton,
 * the editor's credit left out (see creditNames).
 */
export function bylineNames(byline: string): { names: string[]; places: WriterPlace[]; credits: string[] } {
  return creditNames(withoutBy(oneLine(byline)));
}

/**
 * HTML as plain text, its script and style content dropped; angle brackets around no element's
 * name ("Apple <AAPL.O>", Reuters' codes) are the agency's words, and kept as typed.
 */
export function htmlText(html: string): string {
  // Block boundaries become spaces, so paragraphs do not run together once the tags are gone.
  const spaced = withCodesAsText(html).replace(/<\/?(?:p|div|br|li|h[1-6]|tr|td|th|blockquote|section|article|figcaption|hr)\b[^>]*>/gi, " ");
  const escaped = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return escaped.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}
