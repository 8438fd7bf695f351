import { posix } from "node:path";
import { formatDateline, resolveDatelineZone, type DatelinePlaces } from "./dateline.ts";
import { isBeforeStory, parseStoryDate, storyDateProblem, toDateView, type StoryDate } from "../model/dates.ts";
import type { Place, Problem } from "../model/problems.ts";
import { publishingState, type BuildSettings } from "../model/publishing.ts";
import type { PhotoProcessor } from "../media/photos.ts";
import type { ProcessedPhoto } from "../model/story-view.ts";
import { parseStoryFields } from "./schema.ts";
import { checkBody } from "./story-body.ts";
import { locateStoryImage } from "./story-files.ts";
import { readStorySource } from "./story-source.ts";
import { storyTopics } from "../model/topic-refs.ts";
import { archiveLinks, articlePermalink, photoUrl } from "../model/urls.ts";
import type { ArticleView, CorrectionView } from "../model/story-view.ts";

/** A story that cannot be published: its problems, and whether it says it is a draft (whose problems never block a build). */
export interface InvalidArticle {
  valid: false;
  file: string;
  draft: boolean;
  problems: Problem[];
}

export type ArticleResult = ({ valid: true } & ArticleView) | InvalidArticle;

export interface SiteData {
  name: string;
  language: string;
  /** The largest story file the build reads, in bytes. */
  maxStoryBytes: number;
}

/** The slice of Eleventy's data cascade a story is read from. */
export interface ArticleData extends Readonly<Record<string, unknown>> {
  page: { inputPath: string; fileSlug: string; filePathStem: string };
  site: SiteData;
  datelinePlaces: DatelinePlaces;
  build: BuildSettings;
  /** Converts photos for the page; shared by every story of a build (see .eleventy.ts). */
  photos: PhotoProcessor;
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
  const { page, site, datelinePlaces, build, photos } = data;
  const file = page.inputPath.replace(/^\.\//, "");
  // A file that cannot be read as a story has no fields to check: its own problems are the report.
  const read = readStorySource(file, site.maxStoryBytes);
  if (!read.ok) return { valid: false, file, draft: false, problems: read.problems.map((problem) => ({ file, ...problem })) };
  const { source } = read;
  const problems: Problem[] = [];
  const report = (field: string, message: string, place = source.place(field)) => problems.push({ ...place, field, message });

  const parsed = parseStoryFields(data, source.keys);
  if (!parsed.ok) for (const { field, message } of parsed.issues) report(field, message);
  const fields = parsed.ok ? parsed.fields : parsed.partial;

  let date: StoryDate | undefined;
  let updated: StoryDate | undefined;
  const corrections: CorrectionView[] = [];
  const zone = fields.dateline === undefined ? undefined : resolveDatelineZone(fields.dateline, fields.timezone, datelinePlaces);
  // The place is what could not be looked up, so the dateline's line is where to look.
  if (zone && !zone.ok) report("timezone", zone.problem, source.place("dateline"));
  // Every date is local to the dateline, like `date`, and none may come before the story. Without
  // the dateline's zone each is still checked on its own, so the editor hears of every problem at once.
  const readDate = (field: string, raw: string): StoryDate | undefined => {
    if (!zone?.ok) {
      const problem = storyDateProblem(raw);
      if (problem !== undefined) report(field, problem);
      return undefined;
    }
    const result = parseStoryDate(raw, zone.zone);
    if (!result.ok) return void report(field, result.problem);
    if (date && isBeforeStory(result.date, date)) {
      return void report(field, `"${raw}" is before the story's date ${fields.date} (expected a later date or time)`);
    }
    return result.date;
  };
  if (fields.date !== undefined) date = readDate("date", fields.date);
  if (fields.updated !== undefined) updated = readDate("updated", fields.updated);
  fields.corrections?.forEach((correction, index) => {
    const at = correction?.date === undefined ? undefined : readDate(`corrections.${index}.date`, correction.date);
    if (at && correction?.text !== undefined) corrections.push({ date: toDateView(at), text: correction.text });
  });

  let photoFile: PhotoFileResult | undefined;
  if (fields.photo?.src !== undefined) {
    photoFile = await readPhotoFile(fields.photo.src, file, page.inputPath, photos);
    if (!photoFile.ok) report("photo.src", photoFile.problem);
  }

  const body = checkBody(source.body, file, fields.dateline);
  // Images the text shows go out with the page, beside it, so a draft's stay unpublished like its page.
  for (const image of body.images) {
    photos.keepAsIs(page.inputPath, image.path, photoUrl(page.filePathStem, posix.relative(posix.dirname(file), image.path)));
  }
  const bodyPlace = (line: number): Place => ({ file, line: source.bodyLine + line - 1 });
  for (const { line, message } of body.problems) report("body", message, bodyPlace(line));

  // Each problem was reported above; the other tests tell the type checker what is now known.
  if (problems.length > 0 || !parsed.ok || !zone?.ok || date === undefined || photoFile?.ok === false) {
    return { valid: false, file, draft: fields.draft === true, problems };
  }

  const { title, lead, dateline, source: agency = site.name, tags = [], photo, draft = false, sample = false, lang, dir } = parsed.fields;
  const published = toDateView(date);
  return {
    valid: true,
    url: `/${articlePermalink(page.fileSlug, published.day)}`,
    stem: page.filePathStem,
    file,
    headline: title,
    lead,
    place: dateline,
    zone: zone.zone,
    source: agency,
    dateline: formatDateline(dateline, date, agency),
    published,
    updated: updated && toDateView(updated),
    archive: archiveLinks(published.day),
    corrections: corrections.sort((a, b) => a.date.epochMs - b.date.epochMs),
    photo: photo && photoFile && { ...photoFile.photo, alt: photo.alt, credit: photo.credit, caption: photo.caption },
    topics: storyTopics(tags),
    state: publishingState(draft, published.epochMs, build),
    sample,
    body: source.body,
    lang: lang === undefined || lang === site.language ? undefined : lang,
    dir,
    images: [
      ...(photoFile?.ok ? [{ path: photoFile.path, field: "photo.src", ...source.place("photo.src") }] : []),
      ...body.images.map(({ path, line }) => ({ path, field: "body", ...bodyPlace(line) })),
    ],
  };
}


