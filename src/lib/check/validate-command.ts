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

/**
 * The address a built site is checked at: the one it was built for, as its robots.txt names it
 * (`built`), when the settings' address was not set for this run (SITE_URL); a SITE_URL that
 * disagrees with it is a problem, since every link, feed and sitemap line would be reported
 * against the wrong address. `settingsUrl` is the settings' address, used when the site names none.
 */
export function checkedSiteUrl(settingsUrl: string, setForThisRun: boolean, built: URL | undefined, dir: string): { url: string; said?: string } | { problem: string } {
  if (built === undefined || built.href === settingsUrl) return { url: settingsUrl };
  if (setForThisRun) return { problem: `SITE_URL is ${settingsUrl}, but ${dir} was built for ${built.href}, as its robots.txt says (expected the SITE_URL the build used, or none)` };
  return { url: built.href, said: `checking ${dir} at ${built.href}, the address it was built for (its robots.txt)` };
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
