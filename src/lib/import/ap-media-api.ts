import { z } from "zod";
import type { Agency } from "../model/agencies.ts";
import { isPlainObject } from "./ninjs-schema.ts";
import { readNitf } from "./nitf.ts";
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
import { bylineNames, captionWithoutCredit, datelinePlace, definedFields, distinctNames, editorsNoteFieldNote, NO_TEXT, creditLeftOutNotes, writerTitleNote } from "./wire-fields.ts";
import type { FieldProblem } from "../model/problems.ts";
import type { ItemNote, ReadBeside, WireFormat, WireItem, WirePhoto, WireProblem, WireRead } from "./wire-item.ts";

/**
 * The AP Media API's JSON: a content response (`data.item`) or a feed (`data.items[n].item`), as
 * AP's "Content metadata fields" and "Metadata mapping" pages document it. The reader's choices:
 * - id is `altids.itemid`, the same across versions (`uri` carries a query that changes).
 * - the lead is `description_summary`; the byline the `by` of `bylines`, joined, and its authors
 *   the names each `by` gives, read as any byline is (see bylineNames); the place is `located`
 *   (the dateline's place), else the city of `datelinelocation` with its state.
 * - topics are the names of the subjects AP tags directly (rels "direct"): category codes and the
 *   ancestors of a subject are left out.
 * - `editorialtypes` Correction marks a correction, Kill or Elimination a kill (the story
 *   withdrawn, whatever `pubstatus` says), Withhold a version held back; `urgency` is kept as the priority.
 * - the story's text is never in AP's JSON: it is a rendition (`renditions.nitf.href`) to be
 *   downloaded. AP's downloading clients save it beside the JSON; the importer reads it from there
 *   (see nitfNames) with the NITF reader, and fetches no story text itself. A text item whose
 *   words are not beside it is refused, naming where AP put them; a kill notice needs none.
 * - a picture associated with the story is read when the item carries its renditions; its caption
 *   is `description_caption`, its credit `description_creditline`.
 */

const FORMAT: WireFormat = "AP Media API";
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
  bylines: z.array(z.looseObject({ by: z.string().optional(), title: z.string().optional() })).optional(),
  ednote: z.string().optional(),
  description_editornotes: z.string().optional(),
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
  "foreignkeys", "profile", "expires", "editorialrole", "fixture", "signals", "title", "headline_extended",
  "headline_seo", "photographer", "producer", "copyrightnotice", "derivedfrom", "refersto", "usageterms", "keywords",
  "outcue", "infosource", "person", "organisation", "organization", "place", "event", "audiences", "services",
  "thirdpartymeta", "textformat", "editorialpriority", "slugline", "mediafilterid",
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
function associatedPhoto(associations: Item["associations"], base: string, warnings: ItemNote[]): WirePhoto | undefined {
  for (const [key, value] of Object.entries(associations ?? {})) {
    if (!isPlainObject(value) || value["type"] !== "picture" || value["renditions"] === undefined) continue;
    const path = jsonPath(base, "associations", key);
    const picture = readLeniently(item, value, path);
    if (picture === undefined) continue;
    warnings.push(...picture.warnings);
    const { data } = picture;
    const images = renditionsOf(data.renditions, path).filter(({ type }) => type === undefined || type === "picture");
    const credit = given(data.description_creditline);
    const { caption, note } = captionWithoutCredit(given(data.description_caption), credit, jsonPath(path, "description_caption"));
    const photo = photoFrom(images, { caption, credit });
    if (photo && note) warnings.push(note);
    if (photo) return photo;
  }
  return undefined;
}

/** The rendition holding the story's text: the one AP names nitf, else the first of text. */
function textRendition(data: Item, base: string): Rendition | undefined {
  const texts = renditionsOf(data.renditions, base).filter(({ type, mimetype }) => type === "text" || /xml|text/i.test(mimetype ?? ""));
  return [...texts.filter(({ path }) => path === jsonPath(base, "renditions", "nitf", "href")), ...texts][0];
}

/**
 * The names a downloader saves an item's NITF rendition under beside its JSON, in the order they
 * are tried: the rendition's href when it is a file name rather than an address (a downloader that
 * rewrote it to the file it saved), then `<itemid>.<version>.xml` and `<itemid>.xml`, as AP's
 * download address names the item (`.../content/<itemid>.<version>/download?type=text&format=NITF`).
 */
function nitfNames(id: string, version: string | undefined, rendition: Rendition | undefined): string[] {
  const href = rendition?.href;
  const fileName = href !== undefined && /^[^/\\:]+$/.test(href) && href !== "." && href !== ".." ? [href] : [];
  return [...new Set([...fileName, ...(version === undefined ? [] : [`${id}.${version}.xml`]), `${id}.xml`])];
}

/** The story's text read from its NITF rendition beside the JSON, or the problems that kept it from being read. */
type TextBeside = { file: string; text: WireItem; warnings: ItemNote[] } | { file: string; problems: WireProblem[] };

/** The item's text from the first NITF file beside it under one of its names (see nitfNames); undefined when none is there. */
function nitfBeside(id: string, data: Item, base: string, file: string, agencies: readonly Agency[], readBeside: ReadBeside | undefined): TextBeside | undefined {
  if (readBeside === undefined) return undefined;
  const rendition = textRendition(data, base);
  let found: ReturnType<ReadBeside>;
  for (const name of nitfNames(id, data.version, rendition)) {
    found = readBeside(name);
    if (found) break;
  }
  if (!found) return undefined;
  const read = readNitf(found.text, found.file, agencies);
  const [text] = read.items;
  // The NITF file's own problems, each with its place there and its own code, on the AP item's line.
  const said = (problem: WireProblem) => `${problem.line === undefined ? "" : `line ${problem.line}: `}${problem.field ? `${problem.field}: ` : ""}${problem.message}`;
  if (text === undefined) {
    const field = rendition?.path ?? jsonPath(base, "renditions");
    const unread = [...read.problems, ...(read.refused ?? []).flatMap(({ problems }) => problems)];
    return { file: found.file, problems: unread.map((problem) => ({ file, field, message: `its NITF text ${found.file} cannot be read: ${said(problem)}`, code: problem.code })) };
  }
  return { file: found.file, text, warnings: read.problems.map((problem) => ({ field: "", message: `warning: in its NITF text ${found.file}: ${said(problem)}`, code: problem.code })) };
}

/** Why a text item is refused when its words are neither in the file nor beside it: where AP put them, or that it named none. */
function missingText(data: Item, base: string, saveAs: string): FieldProblem {
  const nitf = textRendition(data, base);
  if (nitf === undefined) return { field: jsonPath(base, "renditions"), message: "no story text (expected the text of the story; AP delivers it as a NITF rendition)", code: "WD206" };
  return {
    field: nitf.path,
    code: "WD211",
    message: `the story's text is not in the file, only at ${JSON.stringify(nitf.href)} (expected the text in the file or beside it: the importer fetches no story text; download that NITF rendition beside this file as ${saveAs}, or take AP's NewsML-G2 item files with the NITF text embedded)`,
  };
}

/** An item, and the file its text was read from when that was beside it. */
type ApItemRead = ItemRead & { companion?: string };

function readItem(value: unknown, file: string, path: string, base: string, agencies: readonly Agency[], readBeside: ReadBeside | undefined): ApItemRead {
  const read = readLeniently(item, value, base, ["altids", "headline", "pubstatus"]);
  if (read === undefined) return { problems: [{ file, field: base, message: "is not an object (expected an AP Media API item)", code: "WD207" }] };
  const { data } = read;
  const problems: WireProblem[] = read.problems.map((problem) => ({ file, ...problem }));
  const problem = (at: FieldProblem) => problems.push({ file, ...at });
  const refusedAt = (key: string) => problems.some((each) => each.field.startsWith(jsonPath(base, key)));
  const editorialTypes = new Set((data.editorialtypes ?? []).map((type) => type.trim().toLowerCase()));
  // AP marks a kill in its editorial types, whatever the publishing status says: the story goes, as with canceled.
  const canceled = data.pubstatus === "canceled" || editorialTypes.has("kill") || editorialTypes.has("elimination");
  if (data.type !== undefined && data.type !== "text") {
    problem({ field: jsonPath(base, "type"), message: `got "${data.type}" (expected a text item; AP's pictures are read with the story they are associated with)`, code: "WD205" });
  }
  const id = given(data.altids?.itemid);
  if (id === undefined && !refusedAt("altids")) problem({ field: jsonPath(base, "altids", "itemid"), message: "missing (expected AP's item id, the same for all its versions)", code: "WD206" });
  const headline = given(data.headline) ?? (canceled ? "" : undefined);
  if (headline === undefined && !refusedAt("headline")) problem({ field: jsonPath(base, "headline"), message: "missing (expected the story's headline)", code: "WD206" });
  // AP's JSON never holds a story's words: they are beside it, or only a kill notice, which needs none, becomes an item.
  const textual = !canceled && (data.type === undefined || data.type === "text");
  const beside = textual && id !== undefined ? nitfBeside(id, data, base, file, agencies, readBeside) : undefined;
  if (textual && beside === undefined) problem(missingText(data, base, id === undefined || data.version === undefined ? "<itemid>.<version>.xml" : `${id}.${data.version}.xml`));
  if (beside && "problems" in beside) problems.push(...beside.problems);
  const companion = beside === undefined ? {} : { companion: beside.file };
  // A refused item is read on all the same: the rest of it is checked in this run too.
  const text = beside && "text" in beside ? beside.text : undefined;

  const warnings = [...read.warnings, ...unknownProperties(value, KNOWN, base, DIALECT), ...(beside && "warnings" in beside ? beside.warnings : [])];
  const photo = associatedPhoto(data.associations, base, warnings);
  // Each `by` is a byline of its own, naming one writer or several ("By ANN O'NEILL and MARC DE LA CRUZ").
  const bylines = (data.bylines ?? []).flatMap(({ by }, index) => (by ? [{ by, path: jsonPath(base, "bylines", index, "by"), ...bylineNames(by) }] : []));
  const authors = distinctNames(bylines.flatMap(({ names }) => names));
  const byline = distinctNames(bylines.map(({ by }) => by)).join(", ");
  warnings.push(...bylines.flatMap(({ path, ...leftOut }) => creditLeftOutNotes(path, leftOut)));
  // A writer's title ("Associated Press Writer") is no name, and the agency's notes to editors no story text: each left out with a line.
  for (const [index, { title }] of (data.bylines ?? []).entries()) {
    const named = given(title);
    if (named) warnings.push(writerTitleNote(jsonPath(base, "bylines", index, "title"), named));
  }
  for (const field of ["ednote", "description_editornotes"] as const) {
    const note = given(data[field]);
    if (note) warnings.push(editorsNoteFieldNote(jsonPath(base, field), note));
  }
  const topics = distinctNames((data.subject ?? []).flatMap(({ name, rels }) => (name && rels?.includes("direct") ? [name] : [])));
  // AP's metadata is the fuller; its NITF text fills in what the JSON leaves out.
  const notes: ItemNote[] = [...(text && beside ? [{ field: "", message: `its text read from ${beside.file} beside it`, code: "WD226" as const }] : []), ...warnings];
  const found = definedFields({
    file,
    path,
    format: FORMAT,
    id,
    version: data.version,
    versionTime: data.versioncreated,
    released: data.firstcreated,
    embargoedUntil: data.embargoed,
    status: refusedAt("pubstatus") ? undefined : canceled ? "canceled" : editorialTypes.has("withhold") ? "withheld" : (data.pubstatus ?? "usable"),
    correction: editorialTypes.has("correction"),
    headline,
    lead: given(data.description_summary) ?? text?.lead,
    // A kill, or an item that is no text, has no words to read; a text item's are beside it.
    body: text?.body ?? (textual ? undefined : NO_TEXT),
    place: placeOf(data) ?? text?.place,
    source: given(data.provider) ?? text?.source,
    byline: byline === "" ? text?.byline : byline,
    authors: authors.length > 0 ? authors : text?.authors,
    topics: topics.length > 0 ? topics : (text?.topics ?? []),
    photo: photo ?? text?.photo,
    lang: given(data.language) ?? text?.lang,
    priority: data.urgency,
    notes: notes.length > 0 ? notes : undefined,
  });
  const { status, body } = found;
  if (problems.length > 0 || id === undefined || headline === undefined || status === undefined || body === undefined) return { problems, found, ...companion };
  return { ...companion, item: { ...found, id, headline, status, body } };
}

/** Tells an AP Media API response by its `api_version` and the `data` holding its item or items. */
export function isApMediaApi(value: Readonly<Record<string, unknown>>): boolean {
  const { data } = value;
  return value["api_version"] !== undefined && isPlainObject(data) && (data["item"] !== undefined || data["items"] !== undefined);
}

/** The items read, with the files beside them their texts came from. */
function collectApItems(reads: readonly ApItemRead[]): WireRead {
  const companions = reads.flatMap(({ companion }) => (companion === undefined ? [] : [companion]));
  return { ...collectItems(reads), ...(companions.length > 0 ? { companions } : {}) };
}

/**
 * The items of a content response (`data.item`) or of a feed (`data.items[n].item`); `readBeside`
 * gives the files in the JSON's folder, where a text item's NITF rendition may be saved.
 */
export function readApMediaApi(value: unknown, file: string, agencies: readonly Agency[], readBeside?: ReadBeside): WireRead {
  const data = isPlainObject(value) ? value["data"] : undefined;
  if (!isPlainObject(data)) return { items: [], problems: [{ file, field: "data", message: "missing (expected the response's data, with its item or items)", code: "WD206" }] };
  if (data["item"] !== undefined) return collectApItems([readItem(data["item"], file, "", "data.item", agencies, readBeside)]);
  const entries = Array.isArray(data["items"]) ? data["items"] : [];
  if (entries.length === 0) return { items: [], problems: [{ file, field: "data.items", message: "holds no items (expected the feed's items, each with its item)", code: "WD206" }] };
  return collectApItems(
    entries.map((entry, index) => {
      const base = jsonPath("data.items", index, "item");
      return readItem(isPlainObject(entry) ? entry["item"] : undefined, file, base, base, agencies, readBeside);
    }),
  );
}
