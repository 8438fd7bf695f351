/**
 * What `npm start` prints of each of its builds: the first shows a build's progress, as `npm run
 * build` does (src/lib/model/progress.ts: each counted stage's counter on a terminal, a line every
 * 10 s in a log), labelled `serve`; a rebuild, which takes a moment, shows none. After each: the
 * settings' problems, the caches' line, and the stories' problems (the pages show them too) or
 * that there are none.
 */
import { formatProblem } from "../model/problems.ts";
import type { ProgressOptions } from "../model/progress.ts";
import { formatStoryProblems } from "../model/story-report.ts";
import { DEV_SITE } from "../eleventy/dev-server.ts";
import { build, StageError, type BuildSession } from "./build.ts";
import { buildProgress, type LogLine } from "./build-log.ts";

export interface DevBuildOutput extends Pick<ProgressOptions, "terminal" | "now"> {
  /** Standard output, written as it is (the progress counter). */
  write: (text: string) => void;
  /** A line: a problem goes to standard error, the rest to standard output. */
  print: (line: LogLine) => void;
}

export interface DevBuildOptions extends DevBuildOutput {
  /** Whether this is the server's first build, which shows its progress. */
  first: boolean;
  /** The environment the settings are read from; process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Builds the dev server's site of the project in `project` into DEV_SITE (drafts and embargoed
 * stories shown, no check), with the caches of `session`, and prints what it did. Resolves to
 * whether it built: a failed rebuild leaves the last pages served.
 */
export async function devBuild(project: string, session: BuildSession, { first, env, print, ...output }: DevBuildOptions): Promise<boolean> {
  const progress = first ? buildProgress(output, "serve") : undefined;
  try {
    const { ok, settingProblems, report } = await build(project, {
      output: DEV_SITE,
      dev: true,
      session,
      ...(env ? { env } : {}),
      ...(progress ? { onProgress: progress.onProgress } : {}),
    }).finally(() => progress?.finish());
    for (const problem of settingProblems) print({ text: formatProblem(problem), problem: true });
    for (const text of report.caches) print({ text, problem: false });
    if (!report.stories) return ok;
    const lines = formatStoryProblems(report.stories);
    for (const text of lines) print({ text, problem: true });
    if (lines.length === 0) print({ text: "serve: no problems in the stories", problem: false });
    return ok;
  } catch (error) {
    if (!(error instanceof StageError)) throw error;
    print({ text: `serve: ${error.message}`, problem: true });
    return false;
  }
}
