/**
 * What `npm run validate` prints while it checks a built site and when it is done: how far it is
 * (src/lib/model/progress.ts: on a terminal a counter rewritten in place, in a log a line every
 * 10 s), then the report; `quiet` keeps only the report, the problems and the last line.
 */
import { progressCounter, type ProgressOptions } from "../model/progress.ts";
import { formatReport } from "./site-problems.ts";
import { SiteError, validateSite, type ValidateOptions } from "./validate.ts";

export interface ValidateOutput extends Pick<ProgressOptions, "terminal" | "now"> {
  /** Standard output, written as it is. */
  write: (text: string) => void;
  /** Standard error, a line at a time. */
  error: (line: string) => void;
  quiet: boolean;
}

/** Checks the site in `dir`, printing as the command does; resolves to its exit code: 0 no problems, 1 problems, 2 not checked at all. */
export async function validateCommand(dir: string, options: ValidateOptions, { quiet, write, error, ...output }: ValidateOutput): Promise<number> {
  const progress = quiet ? undefined : progressCounter({ label: "validate", what: "pages checked", unit: "pages", write, ...output });
  try {
    const report = await validateSite(dir, progress ? { ...options, onProgress: progress.update } : options).finally(() => progress?.finish());
    for (const line of formatReport(report)) write(`${line}\n`);
    return report.problems.length === 0 ? 0 : 1;
  } catch (thrown) {
    // Exit 1 means "problems found"; failing to check at all is 2. Only a bug needs its stack.
    if (!(thrown instanceof SiteError)) throw thrown;
    error(`validate: ${thrown.message}`);
    return 2;
  }
}
