import { formatProblem, type Problem } from "./problems.ts";

/**
 * A story the build read but must not publish, so the check of the built site can prove it left
 * no trace: a draft or embargoed story, or a withdrawn one, whose address holds only its notice.
 */
export interface WithheldStory {
  file: string;
  url: string;
  state: "draft" | "embargoed" | "withdrawn";
}

/** What a build learned of its stories beyond the pages: what is wrong or worth a look, what is held back, and until when. */
export interface StoryReport {
  /** Problems of stories that would be published (embargoed ones too, which publish unattended): they stop a build. */
  errors: Problem[];
  /** Problems of drafts: printed with the others, never blocking the desk. */
  warnings: Problem[];
  /** What is worth a look in stories that publish anyway (a photo narrower than sharp): printed, never blocking. */
  notices: Problem[];
  withheld: WithheldStory[];
  /** The embargo that lifts next after the build moment: a build after then publishes its story. */
  nextEmbargo?: { file: string; at: string };
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** One kind of problem in a report, as its readers see it: a line saying what it means, then one line per problem. */
export interface ProblemGroup {
  /** Errors stop a build; warnings are drafts' problems; notices are published stories' things to look at. */
  kind: "error" | "warning" | "notice";
  title: string;
  /** `file:line: field: message`, in file and line order. */
  lines: string[];
}

/** The report's problems grouped by kind, errors first, then drafts', then notices; no group for a kind without problems. */
export function problemGroups({ errors, warnings, notices }: StoryReport): ProblemGroup[] {
  const groups: ProblemGroup[] = [];
  if (errors.length > 0) {
    groups.push({ kind: "error", title: `${count(errors.length, "problem")} in the stories:`, lines: errors.map(formatProblem) });
  }
  if (warnings.length > 0) {
    const title = `${count(warnings.length, "problem")} in drafts (not published; fix before publishing):`;
    groups.push({ kind: "warning", title, lines: warnings.map(formatProblem) });
  }
  if (notices.length > 0) {
    const title = `${count(notices.length, "warning")} in stories that publish (published as they are; worth a look):`;
    groups.push({ kind: "notice", title, lines: notices.map(formatProblem) });
  }
  return groups;
}

/** The report's problem lines for the terminal, errors first, each group under a line saying what it means. */
export function formatStoryProblems(report: StoryReport): string[] {
  return problemGroups(report).flatMap(({ title, lines }) => [title, ...lines]);
}

/** When the next embargoed story goes live, or nothing when none waits. */
export function formatNextEmbargo({ nextEmbargo }: StoryReport): string | undefined {
  return nextEmbargo && `next embargo lifts at ${nextEmbargo.at} (${nextEmbargo.file}): the first build after then publishes it`;
}
