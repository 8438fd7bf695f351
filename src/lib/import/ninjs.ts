import type { z } from "zod";
import {
  describeJson,
  isIgnorable,
  isPlainObject,
  NINJS_SCHEMAS,
  type Ninjs1Item,
  type Ninjs2Item,
  type Ninjs3Item,
  type NinjsVersion,
} from "./ninjs-schema.ts";
import { withControlNotes, withoutControls } from "./control-characters.ts";
import { jsonPath } from "./dialect-fields.ts";
import { jsonSyntaxError } from "../model/json-text.ts";
import { zodProblems, type FieldProblem, type ZodProblemRules } from "../model/problems.ts";
import { definedFields, distinctNames, htmlText, ignoredNote, NO_TEXT, oneLine, pictureRights } from "./wire-fields.ts";
import type { ItemNote, RefusedItem, WireBody, WireItem, WirePhoto, WireRead, WireStatus, WireTime } from "./wire-item.ts";

/**
 * Reads IPTC ninjs (News in JSON) items, versions 1.x, 2.x and 3.x, into wire items. Each item is
 * checked against what its version's schema allows, then translated; nothing is judged here.
 *
 * The spec leaves some choices to the provider, so these are the reader's:
 * - source is the copyright holder: the agency that claims the text is the one its datelines name.
 * - byline is `byline` (1.x) or `by` (2.x, 3.x); place is `located`, never the places mentioned.
 * - correction: ninjs has no signals, so a genre carrying the IPTC signal "correction" (its URI,
 *   or the word as name or code) marks one; an editorial note is never read.
 * - roles are the provider's words; 1.x's suffixes (`body_html`, `description_summary`) are read
 *   as roles. A lead is a description in a summary, abstract, lead or standfirst role, else one
 *   whose role names only a form (text, html, main) or is absent. A picture's alt text is only a
 *   description in an alt-text role (IPTC's description role altText, or "alt"), else, beside a
 *   caption from its descriptions, its body (where Superdesk's formatter writes alt text); its caption
 *   one in a caption role else a plain description, else its body; and its credit one in a credit role (AP's creditline),
 *   else its by, copyright notice or copyright holder. Its rights: its by is the photographer, its
 *   copyright notice (else its holder, as "© <holder>") and usage terms are kept as given.
 * - type text and composite (a text with its pictures, as the official examples send it) are stories.
 * - a canceled item (a kill notice) may come without headline or body, or with empty ones: the
 *   importer withdraws the story by the item's id and time, so what it lacks is left empty, never
 *   taken from the ednote.
 * - `ednote` (`edNote` in 3.x), the agency's note to editors, is no story text: quoted to the
 *   editor wording a correction, else named as left out.
 */

/** A problem at its place within the item (the field), before the item's own place in the file is put in front. */
type ItemProblem = FieldProblem & { line?: number; column?: number };

/** A headline, description or body as delivered, with the place that names it. */
interface TextPart {
  value: string;
  role?: string;
  contentType?: string;
  /** The part (`bodies[1]`, or `body_html` in 1.x). */
  path: string;
  /** Its text (`bodies[1].value`, or `body_html` in 1.x). */
  valuePath: string;
}

interface RenditionPart {
  href?: string;
  contentType?: string;
  width?: number;
  height?: number;
  /** The rendition's href (`renditions[0].href`, or `renditions.main.href` in 1.x). */
  hrefPath: string;
}

interface Genre {
  name?: string;
  literal?: string;
  uri?: string;
}

/** What the reader takes from an item of any version, under one set of names. */
interface ItemView {
  uri: string;
  type?: string;
  version?: string;
  versionCreated?: WireTime;
  firstCreated?: WireTime;
  embargoedUntil?: WireTime;
  pubStatus?: WireStatus;
  /** 1 the most urgent, as IPTC numbers it. */
  urgency?: number;
  headlines: TextPart[];
  descriptions: TextPart[];
  bodies: TextPart[];
  by?: string;
  copyrightHolder?: string;
  copyrightNotice?: string;
  /** The place of its copyright holder (`associations[0].copyrightholder`), for a note that leaves it out. */
  copyrightHolderPath: string;
  usageTerms?: string;
  located?: string;
  language?: string;
  /** The agency's note to editors (`ednote`, `edNote`): no story text. */
  editorsNote?: string;
  subjects: string[];
  genres: Genre[];
  renditions: RenditionPart[];
  associations: ItemView[];
}

/** A zod issue's place, in the same form as every other place in an item (`headlines[0].value`). */
function pathOf(keys: readonly PropertyKey[]): string {
  return jsonPath("", ...keys.map((key) => (typeof key === "number" ? key : String(key))));
}

/** What the schema refuses: a part the story needs missing, or a value not in ninjs's form, named as ninjs places are. */
const NINJS_RULES: ZodProblemRules = { missing: "WD206", wrong: "WD207", fieldName: pathOf };

/** A place within an item, put after the item's place in the file (`[2]` in a list of items). */
function inItem(itemPath: string, path: string): string {
  if (itemPath === "" || path === "") return itemPath + path;
  return path.startsWith("[") ? itemPath + path : `${itemPath}.${path}`;
}

// Views of each version's items.

function textParts(parts: readonly { value: string; role?: string; contentType?: string }[] | undefined, base: string): TextPart[] {
  return (parts ?? []).map((part, index) => {
    const path = jsonPath(base, index);
    return { value: part.value, role: part.role, contentType: part.contentType, path, valuePath: jsonPath(path, "value") };
  });
}

/** ninjs 1.x's `body_html`, `headline_main`, `description_text`: the suffix is the part's role. */
function suffixedParts(item: Readonly<Record<string, unknown>>, prefix: string, base: string): TextPart[] {
  return Object.entries(item).flatMap(([name, value]) => {
    if (!name.startsWith(prefix) || typeof value !== "string") return [];
    const path = jsonPath(base, name);
    return [{ value, role: name.slice(prefix.length), path, valuePath: path }];
  });
}

const entityNames = (entities: readonly { name?: string }[] | undefined): string[] =>
  (entities ?? []).flatMap(({ name }) => (name === undefined ? [] : [name]));

function view1(item: Ninjs1Item, base: string): ItemView {
  const path = jsonPath(base, "headline");
  const headline: TextPart[] = item.headline === undefined ? [] : [{ value: item.headline, role: "main", path, valuePath: path }];
  return {
    uri: item.uri,
    type: item.type,
    version: item.version,
    versionCreated: item.versioncreated,
    firstCreated: item.firstcreated,
    embargoedUntil: item.embargoed,
    pubStatus: item.pubstatus,
    headlines: [...headline, ...suffixedParts(item, "headline_", base)],
    descriptions: suffixedParts(item, "description_", base),
    bodies: suffixedParts(item, "body_", base),
    by: item.byline,
    urgency: item.urgency,
    copyrightHolder: item.copyrightholder,
    copyrightNotice: item.copyrightnotice,
    copyrightHolderPath: jsonPath(base, "copyrightholder"),
    usageTerms: item.usageterms,
    located: item.located,
    language: item.language,
    editorsNote: item.ednote,
    subjects: entityNames(item.subject),
    // 1.x names a genre by scheme and code; the scheme is the vocabulary's URI, ending in a slash.
    genres: (item.genre ?? []).map(({ name, scheme, code }) => ({
      name,
      literal: code,
      uri: scheme !== undefined && code !== undefined ? `${scheme}${code}` : undefined,
    })),
    renditions: Object.entries(item.renditions ?? {}).map(([name, rendition]) => ({
      href: rendition.href,
      contentType: rendition.mimetype,
      width: rendition.width,
      height: rendition.height,
      hrefPath: jsonPath(base, "renditions", name, "href"),
    })),
    associations: Object.entries(item.associations ?? {}).map(([name, associated]) =>
      view1(associated, jsonPath(base, "associations", name)),
    ),
  };
}

type Item2 = Ninjs2Item | NonNullable<Ninjs2Item["associations"]>[number];

function view2(item: Item2, base: string): ItemView {
  const withContentType = (parts: readonly { value: string; role?: string; contenttype?: string }[] | undefined) =>
    parts?.map(({ value, role, contenttype }) => ({ value, role, contentType: contenttype }));
  return {
    uri: item.uri,
    type: item.type,
    version: item.version,
    versionCreated: item.versioncreated,
    firstCreated: item.firstcreated,
    embargoedUntil: item.embargoed,
    pubStatus: item.pubstatus,
    headlines: textParts(withContentType(item.headlines), jsonPath(base, "headlines")),
    descriptions: textParts(withContentType(item.descriptions), jsonPath(base, "descriptions")),
    bodies: textParts(withContentType(item.bodies), jsonPath(base, "bodies")),
    by: item.by,
    urgency: item.urgency,
    copyrightHolder: item.copyrightholder,
    copyrightNotice: item.copyrightnotice,
    copyrightHolderPath: jsonPath(base, "copyrightholder"),
    usageTerms: item.usageterms,
    located: item.located,
    language: item.language,
    editorsNote: item.ednote,
    subjects: entityNames(item.subjects),
    genres: item.genres ?? [],
    renditions: (item.renditions ?? []).map((rendition, index) => ({
      href: rendition.href,
      contentType: rendition.contenttype,
      width: rendition.width,
      height: rendition.height,
      hrefPath: jsonPath(base, "renditions", index, "href"),
    })),
    associations: (item.associations ?? []).map((associated, index) =>
      view2(associated, jsonPath(base, "associations", index)),
    ),
  };
}

type Item3 = Ninjs3Item | NonNullable<Ninjs3Item["associations"]>[number];

function view3(item: Item3, base: string): ItemView {
  return {
    uri: item.uri,
    type: item.type,
    version: item.version,
    versionCreated: item.versionCreated,
    firstCreated: item.firstCreated,
    embargoedUntil: item.embargoedUntil,
    pubStatus: item.pubStatus,
    headlines: textParts(item.headlines, jsonPath(base, "headlines")),
    descriptions: textParts(item.descriptions, jsonPath(base, "descriptions")),
    bodies: textParts(item.bodies, jsonPath(base, "bodies")),
    by: item.by,
    urgency: item.urgency,
    copyrightHolder: item.copyrightHolder,
    copyrightNotice: item.copyrightNotice,
    copyrightHolderPath: jsonPath(base, "copyrightHolder"),
    usageTerms: item.usageTerms,
    located: item.located,
    language: item.language,
    editorsNote: item.edNote,
    subjects: entityNames(item.subjects),
    genres: item.genres ?? [],
    renditions: (item.renditions ?? []).map((rendition, index) => ({
      href: rendition.href,
      contentType: rendition.contentType,
      width: rendition.width,
      height: rendition.height,
      hrefPath: jsonPath(base, "renditions", index, "href"),
    })),
    associations: (item.associations ?? []).map((associated, index) =>
      view3(associated, jsonPath(base, "associations", index)),
    ),
  };
}

// Choosing among an item's parts. Roles are the provider's own words; these are the ones the
// official examples and agencies use (main, text, richtext, html5, summary, caption, creditline).

function roleWords(role: string | undefined): string[] {
  return (role ?? "").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

const hasRole = (part: TextPart, word: string) => roleWords(part.role).includes(word);

/** Markup or plain text, by media type, else by role; "other" for XML such as NITF. */
function markupOf(part: TextPart): "html" | "text" | "other" | undefined {
  const contentType = part.contentType?.trim().toLowerCase();
  if (contentType) {
    if (contentType.includes("html")) return "html";
    return /^text(?:\/plain)?(?:;|$)/.test(contentType) ? "text" : "other";
  }
  const words = roleWords(part.role);
  if (words.some((word) => word.includes("html") || word === "richtext")) return "html";
  if (words.some((word) => word.includes("xml") || word.includes("nitf"))) return "other";
  if (words.some((word) => word === "text" || word === "plain")) return "text";
  return undefined;
}

/** What a description is for, by its role. */
type Purpose = "alt" | "credit" | "caption" | "lead" | "general" | "other";

const LEAD_WORDS = new Set(["summary", "abstract", "lead", "standfirst"]);
/** Roles that name only a form (or the main one), so the text is the item's description itself. */
const GENERAL_WORDS = new Set(["main", "text", "plain", "richtext", "html", "xhtml", "html5", "description"]);

function purposeOf(part: TextPart): Purpose {
  const words = roleWords(part.role);
  const joined = words.join("");
  if (words.includes("alt") || joined.includes("alttext") || joined.includes("alternativetext")) return "alt";
  if (joined.includes("credit")) return "credit";
  if (words.includes("caption")) return "caption";
  if (words.some((word) => LEAD_WORDS.has(word))) return "lead";
  return words.every((word) => GENERAL_WORDS.has(word)) ? "general" : "other";
}


/** A part's words as one line of plain text, its markup read when it has any. */
function plainText(part: TextPart): string {
  const kind = markupOf(part);
  return oneLine(kind === "html" || kind === "other" ? htmlText(part.value) : part.value);
}

/** The first part with a purpose, in the order of purposes given, as plain text; empty parts are passed over. */
function describedAs(parts: readonly TextPart[], purposes: readonly Purpose[]): string | undefined {
  for (const purpose of purposes) {
    for (const part of parts) {
      if (purposeOf(part) !== purpose) continue;
      const value = plainText(part);
      if (value !== "") return value;
    }
  }
  return undefined;
}

const trimmed = (value: string | undefined) => (value === undefined || value.trim() === "" ? undefined : value.trim());

type Picked<Value> = { ok: true; value: Value } | { ok: false; problem: ItemProblem };

/** The headline with role main, else the first. */
function pickHeadline(view: ItemView): Picked<string> {
  const [part] = [...view.headlines.filter((each) => hasRole(each, "main")), ...view.headlines];
  if (part === undefined) return { ok: false, problem: { field: "headlines", message: "missing (expected the story's headline)", code: "WD206" } };
  const headline = plainText(part);
  if (headline === "") return { ok: false, problem: { field: part.valuePath, message: "empty (expected the story's headline)", code: "WD206" } };
  return { ok: true, value: headline };
}

/** HTML before plain text, then role main before the rest; XML bodies such as NITF are not read. */
function pickBody(view: ItemView): Picked<WireBody> {
  const readable = view.bodies.flatMap((part) => {
    // Without a media type or a role that tells, markup shows itself by its first character.
    const kind = markupOf(part) ?? (part.value.trimStart().startsWith("<") ? "html" : "text");
    return kind === "other" ? [] : [{ part, kind }];
  });
  const rank = ({ part, kind }: { part: TextPart; kind: "html" | "text" }) => (kind === "html" ? 0 : 2) + (hasRole(part, "main") ? 0 : 1);
  const [chosen] = readable.filter(({ part }) => part.value.trim() !== "").sort((a, b) => rank(a) - rank(b));
  if (chosen !== undefined) {
    return { ok: true, value: chosen.kind === "html" ? { kind: "html", html: chosen.part.value } : { kind: "text", text: chosen.part.value } };
  }
  const [empty] = readable;
  if (empty !== undefined) return { ok: false, problem: { field: empty.part.valuePath, message: "empty (expected the story's text)", code: "WD206" } };
  const [other] = view.bodies;
  if (other !== undefined) {
    const message = `holds ${describeJson(other.contentType ?? other.role)} content (expected a body in HTML or plain text)`;
    return { ok: false, problem: { field: other.path, message, code: "WD207" } };
  }
  return { ok: false, problem: { field: "bodies", message: "missing (expected the story's text)", code: "WD206" } };
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const FETCHABLE_EXAMPLES = "(expected e.g. photo.jpg or https://example.com/photo.jpg)";

/** An http(s) URL, or a file beside the item: relative, and never climbing out of the item's folder. */
function isFetchable(href: string): boolean {
  if (URL_SCHEME.test(href)) return /^https?:\/\/[^/\s]+/i.test(href);
  return !href.startsWith("/") && !href.includes("\\") && !href.split("/").includes("..");
}

const isImage = (rendition: RenditionPart) => rendition.contentType === undefined || rendition.contentType.trim().toLowerCase().startsWith("image/");
const area = ({ width, height }: RenditionPart) => (width !== undefined && height !== undefined ? width * height : -1);

/**
 * The first associated picture's largest image rendition the importer can fetch, with the
 * agency's words for it and its rights; `notes` gets what of them was left out.
 */
function pickPhoto(view: ItemView, notes: ItemNote[]): Picked<WirePhoto | undefined> {
  const picture = view.associations.find((associated) => associated.type === "picture");
  if (picture === undefined) return { ok: true, value: undefined };
  const images = picture.renditions.filter((rendition) => rendition.href !== undefined && isImage(rendition));
  const fetchable = images.filter((rendition) => rendition.href !== undefined && isFetchable(rendition.href));
  const largest = fetchable.reduce<RenditionPart | undefined>(
    (best, each) => (best === undefined || area(each) > area(best) ? each : best),
    undefined,
  );
  if (largest?.href === undefined) {
    const unfetchable = images[0];
    return unfetchable === undefined
      ? { ok: true, value: undefined }
      : {
          ok: false,
          problem: {
            field: unfetchable.hrefPath,
            message: `${describeJson(unfetchable.href)} is neither a file beside the item nor an http(s) URL ${FETCHABLE_EXAMPLES}`,
            code: "WD215",
          },
        };
  }
  const described = describedAs(picture.descriptions, ["caption", "general"]);
  const bodyText = describedAs(picture.bodies, ["caption", "general"]);
  const caption = described ?? bodyText;
  // A picture's body besides a caption is its alt text as Superdesk's formatter writes it; kept so, or named when alt text is given too.
  const unused = described !== undefined && bodyText !== undefined && bodyText !== described ? bodyText : undefined;
  const given = describedAs(picture.descriptions, ["alt"]);
  const alt = given ?? unused;
  const bodyPart = picture.bodies.find((part) => plainText(part) === unused);
  if (given !== undefined && unused !== undefined && unused !== given && bodyPart !== undefined) {
    notes.push(ignoredNote(bodyPart.valuePath, `${JSON.stringify(unused)}: the picture's text besides its caption and alt text, which the photo has no place for`));
  }
  const credit =
    describedAs(picture.descriptions, ["credit"]) ?? trimmed(picture.by) ?? trimmed(picture.copyrightNotice) ?? trimmed(picture.copyrightHolder);
  const { rights, notes: left } = pictureRights({
    by: picture.by,
    notice: picture.copyrightNotice,
    holder: picture.copyrightHolder,
    holderPath: picture.copyrightHolderPath,
    usageTerms: picture.usageTerms,
  });
  notes.push(...left);
  return { ok: true, value: definedFields({ href: largest.href, path: largest.hrefPath, alt, caption, credit, ...rights }) };
}

/** The IPTC signal vocabulary's correction, which ninjs can carry only as a genre. */
const CORRECTION_SIGNAL = "cv.iptc.org/newscodes/signal/correction";

function isCorrection(genre: Genre): boolean {
  const uri = genre.uri?.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/$/, "");
  const word = (value: string | undefined) => value?.trim().toLowerCase().replace(/^sig:/, "") === "correction";
  return uri === CORRECTION_SIGNAL || word(genre.literal) || word(genre.name);
}

/** What a kill notice did not give: no problem, as the importer reads none of a withdrawal's words. */
function orWhenCanceled<Value>(picked: Picked<Value>, view: ItemView, empty: Value): Picked<Value> {
  return picked.ok || view.pubStatus !== "canceled" ? picked : { ok: true, value: empty };
}

/** The item read from its view: whole, or its problems with what of it could be read (see RefusedItem). */
type NinjsRead = { item: WireItem } | { problems: ItemProblem[]; found?: RefusedItem["found"] };

function wireItem(view: ItemView, version: NinjsVersion, file: string, path: string, notes: ItemNote[]): NinjsRead {
  const headline = orWhenCanceled(pickHeadline(view), view, "");
  const body = orWhenCanceled(pickBody(view), view, NO_TEXT);
  const photoNotes: ItemNote[] = [];
  const photo = pickPhoto(view, photoNotes);
  const allNotes = [...notes, ...photoNotes];
  const problems = [headline, body, photo].flatMap((picked) => (picked.ok ? [] : [picked.problem]));
  const found = definedFields({
    file,
    path,
    format: `ninjs ${version}` as const,
    id: view.uri,
    version: view.version,
    versionTime: view.versionCreated,
    released: view.firstCreated,
    embargoedUntil: view.embargoedUntil,
    status: view.pubStatus ?? "usable",
    correction: view.genres.some(isCorrection),
    headline: headline.ok ? headline.value : undefined,
    lead: describedAs(view.descriptions, ["lead", "general"]),
    body: body.ok ? body.value : undefined,
    place: trimmed(view.located),
    source: trimmed(view.copyrightHolder),
    byline: trimmed(view.by),
    topics: distinctNames(view.subjects),
    photo: photo.ok ? photo.value : undefined,
    lang: trimmed(view.language),
    editorsNote: trimmed(view.editorsNote),
    priority: view.urgency,
    notes: allNotes.length > 0 ? allNotes : undefined,
  });
  if (!headline.ok || !body.ok || !photo.ok) return { problems, found };
  return { item: { ...found, headline: headline.value, body: body.value } };
}

// Telling the version.

const VERSIONS: readonly NinjsVersion[] = [1, 2, 3];
const defines = (version: NinjsVersion, name: string) => NINJS_SCHEMAS[version].defines(name);

const EXPECTED_VERSION =
  "expected standard.version ($standard.version in 1.x), or the properties of one version: " +
  "headline and body_html (1.x), headlines with versioncreated (2.x), headlines with versionCreated (3.x)";

const knownVersion = (major: string | undefined) => VERSIONS.find((version) => String(version) === major);

/**
 * The major version a `$standard` (1.x) or `standard` (2.x, 3.x) object declares by its version,
 * else by its schema's name; a schema of another name (a provider's extension) declares none.
 */
function declaredVersion(item: Readonly<Record<string, unknown>>): { version: NinjsVersion } | { problem: ItemProblem } | undefined {
  for (const key of ["$standard", "standard"]) {
    const standard = item[key];
    if (!isPlainObject(standard)) continue;
    const { version, schema } = standard;
    if (typeof version === "string") {
      const major = knownVersion(/^\s*(\d+)(?:\.|\s*$)/.exec(version)?.[1]);
      if (major !== undefined) return { version: major };
      const message = `${describeJson(version)} is not a ninjs version this reader knows (expected 1.x, 2.x or 3.x)`;
      return { problem: { field: jsonPath(key, "version"), message, code: "WD202" } };
    }
    const major = typeof schema === "string" ? knownVersion(/ninjs-schema_(\d+)\./.exec(schema)?.[1]) : undefined;
    if (major !== undefined) return { version: major };
  }
  return undefined;
}

/**
 * The version an item declares, else the one whose schema defines most of the item's property
 * names that not every version shares. When versions tie, the oldest whose schema the item passes.
 */
function detectVersion(item: Readonly<Record<string, unknown>>): { version: NinjsVersion } | { problem: ItemProblem } {
  const declared = declaredVersion(item);
  if (declared !== undefined) return declared;
  const names = Object.keys(item).filter((name) => !VERSIONS.every((version) => defines(version, name)));
  const fits = VERSIONS.map((version) => ({ version, names: names.filter((name) => defines(version, name)) }));
  const most = Math.max(...fits.map((fit) => fit.names.length));
  const tied = fits.filter((fit) => fit.names.length === most);
  if (most === 0) {
    const message = `cannot tell which ninjs version this is: none of its properties belongs to a version (${EXPECTED_VERSION})`;
    return { problem: { field: "", message, code: "WD202" } };
  }
  const passing = tied.filter((fit) => "view" in checkedView(fit.version, item));
  // An item valid in several versions by the same names (a kill notice with only uri, versioncreated
  // and pubstatus is 1.x and 2.x alike) reads the same in each: the oldest is as good as any.
  const only = tied.length === 1 ? tied[0] : passing[0];
  if (only !== undefined) return { version: only.version };
  const alike = tied.map((fit) => `${fit.version}.x (${fit.names.join(", ")})`).join(" and ");
  return { problem: { field: "", message: `cannot tell which ninjs version this is: its properties fit ${alike} alike (${EXPECTED_VERSION})`, code: "WD202" } };
}

// What a story needs beyond what the schema asks, checked on the delivered item so these problems
// show with the schema's.

/** Item types that are stories: text, and composite (a text with its pictures, as the official examples send it). */
const STORY_TYPES = new Set(["text", "composite"]);

/** A kill notice, which agencies often send without headline or body. */
const isCanceled = (item: Readonly<Record<string, unknown>>, version: NinjsVersion) => item[version === 3 ? "pubStatus" : "pubstatus"] === "canceled";

function storyProblems(item: Readonly<Record<string, unknown>>, version: NinjsVersion): ItemProblem[] {
  const { type } = item;
  if (typeof type === "string" && !STORY_TYPES.has(type)) {
    return [{ field: "type", message: `got ${describeJson(type)} (expected a text item: text, or composite for a text with pictures)`, code: "WD205" }];
  }
  if (isCanceled(item, version)) return [];
  const names = Object.keys(item);
  if (version === 1) {
    const hasHeadline = names.some((name) => name === "headline" || name.startsWith("headline_"));
    const hasBody = names.some((name) => name.startsWith("body_"));
    return [
      ...(hasHeadline ? [] : [{ field: "headline", message: "missing (expected the story's headline)", code: "WD206" as const }]),
      ...(hasBody ? [] : [{ field: "body_html", message: "missing (expected the story's text as body_html or body_text)", code: "WD206" as const }]),
    ];
  }
  const contentType = version === 2 ? "contenttype" : "contentType";
  const required = [
    { name: "headlines", expected: 'the story\'s headline, e.g. [{"role": "main", "value": "..."}]' },
    { name: "bodies", expected: `the story's text, e.g. [{"${contentType}": "text/html", "value": "<p>...</p>"}]` },
  ];
  return required.flatMap(({ name, expected }): ItemProblem[] => {
    const value = item[name];
    if (value === undefined) return [{ field: name, message: `missing (expected a list with ${expected})`, code: "WD206" }];
    return Array.isArray(value) && value.length === 0 ? [{ field: name, message: `an empty list (expected a list with ${expected})`, code: "WD206" }] : [];
  });
}

/** The item checked against its version's schema, and viewed under the reader's names when it passes. */
function parsedView(version: NinjsVersion, item: unknown): { view: ItemView } | { issues: readonly z.core.$ZodIssue[] } {
  if (version === 1) {
    const result = NINJS_SCHEMAS[1].schema.safeParse(item);
    return result.success ? { view: view1(result.data, "") } : { issues: result.error.issues };
  }
  if (version === 2) {
    const result = NINJS_SCHEMAS[2].schema.safeParse(item);
    return result.success ? { view: view2(result.data, "") } : { issues: result.error.issues };
  }
  const result = NINJS_SCHEMAS[3].schema.safeParse(item);
  return result.success ? { view: view3(result.data, "") } : { issues: result.error.issues };
}

/** The value at `path` in `item`, if there is one. */
const valueAt = (item: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, key) => (typeof value === "object" && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined), item);

/** A copy of the item without the properties (and list elements) at `paths`. */
function withoutProperties(item: unknown, paths: readonly (readonly PropertyKey[])[]): unknown {
  const copy: unknown = structuredClone(item);
  const elements: { list: unknown[]; index: number }[] = [];
  for (const path of paths) {
    const parent = valueAt(copy, path.slice(0, -1));
    const name = path.at(-1);
    if (isPlainObject(parent) && name !== undefined) delete parent[String(name)];
    else if (Array.isArray(parent) && typeof name === "number") elements.push({ list: parent, index: name });
  }
  // The last first, so each index still names its element.
  for (const { list, index } of elements.sort((a, b) => b.index - a.index)) list.splice(index, 1);
  return copy;
}

/**
 * What of a refused item can still be read: its view without each value its schema refused, and
 * without each object missing a property it needs (an association without its uri). None when the
 * item itself misses one.
 */
function readableRest(version: NinjsVersion, item: unknown): { view: ItemView; notes: ItemNote[] } | undefined {
  let rest = item;
  // Each pass leaves out what the schema refused, a level up at most for what is missing: an item is only so deep.
  for (let pass = 0; pass < 8; pass++) {
    const checked = checkedView(version, rest);
    if ("view" in checked) return checked;
    const places = checked.issues.map(({ path }) => (valueAt(rest, path) === undefined ? path.slice(0, -1) : path));
    if (places.some((place) => place.length === 0)) return undefined;
    rest = withoutProperties(rest, places);
  }
  return undefined;
}

/**
 * The item checked against its version's schema and viewed under the reader's names, with a
 * note for each property the version does not define, which is left out (see isIgnorable); or
 * the issues that refuse it.
 */
function checkedView(version: NinjsVersion, item: unknown): { view: ItemView; notes: ItemNote[] } | { issues: readonly z.core.$ZodIssue[] } {
  const checked = parsedView(version, item);
  if ("view" in checked) return { view: checked.view, notes: [] };
  const errors = checked.issues.filter((issue) => !isIgnorable(issue));
  if (errors.length > 0) return { issues: errors };
  const ignored = checked.issues.map((issue) => issue.path);
  const rechecked = parsedView(version, withoutProperties(item, ignored));
  if (!("view" in rechecked)) return rechecked;
  return { view: rechecked.view, notes: zodProblems(checked.issues, item, [], NINJS_RULES) };
}

function readItem(value: unknown, file: string, path: string): NinjsRead {
  if (!isPlainObject(value)) {
    return { problems: [{ field: "", message: `got ${describeJson(value)} (expected a ninjs item: an object with uri, headlines and bodies)`, code: "WD207" }] };
  }
  const detected = detectVersion(value);
  if ("problem" in detected) return { problems: [detected.problem] };
  const checked = checkedView(detected.version, value);
  const problems = [
    ...("issues" in checked ? zodProblems(checked.issues, value, [], NINJS_RULES) : []),
    ...storyProblems(value, detected.version),
  ];
  if (!("issues" in checked) && problems.length === 0) return wireItem(checked.view, detected.version, file, path, checked.notes);
  // A refused item is read on without what the schema refused, so the rest of it is checked in this run too.
  const rest = "issues" in checked ? readableRest(detected.version, value) : checked;
  if (rest === undefined) return { problems };
  const read = wireItem(rest.view, detected.version, file, path, rest.notes);
  if ("item" in read) return { problems, found: read.item };
  // What picking the headline, text and photo finds beyond the problems said: a list with no part to pick
  // (headlines, bodies) is one of them already (missing, refused, or the item no story), as is a place inside one said.
  const said = problems.map(({ field }) => field);
  const beyond = read.problems.filter(({ field }) => field !== "headlines" && field !== "bodies" && !said.some((place) => field.startsWith(place) || place.startsWith(field)));
  return { problems: [...problems, ...beyond], ...(read.found ? { found: read.found } : {}) };
}

/** JSON.parse's complaint without its position, which the problem's place gives as a line and column. */
function jsonProblem(text: string, error: unknown): ItemProblem {
  const { what, ...place } = jsonSyntaxError(text, error);
  return { ...place, field: "", message: `not valid JSON: ${what} (expected one ninjs item, or a list of them)`, code: "WD203" };
}

/** The items of a ninjs file: one item, or a list of them whose places are `[0]`, `[1]`... */
export function readNinjs(text: string, file: string): WireRead {
  const source = text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { items: [], problems: [{ file, ...jsonProblem(source, error) }] };
  }
  if (Array.isArray(value) && value.length === 0) {
    return { items: [], problems: [{ file, field: "", message: "an empty list (expected one ninjs item, or a list of them)", code: "WD206" }] };
  }
  const clean = withoutControls(value);
  value = clean.value;
  const entries = Array.isArray(value) ? value.map((item, index) => ({ item, path: `[${index}]` })) : [{ item: value, path: "" }];
  const read: WireRead = { items: [], problems: [], refused: [] };
  for (const [itemIndex, { item, path }] of entries.entries()) {
    const result = readItem(item, file, path);
    if ("item" in result) read.items.push(result.item);
    else if (result.found) read.refused?.push({ problems: result.problems.map((problem) => ({ file, ...problem, field: inItem(path, problem.field) })), found: result.found });
    else read.problems.push(...result.problems.map((problem) => ({ file, ...problem, field: inItem(path, problem.field), ...(entries.length > 1 ? { itemIndex } : {}) })));
  }
  return withControlNotes(read, clean.notes);
}
