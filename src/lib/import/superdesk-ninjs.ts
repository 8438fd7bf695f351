import { z } from "zod";
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
import type { ProblemCode } from "../model/problems.ts";
import { definedFields, distinctNames, htmlText, ignoredNote, NO_TEXT, oneLine, pictureRights } from "./wire-fields.ts";
import type { ItemNote, WireBody, WireFormat, WirePhoto, WireProblem, WireRead } from "./wire-item.ts";

/**
 * Superdesk's ninjs: the ninjs 1.x its publishing formatter writes, with Superdesk's own
 * properties (guid for uri, priority, service, authors, extra, firstpublished, readtime...). Read
 * after Superdesk's schema (docs/superdesk-ninjs-schema.json in superdesk-core) and formatter.
 * The reader's choices:
 * - id is `guid`, the same across versions; `version` is kept as written.
 * - the lead is `description_text`, else `description_html` read as text; the body is `body_html`,
 *   else `body_text`.
 * - the place is `located`, the city of the item's dateline; `place` is a locator (a state or a
 *   region of the world, "Europe"), not where the story was written, so it is not read as one.
 * - the agency is `source` ("AAP"), else the copyright holder; the byline is `byline`, else the
 *   names of the `authors` whose role is writer.
 * - the picture is the `featuremedia` association, else the first picture associated; its caption
 *   is `description_text`, its alt text `alt_text`, else the `body_text` the formatter writes it
 *   to; its credit `byline`, else the copyright holder.
 * - a signal with code correction marks a correction, its `ednote` saying what it corrects;
 *   `priority` (1 most urgent), else `urgency`.
 * - `extra` holds a newsroom's custom fields: each one given is named in a warning, not imported.
 */

const FORMAT: WireFormat = "ninjs 1 (Superdesk)";
const DIALECT = "Superdesk's ninjs";

const named = z.looseObject({ name: z.string().optional(), code: z.string().optional() });

const rendition = z.looseObject({
  href: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  mimetype: z.string().optional(),
});

const itemShape = {
  guid: z.string().optional(),
  type: z.string().optional(),
  version: textOrNumber.optional(),
  versioncreated: wireTime.optional(),
  firstcreated: wireTime.optional(),
  firstpublished: wireTime.optional(),
  embargoed: wireTime.optional(),
  pubstatus: pubStatus.optional(),
  urgency: urgencyNumber.optional(),
  priority: urgencyNumber.optional(),
  headline: z.string().optional(),
  description_text: z.string().optional(),
  description_html: z.string().optional(),
  body_html: z.string().optional(),
  body_text: z.string().optional(),
  byline: z.string().optional(),
  authors: z.array(z.looseObject({ name: z.string().optional(), role: z.string().optional() })).optional(),
  located: z.string().optional(),
  source: z.string().optional(),
  copyrightholder: z.string().optional(),
  copyrightnotice: z.string().optional(),
  usageterms: z.string().optional(),
  language: z.string().optional(),
  subject: z.array(named).optional(),
  keywords: z.array(z.string()).optional(),
  signal: z.array(named).optional(),
  ednote: z.string().optional(),
  alt_text: z.string().optional(),
  renditions: z.record(z.string(), rendition).optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
  associations: z.record(z.string(), z.unknown()).optional(),
};
const item = z.looseObject(itemShape);
type Item = z.output<typeof item>;

/** Superdesk's ninjs properties the story has no use for: known, so not warned about. */
const UNREAD = [
  "mimetype", "profile", "service", "genre", "slugline", "place",
  "organisation", "annotations", "charcount", "wordcount", "readtime", "evolvedfrom", "attachments",
  "extra_items", "publish_schedule", "order", "title", "rightsinfo", "uri",
];
const KNOWN = [...Object.keys(itemShape), ...UNREAD];

/** The first of the texts given, trimmed: the order is the reader's preference. */
const firstGiven = (...texts: (string | undefined)[]): string | undefined => texts.map(given).find((text) => text !== undefined);

/** The associated picture: `featuremedia` (Superdesk's lead picture), else the first association of type picture. */
function associatedPhoto(associations: Item["associations"], base: string, warnings: ItemNote[]): WirePhoto | undefined {
  const entries = Object.entries(associations ?? {});
  const isPicture = ([, value]: [string, unknown]) => isPlainObject(value) && value["type"] === "picture";
  const chosen = entries.find((entry) => entry[0] === "featuremedia" && isPicture(entry)) ?? entries.find(isPicture);
  if (chosen === undefined) return undefined;
  const path = jsonPath(base, "associations", chosen[0]);
  const picture = readLeniently(item, chosen[1], path);
  if (picture === undefined) return undefined;
  warnings.push(...picture.warnings);
  const { data } = picture;
  const renditions = Object.entries(data.renditions ?? {}).flatMap(([name, { href, width, height, mimetype }]): Rendition[] =>
    href === undefined ? [] : [definedFields({ href, path: jsonPath(path, "renditions", name, "href"), width, height, mimetype })],
  );
  // The picture's byline is its photographer; its copyright and terms are the picture's own, never the text's.
  const { rights, notes } = pictureRights({
    by: data.byline,
    notice: data.copyrightnotice,
    holder: data.copyrightholder,
    holderPath: jsonPath(path, "copyrightholder"),
    usageTerms: data.usageterms,
  });
  warnings.push(...notes);
  return photoFrom(renditions, {
    alt: firstGiven(data.alt_text, data.body_text),
    caption: firstGiven(data.description_text, data.description_html && oneLine(htmlText(data.description_html))),
    credit: firstGiven(data.byline, data.copyrightholder),
    ...rights,
  });
}

/** The byline as given, else the names of the authors who wrote the story (all of them when none is named a writer). */
function bylineOf(data: Item): string | undefined {
  if (given(data.byline)) return given(data.byline);
  const authors = data.authors ?? [];
  const writers = authors.filter(({ role }) => role === "writer");
  const names = distinctNames((writers.length > 0 ? writers : authors).flatMap(({ name }) => (name ? [name] : [])));
  return names.length > 0 ? names.join(", ") : undefined;
}

function readItem(value: unknown, file: string, path: string): ItemRead {
  const read = readLeniently(item, value, path, ["guid", "headline", "body_html", "body_text", "pubstatus"]);
  if (read === undefined) return { problems: [{ file, field: path, message: "is not an object (expected a Superdesk ninjs item)", code: "WD207" }] };
  const { data } = read;
  const problems: WireProblem[] = read.problems.map((problem) => ({ file, ...problem }));
  const problem = (key: string, message: string, code: ProblemCode = "WD206") => problems.push({ file, field: jsonPath(path, key), message, code });
  const refusedAt = (...keys: string[]) => problems.some((each) => keys.some((key) => each.field === jsonPath(path, key)));
  const canceled = data.pubstatus === "canceled";
  if (data.type !== undefined && data.type !== "text" && data.type !== "composite") {
    problem("type", `got "${data.type}" (expected a text item: text, or composite for a text with pictures)`, "WD205");
  }
  if (!given(data.guid) && !refusedAt("guid")) problem("guid", "missing (expected the item's id, the same for all its versions)");
  const headline = given(data.headline) ?? (canceled ? "" : undefined);
  if (headline === undefined && !refusedAt("headline")) problem("headline", "missing (expected the story's headline)");
  const html = given(data.body_html) && data.body_html;
  const text = given(data.body_text) && data.body_text;
  const body: WireBody | undefined = html ? { kind: "html", html } : text ? { kind: "text", text } : canceled ? NO_TEXT : undefined;
  if (body === undefined && !refusedAt("body_html", "body_text")) problem("body_html", "missing (expected the story's text as body_html or body_text)");
  // A refused item is read on all the same: the rest of it is checked in this run too.
  const warnings = [...read.warnings, ...unknownProperties(value, KNOWN, path, DIALECT)];
  for (const [key, extra] of Object.entries(data.extra ?? {})) {
    if (extra !== "" && !(Array.isArray(extra) && extra.length === 0)) warnings.push(ignoredNote(jsonPath(path, "extra", key), "a custom field of the producer's"));
  }
  const photo = associatedPhoto(data.associations, path, warnings);
  const found = definedFields({
    file,
    path,
    format: FORMAT,
    id: given(data.guid),
    version: data.version,
    versionTime: data.versioncreated,
    released: data.firstpublished ?? data.firstcreated,
    embargoedUntil: data.embargoed,
    status: refusedAt("pubstatus") ? undefined : (data.pubstatus ?? "usable"),
    correction: (data.signal ?? []).some(({ code }) => isCorrectionSignal(code)),
    editorsNote: given(data.ednote),
    headline,
    lead: firstGiven(data.description_text, data.description_html && oneLine(htmlText(data.description_html))),
    body,
    place: given(data.located),
    source: firstGiven(data.source, data.copyrightholder),
    byline: bylineOf(data),
    topics: distinctNames([...(data.subject ?? []).flatMap(({ name }) => (name ? [name] : [])), ...(data.keywords ?? [])]),
    photo,
    lang: given(data.language),
    priority: data.priority ?? data.urgency,
    notes: warnings.length > 0 ? warnings : undefined,
  });
  const { id, status } = found;
  if (problems.length > 0 || id === undefined || status === undefined || headline === undefined || body === undefined) return { problems, found };
  return { item: { ...found, id, status, headline, body } };
}

/** Tells Superdesk's ninjs by its id: `guid` where IPTC's ninjs has `uri`. */
export const isSuperdeskNinjs = (value: Readonly<Record<string, unknown>>): boolean => typeof value["guid"] === "string" && value["uri"] === undefined;

/** The items of a Superdesk ninjs file: one item, or a list of them whose places are `[0]`, `[1]`... */
export function readSuperdeskNinjs(value: unknown, file: string): WireRead {
  const entries = Array.isArray(value) ? value.map((each, index) => ({ each, path: `[${index}]` })) : [{ each: value, path: "" }];
  return collectItems(entries.map(({ each, path }) => readItem(each, file, path)));
}
