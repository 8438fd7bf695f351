import { posix } from "node:path";
import type { DatelinePlaces } from "./dateline.ts";
import type { Place, Problem } from "../model/problems.ts";
import { publishingState, type BuildSettings } from "../model/publishing.ts";
import type { PhotoProcessor } from "../media/photos.ts";
import type { ProcessedPhoto } from "../model/story-view.ts";
import { readStoryFile, storyFields, type SiteData, type StoryInput, type StoryRead } from "./read-story.ts";
import type { StoryCache } from "./story-cache.ts";
import { locateBodyImages } from "./story-body.ts";
import { locateStoryImage } from "./story-files.ts";
import { loadStoryFiles } from "./story-source.ts";
import { photoUrl } from "../model/urls.ts";
import type { ArticleView } from "../model/story-view.ts";

/** A story that cannot be published: its problems, and whether it says it is a draft (whose problems never block a build). */
export interface InvalidArticle {
  valid: false;
  file: string;
  draft: boolean;
  problems: Problem[];
}

export type ArticleResult = ({ valid: true } & ArticleView) | InvalidArticle;

/** The slice of Eleventy's data cascade a story is read from. */
export interface ArticleData extends Readonly<Record<string, unknown>> {
  page: { inputPath: string; fileSlug: string; filePathStem: string };
  site: SiteData;
  datelinePlaces: DatelinePlaces;
  build: BuildSettings;
  /** Converts photos for the page; shared by every story of a build (see .eleventy.ts). */
  photos: PhotoProcessor;
  /** Keeps stories' reads between builds (see .eleventy.ts); without it each story is read afresh. */
  storyCache?: StoryCache;
}

/** Converted photos carry a hash of their contents in their names, so they live with the other hashed assets. */
const PHOTO_FOLDER = "/assets/photos/";

type PhotoFileResult = { ok: true; photo: ProcessedPhoto; path: string } | { ok: false; problem: string };

/** Finds a story's photo file and has it converted for the page, sized so the page does not shift as it loads. */
async function readPhotoFile(src: string, file: string, story: string, photos: PhotoProcessor): Promise<PhotoFileResult> {
  const found = locateStoryImage(src, file);
  if (!found.ok) return found;
  const converted = await photos.process(story, { file: found.path, src, urlFolder: PHOTO_FOLDER });
  return converted.ok ? { ...converted, path: found.path } : converted;
}

/**
 * Reads one story from the data cascade into its view model, or into every problem it has.
 * Never throws: the build collects all stories' problems and reports them together.
 */
export async function readArticle(data: ArticleData): Promise<ArticleResult> {
  const { page, site, datelinePlaces, build, photos, storyCache } = data;
  const file = page.inputPath.replace(/^\.\//, "");
  const input: StoryInput = {
    file,
    fileSlug: page.fileSlug,
    filePathStem: page.filePathStem,
    fields: storyFields(data),
    files: loadStoryFiles(file, site.maxStoryBytes),
    // Just the settings a read uses, so no other setting changes a cached read's key.
    site: { name: site.name, language: site.language, maxStoryBytes: site.maxStoryBytes },
    datelinePlaces,
  };
  const read = storyCache ? storyCache.read(input) : readStoryFile(input);
  return finishArticle(read, file, page, photos, build);
}

/**
 * Completes a story's read with what only this build knows: its photo converted (and published
 * with the page), its images' files, and whether the build moment publishes it.
 */
async function finishArticle(
  read: StoryRead,
  file: string,
  page: ArticleData["page"],
  photos: PhotoProcessor,
  build: BuildSettings,
): Promise<ArticleResult> {
  if (!read.readable) return { valid: false, file, draft: false, problems: read.problems };
  const problems = [...read.problems];

  let photoFile: PhotoFileResult | undefined;
  if (read.photo) {
    photoFile = await readPhotoFile(read.photo.src, file, page.inputPath, photos);
    if (!photoFile.ok) problems.push({ ...read.photo.place, field: "photo.src", message: photoFile.problem });
  }

  const body = locateBodyImages(read.body, file);
  // Images the text shows go out with the page, beside it, so a draft's stay unpublished like its page.
  for (const image of body.images) {
    photos.keepAsIs(page.inputPath, image.path, photoUrl(page.filePathStem, posix.relative(posix.dirname(file), image.path)));
  }
  const bodyPlace = (line: number): Place => ({ file, line: read.bodyLine + line - 1 });
  for (const { line, message } of body.problems) problems.push({ ...bodyPlace(line), field: "body", message });

  const { view } = read;
  if (problems.length > 0 || !view || photoFile?.ok === false) return { valid: false, file, draft: read.draft, problems };

  // Every key of the view is set, as templates and tests see it, whether or not the read was cached.
  return {
    valid: true,
    url: view.url,
    stem: view.stem,
    file,
    headline: view.headline,
    lead: view.lead,
    place: view.place,
    zone: view.zone,
    source: view.source,
    dateline: view.dateline,
    published: view.published,
    updated: view.updated,
    archive: view.archive,
    corrections: view.corrections,
    photo: view.photo && photoFile && { ...photoFile.photo, alt: view.photo.alt, credit: view.photo.credit, caption: view.photo.caption },
    topics: view.topics,
    state: publishingState(read.draft, view.published.epochMs, build),
    sample: view.sample,
    body: view.body,
    lang: view.lang,
    dir: view.dir,
    images: [
      ...(photoFile?.ok && read.photo ? [{ path: photoFile.path, field: "photo.src", ...read.photo.place }] : []),
      ...body.images.map(({ path, line }) => ({ path, field: "body", ...bodyPlace(line) })),
    ],
  };
}
