import type { Agency } from "../model/agencies.ts";
import { isDayOfMonth, readMonthName, takeAgencyDateline, unlistedDatelineAgency, type AgencyDateline } from "./agency-dateline.ts";
import { isBylineLine, isEditorsInitials, isEditorsNote, isSlugLine } from "./body-markdown.ts";
import { contentId } from "./content-identity.ts";
import { CONTROL_CHARACTERS } from "./control-characters.ts";
import { datelineTime, type DatelineDate } from "./dateline-field.ts";
import { typedBlocks } from "./typed-text.ts";
import { NO_TEXT, unmarkedHeadline, ignoredNote } from "./wire-fields.ts";
import type { ProblemCode } from "../model/problems.ts";
import type { ItemNote, RefusedItem, WireItem, WireProblem, WireRead, WireTime } from "./wire-item.ts";
import { formatWireTime, readWireTime } from "./wire-time.ts";

/**
 * Plain wire text, as teleprinter feeds and page captures deliver it. A subset of the IPTC 7901
 * layout (the international sibling of ANPA 1312) is read:
 *
 *   ZCZC                                   optional; then NNNN ends the message, and a file may hold several
 *   TAS0123 3 POL 0456 ITAR-TASS           header: sequence code (service letters and message number),
 *                                          priority 1–6, category, then anything (word count, source), skipped
 *                                          (a blank line may follow it, as dpa's does)
 *   Russia-Korea                           keyword: one word between that header line and the headline: the slug
 *                                          (or dpa's, ending in a slash: "American Football/NFL/")
 *   BC-Russia-Korea,0450  /  KOREA-RUSSIA/ agency slugs (see isSlugLine): the first is the slug, if no keyword came
 *   2013-09-02T15:40:00+04:00              a header time, in ISO 8601 …
 *   All news                               a page capture's navigation line, skipped
 *   Moscow hopes for further talks …       the headline: the first other line (a 7901 closing "=" dropped);
 *                                          where a line of the first few ends in "=", dpa's flags before the
 *                                          headline ("EXTRA", "1ST LEAD") are left out and a "By …" line is the byline
 *   Signs point that …                     the lead (see below)
 *   Photo EPA/ITAR-TASS                    photo credit lines before the story, skipped: no photo comes with text
 *   MOSCOW, September 2 (Itar-Tass) - …    the story, paragraphs between blank lines, hard-wrapped lines joined
 *   # Notebook                             dpa's notebook for the desk (notes to editors, links): left out, named
 *   The following information is not …     the agency's notes to the desk: left out, from this line (and the
 *                                          heading and rules just before it) to the end, with a line saying so
 *   dpa grj rmo                            the editors' initials closing dpa's message: left out, named
 *   021540 SEP 13                          … or as 7901's closing time line, its date-time group: day hour minute,
 *                                          month, two-digit year, local to the agency; dpa's "131137 GMT Nov 13"
 *                                          is the same with GMT (13 November 2013, 11:37 GMT); its line says so
 *   NNNN
 *
 * The lead: a paragraph is the lead only when the one after it opens with a dateline (in the
 * strict house style, or a listed agency alone, see takeAgencyDateline), as in the seed capture; without a dateline there,
 * every paragraph is story. A "By NAME" line opening a paragraph before the dateline is the byline.
 *
 * The dateline stays in the body, as delivered: the body's conversion to Markdown takes it off,
 * as for every format (see textBodyToMarkdown). It is read here for the item's place, its source
 * (the agency it names) and the day the story was released.
 */

interface Line {
  /** 1 for the file's first line. */
  number: number;
  /** Its words, spaces collapsed. */
  text: string;
  /** As typed, its indent and the spaces between its columns kept (see typedBlocks). */
  typed: string;
  /** In a block of columns, the line as the block lays it out. */
  layout?: string;
}

type Paragraph = Line[];

const MESSAGE_START = /^ZCZC\b\s*(.*)$/;
const MESSAGE_END = /^NNNN$/;
/** An IPTC 7901 header line: sequence code, priority, category, then the rest of the header. */
const IPTC_HEADER = /^([A-Za-z]{1,6}\d{2,6})\s+[1-6]\s+[A-Za-z]{1,3}(?:\s.*)?$/;
/**
 * The keyword line after the header: one word, such as "Russia-Korea" or "Bundestag/Kinder", or
 * dpa's slashed keywords, which may have spaces but end in a slash ("American Football/NFL/").
 */
const KEYWORD = /^(?:\S{1,64}|[^\s/][^/]{0,40}(?:\/[^/]{1,40})*\/)$/;
/**
 * A flag 7901 text puts above the headline, in the lines the "=" closes: dpa's priority and version
 * marks ("EXTRA", "REFILE", "1ST LEAD") and notices ("(Achtung)"); never the headline itself.
 */
const FLAG = /^(?:[\p{Lu}\d][\p{Lu}\d\- ]{0,30}|\(\p{L}[\p{L} ]{0,30}\))$/u;
/** The most lines before the "=" that closes the headline: flags, the headline and a byline. */
const TITLE_LINES = 6;
/** A byline line in the lines the "=" closes, whatever the name ("By dpa correspondents"). */
const TITLE_BYLINE = /^by\s+\S/i;
/** The heading of dpa's notebook for the desk after the story: "# Notebook", "# dpa NOTEBOOK". */
const NOTEBOOK = /^#\s*(?:\p{L}+\s+)?notebook$/iu;
/**
 * IPTC 7901's date-time group: day, hour, minute, then month and year, local to the agency unless a
 * zone is given, before the month as dpa writes it or after: "021540 SEP 13" (2 September 2013,
 * 15:40), "131137 GMT Nov 13" (13 November 2013, 11:37 GMT). One rule for every form, as dpa's own
 * "211259 Nov 18" shows the GMT form is not hour, minute, second.
 */
const DATE_TIME_GROUP = /^(\d{2})(\d{2})(\d{2})\s+(?:(GMT|UTC|Z)\s+)?(\p{L}{3})\.?\s+(\d{2}|\d{4})(?:\s+(GMT|UTC|Z))?$/iu;
/** A closing line shaped like one, whatever its month and numbers: one that cannot be read is said so, never taken as story text. */
const TIME_LINE_SHAPE = /^\d{6}\s+(?:(?:GMT|UTC|Z)\s+)?\p{L}{3,5}\.?\s+\d{2,4}(?:\s+(?:GMT|UTC|Z))?$/iu;
/** dpa's system abbreviates some months in German ("071341 GMT Okt 15"). */
const GERMAN_MONTHS: Readonly<Record<string, number>> = { mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12 };
/**
 * The line that opens an agency's notes to the desk, as dpa's notebook does ("The following
 * information is not for publication"): it and all after it are not story.
 */
const NOT_FOR_PUBLICATION = /^(?:the following (?:information|text|notes?) (?:is|are) )?not (?:intended )?for publication[.:!]*$/i;
/** A line that heads or rules off those notes: "# dpa NOTEBOOK", "* * * *". */
const NOTES_HEADING = /^(?:#+\s*)?(?:\p{L}+\s+)?notebook$|^[*#=_\-](?:\s*[*#=_\-])*$/iu;
const NAVIGATION = /^all news$/i;
/** Reuters' slug line of a corrected version: "KENYA-FLOODS/ (CORRECTED)". */
const CORRECTED_SLUG = /\(CORRECTED\)$/i;
/** Reuters' slug line of a kill notice: "KENYA-FLOODS/ (KILL)". */
const KILL_SLUG = /\(KILL\)$/i;
/**
 * The agencies' mark of a kill opening a headline, in capitals as they type it, the killed story's
 * headline after it: "KILL-", "KILL - ", "WITHDRAWAL-", "ELIMINATION: "; or the mark alone, as dpa
 * repeats it ("KILL KILL KILL", the apostrophes of its bells after). "Storm kills 12" has none.
 * dpa's hold notice is marked the same way ("HOLD HOLD HOLD"): read by the same rule, as a hold,
 * but never by a hyphen joined to the next word: "HOLD-UP AT PARIS JEWELLER" is a robbery's story.
 */
const NOTICE_HEADLINE = /^(?:(KILL|WITHDRAWAL|ELIMINATION)(?:\s*[-–—:]\s*|(?:\s+\1)*[\s']*$)|(HOLD)(?:\s+[-–—]\s*|\s*:\s*|(?:\s+\2)*[\s']*$))/;
/** A hold notice's words for what becomes of the story: "Please hold item", "is held", "do not use". */
const HOLD_WORDS = /\b(?:hold|held|withh(?:o|e)ld|do not (?:use|publish))\b/i;
/** A kill notice's words for what becomes of the story: "is withdrawn", "Please kill item", "has been eliminated". */
const KILL_WORDS = /\b(?:withdraw(?:n|s|ing|al)?|kill(?:ed)?|eliminat(?:ed|es?|ing|ion))\b/i;
/** "Photo: Reuters", "Photo by Jane Doe/AP", or an agency in capitals: "Photo EPA/ITAR-TASS". */
const PHOTO_CREDITS = [/^Photos?(?:\s*:\s*|\s+by\s+)\S[^.!?]{0,59}$/iu, /^Photos?\s+[\p{Lu}\d][\p{Lu}\d&.\-]*(?:\s*\/\s*[\p{L}\d&.\- ]{1,40})?$/u];

const problem = (file: string, line: number | undefined, field: string, message: string, code: ProblemCode): WireProblem => ({
  file,
  ...(line === undefined ? {} : { line }),
  field,
  message,
  code,
});

/** A two-digit year is of this century below 70, else of the last one, as teleprinter dates run. */
function fullYear(digits: string): number {
  const year = Number(digits);
  return digits.length === 4 ? year : year < 70 ? 2000 + year : 1900 + year;
}

/** A 7901 date-time group (see DATE_TIME_GROUP), or undefined when it names no real time. */
function readTimeGroup(text: string): WireTime | undefined {
  const group = DATE_TIME_GROUP.exec(text);
  if (!group) return undefined;
  const [, day = "", hour, minute, zoneBefore, monthName = "", year = "", zoneAfter] = group;
  const month = readMonthName(monthName) ?? GERMAN_MONTHS[monthName.toLowerCase()];
  if (month === undefined || !isDayOfMonth(month, Number(day))) return undefined;
  const local = `${fullYear(year)}-${String(month).padStart(2, "0")}-${day}T${hour}:${minute}:00`;
  return readWireTime(zoneBefore === undefined && zoneAfter === undefined ? local : `${local}Z`);
}

/** A header time: ISO 8601 (see readWireTime) or a 7901 date-time group. */
const readHeaderTime = (text: string): WireTime | undefined => readWireTime(text) ?? readTimeGroup(text);

const isPhotoCredit = (text: string): boolean => PHOTO_CREDITS.some((pattern) => pattern.test(text));

const joinLines = (paragraph: Paragraph): string => paragraph.map((line) => line.text).join(" ");

/** A block of columns (see typedBlocks): its lines are printed as laid out. */
const isColumns = (paragraph: Paragraph): boolean => paragraph[0]?.layout !== undefined;

/** A paragraph as the body carries it: its lines joined, or a block of columns line by line, as laid out. */
const paragraphText = (paragraph: Paragraph): string => (isColumns(paragraph) ? paragraph.map((line) => line.layout).join("\n") : joinLines(paragraph));

const opensWithDateline = (paragraph: Paragraph, agencies: readonly Agency[]): boolean => takeAgencyDateline(joinLines(paragraph), undefined, agencies) !== undefined;

/** The file's lines: line endings normalised (CR LF, CR CR LF, CR), controls dropped, spaces collapsed, ends trimmed. */
function readLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r*\n|\r/)
    .map((line, index) => {
      // A teleprinter's controls (SOH, STX, ETX framing a message) are no text.
      const typed = line.replace(CONTROL_CHARACTERS, "").trimEnd();
      return { number: index + 1, text: typed.replace(/[ \t]+/g, " ").trim(), typed };
    });
}

interface Message {
  /** The ZCZC line, or the file's first line when the file has no ZCZC. */
  start: number;
  lines: Line[];
  closed: boolean;
}

/**
 * The file's messages: each from ZCZC to NNNN; or, in a file without ZCZC, one message of the
 * whole file, an NNNN line ending it. Text outside a message is reported, one problem a stretch.
 */
function splitMessages(lines: readonly Line[], file: string): { messages: Message[]; problems: WireProblem[] } {
  const wrapped = lines.some((line) => MESSAGE_START.test(line.text));
  const messages: Message[] = wrapped ? [] : [{ start: 1, lines: [], closed: true }];
  const problems: WireProblem[] = [];
  let open = messages[0];
  let strayReported = false;
  for (const line of lines) {
    const start = wrapped ? MESSAGE_START.exec(line.text) : null;
    if (start) {
      // A ZCZC inside a message leaves that one unclosed.
      open = { start: line.number, lines: start[1] ? [{ number: line.number, text: start[1], typed: start[1] }] : [], closed: false };
      messages.push(open);
      strayReported = false;
    } else if (open) {
      if (MESSAGE_END.test(line.text)) {
        open.closed = true;
        open = undefined;
      } else {
        open.lines.push(line);
      }
    } else if (line.text !== "" && !strayReported) {
      strayReported = true;
      const expected = wrapped ? "every story between a ZCZC line and an NNNN line" : "nothing after the NNNN that ends the story";
      problems.push(problem(file, line.number, "", `text outside the story (expected ${expected})`, "WD212"));
    }
  }
  return { messages, problems };
}

/** The header lines before the headline (see the layout above): the slug and time they give, and where the headline starts. */
function readHeader(lines: readonly Line[]): { next: number; slug?: string; time?: WireTime } {
  let index = lines.findIndex((line) => line.text !== "");
  if (index === -1) return { next: lines.length };
  let slug: string | undefined;
  let time: WireTime | undefined;
  if (IPTC_HEADER.test(lines[index]?.text ?? "")) {
    index += 1;
    // Some agencies (dpa) leave a blank line between the header and the keyword.
    while (index < lines.length && lines[index]?.text === "") index += 1;
    // A one-word line is the keyword only when the headline follows it directly, so a one-word headline stays one.
    const keyword = lines[index]?.text ?? "";
    if (KEYWORD.test(keyword) && (lines[index + 1]?.text ?? "") !== "") {
      slug = keyword;
      index += 1;
    }
  }
  for (; index < lines.length; index += 1) {
    const text = lines[index]?.text ?? "";
    const headerTime = text === "" ? undefined : readHeaderTime(text);
    if (headerTime) time ??= headerTime;
    else if (isSlugLine(text)) slug ??= text;
    else if (text !== "" && !NAVIGATION.test(text)) break;
  }
  return { next: index, ...(slug ? { slug } : {}), ...(time ? { time } : {}) };
}

/** The story's paragraphs, as the teleprinter laid them out (see typedBlocks): a block of columns is one, each line keeping its layout. */
function toParagraphs(lines: readonly Line[]): Paragraph[] {
  return typedBlocks(lines, (line) => line.typed).map((block) =>
    block.kind === "paragraph" ? block.lines : block.lines.map((line, at) => ({ ...line, layout: block.layout[at] ?? line.text })),
  );
}

/**
 * The paragraphs before the dateline (two at most: a lead and its credits) without their photo
 * credit lines, which are returned, without a byline opening one of them, which is returned, and
 * without the notes to editors among them ("(Adds power cuts)"), which are returned: never a lead,
 * they head the body, whose conversion takes them off with a line saying so (see body-markdown.ts).
 * A byline typed directly above the dateline, with no blank line between, is taken off the
 * dateline's paragraph, as one after a blank line is: else it would be read as the dateline's place.
 */
function takeFrontMatter(paragraphs: readonly Paragraph[], agencies: readonly Agency[]): { paragraphs: Paragraph[]; credits: Line[]; editorsNotes: Paragraph[]; byline?: string } {
  const front: Paragraph[] = [];
  const credits: Line[] = [];
  const editorsNotes: Paragraph[] = [];
  let byline: string | undefined;
  let index = 0;
  let story = paragraphs;
  for (; index < paragraphs.length && front.length < 2; index += 1) {
    const paragraph = paragraphs[index] ?? [];
    // Columns of figures are the story's, never a lead or a byline.
    if (isColumns(paragraph)) break;
    const [opening, ...below] = paragraph;
    if (byline === undefined && opening !== undefined && below.length > 0 && isBylineLine(opening.text, undefined) && opensWithDateline(below, agencies)) {
      byline = opening.text;
      story = paragraphs.with(index, below);
      break;
    }
    if (opensWithDateline(paragraph, agencies)) break;
    if (isEditorsNote(joinLines(paragraph))) {
      editorsNotes.push(paragraph);
      continue;
    }
    credits.push(...paragraph.filter((line) => isPhotoCredit(line.text)));
    let kept = paragraph.filter((line) => !isPhotoCredit(line.text));
    const first = kept[0]?.text;
    if (byline === undefined && first !== undefined && isBylineLine(first, undefined)) {
      byline = first;
      kept = kept.slice(1);
    }
    if (kept.length > 0) front.push(kept);
  }
  const rest = [...front, ...story.slice(index)];
  return byline === undefined ? { paragraphs: rest, credits, editorsNotes } : { paragraphs: rest, credits, editorsNotes, byline };
}

/**
 * Where the agency's notes to the desk start in a message's lines after the headline, if it has
 * any: at a line saying they are not for publication that opens a paragraph or follows a rule,
 * with the heading and rules just before it; and the lines they span, for the note saying so.
 */
function desksNotes(lines: readonly Line[]): { start: number; first: number; last: number; marker: string } | undefined {
  const at = lines.findIndex((line, index) => {
    const before = lines[index - 1]?.text ?? "";
    return NOT_FOR_PUBLICATION.test(line.text) && (before === "" || NOTES_HEADING.test(before));
  });
  if (at === -1) return undefined;
  let start = at;
  while (start > 0 && (lines[start - 1]?.text === "" || NOTES_HEADING.test(lines[start - 1]?.text ?? ""))) start -= 1;
  const spanned = lines.slice(start).filter((line) => line.text !== "");
  return { start, first: spanned[0]?.number ?? 0, last: spanned.at(-1)?.number ?? 0, marker: lines[at]?.text ?? "" };
}

/**
 * The headline from its first line, as IPTC 7901 closes it: where one of the first lines ends in
 * "=", they are the title, flags ("EXTRA"), the headline and a byline ("By Tom Krasovic, The San
 * Diego Union-Tribune ="); the flags are left out with a line naming them, and the "=", 7901's
 * mark, comes off. Otherwise the first line alone is the headline.
 */
function readTitle(lines: readonly Line[], first: number): { headline: string; next: number; byline?: string; corrected: boolean; notes: ItemNote[] } {
  const block: Line[] = [];
  for (let index = first; index < lines.length && block.length < TITLE_LINES && (lines[index]?.text ?? "") !== ""; index += 1) {
    const line = lines[index];
    if (line) block.push(line);
    if (line && /\s*=$/.test(line.text) && block.length > 1) break;
  }
  const closed = block.at(-1);
  if (block.length < 2 || closed === undefined || !/=$/.test(closed.text)) {
    return { headline: (lines[first]?.text ?? "").replace(/\s*=$/, ""), next: first + 1, corrected: false, notes: [] };
  }
  const texts = block.map((line) => ({ ...line, text: line.text.replace(/\s*=$/, "") }));
  const last = texts.at(-1);
  const byline = last && (isBylineLine(last.text, undefined) || TITLE_BYLINE.test(last.text)) ? last.text : undefined;
  const heading = byline === undefined ? texts : texts.slice(0, -1);
  // Flags stand above the headline; a line of words that is not one is the headline's own, wrapped.
  let flags = 0;
  while (flags < heading.length - 1 && FLAG.test(heading[flags]?.text ?? "")) flags += 1;
  const notes = heading.slice(0, flags).map((line) => ignoredNote("headline", `${JSON.stringify(line.text)}: the agency's flag above the headline (its priority, version or a notice), not the headline`, line.number));
  const corrected = heading.slice(0, flags).some((line) => /^CORRECT(?:ED|ION)$/i.test(line.text));
  const headline = heading.slice(flags).map((line) => line.text).join(" ");
  return { headline, next: first + block.length, ...(byline === undefined ? {} : { byline }), corrected, notes };
}

/**
 * What 7901 text puts after the story for the desk, taken off the end of a message's lines, each
 * with a line naming it: the editors' initials that close dpa's message, its notebook (notes to
 * editors, links) and the notes not for publication (see desksNotes).
 */
function takeEndMatter(lines: readonly Line[]): { lines: Line[]; notes: ItemNote[] } {
  let kept = [...lines];
  const notes: ItemNote[] = [];
  const lastAt = kept.findLastIndex((line) => line.text !== "");
  const last = kept[lastAt];
  if (last && isEditorsInitials(last.text) && (kept[lastAt - 1]?.text ?? "") === "") {
    kept = kept.slice(0, lastAt);
    notes.push(ignoredNote("body", `${JSON.stringify(last.text)}: the initials of the agency's editors who handled the story, not story text`, last.number));
  }
  const notesToDesk = desksNotes(kept);
  const deskStart = notesToDesk?.start ?? kept.length;
  const notebookAt = kept.findIndex((line, index) => index < deskStart && NOTEBOOK.test(line.text) && (kept[index - 1]?.text ?? "") === "");
  if (notebookAt !== -1) {
    const notebook = kept.slice(notebookAt, deskStart).filter((line) => line.text !== "");
    const first = notebook[0]?.number ?? 0;
    const words = notebook.slice(1).map((line) => line.text.replace(/^#+\s*/, "").replace(/^-\s*/, ""));
    const said = words.length === 0 ? "" : `: ${words.map((text) => JSON.stringify(text)).join(", ")}`;
    notes.push(ignoredNote("body", `lines ${first}–${notebook.at(-1)?.number ?? first}, the agency's notebook for the desk, not story text${said}`, first));
  }
  if (notesToDesk) notes.push(ignoredNote("body", `lines ${notesToDesk.first}–${notesToDesk.last}, the agency's notes from ${JSON.stringify(notesToDesk.marker)}: not for publication`, notesToDesk.first));
  return { lines: kept.slice(0, notebookAt === -1 ? deskStart : notebookAt), notes };
}

/** The dateline as typed up to its agency: "NAIROBI, Dec 5" of "NAIROBI, Dec 5 (Kyodo News) - Floods…". */
function placeAndDay(paragraph: string, dateline: AgencyDateline): string {
  return paragraph.slice(0, paragraph.length - dateline.rest.length).replace(/\s*[(/][^]*$/u, "").replace(/\.$/, "");
}

/** Where an item's own time came from, when it has one: a header line, or the closing time line. */
type TimeSource = "header" | "time line";

/**
 * The line that says the dateline's day dated the item, not the delivery (or its own time) it was read
 * against; where the delivery's day there differs from its own, both, so the editor sees why.
 */
function datedNote(dated: DatelineDate, reference: WireTime, from: TimeSource | undefined, typed: string, line: number | undefined): ItemNote {
  const atPlace = dated.referenceDay === reference.local.slice(0, 10) ? "" : ` at the dateline (${formatWireTime(reference)})`;
  const against = from === undefined ? `delivered ${dated.referenceDay}${atPlace}` : `its ${from === "header" ? "header" : "closing time line's"} time is ${formatWireTime(reference)}`;
  return { ...(line === undefined ? {} : { line }), field: "dateline", message: `dated ${dated.day} by its dateline (${JSON.stringify(typed)}); ${against}`, code: "WD227" };
}

/**
 * The line that says how the closing time line was read, so a misreading is seen: the time it
 * gives the item; or, read but after a header's time, that the header's dates it; or, not read,
 * what dates the item instead.
 */
function timeLineNote(line: Line, read: WireTime | undefined, headerTime: WireTime | undefined, delivered: WireTime): ItemNote {
  const typed = JSON.stringify(line.text);
  if (read === undefined) {
    const instead = headerTime === undefined ? `its delivery (${formatWireTime(delivered)})` : `its header time (${formatWireTime(headerTime)})`;
    const message = `warning: the closing time line ${typed} could not be read, and is left out: the item is dated by ${instead} (expected day, hour and minute, then month and year, as in "131137 GMT Nov 13" for 13 November 2013, 11:37 GMT)`;
    return { line: line.number, field: "date", message, code: "WD238" };
  }
  const zone = read.offset === undefined ? ", the agency's local time" : "";
  const message =
    headerTime === undefined
      ? `the item's time is ${formatWireTime(read)}${zone}, read from its closing time line ${typed} (day, hour and minute, then month and year)`
      : `its closing time line ${typed} reads ${formatWireTime(read)}${zone}; the item's time is its header's, ${formatWireTime(headerTime)}`;
  return { line: line.number, field: "date", message, code: "WD237" };
}

/** How a message marks itself a kill or hold notice: its slug line's "(KILL)", a headline's mark, and the named story's headline after the mark ("" for none). */
interface NoticeMarks {
  slugMark: boolean;
  headlineMark?: string;
  story: string;
}

/** The notice marks of a message's slug line and headline; undefined for a message that has none, a story. */
function noticeMarks(slug: string | undefined, headline: string): NoticeMarks | undefined {
  const slugMark = KILL_SLUG.test(slug ?? "");
  const mark = NOTICE_HEADLINE.exec(headline)?.[0];
  if (!slugMark && mark === undefined) return undefined;
  return { slugMark, ...(mark === undefined ? {} : { headlineMark: mark.trim() }), story: mark === undefined ? headline : headline.slice(mark.length).trim() };
}

/**
 * A kill or hold notice in wire text (see noticeMarks): a withdrawal, or a hold, of the story its
 * slug line names, or with none, its headline after the mark, on the day and of the agency its
 * dateline gives, else on the day it was delivered (the id rule, contentId). Its text is the
 * agency's word to the desk, quoted on its line. A headline's mark alone does nothing unless the
 * text bears it out, as a headline may open with the word; nor does a notice naming no story.
 */
function readNotice(
  lines: readonly Line[],
  notice: NoticeMarks & { slug: string | undefined; time: WireTime | undefined; headlineLine: Line },
  context: MessageContext,
): { item: WireItem } | { problems: WireProblem[] } {
  const { file, agencies } = context;
  const paragraphs = toParagraphs(lines);
  const text = paragraphs.map(joinLines).join(" ");
  const at = notice.headlineLine.number;
  const marks = [...(notice.slugMark ? [`its slug line's "(KILL)"`] : []), ...(notice.headlineMark === undefined ? [] : [`its headline's ${JSON.stringify(notice.headlineMark)}`])].join(" and ");
  // A hold is marked in its headline alone, never beside a slug line's "(KILL)", which is a kill's.
  const hold = !notice.slugMark && notice.headlineMark?.startsWith("HOLD") === true;
  if (hold && !HOLD_WORDS.test(text)) {
    const message = `opens with ${JSON.stringify(notice.headlineMark)}, an agency's mark of a hold, but its text says nothing of a story held (expected a hold notice saying so, as "Please hold item dpa 157"; or, for a story, a headline without the mark)`;
    return { problems: [problem(file, at, "headline", message, "WD245")] };
  }
  if (hold && notice.slug === undefined && notice.story === "") {
    const message = `a hold notice, by ${marks}, that names no story (expected the held story's keyword line above it, as "US-Space/", or its headline after the mark)`;
    return { problems: [problem(file, at, "headline", message, "WD245")] };
  }
  if (!hold && !notice.slugMark && !KILL_WORDS.test(text)) {
    const message = `opens with ${JSON.stringify(notice.headlineMark)}, an agency's mark of a kill, but its text says nothing of a story withdrawn, killed or eliminated (expected a kill notice saying so, or its slug line marked "(KILL)"; or, for a story, a headline without the mark)`;
    return { problems: [problem(file, at, "headline", message, "WD242")] };
  }
  if (notice.slug === undefined && notice.story === "") {
    const message = `a kill notice, by ${marks}, that names no story (expected the killed story's slug line above it, as "KENYA-FLOODS/ (KILL)", or its headline after the mark)`;
    return { problems: [problem(file, at, "headline", message, "WD242")] };
  }
  const reference = notice.time ?? context.delivered;
  const first = paragraphs[0];
  const dateline = first && takeAgencyDateline(joinLines(first), undefined, agencies);
  const zone = dateline?.place === undefined ? undefined : context.zoneOf(dateline.place);
  const dated = dateline?.month !== undefined && dateline.day !== undefined ? datelineTime(dateline.month, dateline.day, reference, zone) : undefined;
  const day = dated?.day ?? reference.local.slice(0, 10);
  const named = notice.slug === undefined ? `headlined ${JSON.stringify(notice.story)}` : `slugged ${JSON.stringify(notice.slug.replace(/\s*\(KILL\)$/i, ""))}`;
  const notes: ItemNote[] = [
    hold
      ? { line: at, field: "headline", message: `a hold notice, by ${marks}: it holds the agency's story ${named} of ${day}`, code: "WD245" }
      : { line: at, field: "headline", message: `a kill notice, by ${marks}: it withdraws the agency's story ${named} of ${day}`, code: "WD241" },
  ];
  if (text !== "") notes.push(ignoredNote("body", `${JSON.stringify(text)}: the agency's word on its ${hold ? "hold" : "kill"}, for the desk, not story text`, first?.[0]?.number));
  return {
    item: {
      file,
      path: context.path,
      format: "plain text",
      id: contentId(dateline?.agency, day, notice.slug, notice.story, agencies),
      versionTime: reference,
      released: reference,
      status: hold ? "withheld" : "canceled",
      ...(hold ? { hold: true as const } : {}),
      correction: false,
      // None of a notice's words are read, as for every format's notice.
      headline: "",
      body: NO_TEXT,
      ...(dateline ? { source: dateline.agency } : {}),
      topics: [],
      notes,
    },
  };
}

interface MessageContext {
  file: string;
  path: string;
  delivered: WireTime;
  agencies: readonly Agency[];
  zoneOf: PlaceZone;
}

/** The zone a dateline's place is read in (the newsroom's places, else the feed's --zone); undefined when none is known. */
export type PlaceZone = (place: string) => string | undefined;

function readMessage(message: Message, context: MessageContext): { item: WireItem } | { problems: WireProblem[]; found?: RefusedItem["found"] } {
  const { file } = context;
  if (!message.closed) {
    return { problems: [problem(file, message.start, "", "ZCZC opens a message that no NNNN closes (expected NNNN after the story: the message may have been cut off)", "WD212")] };
  }
  const header = readHeader(message.lines);
  const headlineLine = message.lines[header.next];
  if (headlineLine === undefined) {
    const where = message.lines.length === 0 && message.start === 1 ? undefined : message.start;
    return { problems: [problem(file, where, "headline", "missing (expected a headline line, then the story's paragraphs)", "WD206")] };
  }
  const title = readTitle(message.lines, header.next);
  const marked = unmarkedHeadline(title.headline, "headline");
  const { headline } = marked;
  const notice = noticeMarks(header.slug, headline);
  if (notice) return readNotice(message.lines.slice(title.next), { ...notice, slug: header.slug, time: header.time, headlineLine }, context);

  let after = message.lines.slice(title.next);
  let time = header.time;
  let timeFrom: TimeSource | undefined = time === undefined ? undefined : "header";
  const last = after.findLast((line) => line.text !== "");
  const timeLine = last && TIME_LINE_SHAPE.test(last.text) ? last : undefined;
  const timeNotes: ItemNote[] = [];
  if (timeLine) {
    after = after.filter((line) => line !== timeLine);
    const read = readTimeGroup(timeLine.text);
    if (read && time === undefined) {
      time = read;
      timeFrom = "time line";
    }
    timeNotes.push(timeLineNote(timeLine, read, header.time, context.delivered));
  }
  const end = takeEndMatter(after);
  after = end.lines;

  const front = takeFrontMatter(toParagraphs(after), context.agencies);
  const datelineAt = front.paragraphs.slice(0, 2).findIndex((paragraph) => opensWithDateline(paragraph, context.agencies));
  const lead = datelineAt === 1 && !isColumns(front.paragraphs[0] ?? []) ? front.paragraphs[0] : undefined;
  const story = front.paragraphs.slice(lead ? 1 : 0);
  const first = story[0];
  if (first === undefined) {
    return { problems: [problem(file, headlineLine.number, "body", `missing after the headline "${headline}" (expected the story's paragraphs after the headline)`, "WD206")] };
  }

  const firstText = joinLines(first);
  const dateline = takeAgencyDateline(firstText, undefined, context.agencies);
  const reference = time ?? context.delivered;
  let released: WireTime | undefined = reference;
  const notes = [...title.notes, ...front.credits.map((line) => ignoredNote("", `a photo credit, ${JSON.stringify(line.text)}: no photo comes with wire text`, line.number))];
  if (marked.note) notes.unshift({ ...marked.note, line: headlineLine.number });
  notes.push(...timeNotes);
  notes.push(...end.notes);
  // Where a dateline would be (the first paragraph, or the one after a lead), one naming an agency not listed.
  const unlisted = dateline
    ? undefined
    : front.paragraphs.slice(0, 2).flatMap((paragraph) => {
        const agency = unlistedDatelineAgency(joinLines(paragraph), context.agencies);
        return agency === undefined ? [] : [{ agency, line: paragraph[0]?.number ?? 0 }];
      })[0];
  if (unlisted !== undefined) {
    notes.push({
      line: unlisted.line,
      field: "dateline",
      message: `warning: opens like a dateline, but ${JSON.stringify(unlisted.agency)} is no agency the settings list (expected one of agencies in _data/site.ts: add it there to read the dateline)`,
      code: "WD229",
    });
  }
  let undated: WireProblem | undefined;
  let datelineDay: string | undefined;
  if (dateline?.month !== undefined && dateline.day !== undefined) {
    // The day is compared where the agency dated it: 20:30Z on December 6 is already December 7 in Sydney.
    const zone = dateline.place === undefined ? undefined : context.zoneOf(dateline.place);
    const dated = datelineTime(dateline.month, dateline.day, reference, zone);
    released = dated?.time;
    datelineDay = dated?.day;
    if (dated !== undefined && dated.time !== reference) notes.push(datedNote(dated, reference, timeFrom, placeAndDay(firstText, dateline), first[0]?.number));
    if (dated === undefined) {
      const day = `${String(dateline.month).padStart(2, "0")}-${String(dateline.day).padStart(2, "0")}`;
      undated = problem(file, first[0]?.number, "dateline", `the dateline's day (--${day}) is in no year near ${formatWireTime(reference)} (expected a day of the week after it or of the year before)`, "WD208");
    }
  }

  const read = {
    file,
    path: context.path,
    format: "plain text" as const,
    // The version was made by the time it came (a header's own time is better): never the dateline's day, which
    // for advance copy is still to come, and a day alone orders no versions.
    versionTime: time ?? context.delivered,
    status: "usable" as const,
    correction: marked.corrected || title.corrected || CORRECTED_SLUG.test(header.slug ?? ""),
    headline,
    ...(lead ? { lead: joinLines(lead) } : {}),
    body: { kind: "text" as const, text: [...front.editorsNotes, ...story].map(paragraphText).join("\n\n") },
    ...(dateline?.place ? { place: dateline.place } : {}),
    ...(dateline ? { source: dateline.agency } : {}),
    ...(title.byline ?? front.byline ? { byline: title.byline ?? front.byline } : {}),
    topics: [],
    ...(notes.length > 0 ? { notes } : {}),
  };
  // An item its dateline dates to no day is refused, and read on all the same: the rest of it (its place's zone) is checked in this run too.
  if (undated !== undefined) return { problems: [undated], found: read };
  // The agency's day names the item, whatever the delivery's offset: the id, the folder and the date agree.
  const day = datelineDay ?? reference.local.slice(0, 10);
  return { item: { ...read, id: contentId(dateline?.agency, day, header.slug, headline, context.agencies), released: released ?? reference } };
}

/**
 * Reads a file of plain wire text (see the layout above). `delivered` is when the file arrived
 * (its modification time, unless the importer is told otherwise): it dates a dateline's day when
 * the item carries no time of its own. `agencies` are the settings' list: a dateline's agency is
 * known by their names, multi-word ones included ("(Press Trust of India)"), and the item's source
 * is written as they spell it. `zoneOf` gives a dateline place's zone, where the delivery's day is
 * counted against the dateline's. The id comes from the item's content (see contentId), never from
 * the file's name or the header's message number, which name another story on another day.
 */
export function readPlainText(text: string, file: string, delivered: WireTime, agencies: readonly Agency[], zoneOf: PlaceZone = () => undefined): WireRead {
  const nul = text.indexOf("\u0000");
  if (nul !== -1) {
    const line = text.slice(0, nul).split("\n").length;
    return { items: [], problems: [problem(file, line, "", "has a NUL byte: this is not a text file (expected wire text: a headline line, then the story's paragraphs)", "WD212")] };
  }
  const lines = readLines(text);
  if (lines.every((line) => line.text === "")) {
    return { items: [], problems: [problem(file, undefined, "", "is empty (expected wire text: a headline line, then the story's paragraphs)", "WD212")] };
  }
  const { messages, problems } = splitMessages(lines, file);
  const items: WireItem[] = [];
  const refused: RefusedItem[] = [];
  for (const message of messages) {
    const context: MessageContext = {
      file,
      path: messages.length > 1 ? `line ${message.start}` : "",
      delivered,
      agencies,
      zoneOf,
    };
    const read = readMessage(message, context);
    if ("item" in read) items.push(read.item);
    else if (read.found) refused.push({ problems: read.problems, found: read.found });
    else problems.push(...read.problems);
  }
  return { items, problems, refused };
}
