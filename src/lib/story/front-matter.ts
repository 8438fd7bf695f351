import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit } from "yaml";
import type { LineProblem } from "../model/problems.ts";
import { cutValues, escapedBreaks, foldedListItems, markedValues, unmarkedCuts, writtenNodes, YAML_HELP, yamlProblems, type WrittenNode } from "./yaml-problems.ts";

/** A story file cut into its front matter and its Markdown body, with the line each starts on. */
export interface StoryParts {
  /** What follows the opening `---` on its line: empty for YAML, else a language Eleventy would run. */
  language: string;
  /** Starts with the line break that ends the `---` line, so its lines are the file's lines. */
  yaml: string;
  /** False when no `---` line ends the front matter: then all the rest is read as front matter. */
  closed: boolean;
  /** What follows the closing `---` on its line ("-" of a `----` line), which Eleventy renders as the text's first line. */
  afterClose: string;
  body: string;
  bodyLine: number;
}

const OPEN = "---";
const CLOSE = "\n---";

const linesIn = (text: string): number => text.split("\n").length - 1;

/**
 * The text with every line break a line feed. A file saved on Windows ends its lines with CR LF,
 * and an old Mac one with CR alone, which YAML would read as part of the value before it
 * (`draft: true` then is the text "true\r"); a story reads the same whichever its editor saved.
 */
export function withLineFeeds(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * Cuts a story the way Eleventy's front matter reader (gray-matter) does, so the lines counted
 * here are those of the text Eleventy renders, its line breaks made line feeds (withLineFeeds).
 * Undefined when the file opens without `---`.
 */
export function splitStory(story: string): StoryParts | undefined {
  const text = withLineFeeds(story);
  if (!text.startsWith(OPEN) || text.charAt(OPEN.length) === "-") return undefined;
  let rest = text.slice(OPEN.length);
  const lineEnd = rest.indexOf("\n");
  const language = lineEnd === -1 ? "" : rest.slice(0, lineEnd);
  rest = rest.slice(language.length);
  const closeAt = rest.indexOf(CLOSE);
  const yaml = closeAt === -1 ? rest : rest.slice(0, closeAt);
  let body = closeAt === -1 ? "" : rest.slice(closeAt + CLOSE.length);
  // gray-matter drops the line break after the closing `---`, and the rest of its line with it only if empty.
  let skipped = OPEN + language + yaml + CLOSE;
  if (body.startsWith("\n")) {
    body = body.slice(1);
    skipped += "\n";
  }
  const closeLineEnd = body.indexOf("\n");
  const afterClose = closeAt === -1 || skipped.endsWith("\n") ? "" : closeLineEnd === -1 ? body : body.slice(0, closeLineEnd);
  return { language: language.trim(), yaml, closed: closeAt !== -1, afterClose, body, bodyLine: linesIn(skipped) + 1 };
}

/**
 * What the `draft` line says in front matter YAML could not read: true or false when a top-level
 * `draft:` line is typed once, with YAML core's true (or anything else, false); undefined when
 * none is. So a draft with a YAML slip stays a draft, and a second `draft:` line never makes one.
 * Its line breaks may be any, as parseFrontMatter's.
 */
export function typedDraft(yamlText: string): boolean | undefined {
  const lines = withLineFeeds(yamlText).split("\n").filter((line) => /^draft[ \t]*:/.test(line));
  if (lines.length === 0) return undefined;
  return lines.length === 1 && /^draft[ \t]*:[ \t]*(true|True|TRUE)[ \t]*(#.*)?$/.test(lines[0] ?? "");
}

export interface FrontMatter {
  fields: Record<string, unknown>;
  /** The file line each field is written on, by path: "title", "photo.src", "tags.1". */
  lines: ReadonlyMap<string, number>;
  /** Problems that leave every field readable, such as a value YAML cut at ` #`: reported with the fields' own. */
  problems: LineProblem[];
  /** Values YAML read as no value from a word written for them (`title: Null`, `~`), by path, with the word. */
  noValues: ReadonlyMap<string, string>;
}

export type FrontMatterResult = { ok: true; frontMatter: FrontMatter } | { ok: false; problems: LineProblem[] };

/**
 * Reads front matter as YAML 1.2 core (no timestamps: the story schema reads dates itself; no
 * custom tags), keeping each field's line. Every syntax problem is reported at the line of the
 * mistake, none is thrown. `firstLine` is the file line the YAML text starts on; its line breaks
 * may be any (withLineFeeds).
 */
export function parseFrontMatter(asWritten: string, firstLine = 1): FrontMatterResult {
  const yamlText = withLineFeeds(asWritten);
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { schema: "core", lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  const yaml = { text: yamlText, lineAt };
  const contents = document.contents;
  const written = writtenNodes(contents);
  const marks = markedValues(contents, written, yaml);
  const problems = yamlProblems([...document.errors, ...document.warnings], written, yaml, marks);
  if (problems.length > 0) return { ok: false, problems };

  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { ok: true, frontMatter: { fields: {}, lines: new Map(), problems: [], noValues: new Map() } };
  }
  if (!isMap(contents)) {
    const got = isSeq(contents) ? "a list" : "a single value";
    return { ok: false, problems: [{ line: lineAt(contents.range?.[0] ?? 0), code: "WD107", message: `got ${got} (${YAML_HELP})` }] };
  }
  // A field's name is a word: a key that is a list or a group ("? [a, b]") names no field, and YAML would only warn as it made text of it.
  const groupKeys: LineProblem[] = [];
  visit(document, {
    Pair: (_, pair) => {
      if (isNode(pair.key) && !isScalar(pair.key)) groupKeys.push({ line: lineAt(pair.key.range?.[0] ?? 0), code: "WD113", message: `a list or group of fields where a field's name goes (${YAML_HELP})` });
    },
  });
  if (groupKeys.length > 0) return { ok: false, problems: groupKeys };
  // Every alias is refused (marks), so none is expanded: its field is left empty, and no alias bomb can grow.
  visit(document, { Alias: () => new Scalar(null) });
  const fields = document.toJS() as Record<string, unknown>;
  const readable = [...unmarkedCuts(cutValues(written, yaml), marks), ...foldedListItems(written, yaml), ...marks, ...escapedBreaks(written, yaml)];
  return { ok: true, frontMatter: { fields, lines: fieldLines(written, lineAt), problems: readable, noValues: noValueWords(written) } };
}

/** The values written as a word YAML reads as no value (null, Null, NULL, ~), not left empty. */
function noValueWords(written: readonly WrittenNode[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const { path, node, pair } of written) {
    const token = isScalar(node) && node.value === null && node !== pair?.key ? node.srcToken : undefined;
    if (token?.type === "scalar" && token.source !== "") words.set(path.join("."), token.source);
  }
  return words;
}

/** Where each key (or list item) is written. */
function fieldLines(written: readonly WrittenNode[], lineAt: (offset: number) => number): Map<string, number> {
  const lines = new Map<string, number>();
  for (const { path, node, pair } of written) {
    const start = node?.range?.[0];
    // A field's line is its key's; a list item's, the item's own.
    if (start !== undefined && (pair ? node === pair.key : true)) lines.set(path.join("."), lineAt(start));
  }
  return lines;
}
