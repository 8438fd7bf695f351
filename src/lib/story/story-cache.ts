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
 * A read is first kept in an entry of its own: a line naming its story file (for whoever looks
 * into the folder), then the read as JSON. Once there are PACK_AT such reads, a build's prune packs
 * them into entries of up to PACK_SIZE reads, a line each, and the journal names each story's
 * pack: a build then opens a few dozen entries rather than one a story (at 100,000 stories, opening
 * 100,000 entries took 2.7 s). A pack half of whose reads no story uses any more is packed again.
 * The store checks an entry against its name when it is read, so a damaged one is read again and
 * the build says so once.
 */
export class StoryCache {
  readonly #area: CacheArea;
  /**
   * Reads by story file, for the dev server's rebuilds: the key they were made under, the story's
   * stamp and the settings' JSON they were read with, and the read itself, frozen, so that every
   * build shares it (and what later stages work out from it, by its identity) and none changes it.
   */
  #memory = new Map<string, { key: string; stamp: string | undefined; settings: string; read: StoryRead; pack: string | undefined }>();
  /** Whether reads are kept in memory too: for the dev server's rebuilds; a single build reads each story once. */
  readonly #keepInMemory: boolean;
  /** The last build's journal (see `StoryJournal`), read once a process, for the settings it was kept under. */
  #lastJournal: { settings: string; stories: ReadonlyMap<string, JournalLine>; readers: ReadonlyMap<string, number> } | undefined;
  /** This build's journal: each story whose stamp vouches for it, under the settings its reads were made with. */
  #journal: { settings: string; stories: Map<string, JournalLine> } | undefined;
  /** The key each read this cache gave was kept under, which stands for all of it (see `keyOf`). */
  readonly #keys = new WeakMap<StoryRead, string>();
  /**
   * The packs this build opened: how many reads each holds, and the JSON of those not yet taken, by
   * key, until the last of the stories the journal names it for has taken its read (a pack is a
   * few megabytes of text: opened in the order the stories are read, few are held at once).
   */
  #packs = new Map<string, { size: number; reads: Map<string, string> | undefined; readers: number } | undefined>();

  constructor(store: CacheStore, { keepInMemory = true } = {}) {
    this.#area = store.area("stories", { name: "stories", made: "read" }, { extension: ".json", code: [READING_CODE, new URL(import.meta.url)] });
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
      this.#area.count("reused");
      this.#log(location, settingsText, { stamp, key: held.key, pack: this.#keepHeld(location.file, held) });
      return held.read;
    }
    const kept = line?.stamp === stamp ? this.#readKept(line) : undefined;
    if (line === undefined || kept === undefined) return undefined;
    this.#area.count("reused");
    this.#log(location, settingsText, { ...line });
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
    const remembered = this.#memory.get(input.file);
    if (remembered?.key === key) {
      // Made under the same key earlier in this process: its entry is kept, or written again if it went.
      const pack = this.#keepHeld(input.file, remembered);
      this.#log(input, settings, { stamp, key, pack });
      this.#area.count("reused");
      return this.#remember(input.file, { key, stamp, pack }, settings, remembered.read);
    }
    // Kept in an entry of its own, or in the pack the last build's journal names for the story.
    const last = this.#journalOf(settings).get(journalName(input));
    const pack = last?.key === key ? last.pack : undefined;
    const kept = this.#readKept({ key, pack });
    if (kept !== undefined) {
      this.#log(input, settings, { stamp, key, pack });
      this.#area.count("reused");
      return this.#remember(input.file, { key, stamp, pack }, settings, JSON.parse(kept) as StoryRead);
    }
    this.#area.count("made");
    const json = JSON.stringify(readStoryFile(input));
    this.#area.write(key, entryText(input.file, json));
    this.#log(input, settings, { stamp, key, pack: undefined });
    // Parsed back, so a fresh read and a kept one reach the page in the same form.
    return this.#remember(input.file, { key, stamp, pack: undefined }, settings, JSON.parse(json) as StoryRead);
  }

  /**
   * Removes the entries this build did not reach: those of stories deleted, renamed or changed
   * since; and keeps this build's journal for the next. Only after a build that read every story
   * (a build, a dev server rebuild).
   */
  prune(): void {
    const journal = this.#journal;
    this.#journal = undefined;
    if (journal !== undefined) {
      this.#packLoose(journal.stories);
      this.#area.setNote(journalNote(this.#area.key(JOURNAL, journal.settings), journal.stories));
      // The reads held in memory are where the journal now says: packed, some of them.
      const packOf = new Map([...journal.stories.values()].map(({ key, pack }) => [key, pack]));
      for (const held of this.#memory.values()) if (packOf.has(held.key)) held.pack = packOf.get(held.key);
    }
    this.#packs.clear();
    this.#area.prune();
    for (const [file, { key, pack }] of this.#memory) if (!this.#area.reached(pack ?? key)) this.#memory.delete(file);
  }

  /**
   * Packs the reads the journal's stories use that are kept loose: each in an entry of its own, or
   * in a pack half of whose reads no story uses any more. Once there are PACK_AT or more of them,
   * or any such pack, they go into new packs (the stories' lines then name them), and their old
   * entries go at the prune.
   */
  #packLoose(stories: Map<string, JournalLine>): void {
    // The stories' lines by the pack that keeps their reads (none: an entry of its own each).
    const users = new Map<string | undefined, [string, JournalLine][]>();
    for (const story of stories) {
      const lines = users.get(story[1].pack);
      if (lines === undefined) users.set(story[1].pack, [story]);
      else lines.push(story);
    }
    const emptied = [...users].filter((entry): entry is [string, [string, JournalLine][]] => entry[0] !== undefined && (this.#packs.get(entry[0])?.size ?? 0) >= 2 * entry[1].length);
    const loose = [...(users.get(undefined) ?? []), ...emptied.flatMap(([, lines]) => lines)];
    if (loose.length < PACK_AT && emptied.length === 0) return;
    // In the order the stories are read (by file), so that a build holds few packs at once; the same reads always make the same pack.
    loose.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const reopened = new Map<string, Map<string, string> | undefined>();
    // A read that cannot be read again stays where it is, and so does its pack: the next build reads it from there, or reads the story afresh.
    const stayed = new Set<string | undefined>();
    for (let start = 0; start < loose.length; start += PACK_SIZE) {
      const members: { line: JournalLine; json: string }[] = [];
      for (const [, line] of loose.slice(start, start + PACK_SIZE)) {
        const { key, pack } = line;
        if (pack !== undefined && !reopened.has(pack)) reopened.set(pack, packReads(this.#area.read(pack)));
        const json = pack === undefined ? this.#readEntry(key) : reopened.get(pack)?.get(key);
        if (json === undefined) stayed.add(pack);
        else members.push({ line, json });
      }
      if (members.length === 0) continue;
      const packKey = this.#area.key(PACK, ...members.map(({ line }) => line.key));
      if (!this.#area.write(packKey, members.map(({ line, json }) => `${line.key} ${json}\n`))) return;
      for (const { line } of members) {
        if (line.pack === undefined) this.#area.letGo(line.key);
        line.pack = packKey;
      }
    }
    for (const [pack] of emptied) if (!stayed.has(pack)) this.#area.letGo(pack);
  }

  /**
   * The pack that keeps a read this process holds in memory, kept for this build; none when it is
   * kept in an entry of its own (which is kept, or written again if it went), or when its pack went.
   */
  #keepHeld(file: string, held: { key: string; read: StoryRead; pack: string | undefined }): string | undefined {
    if (held.pack !== undefined && this.#area.reach(held.pack)) return held.pack;
    if (!this.#area.reach(held.key)) this.#area.write(held.key, entryText(file, JSON.stringify(held.read)));
    return undefined;
  }

  /** The JSON of the read kept under `key`: in its pack, if it is in one, else in an entry of its own. */
  #readKept({ key, pack }: { key: string; pack: string | undefined }): string | undefined {
    if (pack === undefined) return this.#readEntry(key);
    if (!this.#packs.has(pack)) {
      const reads = packReads(this.#area.read(pack));
      this.#packs.set(pack, reads && { size: reads.size, reads, readers: this.#lastJournal?.readers.get(pack) ?? reads.size });
    }
    const opened = this.#packs.get(pack);
    const json = opened?.reads?.get(key);
    if (opened?.reads === undefined || json === undefined) return undefined;
    opened.reads.delete(key);
    if ((opened.readers -= 1) <= 0) opened.reads = undefined;
    return json;
  }

  /**
   * The key `read` was kept under, if this cache gave it: by the store's key rule, everything the
   * read is made from, so the same key is the same read, and a later stage may hash the key
   * instead of the whole read.
   */
  keyOf(read: StoryRead): string | undefined {
    return this.#keys.get(read);
  }

  #remember(file: string, { key, stamp, pack }: { key: string; stamp: string | undefined; pack: string | undefined }, settings: string, read: StoryRead): StoryRead {
    const kept = this.#keepInMemory ? deepFreeze(read) : read;
    if (this.#keepInMemory) this.#memory.set(file, { key, stamp, settings, read: kept, pack });
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
    if (this.#lastJournal?.settings !== settings) {
      const stories = journalFrom(this.#area.note(), this.#area.key(JOURNAL, settings));
      const readers = new Map<string, number>();
      for (const { pack } of stories.values()) if (pack !== undefined) readers.set(pack, (readers.get(pack) ?? 0) + 1);
      this.#lastJournal = { settings, stories, readers };
    }
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

/** A story's stamp when it was read (none when its files could not be stamped), its read's key, and the pack that keeps the read, if one does. */
interface JournalLine {
  stamp: string | undefined;
  key: string;
  pack: string | undefined;
}

/**
 * What a build that read every story knew of each, kept as the stories area's note for the next
 * build in a new process: a story whose stamp is unchanged is known by its read's key without
 * reading or hashing its files, as the dev server knows it in memory, and its read is found in the
 * pack named. `basis` is a key, by the store's rule, of the reading code and the settings: under
 * others, no line holds. A line is an array (at 100,000 stories the note is 20 MB): the stamp or
 * null, the key, and the pack's place in `packs` or -1 for a read kept in an entry of its own.
 */
interface StoryJournal {
  basis: string;
  packs: string[];
  stories: Record<string, [string | null, string, number]>;
}

const JOURNAL = "journal";
const PACK = "pack";
/** Reads kept in entries of their own that a build's prune packs (a publish adds one). */
const PACK_AT = 100;
/** The most reads a pack holds: a pack is read whole, and packed again when half of it is unused. */
const PACK_SIZE = 1000;

/** The journal's note for the stories' `lines`. */
function journalNote(basis: string, lines: ReadonlyMap<string, JournalLine>): StoryJournal {
  const packs: string[] = [];
  const places = new Map<string, number>();
  const placeOf = (pack: string | undefined): number => {
    if (pack === undefined) return -1;
    let place = places.get(pack);
    if (place === undefined) places.set(pack, (place = packs.push(pack) - 1));
    return place;
  };
  const stories: StoryJournal["stories"] = {};
  for (const [name, { stamp, key, pack }] of lines) stories[name] = [stamp ?? null, key, placeOf(pack)];
  return { basis, packs, stories };
}

/** A pack's reads by key, from its entry's bytes: a line each, the key, a space, the read's JSON. */
function packReads(bytes: Buffer | undefined): Map<string, string> | undefined {
  if (bytes === undefined) return undefined;
  const reads = new Map<string, string>();
  for (const line of bytes.toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) reads.set(line.slice(0, space), line.slice(space + 1));
  }
  return reads;
}

/** A line's name: the story's file, and the names Eleventy's rules give it, which its read's key holds too. */
const journalName = ({ file, fileSlug, filePathStem }: StoryLocation): string => `${file}\0${fileSlug}\0${filePathStem}`;

/** The journal's lines from a note, if it is one kept under `basis`; none otherwise. */
function journalFrom(note: unknown, basis: string): ReadonlyMap<string, JournalLine> {
  const lines = new Map<string, JournalLine>();
  if (typeof note !== "object" || note === null || !("basis" in note) || note.basis !== basis || !("stories" in note) || typeof note.stories !== "object" || note.stories === null) return lines;
  const packs = "packs" in note && Array.isArray(note.packs) ? (note.packs as unknown[]) : [];
  for (const [name, line] of Object.entries(note.stories as Record<string, unknown>)) {
    if (!Array.isArray(line) || line.length !== 3) continue;
    const [stamp, key, place] = line as unknown[];
    const pack = typeof place === "number" ? packs[place] : undefined;
    if ((typeof stamp === "string" || stamp === null) && typeof key === "string" && (place === -1 || typeof pack === "string")) lines.set(name, { stamp: stamp ?? undefined, key, pack: typeof pack === "string" ? pack : undefined });
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
