import { parse as parseHtml, HTMLElement as ParsedElement } from "node-html-parser";
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";
import { takeAgencyDateline, takePlaceDateline, type AgencyDateline } from "./agency-dateline.ts";
import { SLUG_LINE_MARK } from "./content-identity.ts";
import { foldName, type Agency } from "../model/agencies.ts";
import { isAllowedUrl, urlScheme } from "../model/urls.ts";
import { primaryLanguage } from "../model/editions.ts";
import { createMarkdown, outlineBody } from "../story/markdown.ts";
import { MAX_BODY_ELEMENTS } from "../story/story-body.ts";
import { decodeReferences } from "./html-entities.ts";
import { typedBlocks } from "./typed-text.ts";
import { oneLine } from "./wire-fields.ts";

/**
 * Agency bodies as story Markdown: markup sanitised, then written as Markdown the story checks
 * accept (headings from ##, no level skipped, no images), with the agency's chrome taken off —
 * its dateline, which the page prints from the story's fields, a slug line, a repeated byline
 * and end-of-item markers. Plain text is escaped so that it is never read as Markdown.
 */

/** What the item says of itself that the body may repeat. */
export interface BodyContext {
  /** The agency as the item names it; a dateline is taken off only when it names this agency (see takeAgencyDateline). */
  source?: string;
  /** The agencies the settings list, by whose names a dateline's agency is known; none when not given. */
  agencies?: readonly Agency[];
  /** The item's byline, so a paragraph repeating it ("By Jane Doe") is dropped. */
  byline?: string;
  /** The item's lead, so a first paragraph repeating it word for word (dpa's teaser) is dropped: the page prints the lead above the text. */
  lead?: string;
  /** The item's full address on its producer's site, against which a relative link in its text is read. */
  base?: string;
  /** Whether the dateline places know a place: a newspaper's dateline, with no agency ("LONDON — "), is taken only for such a place. */
  isKnownPlace?: (place: string) => boolean;
  /** The item's language, whose quotation marks a quotation (<q>) is printed with. */
  lang?: string;
}

export interface BodyMarkdown {
  /** The story's Markdown, starting with its first words; empty when nothing but chrome was delivered. */
  markdown: string;
  /** The dateline taken off the first paragraph, if it had one: the importer's place and source when the item names none. */
  dateline?: DatelineTaken;
  /** The agency's notes to editors taken off the top ("(Adds power cuts)"), as typed, for the import's lines to name. */
  editorsNotes?: string[];
  /** The lines taken off the end ("(Reporting by Ann Smith; Editing by Tom Hogue)", "###"), as shown, for the import's lines to name. */
  trailers?: string[];
  /** True when the text was too large to keep its markup (headings, links, emphasis, lists, tables), and kept as paragraphs. */
  markupLeftOut?: boolean;
  /** A byline the text opened with ("By Jane Doe") when the item gives none of its own: taken off the text, it is the story's byline. */
  typedByline?: string;
  /** The captions of pictures in the text, left out with them (a story's images must be its own files), for the import's lines to name. */
  pictureCaptions?: string[];
  /** The alt text of pictures in the text that have no caption, left out with them, for the import's lines to name. */
  pictureAlts?: string[];
  /** Links in the text to addresses on the producer's site it gave no full address for: their words kept, the links left out, for the lines to name. */
  unreadLinks?: string[];
  /** Embedded media, code and unsafe links the sanitiser took out of the text, a kind each, for the lines to name. */
  removed?: RemovedMarkup[];
  /** Each run of lines of columns in a plain text, as typed, kept in a block of fixed-width text, for the lines to name. */
  columns?: string[][];
  /** The cells of the text's tables that spanned rows or columns, each repeated in every place it spanned, as the lines name them ("Votes" over 2 columns). */
  spreadCells?: string[];
  /** Numbered lists whose numbering Markdown cannot write, each as its element and labels (`<ol type="a">` "a." to "c."): their labels written into the items of a list of bullets. */
  labelledLists?: string[];
  /** Readings set above their text (`<ruby>`), each as its text and reading ("漢" read "kan"): written after the text in parentheses. */
  rubyReadings?: string[];
}

/**
 * Markup of one kind the sanitiser takes out of a body, which an editor hears of: media embedded
 * from elsewhere (`<iframe>`, `<video>`), which a static page does not carry; code (`<script>`, an
 * event attribute), which no page runs; a link to an unsafe address (`javascript:`), whose words stay.
 */
export interface RemovedMarkup {
  /**
   * "element": one whose content goes with it, which no page shows (a form, a formula, a drawing);
   * "marking": one whose words are kept without its marking, which story Markdown cannot write
   * (`<u>`, `<ins>`, `<mark>`); "struck": struck text in fixed-width text, which cannot show it struck.
   */
  kind: "embed" | "code" | "unsafe link" | "element" | "marking" | "struck";
  /** The element as typed (`<iframe>`), the event attribute (`onclick`), or the link's scheme (`javascript:`). */
  name: string;
  /** How many the text held. */
  count: number;
  /** Where they pointed (an embed's src, a script's src, the link's address), or an element's words, each once, in the text's order. */
  sources: string[];
}

/** A dateline as found: its place, agency, month and day (the story's first words are the Markdown's). */
export type DatelineTaken = Omit<AgencyDateline, "rest"> & {
  /** A newspaper's dateline, with no agency, as typed ("LAKESIDE, Ohio —"): the item's source is its agency. */
  placeOnly?: string;
};

// ---- Agency chrome: lines the agency adds around a story that are not the story. ----

/**
 * A slug on the body's first line: an ANPA keyword slug ("BC-Russia-Korea,0450", "AM-Russia-Korea")
 * or a Reuters one in capitals ending in a slash ("MOSCOW-KOREA/", "KOREA-NORTH/RUSSIA/ (UPDATE 1)", "KENYA-FLOODS/ (KILL)").
 */
const SLUG_LINES = [
  /^(?:BC|AM|PM)-[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*(?:,\d{1,5})?$/u,
  new RegExp(String.raw`^[\p{Lu}\p{N}]+(?:[-/][\p{Lu}\p{N}]+)*\/(?:\s*${SLUG_LINE_MARK})?$`, "u"),
];

export function isSlugLine(line: string): boolean {
  const text = line.trim();
  return SLUG_LINES.some((pattern) => pattern.test(text));
}

/**
 * A note to editors, a paragraph of its own in parentheses above the story, as Reuters writes
 * them on a new version: "(Adds power cuts)", "(Updates with minister's comment)", "(Recasts
 * throughout)", "(Corrects day in first paragraph)", "(In Jan. 3 story, corrects last paragraph)".
 */
const EDITORS_NOTE = /^\((?:(?:In|For)\s[^(),]*\bstory,\s*)?(?:adds|updates|corrects|recasts|refiles|rewrites|writes\s+through|changes|removes|clarifies|fixes|inserts|deletes)\b(?:[^()]|\([^()]*\))*\)$/iu;
/** A note to editors saying what the version corrects. */
const CORRECTION_NOTE = /^\((?:(?:In|For)\s[^(),]*\bstory,\s*)?corrects\b/iu;

export const isEditorsNote = (text: string): boolean => EDITORS_NOTE.test(text.trim());
export const isCorrectionNote = (text: string): boolean => isEditorsNote(text) && CORRECTION_NOTE.test(text.trim());

/** A capitalised name of up to four words, with short links ("Jane van Doe"); also an agency ("Reuters Staff"). */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}.'’\-]*(?:\s+(?:\p{Ll}{1,3}\s+)?\p{Lu}[\p{L}\p{M}.'’\-]*){0,3}`;
/** "By Jane Doe", "BY JANE DOE", "By Jane Doe and John Roe, Reuters". */
const BYLINE = new RegExp(String.raw`^[Bb][Yy]\s+${NAME}(?:(?:,|\s+and|\s+&)\s+${NAME}){0,4}$`, "u");

/** A line that is only a byline: of the form `By NAME` / `By NAME, Agency`, or the item's own byline, with or without "By". */
export function isBylineLine(line: string, byline: string | undefined): boolean {
  const text = line.trim();
  if (BYLINE.test(text)) return true;
  const folded = foldName(byline ?? "");
  return folded !== "" && [folded, `by${folded}`].includes(foldName(text));
}

/**
 * The initials of the agency's editors who handled the story, closing its text: dpa's "dpa grj
 * rmo", AFP's desk initials joined by slashes ("hh/ph/ts/hd", "bur-ach/jm"), AAP's "AAP RTV ar".
 * Lower-case initials only, so a line of capitals ("N/A", "AT/DE") is never one.
 */
const EDITORS_INITIALS = [
  /^dpa(?:\s+[a-z][a-z\d]{0,5}){1,8}$/,
  /^[a-z]{1,5}(?:-[a-z]{1,5})*(?:\/[a-z]{1,5}(?:-[a-z]{1,5})*){1,7}$/,
  /^AAP(?:\s+[A-Z]{2,5})?\s+[a-z]{1,5}(?:\/[a-z]{1,5})*$/,
];

export function isEditorsInitials(line: string): boolean {
  const text = line.trim();
  return EDITORS_INITIALS.some((pattern) => pattern.test(text));
}

/**
 * What agencies put after a story: end-of-item markers (-0-, ###, NNNN, (END), -30-), the
 * Reuters credit trailer "(Reporting by …; Editing by …)" and its "((…))" contact line, and the
 * editors' initials closing it. Only these exact forms, and only at the very end, so no sentence
 * of the story is lost.
 */
const TRAILER_LINES = [
  /^(?:-\s?0\s?-|#{3}|NNNN|\(END\)|-30-)$/i,
  /^\((?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled|Reported|Translated)\b[^()]*\)$/i,
  /^\(\(.*\)\)$/,
];

function isTrailerLine(line: string): boolean {
  const text = line.trim();
  return TRAILER_LINES.some((pattern) => pattern.test(text)) || isEditorsInitials(text);
}

// ---- Markdown text, escaped and read back. ----

/** The fence that opens a block of fixed-width text: escaped text never starts with a backtick. */
const FENCE = /^`{3,}\n/;

/**
 * Lines of fixed-width text (columns of figures, as typed or in a <pre>) as a Markdown code block,
 * every character shown as typed: its fence longer than any run of backticks in it.
 */
function fencedBlock(lines: readonly string[]): string {
  const longest = Math.max(0, ...lines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [fence, ...lines, fence].join("\n");
}

/**
 * Escapes text so Markdown reads it as the characters typed: everywhere the marks of emphasis,
 * code, links, raw HTML and autolinks, strikethrough, table cells and entities; at a line's start
 * what would open a list, heading, quote or setext underline ("1. Not a list" stays a sentence).
 */
function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\*_`[\]<~|]/g, "\\$&")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&")
    .replace(/^(\s*)([-+=#>])/gm, "$1\\$2")
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/gm, "$1\\$2");
}

/** A line without the backslash that ends it in a hard break (an odd run of trailing backslashes). */
function withoutHardBreak(line: string): string {
  const trailing = /\\*$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1 ? line.slice(0, -1) : line;
}

/**
 * The text a line of Markdown shows, and for each of its characters the index it came from:
 * escapes resolved, emphasis marks dropped. Enough to find chrome and datelines in the
 * inline Markdown written here; link syntax is left as typed, so a link never matches.
 */
function shownText(markdown: string): { text: string; from: number[] } {
  let text = "";
  const from: number[] = [];
  for (let index = 0; index < markdown.length; index += 1) {
    const char = markdown[index] ?? "";
    const next = markdown[index + 1];
    if (char === "\\" && next !== undefined && /[!-/:-@[-`{-~\n]/.test(next)) {
      index += 1;
      text += next;
      from.push(index);
    } else if (char !== "*" && char !== "_") {
      text += char;
      from.push(index);
    }
  }
  return { text, from };
}

const shownLine = (line: string): string => shownText(withoutHardBreak(line)).text;

/** Leading whitespace and hard breaks. */
const LEADING_BREAKS = /^(?:\s|\\\n)+/;

/**
 * The block without the dateline that opens it, and the dateline; undefined when it has none. What
 * follows keeps its Markdown; an emphasis mark left closing the cut dateline ("**MOSCOW … -** It")
 * goes with it.
 */
function cutDateline(block: string, context: BodyContext): { block: string; dateline: DatelineTaken } | undefined {
  const { text, from } = shownText(block);
  const dateline = findDateline(text, context);
  if (!dateline) return undefined;
  let end = text.length - dateline.rest.length;
  while (end > 0 && /\s/.test(text[end - 1] ?? "")) end -= 1;
  const cut = (from[end - 1] ?? -1) + 1;
  const rest = block.slice(cut).replace(LEADING_BREAKS, "").replace(/^[*_]+(?=\s|$)/, "").replace(LEADING_BREAKS, "");
  const { rest: _shown, ...taken } = dateline;
  return { block: rest, dateline: taken };
}

/** The dateline opening a text: an agency's, else a newspaper's. */
const findDateline = (text: string, context: BodyContext): (AgencyDateline & { placeOnly?: string }) | undefined =>
  takeAgencyDateline(text, context.source, context.agencies ?? []) ?? placeDateline(text, context);

/** A newspaper's dateline (takePlaceDateline), in an item that names its source: that source is its agency. */
function placeDateline(text: string, { source, isKnownPlace }: BodyContext): (AgencyDateline & { placeOnly: string }) | undefined {
  if (source === undefined || isKnownPlace === undefined) return undefined;
  const found = takePlaceDateline(text, isKnownPlace);
  if (found === undefined) return undefined;
  return { place: found.place, agency: source, rest: found.rest, placeOnly: text.slice(0, text.length - found.rest.length).trim() };
}

/**
 * Drops slug and byline lines from the top of the body, across blocks ("BC-Russia-Korea,0450", then
 * "By Jane Doe"), and the paragraphs that are notes to editors, which it returns.
 */
function dropLeadingChrome(blocks: string[], byline: string | undefined): { editorsNotes: string[]; typedByline?: string } {
  const editorsNotes: string[] = [];
  let typedByline: string | undefined;
  for (;;) {
    const whole = blocks[0] === undefined ? undefined : blocks[0].split("\n").map(shownLine).join(" ");
    if (whole !== undefined && isEditorsNote(whole)) {
      editorsNotes.push(whole.trim());
      blocks.shift();
      continue;
    }
    const lines = blocks[0]?.split("\n") ?? [];
    const line = lines[0] === undefined ? undefined : shownLine(lines[0]);
    if (line === undefined || !(isSlugLine(line) || isBylineLine(line, byline))) {
      typedByline ??= bylinePastHighlights(blocks, byline);
      return typedByline === undefined ? { editorsNotes } : { editorsNotes, typedByline };
    }
    // A byline the item gives nowhere else is its byline: its names are kept as the story's.
    if (byline === undefined && !isSlugLine(line)) typedByline ??= line.trim();
    lines.shift();
    if (lines.length === 0) blocks.shift();
    else blocks[0] = lines.join("\n");
  }
}

/** A Markdown list item's first line. */
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;

/**
 * A byline line below the highlights Reuters lists above a story ("* Spot gold may edge up",
 * then "By Arpan Varghese", then the dateline), taken off as one at the top is; what it returns
 * is the byline for the story when the item gives none.
 */
function bylinePastHighlights(blocks: string[], byline: string | undefined): string | undefined {
  const [highlights, next] = blocks;
  if (highlights === undefined || next === undefined || !LIST_ITEM.test(highlights)) return undefined;
  const lines = next.split("\n");
  const line = lines[0] === undefined ? undefined : shownLine(lines[0]);
  if (line === undefined || !isBylineLine(line, byline)) return undefined;
  lines.shift();
  if (lines.length === 0) blocks.splice(1, 1);
  else blocks[1] = lines.join("\n");
  return byline === undefined ? line.trim() : undefined;
}

/** Drops trailer lines from the end of the body, and the hard break a dropped line leaves behind; returns them as shown, in the text's order. */
function dropTrailers(blocks: string[]): string[] {
  const dropped: string[] = [];
  for (;;) {
    const lines = blocks.at(-1)?.split("\n") ?? [];
    const line = lines.at(-1);
    if (line === undefined || !isTrailerLine(shownLine(line))) return dropped;
    dropped.unshift(shownLine(line).trim());
    lines.pop();
    if (lines.length === 0) blocks.pop();
    else blocks[blocks.length - 1] = [...lines.slice(0, -1), withoutHardBreak(lines.at(-1) ?? "")].join("\n");
  }
}

/**
 * Takes the chrome off a body's Markdown blocks (paragraphs, headings, lists; the lines within a
 * block as written): a slug, a byline and notes to editors at the top, the lead repeated, then the
 * dateline opening the first paragraph, then trailers at the end.
 */
function removeAgencyChrome(blocks: readonly string[], context: BodyContext): AgencyChromeRemoved {
  const kept = blocks.filter((block) => block.trim() !== "");
  const { editorsNotes, typedByline } = dropLeadingChrome(kept, context.byline);
  const byline = typedByline === undefined ? {} : { typedByline };
  // Not the only paragraph: a flash whose lead is its whole text keeps it.
  if (kept.length > 1 && kept[0] !== undefined && context.lead !== undefined && oneLine(kept[0].split("\n").map(shownLine).join(" ")) === oneLine(context.lead)) kept.shift();
  // The dateline opens the first paragraph, past a heading the text opens with, as the page prints
  // its own; past a list of highlights above the story too (Reuters'), before which the page prints its own.
  let at = /^#{1,6}\s/.test(kept[0] ?? "") ? 1 : 0;
  if (LIST_ITEM.test(kept[at] ?? "") && kept[at + 1] !== undefined && !LIST_ITEM.test(kept[at + 1] ?? "")) at += 1;
  const opening = kept[at];
  const cut = opening === undefined ? undefined : cutDateline(opening, context);
  if (cut?.block === "") kept.splice(at, 1);
  else if (cut) kept[at] = cut.block;
  const trailers = dropTrailers(kept);
  return cut ? { blocks: kept, dateline: cut.dateline, editorsNotes, trailers, ...byline } : { blocks: kept, editorsNotes, trailers, ...byline };
}

/** A body's blocks with the agency's chrome taken off, and what was taken off. */
interface AgencyChromeRemoved {
  blocks: string[];
  dateline?: DatelineTaken;
  editorsNotes: string[];
  trailers: string[];
  typedByline?: string;
}

/** The Markdown, the dateline found, the notes to editors, the trailers and a byline taken off, as the importer takes them. */
function bodyMarkdown({ blocks, dateline, editorsNotes, trailers, typedByline }: AgencyChromeRemoved): BodyMarkdown {
  const markdown = blocks.join("\n\n");
  return {
    markdown,
    ...(dateline ? { dateline } : {}),
    ...(editorsNotes.length > 0 ? { editorsNotes: [...editorsNotes] } : {}),
    ...(trailers.length > 0 ? { trailers: [...trailers] } : {}),
    ...(typedByline ? { typedByline } : {}),
  };
}

// ---- Plain text. ----

/**
 * Plain text as Markdown, its paragraphs as typed (see typedBlocks: after a blank line or at an
 * indented line): every paragraph kept, its hard-wrapped lines joined with a space, every
 * character shown as typed; lines of columns kept as laid out, in a block of fixed-width text,
 * which the import's line names.
 */
export function textBodyToMarkdown(text: string, context: BodyContext): BodyMarkdown {
  const typed = typedBlocks(text.replace(/\r\n?/g, "\n").split("\n"), (line) => line);
  const blocks = typed.map((block) => (block.kind === "columns" ? fencedBlock(block.layout) : block.lines.map((line) => escapeMarkdownText(line.trim())).join("\n")));
  const chrome = removeAgencyChrome(blocks, context);
  const columns = typed.flatMap((block) => (block.kind === "columns" ? [block.layout.map((line) => line.trim())] : []));
  return {
    ...bodyMarkdown({ ...chrome, blocks: chrome.blocks.map((block) => (FENCE.test(block) ? block : block.replaceAll("\n", " "))) }),
    ...(columns.length > 0 ? { columns } : {}),
  };
}

// ---- HTML. ----

/** Block containers agencies wrap text in, kept as paragraphs so their text does not run together; a figure holds a table or a quote as often as a picture. */
const AS_PARAGRAPH = ["div", "section", "article", "header", "footer", "main", "aside", "address", "dt", "dd", "caption", "figure", "figcaption"];

/** Elements whose content is never story text: code, embeds, forms, pictures. */
const DROPPED_WITH_CONTENT = [
  "script", "style", "noscript", "template", "iframe", "frame", "object", "embed", "noembed", "noframes",
  "form", "textarea", "select", "option", "button", "svg", "math", "picture", "audio", "video", "canvas", "head", "title",
];

/** What a figure of a picture holds, which a story cannot show. */
const PICTURE = "img, picture, video, audio, iframe, svg, object, embed, canvas";

/**
 * The HTML without the captions of its pictures, those captions, and the alt text of pictures
 * with no caption: a picture goes (a story's images are its own files), and its caption would
 * read as the story's text, so it goes with it and is named; a picture without one is named by
 * its alt text, the agency's words for it. A figure of a table or a quote keeps its caption.
 */
function withoutPictureCaptions(html: string): { html: string; captions: string[]; alts: string[] } {
  if (!/<(?:figcaption|img)\b/i.test(html)) return { html, captions: [], alts: [] };
  const root = parseHtml(html);
  const captions: string[] = [];
  const captioned = new Set<ParsedElement>();
  for (const figure of root.querySelectorAll("figure")) {
    if (figure.querySelector(PICTURE) === null) continue;
    const texts = figure.querySelectorAll("figcaption").map((caption) => {
      caption.remove();
      return oneLine(caption.textContent);
    }).filter((text) => text !== "");
    captions.push(...texts);
    if (texts.length > 0) for (const picture of figure.querySelectorAll("img")) captioned.add(picture);
  }
  const alts = root
    .querySelectorAll("img")
    .filter((picture) => !captioned.has(picture))
    .map((picture) => oneLine(picture.getAttribute("alt") ?? ""))
    .filter((alt) => alt !== "");
  return { html: root.toString(), captions, alts };
}

/** Elements that embed media from elsewhere, and the attribute each names it by. */
const EMBEDS: ReadonlyMap<string, string> = new Map([["iframe", "src"], ["frame", "src"], ["video", "src"], ["audio", "src"], ["object", "data"], ["embed", "src"]]);

/** Elements dropped with their content that may hold the agency's words, named with them (pictures are named by their captions). */
const WORDS_DROPPED = new Set(["form", "textarea", "select", "button", "math", "svg", "canvas", "noscript"]);

const DROPPED_SET = new Set(DROPPED_WITH_CONTENT);

/** Whether an element sits in one dropped with its content, so its words are named with that one's. */
function insideDropped(element: ParsedElement): boolean {
  for (let parent = element.parentNode; parent; parent = parent.parentNode) {
    if (DROPPED_SET.has(parent.tagName?.toLowerCase() ?? "")) return true;
  }
  return false;
}

/** An element's words as a line quotes them: each text apart (a form's label, field and button), a long one's start. */
function quotedWords(element: ParsedElement): string {
  const texts: string[] = [];
  const walk = (node: ParsedElement["childNodes"][number]): void => {
    if (node.nodeType === 3) texts.push(node.text);
    else node.childNodes.forEach(walk);
  };
  walk(element);
  return quotedText(texts.join(" "));
}

/** Words as a line quotes them: on one line, a long text's start. */
function quotedText(words: string): string {
  const text = oneLine(words);
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** Counts one element of a kind in `found`, with where it pointed or its words, each once. */
function countMarkup(found: Map<string, RemovedMarkup>, kind: RemovedMarkup["kind"], name: string, sources: readonly (string | undefined)[]): void {
  const entry = found.get(`${kind} ${name}`) ?? { kind, name, count: 0, sources: [] };
  entry.count += 1;
  for (const source of sources) {
    const trimmed = source?.trim();
    if (trimmed && !entry.sources.includes(trimmed)) entry.sources.push(trimmed);
  }
  found.set(`${kind} ${name}`, entry);
}

/** A body that may hold any of those: most hold none, and are not parsed to find out. */
const MAY_HOLD_REMOVED = new RegExp(`<(?:${[...EMBEDS.keys(), "script", ...WORDS_DROPPED].join("|")})\\b|\\son[a-z]+\\s*=|<a\\s`, "i");

/**
 * The embedded media, code, unsafe links and forms, formulas and drawings of a body, which the
 * sanitiser takes out: each kind once, with how many and where they pointed (or the words they
 * held), so the item's line names what went. Only the words of a link go on to the story; a
 * script's or an embed's content is no story text.
 */
function removedMarkup(html: string): RemovedMarkup[] {
  if (!MAY_HOLD_REMOVED.test(html)) return [];
  const found = new Map<string, RemovedMarkup>();
  const add = (kind: RemovedMarkup["kind"], name: string, sources: readonly (string | undefined)[]) => countMarkup(found, kind, name, sources);
  for (const element of parseHtml(html).querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    const embedded = EMBEDS.get(tag);
    // A video or audio may name its files in <source> children rather than in its own src.
    if (embedded !== undefined) add("embed", `<${tag}>`, [element.getAttribute(embedded), ...element.querySelectorAll("source").map((source) => source.getAttribute("src"))]);
    else if (tag === "script") add("code", "<script>", [element.getAttribute("src")]);
    else if (WORDS_DROPPED.has(tag) && !insideDropped(element)) {
      // A noscript's content is parsed as raw text: its words are those of the markup it holds. One of no words (a tracking picture) loses nothing.
      const words = quotedWords(tag === "noscript" ? parseHtml(element.textContent) : element);
      if (tag !== "noscript" || words !== "") add("element", `<${tag}>`, [words]);
    }
    else if (tag === "a") {
      const href = element.getAttribute("href") ?? "";
      if (!isAllowedUrl(href)) add("unsafe link", `${urlScheme(href) ?? ""}:`, [href]);
    }
    for (const attribute of Object.keys(element.attributes)) {
      if (/^on[a-z]+$/i.test(attribute)) add("code", attribute.toLowerCase(), []);
    }
  }
  return [...found.values()];
}

/** Markings whose words the story keeps but Markdown cannot mark (underlined, inserted, highlighted text), named on the item's line. */
const UNWRITTEN_MARKINGS: ReadonlySet<string> = new Set(["u", "ins", "mark"]);

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;
const TABLE_TAGS = ["table", "thead", "tbody", "tfoot", "tr", "th", "td"];

/**
 * Deeper nesting is flattened to its text: a story needs a few levels, and a hostile body nested
 * thousands deep would exhaust the stack of every later step.
 */
const NESTING_LIMIT = 24;

/**
 * A numbered list keeps how the agency numbers it: the number it starts at ("3." continuing an
 * earlier list), its kind of numbers (letters, Roman numerals) and whether it counts down, each
 * only in a form HTML reads; see numberLabel.
 */
const listStart: sanitizeHtml.Transformer = (tagName, attribs) => {
  const start = attribs["start"]?.trim() ?? "";
  const type = attribs["type"]?.trim() ?? "";
  const kept: sanitizeHtml.Attributes = {
    ...(/^-?\d{1,9}$/.test(start) ? { start: String(Number(start)) } : {}),
    ...(/^[aAiI]$/.test(type) ? { type } : {}),
    ...("reversed" in attribs ? { reversed: "" } : {}),
  };
  return { tagName, attribs: kept };
};

/** An item's own number (`<li value="5">`), when it is one. */
const itemValue: sanitizeHtml.Transformer = (tagName, attribs) => {
  const value = attribs["value"]?.trim() ?? "";
  const kept: sanitizeHtml.Attributes = /^-?\d{1,9}$/.test(value) ? { value: String(Number(value)) } : {};
  return { tagName, attribs: kept };
};

function sanitizeOptions(allowedTags: string[]): sanitizeHtml.IOptions {
  return {
    allowedTags,
    // A table's spans are kept to be spread over the cells they cover (see spreadSpans).
    allowedAttributes: { a: ["href"], ol: ["start", "type", "reversed"], li: ["value"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href"],
    disallowedTagsMode: "discard",
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: { ...Object.fromEntries(AS_PARAGRAPH.map((tag) => [tag, "p"])), ol: listStart, li: itemValue },
    nestingLimit: NESTING_LIMIT,
  };
}

/**
 * Markup kept in every form of a body, as its words would change without it: struck text (never
 * to read as current), quotations, readings (`<ruby>`), and markings Markdown cannot write
 * (`<u>`, `<ins>`, `<mark>`), kept to be named on the item's line (see createTurndown).
 */
const WORD_MARKUP = ["del", "s", "strike", "q", "ruby", "rt", "rp", ...UNWRITTEN_MARKINGS];

/** Everything a story's body may keep of agency markup. Pictures are not among it: a story's images must be its own files. */
const FULL_MARKUP = sanitizeOptions(["p", "pre", ...HEADINGS, "ul", "ol", "li", "blockquote", "a", "em", "strong", "b", "i", "br", "sup", "sub", ...WORD_MARKUP, ...TABLE_TAGS]);

/** The fallback for a body too large to render in full: its paragraphs, line breaks, fixed-width text (a table's figures in a <pre> must not run together) and the markup its words need. */
const PARAGRAPHS_ONLY = {
  ...sanitizeOptions(["p", "br", "pre", ...WORD_MARKUP]),
  transformTags: Object.fromEntries([...AS_PARAGRAPH, ...HEADINGS, "li", "blockquote", "td", "th"].map((tag) => [tag, "p"])),
};

/**
 * Heading levels as the story checks want them: the first heading becomes ##, a deeper one one
 * level below the heading it follows, a shallower one the level its earlier peer was given.
 */
function headingLevels(): (level: number) => number {
  const open: { from: number; to: number }[] = [];
  return (level) => {
    while ((open.at(-1)?.from ?? 0) > level) open.pop();
    const top = open.at(-1);
    const to = top === undefined ? 2 : top.from === level ? top.to : Math.min(top.to + 1, 6);
    if (top?.from === level) open.pop();
    open.push({ from: level, to });
    return to;
  };
}

/** True when the element sits inside another of the given names, so `<b><b>x</b></b>` writes one **x**. */
function insideOneOf(node: HTMLElement, names: readonly string[]): boolean {
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    if (names.includes(parent.nodeName)) return true;
  }
  return false;
}

/** A URL as a Markdown link destination: spaces, brackets and pipes (which would end a table cell) encoded. */
function linkDestination(href: string): string {
  return href.replace(/[\u0000-\u0020\u007f<>|\\]/g, (char) => encodeURIComponent(char)).replace(/[()]/g, "\\$&");
}

/** Table cells, one row to a line, with the header row (the first) underlined; markdown-it renders them as a table. */
function addTableRules(service: TurndownService): void {
  service.addRule("tableCell", {
    filter: ["th", "td"],
    replacement: (content) => ` ${content.replace(/\\\n|\n+/g, " ").trim()} |`,
  });
  service.addRule("tableRow", { filter: "tr", replacement: (content) => `|${content}\n` });
  service.addRule("tableSection", { filter: ["thead", "tbody", "tfoot"], replacement: (content) => content });
  service.addRule("table", {
    filter: "table",
    replacement: (content, node) => {
      const rows = content.split("\n").filter((line) => line !== "");
      // Array.from, not spread: the DOM turndown parses with gives lists that are array-like only.
      const cells = (row: Element): number => Array.from(row.childNodes).filter((child) => child.nodeName === "TH" || child.nodeName === "TD").length;
      const counts = Array.from(node.getElementsByTagName("tr")).map(cells);
      const columns = Math.max(0, ...counts);
      if (rows.length === 0 || columns === 0) return "";
      // Rows of one cell above a wider table are its titles ("BASEBALL'S TOP TEN"), as agencies set
      // statistics: paragraphs above it. The header is the first row after them, as wide as the table,
      // or markdown-it would read no table at all.
      let titles = 0;
      while (columns > 1 && titles < rows.length - 1 && counts[titles] === 1) titles += 1;
      const titleText = rows.slice(0, titles).map((row) => row.replace(/^\|\s*|\s*\|$/g, "")).filter((text) => text !== "");
      const header = `${rows[titles]}${" |".repeat(Math.max(0, columns - (counts[titles] ?? columns)))}`;
      const table = [header, `|${" --- |".repeat(columns)}`, ...rows.slice(titles + 1)].join("\n");
      return `\n\n${[...titleText.map((text) => `**${text}**`), table].join("\n\n")}\n\n`;
    },
  });
}

/**
 * A link of the producer's as the story links it: a full web or mail address as it is, one
 * without a scheme ("//host/…") on https, one relative to the producer's site read against the
 * item's own address (`base`); undefined when it cannot be (no base, or only a place on the
 * producer's page, "#more"): a link of the story's own address would lead nowhere on this site.
 */
function producerLink(href: string, base: string | undefined): string | undefined {
  if (href.startsWith("//")) return `https:${href}`;
  if (urlScheme(href) !== undefined) return href;
  if (href.startsWith("#") || base === undefined) return undefined;
  return new URL(href, base).href;
}

/** What writing a body's markup as Markdown changed or left out, for the item's lines to name. */
interface MarkupWritten {
  unreadLinks: string[];
  /** Markings kept without their mark, and struck text left out of fixed-width text, a kind each. */
  unmarked: Map<string, RemovedMarkup>;
  labelledLists: string[];
  rubyReadings: string[];
}

const STRUCK = ["DEL", "S", "STRIKE"];

/** A node's text without its struck text, which fixed-width text cannot show struck; the struck words go to `struck`. */
function unstruckText(node: Node, struck: string[]): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  if (STRUCK.includes(node.nodeName)) {
    struck.push(node.textContent ?? "");
    return "";
  }
  return Array.from(node.childNodes, (child) => unstruckText(child, struck)).join("");
}

/** A list item's number as the list's type writes it: letters (a, A) or Roman numerals (i, I) from 1, else the number. */
function numberLabel(value: number, type: string): string {
  if (/^[aA]$/.test(type) && value >= 1) {
    let letters = "";
    for (let rest = value; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
    return `${type === "A" ? letters.toUpperCase() : letters}.`;
  }
  if (/^[iI]$/.test(type) && value >= 1 && value < 4000) {
    const numerals: [number, string][] = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
    let rest = value;
    let roman = "";
    for (const [size, numeral] of numerals) while (rest >= size) [rest, roman] = [rest - size, roman + numeral];
    return `${type === "I" ? roman.toUpperCase() : roman}.`;
  }
  return `${value}.`;
}

/** Whether a numbered list's numbers are ones Markdown cannot write (it numbers only 1, 2, 3… up from the first). */
const needsLabels = (list: Element): boolean => list.nodeName === "OL" && (list.hasAttribute("type") || list.hasAttribute("reversed") || Array.from(list.children).some((item) => item.hasAttribute("value")));

/** Each item's label as HTML numbers the list: from its start (the count of its items when it counts down), an item's value restarting the count. */
function itemLabels(list: Element): string[] {
  const items = Array.from(list.children).filter((item) => item.nodeName === "LI");
  const step = list.hasAttribute("reversed") ? -1 : 1;
  const start = list.getAttribute("start");
  let next = start !== null ? Number(start) : step === -1 ? items.length : 1;
  return items.map((item) => {
    const value = item.getAttribute("value");
    const number = value === null ? next : Number(value);
    next = number + step;
    return numberLabel(number, list.getAttribute("type") ?? "1");
  });
}

/** A list as its line names it: its element, the numbering attributes it was given, and its labels. */
function listDescription(list: Element, labels: readonly string[]): string {
  const type = list.getAttribute("type");
  const element = `<ol${type === null ? "" : ` type="${type}"`}${list.hasAttribute("reversed") ? " reversed" : ""}>`;
  const values = Array.from(list.children).some((item) => item.hasAttribute("value")) ? " with <li value>" : "";
  const shown = labels.length > 6 ? [...labels.slice(0, 5), "…", labels.at(-1) ?? ""] : labels;
  return `${element}${values}: ${shown.map((label) => (label === "…" ? label : JSON.stringify(label))).join(", ")}`;
}

function createTurndown(context: BodyContext, written: MarkupWritten): TurndownService {
  const { unreadLinks } = written;
  const service = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", emDelimiter: "*", strongDelimiter: "**", br: "\\" });
  service.escape = escapeMarkdownText;
  const level = headingLevels();
  service.addRule("heading", {
    filter: [...HEADINGS],
    replacement: (content, node) => {
      const text = content.replace(/\\\n|\n+/g, " ").trim();
      return text === "" ? "" : `\n\n${"#".repeat(level(Number(node.nodeName.slice(1))))} ${text}\n\n`;
    },
  });
  service.addRule("link", {
    filter: "a",
    replacement: (content, node) => {
      const href = node.getAttribute("href")?.trim() ?? "";
      if (content.trim() === "" || href === "" || !isAllowedUrl(href)) return content;
      const target = producerLink(href, context.base);
      if (target === undefined) {
        unreadLinks.push(href);
        return content;
      }
      return `[${content}](${linkDestination(target)})`;
    },
  });
  for (const names of [["B", "STRONG"], ["I", "EM"]]) {
    service.addRule(`nested${names[0]}`, { filter: (node) => names.includes(node.nodeName) && insideOneOf(node, names), replacement: (content) => content });
  }
  addTableRules(service);
  // Fixed-width text (a table of results set in columns) keeps its lines and spaces: run together, its figures would read as one number.
  // Struck text in it cannot be shown struck, and printed it would read as current: it is left out, and named.
  service.addRule("preformatted", {
    filter: "pre",
    replacement: (_content, node) => {
      const struck: string[] = [];
      // A <pre> inside struck text is struck whole.
      const text = insideOneOf(node, STRUCK) ? (struck.push(node.textContent ?? ""), "") : unstruckText(node, struck);
      for (const words of struck) if (words.trim() !== "") countMarkup(written.unmarked, "struck", "<pre>", [quotedText(words)]);
      const lines = text.replace(/\r\n?/g, "\n").split("\n").map((line) => line.trimEnd());
      while (lines[0] === "") lines.shift();
      while (lines.at(-1) === "") lines.pop();
      return lines.length === 0 ? "" : `\n\n${fencedBlock(lines)}\n\n`;
    },
  });
  // Text struck out is struck out on the page ("The toll was ~~12~~ 14"); run into the text, the old figure read as current.
  // Struck-out paragraphs are struck out each, as a mark cannot span paragraphs.
  service.addRule("struck", {
    filter: (node) => STRUCK.includes(node.nodeName),
    replacement: (content) =>
      content
        .split(/(\n{2,})/)
        .map((part) => (part.trim() === "" ? part : part.replace(/^(\s*)([^]*?)(\s*)$/, "$1~~$2~~$3")))
        .join(""),
  });
  // Underlined, inserted and highlighted text keeps its words; Markdown has no mark for them, and raw HTML is off in stories, so the line names them.
  service.addRule("unwrittenMarking", {
    filter: (node) => UNWRITTEN_MARKINGS.has(node.nodeName.toLowerCase()),
    replacement: (content, node) => {
      if (content.trim() !== "") countMarkup(written.unmarked, "marking", `<${node.nodeName.toLowerCase()}>`, [quotedText(node.textContent ?? "")]);
      return content;
    },
  });
  // A reading set above its text (ruby) is written after it in parentheses, Markdown having no place above; run in, "漢kan" read as one word.
  // The agency's own parentheses for browsers without ruby (rp) give way to those.
  service.addRule("rubyParentheses", { filter: "rp", replacement: () => "" });
  service.addRule("rubyReading", {
    filter: "rt",
    replacement: (content, node) => {
      const reading = content.trim();
      if (reading === "") return "";
      let base = "";
      for (let sibling = node.previousSibling; sibling !== null && sibling.nodeName !== "RT"; sibling = sibling.previousSibling) if (sibling.nodeName !== "RP") base = `${sibling.textContent ?? ""}${base}`;
      written.rubyReadings.push(`${JSON.stringify(oneLine(base))} read ${JSON.stringify(oneLine(node.textContent ?? ""))}`);
      return `(${reading})`;
    },
  });
  // A list numbered as Markdown cannot number it (letters, Roman numerals, counting down, an item's own number) keeps
  // the agency's numbers, written into its items, in a list of bullets: numbered 1, 2, 3, its items' references ("see (b)") would point nowhere.
  service.addRule("labelledItem", {
    filter: (node) => node.nodeName === "LI" && node.parentElement !== null && needsLabels(node.parentElement),
    replacement: (content, node) => {
      const list = node.parentElement as Element;
      const labels = itemLabels(list);
      const index = Array.from(list.children).filter((item) => item.nodeName === "LI").indexOf(node as Element);
      if (index === 0) written.labelledLists.push(listDescription(list, labels));
      // Lists side by side in Markdown are one list unless their markers differ: each list after another takes the other marker.
      let chain = 0;
      for (let before = list.previousElementSibling; before !== null && ["UL", "OL"].includes(before.nodeName); before = before.previousElementSibling) chain += 1;
      const prefix = chain % 2 === 1 ? "+   " : "-   ";
      const isParagraph = /\n$/.test(content);
      const text = `${escapeMarkdownText(labels[index] ?? "")} ${content.replace(/^\n+|\n+$/g, "")}${isParagraph ? "\n" : ""}`.replace(/\n/gm, `\n${" ".repeat(prefix.length)}`);
      return `${prefix}${text}${node.nextSibling ? "\n" : ""}`;
    },
  });
  // Raised and lowered figures keep their meaning as the characters made for them ("10⁶", "H₂O"); run in, 10⁶ read 106.
  service.addRule("raised", { filter: "sup", replacement: (content) => shifted(content, SUPERSCRIPT) });
  service.addRule("lowered", { filter: "sub", replacement: (content) => shifted(content, SUBSCRIPT) });
  // A quotation's marks are the browser's to print for <q>, which Markdown has not: they are written, a quotation inside another taking the inner ones.
  const marks = QUOTATION_MARKS.get(primaryLanguage(context.lang ?? "")) ?? TYPOGRAPHIC_QUOTES;
  service.addRule("quotation", {
    filter: "q",
    replacement: (content, node) => {
      const [open, close] = insideOneOf(node, ["Q"]) ? marks.inner : marks.outer;
      return content.trim() === "" ? content : `${open}${content}${close}`;
    },
  });
  return service;
}

/** A language's quotation marks, outer and inner, as CLDR gives them. */
interface QuotationMarks {
  outer: readonly [string, string];
  inner: readonly [string, string];
}

const TYPOGRAPHIC_QUOTES: QuotationMarks = { outer: ["“", "”"], inner: ["‘", "’"] };

/** The quotation marks of the languages the site's editions and agencies write in; any other language takes typographic double quotes. */
const QUOTATION_MARKS: ReadonlyMap<string, QuotationMarks> = new Map([
  ["en", TYPOGRAPHIC_QUOTES],
  ["ru", { outer: ["«", "»"], inner: ["„", "“"] }],
  ["uk", { outer: ["«", "»"], inner: ["„", "“"] }],
  ["de", { outer: ["„", "“"], inner: ["‚", "‘"] }],
]);

// A minus is typed as a hyphen or as the minus sign (U+2212).
const SUPERSCRIPT: Readonly<Record<string, string>> = Object.fromEntries([..."0123456789+-\u2212=()n"].map((char, at) => [char, "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿ"[at]!]));
const SUBSCRIPT: Readonly<Record<string, string>> = Object.fromEntries([..."0123456789+-\u2212=()"].map((char, at) => [char, "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎"[at]!]));

/** Text raised or lowered as its own characters, when each has one; else as it is ("1<sup>st</sup>" reads 1st). */
function shifted(content: string, characters: Readonly<Record<string, string>>): string {
  const chars = [...content.replace(/\\(?=[-+=()])/g, "")];
  return chars.length > 0 && chars.every((char) => char in characters) ? chars.map((char) => characters[char]).join("") : content;
}

const storyMarkdown = createMarkdown();

/** The line a text opens with, in its first paragraph, and the words of the line after it, up to any markup. */
const OPENING_LINE = /^(\s*(?:<p>)?[ \t]*)([^<\n]+?)[ \t]*\n(?=[ \t]*([^<\n]*))/;

/**
 * Sanitised HTML whose text opens with a byline typed on a line of its own directly above the
 * dateline ("<p>By Tendai Moyo" then "LONDON, July 29 (Reuters) - …" on the next line), with that
 * line's end kept as a line break: HTML would run the two together, and the byline be read as the
 * dateline's place. The byline is then taken off the text as one on a line of its own is.
 */
function bylineAboveDateline(html: string, context: BodyContext): string {
  const match = OPENING_LINE.exec(html);
  const [whole, before = "", line = "", next = ""] = match ?? [];
  if (whole === undefined || !isBylineLine(decodeReferences(line), context.byline) || findDateline(decodeReferences(next), context) === undefined) return html;
  return `${before}${line}<br>${html.slice(whole.length)}`;
}

function convertHtml(html: string, options: sanitizeHtml.IOptions, context: BodyContext): BodyMarkdown {
  const pictures = withoutPictureCaptions(html);
  const removed = removedMarkup(html);
  const written: MarkupWritten = { unreadLinks: [], unmarked: new Map(), labelledLists: [], rubyReadings: [] };
  const tables = spreadSpans(sanitizeHtml(pictures.html, options));
  const markdown = createTurndown(context, written).turndown(bylineAboveDateline(tables.html, context));
  const { unreadLinks, labelledLists, rubyReadings } = written;
  const changed = [...removed, ...written.unmarked.values()];
  return {
    ...bodyMarkdown(removeAgencyChrome(markdown.split(/\n{2,}/), context)),
    ...(pictures.captions.length > 0 ? { pictureCaptions: pictures.captions } : {}),
    ...(pictures.alts.length > 0 ? { pictureAlts: pictures.alts } : {}),
    ...(unreadLinks.length > 0 ? { unreadLinks } : {}),
    ...(changed.length > 0 ? { removed: changed } : {}),
    ...(tables.spread.length > 0 ? { spreadCells: tables.spread } : {}),
    ...(labelledLists.length > 0 ? { labelledLists } : {}),
    ...(rubyReadings.length > 0 ? { rubyReadings } : {}),
  };
}

/** HTML's greatest colspan; a larger one is read as it. */
const MAX_COLSPAN = 1000;

/** A cell's colspan or rowspan as a count of columns or rows: 1 when absent or not a number; a rowspan of 0 spans its row group's rest (`rest`). */
function cellSpan(cell: ParsedElement, name: "colspan" | "rowspan", rest: number): number {
  const span = Number.parseInt(cell.getAttribute(name) ?? "", 10);
  if (name === "rowspan" && span === 0) return rest;
  return Number.isNaN(span) || span < 1 ? 1 : Math.min(span, name === "rowspan" ? rest : MAX_COLSPAN);
}

const childElementsNamed = (parent: ParsedElement, names: readonly string[]): ParsedElement[] =>
  parent.childNodes.filter((node): node is ParsedElement => node instanceof ParsedElement && names.includes(node.tagName));

/**
 * Tables whose cells span rows or columns laid out as a Markdown table can carry them: a table of
 * one row of headings and rows of cells, which cannot join cells. Each spanning cell is repeated in
 * every row and column it covers, so every cell stays under its own headings ("Votes" over "Yes"
 * and "No"), and is named for the item's line. A row of one cell as wide as the table (a title,
 * or a label over the rows below it) stays one cell.
 */
function spreadSpans(html: string): { html: string; spread: string[] } {
  if (!/\s(?:col|row)span\s*=/i.test(html)) return { html, spread: [] };
  const root = parseHtml(html);
  const spread: string[] = [];
  // Innermost first, so a table in a cell is laid out before the cell is copied.
  for (const table of root.querySelectorAll("table").reverse()) {
    // Rows span only within their group: the rows written directly in the table, its head, each body, its foot.
    const groups = [childElementsNamed(table, ["TR"]), ...childElementsNamed(table, ["THEAD", "TBODY", "TFOOT"]).map((section) => childElementsNamed(section, ["TR"]))].filter((rows) => rows.length > 0);
    const width = Math.max(0, ...groups.flat().map((row) => childElementsNamed(row, ["TD", "TH"]).reduce((sum, cell) => sum + cellSpan(cell, "colspan", 1), 0)));
    for (const rows of groups) {
      const grid: (ParsedElement | undefined)[][] = rows.map(() => []);
      rows.forEach((row, at) => {
        const cells = childElementsNamed(row, ["TD", "TH"]);
        const title = cells.length === 1 && width > 1 && cells[0] !== undefined && cellSpan(cells[0], "colspan", 1) >= width;
        let column = 0;
        for (const cell of cells) {
          while (grid[at]?.[column] !== undefined) column += 1;
          const across = title ? 1 : cellSpan(cell, "colspan", 1);
          const down = cellSpan(cell, "rowspan", rows.length - at);
          if (across > 1 || down > 1) spread.push(`${JSON.stringify(quotedWords(cell))} over ${[down > 1 ? `${down} rows` : "", across > 1 ? `${across} columns` : ""].filter(Boolean).join(" and ")}`);
          for (let row = at; row < at + down; row += 1) for (let place = column; place < column + across; place += 1) (grid[row] ??= [])[place] = cell;
          column += across;
        }
      });
      for (const cell of grid.flat()) {
        cell?.removeAttribute("colspan");
        cell?.removeAttribute("rowspan");
      }
      // A place no cell covers, before one a cell does, is an empty cell of its own.
      rows.forEach((row, at) => row.set_content(Array.from(grid[at] ?? [], (cell) => cell?.toString() ?? "<td></td>").join("")));
    }
  }
  return { html: root.toString(), spread };
}

/**
 * An HTML body as story Markdown. Sanitised first: no scripts, styles, embeds, forms or
 * pictures, no attributes but a link's href, and that only for web, mail and relative URLs
 * (javascript:, data:, vbscript: and their obfuscated forms are dropped, the link's text kept);
 * paragraphs, headings, lists, quotes, links, emphasis, line breaks and simple tables remain,
 * other containers become paragraphs. A body that would still render to more elements than a
 * story may have is written again as paragraphs only; if that is still too many, the story
 * checks report it.
 */
export function htmlBodyToMarkdown(html: string, context: BodyContext): BodyMarkdown {
  const full = convertHtml(html, FULL_MARKUP, context);
  if (outlineBody(storyMarkdown, full.markdown).elements <= MAX_BODY_ELEMENTS) return full;
  return { ...convertHtml(html, PARAGRAPHS_ONLY, context), markupLeftOut: true };
}
