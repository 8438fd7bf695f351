import { placedWriters } from "../model/authors.ts";
import { definedFields, distinctNames, htmlText, ignoredNote, ItemProblems, oneLine, readTime, creditLeftOutNotes } from "./wire-fields.ts";
import type { ItemNote, RefusedItem, WireBody, WireFormat, WireItem, WirePhoto, WireProblem, WireRead, WireTime } from "./wire-item.ts";
import { formatWireTime, readRssDate, readWireTime, RFC_822_FORM, wireTimeMillis } from "./wire-time.ts";
import { isWebAddress } from "../model/urls.ts";
import { excerptLead, withoutExcerptEnd, withoutToolsClose } from "./feed-tool-lines.ts";
import { xhtmlBody } from "./xml-body.ts";
import { decodeReferences } from "./html-entities.ts";
import { attribute, elementText, parseXml, type XmlElement } from "./xml.ts";

/**
 * RSS 2.0 and Atom feeds read into wire items: each RSS `item` and each Atom `entry` is one
 * story. Feeds mix vocabularies whose elements share local names (Atom's `content` and Media
 * RSS's), so elements are matched by namespace as the feed declares it. Places are XPath-like
 * paths with prefixes as written (`/rss/channel/item[3]/media:content`). The agency is the
 * feed's title unless the item names its own source. Unknown elements are read past.
 */

const ATOM = "http://www.w3.org/2005/Atom";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";
const MEDIA = "http://search.yahoo.com/mrss/";
/** RSS 2.0's own elements are in no namespace. */
const NO_NAMESPACE = "";

/** An element with the namespaces in scope at it and its place, for messages. */
interface Scoped {
  element: XmlElement;
  /** Namespace URIs by prefix ("" for the default namespace). */
  scope: ReadonlyMap<string, string>;
  path: string;
}

/** The namespaces in scope inside an element: its parent's, with those it declares. */
function scopeInside(element: XmlElement, parentScope: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const declared = [...element.attributes].filter(([name]) => name === "xmlns" || name.startsWith("xmlns:"));
  if (declared.length === 0) return parentScope;
  const scope = new Map(parentScope);
  for (const [name, uri] of declared) scope.set(name === "xmlns" ? "" : name.slice("xmlns:".length), uri.trim());
  return scope;
}

const qualifiedName = (element: XmlElement): string => (element.prefix ? `${element.prefix}:${element.name}` : element.name);

/** An element with its namespace URI, as children() and elementsIn() give it. */
interface Namespaced extends Scoped {
  namespace: string;
}

/** Every child element, each with its scope, namespace and path (indexed only when siblings share its name and namespace). */
function elementsIn(parent: Scoped): Namespaced[] {
  const all = parent.element.children.flatMap((node) => {
    if (typeof node === "string") return [];
    const scope = scopeInside(node, parent.scope);
    return [{ element: node, scope, namespace: scope.get(node.prefix ?? "") ?? NO_NAMESPACE }];
  });
  return all.map(({ element, scope, namespace }) => {
    const namesakes = all.filter((other) => other.element.name === element.name && other.namespace === namespace);
    const index = namesakes.length > 1 ? `[${namesakes.findIndex((other) => other.element === element) + 1}]` : "";
    return { element, scope, namespace, path: `${parent.path}/${qualifiedName(element)}${index}` };
  });
}

/** The child elements of a name in a namespace, each with its scope and path. */
function children(parent: Scoped, namespace: string, name: string): Scoped[] {
  return elementsIn(parent).filter((child) => child.element.name === name && child.namespace === namespace);
}

const child = (parent: Scoped | undefined, namespace: string, name: string): Scoped | undefined => (parent ? children(parent, namespace, name)[0] : undefined);

/** An element's text, trimmed; "" when absent. */
const textOf = (element: Scoped | undefined): string => (element ? elementText(element.element) : "");

/** The element's raw character data (markup a feed escaped, or CDATA), as written. */
const dataOf = (element: Scoped | undefined): string =>
  element ? element.element.children.map((node) => (typeof node === "string" ? node : elementText(node))).join("").trim() : "";

/** An element's HTML: as the feed escaped it (or wrote it in CDATA), or the elements some feeds write unescaped, as HTML. */
const markupOf = (element: Scoped | undefined): string =>
  element && element.element.children.some((node) => typeof node !== "string") ? xhtmlBody(element.element.children) : dataOf(element);

/** An attribute's value, trimmed; undefined when absent or blank. */
const attributeOf = (element: Scoped | undefined, name: string): string | undefined => attribute(element?.element, name);

/** A picture a feed item points at, with what the feed says of its size. */
interface Picture {
  element: Scoped;
  href: string;
  area: number;
  /** Thumbnails are taken only when nothing larger is given. */
  thumbnail: boolean;
  /** The media:group holding it, whose words are the picture's when it has none of its own. */
  group?: Scoped;
}

const isImageType = (type: string | undefined): boolean => type?.toLowerCase().startsWith("image/") === true;

/** A picture file's address, by the name its path ends in ("…/3000.jpg?width=140"). */
const IMAGE_URL = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/**
 * Whether a media:content is a picture: by its medium, else its type, else (the Guardian gives
 * neither) the file its address names.
 */
function isPictureContent(content: Scoped): boolean {
  const url = attributeOf(content, "url");
  const medium = attributeOf(content, "medium");
  const type = attributeOf(content, "type");
  if (url === undefined) return false;
  if (medium !== undefined) return medium === "image";
  return type !== undefined ? isImageType(type) : IMAGE_URL.test(url);
}

/** Media RSS's pictures in an item or group: media:content that is a picture, media:thumbnail, and those in media:groups. */
function mediaPictures(parent: Scoped, group?: Scoped): Picture[] {
  const contents = children(parent, MEDIA, "content").filter(isPictureContent);
  const thumbnails = children(parent, MEDIA, "thumbnail").filter((thumbnail) => attributeOf(thumbnail, "url") !== undefined);
  const picture = (element: Scoped, thumbnail: boolean): Picture => ({
    element,
    href: attributeOf(element, "url") ?? "",
    // A width alone ranks pictures too: the Guardian gives no height.
    area: (Number(attributeOf(element, "width")) || 0) * (Number(attributeOf(element, "height")) || Number(attributeOf(element, "width")) || 0),
    thumbnail,
    ...(group ? { group } : {}),
  });
  return [
    ...contents.map((element) => picture(element, false)),
    ...children(parent, MEDIA, "group").flatMap((inner) => mediaPictures(inner, inner)),
    ...thumbnails.map((element) => picture(element, true)),
  ];
}

/** Pictures an item links to as enclosures of an image type (RSS enclosure, Atom link rel="enclosure"). */
function enclosedPictures(enclosures: readonly Scoped[], hrefAttribute: string): Picture[] {
  return enclosures
    .filter((enclosure) => attributeOf(enclosure, hrefAttribute) !== undefined && isImageType(attributeOf(enclosure, "type")))
    .map((element) => ({ element, href: attributeOf(element, hrefAttribute) ?? "", area: 0, thumbnail: false }));
}

/** The largest picture: by width × height where the feed gives them, thumbnails last, else the first given. */
function largestPicture(pictures: readonly Picture[]): Picture | undefined {
  return pictures.reduce<Picture | undefined>((best, picture) => {
    if (!best) return picture;
    if (best.thumbnail !== picture.thumbnail) return best.thumbnail ? picture : best;
    return picture.area > best.area ? picture : best;
  }, undefined);
}

/** The largest picture with its words from Media RSS: those on the picture itself, else on its media:group, else on the item. */
function itemPhoto(pictures: readonly Picture[], item: Scoped): WirePhoto | undefined {
  const picture = largestPicture(pictures);
  if (!picture) return undefined;
  // Media RSS's text is plain unless its type says html.
  const wordsOf = (element: Scoped | undefined) => oneLine(attributeOf(element, "type") === "html" ? htmlText(textOf(element)) : textOf(element));
  const words = (name: string) => [picture.element, picture.group, item].map((holder) => wordsOf(child(holder, MEDIA, name))).find((text) => text !== "");
  return definedFields({ href: picture.href, path: picture.element.path, caption: words("description"), credit: words("credit") });
}

/** Topics from category elements: an Atom category's label, else its term; an RSS category's text. */
function categoryTopics(categories: readonly Scoped[]): string[] {
  return distinctNames(categories.map((category) => attributeOf(category, "label") ?? attributeOf(category, "term") ?? textOf(category)));
}

/**
 * The item's RSS date: its first pubDate, or a problem at its place when it is not one; with lines
 * naming a form RFC 822 does not name that was read (WD243), a weekday its date does not fall on,
 * and any pubDate after the first, each left out.
 */
function rssTime(item: Scoped, problems: ItemProblems): { time?: WireTime; notes: ItemNote[] } {
  const [element, ...others] = children(item, NO_NAMESPACE, "pubDate");
  const text = textOf(element);
  const notes = others.map((other) => ignoredNote(other.path, `another pubDate, "${textOf(other)}": the item's date is its first, "${text}" (expected one pubDate an item)`));
  if (!element || text === "") return { notes };
  const read = readRssDate(text);
  if (!read.ok) {
    problems.add(element.path, read.why, "WD208");
    return { notes };
  }
  const taken = formatWireTime(read.time);
  const lenient: ItemNote[] = read.lenient.length === 0 ? [] : [{ field: element.path, message: `"${text}" read as ${taken}, in a form RFC 822 does not name: ${read.lenient.join(", ")} (expected ${RFC_822_FORM})`, code: "WD243" }];
  const century: ItemNote[] = read.century
    ? [{ field: element.path, message: `"${text}" read as ${taken}: the year in two digits, "${read.century.written}", read as ${read.century.year}, not RFC 822's ${read.century.year - 100} (expected a year in four digits, as RFC 1123 and RSS 2.0 ask)`, code: "WD243" }]
    : [];
  const weekday = read.weekday ? [ignoredNote(element.path, `the weekday "${read.weekday.written}": ${read.time.local.slice(0, 10)} is a ${read.weekday.actual}, and the date is taken (${taken})`)] : [];
  return { time: read.time, notes: [...lenient, ...century, ...weekday, ...notes] };
}

/**
 * The line naming a dc:date given beside the pubDate that is taken: which was taken, and, when
 * the two say different instants (or one names no zone), both, so the editor can tell which is right.
 */
function dcDateBesidePubDate(element: Scoped | undefined, pubDate: WireTime): ItemNote[] {
  const text = textOf(element);
  if (!element || text === "") return [];
  const dcDate = readWireTime(text);
  const taken = formatWireTime(pubDate);
  const same = dcDate !== undefined && dcDate.offset !== undefined && pubDate.offset !== undefined && wireTimeMillis(dcDate, undefined) === wireTimeMillis(pubDate, undefined);
  const why = same
    ? `the same instant as the pubDate, ${taken}, which is taken`
    : `${dcDate === undefined ? "not a date" : formatWireTime(dcDate)}, where the pubDate says ${taken}: the pubDate is taken (expected the two to say the same instant, or one of them)`;
  return [ignoredNote(element.path, `the dc:date "${text}": ${why}`)];
}

const isAddress = (text: string): boolean => /^<?\S+@\S+?>?$/.test(text);

/**
 * An RSS author (or creator) as a byline: its name beside an address, in either order ("jane@example.org
 * (Jane Doe)", "Jane Doe (jane@example.org)", "Jane Doe <jane@example.org>"); an address alone is no byline.
 */
function rssAuthor(text: string): string | undefined {
  // RSS's own form: the address, then the name in parentheses.
  const named = /^\S+@\S+\s*\(([^()]+)\)$/.exec(text)?.[1];
  // Else each name with its address beside it ("Jane Doe <jane@…>, John Roe (john@…)"): the addresses go; words in parentheses that are no address stay.
  const names = (named ?? text.replace(/\s*[<(]\s*[^<>()\s]+@[^<>()\s]+\s*[>)]/g, "")).trim();
  return names === "" || isAddress(names) ? undefined : names;
}

/**
 * The feed's creators as a byline: each one's name, the place its writer was in and the credits
 * for work besides the writing left out with a line (see placedWriters).
 */
function creatorsByline(creators: readonly Scoped[]): { byline?: string; notes: ItemNote[] } {
  const notes: ItemNote[] = [];
  const names = creators.flatMap((creator) => {
    const name = rssAuthor(oneLine(textOf(creator)));
    if (name === undefined) return [];
    const { writers, ...leftOut } = placedWriters(name);
    notes.push(...creditLeftOutNotes(creator.path, leftOut));
    return leftOut.places.length === 0 && leftOut.credits.length === 0 ? [name] : writers;
  });
  return { ...(names.length > 0 ? { byline: names.join(", ") } : {}), notes };
}

/** A full web address, else undefined: what a relative link can be read against. */
const webAddress = (text: string | undefined): string | undefined => (text !== undefined && isWebAddress(text) ? text : undefined);

/** What an item must give, checked together so every problem is named in one run. */
function requireStory(item: Scoped, id: string | undefined, headline: string, body: WireBody | undefined, expected: { id: string; headline: string; body: string }, problems: ItemProblems): void {
  if (id === undefined) problems.add(`${item.path}/${expected.id}`, `missing (expected the item's ${expected.id}, the same for all its versions, or its link)`, "WD206");
  if (headline === "") problems.add(`${item.path}/${expected.headline}`, "missing (expected the story's headline)", "WD206");
  if (body === undefined) problems.add(`${item.path}/${expected.body}`, "missing (expected the story's text)", "WD206");
}

/** One RSS item as a wire item, or its problems. */
function readRssItem(item: Scoped, channel: Scoped, file: string): { item: WireItem } | RefusedItem {
  const problems = new ItemProblems(file);
  const id = textOf(child(item, NO_NAMESPACE, "guid")) || textOf(child(item, NO_NAMESPACE, "link")) || undefined;
  // Titles are HTML-escaped text in practice, "&#8217;" in CDATA among them, as feed readers read them.
  const headline = oneLine(decodeReferences(textOf(child(item, NO_NAMESPACE, "title"))));
  const encodedElement = child(item, CONTENT, "encoded");
  const descriptionElement = child(item, NO_NAMESPACE, "description");
  const encoded = markupOf(encodedElement);
  const description = markupOf(descriptionElement);
  // A description with no full text beside it is the story's text, and then there is no lead.
  const text = withoutToolsClose(encoded || description, [textOf(child(item, NO_NAMESPACE, "link")), id], (encoded ? encodedElement : descriptionElement)?.path ?? "");
  const body: WireBody | undefined = text.html === "" ? undefined : { kind: "html", html: text.html };
  const lead = encoded && description ? excerptLead(description, [textOf(child(item, NO_NAMESPACE, "link")), id], descriptionElement?.path ?? "") : undefined;
  requireStory(item, id, headline, body, { id: "guid", headline: "title", body: "description" }, problems);
  const pubDate = rssTime(item, problems);
  const dcDate = child(item, DUBLIN_CORE, "date");
  const published = pubDate.time ?? readTime(textOf(dcDate), `${item.path}/dc:date`, problems);
  // A refused item is read on all the same: the rest of it is checked in this run too.
  const creators = creatorsByline(children(item, DUBLIN_CORE, "creator"));
  const notes = [...pubDate.notes, ...(pubDate.time ? dcDateBesidePubDate(dcDate, pubDate.time) : []), ...creators.notes, ...(lead?.notes ?? []), ...text.notes];
  const found = definedFields({
    file,
    path: item.path,
    format: "RSS 2.0" as const,
    id,
    versionTime: published,
    released: published,
    status: "usable" as const,
    correction: false,
    headline: headline || undefined,
    lead: lead?.lead || undefined,
    plainFields: true as const,
    body,
    source: oneLine(textOf(child(item, NO_NAMESPACE, "source"))) || oneLine(textOf(child(channel, NO_NAMESPACE, "title"))) || undefined,
    byline: creators.byline ?? rssAuthor(oneLine(textOf(child(item, NO_NAMESPACE, "author")))),
    topics: categoryTopics(children(item, NO_NAMESPACE, "category")),
    photo: itemPhoto([...enclosedPictures(children(item, NO_NAMESPACE, "enclosure"), "url"), ...mediaPictures(item)], item),
    lang: textOf(child(item, DUBLIN_CORE, "language")) || attributeOf(item, "xml:lang") || textOf(child(channel, NO_NAMESPACE, "language")) || attributeOf(channel, "xml:lang") || undefined,
    base: webAddress(textOf(child(item, NO_NAMESPACE, "link"))),
    notes: notes.length > 0 ? notes : undefined,
  });
  if (problems.list.length > 0 || id === undefined || body === undefined) return { problems: problems.list, found };
  return { item: { ...found, id, headline, body } };
}

/** An Atom text construct as plain text: text as written, HTML and XHTML read for their text. */
function atomText(element: Scoped | undefined): string {
  if (!element) return "";
  const type = attributeOf(element, "type");
  if (type === "html") return oneLine(htmlText(dataOf(element)));
  // Read as HTML-escaped text, as feed readers do: producers escape a text title's "’" as "&#8217;" too.
  return oneLine(decodeReferences(textOf(element)));
}

/** An Atom content or summary as a body: HTML as escaped in it, XHTML's div, or text; content given by `src` or of another type is no text here. */
function atomBody(element: Scoped | undefined): WireBody | undefined {
  if (!element || attributeOf(element, "src") !== undefined || textOf(element) === "") return undefined;
  const type = attributeOf(element, "type") ?? "text";
  if (type === "html" || type === "text/html") return { kind: "html", html: dataOf(element) };
  if (type === "xhtml") {
    const div = element.element.children.find((node): node is XmlElement => typeof node !== "string" && node.name === "div");
    return { kind: "html", html: xhtmlBody(div ? div.children : element.element.children) };
  }
  if (type === "text" || type === "text/plain") return { kind: "text", text: dataOf(element) };
  return undefined;
}

/** The vocabularies an Atom entry is read in; elements of any other are a producer's extensions. */
const ATOM_READ_NAMESPACES: ReadonlySet<string> = new Set([ATOM, MEDIA]);

/** Fewer words than this are a code, a name or a label, not the agency's prose. */
const PROSE_WORDS = 8;

/** The local name of an extension element that holds the entry's text (WENN's `wenn_cm:body`). */
const EXTENSION_BODY = "body";

/**
 * The prose in an entry's extension elements (WENN's `wenn_cm:first_line` and `wenn_cm:body`),
 * at any depth, in document order: text of at least PROSE_WORDS words that does not repeat what
 * the entry says in Atom (its title, summary or content).
 */
function extensionProse(entry: Scoped, repeated: readonly string[]): Scoped[] {
  const said = new Set(repeated.map((text) => oneLine(text)).filter((text) => text !== ""));
  const visit = (parent: Scoped, inExtension: boolean): Scoped[] =>
    elementsIn(parent).flatMap((element) => {
      const extension = inExtension || !ATOM_READ_NAMESPACES.has(element.namespace);
      if (!extension) return [];
      const nested = elementsIn(element);
      if (nested.length > 0) return visit(element, true);
      const text = oneLine(dataOf(element));
      return text.split(" ").length >= PROSE_WORDS && !said.has(text) ? [element] : [];
    });
  return visit(entry, false);
}

/** Text written in paragraphs separated by blank lines, each line without the indent a feed gave it. */
const paragraphs = (text: string): string => text.replace(/\r\n?/g, "\n").replace(/^[ \t]+|[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();

/**
 * The entry's text when a producer puts it in an extension element named `body` rather than in
 * Atom's content (WENN): that element with the extension prose of its parent before it (WENN's
 * `first_line`), when it holds more than the Atom text. Every other prose extension element, and
 * an Atom text it displaces, is left out with a note naming it.
 */
function extensionBody(entry: Scoped, atomText: Scoped | undefined, repeated: readonly string[]): { body?: WireBody; notes: ItemNote[] } {
  const prose = extensionProse(entry, repeated);
  const bodyElement = prose.find((element) => element.element.name === EXTENSION_BODY);
  const atomLength = oneLine(dataOf(atomText)).length;
  const parentOf = (element: Scoped): string => element.path.slice(0, element.path.lastIndexOf("/"));
  const read = bodyElement && oneLine(dataOf(bodyElement)).length > atomLength ? prose.slice(0, prose.indexOf(bodyElement) + 1).filter((element) => parentOf(element) === parentOf(bodyElement)) : [];
  const notes = prose.filter((element) => !read.includes(element)).map((element) => ignoredNote(element.path, `${oneLine(dataOf(element)).split(" ").length} words in an extension element the reader does not know, not part of the story`));
  if (read.length === 0 || !bodyElement) return { notes };
  const text = read.map((element) => paragraphs(dataOf(element))).join("\n\n");
  const displaced = atomText && atomLength > 0 ? [ignoredNote(atomText.path, `${JSON.stringify(oneLine(dataOf(atomText)))}: the story's text is read from ${bodyElement.path}, which holds more`)] : [];
  return { body: /<[a-z][^>]*>/i.test(text) ? { kind: "html", html: text } : { kind: "text", text }, notes: [...displaced, ...notes] };
}

/** One Atom entry as a wire item, or its problems. */
function readAtomEntry(entry: Scoped, feed: Scoped, file: string): { item: WireItem } | RefusedItem {
  const problems = new ItemProblems(file);
  const links = children(entry, ATOM, "link");
  const alternate = links.find((link) => (attributeOf(link, "rel") ?? "alternate") === "alternate");
  const id = textOf(child(entry, ATOM, "id")) || attributeOf(alternate, "href");
  const headline = atomText(child(entry, ATOM, "title"));
  const summary = child(entry, ATOM, "summary");
  const contentElement = child(entry, ATOM, "content");
  const content = atomBody(contentElement);
  const extension = extensionBody(entry, content ? contentElement : summary, [textOf(child(entry, ATOM, "title")), textOf(summary), textOf(contentElement)]);
  // A summary with no content beside it is the story's text, and then there is no lead.
  const delivered = extension.body ?? content ?? atomBody(summary);
  const ownPages = [attributeOf(alternate, "href"), id];
  // The tool's closing paragraph, as RSS's; an extension's body is the producer's own text.
  const closed = delivered?.kind === "html" && !extension.body ? withoutToolsClose(delivered.html, ownPages, (content ? contentElement : summary)?.path ?? "") : undefined;
  const body: WireBody | undefined = closed ? { kind: "html", html: closed.html } : delivered;
  requireStory(entry, id, headline, body, { id: "id", headline: "title", body: "content" }, problems);
  const updated = readTime(textOf(child(entry, ATOM, "updated")), `${entry.path}/updated`, problems);
  const published = readTime(textOf(child(entry, ATOM, "published")), `${entry.path}/published`, problems);
  // A refused entry is read on all the same: the rest of it is checked in this run too.
  const authors = children(entry, ATOM, "author").map((author) => oneLine(textOf(child(author, ATOM, "name")))).filter((name) => name !== "");
  const summaryPath = summary?.path ?? "";
  const lead = !content ? undefined : attributeOf(summary, "type") === "html" ? excerptLead(dataOf(summary), ownPages, summaryPath) : withoutExcerptEnd(atomText(summary), summaryPath);
  const notes = [...(lead?.notes ?? []), ...(closed?.notes ?? []), ...extension.notes];
  const found = definedFields({
    file,
    path: entry.path,
    format: "Atom" as const,
    id,
    versionTime: updated ?? published,
    released: published ?? updated,
    status: "usable" as const,
    correction: false,
    headline: headline || undefined,
    lead: lead?.lead || undefined,
    plainFields: true as const,
    body,
    source: atomText(child(child(entry, ATOM, "source"), ATOM, "title")) || atomText(child(feed, ATOM, "title")) || undefined,
    byline: authors.length > 0 ? authors.join(", ") : undefined,
    topics: categoryTopics(children(entry, ATOM, "category")),
    photo: itemPhoto([...enclosedPictures(links.filter((link) => attributeOf(link, "rel") === "enclosure"), "href"), ...mediaPictures(entry)], entry),
    lang: attributeOf(contentElement, "xml:lang") ?? attributeOf(entry, "xml:lang") ?? attributeOf(feed, "xml:lang"),
    base: webAddress(attributeOf(alternate, "href")) ?? webAddress(attributeOf(contentElement, "xml:base") ?? attributeOf(entry, "xml:base") ?? attributeOf(feed, "xml:base")),
    notes: notes.length > 0 ? notes : undefined,
  });
  if (problems.list.length > 0 || id === undefined || body === undefined) return { problems: problems.list, found };
  return { item: { ...found, id, headline, body } };
}

/** Reads every item of a feed, keeping the readable ones and every problem of the others. */
function readItems(items: readonly Scoped[], read: (item: Scoped) => { item: WireItem } | RefusedItem): WireRead {
  const result: WireRead = { items: [], problems: [], refused: [] };
  for (const item of items) {
    const each = read(item);
    if ("item" in each) result.items.push(each.item);
    else result.refused?.push(each);
  }
  return result;
}

/** The document's root in scope, or the problem why the file is not the feed expected. */
function feedRoot(text: string, file: string, format: WireFormat, name: string, namespace: string): { root: Scoped } | { problems: WireProblem[] } {
  const xml = parseXml(text, file);
  if (!xml.ok) return { problems: xml.problems };
  const scope = scopeInside(xml.root, new Map());
  const path = `/${qualifiedName(xml.root)}`;
  if (xml.root.name !== name || (scope.get(xml.root.prefix ?? "") ?? NO_NAMESPACE) !== namespace) {
    const expected = namespace === NO_NAMESPACE ? `an ${name} root element` : `a ${name} root element in the namespace ${namespace}`;
    return { problems: [{ file, field: path, message: `is not ${format} (expected ${expected})`, code: "WD202" }] };
  }
  return { root: { element: xml.root, scope, path } };
}

/** Reads an RSS 2.0 feed: each item of its channel. */
export function readRss(text: string, file: string): WireRead {
  const found = feedRoot(text, file, "RSS 2.0", "rss", NO_NAMESPACE);
  if ("problems" in found) return { items: [], problems: found.problems };
  const channel = child(found.root, NO_NAMESPACE, "channel");
  const items = channel ? children(channel, NO_NAMESPACE, "item") : [];
  if (!channel || items.length === 0) {
    return { items: [], problems: [{ file, field: channel ? `${channel.path}/item` : "/rss/channel", message: "missing (expected the feed's channel and its items)", code: "WD206" }] };
  }
  return readItems(items, (item) => readRssItem(item, channel, file));
}

/** Reads an Atom feed: each of its entries. */
export function readAtom(text: string, file: string): WireRead {
  const found = feedRoot(text, file, "Atom", "feed", ATOM);
  if ("problems" in found) return { items: [], problems: found.problems };
  const entries = children(found.root, ATOM, "entry");
  if (entries.length === 0) return { items: [], problems: [{ file, field: `${found.root.path}/entry`, message: "missing (expected the feed's entries)", code: "WD206" }] };
  return readItems(entries, (entry) => readAtomEntry(entry, found.root, file));
}
