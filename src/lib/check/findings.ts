/** What a check finds, on its way to becoming a Problem of a file. */
import type { Problem } from "./site-problems.ts";

export interface Issue {
  rule: string;
  message: string;
}

/** An issue at an offset of the file's text. */
export interface Finding extends Issue {
  offset: number;
}

/** An issue at a line and column of a file not named yet: what a page's own check keeps of it. */
export type LocatedIssue = Omit<Problem, "file">;

export const issue = (rule: string, message: string): Issue => ({ rule, message });
