import { DateTime } from "luxon";
import { findAgency, isSameAgency, withoutLeadFor, type Agency, type WithoutLead } from "../model/agencies.ts";
import { MAX_AUTHOR_NAME, MAX_AUTHORS, withoutContributorCredits, type WriterPlace } from "../model/authors.ts";
import { addressSlug } from "../model/urls.ts";
import { canonicalZone } from "../model/dates.ts";
import { correctionPlaceholder } from "../model/placeholders.ts";
import { primaryLanguage } from "../model/editions.ts";
import { resolveDatelineZone, type DatelinePlaces } from "../story/dateline.ts";
import type { ItemNote, WireItem, WireProblem, WireTime } from "./wire-item.ts";
import type { ProblemCode } from "../model/problems.ts";
import { bylineNames, creditLeftOutNotes, editorsNoteFieldNote, htmlText, ignoredNote, oneLine, withoutBy } from "./wire-fields.ts";
import { formatWireTime } from "./wire-time.ts";
import { pageOf, type Spellings, type WireStory } from "./wire-stories.ts";
import { topicKey } from "../model/topic-refs.ts";
import { characterCount, refusedAsOneName, withoutStrayMarks, type StoryFields } from "../story/schema.ts";
import { isCorrectionNote, isEditorsInitials, type RemovedMarkup } from "./body-markdown.ts";
import { decodeReferences } from "./html-entities.ts";
import { MAX_BODY_ELEMENTS } from "../story/story-body.ts";

/** The body as the importer made it: Markdown, the place and agency its dateline named, if it opened with one, and the notes to editors above it. */
export interface ImportedBody {
  markdown: string;
  place?: string;
  agency?: string;
  /** The agency's notes to editors taken off its top ("(Adds power cuts)"), as typed. */
  editorsNotes?: string[];
  /** The lines the agency ended the text with ("(Reporting by …; Editing by …)", "###"), left out, as shown. */
  trailers?: string[];
  /** The captions of pictures in the text, left out with their pictures. */
  pictureCaptions?: string[];
  /** The alt text of pictures in the text that have no caption, left out with their pictures. */
  pictureAlts?: string[];
  /** Links to places on the producer's site the item gave no full address for, left out, their words kept. */
  unreadLinks?: string[];
  /** Embedded media, code and unsafe links taken out of the text, a kind each. */
  removed?: RemovedMarkup[];
  /** A byline the text opened with, the item giving none of its own: the story's byline. */
  typedByline?: string;
  /** A newspaper's dateline the text opened with, as typed ("LAKESIDE, Ohio —"): its place is the story's. */
  placeDateline?: string;
  /** True when the text was too large to keep its markup, and kept as paragraphs. */
  markupLeftOut?: boolean;
  /** Each run of lines of columns in a plain text, as typed, kept in a block of fixed-width text. */
  columns?: string[][];
  /** The table cells that spanned rows or columns, each repeated in every place it spanned, as named ("Votes" over 2 columns). */
  spreadCells?: string[];
  /** Numbered lists whose numbering Markdown cannot write, as named, their numbers written into their items. */
  labelledLists?: string[];
  /** Readings set above their text (ruby), as named, written after it in parentheses. */
  rubyReadings?: string[];
}

/**
 * The line naming a run of lines of columns in a plain text (a table of results) kept as typed, in
 * a block of fixed-width text: the form the agency's words are printed in changed, so the editor hears of it.
 */
function columnsNote(lines: readonly string[]): ItemNote {
  const more = lines.length > 1 ? ` and ${lines.length - 1} more` : "";
  return { field: "body", message: `${lines.length} lines of columns (${JSON.stringify(lines[0] ?? "")}${more}) kept as typed, in a block of fixed-width text: run into a paragraph, their figures would read as one`, code: "WD240" };
}

/**
 * The line naming a table's cells that spanned rows or columns, repeated in each place they
 * spanned: the table's form changed from the agency's, so the editor hears of it.
 */
function spreadCellsNote(cells: readonly string[]): ItemNote {
  return { field: "body", message: `a table's cells that span rows or columns (${cells.join(", ")}), each repeated in every row and column it spans: a Markdown table cannot join cells, and so each cell stays under its own headings`, code: "WD244" };
}

/**
 * The line naming numbered lists whose numbers Markdown cannot write (letters, Roman numerals,
 * counting down, an item's own number): the agency's numbers are kept, but the list's form changed.
 */
function labelledListsNote(lists: readonly string[]): ItemNote {
  const many = lists.length > 1;
  return { field: "body", message: `${many ? `${lists.length} numbered lists` : "a numbered list"} (${lists.join("; ")}) written as ${many ? "lists" : "a list"} of bullets, the agency's numbers written into ${many ? "their" : "its"} items: Markdown numbers a list only 1, 2, 3 up from its first number`, code: "WD247" };
}

/** The line naming readings set above their text (ruby), which Markdown has no place for: written after it in parentheses. */
function rubyReadingsNote(readings: readonly string[]): ItemNote {
  return { field: "body", message: `${readings.length === 1 ? "a reading" : `${readings.length} readings`} set above ${readings.length === 1 ? "its" : "their"} text (<ruby>: ${readings.join(", ")}), written after it in parentheses: Markdown cannot set a reading above its text`, code: "WD247" };
}

/** The words a story's photo may carry besides its file, in the order its front matter writes them: what it shows, its credit, its rights. */
export const PHOTO_WORDS = ["alt", "credit", "caption", "creator", "copyright", "usageTerms", "license", "licensePage"] as const satisfies readonly (keyof NonNullable<StoryFields["photo"]>)[];

/** The words of a story's photo `group` holds as text, in PHOTO_WORDS' order. */
export function photoWordsOf(group: Readonly<Record<string, unknown>>): Omit<ImportedPhoto, "src"> {
  return Object.fromEntries(PHOTO_WORDS.flatMap((name) => (typeof group[name] === "string" ? [[name, group[name]]] : [])));
}

/** The item's picture as it will sit in the story's folder, with the agency's (or the file's own) words and rights. */
export type ImportedPhoto = { src: string } & { [Word in (typeof PHOTO_WORDS)[number]]?: string };

export interface PlanContext {
  body: ImportedBody;
  photo?: ImportedPhoto;
  datelinePlaces: DatelinePlaces;
  /** The zone for a place the newsroom's table and the gazetteer do not know (the feed's --zone). */
  defaultZone?: string;
  /** The site's language: an item in another gets the story's `lang` field. */
  siteLanguage: string;
  /** The language of an item that states none (the feed's --lang). */
  defaultLanguage?: string;
  /** The story already imported from an earlier version of the item. */
  existing?: WireStory;
  /** A reason found before planning for an editor to see the story first (a photo that could not be taken). */
  heldFor?: ItemNote;
  /** The agencies the settings list, whose own `withoutLead` decides for their items; none when not given. */
  agencies?: readonly Agency[];
  /** What becomes of an item without a lead whose agency's entry does not say (the site's `withoutLead`); hold when not given. */
  withoutLead?: WithoutLead;
  /** How the imported stories spell each topic and author, by its page (see pageOf); none known when not given. */
  spellings?: Readonly<Spellings>;
}

/** A story file's contents, in the contract's fields, and why an editor must still act on it before it is published. */
export interface StoryPlan {
  fields: Record<string, unknown>;
  body: string;
  /** Why the story is held as a draft (empty when it may be published, at once or when its embargo ends). */
  held: ItemNote[];
  /** What of the item the story leaves out, each with the line saying so (a note to editors, a job title in the byline). */
  leftOut?: ItemNote[];
  /** A correction entry added for the editor to word, as its text's field name ("corrections.1.text"). */
  correctionField?: string;
  /** What the agency's notes to editors say the correction corrects ("(Corrects day in first paragraph)", a Superdesk ednote), for the editor wording it. */
  correctionNotes?: string[];
  /** The story's calendar day at its dateline (2013-09-02), which its address and folder carry. */
  day: string;
}

export type PlanResult = { ok: true; plan: StoryPlan } | { ok: false; problems: WireProblem[] };

/** How the contract limits topics (see src/lib/story/schema.ts). */
const MAX_TOPICS = 20;
const MAX_TOPIC_LENGTH = 60;


/**
 * A headline or lead as one line of text. A field its reader gave as plain text is kept as it is;
 * in any other, markup an agency left in it and its character references are read, never printed or run.
 */
const textField = (text: string, item: Pick<WireItem, "plainFields">): string => oneLine(item.plainFields ? text : /<[a-z!/?]/i.test(text) ? htmlText(text) : decodeReferences(text));

/** Elements whose words go with them when a field's markup is read for its words (textField): code, and a form's. */
const LEFT_OUT_WITH_WORDS = /<(script|style|textarea|option)\b/i;

/**
 * The line saying a headline or lead came HTML-escaped, as some JSON producers send them
 * ("Council&#8217;s budget: rates rise &amp; fees double"): its references are read as the
 * characters they stand for (see textField), since no editor wants "&#8217;" printed; or that
 * markup in it held a script, a style or a form's words, which reading it for its words leaves out.
 */
function unescapedNote(field: string, text: string | undefined, item: Pick<WireItem, "plainFields">): ItemNote[] {
  if (text === undefined || item.plainFields) return [];
  const element = LEFT_OUT_WITH_WORDS.exec(text)?.[1];
  if (element !== undefined && /<[a-z!/?]/i.test(text)) return [ignoredNote(field, `a <${element.toLowerCase()}> and what it holds, in ${JSON.stringify(oneLine(text))}: the field's markup is read for its words, and this is none`)];
  if (decodeReferences(text) === text) return [];
  return [ignoredNote(field, `the HTML escaping of ${JSON.stringify(oneLine(text))}: its character references are read as the characters they stand for`)];
}

/** A source as a line quotes it: whole, unless it is long (a data: address may run to megabytes). */
const quotedSource = (source: string): string => JSON.stringify(source.length > 100 ? `${source.slice(0, 99)}…` : source);

/** What an element taken out with its words is, as a line says it. */
const ELEMENT_KINDS: ReadonlyMap<string, string> = new Map([
  ...["<form>", "<textarea>", "<select>", "<button>"].map((name): [string, string] => [name, "a form to fill in"]),
  ["<math>", "a formula"],
  ["<svg>", "a drawing"],
  ["<canvas>", "a drawing"],
  ["<noscript>", "what a page shows where its scripts do not run"],
]);

/** What a marking Markdown cannot write marks, as a line says it. */
const MARKINGS: ReadonlyMap<string, string> = new Map([
  ["<u>", "underlined text"],
  ["<ins>", "text marked as inserted"],
  ["<mark>", "highlighted text"],
]);

/**
 * The line naming markup of one kind taken out of the text, and why (a form, a formula or a
 * drawing with the words it held, which went with it): media embedded from
 * elsewhere is left out as a picture in the text is (WD210); code and unsafe links have a code of
 * their own (WD235), as a feed sending them may be one to look at.
 */
function removedNote({ kind, name, count, sources }: RemovedMarkup): ItemNote {
  const words = sources.map((text) => JSON.stringify(text)).join(", ");
  if (kind === "marking") {
    return ignoredNote("body", `the marking of ${count} ${name} element${count === 1 ? "" : "s"} (${words}): ${MARKINGS.get(name) ?? "marked text"}, which story Markdown cannot mark; the words are kept, unmarked (expected emphasis, *…* or **…**, if the marking matters)`);
  }
  if (kind === "struck") {
    return ignoredNote("body", `struck text in fixed-width text (${words}): a block of fixed-width text cannot show it struck, and printed it would read as current, so it is left out (expected struck text outside <pre>)`);
  }
  if (kind === "element") {
    const words = sources.length === 0 ? "" : ` holding ${sources.map((text) => JSON.stringify(text)).join(", ")}`;
    return ignoredNote("body", `${count === 1 ? "a" : count} ${name}${count === 1 ? "" : " elements"}${words}: ${ELEMENT_KINDS.get(name) ?? "markup"}, which a story's page does not carry (expected the story's words: write them into the text if they matter)`);
  }
  const from = sources.length === 0 ? "" : ` ${kind === "unsafe link" ? "to" : "from"} ${sources.map(quotedSource).join(", ")}`;
  if (kind === "embed") {
    return ignoredNote("body", `${count === 1 ? "an embedded" : `${count} embedded`} ${name}${from}: media from elsewhere, which a static page does not carry (expected the story's words: link to it by hand if it matters)`);
  }
  const what =
    kind === "unsafe link"
      ? `${count === 1 ? "a link" : `${count} links`}${from}, ${count === 1 ? "its" : "their"} words kept: a ${name} address, which no page of the site links to (expected http, https or mailto links)`
      : name.startsWith("<")
        ? `${count === 1 ? "a" : count} ${name}${count === 1 ? "" : " elements"}${from}: code, which no page of the site runs (expected the story's words and markup only)`
        : `the event attribute ${name}${count === 1 ? "" : ` on ${count} elements`}: code, which no page of the site runs (expected the story's words and markup only)`;
  return { field: "body", message: `warning: left out: ${what}`, code: "WD235" };
}

/** A photo's words as a line names them, in the order the story's photo writes them. */
const PHOTO_WORD_NAMES = [
  ["caption", "caption"],
  ["alt", "alt text"],
  ["credit", "credit"],
  ["creator", "creator"],
  ["copyright", "copyright"],
  ["usageTerms", "usage terms"],
] as const;

/**
 * The line quoting the words of a photo the import could not take (its caption, alt text, rights),
 * which no field of a story without its photo holds: the story runs without the picture, and the
 * editor who adds it has the agency's words for it. Its credit is quoted only when the story keeps
 * it nowhere else (`photoCredit`). None when the photo was taken, or had no words.
 */
function photoWordsLeftOut(item: Pick<WireItem, "photo" | "plainFields">, taken: boolean, creditKept: boolean): ItemNote[] {
  if (item.photo === undefined || taken) return [];
  const { photo } = item;
  const words = PHOTO_WORD_NAMES.flatMap(([name, spoken]) => {
    const text = photo[name] === undefined ? "" : textField(photo[name], item);
    return text === "" || (name === "credit" && creditKept) ? [] : [{ name, spoken, text }];
  });
  if (words.length === 0) return [];
  const quoted = words.map(({ spoken, text }) => `its ${spoken} ${JSON.stringify(text)}`).join(", ");
  const fields = words.map(({ name }) => `photo.${name}`).join(", ");
  return [ignoredNote(photo.path, `the words of the photo left out, with it: ${quoted} (expected in ${fields} when an editor adds the photo)`)];
}

/** Whether an item says what the story on file says: its headline, its lead (when it sends one) and its text, white space aside. */
export function sameWords(item: WireItem, body: ImportedBody, story: WireStory): boolean {
  const spaced = (text: unknown): string => (typeof text === "string" ? oneLine(text) : "");
  return (
    textField(item.headline, item) === spaced(story.fields["title"]) &&
    (item.lead === undefined || textField(item.lead, item) === spaced(story.fields["lead"])) &&
    spaced(body.markdown) === spaced(story.body)
  );
}

/**
 * A time as the story contract writes it: an instant with its offset, or a day alone. A time
 * without offset is read in `zone`; with no zone to read it in, it has no instant (undefined).
 */
function storyTime(time: WireTime, zone: string | undefined): string | undefined {
  if (time.offset !== undefined || !time.local.includes("T")) return formatWireTime(time);
  if (zone === undefined) return undefined;
  return DateTime.fromISO(time.local, { zone }).toISO({ suppressMilliseconds: true }) ?? time.local;
}

/** The calendar day at the dateline of a date as the contract writes it; with no zone, at the date's own offset. */
function calendarDay(date: string, zone: string | undefined): string | undefined {
  if (!date.includes("T")) return date;
  return DateTime.fromISO(date, zone === undefined ? { setZone: true } : { zone }).toISODate() ?? undefined;
}

/** The item's topics as the contract takes them: one line each, no repeats; each one left out for its length or its want of an address named. */
function topicsOf(item: WireItem): { topics: string[]; notes: ItemNote[] } {
  const seen = new Set<string>();
  const topics: string[] = [];
  const notes: ItemNote[] = [];
  for (const raw of item.topics) {
    const topic = oneLine(raw);
    const key = topic.toLowerCase();
    if (topic === "" || seen.has(key)) continue;
    seen.add(key);
    if (characterCount(topic) > MAX_TOPIC_LENGTH) notes.push(ignoredNote("tags", `${JSON.stringify(topic)}: longer than a topic's ${MAX_TOPIC_LENGTH} characters`));
    else if (addressSlug(topic) === "") notes.push(ignoredNote("tags", `${JSON.stringify(topic)}: nothing in it makes an address for a topic page`));
    else topics.push(topic);
  }
  return { topics, notes };
}

/**
 * Who wrote the item, as the story's `by` takes them: each name once, and no agency's (the item's
 * own, or one the settings list): the dateline credits the agency. Authors given apart who are
 * all agencies leave the byline to be read. A name the field cannot take
 * (too long, nothing to make an address of, past the tenth) is left out with a line saying so, as
 * is where a writer was, when the byline read gives it after the name, and a credit for work besides
 * the writing closing it ("Editing by Cy Wu"). A comma or semicolon a name is given with at either
 * end ("Ann Smith,", as a creator list may give it) is taken off, with a line, as `by` takes no name with one.
 */
function authorsOf(item: WireItem, source: string | undefined, agencies: readonly Agency[]): { names: string[]; left: string[]; notNames: NotAName[]; places: WriterPlace[]; credits: string[]; marked: string[] } {
  const byline = item.byline === undefined ? { names: [], places: [], credits: [] } : bylineNames(item.byline);
  const fromByline = byline.names;
  const given = item.authors ?? fromByline;
  const places = given === fromByline ? byline.places : [];
  const credits = given === fromByline ? byline.credits : [];
  const names: string[] = [];
  const left: string[] = [];
  const notNames: NotAName[] = [];
  const marked: string[] = [];
  for (const raw of given) {
    const typed = withoutBy(oneLine(raw));
    const name = withoutStrayMarks(typed);
    const isAgency = (source !== undefined && isSameAgency(name, source, agencies)) || findAgency(name, agencies) !== undefined;
    if (name === "" || isAgency || names.some((known) => known.toLowerCase() === name.toLowerCase())) continue;
    const notName = notANameWhy(name, given !== fromByline);
    if (notName) notNames.push({ text: name, why: notName });
    else if (characterCount(name) > MAX_AUTHOR_NAME || addressSlug(name) === "" || names.length === MAX_AUTHORS) left.push(name);
    else {
      names.push(name);
      if (name !== typed) marked.push(typed);
    }
  }
  // Creators that are only the agency (Reuters credits itself so) or its logins (dpa) name no writer: the byline does, when it names one.
  if (names.length === 0 && left.length === 0 && given !== fromByline) {
    const bylined = authorsOf({ ...item, authors: undefined }, source, agencies);
    if (notNames.length === 0 || bylined.names.length > 0) return bylined;
  }
  // A byline of the desk's own words ("Staff and agencies", as the Guardian credits) is one credit, not two people; an editor's credit after it is still none of it.
  if (given === fromByline && names.length > 1 && names.every((name) => CREDIT_WORDS.test(name)) && item.byline !== undefined) {
    const writers = withoutContributorCredits(withoutBy(oneLine(item.byline))).writers;
    const name = withoutStrayMarks(writers);
    return { names: [name], left, notNames, places: [], credits, marked: name === writers.trim() ? [] : [writers.trim()] };
  }
  // A byline that is only a job ("Staff reporter") is the credit the agency gives: it stays.
  const jobs = notNames.filter(({ why }) => why === JOB);
  if (names.length === 0 && jobs.length === notNames.length) return { names: jobs.slice(0, MAX_AUTHORS).map(({ text }) => text), left: [...left, ...jobs.slice(MAX_AUTHORS).map(({ text }) => text)], notNames: [], places, credits, marked };
  return { names, left, notNames, places, credits, marked };
}

/** Part of a byline that is no writer's name, and why. */
interface NotAName {
  text: string;
  why: string;
}

/** A byline's part that is a writer's job beside their name: "Press Association Political Correspondent", "Staff Writer". */
const JOB_TITLE = /\b(?:correspondents?|editors?|reporters?|writers?|columnists?|chief|producers?|photographers?|analysts?|critics?|contributors?)$/i;
const JOB = "a job title, not a name";
/** Words a desk credits itself with in a byline, none of them a person. */
const CREDIT_WORDS = /^(?:staff|agencies|agency|wires?|newswires?|reporters?|correspondents?|desk|newsroom)$/i;
/** The desk's initials agencies sign a story with ("gr/bp" at EFE): short, and all in small letters, as no name is. */
const DESK_INITIALS = /^\p{Ll}{1,4}$/u;
/** A writer's login in the agency's system, as dpa names its creators ("gehler.annett", "heimann_a"): one word in small letters. */
const ACCOUNT_NAME = /^\p{Ll}[\p{Ll}\p{N}._-]*$/u;

/** Why a name is none; a login only among the authors a format gives apart (a byline's "Staff and agencies" is words). */
function notANameWhy(name: string, givenApart: boolean): string | undefined {
  if (JOB_TITLE.test(name)) return JOB;
  if (DESK_INITIALS.test(name)) return "the desk's initials, not a name";
  if (givenApart && ACCOUNT_NAME.test(name)) return "a login in the agency's system, not a name";
  return undefined;
}

/** A text field of the story on file, if it has one. */
function stringField(fields: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = fields[name];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** The photo of the story on file with its words, kept when an update brings none. */
function earlierPhoto(fields: Readonly<Record<string, unknown>>): ImportedPhoto | undefined {
  const photo = fields["photo"];
  if (typeof photo !== "object" || photo === null) return undefined;
  const group = photo as Record<string, unknown>;
  if (typeof group["src"] !== "string") return undefined;
  return { src: group["src"], ...photoWordsOf(group) };
}

/** The story's topics, then the agency's new ones: a topic an editor added stays through every update. */
function mergedTopics(earlier: readonly unknown[], fresh: readonly string[]): { topics: string[]; notes: ItemNote[] } {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const topic of [...earlier, ...fresh]) {
    if (typeof topic !== "string" || seen.has(topic.toLowerCase())) continue;
    seen.add(topic.toLowerCase());
    topics.push(topic);
  }
  const notes = topics.slice(MAX_TOPICS).map((topic) => ignoredNote("tags", `${JSON.stringify(topic)}: past the ${MAX_TOPICS} topics a story takes`));
  return { topics: topics.slice(0, MAX_TOPICS), notes };
}

/** A name without its case, spaces and the marks agencies dress a keyword in ("#G20HH", "'G20HH", "3. Liga"): what two spellings of one name share. */
const bareName = (name: string): string => name.normalize("NFC").toLocaleLowerCase().replace(/[\s#'’.\-_]/gu, "");

/**
 * The item's topics or byline names, each written as the imported stories (or an earlier one of
 * the item) already spell it when it is that name dressed otherwise ("'G20HH" where stories have
 * "#G20HH", "JANE DOE" where they have "Jane Doe"): two spellings of one page stop the build. Each
 * one written otherwise has its line. A name that only makes the same page ("C#" and "C++", "李明"
 * and "黎明") is another name: the item is held for an editor to tell them apart.
 */
function knownSpellings(kind: keyof Spellings, fresh: readonly string[], lang: string, known: ReadonlyMap<string, string> = new Map()): { names: string[]; notes: ItemNote[]; clashes: string[] } {
  const spellings = new Map(known);
  const notes: ItemNote[] = [];
  const clashes: string[] = [];
  // Topics that differ only in case are one topic already; authors are spelled as written.
  const same = (a: string, b: string) => (kind === "topics" ? topicKey(a) === topicKey(b) : oneLine(a) === oneLine(b));
  const names = fresh.map((name) => {
    const page = pageOf(lang, name);
    if (page === undefined) return name;
    const spelling = spellings.get(page);
    if (spelling === undefined) spellings.set(page, name);
    if (spelling === undefined || same(spelling, name)) return name;
    const address = page.slice(page.indexOf("/") + 1);
    const what = kind === "topics" ? "topic" : "author";
    if (bareName(spelling) !== bareName(name)) {
      clashes.push(`its ${what} ${JSON.stringify(name)} makes the page ${address}, as the stories' ${JSON.stringify(spelling)} does (expected one ${what} a page: write the one meant, or tell them apart)`);
      return name;
    }
    notes.push(ignoredNote(kind === "topics" ? "tags" : "byline", `the spelling ${JSON.stringify(name)}: written ${JSON.stringify(spelling)}, as other stories spell that ${what} (both make the address of its page, ${address})`));
    return spelling;
  });
  return { names, notes, clashes };
}

/** An urgency a story's `priority` can hold: a whole number from 1 to 9, as IPTC numbers it. */
const isPriority = (urgency: number | undefined): urgency is number => urgency !== undefined && Number.isInteger(urgency) && urgency >= 1 && urgency <= 9;

/** The fields the import decides, from the agency's item and the story on file; any other field of the story is the newsroom's and stays. */
const IMPORTED_FIELDS = new Set(["title", "lead", "by", "date", "updated", "dateline", "timezone", "source", "lang", "draft", "photo", "photoCredit", "tags", "corrections", "withdrawn", "wire"]);

/** The newsroom's own fields of the story on file (a sample mark, a translation's original), which no update touches. */
function keptFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !IMPORTED_FIELDS.has(name)));
}

/**
 * The place as the dateline prints it: from the body's own dateline, else the item's place
 * fields with the city in capitals and a region after it as written ("GROSSETO, Italy").
 */
export function storyPlace(item: Pick<WireItem, "place">, body: Pick<ImportedBody, "place">): string | undefined {
  return body.place ?? (item.place === undefined ? undefined : oneLine(item.place).replace(/^[^,]*/, (city) => city.toLocaleUpperCase("en-US")));
}

/**
 * The zone of the story's place. A place typed in the text wins as printed, but where it names
 * two cities ("Valencia": Spain's and Venezuela's) the item's own place field, which the format
 * gives apart ("Valencia, Spain"), says which: the story then names that zone.
 */
function placedZone(item: Pick<WireItem, "place">, body: Pick<ImportedBody, "place">, place: string | undefined, context: Pick<PlanContext, "datelinePlaces" | "defaultZone" | "existing">): ReturnType<typeof zoneFor> {
  const zone = zoneFor(place, context);
  if (!("problem" in zone) || body.place === undefined || item.place === undefined) return zone;
  const fielded = zoneFor(oneLine(item.place), context);
  return "problem" in fielded || fielded.zone === undefined ? zone : { zone: fielded.zone, explicit: fielded.zone };
}

/**
 * The place as wire style prints it from an item's place fields: the region only where the city
 * alone would be read in another zone ("OSLO" for "Oslo, Norway", but "PORTLAND, Maine").
 */
function printedPlace(place: string, zone: string, datelinePlaces: DatelinePlaces): string {
  const city = place.split(",")[0]!.trim();
  if (city === place) return place;
  const alone = resolveDatelineZone(city, undefined, datelinePlaces);
  return alone.ok && canonicalZone(alone.zone) === canonicalZone(zone) ? city : place;
}

/**
 * The zone the story's days are counted in: the place's, else one an editor set on an earlier
 * version, else the feed's (`explicit`: the story must name it, as its place gives none). A story
 * with no place yet names no zone: the feed's, if any, only reads times that carry no offset.
 */
export function zoneFor(
  place: string | undefined,
  context: Pick<PlanContext, "datelinePlaces" | "defaultZone" | "existing">,
): { zone?: string; explicit?: string } | { problem: string } {
  const earlier = context.existing?.fields["timezone"];
  const chosen = typeof earlier === "string" ? earlier : context.defaultZone;
  if (place === undefined) return chosen === undefined ? {} : { zone: chosen };
  const found = resolveDatelineZone(place, undefined, context.datelinePlaces);
  if (found.ok) return { zone: found.zone };
  if (chosen !== undefined) return { zone: chosen, explicit: chosen };
  // Inside the problem's "(expected …)", which a place several cities share follows with a line for each.
  return { problem: found.problem.replace(/\(expected ([^)]*)\)/, "(expected $1; or run the import with --zone <IANA zone> for this feed)") };
}

/** A date as the contract writes it, as an instant to compare. */
const instant = (time: unknown): number => DateTime.fromISO(String(time), { setZone: true }).toMillis();

/** What of an item dates its story: its times and the place its own fields give. */
type DatedItem = Pick<WireItem, "path" | "file" | "versionTime" | "released" | "embargoedUntil" | "place">;

/** The story's place and zone, when this version was made and the story's date, each as the contract writes it. */
interface StoryDates {
  ok: true;
  /** The place the item gives (its body's dateline, else its place fields); `place` falls back to the story on file's. */
  itemPlace?: string;
  place?: string;
  zone: { zone?: string; explicit?: string };
  versionTime: string;
  date: unknown;
  /** True when the story on file was still under embargo when this version was made: the version dates it. */
  notOutYet: boolean;
}

/**
 * When the item's story is dated and this version was made, at its place; or every reason that
 * cannot be told: a place no zone is known for, no time, times without an offset and no place.
 * It needs none of the item's words but its body's dateline, so it is told of an item refused
 * for them too. `timeRefused`: the reader refused the item's time, and said so.
 */
export function storyDates(
  item: DatedItem,
  body: Pick<ImportedBody, "place">,
  context: Pick<PlanContext, "datelinePlaces" | "defaultZone" | "existing"> & { timeRefused?: boolean },
): StoryDates | { ok: false; problems: WireProblem[] } {
  const problems: WireProblem[] = [];
  const problem = (field: string, message: string, code: ProblemCode) => problems.push({ file: item.file, field, message, code });
  const { existing } = context;
  const itemPlace = storyPlace(item, body);
  // What the agency does not send this time stays as the story has it: an update never blanks a field.
  const place = itemPlace ?? stringField(existing?.fields ?? {}, "dateline");
  const time = item.versionTime ?? item.released;
  if (time === undefined && !context.timeRefused) {
    problem(item.path, "gives no time for this version (expected when the agency made or released it: an RSS item's pubDate or dc:date, an Atom entry's updated or published, ninjs versioncreated, NewsML-G2 versionCreated)", "WD206");
  }
  const zone = placedZone(item, body, place, context);
  if ("problem" in zone) problem("dateline", zone.problem, "WD213");
  const versionTime = time && !("problem" in zone) ? storyTime(time, zone.zone) : undefined;
  const released = item.embargoedUntil ?? item.released ?? time;
  const releasedAt = released && !("problem" in zone) ? storyTime(released, zone.zone) : undefined;
  // A story keeps its date (so its address) through updates, once it is out. One still under embargo
  // when this version was made was never out: the version's own embargo, moved or lifted, dates it.
  const notOutYet = existing?.fields["date"] !== undefined && versionTime !== undefined && instant(existing.fields["date"]) > instant(versionTime);
  const date = notOutYet ? releasedAt : (existing?.fields["date"] ?? releasedAt);
  if (time !== undefined && !("problem" in zone) && (versionTime === undefined || date === undefined)) {
    problem("date", "the item's times carry no offset and it names no place to read them at (expected a located or dateline field, or run the import with --zone <IANA zone> for this feed)", "WD213");
  }
  if (problems.length > 0 || "problem" in zone || versionTime === undefined || date === undefined) return { ok: false, problems };
  return { ok: true, ...(itemPlace === undefined ? {} : { itemPlace }), ...(place === undefined ? {} : { place }), zone, versionTime, date, notOutYet };
}

/**
 * What a wire item becomes as a story: the contract's fields in the order editors read them,
 * with the agency's record (`wire`) that later versions are matched by. An update keeps the
 * story's date (so its address) and corrections, records the new version as `updated`, and
 * never blanks what the agency does not send: the story's lead, source, place, photo, topics
 * and the newsroom's own fields stay. A correction (flagged, or opening with a note saying what it
 * corrects) adds an entry with the import's placeholder, which keeps the story a draft until an
 * editor words it.
 * What an editor can add (a dateline, the agency's name, a photo's words, and a lead where the
 * agency's setting asks for one) holds the story as a draft rather than refusing the agency's text.
 */
export function planStory(item: WireItem, context: PlanContext): PlanResult {
  const { body, existing, photo } = context;
  const earlier = existing?.fields ?? {};
  const dated = storyDates(item, body, context);
  if (!dated.ok) return dated;
  const { itemPlace, place, zone, versionTime, date, notOutYet } = dated;
  // A partner's feed (its source no agency the settings list) carrying an agency's copy credits the agency its dateline names.
  const carried = body.agency !== undefined && item.source !== undefined && findAgency(item.source, context.agencies ?? []) === undefined && !isSameAgency(body.agency, item.source, context.agencies ?? []);
  const source = carried ? body.agency : (item.source ?? body.agency ?? stringField(earlier, "source"));

  const held: ItemNote[] = [];
  const hold = (message: string, code: ProblemCode = "WD216") => held.push({ field: "", message, code });
  if (item.status === "withheld") hold("withheld by the agency", "WD217");
  const lead = (item.lead === undefined ? undefined : textField(item.lead, item)) || stringField(earlier, "lead");
  // An item without a lead is held for one, or published with no standfirst, as its agency's setting says.
  if (!lead && withoutLeadFor(source, context.agencies ?? [], context.withoutLead ?? "hold") === "hold") hold("needs a lead");
  if (place === undefined) hold("needs a dateline: the item names no place");
  if (source === undefined) hold("needs a source: the item names no agency");
  const picture = photo ?? earlierPhoto(earlier);
  // A photo the agency named but the import could not take: its credit stays, printed as text, until a photo runs.
  const photoCredit = picture ? undefined : (item.photo?.credit === undefined ? undefined : textField(item.photo.credit, item)) || stringField(earlier, "photoCredit");
  if (picture && picture.alt === undefined) hold("needs alt text for its photo");
  if (picture && picture.credit === undefined) hold("needs a credit for its photo");
  if (context.heldFor) held.push(context.heldFor);
  const authors = authorsOf(item.byline === undefined && body.typedByline !== undefined ? { ...item, byline: body.typedByline } : item, source, context.agencies ?? []);
  if (authors.left.length > 0) {
    const left = authors.left.map((name) => JSON.stringify(name)).join(", ");
    hold(`needs a look at its byline: ${left} left out of by (expected at most ${MAX_AUTHORS} names, each up to ${MAX_AUTHOR_NAME} characters with a letter or digit)`);
  }
  const lang = item.lang ?? context.defaultLanguage;
  const bylined = knownSpellings("authors", authors.names, lang ?? context.siteLanguage, context.spellings?.authors);
  for (const clash of bylined.clashes) hold(`needs a look at its byline: ${clash}`);
  const names = [...new Set(bylined.names)];
  // An update without a byline keeps the story's.
  // One name the one-name form would refuse ("Smith and Jones", as a creator is given) is written as a list of one, which says it is one.
  const by = names.length > 1 || refusedAsOneName(names[0] ?? "") ? names : (names[0] ?? earlier["by"]);

  const corrections = Array.isArray(earlier["corrections"]) ? [...(earlier["corrections"] as unknown[])] : [];
  let correctionField: string | undefined;
  const editorsNotes = body.editorsNotes ?? [];
  // A note saying what the version corrects ("(Corrects …)") makes it a correction, flagged or not: not every format or desk flags one.
  const correcting = item.correction || editorsNotes.some(isCorrectionNote);
  // A correction of a version no reader saw (the story still under embargo) is no correction for readers: the story is updated.
  if (correcting && !notOutYet) {
    // Dated when the agency corrected it, but never before the story: an item corrected under embargo is corrected as it goes out.
    corrections.push({ date: instant(date) > instant(versionTime) ? date : versionTime, text: correctionPlaceholder(source ?? "The agency") });
    correctionField = `corrections.${corrections.length - 1}.text`;
  }
  // The agency's notes to editors are no story text: a correction's is quoted where the editor is asked to word it, the others named as left out.
  // The note a correction gives apart from its text (Superdesk's ednote) is the desk's word on it, whatever it says; each note is quoted once.
  const correctionNotes = correctionField ? [...new Set([...editorsNotes.filter(isCorrectionNote), ...(item.editorsNote === undefined ? [] : [oneLine(item.editorsNote)])])] : [];
  const leftOut = [
    // A note to editors given apart from the text, when no correction quotes it: no story text, named as left out.
    ...(item.editorsNote !== undefined && correctionField === undefined ? [editorsNoteFieldNote("ednote", item.editorsNote)] : []),
    ...(correcting && notOutYet ? [ignoredNote("", "the agency's correction: the story has not gone out (under embargo), so no reader saw what it corrects; the story is updated, with no correction to print")] : []),
    ...editorsNotes.filter((note) => !correctionNotes.includes(note)).map((note) => editorsNoteFieldNote("body", note)),
    ...authors.notNames.map(({ text, why }) => ignoredNote("byline", `${JSON.stringify(text)}: ${why}, so not an author`)),
    ...creditLeftOutNotes("byline", authors),
    ...authors.marked.map((typed) => ignoredNote("byline", `${JSON.stringify(typed)}: a comma or semicolon beside the name, which parts names and is no part of one, so by names ${JSON.stringify(withoutStrayMarks(typed))}`)),
    ...bylined.notes,
    ...(carried ? [ignoredNote("source", `${JSON.stringify(item.source)}: the feed's name; its text is ${body.agency ?? ""}'s copy, as its dateline says, so the page credits ${body.agency ?? ""}`)] : []),
    ...(body.markupLeftOut ? [ignoredNote("body", `the text's markup (headings, links, emphasis, lists, tables): it would render to more than ${MAX_BODY_ELEMENTS.toLocaleString("en-US")} elements, so its words are kept as paragraphs`)] : []),
    ...(body.unreadLinks ?? []).map((href) => ignoredNote("body", `the link to ${JSON.stringify(href)}: a place on the producer's site the item gives no full address for (its words are kept)`)),
    ...(body.removed ?? []).map(removedNote),
    ...unescapedNote("headline", item.headline, item),
    ...unescapedNote("lead", item.lead, item),
    // A byline typed above the story is taken out of the text as its byline; one repeating the item's own loses nothing.
    ...(item.byline === undefined && body.typedByline !== undefined ? [ignoredNote("body", `${JSON.stringify(body.typedByline)}: the byline typed above the story, taken as its by, not story text`)] : []),
    ...(body.placeDateline === undefined || body.place === undefined
      ? []
      : [{ field: "body", message: `its dateline is ${JSON.stringify(body.place)}, from the words its text opens with (${JSON.stringify(body.placeDateline)}), a place the dateline places know; the page prints it from the field`, code: "WD239" as const }]),
    ...(body.columns ?? []).map(columnsNote),
    ...(body.spreadCells ? [spreadCellsNote(body.spreadCells)] : []),
    ...(body.labelledLists ? [labelledListsNote(body.labelledLists)] : []),
    ...(body.rubyReadings ? [rubyReadingsNote(body.rubyReadings)] : []),
    ...(body.trailers ?? []).map((line) => ignoredNote("body", `${JSON.stringify(line)}: ${isEditorsInitials(line) ? "the initials of the agency's editors who handled the story" : "the agency's line after the story (its credits or end-of-item mark)"}, not story text`)),
    ...(body.pictureCaptions ?? []).map((caption) => ignoredNote("body", `${JSON.stringify(caption)}: the caption of a picture in the text, which goes with the picture (a story shows only its own photo and images)`)),
    ...(body.pictureAlts ?? []).map((alt) => ignoredNote("body", `a picture in the text, its alt text ${JSON.stringify(alt)} (a story shows only its own photo and images)`)),
    ...photoWordsLeftOut(item, photo !== undefined, photoCredit !== undefined && photoCredit === textField(item.photo?.credit ?? "", item)),
  ];
  const delivered = topicsOf(item);
  const spelled = knownSpellings("topics", delivered.topics, lang ?? context.siteLanguage, context.spellings?.topics);
  for (const clash of spelled.clashes) hold(`needs a look at its topics: ${clash}`);
  leftOut.push(...delivered.notes, ...spelled.notes);
  const merged = mergedTopics(Array.isArray(earlier["tags"]) ? (earlier["tags"] as unknown[]) : [], spelled.names);
  leftOut.push(...merged.notes);
  const topics = merged.topics;
  // An editor's zone for the place stays while the place does.
  const timezone = zone.explicit ?? (place === earlier["dateline"] ? stringField(earlier, "timezone") : undefined);
  const fields: Record<string, unknown> = {
    title: textField(item.headline, item),
    ...(lead ? { lead } : {}),
    ...(by === undefined ? {} : { by }),
    date,
    // An update made at the story's own time (a change in place) says nothing an "Updated" line could add.
    ...(existing && !notOutYet && instant(versionTime) !== instant(date) ? { updated: versionTime } : {}),
    ...(place === undefined ? {} : { dateline: itemPlace === undefined ? place : body.place ?? (zone.zone && !zone.explicit ? printedPlace(place, zone.zone, context.datelinePlaces) : place) }),
    ...(timezone === undefined ? {} : { timezone }),
    ...(source === undefined ? {} : { source }),
    ...(lang && primaryLanguage(lang) !== primaryLanguage(context.siteLanguage) ? { lang } : lang === undefined && earlier["lang"] !== undefined ? { lang: earlier["lang"] } : {}),
    ...(held.length > 0 ? { draft: true } : {}),
    ...(picture ? { photo: { src: picture.src, ...photoWordsOf(picture) } } : {}),
    ...(photoCredit ? { photoCredit } : {}),
    ...(topics.length > 0 ? { tags: topics } : {}),
    ...(corrections.length > 0 ? { corrections } : {}),
    // The agency's urgency ranks a new story on the front page; then the rank is the newsroom's, kept through updates.
    ...(existing === undefined && isPriority(item.priority) ? { priority: item.priority } : {}),
    ...keptFields(earlier),
    wire: {
      id: item.id,
      ...(item.updateKey === undefined ? {} : { key: item.updateKey }),
      ...(item.version === undefined ? {} : { version: item.version }),
      versionTime,
      format: item.format,
    },
  };
  const day = typeof date === "string" ? calendarDay(date, zone.zone) : undefined;
  return { ok: true, plan: { fields, body: body.markdown, held, day: day ?? "", ...(correctionField ? { correctionField } : {}), ...(correctionNotes.length > 0 ? { correctionNotes } : {}), ...(leftOut.length > 0 ? { leftOut } : {}) } };
}

/**
 * What stays of a story the agency withdrew: only what keeps its address (date, dateline and
 * zone) and says who withdrew it and when. No word of the story survives in the file.
 */
export function planWithdrawal(item: WireItem, existing: WireStory, datelinePlaces: DatelinePlaces): StoryPlan {
  const kept = Object.fromEntries(["date", "dateline", "timezone", "source", "lang", "dir"].flatMap((name) => (existing.fields[name] === undefined ? [] : [[name, existing.fields[name]]])));
  const previous = (existing.fields["wire"] ?? {}) as Record<string, unknown>;
  const time = item.versionTime ?? item.released;
  const { dateline, timezone } = existing.fields;
  const found = typeof dateline === "string" ? resolveDatelineZone(dateline, typeof timezone === "string" ? timezone : undefined, datelinePlaces) : undefined;
  // Agencies give a kill's time with its offset; a time without one is read at the story's dateline.
  const withdrawn = (time && storyTime(time, found?.ok ? found.zone : "UTC")) ?? previous["versionTime"];
  return {
    fields: {
      withdrawn,
      ...kept,
      wire: { ...previous, ...(item.version === undefined ? {} : { version: item.version }), versionTime: withdrawn, format: item.format },
    },
    body: "",
    held: [],
    day: "",
  };
}
