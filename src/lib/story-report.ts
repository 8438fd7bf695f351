import { formatProblem, type Problem } from "./problems.ts";

/** A story the build read but must not publish, so the check of the built site can prove it left no trace. */
export interface WithheldStory {
  file: string;
  url: string;
  headline: string;
  state: "draft" | "embargoed";
}

/** What a build learned of its stories beyond the pages: what is wrong, what is held back, and until when. */
export interface StoryReport {
  /** Problems of stories that would be published (embargoed ones too, which publish unattended): they stop a build. */
  errors: Problem[];
  /** Problems of drafts: printed with the others, never blocking the desk. */
  warnings: Problem[];
  withheld: WithheldStory[];
  /** The embargo that lifts next after the build moment: a build after then publishes its story. */
  nextEmbargo?: { file: string; at: string };
}

/** Eleventy event the newsroom collection emits its report on, for the command that runs the build to print. */
export const STORY_REPORT_EVENT = "newsroom.storyReport";

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** The report's problem lines for the terminal, errors first, each group under a line saying what it means. */
export function formatStoryProblems({ errors, warnings }: StoryReport): string[] {
  const lines: string[] = [];
  if (errors.length > 0) lines.push(`${count(errors.length, "problem")} in the stories:`, ...errors.map(formatProblem));
  if (warnings.length > 0) {
    lines.push(`${count(warnings.length, "problem")} in drafts (not published; fix before publishing):`, ...warnings.map(formatProblem));
  }
  return lines;
}

/** When the next embargoed story goes live, or nothing when none waits. */
export function formatNextEmbargo({ nextEmbargo }: StoryReport): string | undefined {
  return nextEmbargo && `next embargo lifts at ${nextEmbargo.at} (${nextEmbargo.file}): the first build after then publishes it`;
}
