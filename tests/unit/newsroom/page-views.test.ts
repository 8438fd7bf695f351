import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { CacheStore } from "../../../src/lib/cache/store.ts";
import { PhotoProcessor } from "../../../src/lib/media/photos.ts";
import type { StoryReport } from "../../../src/lib/model/story-report.ts";
import type { ArticleView } from "../../../src/lib/model/story-view.ts";
import { buildNewsroom } from "../../../src/lib/newsroom/newsroom.ts";
import { pageViews } from "../../../src/lib/newsroom/page-views.ts";
import { readArticle } from "../../../src/lib/story/article.ts";
import { StoryCache } from "../../../src/lib/story/story-cache.ts";
import { writeStory } from "../../support/story-data.ts";
import { buildAt, site } from "../../support/story-views.ts";

const folder = mkdtempSync(join(tmpdir(), "page-views-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));

const NO_PROBLEMS: StoryReport = { errors: [], warnings: [], notices: [], withheld: [] };
const build = buildAt("2013-09-10T00:00:00Z");
const photos = new PhotoProcessor(new CacheStore(join(folder, "photo-cache")));
/** A build's story cache, and the dev server's, which keeps its stories (frozen) for its rebuilds. */
const caches = { build: new StoryCache(new CacheStore(join(folder, "cache")), { keepInMemory: false }), "dev server": new StoryCache(new CacheStore(join(folder, "dev-cache")), { keepInMemory: true }) };

/** A story read as a build reads it, through the story cache, so it has its digest. */
async function read(slug: string, title: string, date: string, body = "The text.\n", storyCache = caches.build): Promise<ArticleView> {
  const fields = { title, lead: `The lead of ${title}.`, date, dateline: "MOSCOW", tags: ["Diplomacy"] };
  const article = await readArticle(...writeStory({ folder, slug, fields, body, build, photos, storyCache }));
  assert.ok(article.valid && "headline" in article, slug);
  return article;
}

/** Each story page's view (as JSON) and what the plan knows it by, by URL. */
function storyPages(stories: ArticleView[], settings = site): Map<string, { view: string; madeFrom: string | undefined }> {
  const newsroom = buildNewsroom({ stories, withdrawn: [], report: NO_PROBLEMS }, settings, build);
  return new Map(pageViews(newsroom, settings).stories.map((page) => [page.url, { view: JSON.stringify(page.view()), madeFrom: page.madeFrom() }]));
}

for (const [reader, cache] of Object.entries(caches)) {
  test(`a story's page is known by what its view is made from: the same parts, the same view; a change the view shows, another (the ${reader}'s stories)`, async () => {
    const older = await read("older", "Talks planned", "2013-09-01T10:00", undefined, cache);
    const talks = await read("talks", "Talks resume", "2013-09-02T10:00", undefined, cache);
    assert.equal(Object.isFrozen(talks), cache === caches["dev server"]);
    const before = storyPages([talks, older]);
    for (const { madeFrom } of before.values()) assert.match(madeFrom ?? "", /^[0-9a-f]{64}$/);
    assert.deepEqual(storyPages([talks, older]), before, "made again from the same stories and settings");

    // The older story's body: its own page changes; the newer one, which shows only its headline, address and date, does not.
    const body = storyPages([talks, await read("older", "Talks planned", "2013-09-01T10:00", "Other text.\n", cache)]);
    const changed = (after: typeof before) => [...after].filter(([url, page]) => page.madeFrom !== before.get(url)?.madeFrom).map(([url]) => url);
    assert.deepEqual(changed(body), [older.url]);
    for (const [url, page] of body) assert.equal(page.view === before.get(url)?.view, page.madeFrom === before.get(url)?.madeFrom, `${url}: its view changed exactly when what it is made from did`);

    // Its headline: both pages, as the newer one ends with it.
    const headline = storyPages([talks, await read("older", "Talks planned for Geneva", "2013-09-01T10:00", undefined, cache)]);
    assert.deepEqual(changed(headline).sort(), [older.url, talks.url].sort());
    // The settings: every page.
    assert.deepEqual(changed(storyPages([talks, older], { ...site, name: "Wire Desk Daily" })).sort(), [older.url, talks.url].sort());
    // A copy made to change a story has no digest: its page is known by its view.
    assert.equal(storyPages([{ ...talks }, older]).get(talks.url)?.madeFrom, undefined);
  });
}
