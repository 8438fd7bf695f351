import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { codeFingerprint } from "./code-fingerprint.ts";
import { readStoryFile, type StoryInput, type StoryRead } from "./read-story.ts";

/**
 * Keeps each story's read (readStoryFile: parsing, checks, dates, Markdown outline) between builds,
 * on disk and in memory for the dev server's rebuilds. A read is reused only under the key of
 * everything it was made from (storyKey), so a cached build writes what an uncached one would.
 *
 * One entry per story file, replaced when the story changes: a line with the hash of the rest,
 * a line naming the story and its key, then the read as JSON. An entry that fails its hash is
 * damaged; the story is read again and the build says so once.
 */
export class StoryCache {
  readonly #folder: string;
  /** Reads by story file: the key they were made under, and the read as JSON (each use parses its own copy). */
  #memory = new Map<string, { key: string; json: string }>();
  /** Whether reads are kept in memory too: for the dev server's rebuilds; a single build reads each story once. */
  readonly #keepInMemory: boolean;
  #read = 0;
  #reused = 0;
  #damaged = 0;
  #pruned = 0;
  /** The entries this build read or wrote: any other is a deleted or renamed story's, for `prune`. */
  #reached = new Set<string>();
  /** This build's entries being written: off the build's own thread, awaited by `flush`. */
  #writes: Promise<void>[] = [];
  /** Each entry's latest write, by path, so a second write of one entry waits for the first. */
  #writingEntries = new Map<string, Promise<unknown>>();
  #folderMade: Promise<unknown> | undefined;
  /** Why this build could not write an entry, once one failed; it then stops trying. */
  #writeProblem: string | undefined;

  constructor(folder: string, { keepInMemory = true } = {}) {
    this.#folder = folder;
    this.#keepInMemory = keepInMemory;
  }

  /** Starts a build's counts; the reads themselves stay, each still checked against its key. */
  startBuild(): void {
    this.#read = 0;
    this.#reused = 0;
    this.#damaged = 0;
    this.#pruned = 0;
    this.#reached = new Set();
    this.#writes = [];
    this.#writingEntries = new Map();
    this.#folderMade = undefined;
    this.#writeProblem = undefined;
  }

  /** Resolves once this build's entries are written (or have failed: see `warning`). */
  async flush(): Promise<void> {
    await Promise.all(this.#writes);
  }

  /** The story's read: a kept one made from the same input, else a fresh one, kept for the next build. */
  read(input: StoryInput): StoryRead {
    const key = storyKey(input, readingCode());
    if (key === undefined) {
      this.#read += 1;
      return readStoryFile(input);
    }
    this.#reached.add(this.#entryPath(input.file));
    const remembered = this.#memory.get(input.file);
    const kept = remembered?.key === key ? remembered.json : this.#readEntry(input.file, key);
    if (kept !== undefined) {
      this.#reused += 1;
      if (this.#keepInMemory) this.#memory.set(input.file, { key, json: kept });
      return JSON.parse(kept) as StoryRead;
    }
    this.#read += 1;
    const json = JSON.stringify(readStoryFile(input));
    if (this.#keepInMemory) this.#memory.set(input.file, { key, json });
    this.#writeEntry(input.file, key, json);
    // Parsed back, so a fresh read and a kept one reach the page in the same form.
    return JSON.parse(json) as StoryRead;
  }

  /**
   * Removes the entries this build did not reach: those of stories deleted or renamed since. Only
   * after a build that read every story (a build, a dev server rebuild), and after `flush`.
   */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.#folder);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(this.#folder, name);
      if (!name.endsWith(".json") || this.#reached.has(path)) continue;
      await rm(path, { force: true });
      this.#pruned += 1;
    }
    for (const file of this.#memory.keys()) if (!this.#reached.has(this.#entryPath(file))) this.#memory.delete(file);
  }

  /** One line for the build log: how many stories this build read, found read, and whose entries it removed (after `flush` and `prune`). */
  summary(): string {
    const pruned = this.#pruned > 0 ? `, ${this.#pruned} removed (stories no longer there)` : "";
    return `stories: ${this.#read} read, ${this.#reused} reused from ${this.#folder}${pruned}`;
  }

  /** One line when the cache let this build down (damaged entries, a folder it cannot write), else undefined; after `flush`. */
  warning(): string | undefined {
    const problems = [
      ...(this.#damaged > 0
        ? [`${this.#damaged} damaged ${this.#damaged === 1 ? "entry" : "entries"} in ${this.#folder} ignored, ${this.#damaged === 1 ? "its story" : "their stories"} read again`]
        : []),
      ...(this.#writeProblem === undefined ? [] : [`could not write ${this.#folder} (${this.#writeProblem}), so the next build reads these stories again`]),
    ];
    return problems.length === 0 ? undefined : `stories: ${problems.join("; ")}`;
  }

  #entryPath(file: string): string {
    return join(this.#folder, `${sha256(file).slice(0, 40)}.json`);
  }

  /** The kept read's JSON if the story's entry holds one under `key`; a missing or outdated entry is simply not used. */
  #readEntry(file: string, key: string): string | undefined {
    let entry: string;
    try {
      entry = readFileSync(this.#entryPath(file), "utf8");
    } catch {
      return undefined;
    }
    const parsed = parseEntry(entry);
    if (parsed === undefined) {
      this.#damaged += 1;
      return undefined;
    }
    return parsed.header === entryHeader(file, key) ? parsed.json : undefined;
  }

  #writeEntry(file: string, key: string, json: string): void {
    if (this.#writeProblem !== undefined) return;
    const path = this.#entryPath(file);
    // Written beside its place, then moved there: a build that stops midway, or a dev server
    // writing the same entry, never leaves half an entry.
    const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
    this.#folderMade ??= mkdir(this.#folder, { recursive: true });
    // A story read twice in one run (edited while the dev server reads it) is written in read
    // order, so the entry left is the later read's, never whichever rename happened to finish last.
    const earlier = this.#writingEntries.get(path) ?? this.#folderMade;
    const write = earlier
      .then(() => writeFile(temporary, formatEntry(file, key, json)))
      .then(() => rename(temporary, path))
      .catch(async (error: unknown) => {
        this.#writeProblem ??= error instanceof Error && "code" in error ? String(error.code) : String(error);
        // There may be no folder to remove it from.
        await rm(temporary, { force: true }).catch(() => undefined);
      });
    this.#writingEntries.set(path, write);
    this.#writes.push(write);
  }
}

/** Everything the reading code is: computed once per process, as it cannot change while it runs. */
let code: string | undefined;

function readingCode(): string {
  code ??= codeFingerprint([new URL("./read-story.ts", import.meta.url), new URL(import.meta.url)]);
  return code;
}

function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** JSON of a value JSON carries exactly: nothing undefined, no function, Date, NaN or array hole inside. Else undefined. */
export function exactJson(value: unknown): string | undefined {
  return isExactJson(value) ? JSON.stringify(value) : undefined;
}

function isExactJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object") return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let index = 0; index < value.length; index += 1) if (!(index in value) || !isExactJson(value[index])) return false;
    return true;
  }
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isExactJson);
}

/**
 * The key of a story's read: a hash of the reading code, the story's file name, its bytes and its
 * data file's, and the settings it reads. The build moment is not in it: whether a story is
 * published is decided after the read. Undefined when the settings hold something JSON cannot
 * carry exactly: such a story is not cached.
 */
export function storyKey(input: StoryInput, codeHash: string): string | undefined {
  const settings = exactJson([input.site, input.datelinePlaces]);
  if (settings === undefined) return undefined;
  const { size, bytes, dataFile } = input.files;
  const hash = createHash("sha256").update(
    JSON.stringify([codeHash, input.file, input.fileSlug, input.filePathStem, settings, size, dataFile?.file ?? null, dataFile?.text ?? null]),
  );
  // After a JSON array, which ends where it ends, the story's bytes cannot be mistaken for any of the above.
  if (bytes) hash.update(bytes);
  return hash.digest("hex");
}

function entryHeader(file: string, key: string): string {
  return JSON.stringify({ file, key });
}

function formatEntry(file: string, key: string, json: string): string {
  const content = `${entryHeader(file, key)}\n${json}`;
  return `${sha256(content)}\n${content}`;
}

/** An entry's header and read, or undefined when it is not whole: truncated, garbled, or of another format. */
function parseEntry(entry: string): { header: string; json: string } | undefined {
  const hashEnd = entry.indexOf("\n");
  const content = entry.slice(hashEnd + 1);
  if (hashEnd === -1 || entry.slice(0, hashEnd) !== sha256(content)) return undefined;
  const headerEnd = content.indexOf("\n");
  if (headerEnd === -1) return undefined;
  return { header: content.slice(0, headerEnd), json: content.slice(headerEnd + 1) };
}
