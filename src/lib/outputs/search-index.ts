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
import MiniSearch, { type Options } from "minisearch";
import { parse } from "node-html-parser";
import "../../assets/search-words.js";
import type { CacheArea, CacheStore } from "../cache/store.ts";
import type { ArticleView } from "../model/story-view.ts";
import { relativeUrl, searchUrl } from "../model/urls.ts";

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

/** The stories a search may find: published ones only (a dev build also holds drafts and embargoed ones). */
function searchableStories(stories: readonly ArticleView[]): ArticleView[] {
  return stories.filter((story) => story.state === "published");
}

/** The engine's documents and each one's result fields, in the stories' order (newest first). */
function searchDocuments(stories: readonly ArticleView[], editionPath: string): { documents: SearchDocument[]; results: SearchResultFields[] } {
  const page = searchUrl(editionPath);
  const published = searchableStories(stories);
  return {
    documents: published.map((story, id) => ({
      id,
      headline: story.headline,
      lead: story.lead ?? "",
      body: bodyText(story.bodyHtml),
      dateline: story.dateline,
      date: story.published.display,
      topics: story.topics.map((topic) => topic.name).join(", "),
    })),
    results: published.map((story) => ({
      url: relativeUrl(story.url, page),
      headline: story.headline,
      datetime: story.published.datetime,
      date: story.published.display,
      // The dateline as a line of its own, without the dash or stop that leads into the text.
      dateline: story.dateline.replace(/\s*[-–—.]\s*$/u, ""),
      lead: story.description,
    })),
  };
}

/** A shard's first key: a word's first two letters. */
const SHARD_KEY_LETTERS = 2;
/** A shard larger than this (its JSON, about a quarter of it gzipped) is split by one more letter, where its words are longer than its key. */
export const MAX_SHARD_BYTES = 96 * 1024;

const lettersOf = (word: string, count: number): string => Array.from(word).slice(0, count).join("");

/**
 * The postings by shard key: by their words' first `letters` letters, and a shard that would be
 * larger than MAX_SHARD_BYTES split again by one more letter (its words no longer than its key
 * stay in it), so a common beginning ("co", "pr") does not make one query load much more than another.
 */
export function splitShards(postings: SearchPostings, letters: number): Map<string, SearchPostings> {
  const groups = new Map<string, SearchPostings>();
  for (const posting of postings) {
    const key = lettersOf(posting[0], letters);
    const group = groups.get(key);
    if (group) group.push(posting);
    else groups.set(key, [posting]);
  }
  const shards = new Map<string, SearchPostings>();
  for (const [key, group] of groups) {
    const longer = group.filter(([word]) => Array.from(word).length > letters);
    if (longer.length === 0 || JSON.stringify(group).length <= MAX_SHARD_BYTES) {
      shards.set(key, group);
      continue;
    }
    const own = group.filter(([word]) => Array.from(word).length <= letters);
    if (own.length > 0) shards.set(key, own);
    for (const [longerKey, shard] of splitShards(longer, letters + 1)) shards.set(longerKey, shard);
  }
  return shards;
}

/** A classic script that stores `value` under `slot` of the page's `searchIndex`. */
const assignment = (slot: string, value: unknown): string => `searchIndex.${slot} = ${JSON.stringify(value)};\n`;

/**
 * The index files of one edition (under `<edition>search/`), from its stories: the same stories
 * always give the same bytes, so a kept copy of them is as good as making them again.
 */
export function searchIndexFiles(stories: readonly ArticleView[], editionPath: string): SearchIndexFile[] {
  return indexFiles(searchDocuments(stories, editionPath), editionPath);
}

function indexFiles({ documents, results }: ReturnType<typeof searchDocuments>, editionPath: string): SearchIndexFile[] {
  const folder = searchUrl(editionPath);
  const engine = new MiniSearch<SearchDocument>(searchWords.ENGINE_OPTIONS);
  engine.addAll(documents);
  const { index, documentCount, fieldIds, fieldLength, averageFieldLength, serializationVersion }: SerialisedIndex = engine.toJSON();

  const shards = splitShards(index, SHARD_KEY_LETTERS);
  const keys = [...shards.keys()].sort();
  const storyShards = Math.ceil(results.length / searchWords.STORIES_PER_SHARD);
  // A story's number is its id (MiniSearch numbers documents as they are added), so the meta script need not list ids.
  const fieldLengths = Object.values(fieldIds).map((field) => documents.map(({ id }) => fieldLength[id]?.[field] ?? 0));
  const meta: SearchMeta = { documentCount, fieldIds, fieldLengths, averageFieldLength, serializationVersion, shards: keys, storyShards };
  return [
    { url: `${folder}meta.js`, text: assignment("meta", meta) },
    ...keys.map((key) => ({
      url: `${folder}terms/${searchWords.shardFileName(key)}.js`,
      text: `searchIndex.terms[${JSON.stringify(key)}] = ${JSON.stringify(shards.get(key))};\n`,
    })),
    ...Array.from({ length: storyShards }, (_, shard) => ({
      url: `${folder}stories/${shard}.js`,
      text: `searchIndex.stories[${shard}] = ${JSON.stringify(results.slice(shard * searchWords.STORIES_PER_SHARD, (shard + 1) * searchWords.STORIES_PER_SHARD))};\n`,
    })),
  ];
}

/**
 * The search indexes kept between builds (the cache store's search area): an edition's index is
 * made again only when what it is made from changed (its stories' searchable text and result
 * fields, this module's code, the engine's version), else read back, checked, from the entry.
 */
export class SearchIndexCache {
  readonly #area: CacheArea;

  constructor(store: CacheStore) {
    this.#area = store.area("search", { name: "search indexes", made: "made" }, { extension: ".json", code: [new URL(import.meta.url)] });
  }

  /** The index files of one edition, from the cache when its stories have not changed. */
  files(stories: readonly ArticleView[], editionPath: string): SearchIndexFile[] {
    // Keyed by the fields the documents are made from, as the stories hold them: reading every
    // body's text out of its HTML is most of the work, and a kept index should not pay for it.
    const sources = searchableStories(stories).map(({ url, headline, lead, bodyHtml, dateline, published, topics, description }) => [
      url,
      headline,
      lead,
      bodyHtml,
      dateline,
      published.display,
      published.datetime,
      topics.map((topic) => topic.name),
      description,
    ]);
    const key = this.#area.key(editionPath, JSON.stringify(sources));
    const kept = this.#area.read(key);
    if (kept !== undefined) {
      this.#area.count("reused");
      return JSON.parse(kept.toString("utf8")) as SearchIndexFile[];
    }
    const files = indexFiles(searchDocuments(stories, editionPath), editionPath);
    this.#area.write(key, JSON.stringify(files));
    this.#area.count("made");
    return files;
  }

  /** After every edition's index: the entries no edition used go. */
  prune(): void {
    this.#area.prune();
  }
}
