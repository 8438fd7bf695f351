import { posix } from "node:path";
import { datelineParts, formatDateline, resolveDatelineZone, type DatelineStyle, type DatelinePlaces } from "./dateline.ts";
import { isBeforeStory, isBeforeStoryAnywhere, parseStoryDate, parseUnzonedDate, toDateView, type DateStyle, type StoryDate, type UnzonedDate } from "../model/dates.ts";
import { editionOf, editionStyle, type Edition } from "../model/editions.ts";
import { PLACEHOLDER_PROBLEM, placeholderFields } from "../model/placeholders.ts";
import type { Place, Problem, ProblemCode } from "../model/problems.ts";
import type { ArticleView, CorrectionView, WithdrawnView } from "../model/story-view.ts";
import { isWithdrawn, parseStoryFields, type PartialStoryFields } from "./schema.ts";
import { storyDescription } from "./description.ts";
import { renderStoryBody } from "./markdown.ts";
import { inspectBody, inspectWithdrawnBody, type BodyFinding } from "./story-body.ts";
import { parseStorySource, type StoryFiles } from "./story-source.ts";
import { storyTopics } from "../model/topic-refs.ts";
import { authorRef, type AuthorRef, type AuthorSettings } from "../model/authors.ts";
import { bylineParts, type BylineStyle } from "./byline.ts";
import { addressSlug, archiveLinks, articlePermalink } from "../model/urls.ts";
import type { Agency } from "../model/agencies.ts";
import { photoRights, type PhotoRights } from "../model/photo-rights.ts";

export interface SiteData {
  name: string;
  language: string;
  /** The largest story file the build reads, in bytes. */
  maxStoryBytes: number;
  editions: readonly Edition[];
  /** The authors whose names bylines spell more than one way. */
  authors: readonly AuthorSettings[];
  /** The agencies the settings list: a photo's credit naming one takes its photo rights. */
  agencies: readonly Agency[];
}

/** What a story's read takes of an edition: its language and folder, and how it prints dates, datelines and bylines. */
export interface EditionFormat extends DateStyle, DatelineStyle, BylineStyle {
  lang: string;
  path: string;
}

/** Just the settings a read uses, so no other setting changes a cached read's key. */
export interface StorySettings {
  name: string;
  maxStoryBytes: number;
  editions: EditionFormat[];
  authors: readonly AuthorSettings[];
  /** Only the agencies' names and photo rights: what finds a photo credit's agency and its rights. */
  agencies: readonly Agency[];
}

export function storySettings(site: SiteData): StorySettings {
  return {
    name: site.name,
    maxStoryBytes: site.maxStoryBytes,
    editions: site.editions.map((edition) => ({
      lang: edition.lang,
      path: edition.path,
      ...editionStyle(edition),
      bylineOne: edition.strings.bylineOne,
      bylineMany: edition.strings.bylineMany,
    })),
    authors: site.authors,
    agencies: site.agencies.map(({ name, also, photoRights: rights }) => ({ name, also, ...(rights === undefined ? {} : { photoRights: rights }) })),
  };
}

/** The folder stories are in, under the site's input folder: a `translationOf` path is read from it. */
const NEWS_STEM = "/news/";

/** The path stem a `translationOf` names ("a/index.md" -> "/news/a/index"), as stories' stems are written. */
function translationStem(path: string): string {
  return NEWS_STEM + posix.normalize(path).replace(/\.md$/, "");
}

/** Everything a story's read depends on: its files' bytes, where it lives, and the settings it reads. */
export interface StoryInput {
  /** The story file, as problems name it. */
  file: string;
  fileSlug: string;
  filePathStem: string;
  files: StoryFiles;
  site: StorySettings;
  datelinePlaces: DatelinePlaces;
}

/** The photo's words, as the page prints them beside its files, and its rights, as its files and structured data carry them. */
export interface PhotoWords extends PhotoRights {
  alt: string;
  credit: string;
  caption?: string;
}

/** A story's view but for what the build adds when it finishes the story: its photo's files, its image paths and its publishing state. */
export type ReadView = Omit<ArticleView, "photo" | "state" | "images"> & { photo?: PhotoWords };

/**
 * A story read from its text alone: no photo or image file looked at, no build moment known.
 * Plain JSON, so it can be kept between builds (see story-cache.ts); finishArticle completes it.
 */
export type StoryRead =
  | { readable: false; problems: Problem[] }
  | {
      readable: true;
      draft: boolean;
      /** Problems of the fields, the dateline's zone and the dates, reported ahead of the photo's. */
      problems: Problem[];
      /** The photo file to find and convert, and where the field is written. */
      photo?: { src: string; place: Place };
      /** The body's findings, in body lines (its first line is 1), and the file line the body starts on. */
      body: BodyFinding[];
      bodyLine: number;
      /** Present when the text has no problem: the story's view, to be completed. */
      view?: ReadView;
      /** Present instead when the story was withdrawn and its fields have no problem: its notice's view. */
      withdrawn?: WithdrawnView;
      /** Its update's, corrections' and withdrawal's times, with their places: each must have passed when the story is out (finishArticle knows the moment). */
      afterDates?: LaterDate[];
    };

/** A time a story says something happened after its date: `updated`, a correction's date, `withdrawn`. */
export interface LaterDate {
  field: string;
  place: Place;
  /** As written. */
  raw: string;
  epochMs: number;
}

/** Reads one story from its input alone, into its view's words and dates or into its problems. Never throws, reads no file. */
export function readStoryFile(input: StoryInput): StoryRead {
  const { file, site, datelinePlaces } = input;
  // The address is the name's slug; a name with nothing in it to spell in ASCII gives none.
  const nameProblems: Problem[] =
    addressSlug(input.fileSlug) === ""
      ? [{ file, line: 1, field: "file", code: "WD101", message: `the name "${input.fileSlug}" makes no address: nothing in it can be spelled in ASCII letters or digits (expected a file or folder name such as markets: rename it)` }]
      : [];
  // A file that cannot be read as a story has no fields to check: its own problems are the report,
  // with its text's when only its YAML is wrong.
  const read = parseStorySource(file, input.files, site.maxStoryBytes);
  if (!read.ok) {
    const problems = [...nameProblems, ...read.problems.map((problem) => ({ file, ...problem }))];
    if (read.body === undefined) return { readable: false, problems };
    // Fields YAML could not read are checked once it can; the text is checked now. An empty text
    // waits too: it is a withdrawn story's, or a problem, which only the fields can tell.
    const body = read.body.text.trim() === "" ? [] : inspectBody(read.body.text, undefined);
    // A draft line typed as true keeps the story a draft, so its YAML slip only warns.
    return { readable: true, draft: read.draft === true, problems, body, bodyLine: read.body.line };
  }
  const { source } = read;
  const problems: Problem[] = [...nameProblems];
  const report = (field: string, code: ProblemCode, message: string, place = source.place(field)) => problems.push({ ...place, field, code, message });

  // The file's own problems come first; a value YAML cut short is named with its fix, and what the cut left is not also a problem of its own.
  for (const { file: where = file, ...problem } of source.problems) problems.push({ file: where, ...problem });
  const cut = new Set(source.problems.map(({ field }) => field));
  const parsed = parseStoryFields(source.fields, source.keys, source.noValues);
  if (!parsed.ok) for (const { field, code, message } of parsed.issues) if (!cut.has(field)) report(field, code, message);
  const fields: PartialStoryFields = !parsed.ok ? parsed.partial : "fields" in parsed ? parsed.fields : parsed.withdrawn;
  // Text the import wrote for an editor to reword keeps the story a draft, however it is marked.
  const placeholders = isWithdrawn(source.fields) ? [] : placeholderFields(source.fields);
  for (const field of placeholders) report(field, "WD124", PLACEHOLDER_PROBLEM);

  let date: StoryDate | undefined;
  let unzonedDate: UnzonedDate | undefined;
  let updated: StoryDate | undefined;
  let withdrawn: StoryDate | undefined;
  const corrections: CorrectionView[] = [];
  // A timezone that is not one is reported as such; the place is then not looked up in its stead.
  const badTimezone = fields.timezone === undefined && source.fields["timezone"] !== undefined;
  const zone =
    fields.dateline !== undefined && !badTimezone
      ? resolveDatelineZone(fields.dateline, fields.timezone, datelinePlaces)
      : fields.timezone !== undefined
        ? { ok: true as const, zone: fields.timezone }
        : undefined;
  // The place is what could not be looked up, so the dateline's line is where to look.
  if (zone && !zone.ok) report("timezone", "WD125", zone.problem, source.place("dateline"));
  const beforeStory = (field: string, raw: string) => report(field, "WD127", `"${raw}" is before the story's date ${fields.date} (expected a later date or time)`);
  // Every date is local to the dateline, like `date`, and all but the agency's own version time
  // come after the story. Without the dateline's zone each is still checked on its own, and
  // against the story's date where no zone could change the answer, so the editor hears of
  // every problem at once.
  const readDate = (field: string, raw: string, { afterStory = true } = {}): StoryDate | undefined => {
    if (!zone?.ok) {
      const result = parseUnzonedDate(raw);
      if (!result.ok) return void report(field, "WD126", result.problem);
      // The story's own date is what the others are compared with.
      if (field === "date") unzonedDate = result.date;
      else if (afterStory && unzonedDate && isBeforeStoryAnywhere(result.date, unzonedDate)) beforeStory(field, raw);
      return undefined;
    }
    const result = parseStoryDate(raw, zone.zone);
    if (!result.ok) return void report(field, "WD126", result.problem);
    if (afterStory && date && isBeforeStory(result.date, date)) return void beforeStory(field, raw);
    return result.date;
  };
  const edition = editionOf(fields.lang, site.editions);
  const toView = (at: StoryDate) => toDateView(at, edition);
  if (fields.date !== undefined) date = readDate("date", fields.date);
  const afterDates: LaterDate[] = [];
  const later = (field: string, raw: string, at: StoryDate | undefined) => at && afterDates.push({ field, place: source.place(field), raw, epochMs: at.at.toMillis() });
  if (fields.updated !== undefined) {
    updated = readDate("updated", fields.updated);
    later("updated", fields.updated, updated);
  }
  if (fields.withdrawn !== undefined) {
    // An agency may kill a story before its date, while under embargo: it never goes out. The desk's own
    // withdrawal of a story before its date is a mistyped one.
    withdrawn = readDate("withdrawn", fields.withdrawn, { afterStory: fields.wire === undefined });
    later("withdrawn", fields.withdrawn, withdrawn);
  }
  // An agency may have made the version before the newsroom dated the story.
  if (fields.wire?.versionTime !== undefined) readDate("wire.versionTime", fields.wire.versionTime, { afterStory: false });
  fields.corrections?.forEach((correction, index) => {
    const at = correction?.date === undefined ? undefined : readDate(`corrections.${index}.date`, correction.date);
    if (correction?.date !== undefined) later(`corrections.${index}.date`, correction.date, at);
    if (at && correction?.text !== undefined) corrections.push({ date: toView(at), text: correction.text });
  });

  // Each name of the byline makes an author page, and names its author once.
  const byline = typeof fields.by === "string" ? [{ name: fields.by, field: "by" }] : (fields.by ?? []).map((name, index) => ({ name, field: `by.${index}` }));
  const authors: AuthorRef[] = [];
  for (const { name, field } of byline) {
    // A name the schema refused is already reported.
    if (typeof name !== "string") continue;
    if (addressSlug(name) === "") {
      report(field, "WD156", `"${name}" makes no author page: nothing in it can be spelled in ASCII letters or digits (expected a person's name, e.g. Ann Smith)`);
      continue;
    }
    const author = authorRef(name, site.authors, edition.path);
    const earlier = authors.find((known) => known.author === author.author);
    if (earlier === undefined) authors.push(author);
    else if (earlier.name === author.name) report(field, "WD157", `"${name}" is named twice (expected each author once: remove one)`);
    else report(field, "WD157", `"${name}" is ${author.author}, named already as "${earlier.name}": the settings' authors give both spellings to one author (expected each author once: remove one)`);
  }

  // Each topic makes a topic page, as each byline name an author page.
  fields.tags?.forEach((tag, index) => {
    if (typeof tag === "string" && addressSlug(tag) === "") {
      report(`tags.${index}`, "WD161", `"${tag}" makes no topic page: nothing in it can be spelled in ASCII letters or digits (expected a topic's name in words, e.g. Diplomacy)`);
    }
  });

  if (fields.photo !== undefined && fields.photoCredit !== undefined) {
    report("photoCredit", "WD160", "a story with a photo gives its credit as photo.credit (expected photoCredit only on a story that runs without its photo: remove one)");
  }

  const photoSrc = fields.photo?.src;
  const text = {
    readable: true as const,
    draft: fields.draft === true || placeholders.length > 0,
    problems,
    ...(photoSrc === undefined ? {} : { photo: { src: photoSrc, place: source.place("photo.src") } }),
    body: isWithdrawn(source.fields) ? inspectWithdrawnBody(source.body) : inspectBody(source.body, fields.dateline, { typedByDesk: fields.wire === undefined }),
    bodyLine: source.bodyLine,
    ...(afterDates.length > 0 ? { afterDates } : {}),
  };
  // Each problem was reported above; the other tests tell the type checker what is now known.
  if (problems.length > 0 || !parsed.ok || !zone?.ok || date === undefined) return text;
  const published = toView(date);
  const url = `/${articlePermalink(input.fileSlug, published.day, edition.path)}`;
  if ("withdrawn" in parsed) {
    if (withdrawn === undefined) return text;
    const killedEarly = withdrawn.at.toMillis() < date.at.toMillis();
    const notice: WithdrawnView = {
      url,
      file,
      stem: input.filePathStem,
      edition: edition.lang,
      state: "withdrawn",
      source: parsed.withdrawn.source ?? site.name,
      withdrawn: toView(withdrawn),
      ...(killedEarly ? { noticeFrom: published.epochMs } : {}),
    };
    return { ...text, withdrawn: notice };
  }

  const { title, lead, dateline, source: agency = site.name, tags = [], photo, photoCredit, sample = false, priority, lang, dir, translationOf } = parsed.fields;
  const printedDateline = formatDateline(dateline, date, agency, edition);
  const printedDatelineParts = datelineParts(dateline, date, agency, edition);
  const view: ReadView = {
    url,
    stem: input.filePathStem,
    file,
    headline: title,
    ...(lead === undefined ? {} : { lead }),
    description: storyDescription({ title, lead }, source.body),
    place: dateline,
    zone: zone.zone,
    source: agency,
    authors,
    byline: bylineParts(authors, edition),
    dateline: printedDateline,
    datelineParts: printedDatelineParts,
    published,
    ...(updated ? { updated: toView(updated) } : {}),
    archive: archiveLinks(published.day, edition.path),
    corrections: corrections.sort((a, b) => a.date.epochMs - b.date.epochMs),
    ...(photo ? { photo: { alt: photo.alt, credit: photo.credit, ...(photo.caption === undefined ? {} : { caption: photo.caption }), ...photoRights(photo, site.agencies) } } : {}),
    ...(photoCredit === undefined ? {} : { photoCredit }),
    topics: storyTopics(tags, edition.path),
    sample,
    ...(priority === undefined ? {} : { priority }),
    bodyHtml: renderStoryBody(source.body, printedDatelineParts, input.filePathStem),
    edition: edition.lang,
    // A story in its edition's language needs no lang of its own; one in another language keeps it.
    ...(lang === undefined || lang.toLowerCase() === edition.lang.toLowerCase() ? {} : { lang }),
    ...(dir === undefined ? {} : { dir }),
    ...(translationOf === undefined ? {} : { translationOf: { stem: translationStem(translationOf), path: translationOf, line: source.place("translationOf").line } }),
    fieldPlaces: { ...(parsed.fields.by === undefined ? {} : { by: source.place("by") }), ...(parsed.fields.tags === undefined ? {} : { tags: source.place("tags") }) },
  };
  return { ...text, view };
}
