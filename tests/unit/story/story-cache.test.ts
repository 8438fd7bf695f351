import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { setTimeout } from "node:timers/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { articleDigest, readArticle, type ReadContext, type StoryLocation } from "../../../src/lib/story/article.ts";
import { readStoryFile, storySettings, type StoryInput } from "../../../src/lib/story/read-story.ts";
import { storyStamp } from "../../../src/lib/story/story-source.ts";
import { StoryCache } from "../../../src/lib/story/story-cache.ts";
import { CacheStore } from "../../../src/lib/cache/store.ts";
import { PhotoProcessor } from "../../../src/lib/media/photos.ts";
import type { BuildSettings } from "../../../src/lib/model/publishing.ts";
import { writeStory } from "../../support/story-data.ts";

const folder = mkdtempSync(join(tmpdir(), "story-cache-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(join(folder, "photo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"></svg>');
writeFileSync(join(folder, "chart.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"></svg>');
const photos = new PhotoProcessor(new CacheStore(join(folder, "photo-cache")));

/** The stores of the story caches below, for their summary lines. */
const stores = new Map<StoryCache, CacheStore>();

/** A story cache in a store of its own at `root` (its entries in root/stories/), as a new process makes it. */
function storyCacheIn(root: string, options?: { keepInMemory?: boolean }): StoryCache {
  const store = new CacheStore(root);
  const cache = new StoryCache(store, options);
  stores.set(cache, store);
  return cache;
}

const summary = (cache: StoryCache): string | undefined => stores.get(cache)?.summary();

/** The entries a store at `root` keeps for stories. */
const entries = (root: string): string[] => readdirSync(join(root, "stories")).filter((name) => name.endsWith(".json") && name !== "index.json" && name !== "note.json");

function buildAt(moment: string): BuildSettings {
  return { moment, epochMs: Date.parse(moment), showUnpublished: false };
}

/** A story file with these fields as front matter: readArticle's arguments for it. */
function storyData(slug: string, fields: Record<string, unknown>, body: string, build: BuildSettings, storyCache?: StoryCache): [StoryLocation, ReadContext] {
  return writeStory({ folder, slug, fields, body, build, photos, storyCache });
}

const talks = {
  title: "Moscow hopes for further talks",
  lead: "Signs point to contacts",
  date: "2013-09-10T09:00",
  dateline: "MOSCOW",
  updated: "2013-09-10T09:30",
  corrections: [{ date: "2013-09-10T09:45", text: "A name was misspelled." }],
  tags: ["Diplomacy"],
  photo: { src: "photo.svg", alt: "Stand-in", credit: "Photo EPA/ITAR-TASS" },
};
const body = "Moscow hopes.\n\n![A chart](chart.svg)\n";

test("a kept read gives the view a fresh read gives; the build moment decides its state only after", async () => {
  const cacheFolder = join(folder, "kept");
  const before = buildAt("2013-09-10T04:00:00Z");
  const after = buildAt("2013-09-11T00:00:00Z");
  const first = storyCacheIn(cacheFolder);
  const fresh = await readArticle(...storyData("talks", talks, body, before, first));
  assert.equal(summary(first), `cache ${cacheFolder}: stories 1 read, 0 reused`);
  assert.ok(fresh.valid && fresh.state === "embargoed", JSON.stringify(fresh));

  // A new process: the read comes from disk, and the later build moment publishes it.
  const second = storyCacheIn(cacheFolder);
  const kept = await readArticle(...storyData("talks", talks, body, after, second));
  assert.equal(summary(second), `cache ${cacheFolder}: stories 0 read, 1 reused`);
  assert.deepEqual(kept, await readArticle(...storyData("talks", talks, body, after)));
  assert.ok(kept.valid && kept.state === "published");
});

test("a withdrawn story's kept read gives the notice a fresh read gives, and a story withdrawn since is read again", async () => {
  const cacheFolder = join(folder, "withdrawn");
  const build = buildAt("2013-09-11T00:00:00Z");
  const withdrawal = { withdrawn: "2013-09-10T15:00", date: talks.date, dateline: talks.dateline, wire: { id: "urn:x", versionTime: "2013-09-10T15:00" } };
  const first = storyCacheIn(cacheFolder);
  await readArticle(...storyData("killed", talks, body, build, first));
  const fresh = await readArticle(...storyData("killed", withdrawal, "", build, first));
  assert.equal(summary(first), `cache ${cacheFolder}: stories 2 read, 0 reused`);
  assert.ok(fresh.valid && fresh.state === "withdrawn", JSON.stringify(fresh));
  const second = storyCacheIn(cacheFolder);
  assert.deepEqual(await readArticle(...storyData("killed", withdrawal, "", build, second)), fresh);
  assert.equal(summary(second), `cache ${cacheFolder}: stories 0 read, 1 reused`);
});

test("a story's problems, draft or not, are the same from a kept read, each at its line", async () => {
  const cacheFolder = join(folder, "problems");
  const broken = { ...talks, draft: true, lead: "", date: "2013-02-30", photo: { ...talks.photo, src: "missing.jpg" } };
  const brokenBody = "Moscow hopes.\n\n![](nowhere.png)\n";
  const build = buildAt("2013-09-11T00:00:00Z");
  const expected = await readArticle(...storyData("broken", broken, brokenBody, build));
  assert.ok(!expected.valid && expected.draft, JSON.stringify(expected));
  assert.deepEqual(expected.problems.map(({ field, line }) => `${line} ${field}`), ["3 lead", "4 date", "13 photo.src", "20 body", "20 body"]);
  const first = storyCacheIn(cacheFolder);
  await readArticle(...storyData("broken", broken, brokenBody, build, first));
  const cache = storyCacheIn(cacheFolder);
  assert.deepEqual(await readArticle(...storyData("broken", broken, brokenBody, build, cache)), expected);
  assert.equal(summary(cache), `cache ${cacheFolder}: stories 0 read, 1 reused`);
});

test("a read held in memory is shared by the builds that reuse it, and frozen: changing it throws, so no build changes another's", async () => {
  const cache = storyCacheIn(join(folder, "memory"));
  const build = buildAt("2013-09-11T00:00:00Z");
  const first = await readArticle(...storyData("memory", talks, body, build, cache));
  assert.ok(first.valid && first.state !== "withdrawn");
  assert.throws(() => {
    first.corrections.length = 0;
  }, TypeError);
  assert.throws(() => {
    first.published.display = "changed";
  }, TypeError);
  const [location, context] = storyData("memory", talks, body, build, cache);
  const second = await readArticle(location, context);
  assert.equal(second, first, "the same read, finished the same way, is the same article");
  assert.equal(second.corrections.length, 1);
  assert.equal(second.published.display, "September 10, 2013, 09:00 MSK");
  assert.equal(summary(cache), `cache ${join(folder, "memory")}: stories 1 read, 1 reused`);
  // An earlier build moment, which holds it under embargo, finishes the same read into another article.
  const held = await readArticle(location, { ...context, build: buildAt("2013-09-10T04:00:00Z") });
  assert.ok(held.valid && "state" in held && held.state === "embargoed");
  assert.notEqual(held, first);
});

test("a story whose files have not changed since it was read (by their stamp) is recalled without a byte read; any change, or other settings, reads it again", async () => {
  const cache = storyCacheIn(join(folder, "recall"));
  const build = buildAt("2013-09-11T00:00:00Z");
  const [location, context] = storyData("recall", talks, body, build, cache);
  const dataFile = location.file.replace(/\.md$/, ".11tydata.json");
  writeFileSync(dataFile, "{}");
  const settings = { site: storySettings(context.site), datelinePlaces: context.datelinePlaces };
  await readArticle(location, context);
  // Just written: its times cannot yet tell a change in the same clock tick apart, so it is not known by them.
  assert.equal(storyStamp(location.file), undefined);
  assert.equal(cache.recall(location, settings), undefined);
  await setTimeout(2100);
  const stamp = storyStamp(location.file);
  assert.ok(stamp !== undefined);
  assert.equal(storyStamp(location.file), stamp);
  const read = await readArticle(location, context);
  const recalled = cache.recall(location, settings);
  assert.ok(recalled?.readable && recalled.view?.headline === "Moscow hopes for further talks");
  assert.equal(await readArticle(location, context), read, "recalled, and finished into the same article");
  assert.equal(cache.recall(location, { ...settings, site: { ...settings.site, maxStoryBytes: 10 } }), undefined);

  // Its data file gone changes its stamp; a folder listing that shows none is taken at its word.
  rmSync(dataFile);
  assert.ok(storyStamp(location.file) !== undefined && storyStamp(location.file) !== stamp);
  assert.equal(storyStamp(location.file, false), storyStamp(location.file));
  assert.equal(cache.recall(location, settings), undefined);
  await readArticle(location, context);
  assert.ok(cache.recall({ ...location, dataFileListed: false }, settings)?.readable);
  // The same bytes written again change it too (to none at all, as the write is too recent to tell from a later one).
  writeFileSync(location.file, readFileSync(location.file));
  assert.equal(storyStamp(location.file), undefined);
  assert.equal(cache.recall(location, settings), undefined);
  rmSync(location.file);
  assert.equal(storyStamp(location.file), undefined);
});

test("a rebuild reuses a read it holds in memory without its entry, and writes the entry again if it went", async () => {
  const cacheFolder = join(folder, "held");
  const cache = storyCacheIn(cacheFolder);
  const build = buildAt("2013-09-11T00:00:00Z");
  const first = await readArticle(...storyData("held", talks, body, build, cache));
  rmSync(cacheFolder, { recursive: true, force: true });
  stores.get(cache)?.startBuild();
  assert.deepEqual(await readArticle(...storyData("held", talks, body, build, cache)), first);
  cache.prune();
  assert.equal(summary(cache), `cache ${cacheFolder}: stories 0 read, 1 reused`);
  // Written again: the next process reuses it from disk.
  const next = storyCacheIn(cacheFolder, { keepInMemory: false });
  assert.deepEqual(await readArticle(...storyData("held", talks, body, build, next)), first);
  assert.equal(summary(next), `cache ${cacheFolder}: stories 0 read, 1 reused`);
});

test("a build that keeps no reads in memory reuses them from disk alone", async () => {
  const cacheFolder = join(folder, "disk-only");
  const cache = storyCacheIn(cacheFolder, { keepInMemory: false });
  const build = buildAt("2013-09-11T00:00:00Z");
  const first = await readArticle(...storyData("disk-only", talks, body, build, cache));
  assert.deepEqual(await readArticle(...storyData("disk-only", talks, body, build, cache)), first);
  assert.equal(summary(cache), `cache ${cacheFolder}: stories 1 read, 1 reused`);
  // With its entry gone, the story is read again: nothing was kept in memory.
  rmSync(cacheFolder, { recursive: true, force: true });
  await readArticle(...storyData("disk-only", talks, body, build, cache));
  assert.equal(summary(cache), `cache ${cacheFolder}: stories 2 read, 1 reused`);
});

test("a changed story is read again, and the prune leaves only its new entry", async () => {
  const cacheFolder = join(folder, "replaced");
  const cache = storyCacheIn(cacheFolder);
  const build = buildAt("2013-09-11T00:00:00Z");
  await readArticle(...storyData("replaced", talks, body, build, cache));
  const changed = await readArticle(...storyData("replaced", { ...talks, title: "Talks resume" }, body, build, cache));
  assert.ok(changed.valid && changed.state !== "withdrawn" && changed.headline === "Talks resume");
  assert.equal(summary(cache), `cache ${cacheFolder}: stories 2 read, 0 reused`);
  // The next build reaches only the new read: the old one goes.
  stores.get(cache)?.startBuild();
  await readArticle(...storyData("replaced", { ...talks, title: "Talks resume" }, body, build, cache));
  cache.prune();
  assert.equal(summary(cache), `cache ${cacheFolder}: stories 0 read, 1 reused, 1 removed`);
  assert.equal(entries(cacheFolder).length, 1);
});

test("a build's prune removes the entries of stories it did not read (deleted or renamed), and keeps the others", async () => {
  const cacheFolder = join(folder, "pruned");
  const build = buildAt("2013-09-11T00:00:00Z");
  const first = storyCacheIn(cacheFolder);
  await readArticle(...storyData("kept-story", talks, body, build, first));
  await readArticle(...storyData("deleted-story", { ...talks, title: "Talks end" }, body, build, first));
  first.prune();
  assert.equal(entries(cacheFolder).length, 2);

  // The next build no longer finds deleted-story: its entry goes, the other is reused and stays.
  const second = storyCacheIn(cacheFolder);
  await readArticle(...storyData("kept-story", talks, body, build, second));
  second.prune();
  assert.equal(summary(second), `cache ${cacheFolder}: stories 0 read, 1 reused, 1 removed`);
  assert.equal(entries(cacheFolder).length, 1);
  const third = storyCacheIn(cacheFolder);
  await readArticle(...storyData("kept-story", talks, body, build, third));
  assert.equal(summary(third), `cache ${cacheFolder}: stories 0 read, 1 reused`);
});

test("an article finished from a kept read has a digest that stands for it: the same in a new process, another when the story, its state or its problems differ", async () => {
  const cacheFolder = join(folder, "digest");
  const published = buildAt("2013-09-11T00:00:00Z");
  const digestOf = async (fields: Record<string, unknown>, build: BuildSettings, cache: StoryCache | undefined) => articleDigest(await readArticle(...storyData("digest", fields, body, build, cache)));
  const first = await digestOf(talks, published, storyCacheIn(cacheFolder, { keepInMemory: false }));
  assert.match(first ?? "", /^[0-9a-f]{64}$/);
  assert.equal(await digestOf(talks, published, storyCacheIn(cacheFolder, { keepInMemory: false })), first);
  assert.equal(await digestOf(talks, published, storyCacheIn(cacheFolder)), first, "the dev server's frozen article has the same");
  const others = [
    await digestOf(talks, buildAt("2013-09-10T04:00:00Z"), storyCacheIn(cacheFolder)),
    await digestOf({ ...talks, title: "Talks resume" }, published, storyCacheIn(cacheFolder)),
    // The same read finished at two moments: with an update still to come (a problem), then without.
    await digestOf({ ...talks, updated: "2013-09-12T09:30" }, published, storyCacheIn(cacheFolder)),
    await digestOf({ ...talks, updated: "2013-09-12T09:30" }, buildAt("2013-09-13T00:00:00Z"), storyCacheIn(cacheFolder)),
  ];
  assert.equal(new Set([first, ...others]).size, 5);
  assert.equal(await digestOf(talks, published, undefined), undefined, "a read no cache gave has none: its JSON is hashed");
});

test("a build in a new process knows a story unchanged since the last build's journal by its stamp; a change, other settings or a lost entry read it again", async () => {
  const cacheFolder = join(folder, "journal");
  const build = buildAt("2013-09-11T00:00:00Z");
  const [location, context] = storyData("journal", talks, body, build);
  const settings = { site: storySettings(context.site), datelinePlaces: context.datelinePlaces };
  // Its times settle: a file changed in the last two seconds has no stamp to go by.
  await setTimeout(2100);
  const first = storyCacheIn(cacheFolder, { keepInMemory: false });
  const read = await readArticle(location, { ...context, storyCache: first });
  assert.equal(first.recall(location, settings), undefined, "no build has kept a journal yet");
  const unfinished = storyCacheIn(cacheFolder, { keepInMemory: false });
  assert.equal(unfinished.recall(location, settings), undefined, "a journal is kept only by a build's prune, once every story is read");
  first.prune();

  const second = storyCacheIn(cacheFolder, { keepInMemory: false });
  const recalled = second.recall(location, settings);
  assert.ok(recalled?.readable && recalled.view?.headline === talks.title, JSON.stringify(recalled));
  assert.deepEqual(await readArticle(location, { ...context, storyCache: second }), read);
  assert.equal(summary(second), `cache ${cacheFolder}: stories 0 read, 2 reused`);
  assert.equal(second.recall({ ...location, filePathStem: "/news/elsewhere" }, settings), undefined, "named otherwise, it is another story");
  assert.equal(second.recall(location, { ...settings, site: { ...settings.site, name: "Another Desk" } }), undefined);
  // The recall kept its line in this build's journal: the next process knows it too.
  second.prune();
  assert.ok(storyCacheIn(cacheFolder, { keepInMemory: false }).recall(location, settings)?.readable);

  // Its entry lost: it is read again, by readArticle, and not recalled.
  rmSync(join(cacheFolder, "stories", entries(cacheFolder)[0] ?? ""));
  const third = storyCacheIn(cacheFolder, { keepInMemory: false });
  assert.equal(third.recall(location, settings), undefined);
  assert.deepEqual(await readArticle(location, { ...context, storyCache: third }), read);
  assert.equal(summary(third), `cache ${cacheFolder}: stories 1 read, 0 reused`);
  third.prune();

  // The same bytes written again: its stamp is another (none at all until its times settle), so it is read.
  writeFileSync(location.file, readFileSync(location.file));
  assert.equal(storyCacheIn(cacheFolder, { keepInMemory: false }).recall(location, settings), undefined);
});

const input: StoryInput = {
  file: "src/news/talks.md",
  fileSlug: "talks",
  filePathStem: "/news/talks",
  files: { size: 12, bytes: Buffer.from("---\n---\nText\n"), dataFile: { file: "src/news/talks.11tydata.json", text: '{"title": "Talks"}' } },
  site: {
    name: "Wire Desk",
    maxStoryBytes: 1024,
    editions: [{ lang: "en", path: "", locale: "en", dateTime: "{date}, {time} {zone}", timeOfDay: "{time} {zone}", dateline: "{place}, {day} ({source}) -", bylineOne: "By {authors}", bylineMany: "By {authors}" }],
    authors: [],
    agencies: [],
  },
  datelinePlaces: { WASHINGTON: "America/New_York" },
};

/** A new cache reads `first`, then `then`: its store's summary says whether the second read reused the first. */
let pairs = 0;
function readTwice(first: StoryInput, then: StoryInput): string {
  const root = join(folder, `pair-${(pairs += 1)}`);
  const store = new CacheStore(root);
  const cache = new StoryCache(store);
  cache.read(first);
  cache.read(then);
  return store.summary().replace(`cache ${root}: `, "");
}

test("a read is reused for the same input, and read again when anything it depends on changes", () => {
  assert.equal(readTwice(input, { ...input, files: { ...input.files } }), "stories 1 read, 1 reused");
  assert.equal(readTwice(input, { ...input, site: { ...input.site, authors: [], agencies: [] } }), "stories 1 read, 1 reused");
  const variants: StoryInput[] = [
    { ...input, file: "src/news/other.md" },
    { ...input, fileSlug: "other" },
    { ...input, filePathStem: "/news/other" },
    { ...input, files: { ...input.files, bytes: Buffer.from("---\n---\nText!\n") } },
    { ...input, files: { size: 2048 } },
    { ...input, files: { ...input.files, dataFile: { file: "src/news/talks.11tydata.json", text: '{"title":  "Talks"}' } } },
    { ...input, files: { size: 12, bytes: Buffer.from("---\n---\nText\n") } },
    { ...input, site: { ...input.site, name: "Other Desk" } },
    { ...input, site: { ...input.site, editions: [{ ...input.site.editions[0]!, dateline: "{place}, {day}. /{source}/." }] } },
    { ...input, site: { ...input.site, editions: [...input.site.editions, { lang: "ru", path: "ru/", locale: "ru", dateTime: "{date}, {time} {zone}", timeOfDay: "{time} {zone}", dateline: "{place}", bylineOne: "Автор: {authors}", bylineMany: "Авторы: {authors}" }] } },
    { ...input, site: { ...input.site, editions: [{ ...input.site.editions[0]!, bylineMany: "Written by {authors}" }] } },
    { ...input, site: { ...input.site, authors: [{ name: "Ann Smith", also: ["A. Smith"] }] } },
    { ...input, site: { ...input.site, maxStoryBytes: 2048 } },
    { ...input, datelinePlaces: { WASHINGTON: "America/Chicago" } },
  ];
  for (const [index, variant] of variants.entries()) assert.equal(readTwice(input, variant), "stories 2 read, 0 reused", `variant ${index}`);
});

test("settings JSON cannot carry exactly are never cached: their read is made afresh", () => {
  const notExact = [{ MOSCOW: undefined }, { MOSCOW: Number.NaN }, { MOSCOW: new Date(0) }, { MOSCOW: ["a", undefined] }, { MOSCOW: ["a", , "b"] }, { MOSCOW: () => "Europe/Moscow" }];
  for (const datelinePlaces of notExact) {
    const odd = { ...input, datelinePlaces: datelinePlaces as unknown as StoryInput["datelinePlaces"] };
    assert.equal(readTwice(odd, odd), "stories 2 read, 0 reused", String(Object.values(datelinePlaces)[0]));
  }
  // Every kind of value JSON carries exactly is cached.
  const exact = { ...input, datelinePlaces: { MOSCOW: { title: "Talks", tags: ["a", 1, true, null], photo: { src: "x" } } } as unknown as StoryInput["datelinePlaces"] };
  assert.equal(readTwice(exact, exact), "stories 1 read, 1 reused");
});

test("a build's prune packs the reads kept an entry each once there are enough; later builds take them from the pack, and a pack half unused is packed again", () => {
  const root = join(folder, "packs");
  const story = (n: number, text = "Text"): StoryInput => {
    const bytes = Buffer.from(`---\ntitle: Story ${n}\n---\n${text} ${n}\n`);
    return { ...input, file: `src/news/s${n}.md`, fileSlug: `s${n}`, filePathStem: `/news/s${n}`, files: { size: bytes.length, bytes, stamp: `${n}:${text}` } };
  };
  const build = (stories: StoryInput[]) => {
    const store = new CacheStore(root);
    const cache = new StoryCache(store, { keepInMemory: false });
    store.startBuild();
    const reads = stories.map((one) => cache.read(one));
    cache.prune();
    return { reads, summary: store.summary().replace(`cache ${root}: `, "") };
  };
  const fresh = (one: StoryInput) => JSON.parse(JSON.stringify(readStoryFile(one))) as unknown;
  const stories = Array.from({ length: 150 }, (_, n) => story(n));

  assert.equal(build(stories.slice(0, 50)).summary, "stories 50 read, 0 reused");
  assert.equal(entries(root).length, 50, "too few to pack: an entry each");
  assert.equal(build(stories).summary, "stories 100 read, 50 reused");
  const [pack] = entries(root);
  assert.equal(entries(root).length, 1, "150 reads in one pack, the entries of their own gone (and not counted as removed)");
  const again = build(stories);
  assert.equal(again.summary, "stories 0 read, 150 reused");
  assert.deepEqual(entries(root), [pack], "the same pack, kept as it was");
  assert.deepEqual(again.reads[149], fresh(stories[149]!));

  // 80 stories edited: their new reads are kept an entry each, and the pack, used by 70 of its 150 reads, is packed again with them.
  const edited = stories.map((one, n) => (n < 80 ? story(n, "Edited") : one));
  assert.equal(build(edited).summary, "stories 80 read, 70 reused");
  assert.equal(entries(root).length, 1);
  assert.notDeepEqual(entries(root), [pack]);
  const packed = build(edited);
  assert.equal(packed.summary, "stories 0 read, 150 reused");
  assert.deepEqual(packed.reads[0], fresh(edited[0]!));
  assert.deepEqual(packed.reads[100], fresh(edited[100]!));

  // A damaged pack is a miss: every story of it is read again, and the build says so once.
  writeFileSync(join(root, "stories", entries(root)[0]!), "spoiled\n");
  const mended = build(edited);
  assert.match(mended.summary, /^stories 150 read, 0 reused; 1 damaged entry in .* ignored and made again/);
  assert.deepEqual(mended.reads[0], fresh(edited[0]!));
  assert.equal(build(edited).summary, "stories 0 read, 150 reused");
});
