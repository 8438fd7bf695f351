/**
 * Editions: the same newsroom published in more than one language from one build. Each edition is
 * a settings entry (`editions` in _data/site.ts) and a strings file (_data/strings/<lang>.json)
 * holding every text its pages, feeds and datelines print; the first edition is at the site's
 * root, every other one under its own folder ("ru/").
 */
import { join } from "node:path";
import { z } from "zod";
import { jsonSyntaxError } from "./json-text.ts";
import { zodProblems, type Problem } from "./problems.ts";

/** Counted words ("3 stories") in each plural form the language has (Intl.PluralRules' categories). */
const pluralForms = z.partialRecord(z.enum(["zero", "one", "two", "few", "many", "other"]), z.string().trim().min(1));

const line = z.string().trim().min(1);

/**
 * Every text the site prints, in one edition's language. Patterns hold `{name}` slots that the
 * build fills (`{count}`, `{date}`, `{place}`…); each is listed beside its key.
 */
export const stringsSchema = z.strictObject({
  /** The site's description: the home page's meta description and the feeds' subtitle. */
  description: line,
  skipLink: line,
  sectionsLabel: line,
  allNews: line,
  /** The front page's heading, over its lead and top stories. */
  frontPage: line,
  /** The front page's latest stories, above the link to All news. */
  latestNews: line,
  /** A front-page section's link to its topic's page: {topic} */
  moreOnTopic: line,
  topics: line,
  archive: line,
  breadcrumbLabel: line,
  pagesLabel: line,
  newer: line,
  older: line,
  /** An archive day's links to the nearest days with stories: their navigation's label, and each link's {day}. */
  daysLabel: line,
  laterDay: line,
  earlierDay: line,
  /**
   * A list's later page in titles: {title}, {period} (the days of its stories). Pages have no
   * number: numbers would change with every day's stories.
   */
  pageTitle: line.refine((text) => !/\{(number|count)\}/.test(text)),
  /** {count} */
  storyCount: pluralForms,
  updated: line,
  correction: line,
  corrections: line,
  /** Printed stories and feeds end with the story's address. */
  readOnline: line,
  relatedStories: line,
  /** Heads the latest earlier stories that end a story's page when none of them is related to it. */
  moreNews: line,
  draft: line,
  /** Before the moment an embargoed story is released. */
  embargoed: line,
  sample: line,
  withdrawnTitle: line,
  /** {source}, {date} */
  withdrawnText: line,
  notFoundTitle: line,
  notFoundText: line,
  /** Where to go from a notice or a missing page: {allNews}, {topics}, {archive} are links. */
  elsewhere: line,
  elsewhereAllNews: line,
  elsewhereTopics: line,
  elsewhereArchive: line,
  noTopics: line,
  /** All news and the archive of an edition with no story yet. */
  noStories: line,
  /** {topic}, {site} */
  topicDescription: line,
  /** {period}, {site} */
  archiveDescription: line,
  /** The edition's feed title: {site} */
  feedTitle: line,
  /** A topic feed's title: {topic}, {site} */
  topicFeedTitle: line,
  problemsTitle: line,
  /**
   * The language switch: its label, and each link, {language} being the other edition's language
   * in this one's words: `readIn` where the page is translated ("Read in Russian"), `editionLink`
   * where the link leads to the other edition's own pages instead ("Russian edition").
   */
  languagesLabel: line,
  readIn: line,
  /** Links the {language} pattern cannot word well, by the other edition's language tag ("Читать на английском"). */
  readInEdition: z.record(z.string(), line).optional(),
  editionLink: line,
  /** As readInEdition, for editionLink ("Английская версия"). */
  editionLinkFor: z.record(z.string(), line).optional(),
  /** The byline under a story's headline: {authors}, the names as the language lists them ("Ann Smith and Bo Li"); bylineOne for one author, bylineMany for more. */
  bylineOne: line.refine((text) => text.includes("{authors}")),
  bylineMany: line.refine((text) => text.includes("{authors}")),
  /** An author's page: its description {author}, {site}, and its feed's title {author}, {site}. */
  authorDescription: line,
  authorFeedTitle: line,
  /** The dateline that opens a story's text: {place}, {day} (e.g. "September 2"), {source}. */
  dateline: line,
  /** A date with its time: {date}, {time}, {zone}. */
  dateTime: line,
  /** A time without its date, as an archive day lists its stories: {time}, {zone}. */
  timeOfDay: line,
  /** The search page: its name in the navigation and title, its field's label and button. */
  search: line,
  searchLabel: line,
  searchButton: line,
  /** The search page's meta description: {site} */
  searchDescription: line,
  /** Shown until the page's script runs: {topics} and {archive} are links (elsewhereTopics, elsewhereArchive). */
  searchNeedsScript: line,
  /** While the index loads. */
  searchLoading: line,
  /** Above the results: {stories} (storyCount), {query} */
  searchSummary: line,
  /** {query} */
  searchNone: line,
  searchMore: line,
  /** When the index cannot be loaded. */
  searchFailed: line,
});

export type EditionStrings = z.infer<typeof stringsSchema>;

export const TEXT_DIRECTIONS = ["ltr", "rtl"] as const;

/** An edition as the settings write it. */
export interface EditionSettings {
  /** BCP 47 language tag: the pages' `lang`, the locale of their dates, and the `lang` of its stories. */
  lang: string;
  dir: (typeof TEXT_DIRECTIONS)[number];
  /** The edition's name in its own language, e.g. "Русский". */
  name: string;
  /** Its folder under the site's root: "" for the first edition, e.g. "ru/" for the others. */
  path: string;
}

export interface Edition extends EditionSettings {
  strings: EditionStrings;
}

/** How an edition prints dates and datelines: its language as the locale, and its patterns. */
export function editionStyle({ lang, strings }: Pick<Edition, "lang" | "strings">): { locale: string; dateTime: string; timeOfDay: string; dateline: string } {
  return { locale: lang, dateTime: strings.dateTime, timeOfDay: strings.timeOfDay, dateline: strings.dateline };
}

/** A run of a sentence: plain text, a link, or a moment (`<time datetime>`). */
export interface TextPart {
  text: string;
  url?: string;
  datetime?: string;
}

/** Splits a pattern at its `{name}` slots into the runs a template prints, each slot given as a part or a run of parts. */
export function textParts(pattern: string, slots: Readonly<Record<string, TextPart | readonly TextPart[]>>): TextPart[] {
  return pattern
    .split(/(\{\w+\})/)
    .filter((run) => run !== "")
    .flatMap((run) => slots[run.slice(1, -1)] ?? { text: run });
}

/** Fills a pattern's `{name}` slots; a slot with no value stays as written. */
export function fillPattern(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}

/** "3 stories" / "3 новости": the count in the plural form its edition's language gives it. */
export function countText(forms: EditionStrings["storyCount"], lang: string, count: number): string {
  const form = forms[new Intl.PluralRules(lang).select(count)] ?? forms.other ?? "";
  return fillPattern(form, { count });
}

/** A language tag's language alone: "ru" of "ru-RU". */
export const primaryLanguage = (tag: string): string => tag.split("-")[0]!.toLowerCase();

/**
 * The edition in a language: the one of that tag, else the first of its language (agencies tag
 * items "ru-RU" for a site's "ru"); undefined when no edition is in that language.
 */
export function editionFor<T extends Pick<EditionSettings, "lang">>(lang: string, editions: readonly T[]): T | undefined {
  const wanted = lang.toLowerCase();
  return editions.find((edition) => edition.lang.toLowerCase() === wanted) ?? editions.find((edition) => primaryLanguage(edition.lang) === primaryLanguage(wanted));
}

/** The edition a story's `lang` puts it in: the edition in its language, else the first edition (the default one). */
export function editionOf<T extends Pick<EditionSettings, "lang">>(lang: string | undefined, editions: readonly T[]): T {
  return (lang === undefined ? undefined : editionFor(lang, editions)) ?? editions[0]!;
}

/**
 * The editions' strings files, as the settings' loader read them (this module reads no file): the
 * folder as problems name it (from the project's folder), and each file's text by its name (`ru.json`).
 */
export interface StringsFolder {
  dir: string;
  files: ReadonlyMap<string, string>;
}

/** What a strings value's problem expects. */
function expectedString(key: string, lang: string): string {
  if (key === "storyCount") {
    const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories.join(", ");
    return `the count's plural forms ${forms}, each a text with {count}`;
  }
  if (key === "pageTitle") return 'a text with {title} and {period}, the days of the page\'s stories, and no {number} or {count} (pages have no number), e.g. "{title}, {period}"';
  if (key === "bylineOne" || key === "bylineMany") return 'a text with {authors}, e.g. "By {authors}"';
  if (key === "readInEdition") return 'texts by language tag, e.g. { "en": "Читать на английском" }';
  if (key === "editionLinkFor") return 'texts by language tag, e.g. { "en": "Английская версия" }';
  return "a text, not empty";
}

/** Strings earlier versions printed, with what took their place, so an edition's file is brought up to date in one step. */
const RETIRED_STRINGS: Readonly<Record<string, string>> = {
  pageNumber: 'no longer printed: list pages have no number; remove it (a later page is titled by its stories\' days, pageTitle\'s {period}, e.g. "{title}, {period}")',
};

/** The line a top-level key of a JSON file is written on, where it starts a line as JSON files are written; undefined when not found. */
function keyLine(text: string, key: string): number | undefined {
  const written = JSON.stringify(key);
  const index = text.split("\n").findIndex((line) => line.trimStart().startsWith(`${written}:`) || line.trimStart().startsWith(`${written} :`));
  return index === -1 ? undefined : index + 1;
}

/**
 * Parses and checks one edition's strings file (`<lang>.json` in `folder`): a problem for each
 * string, at its line (`_data/strings/ru.json:12: allNews: got "" (expected a text, not empty) [WD309]`).
 */
export function parseEditionStrings(folder: StringsFolder, lang: string): { ok: true; strings: EditionStrings } | { ok: false; problems: Problem[] } {
  const file = join(folder.dir, `${lang}.json`);
  const text = folder.files.get(`${lang}.json`);
  const fileProblem = (message: string, code: "WD306" | "WD307", at: { line?: number; column?: number } = {}): { ok: false; problems: Problem[] } => ({ ok: false, problems: [{ file, ...at, field: "", message, code }] });
  if (text === undefined) return fileProblem(`missing (expected the strings of the "${lang}" edition, like _data/strings/en.json)`, "WD306");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { what, ...at } = jsonSyntaxError(text, error);
    return fileProblem(`not valid JSON: ${what} (expected an object of texts)`, "WD307", at);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return fileProblem('not an object of texts (expected { "allNews": "All news", … })', "WD307");
  const atLine = (problem: Omit<Problem, "file">): Problem => {
    const line = keyLine(text, problem.field.split(".")[0] ?? "");
    return { file, ...(line === undefined ? {} : { line }), ...problem };
  };
  const retired = Object.keys(data).filter((key) => key in RETIRED_STRINGS);
  const problems = retired.map((key) => atLine({ field: key, message: RETIRED_STRINGS[key]!, code: "WD311" }));
  const current = Object.fromEntries(Object.entries(data).filter(([key]) => !(key in RETIRED_STRINGS)));
  const parsed = stringsSchema.safeParse(current, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return `unknown string (expected one of ${Object.keys(stringsSchema.shape).join(", ")})`;
      const key = String(issue.path?.[0] ?? "");
      return `${issue.input === undefined ? "missing" : `got ${JSON.stringify(issue.input)}`} (expected ${expectedString(key, lang)})`;
    },
  });
  if (!parsed.success) {
    // A string is named once, by its key, however deep in it zod found what is wrong.
    const seen = new Set<string>();
    for (const problem of zodProblems(parsed.error.issues, current, [], { missing: "WD308", wrong: "WD309", unknown: "WD310" })) {
      const key = problem.field.split(".")[0] ?? "";
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(atLine({ ...problem, field: key }));
    }
  } else {
    // Every plural form the language uses must be there, or some counts would print nothing.
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const missing = categories.filter((category) => parsed.data.storyCount[category] === undefined);
    if (missing.length > 0) problems.push(atLine({ field: "storyCount", message: `no ${missing.join(", ")} form (expected ${expectedString("storyCount", lang)})`, code: "WD308" }));
  }
  return parsed.success && problems.length === 0 ? { ok: true, strings: parsed.data } : { ok: false, problems };
}
