import { CST, isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLError } from "yaml";
import type { LineProblem } from "../model/problems.ts";

/** A node of the front matter as written: the field path it is at, and the pair it is the value of, if any. */
export interface WrittenNode {
  path: string[];
  node: Node | null;
  pair?: Pair;
  /** For an item of a list, the list's source item, which holds what precedes the item on its line. */
  item?: CST.CollectionItem;
  /** Inside a list or group written in brackets, `[a, b]`, where a value ends at a comma or bracket. */
  inFlow?: boolean;
}

/** The text and the file's lines, as every wording below needs them. */
export interface YamlText {
  text: string;
  /** The file line of an offset in `text`. */
  lineAt(offset: number): number;
}

export const YAML_HELP = "expected YAML fields, one per line, such as title: Talks resume";

/**
 * A value in quotes, as an editor would type it: double quotes, or single ones when the value
 * holds a double quote or a backslash (which double quotes would read as an escape).
 */
function quoteValue(value: string): string {
  return /["\\]/.test(value) ? `'${value.replaceAll("'", "''")}'` : `"${value}"`;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end === -1 ? text.length : end;
}

/** The rest of the line from `offset`, without the line break. */
function restOfLine(text: string, offset: number): string {
  return text.slice(offset, lineEnd(text, offset)).replace(/\s+$/, "");
}

/** The line `offset` is on, from its start up to `offset`: "title: " or "  - ". */
function linePrefix(text: string, offset: number): string {
  return text.slice(lineStart(text, offset), offset);
}

/** Every key and value of the front matter, in the order written, with its field path. */
export function writtenNodes(contents: Node | null): WrittenNode[] {
  const found: WrittenNode[] = [];
  const walk = (node: Node | null, path: string[], inFlow: boolean): void => {
    if (isMap(node)) {
      const flow = inFlow || node.srcToken?.type === "flow-collection";
      for (const pair of node.items) {
        const fieldPath = [...path, isScalar(pair.key) ? String(pair.key.value) : "?"];
        if (isScalar(pair.key)) found.push({ path: fieldPath, node: pair.key, pair, inFlow: flow });
        const value = (pair.value ?? null) as Node | null;
        found.push({ path: fieldPath, node: value, pair, inFlow: flow });
        walk(value, fieldPath, flow);
      }
    } else if (isSeq(node)) {
      const flow = inFlow || node.srcToken?.type === "flow-collection";
      node.items.forEach((item, index) => {
        const itemPath = [...path, String(index)];
        const source = node.srcToken?.type === "block-seq" ? node.srcToken.items[index] : undefined;
        found.push({ path: itemPath, node: item as Node | null, inFlow: flow, ...(source ? { item: source } : {}) });
        walk(item as Node | null, itemPath, flow);
      });
    }
  };
  walk(contents, [], false);
  return found;
}

const isKey = ({ node, pair }: WrittenNode): boolean => pair !== undefined && node === pair.key;

/** The comment that follows `tokens` on their own line, before any line break. */
function sameLineComment(tokens: readonly CST.SourceToken[] | undefined): CST.SourceToken | undefined {
  for (const token of tokens ?? []) {
    if (token.type === "newline") return undefined;
    if (token.type === "comment") return token;
  }
  return undefined;
}

/**
 * The note that cuts an unquoted value, from the tokens after it: one on its last line, or one on
 * a line below indented as more of the value (`  #1 economy rose` under `lead: Shares in the
 * region's`), which YAML puts there only when it is indented deeper than the field or the list
 * item: a note at their column stands apart, and is read with what follows it.
 */
function cuttingNote(tokens: readonly CST.SourceToken[] | undefined): { note: CST.SourceToken; ownLine: boolean } | undefined {
  const note = tokens?.find((token) => token.type === "comment");
  return note && { note, ownLine: tokens?.some((token) => token.type === "newline" && token.offset < note.offset) === true };
}

/**
 * The other fix of a value cut by a note, when the words are a note: a note after the value goes
 * on a line of its own; one below it already is, and what makes it a note is its column. In
 * brackets a note cuts whatever its column, so the quotes are the fix.
 */
function keptAsNote({ pair, inFlow }: WrittenNode, ownLine: boolean, text: string): string {
  if (!ownLine) return "; or the note on a line of its own";
  if (inFlow) return "";
  const key = pair && isScalar(pair.key) ? pair.key.range : undefined;
  return `; or the note indented no further than ${key ? `${text.slice(key[0], key[1])}:` : "the item's -"}`;
}

/** A date, with a time and offset or not, as stories write them (2026-12-03, 2026-12-03T10:00+03:00). */
const WHOLE_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Unquoted text that YAML cut at ` #`: what follows is read as a comment and dropped, so
 * `title: Brazil #1 market rises` publishes "Brazil", and a value wrapped onto a line starting
 * with `#` loses that line and the rest. Quoted values, non-text values (`draft: true # note`), a
 * list or group followed by a note, and notes on lines of their own, not indented under a value,
 * are what editors mean, and pass.
 */
export function cutValues(written: readonly WrittenNode[], { text, lineAt }: YamlText): LineProblem[] {
  const problems: LineProblem[] = [];
  const report = (found: WrittenNode, from: number, { note: comment, ownLine }: { note: CST.SourceToken; ownLine: boolean }, kept: string | undefined) => {
    const { path, inFlow = false } = found;
    const noteEnd = comment.offset + comment.source.length;
    // In brackets the value was meant to end at the next comma or bracket, which the note hid too.
    const valueEnd = inFlow ? comment.offset + (/[,\]}]/.exec(comment.source)?.index ?? comment.source.length) : noteEnd;
    const value = text.slice(from, valueEnd).replace(/[ \t]*\n\s*/g, " ").trimEnd();
    const fixed = `${linePrefix(text, from)}${quoteValue(value)}${text.slice(valueEnd, noteEnd)}`.trimStart();
    const read = kept === undefined ? "and the value is left empty" : `and keeps only "${kept}"`;
    problems.push({
      line: lineAt(comment.offset),
      field: pathAsWritten(written, path, text),
      code: "WD108",
      message: `unquoted, so YAML reads "${comment.source}" as a note, drops it ${read} (expected the whole value in quotes: ${fixed}${keptAsNote(found, ownLine, text)})`,
    });
  };
  for (const found of written) {
    const { node, pair, item } = found;
    if ((isSeq(node) || isMap(node)) && node.srcToken?.type === "flow-collection") problems.push(...notedItems(found, node.srcToken, written, { text, lineAt }));
    if (!isScalar(node) || isKey(found)) continue;
    const token = node.srcToken;
    if (token === undefined) {
      // An empty value: the note, if any, sits where the value would be.
      const before = pair?.srcToken?.sep ?? item?.start;
      const comment = node.value === null ? sameLineComment(before?.filter((part) => part.type !== "map-value-ind" && part.type !== "seq-item-ind")) : undefined;
      if (comment) report(found, comment.offset, { note: comment, ownLine: false }, undefined);
      continue;
    }
    if (token.type !== "scalar" || typeof node.value !== "string") continue;
    const cut = cuttingNote(token.end);
    // A date or time is whole as written: a note after it, or indented under it (`  # moved from 09:00`), can be no more of it.
    if (cut && !WHOLE_DATE_TIME.test(node.value)) report(found, token.offset, cut, node.value);
  }
  return problems;
}

/**
 * In brackets, a `#` where a value starts opens a note, which runs to the end of the line:
 * `tags: [#MeToo, Politics]` drops both topics and the closing bracket. A note that swallows no
 * comma or bracket and is written as one (`# the desk's pick`, after a comma ending its line) is
 * kept as a note.
 */
function notedItems({ path, node }: WrittenNode, collection: CST.FlowCollection, written: readonly WrittenNode[], { text, lineAt }: YamlText): LineProblem[] {
  const problems: LineProblem[] = [];
  let index = 0;
  for (const item of collection.items) {
    const note = item.start.find((token) => token.type === "comment");
    const atValueStart = note !== undefined && /[[{,][ \t]*$/.test(linePrefix(text, note.offset));
    if (note && atValueStart && (/^#\S/.test(note.source) || /[,\]}]/.test(note.source))) {
      const at = isSeq(node) ? [...path, String(index)] : path;
      // Each value the note holds that starts with # is quoted, so the line to type has none left.
      const fixed = `${linePrefix(text, note.offset)}${note.source.replace(/(^|[,[{][ \t]*)(#[^,\]}]*?)([ \t]*(?=[,\]}]|$))/g, (_, before: string, value: string, after: string) => `${before}${quoteValue(value)}${after}`)}`.trimStart();
      const closing = /[\]}]/.exec(note.source)?.[0];
      problems.push({
        line: lineAt(note.offset),
        field: pathAsWritten(written, at, text),
        code: "WD108",
        message: `unquoted, so YAML reads "${note.source}" as a note and drops it${closing ? `, the closing ${closing} with it` : ""} (expected the whole value in quotes: ${fixed})`,
      });
    }
    if (item.key || item.value) index++;
  }
  return problems;
}

/**
 * A list item indented deeper than the one above it: YAML reads it as more words of that item,
 * so `- Markets` under `- Brazil` becomes the one topic "Brazil - Markets".
 */
export function foldedListItems(written: readonly WrittenNode[], { lineAt }: YamlText): LineProblem[] {
  return written.flatMap(({ path, node, pair }) => {
    // Only a list's own item: a field's value may be written over several lines on purpose.
    const token = isScalar(node) && pair === undefined ? node.srcToken : undefined;
    const folded = token?.type === "scalar" ? /\n[ \t]*-[ \t]/.exec(token.source) : null;
    if (!token || !folded) return [];
    return [{ line: lineAt(token.offset + folded.index + 1), field: path.join("."), code: "WD109", message: "a list item indented more than the one above it, so YAML reads it as more words of that item (expected every - of a list at the same column)" }];
  });
}

/**
 * A field path as the editor wrote it: after a mistake the parser may nest the fields below it
 * under the one before, but a key written at the start of its line is a top-level field.
 */
function pathAsWritten(written: readonly WrittenNode[], path: readonly string[], text: string): string {
  // The deepest key at the start of its line is the top-level field the path is in.
  for (let depth = path.length; depth >= 2; depth--) {
    const prefix = path.slice(0, depth).join(".");
    const start = written.find((found) => isKey(found) && found.path.join(".") === prefix)?.node?.range?.[0];
    if (start !== undefined && start === lineStart(text, start)) return path.slice(depth - 1).join(".");
  }
  return path.join(".");
}

/**
 * Values cut by a note, but those whose mark's problem (markedValues) quotes the note back in:
 * a mark is on its value's first line, so on the note's line or above it, in the same field.
 */
export function unmarkedCuts(cuts: readonly LineProblem[], marks: readonly LineProblem[]): LineProblem[] {
  return cuts.filter((cut) => !marks.some(({ line, field }) => line <= cut.line && field === cut.field));
}

/** What YAML makes of a mark written before a value, in an editor's words. */
const MARKS = {
  anchor: "an anchor (a name to repeat the value by)",
  tag: "a tag (a type for the value)",
  alias: "an alias (a repeat of a value named elsewhere)",
} as const;

interface Mark {
  type: keyof typeof MARKS;
  offset: number;
  source: string;
}

/** The anchors (`&Co`), tags (`!`) and aliases (`*NSYNC`) written in the front matter, in the order written. */
function markTokens(contents: Node | null): Mark[] {
  const found: Mark[] = [];
  const root = contents?.srcToken;
  if (root === undefined) return found;
  CST.visit({ start: [], value: root }, (item) => {
    for (const { type, offset, source } of [...item.start, ...(item.sep ?? [])]) if (type === "anchor" || type === "tag") found.push({ type, offset, source });
    for (const token of [item.key, item.value]) if (token?.type === "alias") found.push({ type: "alias", offset: token.offset, source: token.source });
  });
  return found;
}

/**
 * A value starting with `&`, `!` or `*`: YAML reads the word as an anchor, a tag or an alias and
 * drops it, so `title: &Co shares fall` publishes "shares fall". Story fields have no use for
 * any of them, so each is refused, with the value quoted as the editor wrote it.
 */
export function markedValues(contents: Node | null, written: readonly WrittenNode[], { text, lineAt }: YamlText): LineProblem[] {
  return markTokens(contents).map((token) => {
    const markEnd = token.offset + token.source.length;
    // An anchor or tag belongs to the node written right after it; an alias is a node of its own.
    const marked = written.find(({ node }) => node?.range && (token.type === "alias" ? node.range[0] === token.offset : node.range[0] >= markEnd));
    const node = marked?.node;
    const field = marked ? { field: pathAsWritten(written, marked.path, text) } : {};
    const read = `YAML reads "${token.source}" as ${MARKS[token.type]}`;
    // One of YAML's own types (`!!str`) is typed on purpose, not as words: the value is what was meant.
    const yamlType = token.type === "tag" && token.source.startsWith("!!");
    const plain = !yamlType && (isAlias(node) || (isScalar(node) && (node.type === "PLAIN" || node.srcToken === undefined)));
    if (!marked || isKey(marked) || !node?.range || !plain) {
      const fixed = `${linePrefix(text, token.offset)}${restOfLine(text, markEnd).trimStart()}`.trim();
      return { line: lineAt(token.offset), ...field, code: "WD118", message: `${read}, which story fields do not use (expected the line without it: ${fixed})` };
    }
    // An alias is followed by nothing YAML keeps: the rest of its value is the rest of the line, or of the bracketed item.
    const inFlowEnd = /[,\]}]/.exec(text.slice(token.offset, lineEnd(text, token.offset)))?.index;
    const valueEnd = isAlias(node) ? (marked.inFlow && inFlowEnd !== undefined ? token.offset + inFlowEnd : token.offset + restOfLine(text, token.offset).length) : node.range[1];
    // A note after the value, or below it as more of it, is cut from it too (see cutValues): one fix quotes both back in.
    const cut = isScalar(node) && node.srcToken?.type === "scalar" ? cuttingNote(node.srcToken.end) : undefined;
    const note = cut?.note;
    const end = note ? note.offset + (marked.inFlow ? (/[,\]}]/.exec(note.source)?.index ?? note.source.length) : note.source.length) : valueEnd;
    const value = text.slice(token.offset, end).replace(/[ \t]*\n\s*/g, " ").trimEnd();
    const fixed = `${linePrefix(text, token.offset)}${quoteValue(value)}${restOfLine(text, end)}`.trimStart();
    const dropped = note ? ` and "${note.source}" as a note, drops both` : ", drops it";
    const kept = isAlias(node) ? ", not as text" : isScalar(node) && typeof node.value === "string" && node.value !== "" ? `${dropped} and keeps only "${node.value}"` : `${dropped} and the value is left empty`;
    return { line: lineAt(token.offset), ...field, code: "WD118", message: `unquoted, so ${read}${kept} (expected the whole value in quotes: ${fixed}${cut ? keptAsNote(marked, cut.ownLine, text) : ""})` };
  });
}

/** The written node an offset falls in that passes `test`, the innermost (latest written) first. */
function nodeAt(written: readonly WrittenNode[], offset: number, test: (node: Node) => boolean): WrittenNode | undefined {
  return [...written].reverse().find(({ node }) => node?.range && node.range[0] <= offset && offset <= node.range[2] && test(node));
}

/** The first key, or else the first value, written on the line of `offset` at or before it. */
function nodeOnLine(written: readonly WrittenNode[], offset: number, text: string, wanted: "key" | "value"): WrittenNode | undefined {
  const start = lineStart(text, offset);
  return written.find((found) => isKey(found) === (wanted === "key") && found.node?.range && found.node.range[0] >= start && found.node.range[0] <= offset);
}

/** The field a line's mistake is in: the key written on it, as written (see pathAsWritten). */
function fieldOnLine(written: readonly WrittenNode[], offset: number, text: string): { field?: string } {
  const key = nodeOnLine(written, offset, text, "key");
  return key ? { field: pathAsWritten(written, key.path, text) } : {};
}

/** The first line after the one `offset` is on that holds more than spaces, as an offset. */
function nextLineWithText(text: string, offset: number): number {
  let at = lineEnd(text, offset) + 1;
  while (at < text.length && /^\s*$/.test(restOfLine(text, at))) at = lineEnd(text, at) + 1;
  return Math.min(at, text.length);
}

const TAB_INDENT = "indented with a tab (expected spaces: YAML does not take tabs for indentation)";
const LIST_ITEM_INDENT = "a list item indented unlike the items above it (expected every - of a list at the same column)";
const NO_FIELD_NAME = "a line with no field name, or indented unlike the lines around it (expected field: value, such as title: Talks resume; a note starts with #)";

const isQuoted = (node: Node): boolean => isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE");

/**
 * A value starting with `? ` or `- `, which YAML reads as the mark of a field's name or of a list
 * item, so the words after it are never the value: quoted, they are.
 */
function markedStart(value: string, at: number, written: readonly WrittenNode[], { text, lineAt }: YamlText): LineProblem {
  const what = value.startsWith("?") ? "the mark of a field's name" : "the start of a list item, which cannot follow a field's name on its line";
  const fixed = `${linePrefix(text, at)}${quoteValue(value)}`.trimStart();
  return { line: lineAt(at), ...fieldOnLine(written, at, text), code: "WD165", message: `unquoted, so YAML reads the "${value.charAt(0)}" it starts with as ${what} (expected the whole value in quotes: ${fixed})` };
}

/**
 * The fix of a double-quoted value whose \ YAML reads as an escape (`"C:\new"`): the words as typed
 * in single quotes, which keep each \, or in double quotes with each \ written twice, as JSON takes
 * them. A \" or \\ was typed as an escape on purpose, and is read so.
 */
function keptBackslashes(range: readonly [number, number, number], { text }: YamlText): string {
  const typed = text.slice(range[0] + 1, range[1] - 1).replace(/[ \t]*\n\s*/g, " ");
  const prefix = linePrefix(text, range[0]).trimStart();
  const rest = restOfLine(text, range[1]);
  const words = typed.replace(/\\(["\\])/g, "$1");
  const doubled = typed.replace(/\\(["\\])|\\/g, (escape, kept: string | undefined) => (kept === undefined ? "\\\\" : escape));
  return `(expected single quotes, which keep each \\ as typed: ${prefix}'${words.replaceAll("'", "''")}'${rest}; or each \\ written twice: ${prefix}"${doubled}"${rest})`;
}

/** A YAML escape that gives a line break or control character: `\n`, `\t`, `\x0A`, `\L`, as stories' one-line fields refuse them. */
function isBreakingEscape(escape: string): boolean {
  const code = /^[xuU]/.test(escape) ? Number.parseInt(escape.slice(1), 16) : undefined;
  if (code === undefined) return /^[0abtnvfreNLP\t]$/.test(escape);
  return code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/**
 * Double-quoted values with a \ YAML reads as a line break or control character: `"C:\new"` is
 * "C:", a line break and "ew", though the editor typed no line break. The fix keeps the \.
 */
export function escapedBreaks(written: readonly WrittenNode[], yaml: YamlText): LineProblem[] {
  return written.flatMap((found) => {
    const { node, path } = found;
    const token = isScalar(node) && node.type === "QUOTE_DOUBLE" && !isKey(found) ? node.srcToken : undefined;
    if (token?.type !== "double-quoted-scalar" || !node?.range) return [];
    const escapes = [...token.source.matchAll(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[^])/g)].filter(([, escape]) => isBreakingEscape(escape ?? "")).map(([typed]) => typed);
    if (escapes.length === 0) return [];
    const named = new Intl.ListFormat("en", { type: "conjunction" }).format([...new Set(escapes)]);
    return [{ line: yaml.lineAt(node.range[0]), field: pathAsWritten(written, path, yaml.text), code: "WD166", message: `in double quotes YAML reads ${named} as a line break or control character, not as a \\ and a letter ${keptBackslashes(node.range, yaml)}` }];
  });
}

/** What a YAML error means, in an editor's words: the line the mistake is on, the field, and the fix. */
function explain(error: YAMLError, written: readonly WrittenNode[], yaml: YamlText): LineProblem | undefined {
  const { text, lineAt } = yaml;
  const at = error.pos[0];
  const fieldAt = (offset: number) => fieldOnLine(written, offset, text);
  const leadingSpace = text.slice(lineStart(text, at)).match(/^[ \t]*/)?.[0] ?? "";

  switch (error.code) {
    case "MISSING_CHAR": {
      const quote = /closing (["'])quote/.exec(error.message)?.[1];
      if (quote !== undefined) {
        // The parser notices at the end of the text; the mistake is where the quote opens.
        const opened = nodeAt(written, at, isQuoted) ?? written.find(({ node }) => node && isQuoted(node) && node.range && node.range[2] >= at);
        const from = opened?.node?.range?.[0] ?? at;
        // A ' that opens a value is an apostrophe far more often than a quote ('90s, 'em): closing
        // it would drop it, so the value is quoted whole, the ' kept.
        if (quote === "'" && text.charAt(from) === "'") {
          // In brackets the value was meant to end at the next comma or bracket.
          const line = restOfLine(text, from);
          const valueEnd = from + (opened?.inFlow ? (/[,\]}]/.exec(line)?.index ?? line.length) : line.length);
          const fixed = `${linePrefix(text, from)}${quoteValue(text.slice(from, valueEnd).trimEnd())}${restOfLine(text, valueEnd)}`.trimStart();
          const field = opened ? { field: pathAsWritten(written, opened.path, text) } : fieldAt(from);
          return { line: lineAt(from), ...field, code: "WD110", message: `a ' at the start of a value opens a quote in YAML, and this one is never closed, so the lines after it are read as part of this value (expected the whole value in quotes: ${fixed})` };
        }
        const fixed = `${restOfLine(text, lineStart(text, from)).trimStart()}${quote}`;
        return { line: lineAt(from), ...fieldAt(from), code: "WD110", message: `the ${quote} opened here is never closed, so the lines after it are read as part of this value (expected a closing ${quote} at the end of the value: ${fixed})` };
      }
      if (/map values/.test(error.message)) {
        return { line: lineAt(at), code: "WD113", message: NO_FIELD_NAME };
      }
      return undefined;
    }
    case "BLOCK_AS_IMPLICIT_KEY": {
      if (/sequence/.test(error.message)) {
        return { line: lineAt(at), code: "WD115", message: LIST_ITEM_INDENT };
      }
      const value = restOfLine(text, at);
      if (/^\?(\s|$)/.test(value)) return markedStart(value, at, written, yaml);
      if (/:(\s|$)/.test(value)) {
        const fixed = `${linePrefix(text, at)}${quoteValue(value)}`.trimStart();
        return { line: lineAt(at), ...fieldAt(at), code: "WD112", message: `": " inside an unquoted value reads as the start of another field (expected the whole value in quotes: ${fixed})` };
      }
      // The line after a value is indented under it, as if it were part of it.
      const next = nextLineWithText(text, at);
      return { line: lineAt(next), code: "WD115", message: "indented more than the field above it (expected each field at the same column as the fields beside it)" };
    }
    case "MULTILINE_IMPLICIT_KEY":
      return { line: lineAt(at), code: "WD113", message: NO_FIELD_NAME };
    case "TAB_AS_INDENT":
      return { line: lineAt(at), code: "WD114", message: TAB_INDENT };
    case "BAD_INDENT": {
      const closing = /end with an? ([\]}])/.exec(error.message)?.[1];
      if (closing !== undefined) {
        // Noticed where the text ends; the mistake is where the bracket opens.
        const opening = closing === "]" ? "[" : "{";
        const opened = [...written].reverse().find(({ node }) => node?.srcToken?.type === "flow-collection" && node.range && node.range[0] <= at && text.charAt(node.range[0]) === opening);
        const from = opened?.node?.range?.[0] ?? at;
        const fixed = `${restOfLine(text, lineStart(text, from)).trimStart()}${closing}`;
        const what = closing === "]" ? "list" : "group";
        return { line: lineAt(from), ...fieldAt(from), code: "WD111", message: `the ${opening} opened here is never closed (expected a closing ${closing} at the end of the ${what}, on its line: ${fixed})` };
      }
      if (leadingSpace.includes("\t")) return { line: lineAt(at), code: "WD114", message: TAB_INDENT };
      const what = /sequence/.test(error.message) ? LIST_ITEM_INDENT : "indented unlike the fields above it (expected the fields of a group at the same column)";
      return /same column/.test(error.message) ? { line: lineAt(at), code: "WD115", message: what } : undefined;
    }
    case "DUPLICATE_KEY": {
      const key = written.find((found) => isKey(found) && found.node?.range?.[0] === at);
      const first = key && written.find((found) => isKey(found) && found.path.join(".") === key.path.join(".") && found.node !== key.node);
      const firstLine = first?.node?.range ? `, first on line ${lineAt(first.node.range[0])}` : "";
      return { line: lineAt(at), ...(key ? { field: key.path.join(".") } : {}), code: "WD116", message: `written twice${firstLine} (expected each field once: keep the one you mean)` };
    }
    case "UNEXPECTED_TOKEN": {
      // `title: - dash`: a list item cannot start on its field's line.
      if (/block-seq-ind/.test(error.message)) return markedStart(restOfLine(text, at), at, written, yaml);
      // `tags: [Markets, , Asia]`, a word deleted: quoting the list would make one topic of its text, brackets and all.
      if (/^Unexpected , in flow/.test(error.message)) {
        const opened = text.lastIndexOf("[", at);
        const line = restOfLine(text, lineStart(text, at));
        const fixed = opened < lineStart(text, at) ? undefined : line.replace(/\[[^\]]*\]?/, (list) => list.replace(/\[\s*(?:,\s*)+/, "[").replace(/,(?:\s*,)+/g, ",").replace(/,\s*\]$/, "]"));
        return { line: lineAt(at), ...fieldAt(at), code: "WD143", message: `an empty item between commas, which YAML cannot read (expected each item once between commas${fixed === undefined ? "" : `: ${fixed.trimStart()}`})` };
      }
      // Text after a closing quote or bracket: `title: "Brazil" rises`.
      const range = nodeOnLine(written, at, text, "value")?.node?.range;
      const from = range?.[0];
      if (!range || from === undefined || !/^["'[{]/.test(text.charAt(from))) return undefined;
      const value = restOfLine(text, from);
      const quote = text.charAt(from);
      // The quote YAML closes the value at (range[1] - 1) opens a quote in the words (`He said "no"`), or
      // is an apostrophe in a word (`It's`): the editor's quotes are those around the whole value.
      const closedAt = range[1] - 1;
      const inWords = /^["']$/.test(quote) && value.length > 2 && value.endsWith(quote) && (/\s/.test(text.charAt(closedAt - 1)) || /[\p{L}\p{N}]/u.test(text.charAt(closedAt + 1)));
      if (inWords) {
        const fixed = `${linePrefix(text, from)}${quoteValue(value.slice(1, -1))}`.trimStart();
        return { line: lineAt(at), ...fieldAt(at), code: "WD117", message: `the ${quote} after "${text.slice(from + 1, closedAt).trim()}" ends the quoted value in YAML, and the value goes on after it (expected the whole value in quotes: ${fixed})` };
      }
      const fixed = `${linePrefix(text, from)}${quoteValue(value)}`.trimStart();
      return { line: lineAt(at), ...fieldAt(at), code: "WD117", message: `the value goes on after its closing ${quote === "[" || quote === "{" ? "bracket" : "quote"} (expected the whole value in quotes: ${fixed})` };
    }
    case "BAD_SCALAR_START": {
      // `source: @mention`, `title: %50 rise`: characters YAML keeps for itself cannot start an unquoted value.
      // Only a value's: a line that is no field (`%YAML 1.2`) keeps the parser's words.
      if (!/:\s|^\s*-\s/.test(linePrefix(text, at))) return undefined;
      const inList = /^[^\n]*\[/.test(linePrefix(text, at).replace(/^[^:]*:/, ""));
      const value = inList ? (/^[^,\]]*/.exec(restOfLine(text, at))?.[0] ?? "").trimEnd() : restOfLine(text, at);
      const fixed = inList ? restOfLine(text, lineStart(text, at)).replace(value, quoteValue(value)) : `${linePrefix(text, at)}${quoteValue(value)}`;
      return { line: lineAt(at), ...fieldAt(at), code: "WD144", message: `YAML keeps the ${JSON.stringify(text.charAt(at))} a value starts with for its own use, so it cannot start one unquoted (expected the whole value in quotes: ${fixed.trimStart()})` };
    }
    case "MULTIPLE_DOCS": {
      // YAML ends its document at a line of `...`, and notices where the next begins: the fields after it are not read.
      const ended = [...text.slice(0, at).matchAll(/^\.\.\.[ \t]*$/gm)].at(-1)?.index;
      if (ended === undefined) return undefined;
      return { line: lineAt(ended), code: "WD113", message: "a line of ..., which ends the fields in YAML, so those after it are not read (expected the line taken out, or its words in a field's value)" };
    }
    case "BAD_DQ_ESCAPE": {
      // `"Fifty\50 split"`: a \ in double quotes starts an escape, and this one is none.
      const quoted = nodeAt(written, at, isQuoted);
      const range = quoted?.node?.range;
      if (quoted === undefined || !range) return undefined;
      const escape = /^\\(?:x[0-9a-fA-F]{0,2}|u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|.)/u.exec(text.slice(at))?.[0] ?? "\\";
      return { line: lineAt(range[0]), field: pathAsWritten(written, quoted.path, text), code: "WD166", message: `in double quotes a \\ starts an escape in YAML, and "${escape}" is none ${keptBackslashes(range, yaml)}` };
    }
    default:
      return undefined;
  }
}

/**
 * Errors the parser adds to one it already reported on the line: a value read as a key over two
 * lines, then a key without a value; the words left over after `She said: "no"`, read as a key.
 */
const FOLLOW_ON = new Set(["MULTILINE_IMPLICIT_KEY", "MISSING_CHAR", "UNEXPECTED_TOKEN"]);

/**
 * Every YAML error of the front matter, at the line the mistake is on and in plain words with the
 * fix for the common ones, with the values a note cut and those an anchor, tag or alias marks (`marks`,
 * from markedValues); any other error keeps the parser's words.
 * An error that only follows from another on its line is left out, so each mistake is reported once.
 */
export function yamlProblems(errors: readonly YAMLError[], written: readonly WrittenNode[], yaml: YamlText, marks: readonly LineProblem[]): LineProblem[] {
  if (errors.length === 0) return [];
  // Values cut by a note are mistakes of their own, reported with the errors. A note inside
  // brackets hides the closing bracket too: the parser's complaint about that is the same mistake.
  const bracketCuts = cutValues(written.filter(({ inFlow, node }) => inFlow || node?.srcToken?.type === "flow-collection"), yaml);
  let problems: LineProblem[] = [];
  const errorLines = new Set<number>();
  const reported = new Set<string>();
  for (const error of errors) {
    const errorLine = yaml.lineAt(error.pos[0]);
    const followsOn = errorLines.has(errorLine) && FOLLOW_ON.has(error.code) && !/quote/.test(error.message);
    errorLines.add(errorLine);
    if (followsOn) continue;
    const explained = explain(error, written, yaml);
    const unclosedBracket = /end with an? [\]}]/.test(error.message);
    if ((!explained || unclosedBracket) && bracketCuts.some(({ line }) => line <= errorLine)) continue;
    // `title: *NSYNC reunites`: the parser's complaint is about the words after the alias, which the mark's fix quotes.
    if (!explained && marks.some(({ line }) => line === errorLine)) continue;
    const problem: LineProblem = explained ?? {
      line: errorLine,
      code: "WD107",
      message: `${error.message.replace(/\s+/g, " ").trim()} (${YAML_HELP})`,
    };
    const key = `${problem.line} ${problem.message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    problems.push(problem);
  }
  // A quote never closed inside brackets swallows the closing bracket too: the quote's fix is the one to type.
  const quoteLines = new Set(problems.filter(({ code }) => code === "WD110").map(({ line }) => line));
  problems = problems.filter(({ code, line }) => code !== "WD111" || !quoteLines.has(line));
  // On a line with an error the error's fix quotes the whole value, note and all.
  const cuts = [...unmarkedCuts(cutValues(written, yaml), marks), ...marks].filter(({ line }) => !problems.some((problem) => problem.line === line));
  return [...cuts, ...problems];
}
