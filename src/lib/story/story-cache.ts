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

  constructor(store: CacheStore, { keepInMemory = true } = {}) {
    this.#area = store.area("stories", { name: "stories", made: "read" }, { extension: ".json", code: [READING_CODE, new URL(import.meta.url)] });
    this.#keepInMemory = keepInMemory;
  }

  /**
   * The read this process made of the story at `file` when neither the story's files (by their
   * stamp: see storyStamp) nor the settings changed since: no byte of it read or hashed again.
   */
  recall({ file, dataFileListed }: { file: string; dataFileListed?: boolean }, settings: Pick<StoryInput, "site" | "datelinePlaces">): StoryRead | undefined {
    const remembered = this.#memory.get(file);
    if (remembered?.stamp === undefined || remembered.settings !== settingsJson(settings) || remembered.stamp !== storyStamp(file, dataFileListed)) return undefined;
    if (!this.#area.reach(remembered.key)) this.#area.write(remembered.key, entryText(file, JSON.stringify(remembered.read)));
    this.#area.count("reused");
    return remembered.read;
  }

  /** The story's read: a kept one made from the same input, else a fresh one, kept for the next build. */
  read(input: StoryInput): StoryRead {
    const key = storyKey(input, this.#area);
    if (key === undefined) {
      this.#area.count("made");
      return readStoryFile(input);
    }
    const remembered = this.#memory.get(input.file);
    if (remembered?.key === key) {
      // Made under the same key earlier in this process: its entry is kept, or written again if it went.
      if (!this.#area.reach(key)) this.#area.write(key, entryText(input.file, JSON.stringify(remembered.read)));
      this.#area.count("reused");
      this.#remember(input, key, remembered.read);
      return remembered.read;
    }
    const kept = this.#readEntry(key);
    if (kept !== undefined) {
      this.#area.count("reused");
      return this.#remember(input, key, JSON.parse(kept) as StoryRead);
    }
    this.#area.count("made");
    const json = JSON.stringify(readStoryFile(input));
    this.#area.write(key, entryText(input.file, json));
    // Parsed back, so a fresh read and a kept one reach the page in the same form.
    return this.#remember(input, key, JSON.parse(json) as StoryRead);
  }

  /**
   * Removes the entries this build did not reach: those of stories deleted, renamed or changed
   * since. Only after a build that read every story (a build, a dev server rebuild).
   */
  prune(): void {
    this.#area.prune();
    for (const [file, { key }] of this.#memory) if (!this.#area.reached(key)) this.#memory.delete(file);
  }

  #remember(input: StoryInput, key: string, read: StoryRead): StoryRead {
    if (!this.#keepInMemory) return read;
    const settings = settingsJson(input);
    if (settings !== undefined) this.#memory.set(input.file, { key, stamp: input.files.stamp, settings, read: deepFreeze(read) });
    return read;
  }

  /** The kept read's JSON, if the area holds a whole entry under `key`. */
  #readEntry(key: string): string | undefined {
    const entry = this.#area.read(key)?.toString("utf8");
    const headerEnd = entry?.indexOf("\n") ?? -1;
    return headerEnd === -1 ? undefined : entry?.slice(headerEnd + 1);
  }
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
