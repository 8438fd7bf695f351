/** What the site check finds in a built file, and how the command reports it. */

/** One thing wrong with a built file, at a line and column of it. */
export interface Problem {
  /** Path relative to the site folder, with forward slashes. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface Report {
  pages: number;
  stylesheets: number;
  problems: Problem[];
}

/** Problems grouped by file, then the summary line. */
export function formatReport({ pages, stylesheets, problems }: Report): string {
  if (problems.length === 0) {
    return `validate: ${count(pages, "page")}, ${count(stylesheets, "stylesheet")} checked: no problems`;
  }
  const byFile = new Map<string, string[]>();
  for (const { file, line, column, message, rule } of problems) {
    byFile.set(file, [...(byFile.get(file) ?? [file]), `  ${line}:${column}  ${message}  ${rule}`]);
  }
  const groups = [...byFile.values()].map((lines) => lines.join("\n"));
  return [...groups, `validate: ${count(problems.length, "problem")} in ${count(byFile.size, "file")}`].join("\n\n");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
