import { createHash } from "node:crypto";
import { posix } from "node:path";
import type { DatelinePlaces } from "./dateline.ts";
import type { Place, Problem } from "../model/problems.ts";
import { publishingState, type BuildSettings } from "../model/publishing.ts";
import type { PhotoProcessor } from "../media/photos.ts";
import type { ProcessedPhoto, WithdrawnView } from "../model/story-view.ts";
import { readStoryFile, storySettings, type PhotoWords, type SiteData, type StoryInput, type StoryRead, type StorySettings } from "./read-story.ts";
import type { StoryCache } from "./story-cache.ts";
import { locateBodyImages } from "./story-body.ts";
import { locateStoryImage } from "./story-files.ts";
import { loadStoryFiles, type StoryFiles } from "./story-source.ts";
import { deepFreeze } from "../model/deep-freeze.ts";
import { photoUrl } from "../model/urls.ts";
import type { ArticleView } from "../model/story-view.ts";

/** A story that cannot be published: its problems, and whether it says it is a draft (whose problems never block a build). */
export interface InvalidArticle {
  valid: false;
  file: string;
  /** Its path stem, so a translation naming it is not told it names no story. */
  stem: string;
  draft: boolean;
  problems: Problem[];
}

/** A story that can be published: its view, and what is worth a look though it stops nothing (a photo narrower than sharp). */
export type ValidArticle = { valid: true; notices: Problem[] } & ArticleView;

/** A withdrawn story with no problem: the view of the notice at its address. */
export type WithdrawnArticle = { valid: true } & WithdrawnView;

export type ArticleResult = ValidArticle | WithdrawnArticle | InvalidArticle;

/** Where a story file is, and the names Eleventy's rules give it (see find-stories.ts). */
export interface StoryLocation {
  /** The file, relative to the project, as problems name it. */
  file: string;
  fileSlug: string;
  filePathStem: string;
  /** Whether the story's folder, as listed, held its data file; when not listed, the file system is asked. */
  dataFileListed?: boolean;
}

/** What every story of a build is read with. */
export interface ReadContext {
  site: SiteData;
  datelinePlaces: DatelinePlaces;
  build: BuildSettings;
  /** Converts photos for the pages; shared by every story of a build. Without it no photo file is looked at, and views have no photo. */
  photos?: PhotoProcessor;
  /** Keeps stories' reads between builds; without it each story is read afresh. */
  storyCache?: StoryCache;
  /** The media host's folder URL (MEDIA_URL) the converted photos are published under; beside the pages without one. */
  mediaUrl?: string;
}

/** How far ahead of this machine's clock an agency's may run: a version made "in a minute" is no mistyped date. */
const CLOCKS_APART_MS = 60 * 60 * 1000;

/** Converted photos carry a hash of their contents in their names, so they live with the other hashed assets. */
const PHOTO_FOLDER = "/assets/photos/";

type PhotoFileResult = { ok: true; photo: ProcessedPhoto; path: string; warning?: string } | { ok: false; problem: string };

/**
 * Finds a story's photo file and has it converted for the page, sized so the page does not shift
 * as it loads, with its words and rights embedded (none for a story whose fields could not be read).
 */
async function readPhotoFile(src: string, file: string, photos: PhotoProcessor, words: PhotoWords | undefined, mediaUrl: string | undefined): Promise<PhotoFileResult> {
  const found = locateStoryImage(src, file);
  if (!found.ok) return found;
  const converted = await photos.process(file, { file: found.path, src, urlFolder: mediaUrl ?? PHOTO_FOLDER, ...(words === undefined ? {} : { words }) });
  return converted.ok ? { ...converted, path: found.path } : converted;
}

/** What a story is read with, made once per settings: every story of a build is read with the same. */
const readSettings = new WeakMap<SiteData, StorySettings>();
function settingsOf(site: SiteData): StorySettings {
  let settings = readSettings.get(site);
  if (settings === undefined) readSettings.set(site, (settings = storySettings(site)));
  return settings;
}

/**
 * Reads one story file into its view model, or into every problem it has. Never throws: the
 * build collects all stories' problems and reports them together.
 */
export async function readArticle(location: StoryLocation, context: ReadContext): Promise<ArticleResult> {
  const { site, datelinePlaces, storyCache } = context;
  const { file } = location;
  const recalled = storyCache?.recall(location, { site: settingsOf(site), datelinePlaces });
  if (recalled !== undefined) return finishArticle(recalled, location, context);
  let files: StoryFiles;
  try {
    files = loadStoryFiles(file, site.maxStoryBytes);
  } catch (error) {
    // Deleted or made unreadable while the build ran: reported like any problem of the file.
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    return { valid: false, file, stem: location.filePathStem, draft: false, problems: [{ file, line: 1, field: "file", code: "WD100", message: `could not be read (${reason}; expected a readable file)` }] };
  }
  const input: StoryInput = {
    ...location,
    files,
    site: settingsOf(site),
    datelinePlaces,
  };
  const read = storyCache ? storyCache.read(input) : readStoryFile(input);
  return finishArticle(read, location, context);
}

/**
 * Completes a story's read with what only this build knows: its photo converted (and published
 * with the page), its images' files, and whether the build moment publishes it.
 */
async function finishArticle(read: StoryRead, { file, filePathStem }: StoryLocation, { photos, build, mediaUrl, storyCache }: ReadContext): Promise<ArticleResult> {
  if (!read.readable) return { valid: false, file, stem: filePathStem, draft: false, problems: read.problems };
  const problems = [...read.problems];

  let photoFile: PhotoFileResult | undefined;
  if (read.photo && photos) {
    photoFile = await readPhotoFile(read.photo.src, file, photos, read.view?.photo, mediaUrl);
    if (!photoFile.ok) problems.push({ ...read.photo.place, field: "photo.src", code: "WD140", message: photoFile.problem });
  }

  const body = locateBodyImages(read.body, file);
  const bodyPlace = (line: number): Place => ({ file, line: read.bodyLine + line - 1 });
  // Images the text shows go out with the page, beside it, so a draft's stay unpublished like its page.
  for (const image of body.images) {
    const src = posix.relative(posix.dirname(file), image.path);
    const refused = await photos?.keepAsIs(file, image.path, src, photoUrl(filePathStem, src));
    if (refused !== undefined) problems.push({ ...bodyPlace(image.line), field: "body", code: "WD137", message: `image ${refused}` });
  }
  for (const { line, message, code } of body.problems) problems.push({ ...bodyPlace(line), field: "body", message, code });
  // A story out now (or its withdrawal notice) says it was updated, corrected or withdrawn at times that have passed: a time
  // still to come is a mistyped one, which would go out as it is. Under embargo, the same holds when the embargo lifts: a
  // time after that would stop the build that publishes the story, unseen until the story failed to go out.
  const state = read.view && publishingState(read.draft, read.view.published.epochMs, build);
  if (read.withdrawn !== undefined || state === "published" || state === "embargoed") {
    const lifts = state === "embargoed" ? read.view?.published : undefined;
    for (const { field, place, raw, epochMs } of read.afterDates ?? []) {
      if (epochMs <= (lifts?.epochMs ?? build.epochMs) + CLOCKS_APART_MS) continue;
      const message = lifts
        ? `"${raw}" is after the embargo lifts at ${lifts.iso} (expected a time no later than the story's date: the build that publishes the story would refuse a time still to come, and the story would not go out)`
        : `"${raw}" is still to come (expected a time that has passed: the story is out now, and this has not happened yet)`;
      problems.push({ ...place, field, code: "WD162", message });
    }
  }

  const images = [
    ...(photoFile?.ok && read.photo ? [{ path: photoFile.path, field: "photo.src", ...read.photo.place }] : []),
    ...body.images.map(({ path, line }) => ({ path, field: "body", ...bodyPlace(line) })),
  ];
  const article = articleOf(read, { file, filePathStem }, problems, photoFile, images, build);
  const key = storyCache?.keyOf(read);
  if (key === undefined && !Object.isFrozen(read)) return article;
  // What the article is made from besides its read: with the read's key, all it is made from.
  const madeWith = JSON.stringify([file, filePathStem, article.valid && "state" in article ? article.state : null, photoFile ?? null, problems, images]);
  if (!Object.isFrozen(read)) return withDigest(article, key, madeWith);
  // A read the dev server keeps is shared by its builds: finished the same way again, it gives the
  // same article, so the later stages know it for unchanged by its identity.
  const earlier = finishedArticles.get(read);
  if (earlier?.madeWith === madeWith) return earlier.article;
  finishedArticles.set(read, { madeWith, article: deepFreeze(withDigest(article, key, madeWith)) });
  return article;
}

/** The articles finished from reads the dev server keeps, with what each was finished with besides its read. */
const finishedArticles = new WeakMap<StoryRead, { madeWith: string; article: ArticleResult }>();

/** Each article's digest, made from its read's key and what finished it: see `articleDigest`. */
const articleDigests = new WeakMap<object, string>();

function withDigest(article: ArticleResult, key: string | undefined, madeWith: string): ArticleResult {
  if (key !== undefined) articleDigests.set(article, createHash("sha256").update(`${key}\n${madeWith}`).digest("hex"));
  return article;
}

/**
 * A hash that stands for the whole of `article`, when it was finished from a read the story cache
 * gave (its key is all the read is made from) and is unchanged since: a copy made to change it
 * has none. Hashing the key and what finished the read spares hashing every story's JSON (at
 * 10,000 stories, a fifth of the page plan).
 */
export function articleDigest(article: object): string | undefined {
  return articleDigests.get(article);
}

/** The article a finished read makes: its problems, else its view (or its withdrawal notice's). */
function articleOf(read: StoryRead & { readable: true }, { file, filePathStem }: Omit<StoryLocation, "fileSlug">, problems: Problem[], photoFile: PhotoFileResult | undefined, images: ValidArticle["images"], build: BuildSettings): ArticleResult {
  const { view, withdrawn } = read;
  if (problems.length === 0 && withdrawn) {
    return { valid: true, ...withdrawn, file };
  }
  if (problems.length > 0 || !view || photoFile?.ok === false) return { valid: false, file, stem: filePathStem, draft: read.draft, problems };
  const photoWarning = photoFile?.warning;

  // Every key of the view is set, as templates and tests see it, whether or not the read was cached.
  return {
    valid: true,
    notices: photoWarning !== undefined && read.photo ? [{ ...read.photo.place, field: "photo.src", code: "WD141", message: photoWarning }] : [],
    url: view.url,
    stem: view.stem,
    file,
    headline: view.headline,
    lead: view.lead,
    description: view.description,
    place: view.place,
    zone: view.zone,
    source: view.source,
    authors: view.authors,
    byline: view.byline,
    dateline: view.dateline,
    datelineParts: view.datelineParts,
    published: view.published,
    updated: view.updated,
    archive: view.archive,
    corrections: view.corrections,
    photo: view.photo && photoFile && { ...photoFile.photo, ...view.photo, caption: view.photo.caption },
    photoCredit: view.photoCredit,
    topics: view.topics,
    state: publishingState(read.draft, view.published.epochMs, build),
    sample: view.sample,
    priority: view.priority,
    bodyHtml: view.bodyHtml,
    edition: view.edition,
    lang: view.lang,
    dir: view.dir,
    translationOf: view.translationOf,
    fieldPlaces: view.fieldPlaces,
    images,
  };
}
