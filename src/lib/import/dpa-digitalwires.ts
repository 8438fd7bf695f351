import { z } from "zod";
import type { Agency } from "../model/agencies.ts";
import { readDatelineField } from "./dateline-field.ts";
import { isPlainObject } from "./ninjs-schema.ts";
import {
  collectItems,
  given,
  isCorrectionSignal,
  jsonPath,
  photoFrom,
  pubStatus,
  readLeniently,
  textOrNumber,
  unknownProperties,
  urgencyNumber,
  wireTime,
  type ItemRead,
  type Rendition,
} from "./dialect-fields.ts";
import { definedFields, distinctNames, ignoredNote, NO_TEXT, oneLine } from "./wire-fields.ts";
import type { ItemNote, WireFormat, WirePhoto, WireProblem, WireRead } from "./wire-item.ts";

/**
 * dpa's digitalwires JSON, as dpa's wireQ API (`{"entries": [...]}`) and s3push (one entry a file)
 * deliver it. Read after the entries dpa publishes with its converters (dpa-digitalwires-to-newsmlg2,
 * dpa-digitalwires-to-iptc7901). The reader's choices:
 * - id is `urn`, the same across versions; the version time is `version_created`, else `updated`.
 * - the lead is `teaser`, the body `article_html`; the place is the one `dateline` names
 *   ("New York (dpa) - " gives New York), the agency the text's `creditline` ("dpa"), else the
 *   dateline's.
 * - `signal` sig:correction (or a category of type dnltype:signal with that QCode) marks a correction.
 * - topics are the names of the categories of dpa subjects, subjects, keywords and places
 *   (dnltype:dpasubject, subject, keyword, geosubject), else the matching `*_names` lists.
 * - the picture is the feature image (`is_featureimage`), else the first image associated; its
 *   caption is `caption`, its credit `creditline`. dpa sends no alt text: the story waits for one.
 * - an infobox or linkbox the text comes with has no place in the story: a warning says so.
 */

const FORMAT: WireFormat = "dpa digitalwires";
const DIALECT = "dpa digitalwires";

const category = z.looseObject({ type: z.string().optional(), name: z.string().optional(), qcode: z.string().optional() });

const rendition = z.looseObject({
  url: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  mimetype: z.string().optional(),
});

const association = z.looseObject({
  type: z.string().optional(),
  is_featureimage: z.boolean().optional(),
  caption: z.string().optional(),
  creditline: z.string().optional(),
  alt_text: z.string().optional(),
  renditions: z.array(rendition).optional(),
});

const entryShape = {
  format: z.string().optional(),
  urn: z.string().optional(),
  version: textOrNumber.optional(),
  version_created: wireTime.optional(),
  updated: wireTime.optional(),
  embargoed: wireTime.optional(),
  pubstatus: pubStatus.optional(),
  signal: z.string().optional(),
  language: z.string().optional(),
  urgency: urgencyNumber.optional(),
  headline: z.string().optional(),
  teaser: z.string().optional(),
  byline: z.string().optional(),
  dateline: z.string().optional(),
  article_html: z.string().optional(),
  infobox_html: z.string().optional(),
  linkbox_html: z.string().optional(),
  creditline: z.string().optional(),
  categories: z.array(category).optional(),
  dpasubject_names: z.array(z.string()).optional(),
  keyword_names: z.array(z.string()).optional(),
  geosubject_names: z.array(z.string()).optional(),
  associations: z.array(z.unknown()).optional(),
  kicker: z.string().nullish(),
  subhead: z.string().nullish(),
  notepad: z.string().nullish(),
  ednotes: z.array(z.looseObject({ role: z.string().nullish(), ednote: z.string().nullish() })).nullish(),
};
const entry = z.looseObject(entryShape);
type Entry = z.output<typeof entry>;

/** digitalwires properties the story has no use for: known, so not warned about. */
const UNREAD = [
  "type", "entry_id", "content_created", "copyrightnotice", "usageterms", "autopublishnotice",
  "descriptions", "current_rubric_names", "rubric_names", "desk_names", "genre_names",
  "poi_names", "scope_names", "links", "embeds",
];
const KNOWN = [...Object.keys(entryShape), ...UNREAD];

const TOPIC_TYPES = new Set(["dnltype:dpasubject", "dnltype:subject", "dnltype:keyword", "dnltype:geosubject"]);

function topicsOf(data: Entry): string[] {
  const categories = (data.categories ?? []).filter(({ type }) => type !== undefined && TOPIC_TYPES.has(type));
  if (categories.length > 0) return distinctNames(categories.flatMap(({ name }) => (name ? [name] : [])));
  return distinctNames([...(data.dpasubject_names ?? []), ...(data.keyword_names ?? []), ...(data.geosubject_names ?? [])]);
}

function associatedPhoto(associations: readonly unknown[], base: string, warnings: ItemNote[]): WirePhoto | undefined {
  const images = associations.flatMap((value, index) => (isPlainObject(value) && value["type"] === "image" ? [{ value, index }] : []));
  const chosen = images.find(({ value }) => value["is_featureimage"] === true) ?? images[0];
  if (chosen === undefined) return undefined;
  const path = jsonPath(base, "associations", chosen.index);
  const picture = readLeniently(association, chosen.value, path);
  if (picture === undefined) return undefined;
  warnings.push(...picture.warnings);
  const renditions = (picture.data.renditions ?? []).flatMap(({ url, width, height, mimetype }, index): Rendition[] =>
    url === undefined ? [] : [definedFields({ href: url, path: jsonPath(path, "renditions", index, "url"), width, height, mimetype })],
  );
  return photoFrom(renditions, { alt: given(picture.data.alt_text), caption: given(picture.data.caption), credit: given(picture.data.creditline) });
}

/** dpa's closing line: its desk's initials ("dpa ib yynwd z2 hmb"), which the text, in print, ends with. */
const CLOSING_LINE = "dpaednoterole:closingline";

/**
 * dpa's words for the desk, none of them story text: its notes to editors (a correction's says what
 * it corrects), given back to be quoted or named as left out; its closing line, kicker, subheading
 * and notepad, each named as left out on the item's line.
 */
function wordsForEditors(data: Entry, path: string, warnings: ItemNote[]): string[] {
  const notes: string[] = [];
  for (const [index, { role, ednote }] of (data.ednotes ?? []).entries()) {
    const text = given(ednote ?? undefined);
    if (text === undefined) continue;
    if (role === CLOSING_LINE) warnings.push(ignoredNote(jsonPath(path, "ednotes", index, "ednote"), `${JSON.stringify(oneLine(text))}: dpa's closing line, its desk's initials, not story text`));
    else notes.push(oneLine(text));
  }
  const leftOut = { kicker: "dpa's kicker over the headline", subhead: "dpa's subheading", notepad: "dpa's notepad for editors, not story text" } as const;
  for (const [field, what] of Object.entries(leftOut) as [keyof typeof leftOut, string][]) {
    const text = given(data[field] ?? undefined);
    if (text !== undefined) warnings.push(ignoredNote(jsonPath(path, field), `${JSON.stringify(oneLine(text))}: ${what}${field === "notepad" ? "" : ", which the story has no place for"}`));
  }
  return notes;
}

function readEntry(value: unknown, file: string, path: string, agencies: readonly Agency[]): ItemRead {
  const read = readLeniently(entry, value, path, ["urn", "headline", "article_html", "pubstatus"]);
  if (read === undefined) return { problems: [{ file, field: path, message: "is not an object (expected a dpa digitalwires entry)", code: "WD207" }] };
  const { data } = read;
  const problems: WireProblem[] = read.problems.map((problem) => ({ file, ...problem }));
  const problem = (key: string, message: string) => problems.push({ file, field: jsonPath(path, key), message, code: "WD206" });
  const refusedAt = (key: string) => problems.some((each) => each.field === jsonPath(path, key));
  const canceled = data.pubstatus === "canceled";
  if (!given(data.urn) && !refusedAt("urn")) problem("urn", "missing (expected the entry's urn, the same for all its versions)");
  const headline = given(data.headline) ?? (canceled ? "" : undefined);
  if (headline === undefined && !refusedAt("headline")) problem("headline", "missing (expected the story's headline)");
  const html = given(data.article_html) && data.article_html;
  const body = html ? { kind: "html" as const, html } : canceled ? NO_TEXT : undefined;
  if (body === undefined && !refusedAt("article_html")) {
    const picturesOnly = (data.associations ?? []).length > 0;
    problem("article_html", `missing (expected the story's text as HTML${picturesOnly ? "; this entry delivers only what it associates, such as a picture" : ""})`);
  }
  // A refused entry is read on all the same: the rest of it is checked in this run too.
  const warnings = [...read.warnings, ...unknownProperties(value, KNOWN, path, DIALECT)];
  for (const box of ["infobox_html", "linkbox_html"] as const) {
    if (given(data[box])) warnings.push(ignoredNote(jsonPath(path, box), "dpa's words in a box beside the text, which the story has no place for"));
  }
  const editorsNotes = wordsForEditors(data, path, warnings);
  const photo = associatedPhoto(data.associations ?? [], path, warnings);
  const dateline = readDatelineField(data.dateline ?? "", jsonPath(path, "dateline"), given(data.language), agencies);
  const correction =
    isCorrectionSignal(data.signal) || (data.categories ?? []).some(({ type, qcode }) => type === "dnltype:signal" && isCorrectionSignal(qcode));
  const found = definedFields({
    file,
    path,
    format: FORMAT,
    id: given(data.urn),
    version: data.version,
    versionTime: data.version_created ?? data.updated,
    embargoedUntil: data.embargoed,
    status: refusedAt("pubstatus") ? undefined : (data.pubstatus ?? "usable"),
    correction,
    editorsNote: editorsNotes.length > 0 ? editorsNotes.join(" ") : undefined,
    headline,
    lead: given(data.teaser),
    body,
    place: dateline.place,
    source: given(data.creditline) ?? dateline.agency,
    byline: given(data.byline),
    topics: topicsOf(data),
    photo,
    lang: given(data.language),
    priority: data.urgency,
    notes: warnings.length > 0 || dateline.note !== undefined ? [...warnings, ...(dateline.note === undefined ? [] : [dateline.note])] : undefined,
  });
  const { id, status } = found;
  if (problems.length > 0 || id === undefined || status === undefined || headline === undefined || body === undefined) return { problems, found };
  return { item: { ...found, id, status, headline, body } };
}

/** Tells a digitalwires entry by its `format` ("digitalwires@0.9.1"), else by dpa's urn with its version time. */
export function isDpaDigitalwires(value: Readonly<Record<string, unknown>>): boolean {
  const { format, urn } = value;
  if (typeof format === "string") return /^digitalwires\b/i.test(format);
  return typeof urn === "string" && value["version_created"] !== undefined;
}

/** The entries of a delivery: one entry, a list of them, or wireQ's `{"entries": [...]}`. */
export function dpaEntries(value: unknown): { value: unknown; path: string }[] {
  if (Array.isArray(value)) return value.map((each, index) => ({ value: each, path: `[${index}]` }));
  if (isPlainObject(value) && Array.isArray(value["entries"])) return value["entries"].map((each, index) => ({ value: each, path: `entries[${index}]` }));
  return [{ value, path: "" }];
}

/** The stories of a digitalwires delivery; `agencies` are the settings' list, by which the agency a dateline names is known. */
export function readDpaDigitalwires(value: unknown, file: string, agencies: readonly Agency[]): WireRead {
  return collectItems(dpaEntries(value).map((each) => readEntry(each.value, file, each.path, agencies)));
}
