import type { Problem } from "../model/problems.ts";
import { isWebAddress } from "../model/urls.ts";
import { createMarkdown, outlineBody, type BodyComment, type BodyFootnote } from "./markdown.ts";
import { quoteTyped } from "./printed-text.ts";
import { storySchema } from "./schema.ts";
import { locateStoryImage } from "./story-files.ts";

/** A problem in a story's Markdown, at a line of the body (its first line is 1). */
export type BodyProblem = Pick<Problem, "message" | "code"> & { line: number };

export interface BodyCheck {
  problems: BodyProblem[];
  /** The image files the body shows, each with the body line that names it. */
  images: { path: string; line: number }[];
}

const md = createMarkdown();

/**
 * Markup elements a body may render to. A long story with many links makes a few thousand; far
 * more is a broken import or a hostile one, and would make every page check slow.
 */
export const MAX_BODY_ELEMENTS = 10_000;

/** What the text alone shows, in the order it is reported: a problem, or an image whose file is still to be found. */
export type BodyFinding = BodyProblem | { line: number; image: string };

/**
 * After the place, what makes a typed dateline of it in any case ("London, March 15 -", "LONDON
 * (AFP) -", "LONDON:", "Москва, 1 декабря. /ТАСС/."): a day, an agency in parentheses or slashes,
 * then a dash or colon, or the Russian house style's period after the slashes. Prose that opens
 * with the place ("London, the capital, …") has none of them.
 */
const DATELINE_AFTER_PLACE =
  /^(?:[,،]\s+(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?))?(?:\s*(?:\([^()\n]{1,40}\)|\/[^/\n]{1,40}\/)?\.?\s*(?:--?|[—–_:])(?=\s)|\.?\s*\/[^/\n]{1,40}\/\.(?=\s|$))/u;

/**
 * The dateline typed at the start of the body, as typed, if there is one: the place as the field
 * writes it and a comma (the house style, "MOSCOW,"), or the place in any case and the rest of a
 * dateline (DATELINE_AFTER_PLACE).
 */
function typedDateline(text: string, place: string): string | undefined {
  // The comma as the edition writes it: Arabic has its own.
  for (const comma of [",", "،"]) if (text.startsWith(`${place}${comma}`)) return `${place}${comma}`;
  const opening = text.slice(0, place.length);
  if (opening.toLocaleLowerCase() !== place.toLocaleLowerCase()) return undefined;
  const rest = DATELINE_AFTER_PLACE.exec(text.slice(place.length))?.[0];
  return rest === undefined ? undefined : `${opening}${rest}`;
}

/**
 * A whole dateline of some place opening the text, as wires set one: the place in capitals (its
 * region after a comma may follow), then a day, an agency in parentheses or slashes, or both,
 * then a dash ("WASHINGTON, Sept. 2 (Reuters) -", "KYIV, Ukraine (AP) —"). Prose does not open so:
 * a name in capitals with a day or an agency and a dash after it is a dateline.
 */
const WHOLE_DATELINE =
  /^\p{Lu}[\p{Lu}\p{M}'’.-]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]*){0,3}(?:,\s+\p{Lu}[\p{Ll}\p{M}.]+(?:\s+\p{Lu}[\p{Ll}\p{M}.]+)?(?=[,(/\s]))?(?:(?:[,،]\s+(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9}\.?))(?:\s*(?:\([^()\n]{1,40}\)|\/[^/\n]{1,40}\/))?|\s*(?:\([^()\n]{1,40}\)|\/[^/\n]{1,40}\/))\s*(?:--?|[—–])(?=\s)/u;

/**
 * A comment in the text is printed as the rest of it is (raw HTML is off, on purpose), so a note
 * to the desk typed as one would reach readers; the editor is told where a note is kept instead.
 */
function commentProblem({ text, closed }: BodyComment): string {
  const quoted = quoteTyped(text);
  const what = closed ? "is an HTML comment: a story's text hides none, so the page would print it for readers" : "opens an HTML comment never closed by -->: a story's text hides none, so the page would print it, and all the text after it, for readers";
  return `"${quoted}" ${what} (expected only the story's words: keep a note to the desk on a line starting with # in the front matter, which is not published; to print <!-- itself, write \\<!--)`;
}

/** Every field a story may have. */
const FIELD_NAMES = new Set([...Object.keys(storySchema.shape), "withdrawn"]);
/** Fields whose name a story's first sentence may open with ("Source: the ministry's figures…"): alone, such a line is the story's words. */
const PROSE_OPENERS = new Set(["title", "lead", "source"]);
const FIELD_LINE = /^([A-Za-z]+)[ \t]*:(?:[ \t]+(.*)|$)/;
/** A value only a field has: a truth value, a date, a list in brackets, a priority. */
const FIELD_VALUE = /^(?:true|false|\d{4}-\d{2}-\d{2}(?:T[\d:.]+)?(?:Z|[+-]\d{2}:?\d{2})?|\[.*\]|[1-9])$/i;

/**
 * The field a line of the text is written as: its name as YAML's are, exact; or capitalised with a
 * value only a field has ("Draft: true"). "UPDATED: adds details", an agency's, is the story's words.
 */
function fieldOf(line: string): string | undefined {
  const [, name, value = ""] = FIELD_LINE.exec(line) ?? [];
  if (name === undefined) return undefined;
  if (FIELD_NAMES.has(name)) return name;
  return FIELD_NAMES.has(name.toLowerCase()) && FIELD_VALUE.test(value.trim()) ? name.toLowerCase() : undefined;
}

/**
 * Fields typed below the line that closes the front matter (`draft: true` added last, or a second
 * block of fields after another ---): the story is read without them, a draft published, and the
 * page prints them as its first words. Found when the text opens with field lines (fieldOf),
 * their indented values or list items, and --- lines, whatever follows them; one field alone that
 * may open a sentence is taken for the story's words.
 */
function strayFields(lines: readonly string[], first: number): BodyFinding[] {
  const found: { line: number; name: string; text: string }[] = [];
  let closes = false;
  for (let index = first; index < lines.length && lines[index]!.trim() !== ""; index++) {
    const line = lines[index]!;
    const name = fieldOf(line);
    if (name !== undefined) found.push({ line: index + 1, name, text: line.trim() });
    else if (/^-{3,}[ \t]*$/.test(line)) closes = true;
    else if (found.length === 0 || !/^[ \t]/.test(line)) break;
  }
  if (found.length === 0 || (found.length === 1 && !closes && PROSE_OPENERS.has(found[0]!.name))) return [];
  return found.map(({ line, name, text }) => ({
    line,
    code: "WD138",
    message: `"${text}": the field ${name}, typed below the line that closes the fields, so the story is read without it and its page would print the line as the text's first words (expected the field above the closing ---, with the others)`,
  }));
}

/**
 * A story's text has no footnotes: a wire story says where a fact comes from in the sentence, and
 * a note at the foot of a page would be far from its words on a phone and lost in the feeds.
 * Markdown alone would turn a note that is an address into a link on "^1" and drop its line, so
 * each mark and note is refused, with where its words go instead.
 */
function footnoteProblem({ text, label, note }: BodyFootnote): string {
  const mark = `[^${label}]`;
  const refused = "which a story's text cannot have: the page would print it as typed";
  if (!note) return `"${text}" marks a footnote, ${refused} (expected the note in the sentence itself, or its source as a link on the words it backs: [the words](https://…); to print ${mark} itself, write \\${mark})`;
  const words = text.slice(`${mark}:`.length).trim();
  const address = words.replace(/^<(.*)>$/, "$1");
  return isWebAddress(address)
    ? `"${mark}: ${address}" is a footnote, ${refused} (expected the address as a link on the words its mark ${mark} follows: [the words](${address}), and this line taken out)`
    : `"${quoteTyped(text)}" is a footnote, ${refused} (expected its words in the sentence its mark ${mark} follows, e.g. in parentheses, and this line taken out)`;
}

/**
 * The body must carry the story and no field typed below the front matter, must not repeat the
 * dateline the page prints from `dateline` (nor, in a story the desk typed, open with another
 * place's), must stay within MAX_BODY_ELEMENTS, must hold no HTML comment and no footnote, its
 * headings must sit under the headline (## first, no level skipped), and every image in it needs
 * alt text. Reads no file, so its findings can be kept between builds; locateBodyImages then looks
 * for the images' files.
 */
export function inspectBody(body: string, place: string | undefined, { typedByDesk = false } = {}): BodyFinding[] {
  const lines = body.split("\n");
  const firstLine = lines.findIndex((line) => line.trim() !== "") + 1;
  if (firstLine === 0) {
    return [{ line: 1, code: "WD130", message: "empty (expected the story's paragraphs in Markdown after the front matter)" }];
  }
  const findings: BodyFinding[] = strayFields(lines, firstLine - 1);
  const outline = outlineBody(md, body);
  // The text as typed, and as the paragraph the page's dateline opens shows it (past a heading, emphasis aside).
  const typed = place === undefined ? undefined : (typedDateline(body.trim(), place) ?? (outline.opening && typedDateline(outline.opening.text.trim(), place)));
  if (typed !== undefined) {
    findings.push({
      line: outline.opening?.line ?? firstLine,
      code: "WD131",
      message: `starts with the dateline "${typed}" typed in (expected the first words of the story: the dateline is printed from the dateline field)`,
    });
  }
  // Another place's whole dateline, typed by the desk, would be printed after the field's, as the story's
  // first words. An agency's copy may carry another agency's dateline, which the import keeps as its words.
  const other = place === undefined || typed !== undefined || !typedByDesk ? undefined : (WHOLE_DATELINE.exec(body.trim())?.[0] ?? (outline.opening && WHOLE_DATELINE.exec(outline.opening.text.trim())?.[0]));
  if (other !== undefined) {
    findings.push({
      line: outline.opening?.line ?? firstLine,
      code: "WD131",
      message: `starts with the dateline "${other}", which the page would print after the dateline field's ${place} (expected the first words of the story: the dateline is printed from the dateline field, so a story from that place names it there)`,
    });
  }
  if (outline.elements > MAX_BODY_ELEMENTS) {
    const count = outline.elements.toLocaleString("en-US");
    findings.push({
      line: firstLine,
      code: "WD132",
      message: `renders to ${count} HTML elements (expected at most ${MAX_BODY_ELEMENTS.toLocaleString("en-US")}: plain paragraphs, with emphasis and links where they mean something)`,
    });
  }
  // The headline is the page's one level-1 heading; the body's own headings go down from it a level at a time.
  let level = 1;
  for (const heading of outline.headings) {
    const marks = "#".repeat(heading.level);
    if (heading.level === 1) {
      findings.push({ line: heading.line, code: "WD133", message: "a # heading, which would stand beside the headline (expected ## for a heading in the story)" });
    } else if (heading.level > level + 1) {
      const after = level === 1 ? "the headline" : `a ${"#".repeat(level)} heading`;
      findings.push({ line: heading.line, code: "WD134", message: `a ${marks} heading after ${after} skips a level (expected at most ${"#".repeat(level + 1)})` });
    }
    level = Math.max(heading.level, 2);
  }
  for (const comment of outline.comments) findings.push({ line: comment.line, code: "WD167", message: commentProblem(comment) });
  for (const footnote of outline.footnotes) findings.push({ line: footnote.line, code: "WD142", message: footnoteProblem(footnote) });
  for (const { label, href, line } of outline.unusedDefinitions) {
    findings.push({ line, code: "WD145", message: `"[${label}]: ${href}" defines a link that no words of the text use, so the page drops the line (expected [the words][${label}] where the link goes, or [the words](${href}); or the line taken out)` });
  }
  for (const { src, alt, line } of outline.images) {
    if (alt === "") findings.push({ line, code: "WD135", message: `image "${src}" has no alt text (expected ![what the image shows](${src}))` });
    findings.push({ line, image: src });
  }
  return findings;
}

/** A withdrawn story keeps no text: anything after its front matter is reported at its first line. */
export function inspectWithdrawnBody(body: string): BodyFinding[] {
  const firstLine = body.split("\n").findIndex((line) => line.trim() !== "") + 1;
  if (firstLine === 0) return [];
  return [{ line: firstLine, code: "WD136", message: "a withdrawn story keeps no text of the story (expected nothing after the front matter)" }];
}

/** Every image the findings name must be a file of the story's own; one that is not becomes a problem in its place. */
export function locateBodyImages(findings: readonly BodyFinding[], storyFile: string): BodyCheck {
  const problems: BodyProblem[] = [];
  const images: BodyCheck["images"] = [];
  for (const finding of findings) {
    if ("message" in finding) {
      problems.push(finding);
      continue;
    }
    const file = locateStoryImage(finding.image, storyFile);
    if (file.ok) images.push({ path: file.path, line: finding.line });
    else problems.push({ line: finding.line, code: "WD137", message: `image ${file.problem}` });
  }
  return { problems, images };
}

/** All of a body's checks: inspectBody, then its images' files (see locateBodyImages). */
export function checkBody(body: string, storyFile: string, place: string | undefined): BodyCheck {
  return locateBodyImages(inspectBody(body, place), storyFile);
}
