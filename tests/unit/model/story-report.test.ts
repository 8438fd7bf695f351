import assert from "node:assert/strict";
import { test } from "node:test";
import { formatStoryProblems, problemGroups, type StoryReport } from "../../../src/lib/model/story-report.ts";

import type { Problem } from "../../../src/lib/model/problems.ts";

const report = (errors: StoryReport["errors"], warnings: StoryReport["warnings"]): StoryReport => ({ errors, warnings, notices: [], withheld: [] });

const missingLead: Problem = { file: "src/news/a.md", line: 1, field: "lead", message: "missing", code: "WD120" };
const badCorrection: Problem = { file: "src/news/a.md", line: 7, field: "corrections.0.date", message: "not a date", code: "WD126" };
const draftProblem: Problem = { file: "src/news/draft.md", line: 3, field: "dateline", message: "unknown place", code: "WD125" };

test("a clean report has no groups and no lines", () => {
  assert.deepEqual(problemGroups(report([], [])), []);
  assert.deepEqual(formatStoryProblems(report([], [])), []);
});

test("errors come before drafts' problems, each line in the form editors' tools link", () => {
  const groups = problemGroups(report([missingLead, badCorrection], [draftProblem]));
  assert.deepEqual(groups, [
    {
      kind: "error",
      title: "2 problems in the stories:",
      lines: ["src/news/a.md:1: lead: missing [WD120]", "src/news/a.md:7: corrections.1.date: not a date [WD126]"],
    },
    {
      kind: "warning",
      title: "1 problem in drafts (not published; fix before publishing):",
      lines: ["src/news/draft.md:3: dateline: unknown place [WD125]"],
    },
  ]);
});

test("the terminal prints each group's title, then its lines", () => {
  assert.deepEqual(formatStoryProblems(report([], [draftProblem])), [
    "1 problem in drafts (not published; fix before publishing):",
    "src/news/draft.md:3: dateline: unknown place [WD125]",
  ]);
  assert.deepEqual(formatStoryProblems(report([missingLead], [])), ["1 problem in the stories:", "src/news/a.md:1: lead: missing [WD120]"]);
});

test("warnings of stories that publish come last, in a group of their own that stops nothing", () => {
  const narrow: Problem = { file: "src/news/b/index.md", line: 8, field: "photo.src", message: '"b.jpg" is 900 px wide, published at 320, 640 and 900 px', code: "WD141" };
  const groups = problemGroups({ ...report([], [draftProblem]), notices: [narrow] });
  assert.deepEqual(groups.map(({ kind }) => kind), ["warning", "notice"]);
  assert.deepEqual(formatStoryProblems({ ...report([], []), notices: [narrow] }), [
    "1 warning in stories that publish (published as they are; worth a look):",
    'src/news/b/index.md:8: photo.src: "b.jpg" is 900 px wide, published at 320, 640 and 900 px [WD141]',
  ]);
});
