import { rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { DateTime } from "luxon";
import { readArticle } from "../story/article.ts";
import type { DatelinePlaces } from "../story/dateline.ts";
import type { Agency } from "../model/agencies.ts";
import type { SiteData } from "../story/read-story.ts";
import type { BuildSettings } from "../model/publishing.ts";
import { editorFieldName } from "../model/problems.ts";
import { MIN_PHOTO_WIDTH } from "../media/photos.ts";
import { readEmbeddedPhotoWords } from "./photo-metadata.ts";
import { importedBody } from "./imported-body.ts";
import { composeStoryFile } from "./story-file.ts";
import { placeStoryFolder, stageStoryFolder } from "./story-folder.ts";
import { planStory, planWithdrawal, storyPlace, zoneFor, type ImportedPhoto, type StoryPlan } from "./story-plan.ts";
import { storySlug } from "./story-slug.ts";
import type { WireItem, WireTime } from "./wire-item.ts";
import { fetchWirePhoto, type DeliveredPhoto, type PhotoFetchOptions } from "./wire-photo.ts";
import type { WireStories, WireStory } from "./wire-stories.ts";
import { formatWireTime, wireTimeMillis } from "./wire-time.ts";

export interface ImportSettings {
  newsDir: string;
  inputDir: string;
  /** Where story folders are written whole before they are moved in: on the news folder's disk. */
  stagingDir: string;
  dryRun: boolean;
  defaultZone?: string;
  defaultLanguage?: string;
  site: SiteData;
  datelinePlaces: DatelinePlaces;
  agencies: readonly Agency[];
  build: BuildSettings;
  photoFetch: PhotoFetchOptions;
}

export type OutcomeKind = "created" | "updated" | "unchanged" | "withdrawn" | "held" | "refused";

export interface ItemOutcome {
  kind: OutcomeKind;
  /** The delivered file, and the item's place in it. */
  item: string;
  /** The story file written (or that would be, in a dry run). */
  story?: string;
  notes: string[];
}

const STORY_FILE = "index.md";

const itemName = (item: WireItem): string => (item.path ? `${item.file}: ${item.path}` : item.file);
const refused = (item: WireItem, notes: string[]): ItemOutcome => ({ kind: "refused", item: itemName(item), notes });

/** A folder for a new story under its day (src/news/2013/09/02/<slug>), not taken by another story. */
function newStoryFolder(newsDir: string, day: string, slug: string): string {
  const dayFolder = join(newsDir, ...day.split("-"));
  for (let count = 1; ; count++) {
    const folder = join(dayFolder, count === 1 ? slug : `${slug}-${count}`);
    if (!existsSync(folder)) return folder;
  }
}

/** The picture taken with its words, or why the story goes without it (and is held for an editor). */
type PhotoTaken = { photo?: ImportedPhoto & { file: DeliveredPhoto }; missing?: string };

/** The item's picture with its words: the agency's fields first, then those embedded in the file. */
async function takePhoto(item: WireItem, settings: ImportSettings): Promise<PhotoTaken> {
  if (!item.photo) return {};
  const fetched = await fetchWirePhoto(item.photo.href, item.file, settings.photoFetch);
  const without = (reason: string) => ({ missing: `its photo was left out: ${item.photo?.path ? `${item.photo.path}: ` : ""}${reason}` });
  if (!fetched.ok) return without(fetched.message);
  if (fetched.photo.width < MIN_PHOTO_WIDTH) {
    return without(`"${item.photo.href}" is ${fetched.photo.width} px wide (expected at least ${MIN_PHOTO_WIDTH} px to be shown at all)`);
  }
  const embedded = await readEmbeddedPhotoWords(fetched.photo.bytes);
  const alt = item.photo.alt ?? embedded.alt;
  const caption = item.photo.caption ?? embedded.caption;
  const credit = item.photo.credit ?? embedded.credit;
  return {
    photo: { src: `photo.${fetched.photo.extension}`, file: fetched.photo, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) },
  };
}

/** Writes a planned story through the staging folder, after reading it as the build will; a story the build would refuse is not written. */
async function writeStory(
  item: WireItem,
  plan: StoryPlan,
  target: string,
  existing: WireStory | undefined,
  photo: (ImportedPhoto & { file: DeliveredPhoto }) | undefined,
  settings: ImportSettings,
): Promise<{ ok: true } | { ok: false; notes: string[] }> {
  const source = String(plan.fields["source"] ?? existing?.fields["source"] ?? "the agency");
  const text = composeStoryFile(plan.fields, plan.body, { source, format: item.format });
  const earlierPhoto = (existing?.fields["photo"] as { src?: unknown } | undefined)?.src;
  const staged = await stageStoryFolder(settings.stagingDir, {
    name: STORY_FILE,
    text,
    ...(photo ? { photo: { name: photo.src, bytes: photo.file.bytes } } : {}),
    // A withdrawn story keeps nothing of what it showed; an update drops the photo it replaces.
    ...(existing && item.status !== "canceled" ? { earlier: { folder: existing.folder, dropped: typeof earlierPhoto === "string" ? [earlierPhoto] : [] } } : {}),
  });
  try {
    const file = join(staged, STORY_FILE);
    const read = await readArticle({ file, fileSlug: basename(target), filePathStem: `/${relative(settings.inputDir, join(target, "index"))}` }, settings);
    if (!read.valid && !read.draft) {
      return { ok: false, notes: read.problems.map((problem) => `the story would not build: ${editorFieldName(problem.field)}: ${problem.message}`) };
    }
    if (!settings.dryRun) await placeStoryFolder(staged, target, existing !== undefined);
    return { ok: true };
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

/**
 * When a version was made, to order it against the one on file. A time without offset is read
 * where the story's days are counted, as the story file will write it; only then is the body
 * converted here, for the place its dateline names.
 */
function versionMillis(item: WireItem, time: WireTime, existing: WireStory | undefined, settings: ImportSettings): number | undefined {
  if (time.offset !== undefined) return wireTimeMillis(time, undefined);
  const zone = zoneFor(storyPlace(item, importedBody(item, settings.agencies)), { ...settings, ...(existing ? { existing } : {}) });
  return wireTimeMillis(time, ("zone" in zone ? zone.zone : undefined) ?? settings.defaultZone ?? "UTC");
}

/**
 * What one item does to the newsroom: a new story, an update of the story an earlier version made,
 * its withdrawal, or nothing when the version on file is as new or newer. Versions are ordered by
 * when the agency made them, not by their numbers.
 */
export async function importItem(item: WireItem, stories: WireStories, settings: ImportSettings): Promise<ItemOutcome> {
  if (stories.unusableIds.has(item.id)) {
    return refused(item, [`the story recording the agency id "${item.id}" must be mended first (see its line above)`]);
  }
  const existing = stories.byId.get(item.id);
  const time = item.versionTime ?? item.released;
  const timeMs = time && versionMillis(item, time, existing, settings);
  if (existing && timeMs !== undefined && timeMs <= existing.versionMs) {
    const older = timeMs < existing.versionMs;
    const onFile = String((existing.fields["wire"] as Record<string, unknown> | undefined)?.["versionTime"] ?? "");
    return {
      kind: "unchanged",
      item: itemName(item),
      story: existing.file,
      notes: older ? [`an older version (made ${time ? formatWireTime(time) : "?"}) than the one on file (made ${onFile}); skipped`] : [],
    };
  }

  if (item.status === "canceled") {
    if (!existing) return { kind: "withdrawn", item: itemName(item), notes: ["withdrawn by the agency before it was imported here; nothing to remove"] };
    const plan = planWithdrawal(item, existing, settings.datelinePlaces);
    const written = await writeStory(item, plan, existing.folder, existing, undefined, settings);
    if (!written.ok) return refused(item, written.notes);
    stories.byId.set(item.id, { ...existing, fields: plan.fields, versionMs: timeMs ?? existing.versionMs });
    return { kind: "withdrawn", item: itemName(item), story: existing.file, notes: [] };
  }

  const taken = await takePhoto(item, settings);
  const body = importedBody(item, settings.agencies);
  const planned = planStory(item, {
    body,
    ...(taken.photo ? { photo: taken.photo } : {}),
    datelinePlaces: settings.datelinePlaces,
    siteLanguage: settings.site.language,
    ...(settings.defaultZone ? { defaultZone: settings.defaultZone } : {}),
    ...(settings.defaultLanguage ? { defaultLanguage: settings.defaultLanguage } : {}),
    ...(existing ? { existing } : {}),
    ...(taken.missing ? { heldFor: taken.missing } : {}),
  });
  if (!planned.ok) return refused(item, planned.problems.map((problem) => problem.message));
  const { plan } = planned;
  const target = existing?.folder ?? newStoryFolder(settings.newsDir, plan.day, storySlug(String(plan.fields["title"]), item.id));
  const written = await writeStory(item, plan, target, existing, taken.photo, settings);
  if (!written.ok) return refused(item, written.notes);
  const file = join(target, STORY_FILE);
  stories.byId.set(item.id, { file, folder: target, fields: plan.fields, versionMs: timeMs ?? 0 });

  const notes = [...plan.held];
  const released = DateTime.fromISO(String(plan.fields["date"]), { zone: "UTC" });
  const embargoed = released.isValid && released.toMillis() > settings.build.epochMs;
  if (embargoed) notes.push(`embargoed until ${String(plan.fields["date"])}`);
  if (plan.correctionField) notes.push(`a correction by the agency: word it for readers in ${editorFieldName(plan.correctionField)}`);
  const kind: OutcomeKind = plan.held.length > 0 || embargoed ? "held" : existing ? "updated" : "created";
  return { kind, item: itemName(item), story: file, notes };
}
