import type { CacheArea, CacheStore } from "../cache/store.ts";
import { deepFreeze } from "../model/deep-freeze.ts";
import { exactJson } from "../model/exact-json.ts";
import { readStoryFile, type StoryInput, type StoryRead } from "./read-story.ts";
import { storyStamp } from "./story-source.ts";

/**
 * Keeps each story's read (readStoryFile: parsing, checks, dates, Markdown outline) between builds,
 * in the cache store's stories area, and in memory for the dev server's rebuilds. A read is reused
 * only under the key of everything it was made from (storyKey), so a cached build writes what an
 * uncached one would.
 *
 * An entry is a line naming its story file (for whoever looks into the folder), then the read as
 * JSON; the store checks it against its name when it is read, so a damaged entry is read again
 * and the build says so once.
 */
export class StoryCache {
  readonly #area: CacheArea;
  /**
   * Reads by story file, for the dev server's rebuilds: the key they were made under, the story's
   * stamp and the settings' JSON they were read with, and the read itself, frozen, so that every
   * build shares it (and what later stages work out from it, by its identity) and none changes it.
   */
  #memory = new Map<string, { key: string; stamp: string | undefined; settings: string; read: StoryRead }>();
  /** Whether reads are kept in memory too: for the dev server's rebuilds; a single build reads each story once. */
  readonly #keepInMemory: boolean;
  /** The last build's journal (see `StoryJournal`), read once a process, for the settings it was kept under. */
  #lastJournal: { settings: string; stories: ReadonlyMap<string, JournalLine> } | undefined;
  /** This build's journal: each story whose stamp vouches for it, under the settings its reads were made with. */
  #journal: { settings: string; stories: Map<string, JournalLine> } | undefined;
  /** The key each read this cache gave was kept under, which stands for all of it (see `keyOf`). */
  readonly #keys = new WeakMap<StoryRead, string>();

  constructor(store: CacheStore, { keepInMemory = true } = {}) {
    this.#area = store.area("stories", { name: "stories", made: "read" }, { extension: ".json", code: [READING_CODE, new URL(import.meta.url)], identities: false });
    this.#keepInMemory = keepInMemory;
  }

  /**
   * The read of the story at `location` when neither its files (by their stamp: see storyStamp)
   * nor the settings changed since it was made, with no byte of the story read or hashed again:
   * the read this process holds, else the entry the last build's journal names for that stamp.
   */
  recall(location: StoryLocation, settings: Pick<StoryInput, "site" | "datelinePlaces">): StoryRead | undefined {
    const settingsText = settingsJson(settings);
    if (settingsText === undefined) return undefined;
    const remembered = this.#memory.get(location.file);
    const held = remembered?.stamp !== undefined && remembered.settings === settingsText ? remembered : undefined;
    const line = held === undefined ? this.#journalOf(settingsText).get(journalName(location)) : undefined;
    // Nothing known of the story (a new one, a first build): its files are stamped when they are read.
    if (held === undefined && line === undefined) return undefined;
    const stamp = storyStamp(location.file, location.dataFileListed);
    if (stamp === undefined) return undefined;
    if (held?.stamp === stamp) {
      if (!this.#area.reach(held.key)) this.#area.write(held.key, entryText(location.file, JSON.stringify(held.read)));
      this.#area.count("reused");
      this.#log(location, settingsText, { stamp, key: held.key });
      return held.read;
    }
    const kept = line?.stamp === stamp ? this.#readEntry(line.key) : undefined;
    if (line === undefined || kept === undefined) return undefined;
    this.#area.count("reused");
    this.#log(location, settingsText, line);
    return this.#remember(location.file, line, settingsText, JSON.parse(kept) as StoryRead);
  }

  /** The story's read: a kept one made from the same input, else a fresh one, kept for the next build. */
  read(input: StoryInput): StoryRead {
    const key = storyKey(input, this.#area);
    const settings = settingsJson(input);
    if (key === undefined || settings === undefined) {
      this.#area.count("made");
      return readStoryFile(input);
    }
    const { stamp } = input.files;
    if (stamp !== undefined) this.#log(input, settings, { stamp, key });
    const remembered = this.#memory.get(input.file);
    if (remembered?.key === key) {
      // Made under the same key earlier in this process: its entry is kept, or written again if it went.
      if (!this.#area.reach(key)) this.#area.write(key, entryText(input.file, JSON.stringify(remembered.read)));
      this.#area.count("reused");
      return this.#remember(input.file, { key, stamp }, settings, remembered.read);
    }
    const kept = this.#readEntry(key);
    if (kept !== undefined) {
      this.#area.count("reused");
      return this.#remember(input.file, { key, stamp }, settings, JSON.parse(kept) as StoryRead);
    }
    this.#area.count("made");
    const json = JSON.stringify(readStoryFile(input));
    this.#area.write(key, entryText(input.file, json));
    // Parsed back, so a fresh read and a kept one reach the page in the same form.
    return this.#remember(input.file, { key, stamp }, settings, JSON.parse(json) as StoryRead);
  }

  /**
   * Removes the entries this build did not reach: those of stories deleted, renamed or changed
   * since; and keeps this build's journal for the next. Only after a build that read every story
   * (a build, a dev server rebuild).
   */
  prune(): void {
    const journal = this.#journal;
    this.#journal = undefined;
    if (journal !== undefined) this.#area.setNote({ basis: this.#area.key(JOURNAL, journal.settings), stories: Object.fromEntries(journal.stories) } satisfies StoryJournal);
    this.#area.prune();
    for (const [file, { key }] of this.#memory) if (!this.#area.reached(key)) this.#memory.delete(file);
  }

  /**
   * The key `read` was kept under, if this cache gave it: by the store's key rule, everything the
   * read is made from, so the same key is the same read, and a later stage may hash the key
   * instead of the whole read.
   */
  keyOf(read: StoryRead): string | undefined {
    return this.#keys.get(read);
  }

  #remember(file: string, { key, stamp }: { key: string; stamp: string | undefined }, settings: string, read: StoryRead): StoryRead {
    const kept = this.#keepInMemory ? deepFreeze(read) : read;
    if (this.#keepInMemory) this.#memory.set(file, { key, stamp, settings, read: kept });
    this.#keys.set(kept, key);
    return kept;
  }

  /** Notes in this build's journal that the story at `location`, with this stamp, was read under `key`. */
  #log(location: StoryLocation, settings: string, line: JournalLine): void {
    // Reads under other settings (a build before this one, which failed) are no journal of this build's.
    if (this.#journal?.settings !== settings) this.#journal = { settings, stories: new Map() };
    this.#journal.stories.set(journalName(location), line);
  }

  /** The last build's journal, if it was kept under these settings and this reading code. */
  #journalOf(settings: string): ReadonlyMap<string, JournalLine> {
    if (this.#lastJournal?.settings !== settings) this.#lastJournal = { settings, stories: journalFrom(this.#area.note(), this.#area.key(JOURNAL, settings)) };
    return this.#lastJournal.stories;
  }

  /** The kept read's JSON, if the area holds a whole entry under `key`. */
  #readEntry(key: string): string | undefined {
    const entry = this.#area.read(key)?.toString("utf8");
    const headerEnd = entry?.indexOf("\n") ?? -1;
    return headerEnd === -1 ? undefined : entry?.slice(headerEnd + 1);
  }
}

/** Where a story is, as its read's key names it. */
type StoryLocation = Pick<StoryInput, "file" | "fileSlug" | "filePathStem"> & { dataFileListed?: boolean };

/** A story's stamp when it was read, and its read's key. */
interface JournalLine {
  stamp: string;
  key: string;
}

/**
 * What a build that read every story knew of each, kept as the stories area's note for the next
 * build in a new process: a story whose stamp is unchanged is known by its read's key without
 * reading or hashing its files, as the dev server knows it in memory. `basis` is a key, by the
 * store's rule, of the reading code and the settings: under others, no line holds.
 */
interface StoryJournal {
  basis: string;
  stories: Record<string, JournalLine>;
}

const JOURNAL = "journal";

/** A line's name: the story's file, and the names Eleventy's rules give it, which its read's key holds too. */
const journalName = ({ file, fileSlug, filePathStem }: StoryLocation): string => `${file}\0${fileSlug}\0${filePathStem}`;

/** The journal's lines from a note, if it is one kept under `basis`; none otherwise. */
function journalFrom(note: unknown, basis: string): ReadonlyMap<string, JournalLine> {
  const lines = new Map<string, JournalLine>();
  if (typeof note !== "object" || note === null || !("basis" in note) || note.basis !== basis || !("stories" in note) || typeof note.stories !== "object" || note.stories === null) return lines;
  for (const [name, line] of Object.entries(note.stories as Record<string, unknown>)) {
    if (typeof line === "object" && line !== null && "stamp" in line && "key" in line && typeof line.stamp === "string" && typeof line.key === "string") lines.set(name, { stamp: line.stamp, key: line.key });
  }
  return lines;
}

/** An entry: a line naming its story file, then the read as JSON. */
const entryText = (file: string, json: string): string => `${JSON.stringify({ file })}\n${json}`;

/** The module that reads a story: its code, and all it imports, is in every read's key. */
const READING_CODE = new URL("./read-story.ts", import.meta.url);

/** The settings' JSON, made once for the settings every story of a build is read with (the same objects). */
const settingsJsons = new WeakMap<StoryInput["site"], { places: StoryInput["datelinePlaces"]; json: string | undefined }>();
/** The last settings' JSON made: the same text is then the same string, so each story's comparison with it costs nothing. */
let lastSettingsJson: string | undefined;
function settingsJson({ site, datelinePlaces }: Pick<StoryInput, "site" | "datelinePlaces">): string | undefined {
  const known = settingsJsons.get(site);
  if (known?.places === datelinePlaces) return known.json;
  let json = exactJson([site, datelinePlaces]);
  if (json !== undefined && json === lastSettingsJson) json = lastSettingsJson;
  else lastSettingsJson = json;
  settingsJsons.set(site, { places: datelinePlaces, json });
  return json;
}

/**
 * The key of a story's read, by the store's one key rule (the reading code, then): the story's file
 * name, its bytes and its data file's, and the settings it reads. The build moment is not in it:
 * whether a story is published is decided after the read. Undefined when the settings hold
 * something JSON cannot carry exactly: such a story is not cached.
 */
function storyKey(input: StoryInput, area: Pick<CacheArea, "key">): string | undefined {
  const settings = settingsJson(input);
  if (settings === undefined) return undefined;
  const { size, bytes, dataFile } = input.files;
  const described = JSON.stringify([input.file, input.fileSlug, input.filePathStem, settings, size, dataFile?.file ?? null, dataFile?.text ?? null]);
  return bytes ? area.key(described, bytes) : area.key(described);
}
