/** What the site check found, and how the commands and the build report it. */
import { formatProblem, type Problem } from "../model/problems.ts";

export interface Report {
  pages: number;
  stylesheets: number;
  /** Each built file's problems, `file` its path in the site folder with forward slashes, in file, line and column order. */
  problems: Problem[];
}

/** One line a problem (`news/index.html:12:5: link: … [WD404]`), then the summary line. */
export function formatReport({ pages, stylesheets, problems }: Report): string[] {
  if (problems.length === 0) {
    return [`validate: ${count(pages, "page")}, ${count(stylesheets, "stylesheet")} checked: no problems`];
  }
  const files = new Set(problems.map(({ file }) => file));
  return [...problems.map(formatProblem), `validate: ${count(problems.length, "problem")} in ${count(files.size, "file")}`];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
