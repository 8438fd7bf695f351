import markdownIt from "markdown-it";

/**
 * What a text field printed for readers may not hold: the pages, feeds and structured data print
 * a field's text as typed, escaped, so markup pasted into one (from a CMS, or HTML source) reaches
 * readers as its characters, where the same in the story's Markdown would have been read.
 */

const { utils } = markdownIt();

/** The longest stretch of typed text (a comment, a footnote) a problem quotes: enough to know it by. */
const TYPED_QUOTE = 60;

/**
 * Typed text as a problem quotes it: on one line, and cut at a space past TYPED_QUOTE characters,
 * so no word is quoted cut in two, nor the mark that opens it ("<!--", "[^1]:").
 */
export function quoteTyped(text: string): string {
  const words = text.replace(/\s+/g, " ").trim();
  const head = words.slice(0, TYPED_QUOTE + 1);
  const space = head.lastIndexOf(" ");
  return words.length > TYPED_QUOTE ? `${head.slice(0, space > "<!--".length ? space : TYPED_QUOTE)}…` : words;
}

/**
 * A character reference as the story's Markdown reads one (CommonMark): closed by ";", a number
 * of at most 7 digits or 6 hex digits, or a name. A name counts only when HTML knows it, so
 * "AT&T;" or "R&D" are words.
 */
const REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6};|#[0-9]{1,7};|[A-Za-z][A-Za-z0-9]{1,31};)/g;

/** One reference as written, and the characters it stands for: empty when none a one-line field can hold. */
interface Reference {
  written: string;
  characters: string;
}

/** A code point a field may hold: a numeric reference may name none (0, a surrogate) or a control character. */
const printable = (code: number): boolean => utils.isValidEntityCode(code) && !(code < 0x20 || (code >= 0x7f && code <= 0x9f));

function decode(written: string): string | undefined {
  if (written.startsWith("&#")) {
    const hex = written[2] === "x" || written[2] === "X";
    const code = Number.parseInt(written.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    // HTML reads every numeric reference, as a replacement character where it names none.
    return printable(code) ? utils.fromCodePoint(code) : "";
  }
  // The name alone, with no backslash in it: markdown-it decodes it by HTML's list of names.
  const decoded = utils.unescapeAll(written);
  return decoded === written ? undefined : decoded;
}

function references(value: string): Reference[] {
  const found: Reference[] = [];
  for (const [written] of value.matchAll(REFERENCE)) {
    const characters = decode(written);
    if (characters !== undefined) found.push({ written, characters });
  }
  return found;
}

/** A character a reader cannot tell by sight (a no-break space, a soft hyphen) is named by its code point. */
function shown(characters: string): string {
  if (characters === "") return "no character a field can hold";
  if (/^[\p{Z}\p{Cf}]+$/u.test(characters)) return [...characters].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
  return characters;
}

/** The value with each character reference replaced by its characters, as the fix to type; one no field can hold is left out. */
export function withCharacters(value: string): string {
  // A reference left out leaves the spaces around it: one is kept.
  return value.replace(REFERENCE, (written) => decode(written) ?? written).replace(/ {2,}/g, " ").trim();
}

/** The longest fixed value a problem gives whole: a lead's or caption's fix is still worth pasting. */
const FIX_QUOTE = 300;

/**
 * Why `value` may not be printed as it is: it holds HTML character references (`&amp;`,
 * `&mdash;`, `&#8212;`), which readers would see as typed; the value with the characters
 * themselves is the fix. Undefined when it holds none.
 */
export function referencesProblem(value: string): string | undefined {
  const found = references(value);
  if (found.length === 0) return undefined;
  const distinct = [...new Map(found.map((reference) => [reference.written, reference])).values()];
  const list = new Intl.ListFormat("en", { type: "conjunction" }).format(distinct.map(({ written, characters }) => `"${written}" (${shown(characters)})`));
  const fixed = withCharacters(value);
  const fix = fixed.length <= FIX_QUOTE ? `: ${fixed}` : " in their place";
  const many = distinct.length > 1;
  return `holds the HTML character reference${many ? "s" : ""} ${list}, which a field prints as typed, not as the character${many ? "s they stand" : " it stands"} for (expected the characters themselves${fix})`;
}

/** An HTML comment, closed or running to the value's end. */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/**
 * Why `value` may not be printed as it is: it holds an HTML comment, which a field prints as
 * typed, as the story's text would (see story-body.ts). The value without it is the fix.
 * Undefined when it holds none.
 */
export function commentProblem(value: string): string | undefined {
  const comments = value.match(COMMENT);
  if (comments === null) return undefined;
  const quoted = comments.map((comment) => `"${quoteTyped(comment)}"`).join(", ");
  const what = comments.length > 1 ? "are HTML comments" : "is an HTML comment";
  const rest = value.replace(COMMENT, " ").replace(/\s+/g, " ").trim();
  const fix = rest === "" ? "the field's own words" : `the text without ${comments.length > 1 ? "them" : "it"}: ${rest}`;
  return `${quoted} ${what}: a field hides none, so the page would print ${comments.length > 1 ? "them" : "it"} for readers (expected ${fix}; keep a note to the desk on a line starting with # in the front matter, which is not published)`;
}
