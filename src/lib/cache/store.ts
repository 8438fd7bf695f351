/**
 * The one store every cache of the build keeps its entries in: `.cache/<area>/`, one folder a named
 * area (stories, pages, pages-dev, photos). The rules are the same for every area:
 *
 * - Key: `area.key(...)`, a hash of the area's code fingerprint (code-fingerprint.ts: the modules
 *   that make the entries, what they import, their packages, the runtime and its ICU data) and of
 *   everything else the entry is made from, which the area's owner passes in.
 * - Entries are content-addressed: `<key>.<sha256 of the bytes><extension>`, written under a
 *   temporary name and renamed, so a reader (another build at the same time too) never sees half
 *   an entry under its real name, and two writers of one key leave one whole entry.
 * - Damage: an entry is checked when a build uses it, never before. `read` and `has` (for an
 *   entry placed into the site without being read) hash its bytes unless its file is exactly as it
 *   was when last found sound (size, modification time, inode, kept in index.json by an area that
 *   keeps identities), as any write to it changes them. An entry whose bytes do not hash to its
 *   name is a miss: removed, made again, and counted once in the summary.
 * - Prune: the owner calls `prune` after a build that reached every entry it needs; every other
 *   entry of the area goes (a deleted story's read, a page no longer built), and leftovers of writes
 *   that stopped midway, of all the build found when it first listed the area.
 * - Note: what the owner keeps for its next build besides entries (the page plan's last views, the
 *   stories' journal), in the area's note.json, written at the prune; only a hint, never trusted
 *   for an entry's bytes.
 * - One summary line for the build log, every area's counts in it.
 */
import { createHash, randomUUID } from "node:crypto";
import { closeSync, copyFileSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { codeFingerprint } from "./code-fingerprint.ts";

const INDEX = "index.json";
/** An area's owner's note, a file of its own: the check, which reads every area's index, never parses a note (at 100,000 stories the stories' journal is 25 MB). */
const NOTE = "note.json";

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** The hash of an entry's bytes, from its name: `<key>.<digest><extension>`. */
const entryDigest = (name: string): string => name.slice(65, 129);

const errorCode = (error: unknown): string => (error instanceof Error && "code" in error ? String(error.code) : String(error));

/** A file's identity: any write to it changes its size or modification time; a new file is a new inode. */
function identity(path: string): string | undefined {
  try {
    const { size, mtimeMs, ino } = statSync(path);
    return `${size}:${mtimeMs}:${ino}`;
  } catch {
    return undefined;
  }
}

/** Removes a file of the store; one that cannot be removed (a read-only cache) is left for a later build, which checks it before any use. */
function remove(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Left; never a reason to fail a build.
  }
}

/** What an area's entries are to its owner, for the summary: "stories 2 read, 5 reused". */
export interface AreaWords {
  /** The area's name in the summary. */
  name: string;
  /** What making an entry afresh is called: "read", "rendered". */
  made: string;
}

/** How an area keeps its entries. */
export interface AreaOptions {
  /** What each entry's name ends in (".html"). */
  extension?: string;
  /** The modules that make the entries: their code fingerprint is in every key. */
  code: readonly URL[];
  /**
   * Whether the area keeps each entry's identity when found sound (index.json), so that `has`
   * knows it sound without reading it (entries placed into the site), and `read` without hashing
   * it (large entries). An area of many small entries, each read whole, keeps none: at 100,000
   * pages, the check's index was 20 MB read and written again by every build.
   */
  identities?: boolean;
}

/** An area's index.json: the identity each entry had when last found sound. */
interface AreaIndex {
  sound: Record<string, string>;
}

function readIndex(path: string): AreaIndex {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
    // Taken as it is (at 100,000 stories, 115,000 lines): a value that is no identity never equals one, so its entry is hashed.
    if (typeof parsed === "object" && parsed !== null && "sound" in parsed && typeof parsed.sound === "object" && parsed.sound !== null) return { sound: parsed.sound as Record<string, string> };
  } catch {
    // None yet, or unreadable: every entry used is hashed.
  }
  return { sound: {} };
}

/** An area's note.json, whatever its owner kept there; undefined when there is none or it cannot be read. */
function readNote(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

export class CacheArea {
  readonly folder: string;
  readonly #words: AreaWords;
  readonly #extension: string;
  readonly #code: readonly URL[];
  #fingerprint: string | undefined;
  /** Entry names by key, from one listing of the folder a build; undefined until a build asks. */
  #names: Map<string, string> | undefined;
  /** Every name that listing found, for the prune. */
  #folderNames: string[] | undefined;
  #index: AreaIndex | undefined;
  /** The owner's note, once read or set; `changed` when it is to be written at the prune. */
  #note: { value: unknown; changed: boolean } | undefined;
  /** The entries this build used or wrote: every other one goes at `prune`. */
  #reached = new Set<string>();
  /** Entries `has` found at the place it was told of, by name: placed there already. */
  #placedAt = new Map<string, string>();
  /** Entries this build let go of, their bytes kept in others (`letGo`). */
  #moved = new Set<string>();
  /** Entries found damaged by this process: each is counted once. */
  readonly #damagedNames = new Set<string>();
  #made = 0;
  #reused = 0;
  #damaged = 0;
  #removed = 0;
  #writeProblem: string | undefined;
  /** Whether the area keeps its entries' identities (see `AreaOptions`). */
  readonly #identities: boolean;

  constructor(folder: string, words: AreaWords, { extension = "", code, identities = true }: AreaOptions) {
    this.folder = folder;
    this.#words = words;
    this.#extension = extension;
    this.#code = code;
    this.#identities = identities;
  }

  /** Starts a build: counts from nothing, the folder listed afresh when first asked. */
  startBuild(): void {
    this.#names = undefined;
    this.#folderNames = undefined;
    this.#reached = new Set();
    this.#placedAt = new Map();
    this.#moved = new Set();
    this.#made = 0;
    this.#reused = 0;
    this.#damaged = 0;
    this.#removed = 0;
    this.#writeProblem = undefined;
  }

  /** The key of an entry made by the area's code from `parts` (each string or bytes, told apart by their lengths). */
  key(...parts: readonly (string | Uint8Array)[]): string {
    this.#fingerprint ??= codeFingerprint(this.#code);
    const hash = createHash("sha256").update(`${this.#fingerprint}\n`);
    for (const part of parts) hash.update(`${typeof part === "string" ? Buffer.byteLength(part) : part.byteLength}:`).update(part);
    return hash.digest("hex");
  }

  /** Counts an entry made afresh (a miss) or one reused, for the summary. */
  count(outcome: "made" | "reused", times = 1): void {
    if (outcome === "made") this.#made += times;
    else this.#reused += times;
  }

  /** The bytes of the entry under `key`, checked against its name; undefined when there is none or it is damaged. */
  read(key: string): Buffer | undefined {
    const name = this.#listing().get(key);
    if (name === undefined) return undefined;
    const path = join(this.folder, name);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      if (errorCode(error) !== "ENOENT") this.#damage(name);
      return undefined;
    }
    // Its identity asked after the bytes are read: a write before or during the read changed it.
    const index = this.#identities ? this.#readIndex() : undefined;
    const found = index && identity(path);
    if (found === undefined || index?.sound[name] !== found) {
      if (!this.#sound(name, bytes)) return undefined;
      if (index && found !== undefined) index.sound[name] = found;
    }
    this.#reached.add(name);
    return bytes;
  }

  /**
   * Whether a sound entry is kept under `key`; it is then the build's to `place`. `at`: where the
   * build's folder may hold it already, placed by an earlier build: a second name of the entry,
   * unchanged since it was found sound, tells so without asking the entry's own name too.
   */
  has(key: string, at?: string): boolean {
    const name = this.#listing().get(key);
    if (name === undefined) return false;
    const index = this.#readIndex();
    if (at !== undefined && index.sound[name] !== undefined && identity(at) === index.sound[name]) {
      this.#reached.add(name);
      this.#placedAt.set(name, at);
      return true;
    }
    const path = join(this.folder, name);
    const found = identity(path);
    if (found === undefined) return false;
    if (index.sound[name] !== found) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        this.#damage(name);
        return false;
      }
      if (!this.#sound(name, bytes)) return false;
      index.sound[name] = found;
    }
    this.#reached.add(name);
    return true;
  }

  /**
   * Marks the entry under `key` as used by this build without reading it, for an owner that holds
   * the entry's bytes in memory from an earlier build of this process (the dev server's rebuilds);
   * says whether the area lists one. Its file is checked by the next process that reads it.
   */
  reach(key: string): boolean {
    const name = this.#listing().get(key);
    if (name !== undefined) this.#reached.add(name);
    return name !== undefined;
  }

  /**
   * Removes the entry under `key`, whose bytes this build has kept in another (a pack of stories'
   * reads); not counted as removed in the summary, as nothing kept went.
   */
  letGo(key: string): void {
    const name = this.#listing().get(key);
    if (name === undefined) return;
    this.#reached.delete(name);
    this.#listing().delete(key);
    this.#moved.add(name);
    remove(join(this.folder, name));
  }

  /** Whether the area lists an entry under `key`: a name only, neither read nor checked. */
  lists(key: string): boolean {
    return this.#listing().has(key);
  }

  /** Whether this build used or wrote the entry under `key`. */
  reached(key: string): boolean {
    const name = this.#listing().get(key);
    return name !== undefined && this.#reached.has(name);
  }

  /**
   * Puts the entry under `key` (found sound by `has`) at `target`: a second name for the same file
   * (no byte read or written), or a copy where the target is on another device. Whatever writes to
   * it in place later changes the entry's identity, so the next build hashes it before using it.
   */
  place(key: string, target: string): void {
    const name = this.#listing().get(key);
    if (name === undefined) throw new Error(`${this.folder}: no entry for key ${key}`);
    const source = join(this.folder, name);
    try {
      linkSync(source, target);
    } catch (error) {
      if (!["EXDEV", "EPERM", "ENOTSUP", "EMLINK"].includes(errorCode(error))) throw error;
      copyFileSync(source, target);
    }
  }

  /**
   * Whether the file at `target` is the entry under `key`, found sound by this build, and unchanged
   * since: a second name of it (`place`), by its identity. A site folder reused for the next build
   * keeps such a file rather than placing it again.
   */
  isPlacedAt(key: string, target: string): boolean {
    const name = this.#listing().get(key);
    if (name !== undefined && this.#placedAt.get(name) === target) return true;
    const sound = name === undefined ? undefined : this.#readIndex().sound[name];
    return sound !== undefined && this.#reached.has(name ?? "") && identity(target) === sound;
  }

  /**
   * Keeps `bytes` under `key`, and says whether it did: a folder that cannot be written only means
   * the next build makes it again, said once. An entry may be given in pieces, written and hashed
   * one after another, so a large one (an edition's search index) is never one string in memory.
   */
  write(key: string, bytes: string | Uint8Array | Iterable<string>): boolean {
    if (this.#writeProblem !== undefined) return false;
    const temporary = join(this.folder, `${randomUUID()}.tmp`);
    let name: string;
    try {
      mkdirSync(this.folder, { recursive: true });
      const hash = createHash("sha256");
      const file = openSync(temporary, "w");
      try {
        for (const piece of typeof bytes === "string" || bytes instanceof Uint8Array ? [bytes] : bytes) {
          const buffer = typeof piece === "string" ? Buffer.from(piece) : piece;
          hash.update(buffer);
          for (let written = 0; written < buffer.byteLength; ) written += writeSync(file, buffer, written);
        }
      } finally {
        closeSync(file);
      }
      name = `${key}.${hash.digest("hex")}${this.#extension}`;
      renameSync(temporary, join(this.folder, name));
    } catch (error) {
      this.#writeProblem = errorCode(error);
      remove(temporary);
      return false;
    }
    const path = join(this.folder, name);
    // Bytes made again differently under a key (the check's passed pages, kept anew each run): the earlier entry goes at the prune.
    const replaced = this.#listing().get(key);
    if (replaced !== undefined && replaced !== name) this.#reached.delete(replaced);
    this.#listing().set(key, name);
    this.#reached.add(name);
    // Whole again: should it be damaged again, that is news.
    this.#damagedNames.delete(name);
    const written = this.#identities ? identity(path) : undefined;
    if (written !== undefined) this.#readIndex().sound[name] = written;
    return true;
  }

  /** The owner's note kept from the last build (what the page plan compares with), if any. */
  note(): unknown {
    this.#note ??= { value: readNote(join(this.folder, NOTE)), changed: false };
    return this.#note.value;
  }

  /** The note for the next build, kept at the prune. */
  setNote(note: unknown): void {
    this.#note = { value: note, changed: true };
  }

  /**
   * After a build that reached every entry it needs: removes every other entry and leftover, and
   * keeps the index (what was found sound) and the note for the next build.
   */
  prune(): void {
    // What the folder held when this build first listed it (at 100,000 stories, listing a large area
    // again took a third of a second); an entry another build wrote since is that build's to keep.
    const names = this.#folderNames ?? this.#listFolder();
    this.#folderNames = undefined;
    for (const name of names) {
      if ((name === INDEX && this.#identities) || name === NOTE || this.#reached.has(name) || this.#moved.has(name)) continue;
      remove(join(this.folder, name));
      if (!name.endsWith(".tmp") && name !== INDEX) this.#removed += 1;
    }
    if (this.#identities) {
      const index = this.#readIndex();
      index.sound = Object.fromEntries(Object.entries(index.sound).filter(([name]) => this.#reached.has(name)));
    }
    this.#names = new Map([...this.#listing()].filter(([, name]) => this.#reached.has(name)));
    this.#saveIndex();
  }

  /** This area's part of the summary line: "pages 6 rendered, 20 reused". */
  summary(): string {
    const removed = this.#removed > 0 ? `, ${this.#removed} removed` : "";
    return `${this.#words.name} ${this.#made} ${this.#words.made}, ${this.#reused} reused${removed}`;
  }

  /** What went wrong with the area this build, if anything: damaged entries, a folder it could not write. */
  troubles(): string[] {
    const plural = this.#damaged !== 1;
    return [
      ...(this.#damaged > 0 ? [`${this.#damaged} damaged ${plural ? "entries" : "entry"} in ${this.folder} ignored and made again`] : []),
      ...(this.#writeProblem === undefined ? [] : [`could not write ${this.folder} (${this.#writeProblem}), so the next build makes these ${this.#words.name} again`]),
    ];
  }

  /** The identities of the entries found sound, by name. */
  soundEntries(): Readonly<Record<string, string>> {
    return this.#readIndex().sound;
  }

  /** Whether `bytes` hash to the digest in the entry's name; a damaged entry is removed and counted once. */
  #sound(name: string, bytes: Buffer): boolean {
    if (sha256(bytes) === entryDigest(name)) return true;
    this.#damage(name);
    return false;
  }

  #damage(name: string): void {
    if (!this.#damagedNames.has(name)) {
      this.#damagedNames.add(name);
      this.#damaged += 1;
    }
    remove(join(this.folder, name));
    this.#listing().delete(name.slice(0, 64));
    delete this.#readIndex().sound[name];
  }

  /** The area's entries by key: one listing of the folder (names only, no file read) a build. */
  #listing(): Map<string, string> {
    if (this.#names === undefined) {
      this.#names = new Map();
      const names = this.#listFolder();
      this.#folderNames = names;
      const entry = new RegExp(`^([0-9a-f]{64})\\.[0-9a-f]{64}${this.#extension.replaceAll(".", "\\.")}$`);
      for (const name of names) {
        const key = entry.exec(name)?.[1];
        if (key !== undefined) this.#names.set(key, name);
      }
    }
    return this.#names;
  }

  /** The names in the area's folder: entries, its index and note, leftovers of stopped writes. */
  #listFolder(): string[] {
    try {
      return readdirSync(this.folder);
    } catch {
      // No folder yet: no entries.
      return [];
    }
  }

  #readIndex(): AreaIndex {
    this.#index ??= readIndex(join(this.folder, INDEX));
    return this.#index;
  }

  /** The index and the note only make the next build faster: one that cannot be written is left as it was. */
  #saveIndex(): void {
    if (this.#writeProblem !== undefined) return;
    if (this.#identities) this.#saveFile(INDEX, JSON.stringify(this.#readIndex()));
    if (this.#note?.changed) this.#saveFile(NOTE, JSON.stringify(this.#note.value) ?? "null");
    // Let go once kept: read again only if asked for (at 100,000 stories the stories' journal is 35 MB of heap).
    this.#note = undefined;
  }

  #saveFile(name: string, text: string): void {
    const temporary = join(this.folder, `${randomUUID()}.tmp`);
    try {
      mkdirSync(this.folder, { recursive: true });
      writeFileSync(temporary, text);
      renameSync(temporary, join(this.folder, name));
    } catch {
      remove(temporary);
    }
  }
}

/** The store: its areas by name, each a folder under `root`. */
export class CacheStore {
  readonly root: string;
  readonly #areas = new Map<string, CacheArea>();
  #digestsByIdentity: Map<string, string> | undefined;

  constructor(root: string) {
    this.root = root;
  }

  /**
   * The area `folder` (under the root): its entries end in `extension`, and their keys hold the
   * code fingerprint of `code`, the modules that make them. The same area object for the same name.
   */
  area(folder: string, words: AreaWords, options: AreaOptions): CacheArea {
    let area = this.#areas.get(folder);
    if (area === undefined) {
      area = new CacheArea(join(this.root, folder), words, options);
      this.#areas.set(folder, area);
    }
    return area;
  }

  /** The store's one hash of bytes, as entries are named by. */
  digest(bytes: Uint8Array): string {
    return sha256(bytes);
  }

  /**
   * The hash of the file at `path`, without reading it, when it is a second name of an entry of
   * this store found sound and unchanged since (a page placed into the site); else undefined. The
   * areas' records are gathered once a build, at the first ask: the check's, after the pages are placed.
   */
  knownDigest(path: string): string | undefined {
    const found = identity(path);
    if (found === undefined) return undefined;
    this.#digestsByIdentity ??= this.#soundIdentities();
    return this.#digestsByIdentity.get(found);
  }

  #soundIdentities(): Map<string, string> {
    const digests = new Map<string, string>();
    let folders: string[] = [];
    try {
      folders = readdirSync(this.root);
    } catch {
      // No store yet.
    }
    for (const folder of folders) {
      const sound = this.#areas.get(folder)?.soundEntries() ?? readIndex(join(this.root, folder, INDEX)).sound;
      for (const [name, found] of Object.entries(sound)) digests.set(found, entryDigest(name));
    }
    return digests;
  }

  /** Starts a build in every area. */
  startBuild(): void {
    this.#digestsByIdentity = undefined;
    for (const area of this.#areas.values()) area.startBuild();
  }

  /** The one line for the build log: every area's counts, then anything that went wrong. */
  summary(): string {
    const areas = [...this.#areas.values()];
    const troubles = areas.flatMap((area) => area.troubles());
    return `cache ${this.root}: ${areas.map((area) => area.summary()).join("; ")}${troubles.length > 0 ? `; ${troubles.join("; ")}` : ""}`;
  }
}
