import assert from "node:assert/strict";
import { test } from "node:test";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { readStoryFile, storySettings } from "../../../src/lib/story/read-story.ts";
import { site } from "../../support/story-views.ts";

/** Every problem one read of this story text reports, as the build prints them. */
function problemsOf(text: string, dataFile?: string): string[] {
  const bytes = Buffer.from(text);
  const read = readStoryFile({
    file: "src/news/story.md",
    fileSlug: "story",
    filePathStem: "/news/story",
    files: { size: bytes.length, bytes, ...(dataFile === undefined ? {} : { dataFile: { file: "src/news/story.11tydata.json", text: dataFile } }) },
    site: storySettings(site),
    datelinePlaces: places,
  });
  return read.problems.map(formatProblem);
}

const story = (frontMatter: string, body = "Shares rose on Monday.\n") => `---\n${frontMatter}---\n\n${body}`;

test("a value YAML cut at ` #` is one problem of its field, reported with the story's other problems", () => {
  assert.deepEqual(problemsOf(story("title: #1 market rises\nlead: Shares rose\ndate: 2013-09-02\ndateline: SAO PAULO\ndraft: maybe\n")), [
    'src/news/story.md:2: title: unquoted, so YAML reads "#1 market rises" as a note, drops it and the value is left empty (expected the whole value in quotes: title: "#1 market rises"; or the note on a line of its own)',
    'src/news/story.md:6: draft: got "maybe" (expected true or false)',
  ]);
});

test("YAML mistakes in the story and in its data file are reported in one read", () => {
  assert.deepEqual(problemsOf(story('title: "Markets rise\nlead: A\n'), '{ "date": "2013-09-02", "date": "2013-09-03" }'), [
    'src/news/story.md:2: title: the " opened here is never closed, so the lines after it are read as part of this value (expected a closing " at the end of the value: title: "Markets rise")',
    "src/news/story.11tydata.json:1: date: written twice, first on line 1 (expected each field once: keep the one you mean)",
  ]);
});
