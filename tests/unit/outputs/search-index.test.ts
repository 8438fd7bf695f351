import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { runInNewContext } from "node:vm";
import MiniSearch from "minisearch";
import { parse } from "node-html-parser";
import { CacheStore } from "../../../src/lib/cache/store.ts";
import type { ArticleView } from "../../../src/lib/model/story-view.ts";
import { SearchIndexCache, searchIndexFiles, searchWords, type CachedSearchFile, type SearchDocument, type SearchIndexFile, type SearchMeta, type SearchResultFields } from "../../../src/lib/outputs/search-index.ts";
import { story } from "../../support/story-views.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "search-index-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const saoPaulo = story({ slug: "sao-paulo-rain", headline: "Floods close roads in São Paulo", lead: "Heavy rain fell overnight", body: "The city's mayor said crews worked through the night.\n", tags: ["Weather"] });
const moscow = story({ slug: "moscow-talks" });
const russian: ArticleView = {
  ...story({ slug: "elka", headline: "Ёлку установили на Красной площади", lead: "Праздничная ель приехала из Подмосковья", body: "Рабочие собрали ёлку за ночь.\n" }),
  edition: "ru",
};

/**
 * The files as a build's site gets them, in `site`: a kept file placed from its entry (a second
 * name for it), then read back.
 */
function sited(cache: SearchIndexCache, files: readonly CachedSearchFile[], site = mkdtempSync(join(tempRoot, "site-"))): SearchIndexFile[] {
  return files.map((file) => {
    if (!("key" in file)) return file;
    const target = join(site, file.url.slice(1));
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { force: true });
    cache.place(file.key, target);
    return { url: file.url, text: readFileSync(target, "utf8") };
  });
}

/** The search area's entries by what they hold: days' words, an edition's list of its files, and the files. */
function searchEntries(cacheFolder: string): { days: string[]; lists: string[]; files: string[] } {
  const entries = { days: [] as string[], lists: [] as string[], files: [] as string[] };
  for (const name of readdirSync(join(cacheFolder, "search")).filter((name) => !["index.json", "note.json"].includes(name))) {
    const text = readFileSync(join(cacheFolder, "search", name), "utf8");
    (text.startsWith("searchIndex.") ? entries.files : text.startsWith('[["/') ? entries.lists : entries.days).push(name);
  }
  return entries;
}

interface LoadedIndex {
  meta?: SearchMeta;
  terms: Record<string, unknown[]>;
  stories: Record<number, SearchResultFields[]>;
}

/** A query run as the search page runs it: the scripts it loads (by URL) and the results it shows. */
function runQuery(files: readonly SearchIndexFile[], query: string, folder = "/search/"): { loaded: string[]; shown: SearchResultFields[]; terms: string[][] } {
  const byUrl = new Map(files.map(({ url, text }) => [url, text]));
  const searchIndex: LoadedIndex = { terms: {}, stories: {} };
  const loaded: string[] = [];
  const load = (url: string) => {
    const text = byUrl.get(url);
    assert.ok(text !== undefined, `the page would ask for ${url}, which the index has not`);
    loaded.push(url.slice(folder.length));
    runInNewContext(text, { searchIndex });
  };
  load(`${folder}meta.js`);
  const keys = searchWords.termShardsFor(query, searchIndex.meta!.shards);
  for (const key of keys) load(`${folder}terms/${searchWords.shardFileName(key)}.js`);
  const index = searchWords.engineIndex(searchIndex.meta!, keys.flatMap((key) => searchIndex.terms[key] ?? []) as never);
  const found = searchWords.ranked(MiniSearch.loadJS<SearchDocument>(index, searchWords.ENGINE_OPTIONS).search(query));
  for (const shard of new Set(found.map(({ id }) => searchWords.storyShardOf(id as number)))) load(`${folder}stories/${shard}.js`);
  const shown = found.map(({ id }) => searchIndex.stories[searchWords.storyShardOf(id as number)]![(id as number) % searchWords.STORIES_PER_SHARD]!);
  return { loaded, shown, terms: found.map(({ terms }) => terms) };
}

test("folding drops case and accents, reads ё as е, and spells letters without a separable accent plainly", () => {
  assert.equal(searchWords.foldWord("São"), "sao");
  assert.equal(searchWords.foldWord("MÜLLER"), "muller");
  assert.equal(searchWords.foldWord("Ёлку"), "елку");
  assert.equal(searchWords.foldWord("Straße"), "strasse");
  assert.equal(searchWords.foldWord("Łódź"), "lodz");
  assert.deepEqual(searchWords.wordsOf("São Paulo's mayor, 2013."), ["São", "Paulo", "s", "mayor", "2013"]);
  assert.deepEqual(searchWords.wordsOf("Up 1.2%, or 2,000 jobs, in 2013."), ["Up", "1.2", "or", "2,000", "jobs", "in", "2013"]);
});

test("a query finds its words whatever their case and accents, in any field, and links the story from the search page", () => {
  const files = searchIndexFiles([saoPaulo, moscow], "");
  const { shown, terms } = runQuery(files, "sao PAULO");
  assert.deepEqual(shown.map(({ headline }) => headline), ["Floods close roads in São Paulo"]);
  assert.deepEqual(terms, [["sao", "paulo"]]);
  assert.equal(shown[0]!.url, "../news/sao-paulo-rain.html");
  assert.equal(shown[0]!.dateline, "MOSCOW, September 2 (Itar-Tass)");
  assert.equal(runQuery(files, "mayor").shown.length, 1, "a word of the text alone");
  assert.equal(runQuery(files, "weather").shown.length, 1, "a topic");
});

test("results the engine scores alike are shown newest first; a better match still comes first", () => {
  const day = (date: string, headline = "Harbour ferry resumes service") => story({ slug: `ferry-${date}`, date, headline, lead: "Crossings run again", body: "The operator said so.\n" });
  const files = searchIndexFiles([day("2013-09-04"), day("2013-09-03", "Harbour ferry ferry resumes service"), day("2013-09-02")], "");
  const dates = runQuery(files, "ferry").shown.map(({ datetime }) => datetime.slice(0, 10));
  assert.deepEqual(dates, ["2013-09-03", "2013-09-04", "2013-09-02"]);
});

test("a figure finds itself, not the figures and years it starts, nor one a digit away; a word still finds the words it starts", () => {
  const growth = story({ slug: "growth", headline: "Economy grows 1.2% in quarter", lead: "Output rose", body: "Growth was 1.2% between July and September.\n" });
  const shares = story({ slug: "shares", headline: "Shares rise 12 percent", lead: "Stocks climbed", body: "The index gained 12 percent to 24567 points in 2013.\n" });
  const crash = story({ slug: "crash", headline: "Crash on highway", lead: "One lorry overturned", body: "1 lorry and 2 cars were hit.\n" });
  const files = searchIndexFiles([growth, shares, crash], "");
  const found = (query: string) => runQuery(files, query).shown.map(({ headline }) => headline);
  assert.deepEqual(found("1.2%"), ["Economy grows 1.2% in quarter"], "a decimal is one figure, not a 1 and a 2");
  assert.deepEqual(found("24568"), [], "one digit away is another figure");
  assert.deepEqual(found("24567"), ["Shares rise 12 percent"]);
  assert.deepEqual(found("perc"), ["Shares rise 12 percent"], "a word's start");
  // A story's time of day is not searched: filed at 12:00, a story is no answer to a query for 12.
  const noon = story({ slug: "noon", date: "2013-09-02T12:00", headline: "Talks open at noon", lead: "Delegates met", body: "The talks opened.\n" });
  const atNoon = searchIndexFiles([noon, shares], "");
  assert.deepEqual(runQuery(atNoon, "12").shown.map(({ headline }) => headline), ["Shares rise 12 percent"]);
  assert.deepEqual(runQuery(atNoon, "september").shown.length, 2, "the day is still searched");
});

test("a query word loads its own shard: a prefix and a typo past the second letter are found there, and nothing else is loaded", () => {
  const files = searchIndexFiles([saoPaulo, moscow], "");
  const prefix = runQuery(files, "denucl");
  assert.deepEqual(prefix.shown.map(({ headline }) => headline), [moscow.headline]);
  assert.deepEqual(prefix.loaded, ["meta.js", "terms/de.js", "stories/0.js"]);
  const typo = runQuery(files, "denuclearisation");
  assert.deepEqual(typo.shown.map(({ headline }) => headline), [moscow.headline], "one letter wrong in a long word");
  assert.deepEqual(typo.terms, [["denuclearization"]]);
  assert.deepEqual(runQuery(files, "pennsula").shown.map(({ headline }) => headline), [moscow.headline], "one letter missing");
  assert.deepEqual(runQuery(files, "flods").shown.map(({ headline }) => headline), [saoPaulo.headline], "one letter missing in a five-letter word");
  assert.deepEqual(runQuery(files, "rood").shown, [], "no typo is tolerated in a word under five letters");
});

test("the Russian edition's index is in its folder and finds Cyrillic words with ё or е", () => {
  const files = searchIndexFiles([russian], "ru/");
  assert.ok(files.every(({ url }) => url.startsWith("/ru/search/")));
  for (const query of ["ёлку", "елку", "ЕЛКУ", "подмосков"]) {
    assert.deepEqual(runQuery(files, query, "/ru/search/").shown.map(({ headline }) => headline), [russian.headline], query);
  }
  assert.deepEqual(runQuery(files, "елку", "/ru/search/").loaded.slice(1, 2), ["terms/_435_43b.js"], "a Cyrillic shard's file name is ASCII");
});

test("drafts and embargoed stories are never indexed: none of their words is in any file", () => {
  const draft: ArticleView = { ...story({ slug: "draft", headline: "Secret merger agreed", body: "Zanzibarian negotiators agreed.\n" }), state: "draft" };
  const embargoed: ArticleView = { ...story({ slug: "embargoed", headline: "Quarterly figures leaked", body: "Xylophonic results.\n" }), state: "embargoed" };
  const files = searchIndexFiles([draft, saoPaulo, embargoed], "");
  const text = files.map((file) => file.text).join("\n");
  for (const trace of ["Secret merger", "zanzibarian", "Quarterly figures", "xylophonic", "/news/draft.html", "embargoed.html"]) {
    assert.equal(text.toLowerCase().includes(trace.toLowerCase()), false, trace);
  }
  assert.equal(runQuery(files, "zanzibarian").shown.length, 0);
});

test("a shard larger than its bound (96 KB of JSON) is split by one more letter; a query then loads only the parts it needs", () => {
  // 400 stories that share 41 words beginning "co": far more than 96 KB as one shard.
  const words = ["co", ...Array.from({ length: 40 }, (_, index) => `co${String.fromCharCode(97 + (index % 26))}${index}`), "de"];
  const files = searchIndexFiles(Array.from({ length: 400 }, (_, n) => story({ slug: `s${n}`, body: `${words.join(" ")}.\n` })), "");
  const coFiles = files.filter(({ url }) => url.startsWith("/search/terms/co"));
  const coBytes = coFiles.reduce((bytes, { text }) => bytes + text.length, 0);
  assert.ok(coBytes > 96 * 1024, `the test's co words are ${coBytes} bytes, over the bound`);
  for (const { url, text } of coFiles) assert.ok(text.length <= 96 * 1024, `${url}: ${text.length} bytes`);
  const loaded = loadAll(files);
  // Copied out of the scripts' context, so they compare as this one's arrays.
  const keys = [...(loaded.meta?.shards ?? [])];
  assert.ok(keys.includes("co") && keys.includes("coa") && keys.includes("de"), keys.join(" "));
  assert.deepEqual([...(loaded.terms["co"] ?? [])].map((posting) => (posting as [string])[0]), ["co"], "a word as long as its key stays in the key's shard");
  assert.deepEqual(searchWords.termShardsFor("coal", keys), ["co", "coa"]);
  assert.deepEqual(searchWords.termShardsFor("c", keys), keys.filter((key) => key.startsWith("c")));
});

/** Every term shard, meta and story of an edition's files, as the page would hold them all. */
function loadAll(files: readonly SearchIndexFile[]): LoadedIndex {
  const searchIndex: LoadedIndex = { terms: {}, stories: {} };
  for (const { text } of files) runInNewContext(text, { searchIndex });
  return searchIndex;
}

test("the index is what the engine's own addAll and toJSON make of the same stories, numbered oldest first", () => {
  const stories = [saoPaulo, moscow, { ...russian, edition: "en" }, { ...moscow, url: "/news/moscow-2.html", headline: "Talks, talks and TALKS: 2013's round", lead: undefined }];
  const loaded = loadAll(searchIndexFiles(stories, ""));
  // Through JSON: the scripts ran in a context of their own, with its own Object.
  const ours = JSON.parse(JSON.stringify(searchWords.engineIndex(loaded.meta!, Object.values(loaded.terms).flat() as never))) as ReturnType<MiniSearch["toJSON"]>;
  const engine = new MiniSearch<SearchDocument>(searchWords.ENGINE_OPTIONS);
  // The stories come newest first; the index numbers them oldest first.
  engine.addAll(
    [...stories].reverse().map((story, id) => ({
      id,
      headline: story.headline,
      lead: story.lead ?? "",
      body: parse(story.bodyHtml).structuredText,
      dateline: story.dateline,
      date: story.published.display,
      topics: story.topics.map((topic) => topic.name).join(", "),
    })),
  );
  const theirs = engine.toJSON();
  const sorted = (index: typeof theirs.index) => [...index].sort(([a], [b]) => (a < b ? -1 : 1));
  assert.deepEqual({ ...ours, index: sorted(ours.index) }, { ...theirs, index: sorted(theirs.index) });
  assert.deepEqual(JSON.parse(JSON.stringify(Object.values(loaded.stories).flat())).map(({ headline }: SearchResultFields) => headline), [...stories].reverse().map(({ headline }) => headline));
});

test("a new story, the newest, leaves the numbers of the others and the shards without its words as they were", () => {
  const newest = story({ slug: "zurich-vote", headline: "Zurich votes", lead: "Voters said yes", body: "Turnout was high.\n" });
  const before = new Map(searchIndexFiles([saoPaulo, moscow], "").map(({ url, text }) => [url, text]));
  const after = new Map(searchIndexFiles([newest, saoPaulo, moscow], "").map(({ url, text }) => [url, text]));
  const changed = [...after].filter(([url, text]) => before.get(url) !== text).map(([url]) => url);
  assert.ok(changed.includes("/search/meta.js") && changed.includes("/search/terms/zu.js") && changed.includes("/search/stories/0.js"), changed.join(" "));
  assert.equal(after.get("/search/terms/de.js"), before.get("/search/terms/de.js"), "a shard with none of the new story's words");
  assert.equal(runQuery([...after].map(([url, text]) => ({ url, text })), "zurich").shown[0]!.headline, "Zurich votes");
});

test("a changed story's day is read for its words again; the other days' words are kept as they were", () => {
  const folder = join(tempRoot, "days");
  const earlier = story({ slug: "earlier", headline: "Harvest begins", date: "2013-09-01" });
  const build = (stories: ArticleView[]) => {
    const cache = new SearchIndexCache(new CacheStore(folder));
    const files = sited(cache, cache.files(stories, ""));
    cache.prune();
    return files;
  };
  const files = build([moscow, earlier]);
  const first = searchEntries(folder);
  assert.equal(first.days.length, 2, "two days' words");
  assert.equal(first.lists.length, 1, "one edition's list of files");
  assert.equal(first.files.length, files.length, "a file an entry");
  const edited = { ...moscow, headline: "Talks end in Moscow" };
  assert.deepEqual(build([edited, earlier]), searchIndexFiles([edited, earlier], ""));
  const second = searchEntries(folder);
  assert.equal(second.days.length, 2, second.days.join(" "));
  assert.equal(second.days.filter((name) => first.days.includes(name)).length, 1, "the unchanged day's entry, the same file");
  assert.ok(second.files.some((name) => first.files.includes(name)), "a file the edit left as it was, the same entry");
  assert.equal(second.lists.length, 1, "the earlier list, gone with the files only it named");
  // An unchanged edition keeps its days' entries too, for its next change.
  build([edited, earlier]);
  assert.deepEqual(searchEntries(folder), second);
});

test("kept in memory for the dev server's rebuilds, the days' words and the edition's files come from memory, a day's entry that went is written again, and the bytes are a fresh index's", () => {
  const folder = join(tempRoot, "memory");
  const days = () => readdirSync(join(folder, "search")).filter((name) => !["index.json", "note.json"].includes(name));
  const store = new CacheStore(folder);
  const cache = new SearchIndexCache(store, { keepInMemory: true });
  const earlier = story({ slug: "earlier", headline: "Harvest begins", date: "2013-09-01" });
  const rebuild = (stories: ArticleView[]) => {
    store.startBuild();
    const files = cache.files(stories, "");
    cache.prune();
    return files;
  };
  const first = rebuild([moscow, earlier]);
  assert.equal(days().length, 2, "each day's words; the edition's files are kept in memory, not written at every rebuild");
  assert.equal(rebuild([moscow, earlier]), first, "an unchanged edition's files, from memory");
  for (const name of days()) rmSync(join(folder, "search", name));
  const edited = { ...moscow, headline: "Talks end in Moscow" };
  assert.deepEqual(rebuild([edited, earlier]), searchIndexFiles([edited, earlier], ""));
  assert.equal(days().length, 2, "both days' words, written again");
  // A fresh process makes the edition's files from the days' entries the rebuilds kept.
  const fresh = new SearchIndexCache(new CacheStore(folder));
  assert.deepEqual(sited(fresh, fresh.files([edited, earlier], "")), searchIndexFiles([edited, earlier], ""));
});

test("the index cache gives the bytes a fresh index has, and makes an edition's index again only when its stories change", () => {
  const store = new CacheStore(join(tempRoot, "cache"));
  const cache = new SearchIndexCache(store);
  const first = sited(cache, cache.files([saoPaulo, moscow], ""));
  assert.deepEqual(first, searchIndexFiles([saoPaulo, moscow], ""));
  cache.prune();
  const again = new SearchIndexCache(new CacheStore(join(tempRoot, "cache")));
  assert.deepEqual(sited(again, again.files([saoPaulo, moscow], "")), first);
  const edited = { ...moscow, bodyHtml: "<p>Talks on denuclearization resumed in Beijing.</p>" };
  const changed = sited(again, again.files([saoPaulo, edited], ""));
  assert.deepEqual(changed, searchIndexFiles([saoPaulo, edited], ""));
  assert.notDeepEqual(changed, first);
  assert.match(store.summary(), /search indexes/);
  // Whatever a result shows or a query matches, changed, makes the index again.
  const edits: Partial<typeof moscow>[] = [
    { headline: "Talks end" },
    { lead: "A new lead." },
    { description: "A new description." },
    { dateline: "BEIJING -" },
    { url: "/news/2013/09/02/moved.html" },
    { topics: [] },
    { published: { ...moscow.published, display: "September 3, 2013" } },
  ];
  for (const edit of edits) {
    const story = { ...moscow, ...edit };
    assert.deepEqual(sited(again, again.files([saoPaulo, story], "")), searchIndexFiles([saoPaulo, story], ""), JSON.stringify(edit));
  }
});

test("stories newer than every other are added to the last build's index: the bytes of a fresh index, and no day's words read again", () => {
  const folder = join(tempRoot, "added");
  const vocabulary = ["market", "markets", "marked", "minister", "москва", "vote", "voters", "talks", "co", "cobalt", "coal", "coast", "coffee", "2013", "12", "ёлка"];
  let seed = 7;
  const pick = () => vocabulary[(seed = (seed * 48271) % 2147483647) % vocabulary.length]!;
  const numbered = (n: number, date: string) => story({ slug: `story-${n}`, headline: `Story ${n} ${pick()}`, lead: `${pick()} ${pick()}`, body: `${Array.from({ length: 12 }, pick).join(" ")} word${n} ${Array.from({ length: 8 }, (_, k) => `co${n}x${k}`).join(" ")}.\n`, date, tags: [pick()] });
  // Newest first, as an edition lists them: a day of 24 stories, then the next day's.
  let stories = Array.from({ length: 24 }, (_, n) => numbered(n, "2013-09-01")).reverse();
  // One site folder, as a build reuses the site the last one replaced: a file placed there and unchanged is not placed again.
  const site = mkdtempSync(join(tempRoot, "site-"));
  let placedBefore = 0;
  const build = (editionPath = "") => {
    const cache = new SearchIndexCache(new CacheStore(folder));
    const kept = cache.files(stories, editionPath, site);
    placedBefore = kept.filter((file) => "key" in file && cache.isPlacedAt(file.key, join(site, file.url.slice(1)))).length;
    const files = sited(cache, kept, site);
    cache.prune();
    assert.deepEqual(files, searchIndexFiles(stories, editionPath), `${stories.length} stories`);
    return files;
  };
  let files = build();
  // Each time: one new story (the story shards' boundary crossed), three, one more to a full shard, and many, past a 96 KB shard's split.
  for (const added of [1, 3, 22, 400]) {
    const newest = Array.from({ length: added }, (_, n) => numbered(stories.length + n, "2013-09-02")).reverse();
    stories = [...newest, ...stories];
    const before = searchEntries(folder);
    const last = new Map(files.map(({ url, text }) => [url, text]));
    files = build();
    const after = searchEntries(folder);
    const changed = files.filter(({ url, text }) => last.get(url) !== text).length;
    // Made again, the new stories' day would have an entry of its words too.
    assert.deepEqual(after.days, before.days, "no day's words read or written: the new stories were added to the kept index");
    assert.equal(after.files.filter((name) => !before.files.includes(name)).length, changed, "an entry for each file made again, and none for the others");
    assert.equal(placedBefore, files.length - changed, "every unchanged file found where the last build placed it");
    assert.equal(runQuery(files, `word${stories.length - 1}`).shown[0]?.headline, stories[0]!.headline);
    if (added === 400) assert.ok(loadAll(files).meta?.shards.includes("co1"), "the co shard, over its bound, split");
  }
  // A story older than the newest, or an edited one: the index is made again, as fresh.
  stories = [stories[0]!, numbered(9999, "2013-09-01"), ...stories.slice(1)];
  build();
  stories = [{ ...stories[0]!, headline: "Edited" }, ...stories.slice(1)];
  build();
  // Another edition's folder is its own.
  build("ru/");
});

test("a kept file spoiled in the store, or gone, is a miss: the index is made again from the days' words, as fresh, and the damage said", () => {
  const folder = join(tempRoot, "spoiled");
  const earlier = story({ slug: "earlier", headline: "Harvest begins", date: "2013-09-01" });
  const build = (stories: ArticleView[]) => {
    const store = new CacheStore(folder);
    const cache = new SearchIndexCache(store);
    const files = sited(cache, cache.files(stories, ""));
    cache.prune();
    return { files, summary: store.summary() };
  };
  build([moscow, earlier]);
  const [spoiled, gone] = searchEntries(folder).files;
  writeFileSync(join(folder, "search", spoiled!), "searchIndex.meta = {};\n");
  const mended = build([moscow, earlier]);
  assert.deepEqual(mended.files, searchIndexFiles([moscow, earlier], ""));
  assert.match(mended.summary, /1 damaged entry in .*search ignored and made again/);
  rmSync(join(folder, "search", gone!));
  const again = build([moscow, earlier]);
  assert.deepEqual(again.files, searchIndexFiles([moscow, earlier], ""));
  assert.match(again.summary, /search indexes 1 made/);
  // A newer story added to an index with a file gone is made whole again too.
  rmSync(join(folder, "search", searchEntries(folder).files[0]!));
  const newest = story({ slug: "zurich-vote", headline: "Zurich votes", date: "2013-09-03" });
  assert.deepEqual(build([newest, moscow, earlier]).files, searchIndexFiles([newest, moscow, earlier], ""));
});
