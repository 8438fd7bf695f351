/**
 * Each edition's search index, made at build time from its published stories and split so a query
 * loads only what it needs. The engine is MiniSearch: the build indexes the stories, serialises
 * the index (its documented `toJSON` form) and splits it into classic scripts the search page
 * inserts with `<script src>` (which load from disk, where fetch() and modules do not):
 *
 * - `search/meta.js`: the index's counts and each story's field lengths (for scoring), and the
 *   list of shards that exist, so the page never asks for a missing one;
 * - `search/terms/<key>.js`: the postings of every word starting with `<key>`, its first two
 *   letters folded (src/assets/search-words.js), so a query word loads one shard: its prefixes
 *   and its one-typo neighbours beyond the second letter are all in it;
 * - `search/stories/<n>.js`: what a result shows (headline, link, date, dateline, lead) for 25
 *   stories, loaded only for the results shown.
 *
 * Only published stories are indexed: never a draft, an embargoed or a withdrawn story.
 */
import type MiniSearch from "minisearch";
import type { Options } from "minisearch";
import { join } from "node:path";
import { parse } from "node-html-parser";
import "../../assets/search-words.js";
import type { CacheArea, CacheStore } from "../cache/store.ts";
import type { ArticleView } from "../model/story-view.ts";
import { relativeUrl, searchUrl } from "../model/urls.ts";
import { articleDigest } from "../story/article.ts";

/** One story as the engine indexes it: its number in the edition's index, and its searchable text. */
export interface SearchDocument {
  id: number;
  headline: string;
  lead: string;
  body: string;
  dateline: string;
  date: string;
  topics: string;
}

/** What a result shows: the story's link (relative to the search page), headline, date, dateline and lead. */
export interface SearchResultFields {
  url: string;
  headline: string;
  datetime: string;
  date: string;
  dateline: string;
  lead: string;
}

/** The shared rules of src/assets/search-words.js, as that file sets them on globalThis. */
interface SearchWords {
  foldWord(word: string): string;
  wordsOf(text: string): string[];
  shardsFor(folded: string, keys: readonly string[]): string[];
  termShardsFor(query: string, keys: readonly string[]): string[];
  storyShardOf(id: number): number;
  engineIndex(meta: SearchMeta, postings: SearchPostings): SerialisedIndex;
  /** The engine's results, best first and, of matches scored alike, newest first. */
  ranked<T extends { score: number }>(results: readonly T[]): T[];
  shardFileName(key: string): string;
  STORIES_PER_SHARD: number;
  RESULTS_PER_PAGE: number;
  ENGINE_OPTIONS: Options<SearchDocument>;
}

export const searchWords = (globalThis as unknown as { searchWords: SearchWords }).searchWords;

/** A file of the index: its site-root URL and its text, a classic script. */
export interface SearchIndexFile {
  url: string;
  text: string;
}

/** MiniSearch's serialised index (its `toJSON`), the parts this module splits. */
type SerialisedIndex = ReturnType<MiniSearch<SearchDocument>["toJSON"]>;

/** A term shard's data: each word's postings, as MiniSearch serialises them. */
export type SearchPostings = SerialisedIndex["index"];

/** The meta script's data: what the engine needs besides the postings, compact, and the shards there are. */
export interface SearchMeta {
  documentCount: number;
  fieldIds: SerialisedIndex["fieldIds"];
  /** Each field's length in every story, a column a field, by story number. */
  fieldLengths: number[][];
  averageFieldLength: number[];
  serializationVersion: number;
  /** The term shards' keys, sorted. */
  shards: string[];
  storyShards: number;
}

/** A story's text as its page prints it, without markup: block elements end a line, so "a</li><li>b" stays two words. */
function bodyText(bodyHtml: string): string {
  return parse(bodyHtml).structuredText;
}

/**
 * The stories a search may find, oldest first: published ones only (a dev build also holds drafts
 * and embargoed ones). A story's number in the index is its place here, so a new story, the
 * newest, takes the next number and leaves every other story's number, and the shards that hold
 * none of its words, as they were.
 */
function searchableStories(stories: readonly ArticleView[]): ArticleView[] {
  return stories.filter((story) => story.state === "published").reverse();
}

/** What the engine indexes of a story. */
function searchDocument(story: ArticleView): Omit<SearchDocument, "id"> {
  return {
    headline: story.headline,
    lead: story.lead ?? "",
    body: bodyText(story.bodyHtml),
    dateline: story.dateline,
    date: dayOf(story.published),
    topics: story.topics.map((topic) => topic.name).join(", "),
  };
}

/**
 * The story's date as its page prints it, without its time of day: a reader searches for a day
 * ("September 2"), and a time's figures ("12:00") would make a query for 12 find every story filed at noon.
 */
function dayOf({ display, timeOfDay }: ArticleView["published"]): string {
  if (timeOfDay === undefined || !display.includes(timeOfDay)) return display;
  return display.replace(timeOfDay, "").replace(/^[\s,.;–—-]+|[\s,.;–—-]+$/gu, "");
}

/** What a result shows of a story, its link relative to the edition's search page. */
function resultFields(story: ArticleView, editionPath: string): SearchResultFields {
  return {
    url: relativeUrl(story.url, searchUrl(editionPath)),
    headline: story.headline,
    datetime: story.published.datetime,
    date: story.published.display,
    // The dateline as a line of its own, without the dash or stop that leads into the text.
    dateline: story.dateline.replace(/\s*[-–—.]\s*$/u, ""),
    lead: story.description,
  };
}

/**
 * A story's share of the index: each field's length as the engine counts it (its distinct words),
 * and each folded word with its count in each field it is in, as `[word, field, count, field, count…]`.
 */
interface StoryTerms {
  lengths: number[];
  terms: [string, ...number[]][];
}

const FIELDS = searchWords.ENGINE_OPTIONS.fields as (keyof Omit<SearchDocument, "id">)[];

/** A story's words as the engine's `add` counts them, by its own options (the page reads queries with the same). */
function storyTerms(document: Omit<SearchDocument, "id">): StoryTerms {
  const counts = new Map<string, number[]>();
  const lengths = FIELDS.map((field, fieldId) => {
    const words = searchWords.wordsOf(document[field]);
    for (const word of words) {
      const term = searchWords.foldWord(word);
      if (!term) continue;
      const byField = counts.get(term) ?? [];
      byField[fieldId] = (byField[fieldId] ?? 0) + 1;
      counts.set(term, byField);
    }
    return new Set(words).size;
  });
  const terms = [...counts].map(([term, byField]): [string, ...number[]] => [term, ...byField.flatMap((count, fieldId) => (count ? [fieldId, count] : []))]);
  return { lengths, terms };
}

/**
 * A word's postings: for each field (by its id), the stories it is in and its count in each, as
 * `[story, count, story, count…]` in story order; none where the word is not in the field.
 */
type Posting = [word: string, byField: (number[] | undefined)[]];

/**
 * The engine's serialised index, made a story's share at a time, each numbered by its place: what
 * MiniSearch's `addAll` then `toJSON` give for the same documents (a test holds the two equal),
 * with the words sorted, so the same stories always give the same bytes. Shares are added and
 * let go one day at a time: holding every share at once raised a 100,000-story build's peak heap
 * from 2.9 to 3.6 GB. Postings are flat lists of numbers, not the serialised form's objects keyed
 * by story number, which V8 keeps as hash tables: a 10,000-story edition's take 24 MB of heap
 * instead of 33 MB.
 */
class EngineIndex {
  readonly #postings = new Map<string, (number[] | undefined)[]>();
  readonly #fieldLengths: number[][];
  // The engine's running mean, in its order, so the figures are its own to the last bit.
  readonly #averageFieldLength: number[];
  #count: number;

  /** An empty index, or one that goes on from the stories `before` counts (their postings are not held: see filesWithAdded). */
  constructor(before?: Pick<SearchMeta, "documentCount" | "fieldLengths" | "averageFieldLength">) {
    this.#count = before?.documentCount ?? 0;
    this.#fieldLengths = FIELDS.map((_, fieldId) => [...(before?.fieldLengths[fieldId] ?? [])]);
    this.#averageFieldLength = FIELDS.map((_, fieldId) => before?.averageFieldLength[fieldId] ?? 0);
  }

  get count(): number {
    return this.#count;
  }

  add({ lengths, terms }: StoryTerms): void {
    const id = this.#count;
    for (const [term, ...counts] of terms) {
      let byField = this.#postings.get(term);
      if (!byField) this.#postings.set(term, (byField = []));
      for (let at = 0; at < counts.length; at += 2) (byField[counts[at]!] ??= []).push(id, counts[at + 1]!);
    }
    FIELDS.forEach((_, fieldId) => {
      const length = lengths[fieldId] ?? 0;
      this.#averageFieldLength[fieldId] = (this.#averageFieldLength[fieldId]! * id + length) / (id + 1);
      this.#fieldLengths[fieldId]!.push(length);
    });
    this.#count += 1;
  }

  parts(): Pick<SerialisedIndex, "averageFieldLength"> & { postings: Posting[]; fieldLengths: number[][] } {
    const postings = [...this.#postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { postings, averageFieldLength: this.#count === 0 ? [] : this.#averageFieldLength, fieldLengths: this.#fieldLengths };
  }
}

/**
 * A posting as the engine serialises it, `JSON.stringify([word, {field: {story: count}}])`:
 * objects list integer keys in rising order, as the fields and stories are kept.
 */
function postingJson([word, byField]: Posting): string {
  const fields: string[] = [];
  byField.forEach((counts, fieldId) => {
    if (!counts) return;
    const pairs: string[] = [];
    for (let at = 0; at < counts.length; at += 2) pairs.push(`"${counts[at]}":${counts[at + 1]}`);
    fields.push(`"${fieldId}":{${pairs.join(",")}}`);
  });
  return `[${JSON.stringify(word)},{${fields.join(",")}}]`;
}

/** A shard's first key: a word's first two letters. */
const SHARD_KEY_LETTERS = 2;
/** A shard larger than this (its JSON, about a quarter of it gzipped) is split by one more letter, where its words are longer than its key. */
const MAX_SHARD_BYTES = 96 * 1024;

const lettersOf = (word: string, count: number): string => Array.from(word).slice(0, count).join("");

/**
 * The postings by shard key: by their words' first `letters` letters, and a shard that would be
 * larger than MAX_SHARD_BYTES split again by one more letter (its words no longer than its key
 * stay in it), so a common beginning ("co", "pr") does not make one query load much more than another.
 */
function splitShards(postings: readonly Posting[], letters: number, sizeOf: (posting: Posting) => number): Map<string, Posting[]> {
  const groups = new Map<string, Posting[]>();
  for (const posting of postings) {
    const key = lettersOf(posting[0], letters);
    const group = groups.get(key);
    if (group) group.push(posting);
    else groups.set(key, [posting]);
  }
  const shards = new Map<string, Posting[]>();
  for (const [key, group] of groups) {
    const longer = group.filter(([word]) => Array.from(word).length > letters);
    if (longer.length === 0 || arraySize(group, sizeOf) <= MAX_SHARD_BYTES) {
      shards.set(key, group);
      continue;
    }
    const own = group.filter(([word]) => Array.from(word).length <= letters);
    if (own.length > 0) shards.set(key, own);
    for (const [longerKey, shard] of splitShards(longer, letters + 1, sizeOf)) shards.set(longerKey, shard);
  }
  return shards;
}

/** Each posting's JSON, made once: for its shard's file, and for its size wherever a large group is split again. */
function postingJsons(postings: readonly Posting[]): Map<Posting, string> {
  return new Map(postings.map((posting) => [posting, postingJson(posting)]));
}

/** `JSON.stringify(list).length`, from its items' lengths: the brackets, and a comma between two. */
function arraySize(list: readonly Posting[], sizeOf: (posting: Posting) => number): number {
  return list.reduce((sum, posting) => sum + sizeOf(posting), 2 + Math.max(0, list.length - 1));
}

/** A classic script that stores `value` under `slot` of the page's `searchIndex`. */
const assignment = (slot: string, value: unknown): string => `searchIndex.${slot} = ${JSON.stringify(value)};\n`;

/**
 * The index files of one edition (under `<edition>search/`), from its stories: the same stories
 * always give the same bytes, so a kept copy of them is as good as making them again.
 */
export function searchIndexFiles(stories: readonly ArticleView[], editionPath: string): SearchIndexFile[] {
  const published = searchableStories(stories);
  const engine = new EngineIndex();
  for (const story of published) engine.add(storyTerms(searchDocument(story)));
  return indexFiles(engine, published.map((story) => resultFields(story, editionPath)), editionPath);
}

const FIELD_IDS: SerialisedIndex["fieldIds"] = Object.fromEntries(FIELDS.map((field, fieldId) => [field, fieldId]));
/** The engine's serialised form these files are in (MiniSearch's `toJSON`, version 2). */
const SERIALIZATION_VERSION = 2;

function indexFiles(engine: EngineIndex, results: readonly SearchResultFields[], editionPath: string): SearchIndexFile[] {
  const folder = searchUrl(editionPath);
  const { postings, averageFieldLength, fieldLengths } = engine.parts();
  const jsons = postingJsons(postings);
  const shards = splitShards(postings, SHARD_KEY_LETTERS, (posting) => jsons.get(posting)!.length);
  const keys = [...shards.keys()].sort();
  const per = searchWords.STORIES_PER_SHARD;
  return [
    metaFile(folder, { documentCount: engine.count, fieldLengths, averageFieldLength, shards: keys, storyShards: storyShardCount(results.length) }),
    ...keys.map((key) => termFile(folder, key, shards.get(key) ?? [], jsons)),
    ...Array.from({ length: storyShardCount(results.length) }, (_, shard) => storyFile(folder, shard, results.slice(shard * per, (shard + 1) * per))),
  ];
}

const storyShardCount = (stories: number): number => Math.ceil(stories / searchWords.STORIES_PER_SHARD);

/** The meta script; a story's number is its place, so it need not list ids. */
function metaFile(folder: string, { documentCount, fieldLengths, averageFieldLength, shards, storyShards }: Omit<SearchMeta, "fieldIds" | "serializationVersion">): SearchIndexFile {
  const meta: SearchMeta = { documentCount, fieldIds: FIELD_IDS, fieldLengths, averageFieldLength, serializationVersion: SERIALIZATION_VERSION, shards, storyShards };
  return { url: `${folder}meta.js`, text: assignment("meta", meta) };
}

const termSlot = (key: string): string => `terms[${JSON.stringify(key)}]`;

/** A term shard's script. Each posting's JSON is let go once in its file: held beside every file's text, they would double the index's memory. */
function termFile(folder: string, key: string, postings: readonly Posting[], jsons: Map<Posting, string>): SearchIndexFile {
  const text = postings
    .map((posting) => {
      const json = jsons.get(posting)!;
      jsons.delete(posting);
      return json;
    })
    .join(",");
  return { url: `${folder}terms/${searchWords.shardFileName(key)}.js`, text: `searchIndex.${termSlot(key)} = [${text}];\n` };
}

/** A story shard's script: the results of its STORIES_PER_SHARD stories. */
function storyFile(folder: string, shard: number, results: readonly SearchResultFields[]): SearchIndexFile {
  return { url: `${folder}stories/${shard}.js`, text: assignment(`stories[${shard}]`, results) };
}

/** The value a script of the index assigns to `slot` (as `assignment` wrote it). */
function assignedValue(text: string, slot: string): unknown {
  const start = `searchIndex.${slot} = `;
  if (!text.startsWith(start) || !text.endsWith(";\n")) throw new Error(`not the index's script for ${slot}`);
  return JSON.parse(text.slice(start.length, -2));
}

/** An earlier build's index of an edition: its files' URLs, and a file's text, read only when asked for (undefined when it cannot be). */
interface EarlierIndex {
  urls: ReadonlySet<string>;
  text(url: string): string | undefined;
}

/** A file of an index made from an earlier one: its text when made again, none when it is the earlier file, unchanged. */
interface IndexFileFrom {
  url: string;
  text: string | undefined;
}

/**
 * The files of an edition's index with `added` (the newest stories, numbered after every other)
 * added to `earlier`, the index of the stories before them: what `indexFiles` makes of all of
 * them, byte for byte. Only the term shards of the words' first letters the new stories hold, the
 * meta script and the last story shards are read and made again; every other file is the earlier
 * one. Undefined when `earlier` is not such an index.
 */
function filesWithAdded(earlier: EarlierIndex, added: readonly ArticleView[], editionPath: string): IndexFileFrom[] | undefined {
  const folder = searchUrl(editionPath);
  const metaText = earlier.text(`${folder}meta.js`);
  if (metaText === undefined) return undefined;
  const before = assignedValue(metaText, "meta") as SearchMeta;
  const termUrl = (key: string): string => `${folder}terms/${searchWords.shardFileName(key)}.js`;
  const storyUrl = (shard: number): string => `${folder}stories/${shard}.js`;
  const whole = earlier.urls.size === 1 + before.shards.length + before.storyShards && before.shards.every((key) => earlier.urls.has(termUrl(key))) && Array.from({ length: before.storyShards }, (_, shard) => earlier.urls.has(storyUrl(shard))).every(Boolean);
  if (!whole || before.documentCount === 0 || before.serializationVersion !== SERIALIZATION_VERSION) return undefined;
  const kept = (url: string): IndexFileFrom => ({ url, text: undefined });

  const engine = new EngineIndex(before);
  for (const story of added) engine.add(storyTerms(searchDocument(story)));
  const { postings: addedPostings, averageFieldLength, fieldLengths } = engine.parts();

  // Every posting of the groups of shards (by a word's first two letters) that the new words are in, old and new merged.
  const groupOf = (word: string): string => lettersOf(word, SHARD_KEY_LETTERS);
  const groups = new Set(addedPostings.map(([word]) => groupOf(word)));
  const merged = new Map<string, (number[] | undefined)[]>();
  for (const key of before.shards.filter((key) => groups.has(groupOf(key)))) {
    const text = earlier.text(termUrl(key));
    if (text === undefined) return undefined;
    for (const [word, byField] of assignedValue(text, termSlot(key)) as [string, Record<string, Record<string, number>>][]) {
      const fields: (number[] | undefined)[] = [];
      for (const [fieldId, counts] of Object.entries(byField)) fields[Number(fieldId)] = Object.entries(counts).flatMap(([story, count]) => [Number(story), count]);
      merged.set(word, fields);
    }
  }
  for (const [word, byField] of addedPostings) {
    const old = merged.get(word);
    if (old === undefined) merged.set(word, byField);
    // The new stories' numbers follow every other's, so their counts go after.
    else byField.forEach((counts, fieldId) => counts && (old[fieldId] = [...(old[fieldId] ?? []), ...counts]));
  }
  const postings = [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const jsons = postingJsons(postings);
  const remade = splitShards(postings, SHARD_KEY_LETTERS, (posting) => jsons.get(posting)!.length);
  const keys = [...before.shards.filter((key) => !groups.has(groupOf(key))), ...remade.keys()].sort();

  // The stories from the last shard before (if it was not full) on are shards made again.
  const per = searchWords.STORIES_PER_SHARD;
  const firstRemade = Math.floor(before.documentCount / per);
  const lastText = before.documentCount % per === 0 ? undefined : earlier.text(storyUrl(firstRemade));
  if (before.documentCount % per !== 0 && lastText === undefined) return undefined;
  const tail = [...(lastText === undefined ? [] : (assignedValue(lastText, `stories[${firstRemade}]`) as SearchResultFields[])), ...added.map((story) => resultFields(story, editionPath))];
  const storyShards = storyShardCount(engine.count);
  return [
    metaFile(folder, { documentCount: engine.count, fieldLengths, averageFieldLength, shards: keys, storyShards }),
    ...keys.map((key) => {
      const remadeShard = remade.get(key);
      return remadeShard === undefined ? kept(termUrl(key)) : termFile(folder, key, remadeShard, jsons);
    }),
    ...Array.from({ length: storyShards }, (_, shard) => (shard < firstRemade ? kept(storyUrl(shard)) : storyFile(folder, shard, tail.slice((shard - firstRemade) * per, (shard - firstRemade + 1) * per)))),
  ];
}

/** What a story's part of the index and its result are made from, as the story holds it. */
const searchSource = ({ url, headline, lead, bodyHtml, dateline, published, topics, description }: ArticleView) =>
  JSON.stringify([url, headline, lead, bodyHtml, dateline, published.display, published.datetime, topics.map((topic) => topic.name), description]);

/** The searchSource hash of each story the dev server's rebuilds share (frozen, so never changed), by the story. */
const sourceHashes = new WeakMap<ArticleView, string>();

/** The stories in runs of one day each, in order: the unit a story's words are kept in between builds. */
function byDay(stories: readonly ArticleView[], hashes: readonly string[]): { stories: ArticleView[]; hashes: string[] }[] {
  const days: { day: string; stories: ArticleView[]; hashes: string[] }[] = [];
  stories.forEach((story, at) => {
    const day = story.published.datetime.slice(0, 10);
    const last = days.at(-1);
    if (last?.day === day) {
      last.stories.push(story);
      last.hashes.push(hashes[at]!);
    } else days.push({ day, stories: [story], hashes: [hashes[at]!] });
  });
  return days;
}

/** An edition's index as a build made it: the key of its files, and how many stories it holds. */
interface BuiltIndex {
  key: string;
  count: number;
}

/** A file of an index kept in the search area under `key`: placed into the site as a page is, no byte of it read. */
export interface KeptSearchFile {
  url: string;
  key: string;
}

/** A file of an edition's index as the cache gives it: kept in an entry of its own, or its text (the dev server's, or one the area could not keep). */
export type CachedSearchFile = KeptSearchFile | SearchIndexFile;

/** An index kept in the area: each file's entry, by URL, as its list entry names them. */
type KeptIndex = Map<string, string>;

/**
 * The search indexes kept between builds (the cache store's search area). An edition's files are
 * made again only when what they are made from changed (its stories' searchable text and result
 * fields, this module's code, the engine's version). When the only change is stories newer than
 * every other (a story published), they are added to the last build's files (`filesWithAdded`);
 * else the days whose stories changed are read for their words again (reading every body's text
 * out of its HTML is most of the work), and the other days' words come from their entries. Either
 * way the files are what `searchIndexFiles` makes of the same stories.
 *
 * A build's index is kept a file an entry, and an edition's list of them an entry of its own: a
 * publish reads the few files it makes again, writes those, and places every other file into the
 * site as the page cache places pages (at 100,000 stories the index is 160 MB).
 */
export class SearchIndexCache {
  readonly #store: CacheStore;
  readonly #area: CacheArea;
  /**
   * The days' shares read in this process, by their entries' keys, when kept in memory (the dev
   * server's rebuilds, each of which reads every day again after an edit). A single build lets
   * each day's shares go once added: held together they raised a 100,000-story build's peak.
   */
  readonly #days: Map<string, StoryTerms[]> | undefined;
  /**
   * Each edition's last files, with their key, when kept in memory: the dev server's rebuilds
   * take an unchanged edition's from here, and keep a changed one's here rather than in entries
   * (at 10,000 stories, 15 MB written at every save). A later process makes them from the days'
   * entries, which are written as ever.
   */
  readonly #editions: Map<string, BuiltIndex & { files: SearchIndexFile[] }> | undefined;
  /** Each edition's index as this build made it, kept in the area's note for the next build to add its new stories to. */
  readonly #built = new Map<string, BuiltIndex>();

  constructor(store: CacheStore, { keepInMemory = false } = {}) {
    this.#store = store;
    this.#area = store.area("search", { name: "search indexes", made: "made" }, { extension: ".json", code: [new URL(import.meta.url)] });
    this.#days = keepInMemory ? new Map() : undefined;
    this.#editions = keepInMemory ? new Map() : undefined;
  }

  /**
   * The index files of one edition, from the cache when its stories have not changed: each file's
   * text when kept in memory (the dev server's), else, wherever the area keeps it, its entry.
   * `placedIn`: a site folder an earlier build placed the files in.
   */
  files(stories: readonly ArticleView[], editionPath: string, placedIn?: string): CachedSearchFile[] {
    const published = searchableStories(stories);
    const hashes = published.map((story) => this.#hash(story));
    const days = byDay(published, hashes).map((day) => ({ ...day, key: this.#area.key("words", ...day.hashes) }));
    const built = { key: this.#area.key("files", editionPath, ...hashes), count: published.length };
    // The days' entries stay for the next change of this edition that adds no story.
    const keepDays = () => days.forEach((day) => this.#area.has(day.key));
    const remembered = this.#editions?.get(editionPath);
    const kept = remembered?.key === built.key ? remembered.files : this.#fromKept(this.#keptIndex(built.key), placedIn);
    if (kept !== undefined) {
      keepDays();
      this.#area.count("reused");
      return this.#remember(editionPath, built, kept);
    }
    this.#area.count("made");
    const added = this.#withAdded(editionPath, published, hashes, placedIn);
    if (added !== undefined) {
      keepDays();
      return this.#remember(editionPath, built, added);
    }
    const engine = new EngineIndex();
    for (const day of days) for (const share of this.#dayTerms(day.key, day.stories)) engine.add(share);
    const files = indexFiles(engine, published.map((story) => resultFields(story, editionPath)), editionPath);
    return this.#remember(editionPath, built, this.#editions === undefined ? files.map((file) => this.#keep(file)) : files);
  }

  /** Places the file kept under `key` (given by `files`) at `target`: a second name for its entry. */
  place(key: string, target: string): void {
    this.#area.place(key, target);
  }

  /** Whether the file at `target` is the one kept under `key`, placed there by an earlier build and unchanged since. */
  isPlacedAt(key: string, target: string): boolean {
    return this.#area.isPlacedAt(key, target);
  }

  /**
   * A story stands for its digest (its read's key and what finished it: see articleDigest) when
   * it has one, else for its searchable text's hash, kept for a frozen story (the dev server's).
   */
  #hash(story: ArticleView): string {
    let hash = articleDigest(story) ?? sourceHashes.get(story);
    if (hash !== undefined) return hash;
    hash = this.#store.digest(Buffer.from(searchSource(story)));
    if (Object.isFrozen(story)) sourceHashes.set(story, hash);
    return hash;
  }

  /**
   * The edition's files with its new stories added to the last build's index, when that index held
   * every other story, unchanged (the key of their hashes says so), and its files are kept.
   */
  #withAdded(editionPath: string, published: readonly ArticleView[], hashes: readonly string[], placedIn: string | undefined): CachedSearchFile[] | undefined {
    const remembered = this.#editions?.get(editionPath);
    const last = remembered ?? this.#lastBuilt(editionPath);
    if (last === undefined || last.count === 0 || last.count >= published.length) return undefined;
    if (this.#area.key("files", editionPath, ...hashes.slice(0, last.count)) !== last.key) return undefined;
    const index = remembered === undefined ? this.#keptIndex(last.key) : undefined;
    const texts = remembered === undefined ? undefined : new Map(remembered.files.map(({ url, text }) => [url, text]));
    const earlier: EarlierIndex | undefined =
      texts !== undefined ? { urls: new Set(texts.keys()), text: (url) => texts.get(url) } : index && { urls: new Set(index.keys()), text: (url) => this.#keptText(index, url) };
    const files = earlier && filesWithAdded(earlier, published.slice(last.count), editionPath);
    if (files === undefined) return undefined;
    const unchanged = (url: string): CachedSearchFile | undefined => {
      if (index !== undefined) return this.#keptFile(index, url, placedIn);
      const text = texts?.get(url);
      return text === undefined ? undefined : { url, text };
    };
    const result: CachedSearchFile[] = [];
    for (const { url, text } of files) {
      const file = text === undefined ? unchanged(url) : this.#editions === undefined ? this.#keep({ url, text }) : { url, text };
      if (file === undefined) return undefined;
      result.push(file);
    }
    return result;
  }

  /** The edition's index as the last build made it, from the area's note (only a hint: its key is checked, its files read from their entry). */
  #lastBuilt(editionPath: string): BuiltIndex | undefined {
    const note = this.#area.note();
    const last: unknown = typeof note === "object" && note !== null ? Object.entries(note).find(([path]) => path === editionPath)?.[1] : undefined;
    if (typeof last !== "object" || last === null || !("key" in last) || !("count" in last)) return undefined;
    return typeof last.key === "string" && typeof last.count === "number" ? { key: last.key, count: last.count } : undefined;
  }

  /** The index kept in the store under `key`, if its list is whole: each file's entry by URL. */
  #keptIndex(key: string): KeptIndex | undefined {
    const kept = this.#area.read(key);
    if (kept === undefined) return undefined;
    const list: unknown = JSON.parse(kept.toString("utf8"));
    if (!Array.isArray(list) || !list.every((line) => Array.isArray(line) && line.length === 2 && line.every((part) => typeof part === "string"))) return undefined;
    return new Map(list as [string, string][]);
  }

  /** The text of the index's file at `url`, read from its entry, if whole. */
  #keptText(index: KeptIndex, url: string): string | undefined {
    const key = index.get(url);
    return key === undefined ? undefined : this.#area.read(key)?.toString("utf8");
  }

  /** The kept index's files, if every one is whole (see `#keptFile`). */
  #fromKept(index: KeptIndex | undefined, placedIn: string | undefined): CachedSearchFile[] | undefined {
    if (index === undefined) return undefined;
    const files: CachedSearchFile[] = [];
    for (const url of index.keys()) {
      const file = this.#keptFile(index, url, placedIn);
      if (file === undefined) return undefined;
      files.push(file);
    }
    return files;
  }

  /**
   * The kept index's file at `url`, if whole: its text for the dev server (which compares texts
   * with its site's), else its entry, kept for this build; found where an earlier build placed it,
   * in `placedIn`, it is not read.
   */
  #keptFile(index: KeptIndex, url: string, placedIn: string | undefined): CachedSearchFile | undefined {
    const key = index.get(url);
    if (key === undefined) return undefined;
    if (this.#editions !== undefined) {
      const text = this.#keptText(index, url);
      return text === undefined ? undefined : { url, text };
    }
    return this.#area.has(key, placedIn === undefined ? undefined : join(placedIn, url.slice(1))) ? { url, key } : undefined;
  }

  /** A file made by this build, kept in an entry of its own; its text only where the area could not keep it. */
  #keep({ url, text }: SearchIndexFile): CachedSearchFile {
    const key = this.#area.key("file", url, text);
    return this.#area.write(key, text) ? { url, key } : { url, text };
  }

  /**
   * Notes the edition's files as this build's; the dev server's, with their texts, in memory; a
   * build's, each kept in an entry, in a list kept under the index's key for the next build.
   */
  #remember(editionPath: string, built: BuiltIndex, files: CachedSearchFile[]): CachedSearchFile[] {
    this.#built.set(editionPath, built);
    if (this.#editions !== undefined) {
      if (files.every((file): file is SearchIndexFile => "text" in file)) this.#editions.set(editionPath, { ...built, files });
    } else if (files.every((file) => "key" in file) && !this.#area.reached(built.key)) this.#area.write(built.key, JSON.stringify(files.map(({ url, key }) => [url, key])));
    return files;
  }

  /** One day's stories' shares of the index, from its entry when the day's stories have not changed. */
  #dayTerms(key: string, stories: readonly ArticleView[]): StoryTerms[] {
    const remembered = this.#days?.get(key);
    // Its entry is kept for the next build, or written again if it went.
    if (remembered !== undefined && this.#area.reach(key)) return remembered;
    const kept = remembered === undefined ? this.#area.read(key) : undefined;
    const shares = kept !== undefined ? (JSON.parse(kept.toString("utf8")) as StoryTerms[]) : (remembered ?? stories.map((story) => storyTerms(searchDocument(story))));
    if (kept === undefined) this.#area.write(key, JSON.stringify(shares));
    this.#days?.set(key, shares);
    return shares;
  }

  /** After every edition's index: the entries no edition used go, and the days no longer read; the editions' indexes are noted for the next build. */
  prune(): void {
    this.#area.setNote(Object.fromEntries(this.#built));
    this.#built.clear();
    this.#area.prune();
    for (const key of this.#days?.keys() ?? []) if (!this.#area.reached(key)) this.#days?.delete(key);
  }
}
