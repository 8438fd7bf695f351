import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";

/** A story file cut into its front matter and its Markdown body, with the line each starts on. */
export interface StoryParts {
  /** What follows the opening `---` on its line: empty for YAML, else a language Eleventy would run. */
  language: string;
  /** Starts with the line break that ends the `---` line, so its lines are the file's lines. */
  yaml: string;
  /** False when no `---` line ends the front matter: then all the rest is read as front matter. */
  closed: boolean;
  body: string;
  bodyLine: number;
}

const OPEN = "---";
const CLOSE = "\n---";

const linesIn = (text: string): number => text.split("\n").length - 1;

/**
 * Cuts a story the way Eleventy's front matter reader (gray-matter) does, so the lines counted
 * here are those of the text Eleventy renders. Undefined when the file opens without `---`.
 */
export function splitStory(text: string): StoryParts | undefined {
  if (!text.startsWith(OPEN) || text.charAt(OPEN.length) === "-") return undefined;
  let rest = text.slice(OPEN.length);
  const lineEnd = rest.search(/\r?\n/);
  const language = lineEnd === -1 ? "" : rest.slice(0, lineEnd);
  rest = rest.slice(language.length);
  const closeAt = rest.indexOf(CLOSE);
  const yaml = closeAt === -1 ? rest : rest.slice(0, closeAt);
  let body = closeAt === -1 ? "" : rest.slice(closeAt + CLOSE.length);
  // gray-matter drops the line break after the closing `---`, and the rest of its line with it only if empty.
  let skipped = OPEN + language + yaml + CLOSE;
  for (const end of ["\r", "\n"]) {
    if (body.startsWith(end)) {
      body = body.slice(1);
      skipped += end;
    }
  }
  return { language: language.trim(), yaml, closed: closeAt !== -1, body, bodyLine: linesIn(skipped) + 1 };
}

/** A problem found while reading front matter, at a line of the story file. */
export interface LineProblem {
  line: number;
  message: string;
}

export interface FrontMatter {
  fields: Record<string, unknown>;
  /** The file line each field is written on, by path: "title", "photo.src", "tags.1". */
  lines: ReadonlyMap<string, number>;
}

export type FrontMatterResult = { ok: true; frontMatter: FrontMatter } | { ok: false; problems: LineProblem[] };

const YAML_HELP = "expected YAML fields, one per line, such as title: Talks resume";

/**
 * Reads front matter as YAML 1.2 core (no timestamps: the story schema reads dates itself; no
 * custom tags), keeping each field's line. Every syntax problem is reported, none is thrown.
 * `firstLine` is the file line the YAML text starts on.
 */
export function parseFrontMatter(yamlText: string, firstLine = 1): FrontMatterResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { schema: "core", lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  const problems = [...document.errors, ...document.warnings].map((error) => ({
    line: lineAt(error.pos[0]),
    message: `${error.message.replace(/\s+/g, " ").trim()} (${YAML_HELP})`,
  }));
  if (problems.length > 0) return { ok: false, problems };

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { ok: true, frontMatter: { fields: {}, lines: new Map() } };
  }
  if (!isMap(contents)) {
    const got = isSeq(contents) ? "a list" : "a single value";
    return { ok: false, problems: [{ line: lineAt(contents.range?.[0] ?? 0), message: `got ${got} (${YAML_HELP})` }] };
  }
  let fields: unknown;
  try {
    fields = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // Only an alias bomb gets here: toJS refuses to expand it.
    return { ok: false, problems: [{ line: firstLine, message: `${(error as Error).message} (${YAML_HELP})` }] };
  }
  const lines = new Map<string, number>();
  recordLines(contents, [], lines, lineAt);
  return { ok: true, frontMatter: { fields: fields as Record<string, unknown>, lines } };
}

/** Walks maps and lists, noting where each key (or list item) is written. */
function recordLines(node: Node, path: string[], lines: Map<string, number>, lineAt: (offset: number) => number): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const fieldPath = [...path, String(pair.key.value)];
      lines.set(fieldPath.join("."), lineAt(pair.key.range?.[0] ?? 0));
      if (pair.value && (isMap(pair.value) || isSeq(pair.value))) recordLines(pair.value, fieldPath, lines, lineAt);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemPath = [...path, String(index)];
      const start = (item as Node | null)?.range?.[0];
      if (start !== undefined) lines.set(itemPath.join("."), lineAt(start));
      if (item && (isMap(item) || isSeq(item))) recordLines(item, itemPath, lines, lineAt);
    });
  }
}
