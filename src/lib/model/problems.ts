import type { z } from "zod";

/** Where something is written: a file and a line in it. */
export interface Place {
  file: string;
  line: number;
}

/**
 * Every code a problem can carry, with its title as the editor's guide lists it. A code names one
 * rule, so an editor can look it up; codes are never reused for another rule.
 * WD1xx: a story's file, front matter, fields and body, and what stories must not share.
 */
export const PROBLEM_CODES = {
  WD100: "the story file could not be read",
  WD101: "the file name makes no address",
  WD102: "the story file is too big",
  WD103: "the story file is not UTF-8 text",
  WD104: "the story file starts with a byte order mark",
  WD105: "the front matter is not YAML",
  WD106: "the front matter is never closed",
  WD107: "the front matter is not YAML fields",
  WD108: "an unquoted value cut short by a # note",
  WD109: "a list item indented more than the one above it",
  WD110: "a quote never closed",
  WD111: "a bracket never closed",
  WD112: "\": \" inside an unquoted value",
  WD113: "a line with no field name",
  WD114: "indented with a tab",
  WD115: "indented unlike the lines around it",
  WD116: "a field written twice",
  WD117: "text after a value's closing quote or bracket",
  WD120: "a required field is missing",
  WD121: "a field's value is not in the expected form",
  WD122: "an unknown field",
  WD123: "a field a withdrawn story must not have",
  WD124: "text the import left for an editor to write",
  WD125: "no time zone for the dateline",
  WD126: "a date that is not a date",
  WD127: "a date before the story's date",
  WD130: "the story's text is empty",
  WD131: "the text repeats the dateline",
  WD132: "the text is too big for a page",
  WD133: "a # heading beside the headline",
  WD134: "a heading that skips a level",
  WD135: "an image without alt text",
  WD136: "a withdrawn story that keeps its text",
  WD137: "an image in the text that cannot be shown",
  WD140: "a photo that cannot be published",
  WD141: "a photo worth a look",
  WD150: "two stories at one address",
  WD151: "an image shown by two stories",
  WD152: "a translation of no story",
  WD153: "a translation in the original's own edition",
  WD154: "a second translation into one edition",
  WD155: "two topics at one topic page",
  WD156: "a byline name that makes no author page",
  WD157: "one author named twice in a byline",
  WD158: "two authors at one author page",
} as const;

/** A problem's code, such as WD121: the key an editor looks up in the guide's list of problem codes. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/**
 * One thing wrong, in any stage (a story, the settings, a delivered feed, a built page), reported
 * the way a compiler reports: place, field, problem, code.
 */
export interface Problem {
  /**
   * The file as the desk names it (`src/news/talks.md`, `drop/0001.json`, `news/index.html` in the
   * built site); empty for a setting read from the environment, which the field then names.
   */
  file: string;
  /**
   * The line the field (or the offending line) is on; 1 for a story file as a whole or a missing
   * field. Absent where the file has no lines to point at (a JSON feed item): the field names the place.
   */
  line?: number;
  /** The column on the line, where the checker that found the problem gives one. */
  column?: number;
  /** The field's path as the code reads it, list items counted from 0 ("corrections.0.date"). */
  field: string;
  /** What is wrong, then the expected form in brackets: `got 3 (expected true or false)`. */
  message: string;
  code: ProblemCode;
}

/** A problem of a field, before the file and line it is written at are known. */
export type FieldProblem = Pick<Problem, "field" | "message" | "code">;

/** A problem at a line, before the file is known; the field too, where it cannot be told. */
export type LineProblem = Pick<Problem, "message" | "code"> & { line: number; field?: string };

/** A field's path as an editor counts: the first item of a list is 1 ("corrections.1.date"). */
export function editorFieldName(field: string): string {
  return field.replace(/(^|\.)(\d+)(?=\.|$)/g, (_, dot: string, index: string) => `${dot}${Number(index) + 1}`);
}

/**
 * `path:line: field: problem (expected …) [WD121]`, the form editors' tools turn into a link to
 * the line (`path:line:column:` where a column is known, `path:` where the file has no lines, the
 * field alone for an environment variable); the code comes last, so tools that read the line up
 * to the message still do. A message that goes on over lines has the code on its first.
 */
export function formatProblem({ file, line, column, field, message, code }: Problem): string {
  const place = file === "" ? "" : `${[file, line, line === undefined ? undefined : column].filter((part) => part !== undefined).join(":")}: `;
  return `${place}${editorFieldName(field)}: ${message.replace(/(?=\n)|$/, ` [${code}]`)}`;
}

/** In file and line order, as an editor works through them. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
}

/** The value at a zod issue's path in what was parsed, or undefined where nothing is written. */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * Zod's issues as problems of fields: the schema's own message (each schema words what it
 * expects), at the field's path under `path`; a value not written at all is a missing field.
 */
export function zodProblems(issues: readonly z.core.$ZodIssue[], input: unknown, path: readonly string[] = []): FieldProblem[] {
  return issues.map((issue) => ({
    field: [...path, ...issue.path.map(String)].join("."),
    message: issue.message,
    code: valueAt(input, issue.path) === undefined ? "WD120" : "WD121",
  }));
}
