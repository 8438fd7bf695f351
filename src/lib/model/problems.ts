/** Where something is written: a file and a line in it. */
export interface Place {
  file: string;
  line: number;
}

/** One thing wrong with one story, reported the way a compiler reports: file, line, field, problem. */
export interface Problem {
  file: string;
  /** The line the field (or the body's offending line) is on; 1 for the file as a whole or a missing field. */
  line: number;
  /** The field's path as the code reads it, list items counted from 0 ("corrections.0.date"). */
  field: string;
  message: string;
}

/** A field's path as an editor counts: the first item of a list is 1 ("corrections.1.date"). */
export function editorFieldName(field: string): string {
  return field.replace(/(^|\.)(\d+)(?=\.|$)/g, (_, dot: string, index: string) => `${dot}${Number(index) + 1}`);
}

/** `path:line: field: problem (expected …)`, the form editors' tools turn into a link to the line. */
export function formatProblem({ file, line, field, message }: Problem): string {
  return `${file}:${line}: ${editorFieldName(field)}: ${message}`;
}

/** In file and line order, as an editor works through them. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
