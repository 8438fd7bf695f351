import { readFileSync, statSync } from "node:fs";
import type { LineProblem, Place, Problem } from "../model/problems.ts";
import { parseFrontMatter, splitStory, typedDraft, withLineFeeds, type FrontMatter, type FrontMatterResult } from "./front-matter.ts";

/** A problem with the story's file itself (or its data file, which it then names), found before any field can be read. */
export type SourceProblem = Omit<Problem, "file"> & {
  /** Set when the problem is in the story's data file rather than the story. */
  file?: string;
};

/** A story's own files as written: where each field is, and the Markdown body. */
export interface StorySource {
  /** Top-level names the story's front matter and data file write. */
  keys: readonly string[];
  /** The story's fields: its data file's, then its front matter's, which win (Eleventy's order). */
  fields: Readonly<Record<string, unknown>>;
  /** Where a field ("photo.src", "tags.1") is written; a missing one points at its group, else line 1. */
  place(field: string): Place;
  body: string;
  bodyLine: number;
  /** Problems that leave every field readable (a byte order mark, a value YAML cut at ` #`), to be reported with the fields' own. */
  problems: SourceProblem[];
  /** Fields YAML read as no value from a word written for them (`title: Null`), by path, with the word: from the file whose field it is. */
  noValues: ReadonlyMap<string, string>;
}

/**
 * A story's source, or its problems. When only its YAML is wrong, its Markdown body, which no
 * YAML mistake can change, is kept for its own checks, and whether its `draft` line makes it a draft.
 */
export type SourceResult = { ok: true; source: StorySource } | { ok: false; problems: SourceProblem[]; body?: { text: string; line: number }; draft?: boolean };

const utf8 = new TextDecoder("utf-8", { fatal: true });

function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString("en-US")} bytes`;
}

/** The first line holding bytes that are not UTF-8, or undefined when all are. */
export function firstNonUtf8Line(bytes: Uint8Array): number | undefined {
  // A line feed byte never occurs inside a multi-byte UTF-8 sequence, so lines decode on their own.
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      utf8.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return undefined;
}

/** The bytes a story is read from: its file, and the Eleventy data file beside it, if any. */
export interface StoryFiles {
  /** The story file's size; its bytes are read only when within the limit. */
  size: number;
  bytes?: Buffer;
  /** The data file beside the story (`talks.11tydata.json` for `talks.md`), when there is one. */
  dataFile?: { file: string; text: string };
  /** What the file system said of both files just before they were read (see storyStamp); none when that cannot vouch for them. */
  stamp?: string;
}

/** The data file a story reads, if it has one: `talks.11tydata.json` for `talks.md`. */
const dataFileOf = (file: string): string => file.replace(/\.md$/, ".11tydata.json");

/**
 * Reads what a story is made of from disk, once, so its parse and its cache key see the same bytes.
 * The stamp is taken first: a file changed while it is read then has a stamp that no longer
 * matches, so it is read again. Throws only when the story file itself is gone.
 */
export function loadStoryFiles(file: string, maxBytes: number): StoryFiles {
  const stamp = storyStamp(file);
  const size = statSync(file).size;
  const dataFile = dataFileOf(file);
  const hasDataFile = dataFile !== file && statSync(dataFile, { throwIfNoEntry: false })?.isFile() === true;
  return {
    size,
    ...(size > maxBytes ? {} : { bytes: readFileSync(file) }),
    ...(hasDataFile ? { dataFile: { file: dataFile, text: readFileSync(dataFile, "utf8") } } : {}),
    ...(stamp === undefined ? {} : { stamp }),
  };
}

/**
 * Changes closer together than this may leave a file's times as they were (file systems take
 * their times from a clock that ticks every few milliseconds): a file changed that recently is
 * read again rather than known by its stamp, as git does with its index.
 */
const UNSETTLED_NS = 2_000_000_000n;

/**
 * A story's stamp: each of its files' inode, size, and modification and change times to the
 * nanosecond. Any write changes the change time, which no tool can set back, so an unchanged
 * stamp is an unchanged story. Undefined when the story is gone, or was changed too recently for
 * its times to tell a later change apart. `dataFileListed`: whether a listing of its folder showed
 * its data file, which then need not be looked for.
 */
export function storyStamp(file: string, dataFileListed?: boolean): string | undefined {
  const settled = BigInt(Date.now()) * 1_000_000n - UNSETTLED_NS;
  const dataFile = dataFileOf(file);
  const story = statSync(file, { bigint: true, throwIfNoEntry: false });
  // A data file the folder's listing did not show is none (one made since is in the next listing).
  const data = dataFile === file || dataFileListed === false ? undefined : statSync(dataFile, { bigint: true, throwIfNoEntry: false });
  if (story === undefined) return undefined;
  const stamps: string[] = [];
  for (const stats of [story, data]) {
    if (stats === undefined) stamps.push("none");
    else if (stats.mtimeNs > settled || stats.ctimeNs > settled) return undefined;
    else stamps.push(`${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`);
  }
  return stamps.join("|");
}

/** A front matter problem as a story's problem: in the field it names, else in the file's fields as a whole. */
function inFile({ line, message, field, code }: LineProblem, whole: string, file?: string): SourceProblem {
  return { line, message, field: field ?? whole, code, ...(file === undefined ? {} : { file }) };
}

/** A field the story and its data file both give: the story's wins, so the data file's value would be dropped unseen. */
function writtenInBoth(story: FrontMatter, dataFile: { file: string; frontMatter: FrontMatter }): SourceProblem[] {
  return Object.keys(story.fields)
    .filter((key) => key in dataFile.frontMatter.fields)
    .map((key) => ({
      line: story.lines.get(key) ?? 1,
      field: key,
      code: "WD116",
      message: `written twice: here and in ${dataFile.file}:${dataFile.frontMatter.lines.get(key) ?? 1} (expected each field once: keep the one you mean)`,
    }));
}

/** The fields of the data file beside a story, with their lines, or its problems; undefined when it has none. */
function parseDataFile(dataFile: StoryFiles["dataFile"]): { file: string; frontMatter: FrontMatter } | { problems: SourceProblem[] } | undefined {
  if (!dataFile) return undefined;
  // JSON is YAML, so the same reader gives each field's line.
  const parsed = parseFrontMatter(dataFile.text);
  if (!parsed.ok) return { problems: parsed.problems.map((found) => inFile(found, "data file", dataFile.file)) };
  return { file: dataFile.file, frontMatter: parsed.frontMatter };
}

/**
 * Reads a story file as its editor wrote it: no bigger than `maxBytes`, UTF-8, with YAML front
 * matter (never a language Eleventy would run, such as `---js`). Never throws.
 */
export function parseStorySource(file: string, files: StoryFiles, maxBytes: number): SourceResult {
  const problem = (line: number, field: string, code: Problem["code"], message: string): SourceResult => ({
    ok: false,
    problems: [{ line, field, code, message }],
  });
  const { size, bytes } = files;
  if (size > maxBytes || bytes === undefined) {
    return problem(1, "size", "WD102", `${formatBytes(size)} (expected at most ${formatBytes(maxBytes)}: split the story, or check the import)`);
  }
  const badLine = firstNonUtf8Line(bytes);
  if (badLine !== undefined) {
    return problem(badLine, "encoding", "WD103", "not UTF-8 text (expected the file saved as UTF-8)");
  }
  const decoded = bytes.toString("utf8");
  // A byte order mark hides the front matter from Eleventy; the rest is read past it, so its problems come in the same build.
  const byteOrderMark: SourceProblem[] = decoded.startsWith("\uFEFF")
    ? [{ line: 1, field: "encoding", code: "WD104", message: "starts with a byte order mark, which hides the front matter (expected UTF-8 without BOM)" }]
    : [];
  // Lines as the editor's editor shows them, whichever line breaks it saved: the lines before the --- and the text too.
  const text = withLineFeeds(byteOrderMark.length > 0 ? decoded.slice(1) : decoded);
  // A blank line or space before the opening --- hides the front matter as a byte order mark does:
  // it is refused at the --- line, and the story read past it, at its own lines, so its other problems come too.
  const leading = /^[ \t\n]+(?=---)/.exec(text)?.[0] ?? "";
  const afterLeading = leading === "" ? undefined : splitStory(text.slice(leading.length));
  const linesBefore = afterLeading ? leading.split("\n").length - 1 : 0;
  const fileProblems: SourceProblem[] = [
    ...byteOrderMark,
    ...(afterLeading ? [{ line: linesBefore + 1, field: "front matter", code: "WD119" as const, message: "the file must start with --- (expected no blank line or space before it)" }] : []),
  ];
  const parts = afterLeading ? { ...afterLeading, bodyLine: afterLeading.bodyLine + linesBefore } : splitStory(text);
  // Eleventy closes the front matter at "----" or "--- draft: true" too, and prints the rest of that line as the text's first words.
  if (parts?.closed && parts.afterClose.trim() !== "") {
    fileProblems.push({ line: parts.bodyLine, field: "front matter", code: "WD139", message: `the line closing the fields reads ${JSON.stringify(`---${parts.afterClose}`)}, and the page would print ${JSON.stringify(parts.afterClose.trim())} as the text's first words (expected a line of just ---, each field above it)` });
  }
  if (parts?.language) {
    return problem(1, "front matter", "WD105", `"${parts.language}" front matter is not read (expected YAML, opened by a line of just ---)`);
  }
  if (parts && !parts.closed) {
    return { ok: false, problems: [...fileProblems, { line: 1, field: "front matter", code: "WD106", message: "never closed (expected a line of just --- after the fields, then the story)" }] };
  }
  const parsed: FrontMatterResult = parts ? parseFrontMatter(parts.yaml, linesBefore + 1) : { ok: true, frontMatter: { fields: {}, lines: new Map(), problems: [], noValues: new Map() } };
  const dataFile = parseDataFile(files.dataFile);
  // Both files' YAML mistakes are reported together; neither file's fields can be trusted until they are fixed.
  const yamlProblems = [...(parsed.ok ? [] : parsed.problems.map((found) => inFile(found, "front matter"))), ...(dataFile && "problems" in dataFile ? dataFile.problems : [])];
  if (!parsed.ok || (dataFile && "problems" in dataFile)) {
    // The draft line as typed, in the file YAML could not read; the front matter's wins, as its fields do.
    const frontMatterDraft = parsed.ok ? parsed.frontMatter.fields["draft"] : typedDraft(parts?.yaml ?? "");
    const dataFileDraft = dataFile && "frontMatter" in dataFile ? dataFile.frontMatter.fields["draft"] : undefined;
    return {
      ok: false,
      problems: [...fileProblems, ...yamlProblems],
      body: parts ? { text: parts.body, line: parts.bodyLine } : { text, line: 1 },
      draft: (frontMatterDraft ?? dataFileDraft) === true,
    };
  }
  const own = [{ file, frontMatter: parsed.frontMatter }, ...(dataFile ? [dataFile] : [])];
  const place = (field: string): Place => {
    for (let path = field.split("."); path.length > 0; path = path.slice(0, -1)) {
      const key = path.join(".");
      const found = own.find(({ frontMatter }) => frontMatter.lines.has(key));
      if (found) return { file: found.file, line: found.frontMatter.lines.get(key) ?? 1 };
    }
    return { file, line: 1 };
  };
  return {
    ok: true,
    source: {
      keys: [...new Set(own.flatMap(({ frontMatter }) => Object.keys(frontMatter.fields)))],
      fields: { ...dataFile?.frontMatter.fields, ...parsed.frontMatter.fields },
      place,
      body: parts ? parts.body : text,
      bodyLine: parts ? parts.bodyLine : 1,
      // The story's own field wins over its data file's, so a word the data file wrote for it is not read.
      noValues: new Map([...[...(dataFile?.frontMatter.noValues ?? [])].filter(([path]) => !(path.split(".")[0]! in parsed.frontMatter.fields)), ...parsed.frontMatter.noValues]),
      problems: [
        ...fileProblems,
        ...own.flatMap(({ file: ownFile, frontMatter }) => frontMatter.problems.map((found) => inFile(found, "front matter", ownFile === file ? undefined : ownFile))),
        ...(dataFile ? writtenInBoth(parsed.frontMatter, dataFile) : []),
      ],
    },
  };
}
