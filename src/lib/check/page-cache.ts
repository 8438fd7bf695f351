/**
 * Each page's check record, kept between runs in one file: a header naming the fingerprint of the
 * checks, then one line per page, `key <tab> checksum <tab> record as JSON`. A page's key is the
 * hash of its path and bytes. A file from other checks, a line whose checksum or shape is wrong, a
 * file that cannot be read or written: each only means pages are checked afresh, said in one line.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PageRecord } from "./page-check.ts";
import { pageRecordSchema } from "./page-record-schema.ts";

const FILE = "pages.ndjson";
const FORMAT = "newsroom page checks 1";

/** The key of a page's record: its path in the site folder (some checks depend on it) and its bytes. */
export function pageKey(path: string, contents: Buffer): string {
  return createHash("sha256").update(path).update("\0").update(contents).digest("base64url");
}

const checksum = (key: string, json: string): string => createHash("sha256").update(key).update("\t").update(json).digest("base64url");

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class PageCache {
  readonly #dir: string;
  readonly #file: string;
  readonly #fingerprint: string;
  /** Lines read from the file, by key, parsed only when their page asks. */
  readonly #stored = new Map<string, string>();
  /** The records of this run's pages, saved for the next. */
  readonly #current = new Map<string, PageRecord>();
  #fresh = 0;
  #unreadableLines = 0;
  #readTrouble: string | undefined;
  #saveTrouble: string | undefined;

  /** Reads the cache in `dir`, if there is one made under the same `fingerprint`. */
  constructor(dir: string, fingerprint: string) {
    this.#dir = dir;
    this.#file = join(dir, FILE);
    this.#fingerprint = fingerprint;
    let text: string;
    try {
      text = readFileSync(this.#file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.#readTrouble = `could not be read (${reason(error)}), so every page was checked afresh`;
      return;
    }
    const [header = "", ...lines] = text.split("\n");
    const made = headerFingerprint(header);
    if (made === undefined) {
      this.#readTrouble = "was unreadable, so every page was checked afresh";
      return;
    }
    if (made !== fingerprint) {
      this.#readTrouble = "was made by other checks (another html-validate, configuration or checking code), so every page was checked afresh";
      return;
    }
    for (const line of lines) {
      if (line === "") continue;
      const key = line.slice(0, line.indexOf("\t"));
      if (key === "") this.#unreadableLines += 1;
      else this.#stored.set(key, line);
    }
  }

  /** The record kept for the page with `key`, if it is there and whole. */
  get(key: string): PageRecord | undefined {
    const line = this.#stored.get(key);
    if (line === undefined) return undefined;
    const record = parseLine(key, line);
    if (record === undefined) this.#unreadableLines += 1;
    else this.#current.set(key, record);
    return record;
  }

  /** Keeps a page's record, freshly made, for the next run. */
  set(key: string, record: PageRecord): void {
    this.#fresh += 1;
    this.#current.set(key, record);
  }

  /** Writes this run's records in place of the file, unless it already holds just them. */
  save(): void {
    const unchanged = this.#fresh === 0 && this.#unreadableLines === 0 && this.#readTrouble === undefined && this.#stored.size === this.#current.size;
    if (unchanged) return;
    const lines = [JSON.stringify({ format: FORMAT, fingerprint: this.#fingerprint })];
    for (const [key, record] of this.#current) {
      const json = JSON.stringify(record);
      lines.push(`${key}\t${checksum(key, json)}\t${json}`);
    }
    // Written aside and renamed into place, so a run that stops halfway leaves the last whole file.
    const partial = `${this.#file}.${randomBytes(6).toString("hex")}.partial`;
    try {
      mkdirSync(this.#dir, { recursive: true });
      writeFileSync(partial, `${lines.join("\n")}\n`);
      renameSync(partial, this.#file);
    } catch (error) {
      this.#saveTrouble = `could not be saved (${reason(error)})`;
      removeQuietly(partial);
    }
  }

  /** One line on what went wrong with the cache, if anything did. */
  notice(): string | undefined {
    const unreadable =
      this.#unreadableLines > 0
        ? `held ${this.#unreadableLines} unreadable ${this.#unreadableLines === 1 ? "record" : "records"}, so ${this.#unreadableLines === 1 ? "that page was" : "those pages were"} checked afresh`
        : undefined;
    const troubles = [this.#readTrouble, unreadable, this.#saveTrouble].filter((trouble) => trouble !== undefined);
    return troubles.length === 0 ? undefined : `validate: the page check cache ${this.#file} ${troubles.join("; it ")}`;
  }
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written where nothing could be.
  }
}

function headerFingerprint(header: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(header);
    const { format, fingerprint } = (parsed ?? {}) as { format?: unknown; fingerprint?: unknown };
    return format === FORMAT && typeof fingerprint === "string" ? fingerprint : undefined;
  } catch {
    return undefined;
  }
}

/** The record on a line, if its checksum and shape are right. JSON escapes tabs, so a whole line has two. */
function parseLine(key: string, line: string): PageRecord | undefined {
  const [, sum, json, ...rest] = line.split("\t");
  if (json === undefined || rest.length > 0 || sum !== checksum(key, json)) return undefined;
  try {
    const parsed = pageRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
