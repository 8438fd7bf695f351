import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * Converted photos kept between builds. Each conversion is one record, `<stem>.json`, naming its
 * files with their SHA-256 and the settings they were made with; a file is used again only when
 * it still hashes to its record, so a cut-short write or a damaged file is converted again rather
 * than published. Files are written under a temporary name and renamed, the record last.
 */
export type CacheLookup =
  /** Every file is there and matches its record: their paths, by file name. */
  | { found: true; paths: ReadonlyMap<string, string> }
  /** Nothing usable; `damage` says why, when there was a record but it could not be trusted. */
  | { found: false; damage?: string };

interface CacheRecord {
  key: string;
  files: Record<string, string>;
}

function sha256(contents: Uint8Array): string {
  return createHash("sha256").update(contents).digest("hex");
}

function isRecord(value: unknown): value is CacheRecord {
  if (typeof value !== "object" || value === null) return false;
  const { key, files } = value as Partial<CacheRecord>;
  return typeof key === "string" && typeof files === "object" && files !== null && !Array.isArray(files) && Object.values(files).every((hash) => typeof hash === "string");
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

export class PhotoCache {
  readonly dir: string;
  /**
   * Files already hashed by this process, by path, with the size, change time and inode they had:
   * the dev server looks up every photo on every rebuild and need not read them all again.
   */
  #verified = new Map<string, string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The cached files of the conversion `stem`, if its record holds `key` and lists exactly `names`. */
  async lookup(stem: string, key: string, names: readonly string[]): Promise<CacheLookup> {
    let text: string;
    try {
      text = await readFile(join(this.dir, `${stem}.json`), "utf8");
    } catch (error) {
      // No record, or no cache folder at all: simply not converted yet.
      if (errorCode(error) === "ENOENT" || errorCode(error) === "ENOTDIR") return { found: false };
      return { found: false, damage: `the cache record could not be read (${errorCode(error) ?? String(error)})` };
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      return { found: false, damage: "the cache record is not valid JSON" };
    }
    if (!isRecord(record)) return { found: false, damage: "the cache record is not a conversion record" };
    if (record.key !== key) return { found: false, damage: "the cache record was made with other conversion settings" };
    const recorded = Object.keys(record.files).sort();
    if (recorded.join("\n") !== [...names].sort().join("\n")) return { found: false, damage: "the cache record lists other files" };

    const paths = new Map<string, string>();
    for (const name of names) {
      const path = join(this.dir, name);
      const problem = await this.#check(path, record.files[name] ?? "");
      if (problem) return { found: false, damage: `the cached ${name} ${problem}` };
      paths.set(name, path);
    }
    return { found: true, paths };
  }

  /** Why the file at `path` cannot be used as the one hashed `expected`, if it cannot. */
  async #check(path: string, expected: string): Promise<string | undefined> {
    let identity: string;
    try {
      const { size, ctimeMs, ino } = await stat(path);
      identity = `${size}:${ctimeMs}:${ino}:${expected}`;
    } catch {
      return "is missing";
    }
    if (this.#verified.get(path) === identity) return undefined;
    let contents: Buffer;
    try {
      contents = await readFile(path);
    } catch (error) {
      return `could not be read (${errorCode(error) ?? String(error)})`;
    }
    if (sha256(contents) !== expected) return "does not match its record (cut short or changed)";
    this.#verified.set(path, identity);
    return undefined;
  }

  /** Keeps a conversion's files, by name. Throws when the cache folder cannot be written. */
  async store(stem: string, key: string, files: ReadonlyMap<string, Uint8Array>): Promise<ReadonlyMap<string, string>> {
    await mkdir(this.dir, { recursive: true });
    const paths = new Map<string, string>();
    const hashes: Record<string, string> = {};
    for (const [name, contents] of files) {
      const path = join(this.dir, name);
      await this.#writeWhole(path, contents);
      paths.set(name, path);
      hashes[name] = sha256(contents);
    }
    const record: CacheRecord = { key, files: hashes };
    await this.#writeWhole(join(this.dir, `${stem}.json`), JSON.stringify(record));
    return paths;
  }

  /** Writes beside `path`, then renames: a reader never sees half a file under its real name. */
  async #writeWhole(path: string, contents: Uint8Array | string): Promise<void> {
    const temporary = `${path}.${process.pid}-${randomUUID().slice(0, 8)}.tmp`;
    try {
      await writeFile(temporary, contents);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  /** The names a conversion leaves in the cache: its record and its files. */
  static entryNames(stem: string, names: Iterable<string>): string[] {
    return [`${stem}.json`, ...names];
  }

  /** Removes every file in the cache folder not named in `keep`; resolves to how many went. */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    let entries;
    try {
      entries = await readdir(this.dir, { withFileTypes: true });
    } catch {
      return 0;
    }
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile() || keep.has(entry.name)) continue;
      const path = join(this.dir, entry.name);
      await rm(path, { force: true });
      this.#verified.delete(path);
      removed += 1;
    }
    return removed;
  }
}
