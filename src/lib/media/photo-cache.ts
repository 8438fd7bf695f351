import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";

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

/**
 * What earlier builds learned, kept in the folder's INDEX file: each cached file's identity when
 * it last matched its record, and each photo's conversion plan by the identity its source had
 * (see fileIdentity).
 */
interface CacheIndex {
  verified: Record<string, string>;
  plans: Record<string, { identity: string; plan: unknown }>;
}

const INDEX = "index.json";

function isIndex(value: unknown): value is CacheIndex {
  if (typeof value !== "object" || value === null) return false;
  const { verified, plans } = value as Partial<CacheIndex>;
  const isObject = (part: unknown) => typeof part === "object" && part !== null && !Array.isArray(part);
  return (
    isObject(verified) &&
    Object.values(verified as object).every((identity) => typeof identity === "string") &&
    isObject(plans) &&
    Object.values(plans as object).every((entry: unknown) => isObject(entry) && typeof (entry as { identity?: unknown }).identity === "string")
  );
}

/**
 * A file's identity: its size, modification time and inode, which any write changes; with its
 * change time too for a photo an editor files. A cached file's change time is left out: publishing
 * gives it a second name in the site (see linkOrCopy), which changes it without changing a byte.
 * Undefined when the file cannot be looked at.
 */
export async function fileIdentity(path: string, { withChangeTime = false } = {}): Promise<string | undefined> {
  try {
    const { size, mtimeMs, ctimeMs, ino } = await stat(path);
    return `${size}:${mtimeMs}:${ino}${withChangeTime ? `:${ctimeMs}` : ""}`;
  } catch {
    return undefined;
  }
}

export class PhotoCache {
  readonly dir: string;
  /**
   * Files found to match their records, by name, with the identity they had then: a file whose
   * identity has not changed since is not read and hashed again, in this build or the next.
   */
  #verified = new Map<string, string>();
  /** Conversion plans by source, from earlier builds (read once), and those this build used. */
  #plans = new Map<string, { identity: string; plan: unknown }>();
  #usedPlans = new Map<string, { identity: string; plan: unknown }>();
  #indexRead = false;

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Reads what earlier builds learned; a missing or damaged index is simply not used. */
  #readIndex(): void {
    if (this.#indexRead) return;
    this.#indexRead = true;
    let index: unknown;
    try {
      index = JSON.parse(readFileSync(join(this.dir, INDEX), "utf8"));
    } catch {
      return;
    }
    if (!isIndex(index)) return;
    for (const [name, identity] of Object.entries(index.verified)) if (!this.#verified.has(name)) this.#verified.set(name, identity);
    for (const [source, entry] of Object.entries(index.plans)) if (!this.#plans.has(source)) this.#plans.set(source, entry);
  }

  /** The plan kept for `source` when its identity was `identity`, if one was. */
  knownPlan(source: string, identity: string): unknown {
    this.#readIndex();
    const entry = this.#plans.get(source);
    if (entry?.identity !== identity) return undefined;
    this.#usedPlans.set(source, entry);
    return entry.plan;
  }

  /** Keeps the plan made for `source` at `identity`, for the builds after this one. */
  rememberPlan(source: string, identity: string, plan: unknown): void {
    const entry = { identity, plan };
    this.#plans.set(source, entry);
    this.#usedPlans.set(source, entry);
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
    this.#readIndex();
    const found = await fileIdentity(path);
    if (found === undefined) return "is missing";
    const identity = `${found}:${expected}`;
    const name = basename(path);
    if (this.#verified.get(name) === identity) return undefined;
    let contents: Buffer;
    try {
      contents = await readFile(path);
    } catch (error) {
      return `could not be read (${errorCode(error) ?? String(error)})`;
    }
    if (sha256(contents) !== expected) return "does not match its record (cut short or changed)";
    this.#verified.set(name, identity);
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
      // Just written from these bytes: the next build need not read it back to trust it.
      const identity = await fileIdentity(path);
      if (identity !== undefined) this.#verified.set(name, `${identity}:${hashes[name]}`);
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

  /**
   * Removes every file in the cache folder not named in `keep`, then keeps in the index what this
   * build learned of the rest, and the plans it used; resolves to how many files went.
   */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    let entries;
    try {
      entries = await readdir(this.dir, { withFileTypes: true });
    } catch {
      return 0;
    }
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile() || keep.has(entry.name) || entry.name === INDEX) continue;
      await rm(join(this.dir, entry.name), { force: true });
      this.#verified.delete(entry.name);
      removed += 1;
    }
    const index: CacheIndex = {
      verified: Object.fromEntries([...this.#verified].filter(([name]) => keep.has(name))),
      plans: Object.fromEntries(this.#usedPlans),
    };
    this.#usedPlans = new Map();
    // Only a faster next build depends on it: one that cannot be written is left as it was.
    await this.#writeWhole(join(this.dir, INDEX), JSON.stringify(index)).catch(() => undefined);
    return removed;
  }
}
