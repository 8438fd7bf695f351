/**
 * What must hold after every day of the soak, whatever the wire sent and the editors did. Each
 * broken invariant names the story (the soak's key and its file) and what was found instead.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { ItemOutcome } from "../../src/lib/import/import-item.ts";
import { articlePermalink } from "../../src/lib/model/urls.ts";
import { findStories } from "../../src/lib/story/find-stories.ts";
import { parseFrontMatter, splitStory } from "../../src/lib/story/front-matter.ts";
import { isEdited, type DeskStory } from "./desk-stories.ts";
import { EXTENSION_PROPERTY, headlineMark, type Delivery } from "./wire-drop.ts";

export const INVARIANTS = {
  build: "the build passes every check",
  imported: "every new story the agency sent is on file",
  lost: "no published story is lost",
  changed: "no story changes but by its agency's newer version or its editor",
  edits: "every editor's change is still there",
  waiting: "an edited story's newer version waits beside it",
  warning: "a property the importer does not know is a warning, not a refusal",
  withdrawn: "a withdrawn story keeps its page, without its words",
  cache: ".cache/ holds no entries for stories that no longer exist",
} as const;

export interface Broken {
  invariant: keyof typeof INVARIANTS;
  /** The soak's key of the story concerned, when there is one. */
  story?: string;
  detail: string;
}

/** A story file as the checks read it. */
export interface StoryOnFile {
  fields: Record<string, unknown>;
  body: string;
  /** Its page, relative to the built site. */
  page: string;
}

/** Every story file in the copy, by its path relative to the copy, with its page's address. */
export function storiesOnFile(root: string): Map<string, StoryOnFile> {
  const found = new Map<string, StoryOnFile>();
  for (const { file, fileSlug, filePathStem } of findStories(join(root, "src", "news"), join(root, "src"))) {
    const parts = splitStory(readFileSync(file, "utf8"));
    const parsed = parts && parseFrontMatter(parts.yaml);
    // The importer files each story under its day: src/news/2024/03/04/<slug>/index.md.
    const day = /^\/news\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(filePathStem)?.slice(1).join("-") ?? "";
    found.set(relative(root, file), { fields: parsed?.ok ? { ...parsed.frontMatter.fields } : {}, body: parts?.body ?? "", page: articlePermalink(fileSlug, day, "") });
  }
  return found;
}

const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

/** How the story file differs from what it should hold: the agency's words as taken in. */
function agencyWordsChanged(story: DeskStory, onFile: StoryOnFile): string[] {
  const { headline, lead, paragraphs, topics = [] } = story.expected;
  const tags = Array.isArray(onFile.fields["tags"]) ? onFile.fields["tags"] : [];
  // The soak's agency never changes a headline: another one means another story's words are here.
  if (onFile.fields["title"] !== headline) return [`its headline is ${quote(String(onFile.fields["title"] ?? "(none)"))} (expected ${quote(headline)})`];
  const missing = paragraphs.filter((paragraph) => !onFile.body.includes(paragraph));
  return [
    ...(lead === undefined || story.edits.lead !== undefined || onFile.fields["lead"] === lead ? [] : [`its lead is ${quote(String(onFile.fields["lead"] ?? "(none)"))} (expected ${quote(lead)})`]),
    ...(missing.length === 0 ? [] : [`its body lacks ${missing.length} of the ${paragraphs.length} paragraphs it should hold, the first ${quote(missing[0] ?? "")}`]),
    ...topics.filter((topic) => !tags.includes(topic)).map((topic) => `its topics lack the agency's "${topic}"`),
  ];
}

function editsGone(story: DeskStory, onFile: StoryOnFile): string[] {
  const { paragraph, lead, topic } = story.edits;
  const tags = Array.isArray(onFile.fields["tags"]) ? onFile.fields["tags"] : [];
  return [
    ...(paragraph === undefined || onFile.body.includes(paragraph) ? [] : [`the paragraph its editor added is gone: ${quote(paragraph)}`]),
    ...(lead === undefined || onFile.fields["lead"] === lead ? [] : [`the lead its editor wrote is ${onFile.fields["lead"] === undefined ? "gone" : `now ${quote(String(onFile.fields["lead"]))}`}`]),
    ...(lead === undefined || onFile.fields["draft"] !== true ? [] : ["it is a draft again, after its editor published it"]),
    ...(topic === undefined || tags.includes(topic) ? [] : [`the topic its editor added is gone: "${topic}"`]),
  ];
}

/** The report's lines for a delivered file: its item's line and the reasons under it (the soak prints them all). */
function reportLine(report: string, file: string): string {
  const lines = report.split("\n");
  const at = lines.findIndex((line) => line.includes(`/${file}`));
  if (at < 0) return `(no line for ${file})`;
  const next = lines.findIndex((line, index) => index > at && !line.startsWith(" "));
  return lines.slice(at, next < 0 ? undefined : next).map((line) => line.trim()).join("; ");
}

/** After the import: every new story the drop delivered is on file, as its own story. */
export function checkImport(root: string, stories: readonly DeskStory[], deliveries: readonly Delivery[], outcomes: readonly ItemOutcome[], report: string): Broken[] {
  const broken: Broken[] = [];
  for (const { file, kind, story, version } of deliveries) {
    const outcome = outcomes.find((each) => each.item.endsWith(`/${file}`));
    if (kind.startsWith("new")) {
      const written = outcome?.story && relative(root, outcome.story);
      const other = written && stories.find((each) => each !== story && each.file === written);
      if (written && !other && (outcome.kind === "created" || outcome.kind === "held")) story.file = written;
      else broken.push({ invariant: "imported", story: story.key, detail: `${file} is not on file as a story of its own${other ? ` (it went into story ${other.key}'s file)` : ""}: ${reportLine(report, file)}` });
    }
    if (kind === "new, with an extension" && !outcome?.notes.some((note) => note.field.endsWith(EXTENSION_PROPERTY) && note.message.startsWith("warning: ignored"))) {
      broken.push({ invariant: "warning", story: story.key, detail: `no "warning: ignored ${EXTENSION_PROPERTY}" for ${file}: ${reportLine(report, file)}` });
    }
    if (kind === "update" && isEdited(story)) {
      const said = new RegExp(`^edited here: version ${version} waits in (.+)$`);
      const waits = outcome?.notes.flatMap((note) => said.exec(note.message)?.[1] ?? [])[0];
      const inPlace = waits && (isAbsolute(waits) ? waits : join(root, waits));
      if (!inPlace || !existsSync(inPlace)) {
        broken.push({ invariant: "waiting", story: story.key, detail: `${story.file}: version ${version} waits nowhere: ${reportLine(report, file)}` });
      }
    }
  }
  return broken;
}

/**
 * After the build: every published story still has its page and the words it should, every
 * editor's change is there, a withdrawn story keeps its page, and the story cache keeps no entry
 * for a story file that is gone. Stories the build published for the first time are marked so.
 */
export function checkNewsroom(root: string, stories: readonly DeskStory[]): Broken[] {
  const onFile = storiesOnFile(root);
  const broken: Broken[] = [];
  const pageExists = (page: string) => existsSync(join(root, "_site", page));
  for (const story of stories) {
    if (story.file === undefined || story.spiked) continue;
    const found = onFile.get(story.file);
    const at = (detail: string) => `${story.file}: ${detail}`;
    if (story.url !== undefined && !pageExists(story.url)) broken.push({ invariant: "lost", story: story.key, detail: at(`its page ${story.url} is gone from the built site`) });
    if (!found) {
      broken.push({ invariant: "lost", story: story.key, detail: at("the story file is gone") });
      continue;
    }
    if (story.killed) {
      if (found.fields["withdrawn"] === undefined || found.fields["title"] !== undefined || !pageExists(found.page)) {
        broken.push({ invariant: "withdrawn", story: story.key, detail: at(`expected a withdrawal notice at ${found.page}, without a headline`) });
      }
      continue;
    }
    for (const detail of agencyWordsChanged(story, found)) broken.push({ invariant: "changed", story: story.key, detail: at(detail) });
    for (const detail of editsGone(story, found)) broken.push({ invariant: "edits", story: story.key, detail: at(detail) });
    if (story.url === undefined && pageExists(found.page)) story.url = found.page;
  }
  broken.push(...orphanedCacheEntries(root, stories), ...cachedPagesOfGoneStories(root, stories));
  return broken;
}

/**
 * Story cache entries (.cache/stories/<key>.<hash>.json) whose story file is gone. Each entry's
 * first line names its story file (see src/lib/story/story-cache.ts).
 */
function orphanedCacheEntries(root: string, stories: readonly DeskStory[]): Broken[] {
  const folder = join(root, ".cache", "stories");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json") && name !== "index.json" && name !== "note.json")
    .flatMap((name): Broken[] => {
      const file = entryFile(readFileSync(join(folder, name), "utf8"));
      const path = file && (isAbsolute(file) ? file : join(root, file));
      if (path === undefined || existsSync(path)) return [];
      const story = stories.find((each) => each.file !== undefined && join(root, each.file) === path);
      return [{ invariant: "cache", ...(story ? { story: story.key } : {}), detail: `.cache/stories/${name} is kept for ${file}, which no longer exists` }];
    });
}

/**
 * Rendered pages kept in .cache/pages/ that still show a story withdrawn or deleted. Entries are
 * named by the hash of their view and of their bytes (see src/lib/eleventy/rendered-pages.ts), so they are read for
 * the words that name the story in its headline.
 */
function cachedPagesOfGoneStories(root: string, stories: readonly DeskStory[]): Broken[] {
  const folder = join(root, ".cache", "pages");
  const gone = new Map(stories.filter((story) => story.killed || story.spiked).map((story) => [headlineMark(story.key), story]));
  if (gone.size === 0 || !existsSync(folder)) return [];
  const named = new RegExp([...gone.keys()].join("|"), "g");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".html"))
    .flatMap((name) =>
      [...new Set(readFileSync(join(folder, name), "utf8").match(named))].map((mark): Broken => {
        const story = gone.get(mark);
        return { invariant: "cache", ...(story ? { story: story.key } : {}), detail: `.cache/pages/${name} still shows "${mark}", a story ${story?.killed ? "withdrawn" : "deleted"}` };
      }),
    );
}

/** The story file an entry names in its first line, if the entry is whole enough to say. */
function entryFile(entry: string): string | undefined {
  try {
    const header: unknown = JSON.parse(entry.split("\n", 1)[0] ?? "");
    const file = typeof header === "object" && header !== null && "file" in header ? header.file : undefined;
    return typeof file === "string" ? file : undefined;
  } catch {
    return undefined;
  }
}
