import { z } from "zod";
import { isPlainObject } from "./ninjs-schema.ts";
import {
  collectItems,
  given,
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
import { datelinePlace, definedFields, distinctNames, NO_TEXT } from "./wire-fields.ts";
import type { WirePhoto, WireProblem, WireRead } from "./wire-item.ts";

/**
 * The AP Media API's JSON: a content response (`data.item`) or a feed (`data.items[n].item`), as
 * AP's "Content metadata fields" and "Metadata mapping" pages document it. The reader's choices:
 * - id is `altids.itemid`, the same across versions (`uri` carries a query that changes).
 * - the lead is `description_summary`; the byline the `by` of `bylines`, joined; the place is
 *   `located` (the dateline's place), else the city of `datelinelocation` with its state.
 * - topics are the names of the subjects AP tags directly (rels "direct"): category codes and the
 *   ancestors of a subject are left out.
 * - `editorialtypes` Correction marks a correction; `urgency` is kept as the priority.
 * - the story's text is never in AP's JSON: it is a rendition (`renditions.nitf.href`) to be
 *   downloaded. The importer fetches no story text, so a text item without its words is refused,
 *   naming where AP put them; a kill notice needs none.
 * - a picture associated with the story is read when the item carries its renditions; its caption
 *   is `description_caption`, its credit `description_creditline`.
 */

const FORMAT = "AP Media API";
const DIALECT = "the AP Media API";

const rendition = z.looseObject({
  href: z.string().optional(),
  type: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  mimetype: z.string().optional(),
});

const itemShape = {
  uri: z.string().optional(),
  altids: z.looseObject({ itemid: z.string().optional() }).optional(),
  version: textOrNumber.optional(),
  type: z.string().optional(),
  urgency: urgencyNumber.optional(),
  language: z.string().optional(),
  versioncreated: wireTime.optional(),
  firstcreated: wireTime.optional(),
  embargoed: wireTime.optional(),
  pubstatus: pubStatus.optional(),
  editorialtypes: z.array(z.string()).optional(),
  headline: z.string().optional(),
  description_summary: z.string().optional(),
  bylines: z.array(z.looseObject({ by: z.string().optional() })).optional(),
  located: z.string().optional(),
  datelinelocation: z.looseObject({ city: z.string().optional(), countryareaname: z.string().optional() }).optional(),
  provider: z.string().optional(),
  subject: z.array(z.looseObject({ name: z.string().optional(), rels: z.array(z.string()).optional() })).optional(),
  description_caption: z.string().optional(),
  description_creditline: z.string().optional(),
  renditions: z.record(z.string(), rendition).optional(),
  associations: z.record(z.string(), z.unknown()).optional(),
};
const item = z.looseObject(itemShape);
type Item = z.output<typeof item>;

/** AP's item fields the story has no use for: known, so not warned about. */
const UNREAD = [
  "foreignkeys", "profile", "expires", "editorialrole", "fixture", "ednote", "signals", "title", "headline_extended",
  "headline_seo", "photographer", "producer", "copyrightnotice", "derivedfrom", "refersto", "usageterms", "keywords",
  "outcue", "infosource", "person", "organisation", "organization", "place", "event", "audiences", "services",
  "thirdpartymeta", "textformat", "editorialpriority", "slugline", "description_editornotes", "mediafilterid",
];
const KNOWN = [...Object.keys(itemShape), ...UNREAD];

/** The place of the dateline: `located`, else the city of `datelinelocation` with its state when that decides which city. */
function placeOf(data: Item): string | undefined {
  const located = given(data.located);
  if (located) return located;
  const city = given(data.datelinelocation?.city);
  const area = given(data.datelinelocation?.countryareaname);
  return city && datelinePlace(area ? `${city}, ${area}` : city);
}

function renditionsOf(renditions: Item["renditions"], base: string): (Rendition & { type?: string })[] {
  return Object.entries(renditions ?? {}).flatMap(([name, { href, type, width, height, mimetype }]) =>
    href === undefined ? [] : [definedFields({ href, type, path: jsonPath(base, "renditions", name, "href"), width, height, mimetype })],
  );
}

/** The first associated picture that carries its renditions (AP's associations usually only point at the picture's own item). */
function associatedPhoto(associations: Item["associations"], base: string, warnings: string[]): WirePhoto | undefined {
  for (const [key, value] of Object.entries(associations ?? {})) {
    if (!isPlainObject(value) || value["type"] !== "picture" || value["renditions"] === undefined) continue;
    const path = jsonPath(base, "associations", key);
    const picture = readLeniently(item, value, path);
    if (picture === undefined) continue;
    warnings.push(...picture.warnings);
    const { data } = picture;
    const images = renditionsOf(data.renditions, path).filter(({ type }) => type === undefined || type === "picture");
    const photo = photoFrom(images, { caption: given(data.description_caption), credit: given(data.description_creditline) });
    if (photo) return photo;
  }
  return undefined;
}

/** Why a text item is refused when its words are not in the file: where AP put them, or that it named none. */
function missingText(data: Item, base: string): { path: string; message: string } {
  const texts = renditionsOf(data.renditions, base).filter(({ type, mimetype }) => type === "text" || /xml|text/i.test(mimetype ?? ""));
  const [nitf] = [...texts.filter(({ path }) => path === jsonPath(base, "renditions", "nitf", "href")), ...texts];
  if (nitf === undefined) return { path: jsonPath(base, "renditions"), message: "no story text (expected the text of the story; AP delivers it as a NITF rendition)" };
  return {
    path: nitf.path,
    message: `the story's text is not in the file, only at ${JSON.stringify(nitf.href)} (expected the text in the file: the importer fetches no story text; download that NITF rendition into the drop, or take AP's NewsML-G2 item files with the NITF text embedded)`,
  };
}

function readItem(value: unknown, file: string, path: string, base: string): ItemRead {
  const read = readLeniently(item, value, base, ["altids", "headline", "pubstatus"]);
  if (read === undefined) return { problems: [{ file, path: base, message: "is not an object (expected an AP Media API item)" }] };
  const { data } = read;
  const problems: WireProblem[] = read.problems.map((problem) => ({ file, ...problem }));
  const problem = (at: { path: string; message: string }) => problems.push({ file, ...at });
  const refusedAt = (key: string) => problems.some((each) => each.path.startsWith(jsonPath(base, key)));
  const canceled = data.pubstatus === "canceled";
  if (data.type !== undefined && data.type !== "text") {
    problem({ path: jsonPath(base, "type"), message: `got "${data.type}" (expected a text item; AP's pictures are read with the story they are associated with)` });
  }
  const id = given(data.altids?.itemid);
  if (id === undefined && !refusedAt("altids")) problem({ path: jsonPath(base, "altids", "itemid"), message: "missing (expected AP's item id, the same for all its versions)" });
  const headline = given(data.headline) ?? (canceled ? "" : undefined);
  if (headline === undefined && !refusedAt("headline")) problem({ path: jsonPath(base, "headline"), message: "missing (expected the story's headline)" });
  // AP's JSON never holds a story's words, so only a kill notice, which needs none, becomes an item.
  if (!canceled && (data.type === undefined || data.type === "text")) problem(missingText(data, base));
  if (problems.length > 0 || id === undefined || headline === undefined) return { problems };

  const warnings = [...read.warnings, ...unknownProperties(value, KNOWN, base, DIALECT)];
  const photo = associatedPhoto(data.associations, base, warnings);
  const byline = distinctNames((data.bylines ?? []).flatMap(({ by }) => (by ? [by] : []))).join(", ");
  return {
    item: definedFields({
      file,
      path,
      format: FORMAT,
      id,
      version: data.version,
      versionTime: data.versioncreated,
      released: data.firstcreated,
      embargoedUntil: data.embargoed,
      status: data.pubstatus ?? "usable",
      correction: (data.editorialtypes ?? []).some((type) => type.trim().toLowerCase() === "correction"),
      headline,
      lead: given(data.description_summary),
      body: NO_TEXT,
      place: placeOf(data),
      source: given(data.provider),
      byline: byline === "" ? undefined : byline,
      topics: distinctNames((data.subject ?? []).flatMap(({ name, rels }) => (name && rels?.includes("direct") ? [name] : []))),
      photo,
      lang: given(data.language),
      priority: data.urgency,
      notes: warnings.length > 0 ? warnings.map((warning) => `warning: ${warning}`) : undefined,
    }),
  };
}

/** Tells an AP Media API response by its `api_version` and the `data` holding its item or items. */
export function isApMediaApi(value: Readonly<Record<string, unknown>>): boolean {
  const { data } = value;
  return value["api_version"] !== undefined && isPlainObject(data) && (data["item"] !== undefined || data["items"] !== undefined);
}

/** The items of a content response (`data.item`) or of a feed (`data.items[n].item`). */
export function readApMediaApi(value: unknown, file: string): WireRead {
  const data = isPlainObject(value) ? value["data"] : undefined;
  if (!isPlainObject(data)) return { items: [], problems: [{ file, path: "data", message: "missing (expected the response's data, with its item or items)" }] };
  if (data["item"] !== undefined) return collectItems([readItem(data["item"], file, "", "data.item")]);
  const entries = Array.isArray(data["items"]) ? data["items"] : [];
  if (entries.length === 0) return { items: [], problems: [{ file, path: "data.items", message: "holds no items (expected the feed's items, each with its item)" }] };
  return collectItems(
    entries.map((entry, index) => {
      const base = jsonPath("data.items", index, "item");
      return readItem(isPlainObject(entry) ? entry["item"] : undefined, file, base, base);
    }),
  );
}
