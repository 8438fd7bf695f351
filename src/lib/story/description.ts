import { firstParagraphText } from "./markdown.ts";

/**
 * The description of a story that has no lead: its text's first sentence, as search results,
 * link previews and feed readers show a story in a line or two. A sentence longer than that is
 * cut at a word, with an ellipsis, so the description never ends mid-word.
 */

/** The longest description, ellipsis included: what search results and link previews show whole. */
const MAX_DESCRIPTION = 200;

/**
 * Words a full stop follows without ending the sentence, as wire copy abbreviates them: titles,
 * months and Latin short forms in English, and the house abbreviations of Russian copy, in any
 * case. A single capital ("J. Smith", "В. Путин") is an initial, never an end.
 */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "rev", "sgt", "lt", "col", "capt", "cmdr", "adm", "maj", "st", "sr", "jr",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "e.g", "i.e", "etc", "vs", "inc", "ltd", "corp", "approx",
  "г", "гг", "ул", "им", "тыс", "млн", "млрд", "руб", "долл", "т.е", "т.д", "т.п", "т.к", "др", "проф", "акад", "стр",
]);

/**
 * Abbreviations that are also words ("fell ill.", "said no."): only as AP style writes them,
 * capitalised ("PEORIA, Ill.", "No. 2").
 */
const CAPITALISED_ABBREVIATIONS = new Set([
  "No", "Co", "Ft", "Mt",
  "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Va", "Vt", "Wash", "Wis", "Wyo",
]);

/** Marks that end a sentence, then the quotes and brackets that may close around them. */
const SENTENCE_END = /[.!?…]+["'”’»)\]]*(?=\s|$)/gu;

/** The word a full stop at `end` follows, without its final dot: "U.S" for "the U.S.", "Sept" for "Sept.". */
function wordBefore(text: string, end: number): string {
  return /[\p{L}\p{N}.]*$/u.exec(text.slice(0, end))?.[0].replace(/^\.+/, "") ?? "";
}

/** Whether the marks at `index` end the sentence: not an abbreviation's or an initial's dot, and the next sentence opens as one does. */
function endsSentence(text: string, index: number, marks: string): boolean {
  const next = text.slice(index + marks.length).trimStart();
  // A sentence opens with a capital, a digit or an opening quote; "she asked" after a quoted question goes on.
  if (next !== "" && !/^[\p{Lu}\p{N}"'“‘«(\[]/u.test(next)) return false;
  if (!marks.startsWith(".") || marks.startsWith("..")) return true;
  const word = wordBefore(text, index);
  if (/^\p{Lu}$/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase()) && !CAPITALISED_ABBREVIATIONS.has(word);
}

/** The first sentence of a text, with its closing marks; the whole text when no sentence ends before its end. */
function firstSentence(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  for (const match of line.matchAll(SENTENCE_END)) {
    if (endsSentence(line, match.index, match[0])) return line.slice(0, match.index + match[0].length);
  }
  return line;
}

/** A text at most `max` characters long: whole when it fits, else cut after its last whole word, with an ellipsis. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(" ");
  // The room may end just where a word does; a single word longer than the room (a long URL) is cut where it ends.
  const words = text[room.length] === " " || lastSpace <= 0 ? room : room.slice(0, lastSpace);
  return `${words.replace(/[\s,;:–—-]+$/u, "")}…`;
}

/** A story's description from the plain text of its first paragraph: its first sentence, cut at a word beyond MAX_DESCRIPTION. */
function describeByFirstSentence(paragraph: string): string {
  return cutAtWord(firstSentence(paragraph), MAX_DESCRIPTION);
}

/**
 * What describes a story in its page's head, its feeds and its structured data: its lead; else
 * the first sentence of its text's first paragraph; else, for a text of headings and lists
 * alone, its headline.
 */
export function storyDescription(story: { title: string; lead?: string | undefined }, body: string): string {
  if (story.lead !== undefined) return story.lead;
  return describeByFirstSentence(firstParagraphText(body) ?? story.title);
}
