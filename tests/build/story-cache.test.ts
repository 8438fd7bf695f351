import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { buildFixtureInProcess, buildFixtureSite, makeFixtureSite, type BuildRun } from "../support/fixture-site.ts";

function story(fields: string, body = "First paragraph.\n\nSecond paragraph.\n"): string {
  return `---\n${fields.trim()}\n---\n\n${body}`;
}

function svg(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"></svg>`;
}

/** A small newsroom with every kind of input a read depends on, and a draft with a problem of every kind. */
const newsroom: Record<string, string> = {
  "senate-budget.md": story(`
title: Senate passes the budget late at night
lead: The vote came just before midnight.
date: 2013-09-02T23:30
dateline: WASHINGTON
source: AP
tags: [Budget, Congress]
updated: 2013-09-03T08:00
corrections:
  - date: 2013-09-03
    text: The vote was 52 to 48.
`),
  // Fields in a data file, and a photo.
  "talks/index.md": "Moscow hopes for further talks.\n",
  "talks/index.11tydata.json": JSON.stringify({
    title: "Talks resume in Moscow",
    lead: "A date-only story with its fields in a data file.",
    date: "2013-09-02",
    dateline: "MOSCOW",
    source: "Itar-Tass",
    photo: { src: "photo.svg", alt: "A grey square", credit: "Photo Wire Desk" },
  }),
  "talks/photo.svg": svg(1600, 1200),
  // An image in the body, published beside the page.
  "markets/index.md": story(
    "title: Markets rally in Tokyo\nlead: Stocks rose for a third day.\ndate: 2013-09-03T09:15\ndateline: TOKYO",
    "Stocks rose.\n\n![A chart of the index](chart.svg)\n",
  ),
  "markets/chart.svg": svg(640, 360),
  // Embargoed at the first build moment, published at the second.
  "ceasefire.md": story("title: Ceasefire envoys convene\nlead: Envoys meet behind closed doors.\ndate: 2013-09-12T10:00\ndateline: GENEVA"),
  // Only warnings: a draft's problems, each at its line, from the fields, the dates, the photo and the body.
  "harbour.md": story(
    'title: Harbour plans\nlead: ""\ndate: 2013-02-30\ndateline: GOTHAM\ndraft: true\nphoto:\n  src: missing.jpg\n  alt: A quay\n  credit: Photo Wire Desk',
    "Cranes stand idle.\n\n![](nowhere.png)\n",
  ),
};

const FIRST_MOMENT = { BUILD_MOMENT: "2013-09-10T12:00Z" };
const SECOND_MOMENT = { BUILD_MOMENT: "2013-09-13T00:00Z" };

/** Every file the build wrote, by its path in the site. */
function siteFiles(root: string): Map<string, Buffer> {
  const site = join(root, "_site");
  const paths = readdirSync(site, { recursive: true, encoding: "utf8" }).filter((path) => statSync(join(site, path)).isFile());
  return new Map(paths.sort().map((path) => [path, readFileSync(join(site, path))]));
}

function assertSameSite(actual: Map<string, Buffer>, expected: Map<string, Buffer>, what: string): void {
  assert.deepEqual([...actual.keys()], [...expected.keys()], `${what}: the same files`);
  for (const [path, bytes] of expected) assert.ok(actual.get(path)?.equals(bytes), `${what}: ${path} differs`);
}

/** What the build said of the stories: the problem groups' titles and each problem's line. */
function storyReport(run: BuildRun): string[] {
  return run.output.split("\n").filter((line) => /^src\/news\/[^:]+:\d+: |^\d+ problems? in /.test(line));
}

/** The stories' part of the build's one cache line, and what went wrong with their area, if anything. */
function cacheLines(run: BuildRun): string[] {
  const line = run.output.split("\n").find((each) => each.startsWith("cache .cache: ")) ?? "";
  return line.slice("cache .cache: ".length).split("; ").filter((part) => part.startsWith("stories ") || part.includes(".cache/stories"));
}

async function build(root: string, env: Readonly<Record<string, string>>, expectedStatus = 0): Promise<BuildRun> {
  const run = await buildFixtureInProcess(root, env);
  assert.equal(run.status, expectedStatus, run.output);
  return run;
}

function writeStories(root: string, stories: Readonly<Record<string, string>>): void {
  for (const [path, content] of Object.entries(stories)) writeFileSync(join(root, "src", "news", path), content);
}

/** A build without kept reads: the last build's are removed first. */
async function buildUncached(root: string, env: Readonly<Record<string, string>>, expectedStatus = 0): Promise<BuildRun> {
  rmSync(join(root, ".cache", "stories"), { recursive: true, force: true });
  const run = await build(root, env, expectedStatus);
  assert.match(cacheLines(run).join("\n"), /^stories \d+ read, 0 reused$/);
  return run;
}

test("a build that reuses stories' reads writes and reports exactly what a build without them does", async () => {
  const cached = makeFixtureSite(newsroom);
  const fresh = makeFixtureSite(newsroom);

  const first = await build(cached, FIRST_MOMENT);
  const second = await build(cached, FIRST_MOMENT);
  assert.deepEqual(cacheLines(second), ["stories 0 read, 5 reused"]);
  const reference = await buildUncached(fresh, FIRST_MOMENT);
  assertSameSite(siteFiles(cached), siteFiles(fresh), "the second build, from kept reads");
  const warnings = storyReport(reference);
  assert.ok(warnings.length >= 6, reference.output);
  assert.match(warnings[0] ?? "", /problems in drafts/);
  assert.deepEqual(storyReport(first), warnings);
  assert.deepEqual(storyReport(second), warnings);

  // A story's text, a data file and a photo change, and the moment moves past the embargo.
  const edits = {
    "senate-budget.md": newsroom["senate-budget.md"]?.replace("First paragraph.", "The first paragraph, rewritten.") ?? "",
    "talks/index.11tydata.json": newsroom["talks/index.11tydata.json"]?.replace("Talks resume in Moscow", "Talks resume in Moscow on Monday") ?? "",
    "talks/photo.svg": svg(1800, 1200),
  };
  writeStories(cached, edits);
  writeStories(fresh, edits);
  const edited = await build(cached, SECOND_MOMENT);
  // The photo is no part of a read: it is converted, and published, by every build. The edited stories' old reads go.
  assert.deepEqual(cacheLines(edited), ["stories 2 read, 3 reused, 2 removed"]);
  const editedReference = await buildUncached(fresh, SECOND_MOMENT);
  const site = siteFiles(cached);
  assertSameSite(site, siteFiles(fresh), "after the edits");
  assert.match(site.get("news/2013/09/02/talks.html")?.toString() ?? "", /<h1>Talks resume in Moscow on Monday<\/h1>[\s\S]*width="1800" height="1200"/);
  assert.match(site.get("news/2013/09/02/senate-budget.html")?.toString() ?? "", /The first paragraph, rewritten\./);
  assert.ok(site.has("news/2013/09/12/ceasefire.html"), "the embargo lifted for the kept read too");
  assert.deepEqual(storyReport(edited), storyReport(editedReference));

  // A story that stops the build: every error, at its line, as without kept reads.
  const broken = { "port.md": story("title: Port reopens\ndatline: VALENCIA\ndate: 2024-02-30\nlead: Ships sail again.", "VALENCIA, Ships sail.\n") };
  writeStories(cached, broken);
  writeStories(fresh, broken);
  const failed = await build(cached, SECOND_MOMENT, 1);
  assert.deepEqual(cacheLines(failed), ["stories 1 read, 5 reused"]);
  const failedReference = await buildUncached(fresh, SECOND_MOMENT, 1);
  assert.match(storyReport(failedReference).join("\n"), /^src\/news\/port\.md:3: datline: unknown field/m);
  assert.deepEqual(storyReport(failed), storyReport(failedReference));
});

test("damaged kept reads, and a cache folder that cannot be written, never change the site; the build says so once", async () => {
  const root = makeFixtureSite(newsroom);
  await build(root, FIRST_MOMENT);
  const expected = siteFiles(root);
  const folder = join(root, ".cache", "stories");
  const entries = readdirSync(folder).filter((name) => name !== "index.json" && name !== "note.json").sort().map((name) => join(folder, name));
  assert.equal(entries.length, 5);
  const [truncated = "", garbled = "", otherFormat = "", misplaced = "", source = ""] = entries;
  const text = readFileSync(truncated, "utf8");
  writeFileSync(truncated, text.slice(0, text.length / 2));
  const bytes = readFileSync(garbled);
  bytes.set([bytes[bytes.length - 20] === 0x41 ? 0x42 : 0x41], bytes.length - 20);
  writeFileSync(garbled, bytes);
  // An entry without its first line, the story's name.
  writeFileSync(otherFormat, readFileSync(otherFormat, "utf8").split("\n").slice(1).join("\n"));
  // A whole entry, but another story's: it must not become this story's page.
  writeFileSync(misplaced, readFileSync(source));

  const damaged = await build(root, FIRST_MOMENT);
  assert.deepEqual(cacheLines(damaged), [
    "stories 4 read, 1 reused",
    "4 damaged entries in .cache/stories ignored and made again",
  ]);
  assertSameSite(siteFiles(root), expected, "with damaged entries");
  assert.deepEqual(cacheLines(await build(root, FIRST_MOMENT)), ["stories 0 read, 5 reused"], "the entries were written anew");

  // A regular file where the folder should be (tests run as root, so permissions would not stop a write).
  rmSync(folder, { recursive: true });
  writeFileSync(folder, "not a folder");
  const unwritable = await build(root, FIRST_MOMENT);
  const [summary, warning, ...more] = cacheLines(unwritable);
  assert.equal(summary, "stories 5 read, 0 reused");
  assert.match(warning ?? "", /^could not write \.cache\/stories \(E[A-Z]+\), so the next build makes these stories again$/);
  assert.deepEqual(more, []);
  assertSameSite(siteFiles(root), expected, "with a cache folder that cannot be written");
});

// The build command of the copy, whose own code is changed here: a build in this process would run this project's.
test("reads kept by older code are not reused: a change to the reading code reaches every page", () => {
  const root = makeFixtureSite(newsroom);
  assert.equal(buildFixtureSite(root, "UTC", FIRST_MOMENT).status, 0);
  const dateline = join(root, "src", "lib", "story", "dateline.ts");
  const code = readFileSync(dateline, "utf8");
  assert.match(code, /day: formatDatelineDay\(date, style\.locale\)/);
  writeFileSync(dateline, code.replace("day: formatDatelineDay(date, style.locale)", "day: `${formatDatelineDay(date, style.locale)}!`"));
  const run = buildFixtureSite(root, "UTC", FIRST_MOMENT);
  assert.equal(run.status, 0, run.output);
  // The reads the older code made go.
  assert.deepEqual(cacheLines(run), ["stories 5 read, 0 reused, 5 removed"]);
  assert.match(readFileSync(join(root, "_site", "news", "2013", "09", "02", "senate-budget.html"), "utf8"), /<span>WASHINGTON,<\/span> <span>September 2!<\/span>/);
});
