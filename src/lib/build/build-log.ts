/** What a build tells whoever ran it, in order: the settings' problems, the caches, the stories' problems and the check's. */
import { formatReport } from "../check/site-problems.ts";
import { progressCounter, type Progress, type ProgressOptions } from "../model/progress.ts";
import { formatNextEmbargo, formatStoryProblems } from "../model/story-report.ts";
import type { BuildProgress, BuildResult, CountedStage } from "./build.ts";

export interface LogLine {
  text: string;
  /** Problems and warnings go to standard error; the rest to standard output. */
  problem: boolean;
}

export function buildLog({ ok, settingProblems, report }: BuildResult): LogLine[] {
  const { stories, check } = report;
  const embargo = stories && ok ? formatNextEmbargo(stories) : undefined;
  return [
    ...settingProblems.map((text) => ({ text, problem: true })),
    ...report.caches.map((text) => ({ text, problem: false })),
    ...(stories ? formatStoryProblems(stories) : []).map((text) => ({ text, problem: true })),
    ...(check && check.problems.length > 0 ? [{ text: formatReport(check), problem: true }] : []),
    ...(embargo ? [{ text: `build: ${embargo}`, problem: false }] : []),
  ];
}

/** What each counted stage's progress line says it counts. */
const STAGE_COUNTS: Record<CountedStage, { what: string; unit: string }> = {
  stories: { what: "stories read", unit: "stories" },
  render: { what: "pages rendered", unit: "pages" },
  photos: { what: "photos converted", unit: "photos" },
  check: { what: "pages checked", unit: "pages" },
};

/**
 * The build's progress, a counter for each counted stage in turn (see src/lib/model/progress.ts),
 * ended when its count is complete; `finish` ends one a failed stage left.
 */
export function buildProgress(output: Pick<ProgressOptions, "terminal" | "write" | "now">): { onProgress: BuildProgress; finish: () => void } {
  let current: { stage: CountedStage; counter: Progress } | undefined;
  const finish = () => {
    current?.counter.finish();
    current = undefined;
  };
  return {
    onProgress(stage, done, total) {
      // Nothing to count (every page reused, no photos): no line at all.
      if (total === 0) return;
      if (current?.stage !== stage) {
        finish();
        current = { stage, counter: progressCounter({ label: "build", ...STAGE_COUNTS[stage], ...output }) };
      }
      current.counter.update(done, total);
      // The stage's count is complete: its line goes now, not when the next counted stage begins.
      if (done >= total) finish();
    },
    finish,
  };
}
