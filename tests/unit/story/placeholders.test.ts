import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { readArticle } from "../../../src/lib/story/article.ts";
import { collectArticles } from "../../../src/lib/story/collect-stories.ts";
import { CacheStore } from "../../../src/lib/cache/store.ts";
import { PhotoProcessor } from "../../../src/lib/media/photos.ts";
import { correctionPlaceholder, placeholderFields } from "../../../src/lib/model/placeholders.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import type { BuildSettings } from "../../../src/lib/model/publishing.ts";
import { writeStory } from "../../support/story-data.ts";

const folder = mkdtempSync(join(tmpdir(), "placeholders-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));
const build: BuildSettings = { moment: "2013-09-10T00:00:00Z", epochMs: Date.parse("2013-09-10T00:00:00Z"), showUnpublished: false };
const photos = new PhotoProcessor(new CacheStore(join(folder, "cache")));

const story = {
  title: "Moscow hopes for further talks",
  lead: "Signs point to contacts",
  date: "2013-09-02T15:40",
  dateline: "MOSCOW",
  source: "Itar-Tass",
  corrections: [
    { date: "2013-09-02T16:00", text: "An earlier version gave the wrong day." },
    { date: "2013-09-02T17:05", text: correctionPlaceholder("Itar-Tass") },
  ],
};

test("the import's placeholder is found wherever it is written, and an editor's words are not", () => {
  assert.deepEqual(placeholderFields(story), ["corrections.1.text"]);
  assert.deepEqual(placeholderFields({ ...story, corrections: [story.corrections[0]] }), []);
  assert.deepEqual(placeholderFields({ lead: `  ${correctionPlaceholder("AP")}` }), ["lead"]);
});

test("a story still holding the import's placeholder is kept off the site as a draft, the field named in the report", async () => {
  const held = await readArticle(...writeStory({ folder, slug: "held", fields: story, body: "Moscow hopes.\n", build, photos }));
  assert.equal(held.valid, false);
  assert.equal(!held.valid && held.draft, true, "a draft, though the file does not say draft: true");
  const { stories, report } = collectArticles([held], build);
  assert.deepEqual(stories, []);
  assert.deepEqual(report.errors, [], "a draft never blocks the desk");
  assert.deepEqual(report.warnings.map((problem) => formatProblem(problem).replace(`${folder}/`, "")), [
    "held.md:11: corrections.2.text: still the wire import's placeholder (expected words of your own for readers; the story stays a draft until then) [WD124]",
  ]);

  const worded = { ...story, corrections: [story.corrections[0], { date: "2013-09-02T17:05", text: "An earlier version misnamed the minister." }] };
  const published = await readArticle(...writeStory({ folder, slug: "worded", fields: worded, body: "Moscow hopes.\n", build, photos }));
  assert.ok(published.valid && published.state === "published", JSON.stringify(published));
});
