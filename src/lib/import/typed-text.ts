/**
 * Wire text as a teleprinter lays it out, one rule for every reader that meets it (plain wire text,
 * a text body, wire text typed into one XHTML paragraph):
 *
 *   NAIROBI, Dec 5 (Reuters) - Floods closed main roads in western      a paragraph, its lines wrapped
 *   Kenya on Thursday, the authority said.
 *       More than 2,000 people have left their homes, the Red Cross    an indented line opens a paragraph,
 *   said.                                                              blank lines or none between them
 *
 *   1 Manchester City  38 28  7  3 96 34 91                            lines of aligned columns: kept as
 *   2 Arsenal          38 28  5  5 91 29 89                            laid out, never run together
 *
 * Lines wrapped at a fixed width with no indent are one paragraph, as they always were.
 */

/** A paragraph's lines, or a run of lines of columns with the layout to print them in. */
export type TypedBlock<T> = { kind: "paragraph"; lines: T[] } | { kind: "columns"; lines: T[]; layout: string[] };

/** A tab moves to the next multiple of 8 columns, as a teleprinter's and a terminal's do. */
const TAB_STOP = 8;

/**
 * How far a line is indented, a tab to the next multiple of TAB_STOP. One indented by two columns
 * or more past the text's margin opens a paragraph (agencies indent three to five): the margin, an
 * indent every line shares, opens none.
 */
function indentOf(text: string): number {
  let width = 0;
  for (const char of /^[ \t]*/.exec(text)?.[0] ?? "") width = char === "\t" ? width + TAB_STOP - (width % TAB_STOP) : width + 1;
  return width;
}
const PARAGRAPH_INDENT = 2;

/** Where a line's gaps between columns are: the columns (tabs expanded) of each run of two spaces or more, or of a tab, between words. */
interface LaidOut {
  layout: string;
  gaps: Set<number>;
}

/**
 * Two spaces after a sentence ("said.  The") are a typist's habit, not a column: a gap after a
 * sentence's end and before a capital or a quote is no column's.
 */
const SENTENCE_END = /[.!?]["'”’)]?$/u;
const SENTENCE_START = /^["'“‘(]?\p{Lu}/u;

function layOut(typed: string): LaidOut {
  let layout = "";
  const gaps = new Set<number>();
  const text = typed.trimEnd();
  let at = 0;
  while (at < text.length) {
    const char = text[at] ?? "";
    if (char !== " " && char !== "\t") {
      layout += char;
      at += 1;
      continue;
    }
    const start = layout.length;
    let tab = false;
    for (; at < text.length && (text[at] === " " || text[at] === "\t"); at += 1) {
      if (text[at] === "\t") tab = true;
      layout += text[at] === "\t" ? " ".repeat(TAB_STOP - (layout.length % TAB_STOP)) : " ";
    }
    const between = start > 0 && layout.slice(0, start).trim() !== "";
    const column = (tab || layout.length - start >= 2) && between && !(SENTENCE_END.test(layout.slice(0, start)) && SENTENCE_START.test(text.slice(at)));
    if (column) for (let gap = start; gap < layout.length; gap += 1) gaps.add(gap);
  }
  return { layout, gaps };
}

/** The columns every line's gaps share. */
const sharedGaps = (a: ReadonlySet<number>, b: ReadonlySet<number>): Set<number> => new Set([...a].filter((gap) => b.has(gap)));

/** The run's lines as laid out, less the indent they all share. */
function columnLayout(lines: readonly LaidOut[]): string[] {
  const margin = lines.reduce((least, { layout }) => Math.min(least, layout.length - layout.trimStart().length), Number.POSITIVE_INFINITY);
  return lines.map(({ layout }) => layout.slice(margin));
}

/**
 * The blocks of typed lines (`typed` gives each line as typed, with its indent): a run of two lines
 * or more whose gaps between columns line up is a block of columns; the other lines are paragraphs,
 * one opening after a blank line, at an indented line, and after a block of columns.
 */
export function typedBlocks<T>(lines: readonly T[], typed: (line: T) => string): TypedBlock<T>[] {
  const texts = lines.map(typed);
  const laid = texts.map(layOut);
  // Not Math.min(...): a long text's lines would be more arguments than a call takes.
  const margin = texts.reduce((least, text) => (text.trim() === "" ? least : Math.min(least, indentOf(text))), Number.POSITIVE_INFINITY);
  const blocks: TypedBlock<T>[] = [];
  let paragraph: T[] | undefined;
  let index = 0;
  while (index < lines.length) {
    // The longest run from here whose lines all have a gap at some column.
    let shared = laid[index]?.gaps ?? new Set<number>();
    let end = index + 1;
    for (; end < lines.length && shared.size > 0; end += 1) {
      const next = sharedGaps(shared, laid[end]?.gaps ?? new Set());
      if (next.size === 0) break;
      shared = next;
    }
    if (shared.size > 0 && end - index >= 2) {
      blocks.push({ kind: "columns", lines: lines.slice(index, end), layout: columnLayout(laid.slice(index, end)) });
      paragraph = undefined;
      index = end;
      continue;
    }
    const line = lines[index] as T;
    const text = texts[index] ?? "";
    if (text.trim() === "") paragraph = undefined;
    else if (paragraph === undefined || indentOf(text) >= margin + PARAGRAPH_INDENT) {
      paragraph = [line];
      blocks.push({ kind: "paragraph", lines: paragraph });
    } else paragraph.push(line);
    index += 1;
  }
  return blocks;
}
