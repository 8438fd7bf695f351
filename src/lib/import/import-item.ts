import { rm } from "node:fs/promises";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { DateTime } from "luxon";
import { readArticle } from "../story/article.ts";
import type { DatelinePlaces } from "../story/dateline.ts";
import type { Agency, WithoutLead } from "../model/agencies.ts";
import type { SiteData } from "../story/read-story.ts";
import type { BuildSettings } from "../model/publishing.ts";
import { placeholderFields } from "../model/placeholders.ts";
import { editorFieldName, type Problem, type ProblemCode } from "../model/problems.ts";
import { MIN_PHOTO_WIDTH } from "../media/photos.ts";
import { readEmbeddedPhotoWords } from "./photo-metadata.ts";
import { importedBody } from "./imported-body.ts";
import { noEditionFor } from "./item-language.ts";
import { composeStoryFile } from "./story-file.ts";
import { placeFile, placeStoryFolder, stageStoryFolder } from "./story-folder.ts";
import { PHOTO_WORDS, photoWordsOf, planStory, planWithdrawal, sameWords, storyDates, storyPlace, zoneFor, type ImportedPhoto, type StoryPlan } from "./story-plan.ts";
import { storySlug } from "./story-slug.ts";
import { serviceMessage, type ServiceMessage } from "./service-message.ts";
import { editorsNoteFieldNote, ignoredNote, oneLine } from "./wire-fields.ts";
import type { ItemNote, RefusedItem, WireFormat, WireItem, WireTime } from "./wire-item.ts";
import { fetchWirePhoto, type DeliveredPhoto, type PhotoFetchOptions } from "./wire-photo.ts";
import { matchStory, photoBeside, rememberSpellings, storiesOfAnyAgency, storyByKey, type WireStories, type WireStory } from "./wire-stories.ts";
import { dayBeforeId, isContentId } from "./content-identity.ts";
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
  /** What becomes of an item without a lead whose agency's entry does not say: the site's `withoutLead`. */
  withoutLead: WithoutLead;
  build: BuildSettings;
  photoFetch: PhotoFetchOptions;
}

export type OutcomeKind = "created" | "updated" | "unchanged" | "withdrawn" | "held" | "refused";

export interface ItemOutcome {
  kind: OutcomeKind;
  /** The delivered file, and the item's place in it. */
  item: string;
  /** The format or producer's dialect the item was read as; absent for a file no reader could read. */
  format?: WireFormat;
  /** The story file written (or that would be, in a dry run). */
  story?: string;
  /** Why the item came to this, most important first, and what an editor should know of it. */
  notes: Problem[];
}

const STORY_FILE = "index.md";

const itemName = (item: WireItem): string => (item.path ? `${item.file}: ${item.path}` : item.file);
const refused = (item: WireItem, notes: Problem[]): ItemOutcome => ({ kind: "refused", item: itemName(item), notes });

/** A note on the item as a whole, in its delivered file. */
const itemNote = (item: Pick<WireItem, "file">, message: string, code: ProblemCode): Problem => ({ file: item.file, field: "", message, code });

/** A note of the item's reader or plan, in the item's delivered file. */
const inItemFile = (item: Pick<WireItem, "file">, note: ItemNote): Problem => ({ file: item.file, ...note });

/** A folder for a new story under its day (src/news/2013/09/02/<slug>), not taken by another story. */
function newStoryFolder(newsDir: string, day: string, slug: string, stories: WireStories): string {
  const dayFolder = join(newsDir, ...day.split("-"));
  // A story this run made holds its folder too, written or not (a dry run writes none).
  const claimed = new Set([...stories.byId.values()].flat().map(({ folder }) => folder));
  for (let count = 1; ; count++) {
    const folder = join(dayFolder, count === 1 ? slug : `${slug}-${count}`);
    if (!existsSync(folder) && !claimed.has(folder)) return folder;
  }
}

/** The picture taken with its words, or why the story goes without it (and is held for an editor). */
type PhotoTaken = { photo?: ImportedPhoto & { file: DeliveredPhoto }; missing?: ItemNote };

/** Whether `file` holds exactly `contents`. */
const holds = (file: string, contents: string | Uint8Array): boolean => existsSync(file) && readFileSync(file).equals(Buffer.from(contents));

/** The words of the story's photo on file, when the update delivers the same picture: an update never blanks them. */
function earlierPhotoWords(existing: WireStory | undefined, bytes: Uint8Array): Omit<ImportedPhoto, "src"> {
  const photo = existing?.fields["photo"] as Record<string, unknown> | undefined;
  const src = photo?.["src"];
  if (!existing || !photo || typeof src !== "string" || !holds(join(existing.folder, src), bytes)) return {};
  return photoWordsOf(photo);
}

/**
 * The item's picture with its words and rights, each word from the agency's fields first, then
 * from those embedded in the file (its IPTC metadata), then from those the story has for the same picture.
 */
async function takePhoto(item: Pick<WireItem, "file" | "photo">, existing: WireStory | undefined, settings: ImportSettings): Promise<PhotoTaken> {
  if (!item.photo) return {};
  const fetched = await fetchWirePhoto(item.photo.href, item.file, settings.photoFetch);
  const without = (reason: string): PhotoTaken => ({ missing: { field: item.photo?.path ?? "", message: `its photo was left out: ${reason}`, code: "WD215" } });
  if (!fetched.ok) return without(fetched.message);
  if (fetched.photo.width < MIN_PHOTO_WIDTH) {
    return without(`"${item.photo.href}" is ${fetched.photo.width} px wide (expected at least ${MIN_PHOTO_WIDTH} px to be shown at all)`);
  }
  const embedded = await readEmbeddedPhotoWords(fetched.photo.bytes);
  const earlier = earlierPhotoWords(existing, fetched.photo.bytes);
  const delivered: Omit<ImportedPhoto, "src"> = item.photo;
  const words = photoWordsOf(Object.fromEntries(PHOTO_WORDS.map((name) => [name, delivered[name] ?? embedded[name] ?? earlier[name]])));
  return { photo: { src: `photo.${fetched.photo.extension}`, file: fetched.photo, ...words } };
}

/** A planned story read as the build will read it, from its staged folder. */
interface StagedStory {
  staged: string;
  /** Why the build would refuse it: it cannot be written as it is. */
  refusals: Problem[];
  /** True when the build keeps it off the site as a draft (held, or with a placeholder still to be worded). */
  draft: boolean;
  /** A draft's problems the build would refuse it for once published, beyond what holds it (a missing field, a placeholder). */
  draftProblems: Problem[];
}

/** A held story's problems its hold reasons already name: a field the agency did not send (WD120), a placeholder to word (WD124). */
const SAID_BY_HOLD: ReadonlySet<string> = new Set(["WD120", "WD124"]);

/**
 * The story file's text for a plan, recording the photo it names beside it: `photo`, the item's,
 * else the one it keeps of the story on file.
 */
function storyText(item: WireItem, plan: StoryPlan, existing: WireStory | undefined, photo: Uint8Array | undefined): string {
  const source = String(plan.fields["source"] ?? existing?.fields["source"] ?? "the agency");
  return composeStoryFile(plan.fields, plan.body, { source, format: item.format }, photo ?? (existing && photoBeside(existing.folder, plan.fields)));
}

/** Writes a planned story's folder whole in the staging folder and reads it as the build will; `use` decides what becomes of it. */
async function withStagedStory<T>(
  item: WireItem,
  plan: StoryPlan,
  target: string,
  existing: WireStory | undefined,
  photo: (ImportedPhoto & { file: DeliveredPhoto }) | undefined,
  settings: ImportSettings,
  use: (story: StagedStory) => Promise<T>,
): Promise<T> {
  const text = storyText(item, plan, existing, photo?.file.bytes);
  const earlierPhoto = (existing?.fields["photo"] as { src?: unknown } | undefined)?.src;
  const staged = await stageStoryFolder(settings.stagingDir, {
    name: STORY_FILE,
    text,
    ...(photo ? { photo: { name: photo.src, bytes: photo.file.bytes } } : {}),
    // A withdrawn story keeps nothing of what it showed; an update drops the photo it replaces.
    ...(existing && item.status !== "canceled"
      ? { earlier: { folder: existing.folder, dropped: photo && typeof earlierPhoto === "string" ? [earlierPhoto] : [] } }
      : {}),
  });
  try {
    const file = join(staged, STORY_FILE);
    const read = await readArticle({ file, fileSlug: basename(target), filePathStem: `/${relative(settings.inputDir, join(target, "index"))}` }, settings);
    // The story's own problems, each with its story code, on the item's line: the story file is not written.
    const notes = read.valid ? [] : read.problems.map((problem) => itemNote(item, `${editorFieldName(problem.field)}: ${problem.message}`, problem.code));
    const refusals = !read.valid && !read.draft ? notes : [];
    const draftProblems = !read.valid && read.draft ? notes.filter(({ code }) => !SAID_BY_HOLD.has(code)) : [];
    const draft = read.valid ? read.state === "draft" : read.draft;
    return await use({ staged, refusals, draft, draftProblems });
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

/** Whether a story's date is still to come at the import's moment: it is under embargo. */
function isEmbargoed(date: unknown, settings: ImportSettings): boolean {
  const released = DateTime.fromISO(String(date), { zone: "UTC" });
  return released.isValid && released.toMillis() > settings.build.epochMs;
}

/** Whether readers see the story on file now: neither a draft (nor held by a placeholder), nor under embargo, nor withdrawn. */
function isLive(fields: Readonly<Record<string, unknown>>, settings: ImportSettings): boolean {
  if (fields["draft"] === true || fields["withdrawn"] !== undefined || placeholderFields(fields).length > 0) return false;
  return !isEmbargoed(fields["date"], settings);
}

/**
 * When a version was made (or its embargo ends), to order it against the one on file. A time without offset is read
 * where the story's days are counted, as the story file will write it; only then is the body
 * converted here, for the place its dateline names.
 */
function versionMillis(item: WireItem, time: WireTime, existing: WireStory | undefined, settings: ImportSettings): number | undefined {
  if (time.offset !== undefined) return wireTimeMillis(time, undefined);
  const zone = zoneFor(storyPlace(item, importedBody(item, settings)), { ...settings, ...(existing ? { existing } : {}) });
  return wireTimeMillis(time, ("zone" in zone ? zone.zone : undefined) ?? settings.defaultZone ?? "UTC");
}

/** The line saying the story on file records a day alone as its version's time (see WireStory.versionMs), so this version was taken as newer. */
function dayAloneOnFile(existing: WireStory | undefined): Problem[] {
  if (existing?.versionMs !== Number.NEGATIVE_INFINITY) return [];
  const onFile = String((existing.fields["wire"] as Record<string, unknown> | undefined)?.["versionTime"] ?? "");
  return [
    {
      file: existing.file,
      field: "wire.versionTime",
      message: `a day alone (${onFile}), as earlier imports wrote advance copy's, which tells no time: this version is taken as newer, and its time recorded (expected an instant with an offset, as the import now writes)`,
      code: "WD230",
    },
  ];
}

/** The version as a line names it ("version 2"), and as the files waiting beside the story name it ("v2"). */
function versionNames(item: WireItem): { spoken: string; label: string } {
  const time = item.versionTime ?? item.released;
  const named = item.version ?? (time ? formatWireTime(time) : "new");
  return { spoken: item.version === undefined ? `the version made ${named}` : `version ${item.version}`, label: `${item.version === undefined ? "" : "v"}${named.replace(/[^A-Za-z0-9.-]+/g, "-")}` };
}

/**
 * The notes on what an editor must still do to a story written as a draft, a correction's with
 * what the agency's notes to editors say it corrects ("(Corrects day in first paragraph)"); then
 * the lines naming what of the item the story leaves out.
 */
function draftNotes(item: WireItem, plan: StoryPlan): Problem[] {
  const noted = plan.correctionNotes ? `, noting ${plan.correctionNotes.map((note) => JSON.stringify(note)).join(" and ")}` : "";
  const correction = plan.correctionField ? [itemNote(item, `a correction by the agency${noted}: word it for readers in ${editorFieldName(plan.correctionField)}`, "WD216")] : [];
  return [...plan.held.map((note) => inItemFile(item, note)), ...correction, ...(plan.leftOut ?? []).map((note) => inItemFile(item, note))];
}

/** The story's problems as the reasons the item is refused or waits: "the story would not build: title: …". */
const wouldNotBuild = (refusals: readonly Problem[], said: string): Problem[] => refusals.map((refusal) => ({ ...refusal, message: `${said}: ${refusal.message}` }));

/** The name of the file a version waits in beside its story (see waitBeside). */
const waitingName = (label: string): string => `index.wire-${label}.md.txt`;
const WAITING_FILE = /^index\.wire-.+\.md\.txt$/;

/** The versions waiting beside a story (but `except`), by file name. */
function waitingBeside(folder: string, except?: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((name) => WAITING_FILE.test(name) && name !== except).sort() : [];
}

/** The note naming versions still waiting beside a story (but `except`), so an editor takes them in order; none when none wait. */
function stillWaiting(item: WireItem, folder: string, except?: string): Problem[] {
  const waiting = waitingBeside(folder, except);
  return waiting.length > 0 ? [itemNote(item, `also waiting beside it: ${waiting.join(", ")}`, "WD222")] : [];
}

/**
 * For a kill or hold of wire text no story on file is, what it was looked for by: such a story is
 * known by its words (contentId), which a notice gives only in part.
 */
function notOnFile(id: string, hold: boolean): string {
  if (!isContentId(id)) return "";
  const byHand = hold ? "hold a story of another day by hand (draft: true)" : `withdraw a story of another day by hand, as the editor's guide says under "Withdrawing a story"`;
  return ` (no story on file is known as "${id}", by its agency, day, and slug line or headline: ${byHand})`;
}

/** How a service message is named on its line. */
const SERVICE_NAMES: Readonly<Record<ServiceMessage, string>> = {
  imprint: "imprint, its service item's legal notice",
  advisory: "advisory or schedule for the desk",
};

/**
 * A service message (see serviceMessage): no story is written, as it never is one, and its words
 * are quoted on its line for the desk, as a kill's are. Nothing in the newsroom changes.
 */
function skipServiceMessage(item: WireItem, service: ServiceMessage, settings: ImportSettings): ItemOutcome {
  const words = [item.lead ?? "", importedBody(item, settings).markdown].map(oneLine).filter((text) => text !== "").join(" ");
  const said = words === "" ? [] : [inItemFile(item, ignoredNote("body", `${JSON.stringify(words)}: the agency's ${service}, for the desk, not story text`))];
  const message = `the agency's ${SERVICE_NAMES[service]} (headlined ${JSON.stringify(item.headline)}), not a story: none is written`;
  return { kind: "unchanged", item: itemName(item), notes: [itemNote(item, message, "WD246"), ...said] };
}

/**
 * A hold notice for a story on file: a published story becomes a draft, so readers no longer see it
 * until the agency releases it (its next version publishes it again) or an editor does; its words
 * stay as they are. A story the desk changed is not written over: the line asks for the draft by hand.
 */
async function holdStory(item: WireItem, existing: WireStory | undefined, settings: ImportSettings): Promise<ItemOutcome> {
  const held = (said: string, story?: string): ItemOutcome => ({ kind: "held", item: itemName(item), ...(story ? { story } : {}), notes: [itemNote(item, said, "WD245")] });
  if (!existing) return { ...held(`held by the agency before it was imported here; nothing to hold${notOnFile(item.id, true)}`), kind: "unchanged" };
  if (existing.fields["withdrawn"] !== undefined) return { ...held("held by the agency, but withdrawn here already; nothing to hold", existing.file), kind: "unchanged" };
  if (existing.fields["draft"] === true) return held("held by the agency while a draft here: keep it a draft until the agency releases it", existing.file);
  const changed = existing.changedHere();
  if (changed !== undefined) return held(`held by the agency, but changed here (${changed}), so not written over: make it a draft by hand (draft: true) until the agency releases it`, existing.file);
  const { wire, ...fields } = existing.fields;
  // The file's text as read opens with the line after the front matter, which writing it puts back.
  const plan: StoryPlan = { fields: { ...fields, draft: true, wire }, body: existing.body.trimStart(), held: [], day: "" };
  return withStagedStory(item, plan, existing.folder, existing, undefined, settings, async ({ staged }) => {
    if (!settings.dryRun) await placeStoryFolder(staged, existing.folder, true);
    return held("held by the agency: made a draft, its words kept, until the agency releases it (its next version publishes it) or an editor removes draft: true", existing.file);
  });
}

/**
 * What of the desk's a kill takes with the story, said on its line: the story's text as the desk
 * changed it, and the versions waiting beside it. A kill takes every word of the story, as
 * agencies require; an editor hears what went rather than finding it gone.
 */
function takenByKill(item: WireItem, existing: WireStory): Problem[] {
  const waiting = waitingBeside(existing.folder);
  const taken = [...(existing.changedHere() === undefined ? [] : [`the story as the desk had it (${existing.changedHere()})`]), ...(waiting.length > 0 ? [`the versions waiting beside it (${waiting.join(", ")})`] : [])];
  if (taken.length === 0) return [];
  return [itemNote(item, `${taken.join(" and ")} went with the kill, which takes every word of the story (expected nothing to do; a copy the desk must keep comes from its own history of src/news/)`, "WD234")];
}

/**
 * Keeps a newer version beside the story on file, in files the build never reads as a story
 * (index.wire-v2.md.txt, and its photo as photo.wire-v2.jpg): the story stays as it is. The
 * waiting file is a whole story file, recording its own hash, so an editor may take it whole
 * by renaming it to index.md.
 */
async function waitBeside(item: WireItem, plan: StoryPlan, existing: WireStory, photo: PhotoTaken["photo"], why: string, notes: Problem[], settings: ImportSettings): Promise<ItemOutcome> {
  const { spoken, label } = versionNames(item);
  const waitingPhoto = photo && { file: join(existing.folder, `photo.wire-${label}.${photo.file.extension}`), bytes: photo.file.bytes };
  const fields = waitingPhoto ? { ...plan.fields, photo: { ...(plan.fields["photo"] as object), src: basename(waitingPhoto.file) } } : plan.fields;
  const text = storyText(item, { ...plan, fields }, existing, waitingPhoto?.bytes);
  const waiting = join(existing.folder, waitingName(label));
  const outcome = (kind: OutcomeKind, said: string): ItemOutcome => ({
    kind,
    item: itemName(item),
    story: existing.file,
    notes: [itemNote(item, said, "WD222"), ...notes, ...stillWaiting(item, existing.folder, waitingName(label))],
  });
  if (holds(waiting, text) && (!waitingPhoto || holds(waitingPhoto.file, waitingPhoto.bytes))) return outcome("unchanged", `${why}: ${spoken} already waits in ${waiting}`);
  if (!settings.dryRun) {
    if (waitingPhoto) await placeFile(settings.stagingDir, waitingPhoto.file, waitingPhoto.bytes);
    await placeFile(settings.stagingDir, waiting, text);
  }
  return outcome("held", `${why}: ${spoken} waits in ${waiting}`);
}

/** The item's language with no edition to publish it in (WD214), and its photo taken, or why it is left out: told of an item whole or refused by its reader alike. */
async function checkLanguageAndPhoto(item: Pick<WireItem, "file" | "lang" | "photo">, existing: WireStory | undefined, settings: ImportSettings): Promise<{ unpublishable: Problem[]; taken: PhotoTaken }> {
  const unpublishable = noEditionFor(item.lang ?? settings.defaultLanguage, settings.site.editions);
  return { unpublishable: unpublishable === undefined ? [] : [itemNote(item, unpublishable, "WD214")], taken: await takePhoto(item, existing, settings) };
}

/** The line saying the item's photo would be left out, for a refused item: it holds a story, so a refused one lists it with its problems. */
const photoLeftOut = (item: Pick<WireItem, "file">, taken: PhotoTaken): Problem[] => (taken.missing ? [inItemFile(item, taken.missing)] : []);

/**
 * An item its reader refused, with every other problem that can be told without the parts it
 * lacks: a language with no edition, a place no zone is known for or times that date no story,
 * a photo that cannot be taken. A withdrawal's are its reader's alone, as none of its words are
 * read. Nothing is written.
 */
export async function checkRefusedItem({ problems, found }: RefusedItem, stories: WireStories, settings: ImportSettings): Promise<ItemOutcome> {
  // Named as a reader's refusal is, by its file: each problem names its place in it.
  const outcome: ItemOutcome = { kind: "refused", item: found.file, notes: [...problems] };
  if (found.status === "canceled") return outcome;
  // The story on file dates an update (its zone, its place); read as the item's when its words tell it from another under the id.
  const { id, headline, body } = found;
  const imported = body === undefined ? undefined : importedBody({ ...found, body }, settings);
  const words = headline !== undefined && imported !== undefined ? { headline, body: imported.markdown } : undefined;
  const match = id === undefined || stories.unusableIds.has(id) ? {} : matchStory(stories.byId.get(id) ?? [], words, found.version);
  const existing = ("story" in match ? match.story : undefined) ?? storyByKey(stories, found.updateKey, words);
  const { unpublishable, taken } = await checkLanguageAndPhoto(found, existing, settings);
  const dated = storyDates(found, imported ?? {}, {
    datelinePlaces: settings.datelinePlaces,
    ...(settings.defaultZone ? { defaultZone: settings.defaultZone } : {}),
    ...(existing ? { existing } : {}),
    timeRefused: problems.some(({ code }) => code === "WD208"),
  });
  outcome.notes.push(...unpublishable, ...(dated.ok ? [] : dated.problems), ...photoLeftOut(found, taken));
  return outcome;
}

/**
 * What one item does to the newsroom: a new story, an update of the story an earlier version made,
 * its withdrawal, or nothing when the version on file is as new or newer. Versions are ordered by
 * when the agency made them, not by their numbers. A version never replaces a story an editor
 * changed, nor a published story with one that would be held or refused: it waits beside it.
 */
export async function importItem(item: WireItem, stories: WireStories, settings: ImportSettings): Promise<ItemOutcome> {
  if (stories.unusableIds.has(item.id)) {
    return refused(item, [itemNote(item, `the story recording the agency id "${item.id}" must be mended first (see its line above)`, "WD219")]);
  }
  // An advisory or an imprint is no story, whatever else it says.
  const service = item.status === "canceled" ? undefined : serviceMessage(item.headline);
  if (service !== undefined) return skipServiceMessage(item, service, settings);
  // A kill or hold in wire text names a story by its words; one that names no agency is for the story of its day and key, whichever agency's it is.
  const notice = item.status === "canceled" || item.hold === true;
  const under = (id: string): Map<string, WireStory[]> => (stories.byId.has(id) || !notice ? new Map([[id, stories.byId.get(id) ?? []]]) : storiesOfAnyAgency(stories, id));
  let found = under(item.id);
  // A kill of wire text delivered the day after its story (overnight, no dateline to date it) names the later day.
  const dayBefore = notice ? dayBeforeId(item.id) : undefined;
  if (dayBefore !== undefined && [...found.values()].every((listed) => listed.length === 0)) {
    const earlier = under(dayBefore);
    if ([...earlier.values()].some((listed) => listed.length > 0)) found = earlier;
  }
  if (found.size > 1) {
    const files = [...found.values()].flat().map((story) => story.file).join(", ");
    return refused(item, [itemNote(item, `a ${item.hold ? "hold" : "kill"} naming no agency for the stories of ${[...found.keys()].join(", ")}: ${files} (expected one story of its day and slug line or headline: ${item.hold ? "hold" : "withdraw"} the right one by hand)`, "WD220")]);
  }
  const [storyId, candidates] = [...found][0] ?? [item.id, []];
  const body = notice ? undefined : importedBody(item, settings);
  const words = body && { headline: item.headline, body: body.markdown };
  const byId = matchStory(candidates, words, item.version);
  const byKey = "ambiguous" in byId || byId.story !== undefined ? undefined : storyByKey(stories, item.updateKey, words);
  const match = byKey ? { story: byKey } : byId;
  if ("ambiguous" in match) {
    const files = match.ambiguous.map((story) => story.file).join(", ");
    return refused(item, [
      itemNote(item, `id "${item.id}" is recorded by ${files}, and this version reads like each of them (expected one story per agency item: mend the wire.id of the other story)`, "WD220"),
    ]);
  }
  const existing = match.story;
  const time = item.versionTime ?? item.released;
  const timeMs = time && versionMillis(item, time, existing, settings);
  const onFile = String((existing?.fields["wire"] as Record<string, unknown> | undefined)?.["versionTime"] ?? "");
  // A feed that corrects an item in place may keep its time: other words at the same time are a version of their own, which
  // waits beside the story (which of the two is newer cannot be told). A story edited here differs from the item anyway.
  const changedInPlace = existing !== undefined && existing.changedHere() === undefined && timeMs === existing.versionMs && body !== undefined && !sameWords(item, body, existing);
  // Wire text is its words alone, its time only its delivery's: the same words again (a drop imported again, a file
  // copied, a story an earlier release dated otherwise) are the version on file, never an update to print.
  const deliveredAgain = existing !== undefined && item.format === "plain text" && existing.changedHere() === undefined && body !== undefined && !item.correction && sameWords(item, body, existing);
  if (deliveredAgain) return { kind: "unchanged", item: itemName(item), story: existing.file, notes: [] };
  // A kill never comes before its story: one made at the same time as the version on file still withdraws it.
  const killsAtOnce = body === undefined && existing !== undefined && existing.fields["withdrawn"] === undefined && timeMs === existing.versionMs;
  if (existing && timeMs !== undefined && timeMs <= existing.versionMs && !changedInPlace && !killsAtOnce) {
    const older = timeMs < existing.versionMs;
    return {
      kind: "unchanged",
      item: itemName(item),
      story: existing.file,
      notes: older ? [itemNote(item, `an older version (made ${time ? formatWireTime(time) : "?"}) than the one on file (made ${onFile}); skipped`, "WD223")] : [],
    };
  }
  const remember = (story: WireStory) => {
    stories.byId.set(storyId, [...candidates.filter((other) => other !== existing), story]);
    if (item.updateKey !== undefined) stories.byKey.set(item.updateKey, [...(stories.byKey.get(item.updateKey) ?? []).filter((other) => other !== existing), story]);
    rememberSpellings(stories.spellings, story.fields, settings.site.language);
  };

  if (item.hold) return holdStory(item, existing, settings);
  if (body === undefined) {
    // The agency's word on its kill ("Withdrawn: the rate was not confirmed") is for the desk: quoted on the kill's line.
    const said = item.editorsNote === undefined ? [] : [inItemFile(item, editorsNoteFieldNote("ednote", item.editorsNote))];
    if (!existing) return { kind: "withdrawn", item: itemName(item), notes: [itemNote(item, `withdrawn by the agency before it was imported here; nothing to remove${notOnFile(item.id, false)}`, "WD224"), ...said] };
    // A draft was never published: no address holds anything to replace with a notice, and an
    // editor may have worked on it. It stays a draft, and the line says what the agency did.
    if (existing.fields["draft"] === true) {
      return { kind: "held", item: itemName(item), story: existing.file, notes: [itemNote(item, "withdrawn by the agency while a draft here: it was never published; delete the story, or keep it as a draft", "WD224"), ...said] };
    }
    const plan = planWithdrawal(item, existing, settings.datelinePlaces);
    const taken = takenByKill(item, existing);
    return withStagedStory(item, plan, existing.folder, existing, undefined, settings, async ({ staged, refusals }) => {
      if (refusals.length > 0) return refused(item, wouldNotBuild(refusals, "the story would not build"));
      if (!settings.dryRun) await placeStoryFolder(staged, existing.folder, true);
      remember({ ...existing, fields: plan.fields, body: "", versionMs: timeMs ?? existing.versionMs });
      return { kind: "withdrawn", item: itemName(item), story: existing.file, notes: [...said, ...taken] };
    });
  }

  const { unpublishable, taken } = await checkLanguageAndPhoto(item, existing, settings);
  const planned = planStory(item, {
    body,
    ...(taken.photo ? { photo: taken.photo } : {}),
    datelinePlaces: settings.datelinePlaces,
    siteLanguage: settings.site.language,
    ...(settings.defaultZone ? { defaultZone: settings.defaultZone } : {}),
    ...(settings.defaultLanguage ? { defaultLanguage: settings.defaultLanguage } : {}),
    ...(existing ? { existing } : {}),
    ...(taken.missing ? { heldFor: taken.missing } : {}),
    agencies: settings.agencies,
    withoutLead: settings.withoutLead,
    spellings: stories.spellings,
  });
  // Every reason at once: a language with no edition, times that date no story, a photo left out.
  if (!planned.ok || unpublishable.length > 0) return refused(item, [...unpublishable, ...(planned.ok ? [] : planned.problems), ...photoLeftOut(item, taken)]);
  const { plan } = planned;
  const target = existing?.folder ?? newStoryFolder(settings.newsDir, plan.day, storySlug(String(plan.fields["title"]), item.id), stories);
  return withStagedStory(item, plan, target, existing, taken.photo, settings, async ({ staged, refusals, draft, draftProblems }) => {
    const notes = [...draftNotes(item, plan), ...wouldNotBuild(draftProblems, "to fix before it is published")];
    // An editor's work wins; and readers keep the published version until the new one may go live:
    // a version under embargo too, as the published story's date would let it out at once.
    const live = existing !== undefined && isLive(existing.fields, settings);
    const embargoEnds = item.embargoedUntil && versionMillis(item, item.embargoedUntil, existing, settings);
    const embargoedUpdate = live && embargoEnds !== undefined && embargoEnds > settings.build.epochMs && item.embargoedUntil;
    const keptLive = embargoedUpdate
      ? `under embargo until ${formatWireTime(embargoedUpdate)}, published here, kept live (import it again once the embargo ends)`
      : live && (draft || refusals.length > 0)
        ? "published here, kept live"
        : undefined;
    const sameTime = changedInPlace ? `made at the same time as the version on file (${onFile}), with other words, so which is newer cannot be told` : undefined;
    // A story the agency withdrew stays withdrawn: a later version of it is for an editor to publish or not.
    const withdrawn = existing?.fields["withdrawn"] !== undefined ? "withdrawn by the agency here" : undefined;
    const waitsBecause = existing && (existing.changedHere() ?? withdrawn ?? sameTime ?? keptLive);
    if (existing && waitsBecause) {
      return waitBeside(item, plan, existing, taken.photo, waitsBecause, [...notes, ...wouldNotBuild(refusals, "it would not build"), ...dayAloneOnFile(existing)], settings);
    }
    if (refusals.length > 0) return refused(item, [...wouldNotBuild(refusals, "the story would not build"), ...photoLeftOut(item, taken)]);
    if (!settings.dryRun) await placeStoryFolder(staged, target, existing !== undefined);
    const file = join(target, STORY_FILE);
    remember({ file, folder: target, fields: plan.fields, body: plan.body, versionMs: timeMs ?? 0, changedHere: () => undefined });
    if (existing) notes.push(...stillWaiting(item, existing.folder));
    if (match.beside) notes.unshift(itemNote(item, `id "${item.id}" already names another story (${match.beside.file}); imported beside it`, "WD221"));
    const embargoed = isEmbargoed(plan.fields["date"], settings);
    if (embargoed) {
      // What holds the item comes before what was left out of it (WD210), as the line shows the first reason.
      const leftOut = notes.findIndex(({ code }) => code === "WD210");
      notes.splice(leftOut === -1 ? notes.length : leftOut, 0, itemNote(item, `embargoed until ${String(plan.fields["date"])}`, "WD218"));
    }
    notes.push(...dayAloneOnFile(existing));
    const kind: OutcomeKind = draft || embargoed ? "held" : existing ? "updated" : "created";
    return { kind, item: itemName(item), story: file, notes };
  });
}
