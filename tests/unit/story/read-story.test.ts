import assert from "node:assert/strict";
import { test } from "node:test";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { readStoryFile, storySettings } from "../../../src/lib/story/read-story.ts";
import { site } from "../../support/story-views.ts";

/** One read of this story text, with its data file's text if any. */
function readText(text: string, dataFile?: string) {
  const bytes = Buffer.from(text);
  return readStoryFile({
    file: "src/news/story.md",
    fileSlug: "story",
    filePathStem: "/news/story",
    files: { size: bytes.length, bytes, ...(dataFile === undefined ? {} : { dataFile: { file: "src/news/story.11tydata.json", text: dataFile } }) },
    site: storySettings(site),
    datelinePlaces: places,
  });
}

/** Every problem one read of this story text reports about its file and fields, as the build prints them. */
function problemsOf(text: string, dataFile?: string): string[] {
  return readText(text, dataFile).problems.map(formatProblem);
}

const story = (frontMatter: string, body = "Shares rose on Monday.\n") => `---\n${frontMatter}---\n\n${body}`;

test("a value YAML cut at ` #` is one problem of its field, reported with the story's other problems", () => {
  assert.deepEqual(problemsOf(story("title: #1 market rises\nlead: Shares rose\ndate: 2013-09-02\ndateline: SAO PAULO\ndraft: maybe\n")), [
    'src/news/story.md:2: title: unquoted, so YAML reads "#1 market rises" as a note, drops it and the value is left empty (expected the whole value in quotes: title: "#1 market rises"; or the note on a line of its own) [WD108]',
    'src/news/story.md:6: draft: got "maybe" (expected true or false) [WD121]',
  ]);
});

test("YAML mistakes in the story and in its data file are reported in one read", () => {
  assert.deepEqual(problemsOf(story('title: "Markets rise\nlead: A\n'), '{ "date": "2013-09-02", "date": "2013-09-03" }'), [
    'src/news/story.md:2: title: the " opened here is never closed, so the lines after it are read as part of this value (expected a closing " at the end of the value: title: "Markets rise") [WD110]',
    "src/news/story.11tydata.json:1: date: written twice, first on line 1 (expected each field once: keep the one you mean) [WD116]",
  ]);
});

test("a field both the story and its data file give is refused at the story's line, naming the other", () => {
  const read = readText(story("title: Markets rise\nlead: Shares rose\ndate: 2013-09-02\ndateline: MOSCOW\n"), '{\n  "title": "Markets fall",\n  "tags": ["Markets"]\n}');
  assert.deepEqual(read.problems.map(formatProblem), [
    "src/news/story.md:2: title: written twice: here and in src/news/story.11tydata.json:2 (expected each field once: keep the one you mean) [WD116]",
  ]);
});

test("a story with several independent problems reports all of them in one read", () => {
  const text = story(
    [
      "title: Brazil #1 market rises",
      "lead: Shares rose",
      "date: 2013-09-02T15:40",
      "dateline: LITTLE NOWHERE",
      "updated: 2013-09-01",
      "corrections:",
      "  - date: 2013-09-02T10:00",
      "    text: An earlier figure was wrong.",
      "draft: maybe",
      "datline: MOSCOW",
      "",
    ].join("\n"),
  );
  assert.deepEqual(problemsOf(text), [
    'src/news/story.md:2: title: unquoted, so YAML reads "#1 market rises" as a note, drops it and keeps only "Brazil" (expected the whole value in quotes: title: "Brazil #1 market rises"; or the note on a line of its own) [WD108]',
    "src/news/story.md:11: datline: unknown field; did you mean dateline? [WD122]",
    'src/news/story.md:10: draft: got "maybe" (expected true or false) [WD121]',
    'src/news/story.md:5: timezone: no time zone is known for the dateline place "LITTLE NOWHERE" (expected a timezone field with an IANA name such as Europe/Moscow, or the place added to _data/datelinePlaces.json) [WD125]',
    'src/news/story.md:6: updated: "2013-09-01" is before the story\'s date 2013-09-02T15:40 (expected a later date or time) [WD127]',
    'src/news/story.md:8: corrections.1.date: "2013-09-02T10:00" is before the story\'s date 2013-09-02T15:40 (expected a later date or time) [WD127]',
  ]);
});

test("a field written Null or ~ is named with the word, from the file that wrote it; one left empty is only empty", () => {
  assert.deepEqual(problemsOf(story("title: Null\nlead:\ndate: 2013-09-02\ndateline: ~\n"), '{ "tags": [null] }'), [
    "src/news/story.md:2: title: got Null, which YAML reads as no value: put it in quotes (expected the headline) [WD121]",
    "src/news/story.md:3: lead: got an empty value (expected the standfirst: a sentence or two under the headline) [WD121]",
    "src/news/story.md:5: dateline: got ~, which YAML reads as no value: put it in quotes (expected the place as printed, e.g. MOSCOW) [WD121]",
    "src/news/story.11tydata.json:1: tags.1: got null, which YAML reads as no value: put it in quotes (expected a topic name) [WD121]",
  ]);
});

test("a \\n typed in double quotes is named as the escape it is, not also as a line break in the field", () => {
  assert.deepEqual(problemsOf(story('title: "Files at C:\\new"\nlead: B\ndate: 2013-09-02\ndateline: MOSCOW\n')), [
    `src/news/story.md:2: title: in double quotes YAML reads \\n as a line break or control character, not as a \\ and a letter (expected single quotes, which keep each \\ as typed: title: 'Files at C:\\new'; or each \\ written twice: title: "Files at C:\\\\new") [WD166]`,
  ]);
});

test("a timezone that is not one is its own problem: the place is not also looked up in its stead", () => {
  const text = story("title: A\nlead: B\ndate: 2013-09-02\ndateline: LITTLE NOWHERE\ntimezone: Europe/Londn\nupdated: 2013-09-01\n");
  assert.deepEqual(problemsOf(text), [
    'src/news/story.md:6: timezone: "Europe/Londn" is not a known time zone (expected an IANA name such as Europe/Moscow) [WD121]',
    'src/news/story.md:7: updated: "2013-09-01" is before the story\'s date 2013-09-02 (expected a later date or time) [WD127]',
  ]);
});

test("with the dateline missing, a timezone still dates the story and its updates", () => {
  const text = story("title: A\nlead: B\ndate: 2013-09-02T15:40\ntimezone: Europe/Moscow\nupdated: 2013-09-02T11:39Z\n");
  assert.deepEqual(problemsOf(text), [
    "src/news/story.md:1: dateline: missing (expected the place as printed, e.g. MOSCOW) [WD120]",
    'src/news/story.md:6: updated: "2013-09-02T11:39Z" is before the story\'s date 2013-09-02T15:40 (expected a later date or time) [WD127]',
  ]);
});

test("a story whose YAML cannot be read still has its text checked in the same read", () => {
  const read = readText(story('title: "Markets rise\nlead: A\n', "Shares rose.\n\n# Closing prices\n"));
  assert.deepEqual(read.problems.map(formatProblem), [
    'src/news/story.md:2: title: the " opened here is never closed, so the lines after it are read as part of this value (expected a closing " at the end of the value: title: "Markets rise") [WD110]',
  ]);
  assert.ok(read.readable);
  assert.equal(read.bodyLine, 5);
  assert.deepEqual(read.body, [{ line: 4, code: "WD133", message: "a # heading, which would stand beside the headline (expected ## for a heading in the story)" }]);
  // An empty text may be a withdrawn story's: only the fields can tell, so it waits for them.
  const empty = readText(story('title: "Markets rise\n', ""));
  assert.ok(empty.readable);
  assert.deepEqual(empty.body, []);
});

test("a draft whose YAML cannot be read stays a draft by its draft line as typed, so its problems only warn", () => {
  const slip = "title: Budget: first look\nlead: The budget is out.\ndate: 2013-09-02\ndateline: MOSCOW\n";
  const budget = readText(story(`${slip}draft: true\n`));
  assert.deepEqual(budget.problems.map(formatProblem), [
    'src/news/story.md:2: title: ": " inside an unquoted value reads as the start of another field (expected the whole value in quotes: title: "Budget: first look") [WD112]',
  ]);
  assert.ok(budget.readable && budget.draft);
  const tab = readText(story("title: Budget plans\ndraft: True # until legal reads it\nphoto:\n\tsrc: a.jpg\n"));
  assert.ok(tab.readable && tab.draft, "a tab's slip in a draft");
  // Only a top-level line saying true, typed once, makes a draft: a broken story that publishes still stops the build.
  for (const frontMatter of [slip, `${slip}draft: false\n`, `${slip}  draft: true\n`, `${slip}draft: "true"\n`, `${slip}draft: true\ndraft: false\n`]) {
    const read = readText(story(frontMatter));
    assert.ok(read.readable && !read.draft, frontMatter);
  }
  // The data file's draft counts when the story's front matter says nothing of it, as its fields do.
  const fromDataFile = readText(story(slip), '{ "draft": true }');
  assert.ok(fromDataFile.readable && fromDataFile.draft);
});

test("a story saved with Windows (CR LF), old Mac (CR) or mixed line breaks reads as it does with line feeds", () => {
  const endings = { "CR LF": (text: string) => text.replaceAll("\n", "\r\n"), CR: (text: string) => text.replaceAll("\n", "\r"), mixed: (text: string) => text.replace(/\n/g, (_, at: number) => ["\r\n", "\n", "\r"][at % 3] ?? "\n") };
  // The last line before the closing --- is where a CR would stay on the value.
  const talks = "title: Moscow hopes for further talks\nlead: Signs point to talks, Russia says\ndate: 2013-09-03\ndateline: MOSCOW\nsource: Itar-Tass\n";
  const stories = {
    tags: story(`${talks}tags: [North Korea, Diplomacy]\n`, "Moscow hopes for the resumption of talks,\nthe ministry said.\n\nTalks stalled in 2008.\n"),
    draft: story(`${talks}draft: true\n`),
    priority: story(`${talks}priority: 1\n`),
    problems: story(`${talks.replace("2013-09-03", "2013-02-30")}tags:\n  - Markets\n  - Brazil #1\n`, "Talks resumed.\n\n# Closing\n"),
    "a draft YAML cannot read": story(`${talks.replace("Moscow hopes", "Moscow: hopes")}draft: true\n`),
  };
  for (const [name, text] of Object.entries(stories)) {
    const withLineFeeds = readText(text);
    for (const [ending, write] of Object.entries(endings)) assert.deepEqual(readText(write(text)), withLineFeeds, `${name}, ${ending}`);
  }
  const tags = readText(stories.tags);
  assert.ok(tags.readable && tags.view);
  assert.deepEqual([tags.problems, tags.view.topics.map(({ name }) => name)], [[], ["North Korea", "Diplomacy"]]);
  assert.deepEqual(problemsOf(stories.problems).map((problem) => problem.split(" (")[0]), [
    'src/news/story.md:9: tags.2: unquoted, so YAML reads "#1" as a note, drops it and keeps only "Brazil"',
    'src/news/story.md:4: date: "2013-02-30" is not a real date',
  ]);
  const draft = readText(stories["a draft YAML cannot read"]);
  assert.ok(draft.readable && draft.draft);
});

test("a blank line or space before the opening --- is one problem at the --- line; the fields are read past it, at their own lines", () => {
  const fields = "title: Talks resume\nlead: Talks resumed.\ndate: 2013-02-30\ndateline: MOSCOW\n";
  assert.deepEqual(problemsOf(`\n\n${story(fields)}`), [
    "src/news/story.md:3: front matter: the file must start with --- (expected no blank line or space before it) [WD119]",
    'src/news/story.md:6: date: "2013-02-30" is not a real date (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z) [WD126]',
  ]);
  assert.deepEqual(problemsOf(`  ${story(fields)}`).map((problem) => problem.split(" (")[0]), [
    "src/news/story.md:1: front matter: the file must start with ---",
    'src/news/story.md:4: date: "2013-02-30" is not a real date',
  ]);
  // The text keeps its own lines too: its # heading is on its fourth line, the file's eleventh.
  const read = readText(` \r\n${story(fields.replace("2013-02-30", "2013-09-02"), "Talks resumed.\n\n# Closing\n")}`);
  assert.ok(read.readable);
  assert.equal(read.bodyLine, 8);
  assert.deepEqual(read.body.map((finding) => [finding.line, "code" in finding ? finding.code : finding.image]), [[4, "WD133"]]);
});

test("a byte order mark is reported with the story's other problems, read past it", () => {
  assert.deepEqual(problemsOf(`\uFEFF${story("title: Markets rise\nlead: A\ndate: 2013-02-30\ndateline: MOSCOW\n")}`), [
    "src/news/story.md:1: encoding: starts with a byte order mark, which hides the front matter (expected UTF-8 without BOM) [WD104]",
    'src/news/story.md:4: date: "2013-02-30" is not a real date (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z) [WD126]',
  ]);
});

test("an imported story without a lead has no standfirst and is described by its first sentence; the newsroom's own must have a lead", () => {
  const fields = "title: Shares rise\ndate: 2013-09-02\ndateline: MOSCOW\nsource: Itar-Tass\n";
  const wire = "wire:\n  id: urn:example:1\n  versionTime: 2013-09-02T15:40:00+04:00\n";
  const imported = readText(story(fields + wire, "Shares rose 2 percent in Sept. on the Moscow exchange. Traders were calm.\n"));
  assert.deepEqual(imported.problems, []);
  assert.ok(imported.readable && imported.view);
  assert.equal("lead" in imported.view, false);
  assert.equal(imported.view.description, "Shares rose 2 percent in Sept. on the Moscow exchange.");
  const own = readText(story(fields));
  assert.deepEqual(own.problems.map(formatProblem), [
    "src/news/story.md:1: lead: missing (expected the standfirst: a sentence or two under the headline; only a story imported from an agency, with its wire record, may go without one) [WD120]",
  ]);
});

test("a photo takes its rights from the story, else from the settings' entry of the agency its credit names; a bad licence link is refused at its line", () => {
  const apRights = { copyright: "© The Associated Press", usageTerms: "Editorial use only", license: "https://www.ap.org/terms", licensePage: "https://newsroom.ap.org/" };
  const bytes = Buffer.from(story('title: Talks\nlead: Talks began.\ndate: 2013-09-02\ndateline: MOSCOW\nphoto:\n  src: photo.jpg\n  alt: Lavrov at a lectern\n  credit: AP Photo/Evan Vucci\n  creator: Evan Vucci\n  copyright: "© 2013 The Associated Press"\n'));
  const read = readStoryFile({
    file: "src/news/story.md",
    fileSlug: "story",
    filePathStem: "/news/story",
    files: { size: bytes.length, bytes },
    site: storySettings({ ...site, agencies: [{ name: "Associated Press", also: ["AP"], photoRights: apRights }] }),
    datelinePlaces: places,
  });
  assert.ok(read.readable && "view" in read);
  assert.deepEqual(read.view?.photo, {
    alt: "Lavrov at a lectern",
    credit: "AP Photo/Evan Vucci",
    creator: "Evan Vucci",
    agency: "Associated Press",
    copyright: "© 2013 The Associated Press",
    usageTerms: "Editorial use only",
    license: "https://www.ap.org/terms",
    licensePage: "https://newsroom.ap.org/",
  });
  assert.deepEqual(problemsOf(story("title: Talks\nlead: Talks began.\ndate: 2013-09-02\ndateline: MOSCOW\nphoto:\n  src: photo.jpg\n  alt: Lavrov at a lectern\n  credit: AP Photo/Evan Vucci\n  license: www.ap.org/terms\n")), [
    `src/news/story.md:10: photo.license: "www.ap.org/terms" is not a web address (expected the full address of the licence's terms, e.g. https://creativecommons.org/licenses/by/4.0/) [WD159]`,
  ]);
});
