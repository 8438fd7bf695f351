import { z } from "zod";
import { isWebAddress } from "../model/urls.ts";
import { collectItems, given, jsonPath, photoFrom, readLeniently, textOrNumber, unknownProperties, wireTime, type ItemRead, type Rendition } from "./dialect-fields.ts";
import { withoutExcerptEnd, withoutToolsClose } from "./feed-tool-lines.ts";
import { isPlainObject } from "./ninjs-schema.ts";
import { definedFields, distinctNames, ignoredNote, oneLine } from "./wire-fields.ts";
import type { ItemNote, WireBody, WireFormat, WireProblem, WireRead } from "./wire-item.ts";

/**
 * JSON Feed (jsonfeed.org, versions 1 and 1.1), the JSON sibling of RSS and Atom that many sites
 * publish beside them (this project's own sites among them): each of `items` is one story. Read
 * after the 1.1 specification (jsonfeed.org/version/1.1), with 1.0's `author` beside 1.1's `authors`:
 * - id is `id`, the same across versions; a changed item is a new version when `date_modified`
 *   (else `date_published`) is later, as with RSS;
 * - the text is `content_html`, else `content_text`; `summary` is the lead when there is text besides;
 * - the agency is the feed's `title`; the byline is the authors' names;
 * - the picture is the item's `image`, else its largest image attachment; `banner_image` is a
 *   banner for the item's page, not its photo, and is named as left out;
 * - `url` is the item's page, against which its text's relative links are read; `external_url`
 *   (the page the item is about, elsewhere) and custom fields (`_name`) are named as left out.
 * Like RSS, a feed item has no status and no place: an item is usable, and is held for a dateline
 * unless its text opens with one the importer knows.
 */

const FORMAT: WireFormat = "JSON Feed";
const DIALECT = "JSON Feed";

/** A feed by its `version`, as every version of the specification requires it to open. */
const VERSION = /^https?:\/\/jsonfeed\.org\/version\//;

const author = z.looseObject({ name: z.string().optional() });

const itemShape = {
  id: textOrNumber.optional(),
  url: z.string().optional(),
  external_url: z.string().optional(),
  title: z.string().optional(),
  content_html: z.string().optional(),
  content_text: z.string().optional(),
  summary: z.string().optional(),
  image: z.string().optional(),
  banner_image: z.string().optional(),
  date_published: wireTime.optional(),
  date_modified: wireTime.optional(),
  author: author.optional(),
  authors: z.array(author).optional(),
  tags: z.array(z.string()).optional(),
  language: z.string().optional(),
  attachments: z.array(z.looseObject({ url: z.string().optional(), mime_type: z.string().optional(), title: z.string().optional() })).optional(),
};
const item = z.looseObject(itemShape);

/** What the feed says for all its items. */
interface FeedWords {
  title: string | undefined;
  language: string | undefined;
}

/** Tells a JSON Feed by its `version` and its list of items. */
export const isJsonFeed = (value: unknown): value is Record<string, unknown> => isPlainObject(value) && typeof value["version"] === "string" && VERSION.test(value["version"]) && Array.isArray(value["items"]);

function readItem(value: unknown, file: string, path: string, feed: FeedWords): ItemRead {
  const read = readLeniently(item, value, path, ["id", "title", "content_html", "content_text"]);
  if (read === undefined) return { problems: [{ file, field: path, message: "is not an object (expected a JSON Feed item)", code: "WD207" }] };
  const { data } = read;
  const problems: WireProblem[] = read.problems.map((problem) => ({ file, ...problem }));
  const refusedAt = (...keys: string[]) => problems.some((each) => keys.some((key) => each.field === jsonPath(path, key)));
  const problem = (key: string, message: string) => problems.push({ file, field: jsonPath(path, key), message, code: "WD206" });
  const id = given(data.id);
  if (id === undefined && !refusedAt("id")) problem("id", "missing (expected the item's id, the same for all its versions)");
  const headline = given(data.title);
  if (headline === undefined && !refusedAt("title")) problem("title", "missing (expected the story's headline)");
  const page = given(data.url);
  const closed = given(data.content_html) ? withoutToolsClose(data.content_html ?? "", [page, id], jsonPath(path, "content_html")) : undefined;
  const text = given(data.content_text) && data.content_text;
  const body: WireBody | undefined = closed ? { kind: "html", html: closed.html } : text ? { kind: "text", text } : undefined;
  if (body === undefined && !refusedAt("content_html", "content_text")) problem("content_html", "missing (expected the story's text as content_html or content_text)");
  // A refused item is read on all the same: the rest of it is checked in this run too. A producer's
  // own properties start with an underscore (the specification's extensions): named as such, not as unknown.
  const custom = Object.keys(isPlainObject(value) ? value : {}).filter((key) => key.startsWith("_"));
  const lead = body === undefined || given(data.summary) === undefined ? undefined : withoutExcerptEnd(given(data.summary) ?? "", jsonPath(path, "summary"));
  const notes: ItemNote[] = [...read.warnings, ...unknownProperties(value, [...Object.keys(itemShape), ...custom], path, DIALECT), ...(lead?.notes ?? []), ...(closed?.notes ?? [])];
  for (const key of custom) notes.push(ignoredNote(jsonPath(path, key), "a custom field of the producer's"));
  if (given(data.external_url)) notes.push(ignoredNote(jsonPath(path, "external_url"), `${JSON.stringify(given(data.external_url))}: the page elsewhere the item is about, which the story does not link by itself`));
  if (given(data.banner_image)) notes.push(ignoredNote(jsonPath(path, "banner_image"), `${JSON.stringify(given(data.banner_image))}: a banner for the item's page, not its photo`));
  const authors = distinctNames([...(data.authors ?? []), ...(data.author ? [data.author] : [])].flatMap(({ name }) => (given(name) ? [oneLine(name ?? "")] : [])));
  // The image, else the first image attachment: the item's own, in the order the producer gave them.
  const image = given(data.image);
  const attached = (data.attachments ?? []).findIndex(({ url, mime_type }) => given(url) !== undefined && mime_type?.trim().toLowerCase().startsWith("image/") === true);
  const attachment = data.attachments?.[attached];
  const picture: Rendition | undefined =
    image !== undefined ? { href: image, path: jsonPath(path, "image") } : attachment === undefined ? undefined : { href: given(attachment.url) ?? "", path: jsonPath(path, "attachments", attached, "url"), mimetype: attachment.mime_type };
  const published = data.date_published;
  const found = definedFields({
    file,
    path,
    format: FORMAT,
    id,
    versionTime: data.date_modified ?? published,
    released: published ?? data.date_modified,
    status: "usable" as const,
    correction: false,
    headline,
    lead: lead?.lead || undefined,
    body,
    source: feed.title,
    byline: authors.length > 0 ? authors.join(", ") : undefined,
    topics: distinctNames((data.tags ?? []).flatMap((tag) => (given(tag) ? [oneLine(tag)] : []))),
    photo: picture && photoFrom([picture], {}),
    lang: given(data.language) ?? feed.language,
    base: page !== undefined && isWebAddress(page) ? page : undefined,
    notes: notes.length > 0 ? notes : undefined,
  });
  if (problems.length > 0 || id === undefined || headline === undefined || body === undefined) return { problems, found };
  return { item: { ...found, id, headline, body } };
}

/** The items of a JSON Feed, whose places are `items[0]`, `items[1]`... */
export function readJsonFeed(value: Record<string, unknown>, file: string): WireRead {
  const words: FeedWords = {
    title: typeof value["title"] === "string" ? given(oneLine(value["title"])) : undefined,
    language: typeof value["language"] === "string" ? given(value["language"]) : undefined,
  };
  const items = Array.isArray(value["items"]) ? value["items"] : [];
  if (items.length === 0) return { items: [], problems: [{ file, field: "items", message: "holds no items (expected the feed's stories, one an item)", code: "WD206" }] };
  return collectItems(items.map((each, index) => readItem(each, file, jsonPath("", "items", index), words)));
}
