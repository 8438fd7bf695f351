/**
 * Each page's check record, and each feed's and sitemap's, kept between runs in the cache store's
 * check area (src/lib/cache/store.ts): one entry a file, the record as JSON, under the key of the
 * checking code (by the store's key rule), html-validate's configuration (a page's), the file's path
 * in the site (some checks depend on it) and its bytes; and the pages the last check passed
 * (passed-pages.ts). A damaged entry, or a folder that cannot be written, only means files are
 * checked afresh, said in one line.
 */
import { basename, dirname } from "node:path";
import { CacheStore, type CacheArea } from "../cache/store.ts";
import { checkConfiguration } from "./check-config.ts";
import type { PageRecord } from "./page-check.ts";
import { keptPassedPagesSchema, outputFileRecordSchema, pageRecordSchema } from "./page-record-schema.ts";
import { keptForm, type KeptPassedPages, type PassedPages } from "./passed-pages.ts";
import type { OutputFileRecord } from "./validate-outputs.ts";

/** The module that checks one page; it and every module it imports, however deep, make the check. */
const PAGE_CHECK = new URL("./page-check.ts", import.meta.url);

export class CheckCache {
  readonly #store: CacheStore;
  readonly #area: CacheArea;
  readonly #configuration = checkConfiguration();
  /** Whether the store is this check's own, made for this run; a build's is the build's to sum up. */
  readonly #ownStore: boolean;

  /**
   * The cache in the folder `dir`: an area of the store in the folder above it (.cache/check), the
   * build's `store` when it gives it, whose areas' records it then has in memory.
   */
  constructor(dir: string, store?: CacheStore) {
    this.#ownStore = store === undefined;
    this.#store = store ?? new CacheStore(dirname(dir));
    this.#area = this.#store.area(basename(dir), { name: "checks", made: "checked" }, { extension: ".json", code: [PAGE_CHECK], identities: false });
  }

  /**
   * The key of a page's record. A page the build placed from the page cache is a second name of a
   * page entry the store found sound and unchanged since, whose bytes' hash it knows: such a page
   * is not read. Any other page is read and hashed (`read`).
   */
  key(file: string, path: string, read: () => Buffer): string {
    return this.#recordKey(path, this.#store.knownDigest(file) ?? this.#store.digest(read()));
  }

  /** The key of a record of `source` as the page at `path`: a page checked ahead is the page in the site when the keys are the same. */
  sourceKey(path: string, source: string): string {
    return this.#recordKey(path, this.#store.digest(Buffer.from(source)));
  }

  #recordKey(path: string, digest: string): string {
    return this.#area.key(this.#configuration, path, digest);
  }

  /** Whether a record is kept for the page with `key` (not yet checked for damage, which `get` does). */
  lists(key: string): boolean {
    return this.#area.lists(key);
  }

  /** The record kept for the page with `key`, if it is there and whole. */
  get(key: string): PageRecord | undefined {
    return this.#reused(this.#kept(key, pageRecordSchema));
  }

  /** Keeps a record, freshly made, for the next run. */
  set(key: string, record: PageRecord | OutputFileRecord): void {
    this.#area.count("made");
    this.#area.write(key, JSON.stringify(record));
  }

  /**
   * A feed's or sitemap's record: the one kept for its path and bytes, else made by `check` and
   * kept. At 10,000 stories a publish changes a tenth of the feeds, and parsing them all took a
   * quarter of a second.
   */
  outputFile(path: string, source: Buffer, check: (text: string) => OutputFileRecord): OutputFileRecord {
    const key = this.#area.key("output file", path, this.#store.digest(source));
    const kept = this.#reused(this.#kept(key, outputFileRecordSchema));
    if (kept) return kept;
    const record = check(source.toString("utf8"));
    this.set(key, record);
    return record;
  }

  /**
   * Marks the record of a page with `key` as used without reading it: a page the last check passed,
   * which this one takes as it was (passed-pages.ts). Its record stays for a later check.
   */
  reach(key: string): void {
    this.#area.reach(key);
    this.#area.count("reused");
  }

  /** The pages the last check passed on a site with the link settings `links`, if kept and whole. */
  passedPages(links: string): KeptPassedPages | undefined {
    return this.#kept(this.#passedKey(links), keptPassedPagesSchema);
  }

  /** Keeps the pages this check passed, in place of the last check's. */
  keepPassedPages(links: string, passed: PassedPages): void {
    this.#area.write(this.#passedKey(links), JSON.stringify(keptForm(passed)));
  }

  #passedKey(links: string): string {
    return this.#area.key("passed pages", this.#configuration, links);
  }

  /** The record kept under `key` if it is there, whole and of its shape. */
  #kept<T>(key: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | undefined {
    const entry = this.#area.read(key);
    if (entry === undefined) return undefined;
    let parsed;
    try {
      parsed = schema.safeParse(JSON.parse(entry.toString("utf8")));
    } catch {
      return undefined;
    }
    return parsed.success ? parsed.data : undefined;
  }

  /** A file's record, counted as reused when there is one. */
  #reused<T>(record: T | undefined): T | undefined {
    if (record !== undefined) this.#area.count("reused");
    return record;
  }

  /** After a run over the whole site: the records of pages no longer there, or changed, go. */
  save(): void {
    this.#area.prune();
  }

  /** One line on what went wrong with the cache, if anything did and the store is the check's own (a build's says it in its summary). */
  notice(): string | undefined {
    if (!this.#ownStore) return undefined;
    const troubles = this.#area.troubles();
    return troubles.length === 0 ? undefined : `validate: the page check cache: ${troubles.join("; ")}`;
  }
}
