import { readFileSync, statSync } from "node:fs";
import { posix } from "node:path";
import { imageSize } from "image-size";
import { formatDateline, resolveDatelineZone, type DatelinePlaces } from "./dateline.ts";
import { formatDisplayDate, parseStoryDate, toDatetimeAttribute, type StoryDate } from "./dates.ts";
import { ContentError, type Problem } from "./problems.ts";
import { parseStoryFields } from "./schema.ts";
import { articlePermalink, photoUrl, staysInStoryFolder } from "./urls.ts";

export interface PhotoView {
  url: string;
  alt: string;
  credit: string;
  caption?: string;
  width: number;
  height: number;
}

/** Everything a template prints about a story, already checked, computed and in reading order. */
export interface ArticleView {
  url: string;
  headline: string;
  lead: string;
  place: string;
  dateline: string;
  published: { datetime: string; display: string; epochMs: number };
  photo?: PhotoView;
  tags: string[];
}

export type ArticleResult = ({ valid: true } & ArticleView) | { valid: false; problems: Problem[] };

export interface SiteData {
  name: string;
  language: string;
}

/** The slice of Eleventy's data cascade a story is read from. */
export interface ArticleData extends Readonly<Record<string, unknown>> {
  page: { inputPath: string; fileSlug: string; filePathStem: string; rawInput?: unknown };
  site: SiteData;
  datelinePlaces: DatelinePlaces;
}

type PhotoFileResult =
  | { ok: true; image: Pick<PhotoView, "url" | "width" | "height"> }
  | { ok: false; problem: string };

/** Finds and measures a story's photo file: width and height keep the page from shifting as it loads. */
function readPhotoFile(src: string, page: ArticleData["page"]): PhotoFileResult {
  if (!staysInStoryFolder(src)) {
    return { ok: false, problem: `"${src}" is outside the story's folder (expected a file next to the story)` };
  }
  const file = posix.join(posix.dirname(page.inputPath), src);
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
    return { ok: false, problem: `"${src}" does not exist (expected a file at ${file.replace(/^\.\//, "")})` };
  }
  try {
    const { width, height } = imageSize(readFileSync(file));
    return { ok: true, image: { url: photoUrl(page.filePathStem, src), width, height } };
  } catch {
    return { ok: false, problem: `"${src}" could not be read as an image (expected a JPEG, PNG, WebP, AVIF, GIF or SVG file)` };
  }
}

/** The body must carry the story, and must not repeat the dateline the page prints from `dateline`. */
function bodyProblem(rawInput: unknown, place: string | undefined): string | undefined {
  const body = typeof rawInput === "string" ? rawInput.trim() : "";
  if (body === "") return "empty (expected the story's paragraphs in Markdown after the front matter)";
  if (place !== undefined && body.startsWith(`${place},`)) {
    return `starts with the dateline "${place}," typed in (expected the first words of the story: the dateline is printed from the dateline field)`;
  }
  return undefined;
}

/**
 * Reads one story from the data cascade into its view model, or into every problem it has.
 * Never throws: the build collects all stories' problems and reports them together.
 */
export function readArticle(data: ArticleData): ArticleResult {
  const { page, site, datelinePlaces } = data;
  const file = page.inputPath.replace(/^\.\//, "");
  const problems: Problem[] = [];
  const report = (field: string, message: string) => problems.push({ file, field, message });

  const parsed = parseStoryFields(data);
  if (!parsed.ok) for (const { field, message } of parsed.issues) report(field, message);
  const fields = parsed.ok ? parsed.fields : parsed.partial;

  let date: StoryDate | undefined;
  if (fields.dateline !== undefined) {
    const zone = resolveDatelineZone(fields.dateline, fields.timezone, datelinePlaces);
    if (!zone.ok) report("timezone", zone.problem);
    else if (fields.date !== undefined) {
      const result = parseStoryDate(fields.date, zone.zone);
      if (result.ok) date = result.date;
      else report("date", result.problem);
    }
  }

  let photoFile: PhotoFileResult | undefined;
  if (fields.photo?.src !== undefined) {
    photoFile = readPhotoFile(fields.photo.src, page);
    if (!photoFile.ok) report("photo.src", photoFile.problem);
  }

  const body = bodyProblem(page.rawInput, fields.dateline);
  if (body !== undefined) report("body", body);

  // Each problem was reported above; the other tests tell the type checker what is now known.
  if (problems.length > 0 || !parsed.ok || date === undefined || photoFile?.ok === false) {
    return { valid: false, problems };
  }

  const { title, lead, dateline, source = site.name, tags = [], photo } = parsed.fields;
  return {
    valid: true,
    url: `/${articlePermalink(page.fileSlug)}`,
    headline: title,
    lead,
    place: dateline,
    dateline: formatDateline(dateline, date, source),
    published: { datetime: toDatetimeAttribute(date), display: formatDisplayDate(date), epochMs: date.at.toMillis() },
    photo: photo && photoFile && { ...photoFile.image, alt: photo.alt, credit: photo.credit, caption: photo.caption },
    tags,
  };
}

/**
 * All stories, newest first; throws one ContentError listing every problem of every story, so a
 * build with any bad story stops before it writes a page.
 */
export function collectArticles(results: readonly ArticleResult[]): ArticleView[] {
  const problems = results.flatMap((result) => (result.valid ? [] : result.problems));
  if (problems.length > 0) throw new ContentError(problems);
  return results
    .filter((result): result is ArticleResult & { valid: true } => result.valid)
    .sort((a, b) => b.published.epochMs - a.published.epochMs || a.url.localeCompare(b.url));
}
