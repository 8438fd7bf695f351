/** One thing wrong with one story, reported the way a compiler reports: file, line, field, problem. */
export interface Problem {
  file: string;
  /** The line the field (or the body's offending line) is on; 1 for the file as a whole or a missing field. */
  line: number;
  field: string;
  message: string;
}

export function formatProblem({ file, line, field, message }: Problem): string {
  return `${file}:${line}: ${field}: ${message}`;
}

/**
 * Thrown once per build with every problem found, so an editor fixes them all in one pass.
 * The message is the report itself; a stack trace would only hide it.
 */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  readonly skipOriginalStack = true;

  constructor(problems: readonly Problem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`${count} in the stories:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "ContentError";
    this.problems = problems;
  }
}
