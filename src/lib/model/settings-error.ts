import { formatProblem, type Problem } from "./problems.ts";

/**
 * Thrown for bad settings (the site's, its strings, the environment, a command line), with every
 * problem found in the run; the message is their lines, as formatProblem prints them.
 */
export class SettingsError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
}
