import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { primaryLanguage } from "../model/editions.ts";
import { addressSlug } from "../model/urls.ts";
import { findStories } from "../story/find-stories.ts";
import { parseFrontMatter, splitStory } from "../story/front-matter.ts";
import { recordedIds, sameKeyOfAnyAgency } from "./content-identity.ts";
import { isSameStory, type StoryWords } from "./same-story.ts";
import { isAsWritten } from "./story-file.ts";
import type { WireProblem } from "./wire-item.ts";
import { readWireTime, wireTimeMillis } from "./wire-time.ts";

/** A story in the newsroom that came from the wire: what the importer needs to update it in place. */
export interface WireStory {
  /** The story file, and the folder that holds it and its photo. */
  file: string;
  folder: string;
  /** Its front matter as written, so an update keeps the fields the agency does not send. */
  fields: Readonly<Record<string, unknown>>;
  /** Its text, to tell a version of it from another story under its id. */
  body: string;
  /**
   * When the version on file was made, for ordering versions; -Infinity where the file records a
   * day alone (as earlier imports wrote advance copy's), which tells no time: any version with one is newer.
   */
  versionMs: number;
  /** Why the story is no longer what the import wrote (edited here), if it is not: then newer versions wait beside it. */
  changedHere: () => string | undefined;
}

export interface WireStories {
  /** The stories recording each agency id: more than one where an agency used an id again for another story. */
  byId: Map<string, WireStory[]>;
  /** The stories recording each NITF du-key key beside their id (see WireItem.updateKey). */
  byKey: Map<string, WireStory[]>;
  /** Stories whose wire record cannot be used: the importer will not update them until an editor fixes them. */
  problems: WireProblem[];
  /** The agency ids those stories record: items with them are refused rather than made into another story. */
  unusableIds: Set<string>;
  /** How those stories spell each topic and each author, by the page it makes (pageOf): an agency's other spelling of one would clash with theirs. */
  spellings: Spellings;
}

/** Names by the page they make, topics' and authors' apart: each page's first spelling. */
export interface Spellings {
  topics: Map<string, string>;
  authors: Map<string, string>;
}

/**
 * The page a topic or an author's name makes in the edition of `lang` (both are named by the slug
 * rule): names that make one page are one topic or author, or a clash. Undefined for a name with
 * nothing to spell an address from, which makes no page of its own (the story is refused for it),
 * so is never taken for another.
 */
export function pageOf(lang: string, name: string): string | undefined {
  const slug = addressSlug(name);
  return slug === "" ? undefined : `${primaryLanguage(lang)}/${slug}`;
}

/** Adds a story's topics and byline names to the spellings known, each page's first spelling kept. `siteLanguage` is a story's without a lang field. */
export function rememberSpellings(spellings: Spellings, fields: Readonly<Record<string, unknown>>, siteLanguage: string): void {
  const lang = typeof fields["lang"] === "string" ? fields["lang"] : siteLanguage;
  const names = (value: unknown): string[] => (typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : []);
  for (const [kind, field] of [["topics", "tags"], ["authors", "by"]] as const) {
    for (const name of names(fields[field])) {
      const page = pageOf(lang, name);
      if (page !== undefined && !spellings[kind].has(page)) spellings[kind].set(page, name);
    }
  }
}

const groupOf = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** The agency's id as typed in a story's wire group, read line by line where its YAML cannot be read: `wire:` then an indented `id:`. */
function typedWireId(yaml: string): string | undefined {
  const id = /^wire:[ \t]*\n(?:[ \t]+.*\n)*?[ \t]+id:[ \t]*(.+?)[ \t]*$/m.exec(yaml)?.[1];
  return id?.replace(/^(["'])(.*)\1$/, "$2");
}

/** Why a story file may not be replaced by a newer version: it or its photo was edited, or the import kept no record to tell. */
function changedHere(text: string, wire: Record<string, unknown>, photo: () => Uint8Array | undefined): string | undefined {
  if (wire["written"] === undefined) return "no wire.written record of what the import wrote, so edits here cannot be ruled out";
  return isAsWritten(text, photo) ? undefined : "edited here";
}

/** The bytes of the photo file beside the story that its photo.src names, if it names one there and it can be read. */
export function photoBeside(folder: string, fields: Readonly<Record<string, unknown>>): Uint8Array | undefined {
  const src = groupOf(fields["photo"])?.["src"];
  if (typeof src !== "string" || src !== basename(src) || src.startsWith(".")) return undefined;
  try {
    return readFileSync(join(folder, src));
  } catch {
    return undefined;
  }
}

/** `find`'s answer, found when first asked for: most stories are never asked. */
function once<T>(find: () => T): () => T {
  let found: { value: T } | undefined;
  return () => (found ??= { value: find() }).value;
}

/**
 * Finds every story under `newsDir` that records an agency item (its `wire` group), by the
 * agency's id, and how those stories spell their topics and authors. Several stories may record one id (an agency used it again): which one an item
 * updates is decided by its words (see matchStory).
 */
export function findWireStories(newsDir: string, inputDir: string, siteLanguage: string): WireStories {
  const byId = new Map<string, WireStory[]>();
  const byKey = new Map<string, WireStory[]>();
  const spellings: Spellings = { topics: new Map(), authors: new Map() };
  const problems: WireProblem[] = [];
  const unusableIds = new Set<string>();
  const unusable = (id: string, problem: WireProblem) => {
    problems.push(problem);
    unusableIds.add(id);
  };
  for (const { file } of findStories(newsDir, inputDir)) {
    const text = readFileSync(file, "utf8");
    // Most stories were typed, not imported: skip them without reading their YAML.
    if (!/^wire:/m.test(text)) continue;
    const parts = splitStory(text);
    const parsed = parts && parseFrontMatter(parts.yaml);
    if (!parts) continue;
    if (!parsed?.ok) {
      // An imported story an editor's YAML slip left unreadable is still that item's story: a newer
      // version must not become a second story beside it, nor a withdrawal miss it.
      const typed = typedWireId(parts.yaml);
      const at = parsed?.problems[0]?.line;
      const problem: WireProblem = {
        file,
        field: "front matter",
        message: `cannot be read as YAML${at === undefined ? "" : ` (line ${at})`}, so the agency's versions cannot update it (expected the YAML fixed: npm run build names the mistake)`,
        code: "WD219",
      };
      if (typed === undefined) problems.push(problem);
      else unusable(typed, problem);
      continue;
    }
    const fields = parsed.frontMatter.fields;
    rememberSpellings(spellings, fields, siteLanguage);
    const wire = groupOf(fields["wire"]);
    const id = wire?.["id"];
    if (typeof id !== "string") continue;
    const time = typeof wire?.["versionTime"] === "string" ? readWireTime(wire["versionTime"]) : undefined;
    // A day alone was written for advance copy, made before that day: read as no time rather than block its item for good.
    const versionMs = time && (time.local.includes("T") ? wireTimeMillis(time, undefined) : Number.NEGATIVE_INFINITY);
    if (versionMs === undefined) {
      unusable(id, { file, field: "wire.versionTime", message: "not an instant with an offset (expected the time the agency made this version, e.g. 2013-09-02T15:40:00+04:00)", code: "WD219" });
      continue;
    }
    // An update replaces the story's folder whole: only a story in a folder of its own may be replaced.
    if (basename(file) !== "index.md") {
      unusable(id, {
        file,
        field: "wire.id",
        message: `"${id}" is recorded in a story that is not in a folder of its own (expected <folder>/index.md, as the import writes it; update this story by hand)`,
        code: "WD219",
      });
      continue;
    }
    const folder = dirname(file);
    // Asked only of the stories items update: the photo beside each story is read only then.
    const story: WireStory = { file, folder, fields, body: parts.body, versionMs, changedHere: once(() => changedHere(text, wire ?? {}, () => photoBeside(folder, fields))) };
    for (const known of recordedIds(id)) byId.set(known, [...(byId.get(known) ?? []), story]);
    const key = wire?.["key"];
    if (typeof key === "string") byKey.set(key, [...(byKey.get(key) ?? []), story]);
  }
  for (const id of unusableIds) byId.delete(id);
  return { byId, byKey, problems, unusableIds, spellings };
}

/**
 * The stories an item whose id names no agency is for when none records that id: those recording
 * the same day and key under an agency's name (see sameKeyOfAnyAgency), by their ids. A kill typed
 * with no dateline names its story so; several agencies' stories under it are for the desk to tell apart.
 */
export function storiesOfAnyAgency(stories: Pick<WireStories, "byId">, id: string): Map<string, WireStory[]> {
  const same = sameKeyOfAnyAgency(id);
  return new Map(same === undefined ? [] : [...stories.byId].filter(([other]) => same(other)));
}

/** The stories whose words an item's are (see isSameStory). */
const withSameWords = (candidates: readonly WireStory[], words: StoryWords): WireStory[] =>
  candidates.filter((story) => isSameStory(words, { headline: typeof story.fields["title"] === "string" ? story.fields["title"] : "", body: story.body }));

/**
 * The story recording an item's NITF du-key key (WireItem.updateKey) that its words are, when no
 * story records its id: the version of a story whose agency gives each version a doc-id of its own.
 * Only by its words: a key some agencies make of the slug (AP's "River Levels") names a new story
 * on another day, and a withdrawal, which has no words, is for the story under its own id.
 */
export function storyByKey(stories: Pick<WireStories, "byKey">, key: string | undefined, words: StoryWords | undefined): WireStory | undefined {
  const same = key === undefined || words === undefined ? [] : withSameWords(stories.byKey.get(key) ?? [], words);
  return same.length === 1 ? same[0] : undefined;
}

/** The story an item is a version of, the story that already holds its id when it is another, or the stories it could be when it reads like several. */
export type StoryMatch = { story?: WireStory; beside?: WireStory } | { ambiguous: WireStory[] };

// Compared rather than subtracted: two stories recording a day alone (-Infinity) would give NaN.
const newest = (stories: readonly WireStory[]): WireStory | undefined => [...stories].sort((a, b) => (a.versionMs === b.versionMs ? 0 : b.versionMs > a.versionMs ? 1 : -1))[0];

/** A version number as agencies count them: a whole number, else none to order by. */
const versionNumber = (version: unknown): number | undefined => (typeof version === "string" && /^\d{1,9}$/.test(version) ? Number(version) : undefined);

/**
 * The story an item numbered `version` follows in its agency's own count: the newest of those
 * recording a lower number. An id used again for another story starts its count again; a rewrite
 * of the same story counts on.
 */
function earlierVersionOf(candidates: readonly WireStory[], version: string | undefined): WireStory | undefined {
  const number = versionNumber(version);
  if (number === undefined) return undefined;
  return newest(candidates.filter((story) => (versionNumber((story.fields["wire"] as Record<string, unknown> | undefined)?.["version"]) ?? Infinity) < number));
}

/**
 * Which of the stories recording an item's id it is a version of: the one whose words it shares
 * (see isSameStory), else the one its version number follows (a rewrite with a new top shares few
 * words), else a withdrawn one under its id. A withdrawal has no words to compare: it is for the
 * newest story under its id.
 */
export function matchStory(candidates: readonly WireStory[], words: StoryWords | undefined, version?: string): StoryMatch {
  if (words === undefined) {
    const story = newest(candidates);
    return story ? { story } : {};
  }
  const same = withSameWords(candidates, words);
  if (same.length > 1) return { ambiguous: same };
  const [story] = same;
  if (story) return { story };
  const followed = earlierVersionOf(candidates, version);
  if (followed) return { story: followed };
  // A withdrawn story keeps no words to compare, but its id is the item's: a version of it never becomes a story beside it.
  const withdrawn = newest(candidates.filter((candidate) => candidate.fields["withdrawn"] !== undefined));
  if (withdrawn) return { story: withdrawn };
  const beside = newest(candidates);
  return beside ? { beside } : {};
}
