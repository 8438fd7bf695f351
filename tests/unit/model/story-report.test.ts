import assert from "node:assert/strict";
import { test } from "node:test";
import { formatStoryProblems, problemGroups, type StoryReport } from "../../../src/lib/model/story-report.ts";

const report = (errors: StoryReport["errors"], warnings: StoryReport["warnings"]): StoryReport => ({ errors, warnings, withheld: [] });

const missingLead = { file: "src/news/a.md", line: 1, field: "lead", message: "missing" };
const badCorrection = { file: "src/news/a.md", line: 7, field: "corrections.0.date", message: "not a date" };
const draftProblem = { file: "src/news/draft.md", line: 3, field: "dateline", message: "unknown place" };

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
      lines: ["src/news/a.md:1: lead: missing", "src/news/a.md:7: corrections.1.date: not a date"],
    },
    {
      kind: "warning",
      title: "1 problem in drafts (not published; fix before publishing):",
      lines: ["src/news/draft.md:3: dateline: unknown place"],
    },
  ]);
});

test("the terminal prints each group's title, then its lines", () => {
  assert.deepEqual(formatStoryProblems(report([], [draftProblem])), [
    "1 problem in drafts (not published; fix before publishing):",
    "src/news/draft.md:3: dateline: unknown place",
  ]);
  assert.deepEqual(formatStoryProblems(report([missingLead], [])), ["1 problem in the stories:", "src/news/a.md:1: lead: missing"]);
});
