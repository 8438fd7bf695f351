/** What a check finds, on its way to becoming a Problem of a built file. */
import type { FieldProblem, Problem } from "../model/problems.ts";

/** A problem at an offset of the file's text. */
export type Finding = FieldProblem & { offset: number };

/** A problem of a file not named yet: what a page's own check keeps of it, at a line and column where it has one. */
export type PageProblem = Omit<Problem, "file">;
