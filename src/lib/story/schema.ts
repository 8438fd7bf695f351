import { posix } from "node:path";
import { z } from "zod";
import { DATE_FORMS, isKnownZone } from "../model/dates.ts";
import { nearestName } from "./nearest-name.ts";
import { creditNames, MAX_AUTHOR_NAME, MAX_AUTHORS } from "../model/authors.ts";
import { isWebAddress, PHOTO_EXTENSIONS } from "../model/urls.ts";
import { problemCodeParams, zodProblems, type FieldProblem } from "../model/problems.ts";
import { commentProblem, referencesProblem, withCharacters } from "./printed-text.ts";

/** A value YAML read as no value from the word written for it (`Null`, `~`): kept as the word, so its problem names it. */
class NoValueWord {
  readonly word: string;
  constructor(word: string) {
    this.word = word;
  }
}

/** How a wrong value is named in an error: what the editor typed, briefly. */
function describe(value: unknown): string {
  if (value === null) return "an empty value";
  if (value instanceof NoValueWord) return `${value.word}, which YAML reads as no value`;
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return `a date object (${value.toISOString()})`;
  if (typeof value === "object") return "a group of fields";
  // A wire import may hold a megabyte in one field; the report shows its start.
  if (typeof value === "string") return value.length > 60 ? `"${value.slice(0, 57)}..." (${value.length} characters)` : `"${value}"`;
  if (typeof value === "number") return `the number ${String(value)}`;
  if (typeof value === "boolean") return `the truth value ${String(value)}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * The error for a truth value or a number written in quotes (`draft: "true"`, `priority: "1"`),
 * which make it text: the fix is to remove them. `typed` tells the text that is one unquoted.
 */
function quotedValue(expected: string, typed: RegExp) {
  return (issue: { input?: unknown }) =>
    typeof issue.input === "string" && typed.test(issue.input) ? `got "${issue.input}" in quotes, which make it text (expected ${expected}: remove the quotes)` : wrong(expected)(issue);
}

/** A truth value as YAML core and JSON write it; a number as a priority would be typed. */
const TRUTH_VALUE = /^(?:true|True|TRUE|false|False|FALSE)$/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The error for a missing or wrong value; `whenMissing` says more where a field's absence needs explaining. */
function wrong(expected: string, whenMissing = expected) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `missing (expected ${whenMissing})` : `got ${describe(issue.input)} (expected ${expected})`;
}

/**
 * At most `max` items, said as "21 topics (expected at most 20)". A refinement, which zod runs only
 * on a value that passed as a list: its own .max measures a string typed instead too, and told an
 * editor who wrote topics on one line of 21 characters that they were 21 topics.
 */
function atMost<Item extends z.ZodType>(list: z.ZodArray<Item>, max: number, items: string) {
  return list.refine((values) => values.length <= max, { error: (issue) => `${(issue.input as unknown[]).length} ${items} (expected at most ${max})` });
}

/** A list item as YAML's flow list reads it: quoted when a bracket, comma, colon, # or quote in it would end or change it. */
const flowItem = (item: string): string => (/[[\]{},:#"'&*!|>%@`]|^[-?\s]|\s$/.test(item) ? JSON.stringify(item) : item);

/**
 * The error for tags not written as a list: one written as text ("Politics, Economy") gets the
 * list to type, its names split where commas or semicolons part them; a list put in quotes
 * ("[Politics, Economy]") loses its brackets, which are no part of a name.
 */
function topicsExpected(issue: { input?: unknown }): string {
  if (typeof issue.input !== "string") return wrong("a list of topics")(issue);
  const listed = /^\s*\[(.*)\]\s*$/s.exec(issue.input)?.[1] ?? issue.input;
  const names = listed.split(/[,;]/).map((name) => name.trim()).filter((name) => name !== "");
  return names.length === 0 ? wrong("a list of topics")(issue) : `got ${describe(issue.input)} (expected a list of topics: tags: [${names.map(flowItem).join(", ")}])`;
}

/**
 * The error for a text field YAML read as a number, a truth value or no value: an unquoted 0x1F,
 * 1e3 or 2024 is a number, true or false a truth value, Null or ~ nothing. The editor typed text,
 * so the fix is quotes.
 */
function notText(expected: string, whenMissing: string) {
  return (issue: { input?: unknown }) => {
    const { input } = issue;
    if (input instanceof NoValueWord) return `got ${describe(input)}: put it in quotes (expected ${expected})`;
    if (typeof input !== "number" && typeof input !== "boolean") return wrong(expected, whenMissing)(issue);
    return `got the ${typeof input === "number" ? "number" : "truth value"} ${String(input)}, as YAML reads it unquoted: put it in quotes (expected ${expected})`;
  };
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * Characters as readers see them: "é" pasted as e and an accent (as macOS writes it) is one, and
 * so is an emoji, which JavaScript counts as two or more.
 */
export function characterCount(value: string): number {
  let count = 0;
  for (const _ of graphemes.segment(value.normalize("NFC"))) count += 1;
  return count;
}

/** One line of text, trimmed, at most `max` characters: printed in headings, lists, feeds and attributes. */
function text(expected: string, max: number, whenMissing = expected) {
  return z
    .string({ error: notText(expected, whenMissing) })
    .trim()
    .min(1, { error: `empty (expected ${expected})` })
    // Code units are never fewer than characters: most values are let through without counting these.
    .refine((value) => value.length <= max || characterCount(value) <= max, {
      error: (issue) => `${characterCount(String(issue.input).trim())} characters (expected at most ${max}: ${expected})`,
    })
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), {
      error: `holds a line break or control character (expected one line of text: ${expected})`,
    });
}

/**
 * Text printed for readers (a headline, a byline, a caption): text() that holds no HTML character
 * reference and no HTML comment, which pages and feeds would print as typed (see printed-text.ts).
 * Records never printed, addresses and dates are text() alone.
 */
function printed(expected: string, max: number, whenMissing = expected) {
  return text(expected, max, whenMissing)
    .refine((value) => referencesProblem(value) === undefined, {
      error: (issue) => `${describe(String(issue.input).trim())} ${referencesProblem(String(issue.input).trim()) ?? ""}`,
      params: problemCodeParams("WD168"),
    })
    .refine((value) => commentProblem(value) === undefined, {
      error: (issue) => commentProblem(String(issue.input).trim()) ?? "",
      params: problemCodeParams("WD167"),
    });
}

const photoFile = `a file next to the story, e.g. photo.jpg (${PHOTO_EXTENSIONS.join(", ")})`;

const dateText = () => text(DATE_FORMS, 40);

/** A full web address a photo's rights point to: every copy of the photo carries it, so a relative or mistyped one is a dead link everywhere. */
function rightsAddress(expected: string) {
  return text(expected, 500).refine(isWebAddress, {
    error: (issue) => `${describe(issue.input)} is not a web address (expected ${expected})`,
    params: problemCodeParams("WD159"),
  });
}

const photoSchema = z.object(
  {
    src: text(photoFile, 200).refine(
      (src) => (PHOTO_EXTENSIONS as readonly string[]).includes(src.split(".").pop()?.toLowerCase() ?? ""),
      { error: (issue) => `"${String(issue.input)}" is not a supported image (expected ${photoFile})` },
    ),
    alt: printed("a description of what the photo shows, for readers who cannot see it", 500),
    credit: printed("the credit as the agency gives it, e.g. Photo EPA/ITAR-TASS", 200),
    caption: printed("a caption, or no caption field", 1000).optional(),
    // The rights: each, when not written, from the settings' entry of the agency the credit names.
    creator: printed("the photographer's name, e.g. Evan Vucci", 200).optional(),
    copyright: printed("the copyright notice as the agency gives it, e.g. © 2024 The Associated Press", 300).optional(),
    usageTerms: printed("the agency's terms of use, e.g. Editorial use only", 1000).optional(),
    license: rightsAddress("the full address of the licence's terms, e.g. https://creativecommons.org/licenses/by/4.0/").optional(),
    licensePage: rightsAddress("the full address where the photo can be licensed, e.g. https://newsroom.ap.org/").optional(),
  },
  { error: wrong("a photo with src, alt and credit") },
);

const correctionSchema = z.object(
  {
    date: dateText(),
    text: printed("the correction as readers should see it", 1000),
  },
  { error: wrong("a correction with date and text") },
);

/** A BCP 47 language tag such as "ar" or "zh-Hant", as `lang` attributes take it. */
function isLanguageTag(tag: string): boolean {
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * Where a story from a news agency came from: the newsroom's record, never printed. The id stays
 * the same across the item's versions, so an import can find the story it updates.
 */
const wireSchema = z.object(
  {
    id: text("the agency's id for the item, the same across its versions", 300),
    // NITF's du-key key, where the agency's id names each version: a later one finds the story by it.
    key: text("the agency's key of the story across its versions (NITF du-key)", 300).optional(),
    // Text only: an unquoted 2.10 is the number 2.1 to YAML, and the agency's numbering would be lost.
    version: text('the version as the agency numbers it, as text in quotes, e.g. version: "2"', 40).optional(),
    versionTime: dateText(),
    format: text("the format the item arrived in, e.g. ninjs 2", 40).optional(),
    // The import's hash of the file it wrote: a file that no longer matches was edited here, and newer versions wait beside it.
    written: text("the hash the wire import recorded of the file it wrote, e.g. sha256:3f1c…; leave it as it is", 80).optional(),
  },
  { error: wrong("the agency's record of the item: id and versionTime, with version and format when known") },
);

/** Fields every story may keep, published or withdrawn: what keeps its address, its agency, its language and its record. */
const date = dateText();
const dateline = printed("the place as printed, e.g. MOSCOW", 60);
const timezone = text("an IANA time zone such as Europe/Moscow", 60)
  .refine(isKnownZone, {
    error: (issue) => `"${String(issue.input)}" is not a known time zone (expected an IANA name such as Europe/Moscow)`,
  })
  .optional();
const source = printed("the agency printed in the dateline's parentheses, e.g. Itar-Tass", 80).optional();
const lang = text("a language tag such as ar or zh-Hant, when the story is not in the site's language", 35)
  .refine(isLanguageTag, {
    error: (issue) => `${describe(issue.input)} is not a language tag (expected one such as ar, he or zh-Hant)`,
  })
  .optional();
const dir = z.enum(["ltr", "rtl"], { error: wrong("rtl for a right-to-left language, or ltr") }).optional();
const wire = wireSchema.optional();
const translationExpected = "the original story's file under src/news/, e.g. moscow-denuclearization-talks/index.md";
const translationOf = text(translationExpected, 300)
  .refine((path) => path.endsWith(".md") && !path.startsWith("/") && !path.includes("\\") && !posix.normalize(path).startsWith("../"), {
    error: (issue) => `${describe(issue.input)} is not a story file's path (expected ${translationExpected})`,
  })
  .optional();

const AUTHOR_EXPECTED = "an author's name as the byline prints it, e.g. Ann Smith";

/** The "By" the byline prints itself, typed before the names. */
const LEADING_BY = /^by\s+/i;

/**
 * A byline written as one name, read as a credit is (creditNames): its names where they are
 * joined, without a leading "By", the place after a name and the credits for work besides the
 * writing. One name alone is a name as written.
 */
function creditOf(written: string): { names: string[]; by: boolean; places: string[]; credits: string[] } {
  const { names, places, credits } = creditNames(written.replace(LEADING_BY, ""));
  return { names, by: LEADING_BY.test(written), places: places.map(({ place }) => place), credits };
}

/** The commas and semicolons (Latin, Arabic and CJK) a name may be left with where a credit separated it from the next. */
const SEPARATOR = "[,;\u060C\u061B\u3001\uFF0C\uFF1B]";
const LEADING_SEPARATORS = new RegExp(`^(?:${SEPARATOR}|\\s)+`, "u");
const TRAILING_SEPARATORS = new RegExp(`(?:${SEPARATOR}|\\s)+$`, "u");

/**
 * Why a name may not start or end with a comma or semicolon ("Ann Smith,", as a credit copied
 * without the name after it leaves one): the byline would print it after the name, and the
 * author's page would be headed with it. Undefined when it does neither.
 */
function strayMarksWhy(name: string): string | undefined {
  const start = LEADING_SEPARATORS.exec(name)?.[0].trim();
  const end = TRAILING_SEPARATORS.exec(name)?.[0].trim();
  const marks = [...(start ? [`starts with "${start}"`] : []), ...(end ? [`ends with "${end}"`] : [])];
  return marks.length === 0 ? undefined : `${marks.join(" and ")}, which the byline and the author's page would print with the name`;
}

/** The name without the separators it starts or ends with, trimmed. */
export const withoutStrayMarks = (name: string): string => name.replace(LEADING_SEPARATORS, "").replace(TRAILING_SEPARATORS, "");

/** Why a name of a list is not one as written: the byline's own "By" before it, a separator left at either end. */
function listNameWhy(written: string): string | undefined {
  const stray = strayMarksWhy(written);
  const why = [...(LEADING_BY.test(written) ? ['starts with "By", which the byline prints itself'] : []), ...(stray === undefined ? [] : [stray])];
  if (why.length === 0) return undefined;
  return `${describe(written)} ${why.join(" and ")} (expected the name alone: ${withoutStrayMarks(written.replace(LEADING_BY, ""))})`;
}

/** Whether `by` written as this one name would be refused (see byAsOneName): such a name is written as a list of its own, which says it is one. */
export function refusedAsOneName(name: string): boolean {
  const { names, by, places, credits } = creditOf(name);
  return names.length > 1 || by || places.length > 0 || credits.length > 0;
}

/**
 * Why `by` written as one name is not one: several names joined, the byline's own "By", where the
 * writers were (the dateline says where), a credit for work besides the writing ("Editing by Cy
 * Wu"), which names no writer. The list to type is given; several names in one that are one name on
 * purpose ("Staff and agencies") go in a list of their own.
 */
function byAsOneName(written: string): string {
  const { by, places, credits } = creditOf(written);
  // A credit splits names at Latin commas and semicolons only: others are taken off the names it gives.
  const names = creditOf(written).names.map(withoutStrayMarks).filter((name) => name !== "");
  const stray = strayMarksWhy(written);
  const why = [
    ...(names.length > 1 ? ["reads as several names written as one"] : []),
    ...(by ? ['starts with "By", which the byline prints itself'] : []),
    ...(credits.length > 0 ? [`credits work besides the writing (${credits.join("; ")}), which goes at the story's end, not in the byline`] : []),
    ...(places.length > 0 ? [`says where ${names.length > 1 ? "the writers were" : "the writer was"} (${places.join(", ")}): a byline names writers, not where they were, which the dateline says`] : []),
    ...(stray === undefined ? [] : [stray]),
  ];
  const typed = names.length > 1 ? `a list, one name to an item: by: [${names.join(", ")}]` : names[0] === undefined ? "the writers' names, or no by field" : `the name alone: by: ${names[0]}`;
  const ownList = names.length > 1 && !by && places.length === 0 && credits.length === 0 && stray === undefined ? `; a name written so on purpose goes in a list of its own: by: ["${written}"]` : "";
  return `${describe(written)} ${new Intl.ListFormat("en", { type: "conjunction" }).format(why)} (expected ${typed}${ownList})`;
}

/** Who wrote the story: one name, or a list of names in the order the byline prints them. */
const by = z
  .union(
    [
      // Read with its characters, as the editor meant it ("Ann &amp; Bo" is two names): the reference is a problem of its own.
      printed(AUTHOR_EXPECTED, MAX_AUTHOR_NAME).refine((name) => !refusedAsOneName(withCharacters(name)) && strayMarksWhy(name) === undefined, {
        error: (issue) => byAsOneName(withCharacters(String(issue.input).trim())),
      }),
      atMost(
        z
          .array(
            // A list holds a name that only looks like several on purpose ("Staff and agencies"); never the byline's own "By", nor a separator left at either end.
            printed(AUTHOR_EXPECTED, MAX_AUTHOR_NAME).refine((name) => listNameWhy(name.trim()) === undefined, {
              error: (issue) => listNameWhy(String(issue.input).trim()) ?? "",
            }),
            { error: wrong("a list of names") },
          )
          .min(1, { error: "an empty list (expected one name or more, or no by field)" }),
        MAX_AUTHORS,
        "names",
      ),
    ],
    { error: wrong("one name, e.g. by: Ann Smith, or a list of names, e.g. by: [Ann Smith, Bo Li]") },
  )
  .optional();

const LEAD_EXPECTED = "the standfirst: a sentence or two under the headline";
const PRIORITY_EXPECTED = "a whole number from 1 (the front page's lead) to 9 (least important), as IPTC urgency";

/** The story contract: every field an editor may write in front matter or a story's data file. */
export const storySchema = z.object({
  title: printed("the headline", 200),
  // Optional in the contract; required of the newsroom's own stories (see ownStorySchema).
  lead: printed(LEAD_EXPECTED, 600).optional(),
  by,
  date,
  dateline,
  timezone,
  source,
  photo: photoSchema.optional(),
  // The agency's photo the story runs without (its file not delivered, or not ours to publish): its credit is printed as text.
  photoCredit: printed("the credit of the agency's photo the story runs without, e.g. Photo EPA/ITAR-TASS", 200).optional(),
  tags: atMost(z.array(printed("a topic name", 60), { error: topicsExpected }), 20, "topics").optional(),
  draft: z.boolean({ error: quotedValue("true or false", TRUTH_VALUE) }).optional(),
  updated: dateText().optional(),
  corrections: atMost(z.array(correctionSchema, { error: wrong("a list of corrections, each with date and text") }), 50, "corrections").optional(),
  sample: z.boolean({ error: quotedValue("true or false", TRUTH_VALUE) }).optional(),
  priority: z.number({ error: quotedValue(PRIORITY_EXPECTED, NUMBER) }).int({ error: wrong(PRIORITY_EXPECTED) }).min(1, { error: wrong(PRIORITY_EXPECTED) }).max(9, { error: wrong(PRIORITY_EXPECTED) }).optional(),
  lang,
  dir,
  translationOf,
  wire,
});

/**
 * A story may go without a lead only when the wire import wrote it (it has a `wire` record): the
 * agency sent none, and the settings publish such items with no standfirst. A story the newsroom
 * writes itself has no agency to blame: a missing lead there is one forgotten.
 */
const ownStorySchema = storySchema.extend({
  lead: printed(LEAD_EXPECTED, 600, `${LEAD_EXPECTED}; only a story imported from an agency, with its wire record, may go without one`),
});

/**
 * A story its agency (or the newsroom) withdrew: it keeps only what keeps its address, who
 * withdrew it and when, and its record; no word of the story stays in the file. Its page becomes a notice.
 */
export const withdrawnSchema = z.object({ withdrawn: dateText(), date, dateline, timezone, source, lang, dir, translationOf, wire });

/** Why a withdrawn story may not keep a field of the published contract. */
const WITHDRAWN_REFUSALS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ["title", "lead", "by", "photo", "photoCredit", "tags", "corrections", "updated"].map((name) => [name, `a withdrawn story keeps no text of the story (expected no ${name}: remove it)`]),
  ),
  draft: "a withdrawn story is never a draft: its notice is published (expected no draft: remove it, or remove withdrawn to keep a draft)",
  sample: "a withdrawn story's notice is never a sample (expected no sample: remove it)",
  priority: "a withdrawn story's notice is in no list, the front page's neither (expected no priority: remove it)",
};

export type StoryFields = z.infer<typeof storySchema>;
export type WithdrawnFields = z.infer<typeof withdrawnSchema>;
export type WireFields = NonNullable<StoryFields["wire"]>;
type PhotoFields = NonNullable<StoryFields["photo"]>;
type CorrectionFields = NonNullable<StoryFields["corrections"]>[number];

/** Whether a story's data says it was withdrawn: then the withdrawn contract applies, whatever else it says. */
export function isWithdrawn(data: Readonly<Record<string, unknown>>): boolean {
  return data["withdrawn"] !== undefined;
}

/** What could be read of a story with problems: its good fields, and the good parts of its groups. */
export type PartialStoryFields = Partial<Omit<StoryFields, "photo" | "corrections" | "wire">> & {
  withdrawn?: string;
  photo?: Partial<PhotoFields>;
  corrections?: (Partial<CorrectionFields> | undefined)[];
  wire?: Partial<WireFields>;
};

export type FieldsResult =
  | { ok: true; fields: StoryFields }
  | { ok: true; withdrawn: WithdrawnFields }
  | { ok: false; partial: PartialStoryFields; issues: FieldProblem[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Parses a value; when a group of fields fails, parses each field on its own, so one bad field
 * neither hides the others' problems nor stops the checks that need only good ones (a valid
 * dateline still gets its zone looked up, a photo without credit still has its file checked).
 */
function parseParts(schema: z.ZodType, value: unknown, path: string[], issues: FieldProblem[]): unknown {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const group = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  // A field that takes one value or a list (by) is checked as the form it was written in, each item on its own.
  const list = group instanceof z.ZodUnion && Array.isArray(value) ? group.options.find((option) => option instanceof z.ZodArray) : undefined;
  if (list !== undefined) return parseParts(list as z.ZodType, value, path, issues);
  const report = (found: readonly z.core.$ZodIssue[]) => issues.push(...zodProblems(found, value, path));
  // A group's own rules (a list's length) are reported before its parts are parsed one by one.
  const ownIssues = result.error.issues.filter((issue) => issue.path.length === 0);
  if (group instanceof z.ZodObject && isPlainObject(value)) {
    report(ownIssues);
    const parts: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(group.shape as Record<string, z.ZodType>)) {
      const part = parseParts(field, value[name], [...path, name], issues);
      if (part !== undefined) parts[name] = part;
    }
    return parts;
  }
  if (group instanceof z.ZodArray && Array.isArray(value)) {
    report(ownIssues);
    return value.map((item, index) => parseParts(group.element as z.ZodType, item, [...path, String(index)], issues));
  }
  report(result.error.issues);
  return undefined;
}

/** A field the contract does not know, named with the one the editor most likely meant. */
function unknownField(path: string[], name: string, known: string[]): FieldProblem {
  const near = nearestName(name, known);
  return {
    field: [...path, name].join("."),
    code: "WD122",
    message: near ? `unknown field; did you mean ${near}?` : `unknown field (expected one of ${known.join(", ")})`,
  };
}

/**
 * Fields a story writes that the contract does not know: among `ownKeys` (the top-level names its
 * front matter and data file write; the rest of the data cascade is Eleventy's), and in every
 * group of fields, which only a story writes.
 */
function unknownFields(schema: z.ZodType, value: unknown, path: string[], ownKeys: readonly string[] | undefined): FieldProblem[] {
  const group = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (group instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, index) => unknownFields(group.element as z.ZodType, item, [...path, String(index)], undefined));
  }
  if (!(group instanceof z.ZodObject) || !isPlainObject(value)) return [];
  const shape = group.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  return [
    ...(ownKeys ?? Object.keys(value)).filter((name) => !(name in shape)).map((name) => unknownField(path, name, known)),
    ...Object.entries(shape).flatMap(([name, field]) => unknownFields(field, value[name], [...path, name], undefined)),
  ];
}

/** The value with `put` at `path`, where YAML read no value; copied along the path, never changed. */
function withValueAt(value: unknown, [name, ...rest]: readonly string[], put: unknown): unknown {
  if (name === undefined) return value === null ? put : value;
  if (Array.isArray(value)) return value.map((item, index) => (String(index) === name ? withValueAt(item, rest, put) : item));
  return isPlainObject(value) && name in value ? { ...value, [name]: withValueAt(value[name], rest, put) } : value;
}

/**
 * Checks a story's data against the contract; `ownKeys` are the top-level names the story itself
 * wrote, `noValues` the fields YAML read as no value from a word written for them, by path.
 */
export function parseStoryFields(written: Readonly<Record<string, unknown>>, ownKeys: readonly string[] = [], noValues: ReadonlyMap<string, string> = new Map()): FieldsResult {
  // A field YAML read as no value from a word is refused as that word, so its problem says why it is empty.
  let data = written;
  for (const [path, word] of noValues) data = withValueAt(data, path.split("."), new NoValueWord(word)) as Record<string, unknown>;
  const withdrawn = isWithdrawn(data);
  const schema = withdrawn ? withdrawnSchema : data["wire"] === undefined ? ownStorySchema : storySchema;
  // A withdrawn story names fields of the published contract only to be told to remove them.
  const refused = withdrawn ? Object.entries(WITHDRAWN_REFUSALS).filter(([name]) => data[name] !== undefined) : [];
  const issues: FieldProblem[] = [
    ...unknownFields(schema, data, [], withdrawn ? ownKeys.filter((name) => !(name in WITHDRAWN_REFUSALS)) : ownKeys),
    ...refused.map(([field, message]): FieldProblem => ({ field, message, code: "WD123" })),
  ];
  const parsed = parseParts(schema, data, [], issues);
  // Without issues the value passed the schema whole; with them, it holds only parts that passed.
  if (issues.length > 0) return { ok: false, partial: parsed as PartialStoryFields, issues };
  return withdrawn ? { ok: true, withdrawn: parsed as WithdrawnFields } : { ok: true, fields: parsed as StoryFields };
}
