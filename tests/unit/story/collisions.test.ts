import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { stringify } from "yaml";
import { collectArticles, readStories } from "../../../src/lib/story/collect-stories.ts";
import { CacheStore } from "../../../src/lib/cache/store.ts";
import { PhotoProcessor } from "../../../src/lib/media/photos.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import type { BuildSettings } from "../../../src/lib/model/publishing.ts";
import { readContext } from "../../support/story-data.ts";

const root = mkdtempSync(join(tmpdir(), "collisions-test-"));
after(() => rmSync(root, { recursive: true, force: true }));
const build: BuildSettings = { moment: "2024-04-01T00:00:00Z", epochMs: Date.parse("2024-04-01T00:00:00Z"), showUnpublished: false };
const photos = new PhotoProcessor(new CacheStore(join(root, "cache")));

/** A newsroom of its own: each story file at its path under src/news/, dated as given. */
async function newsroom(name: string, stories: Record<string, string>): Promise<{ urls: string[]; errors: string[] }> {
  const inputDir = join(root, name, "src");
  const newsDir = join(inputDir, "news");
  for (const [path, date] of Object.entries(stories)) {
    const file = join(newsDir, path);
    mkdirSync(join(file, ".."), { recursive: true });
    const fields = { title: "Café Müller reopens", lead: "The dance café opens again", date, dateline: "BERLIN" };
    writeFileSync(file, `---\n${stringify(fields)}---\nThe café reopened.\n`);
  }
  const { stories: shown, report } = collectArticles(await readStories(newsDir, inputDir, readContext(build, photos)), build);
  return { urls: shown.map(({ url }) => url).sort(), errors: report.errors.map((problem) => formatProblem(problem).replaceAll(`${newsDir}/`, "")) };
}

test("a story's address is its file or folder name by the slug rule, a leading date left out", async () => {
  const { urls, errors } = await newsroom("names", {
    "Café Müller reopens.md": "2024-03-14",
    "2024-03-15-Cafe_Muller_Reopens.md": "2024-03-15",
    "Café Müller/index.md": "2024-03-16",
    "moscow-denuclearization-talks/index.md": "2024-03-16",
    "ru/Переговоры в Москве.md": "2024-03-16",
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(urls, [
    "/news/2024/03/14/cafe-muller-reopens.html",
    "/news/2024/03/15/cafe-muller-reopens.html",
    "/news/2024/03/16/cafe-muller.html",
    "/news/2024/03/16/moscow-denuclearization-talks.html",
    "/news/2024/03/16/peregovory-v-moskve.html",
  ]);
});

test("two files whose names make one address on one day are refused, naming both files and the address", async () => {
  const { errors } = await newsroom("clash", {
    "Café Müller reopens.md": "2024-03-14",
    "cafe-muller-reopens.md": "2024-03-14",
    "2024-03-14-cafe-muller-reopens/index.md": "2024-03-14",
  });
  // Each later file (in file order) names the first, which keeps the address until one is renamed.
  assert.deepEqual(errors, [
    "Café Müller reopens.md:1: url: publishes to news/2024/03/14/cafe-muller-reopens.html, as 2024-03-14-cafe-muller-reopens/index.md does: both names make that address on that day (expected one story per address: rename one of the two files) [WD150]",
    "cafe-muller-reopens.md:1: url: publishes to news/2024/03/14/cafe-muller-reopens.html, as 2024-03-14-cafe-muller-reopens/index.md does: both names make that address on that day (expected one story per address: rename one of the two files) [WD150]",
  ]);
});

test("a name with nothing to spell in ASCII is the story's problem, with its other problems", async () => {
  const inputDir = join(root, "empty", "src");
  const newsDir = join(inputDir, "news");
  mkdirSync(newsDir, { recursive: true });
  writeFileSync(join(newsDir, "🔥.md"), `---\n${stringify({ title: "Fire", lead: "A fire", dateline: "BERLIN" })}---\nText.\n`);
  const { report } = collectArticles(await readStories(newsDir, inputDir, readContext(build, photos)), build);
  assert.deepEqual(report.errors.map((problem) => formatProblem(problem).replaceAll(`${newsDir}/`, "")), [
    '🔥.md:1: file: the name "🔥" makes no address: nothing in it can be spelled in ASCII letters or digits (expected a file or folder name such as markets: rename it) [WD101]',
    "🔥.md:1: date: missing (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z) [WD120]",
  ]);
});
