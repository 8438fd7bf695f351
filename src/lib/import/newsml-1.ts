import type { Agency } from "../model/agencies.ts";
import { readDatelineField, type DatelineField } from "./dateline-field.ts";
import { definedFields, distinctNames, ItemProblems, NO_TEXT, pictureRights, readTime, unmarkedHeadline } from "./wire-fields.ts";
import type { ItemNote, RefusedItem, WireBody, WireItem, WirePhoto, WireProblem, WireRead, WireStatus, WireTime } from "./wire-item.ts";
import { cdataMarkup, fieldText, nitfBody, nitfBodyEndNotes, nitfMediaNotes } from "./xml-body.ts";
import { attribute, childElement, childElements, childPath, elementText, parseXml, type XmlElement } from "./xml.ts";

/**
 * NewsML 1.2 read into wire items, as AFP delivers it: a NewsML document of one NewsItem or more,
 * each a tree of NewsComponents. The story's lines, metadata and text are read from the
 * components that are not a photo's; the photo from the first component in the role "Photo".
 * Places are XPath-like paths from /NewsML. A canceled item (a kill) may lack headline and
 * text: the importer withdraws the story by its id and time, so what it lacks is left empty.
 * Read and left out: the envelope (transmission and product codes), Urgency, SlugLine and
 * NameLabel (desk labels), OfInterestTo (distribution codes), and SubjectCode, whose codes name
 * IPTC subjects only through catalogs the reader does not fetch. NewsML 1.2 has no correction
 * flag: a headline marked "CORRECTED - " marks one (the mark taken off, as Reuters' are).
 */

/** A component and its place, for messages. */
interface Placed {
  element: XmlElement;
  path: string;
}

/** The roles of components that are not the story's text: their lines and content are a picture's or its caption's. */
const NOT_TEXT_ROLES = new Set(["photo", "picture", "graphic", "video", "audio", "caption"]);

const roleOf = (component: XmlElement): string | undefined => attribute(childElement(component, "Role"), "FormalName")?.toLowerCase();

/** The component and those inside it that carry the story, in document order: a picture's components and what they hold are left out. */
function storyComponents(component: Placed): Placed[] {
  if (NOT_TEXT_ROLES.has(roleOf(component.element) ?? "")) return [];
  return [
    component,
    ...childElements(component.element, "NewsComponent").flatMap((child) => storyComponents({ element: child, path: childPath(component.path, component.element, child) })),
  ];
}

/** Every component in one role, in document order, inside those of other roles too. */
function componentsInRole(component: Placed, role: string): Placed[] {
  return childElements(component.element, "NewsComponent").flatMap((child) => {
    const placed = { element: child, path: childPath(component.path, component.element, child) };
    return roleOf(child) === role ? [placed] : componentsInRole(placed, role);
  });
}

/** The first of the components to have a child of the name, with that child's place. */
function firstChild(components: readonly Placed[], name: string): Placed | undefined {
  for (const component of components) {
    const element = childElement(component.element, name);
    if (element) return { element, path: `${component.path}/${name}` };
  }
  return undefined;
}

/** The item's id, the same across its versions: the PublicIdentifier without its revision part, else one built as NewsML 1.2 builds it. */
function stableId(identifier: XmlElement | undefined): string | undefined {
  const revision = elementText(childElement(identifier, "RevisionId"));
  const publicId = elementText(childElement(identifier, "PublicIdentifier"));
  if (publicId !== "") {
    // urn:newsml:<ProviderId>:<DateId>:<NewsItemId>:<RevisionId><Update>, the last part left out by some feeds.
    const parts = publicId.split(":");
    const last = parts.at(-1) ?? "";
    const isRevision = parts.length > 5 && revision !== "" && new RegExp(`^${revision.replace(/\W/g, "\\$&")}[AUN]?$`).test(last);
    return isRevision ? parts.slice(0, -1).join(":") : publicId;
  }
  const parts = ["ProviderId", "DateId", "NewsItemId"].map((name) => elementText(childElement(identifier, name)));
  return parts.every((part) => part !== "") ? `urn:newsml:${parts.join(":")}` : undefined;
}

const STATUSES: ReadonlyMap<string, WireStatus> = new Map([
  ["usable", "usable"],
  ["withheld", "withheld"],
  ["canceled", "canceled"],
  ["cancelled", "canceled"],
]);

/**
 * Status and embargo from NewsManagement: Usable, Withheld and Canceled as they are; Embargoed
 * is an embargo until the time StatusWillChange gives for its future status, and held back until
 * the agency says when it gives none. Usable when absent.
 */
function statusAndEmbargo(management: XmlElement | undefined, path: string, problems: ItemProblems): { status: WireStatus; embargoedUntil?: WireTime } {
  const written = attribute(childElement(management, "Status"), "FormalName");
  if (written === undefined) return { status: "usable" };
  if (written.toLowerCase() === "embargoed") {
    const change = childElement(management, "StatusWillChange");
    const until = readTime(elementText(childElement(change, "DateAndTime")), `${path}/StatusWillChange/DateAndTime`, problems);
    return until ? { status: "usable", embargoedUntil: until } : { status: "withheld" };
  }
  const status = STATUSES.get(written.toLowerCase());
  if (status === undefined) problems.add(`${path}/Status/@FormalName`, `"${written}" is not a status (expected Usable, Embargoed, Withheld or Canceled)`, "WD207");
  return { status: status ?? "usable" };
}

/** DataContent (at `path`) as a body: a NITF document's body.content, with the lines naming its body.end's words; NITF or XHTML elements as they are (AFP's `p`s); or plain text. */
function dataContentBody(data: XmlElement, path: string): { body: WireBody; notes: ItemNote[] } | undefined {
  if (elementText(data) === "") return undefined;
  // HTML some producers wrap in a CDATA section is read as the markup it is, as in NITF and NewsML-G2.
  const wrapped = cdataMarkup(data, path);
  if (wrapped) {
    const read = wrapped.element ? dataContentBody(wrapped.element, path) : { body: { kind: "html" as const, html: wrapped.html }, notes: [] };
    return read && { ...read, notes: [wrapped.note, ...read.notes] };
  }
  const nitf = childElement(data, "nitf");
  if (nitf) {
    const content = childElement(nitf, "body", "body.content");
    if (!content || elementText(content) === "") return undefined;
    // Media in the text is left out of it (the photo is a component of its own): each named.
    const notes = [...nitfMediaNotes(content, `${path}/nitf/body/body.content`), ...nitfBodyEndNotes(childElement(nitf, "body", "body.end"), `${path}/nitf/body/body.end`)];
    return { body: { kind: "html", html: nitfBody(content) }, notes };
  }
  if (childElements(data).length > 0) return { body: { kind: "html", html: nitfBody(data) }, notes: nitfMediaNotes(data, path) };
  const text = data.children.join("").replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();
  return { body: { kind: "text", text }, notes: [] };
}

/** The story's text: the first text ContentItem of the story's components holding DataContent with text. */
function storyBody(components: readonly Placed[]): { body: WireBody; notes: ItemNote[] } | undefined {
  for (const { element, path } of components) {
    for (const content of childElements(element, "ContentItem")) {
      const mediaType = attribute(childElement(content, "MediaType"), "FormalName");
      const data = childElement(content, "DataContent");
      const body = data && (mediaType === undefined || mediaType.toLowerCase() === "text") ? dataContentBody(data, `${childPath(path, element, content)}/DataContent`) : undefined;
      if (body) return body;
    }
  }
  return undefined;
}

/** A Characteristics Property's number (Width, Height), or 0. */
function characteristic(content: XmlElement, name: string): number {
  const characteristics = childElement(content, "Characteristics");
  const property = (characteristics ? childElements(characteristics, "Property") : []).find((element) => attribute(element, "FormalName")?.toLowerCase() === name);
  return Number(attribute(property, "Value")) || 0;
}

/** Whether a ContentItem is an image: by its MediaType, else its MimeType. */
function isImage(content: XmlElement): boolean {
  const mediaType = attribute(childElement(content, "MediaType"), "FormalName")?.toLowerCase();
  const mimeType = attribute(childElement(content, "MimeType"), "FormalName")?.toLowerCase();
  return mediaType === "photo" || mediaType === "image" || mediaType === "graphic" || (mediaType === undefined && mimeType?.startsWith("image/") === true);
}

/** Every ContentItem with an Href in a component and those inside it, with its place. */
function linkedContent(component: Placed): Placed[] {
  return [
    ...childElements(component.element, "ContentItem")
      .filter((content) => attribute(content, "Href") !== undefined)
      .map((content) => ({ element: content, path: childPath(component.path, component.element, content) })),
    ...childElements(component.element, "NewsComponent").flatMap((child) => linkedContent({ element: child, path: childPath(component.path, component.element, child) })),
  ];
}

/**
 * The first photo component's largest rendition (HighDef over Quicklook over Thumbnail, by
 * width × height, else by size in bytes), its caption from the component in the role Caption,
 * else the photo's headline, and its credit from its CreditLine, else its ByLine; its ByLine is
 * its photographer and its CopyrightLine its copyright notice (NewsML 1 names no holder apart).
 */
function storyPhoto(top: Placed, problems: ItemProblems): WirePhoto | undefined {
  const [photo] = componentsInRole(top, "photo");
  if (!photo) return undefined;
  const size = (content: XmlElement): [number, number] => [characteristic(content, "width") * characteristic(content, "height"), Number(elementText(childElement(content, "Characteristics", "SizeInBytes"))) || 0];
  const renditions = linkedContent(photo).filter(({ element }) => isImage(element));
  const largest = renditions.reduce<Placed | undefined>((best, rendition) => {
    if (!best) return rendition;
    const [area, bytes] = size(rendition.element);
    const [bestArea, bestBytes] = size(best.element);
    return area > bestArea || (area === bestArea && bytes > bestBytes) ? rendition : best;
  }, undefined);
  if (!largest) {
    problems.add(photo.path, "has no ContentItem with an Href to an image (expected the photo's renditions, e.g. in the role HighDef)", "WD215");
    return undefined;
  }
  const [caption] = componentsInRole(photo, "caption");
  const lines = childElement(photo.element, "NewsLines");
  const { rights } = pictureRights({
    by: elementText(childElement(lines, "ByLine")) || undefined,
    notice: elementText(childElement(lines, "CopyrightLine")) || undefined,
    holderPath: `${photo.path}/NewsLines`,
  });
  return definedFields({
    href: attribute(largest.element, "Href") ?? "",
    path: largest.path,
    caption: elementText(childElement(caption?.element, "ContentItem", "DataContent")) || elementText(childElement(lines, "HeadLine")) || undefined,
    credit: elementText(childElement(lines, "CreditLine")) || elementText(childElement(lines, "ByLine")) || undefined,
    ...rights,
  });
}

/** The agency: the original Source's party, else the Provider's, else the agency the DateLine names ("(AFP)"). */
function storySource(components: readonly Placed[], dateline: DatelineField): string | undefined {
  const administrative = firstChild(components, "AdministrativeMetadata")?.element;
  const party = (name: string) => attribute(childElement(administrative, name, "Party"), "FormalName");
  return party("Source") ?? party("Provider") ?? dateline.agency;
}

/** Keywords (DescriptiveMetadata Property "Keyword"), as the agency wrote them. */
function storyTopics(descriptive: XmlElement | undefined): string[] {
  const properties = descriptive ? childElements(descriptive, "Property") : [];
  return distinctNames(properties.filter((property) => attribute(property, "FormalName")?.toLowerCase() === "keyword").map((property) => attribute(property, "Value") ?? ""));
}

/** Where the story was written: the place its DateLine names, else the city of the Location it was sent from. */
function storyPlace(dateline: DatelineField, descriptive: XmlElement | undefined): string | undefined {
  if (dateline.place !== undefined) return dateline.place;
  const location = descriptive && childElements(descriptive, "Location").find((element) => attribute(element, "HowPresent") === "Origin");
  const city = location && childElements(location, "Property").find((property) => attribute(property, "FormalName") === "City");
  return attribute(city, "Value");
}

/** A NewsItem read: the item with its photo's problems, or the problems that refused it with what could still be read of it. */
type NewsItemRead = { item: WireItem; problems: WireProblem[] } | { problems: WireProblem[]; found?: RefusedItem["found"] };

/** One NewsItem as a wire item, or its problems. */
function readNewsItem(newsItem: Placed, place: string, file: string, agencies: readonly Agency[]): NewsItemRead {
  const problems = new ItemProblems(file);
  const { element, path } = newsItem;
  const identifierPath = `${path}/Identification/NewsIdentifier`;
  const identifier = childElement(element, "Identification", "NewsIdentifier");
  const id = stableId(identifier);
  if (id === undefined) problems.add(`${identifierPath}/PublicIdentifier`, "missing (expected the item's urn:newsml: identifier, or ProviderId, DateId and NewsItemId)", "WD206");
  const managementPath = `${path}/NewsManagement`;
  const management = childElement(element, "NewsManagement");
  const versionTime = readTime(elementText(childElement(management, "ThisRevisionCreated")), `${managementPath}/ThisRevisionCreated`, problems);
  const released = readTime(elementText(childElement(management, "FirstCreated")), `${managementPath}/FirstCreated`, problems);
  const { status, embargoedUntil } = statusAndEmbargo(management, managementPath, problems);
  const canceled = status === "canceled";

  const top = childElement(element, "NewsComponent");
  const topPath = `${path}/NewsComponent`;
  const topRole = top && roleOf(top);
  if (topRole !== undefined && NOT_TEXT_ROLES.has(topRole)) {
    problems.add(`${topPath}/Role`, `is a ${topRole} item (expected a story with text; a photo is read with the story whose NewsItem holds it)`, "WD205");
    return { problems: problems.list };
  }
  const components = top ? storyComponents({ element: top, path: topPath }) : [];
  // The lines of the component with the headline; of an item without one, the first lines given, so the rest of them is read.
  const withLines =
    components.find(({ element: component }) => elementText(childElement(component, "NewsLines", "HeadLine")) !== "") ?? components.find(({ element: component }) => childElement(component, "NewsLines") !== undefined);
  const lines = withLines && childElement(withLines.element, "NewsLines");
  const line = (name: string): string => elementText(childElement(lines, name));
  const linesPath = `${withLines?.path ?? topPath}/NewsLines`;
  const headlineRead = fieldText(childElement(lines, "HeadLine"), `${linesPath}/HeadLine`);
  const leadRead = fieldText(childElement(lines, "SubHeadLine"), `${linesPath}/SubHeadLine`);
  const marked = unmarkedHeadline(headlineRead.text, `${linesPath}/HeadLine`);
  const { headline } = marked;
  if (headline === "" && !canceled) problems.add(`${topPath}/NewsLines/HeadLine`, "missing (expected the story's headline)", "WD206");
  const text = storyBody(components);
  const body = text?.body ?? (canceled ? NO_TEXT : undefined);
  if (body === undefined) problems.add(`${topPath}/ContentItem/DataContent`, `${top ? "has no text" : "missing"} (expected the story's text, as NITF, paragraphs or plain text)`, "WD206");

  // A refused item is read on all the same: the rest of it is checked in this run too. A photo
  // that cannot be read is a problem of its own; the story is still read without it.
  const photoProblems = new ItemProblems(file);
  const descriptive = firstChild(components, "DescriptiveMetadata")?.element;
  const lang = attribute(childElement(descriptive, "Language"), "FormalName") ?? attribute(element, "xml:lang");
  const dateline = readDatelineField(line("DateLine"), `${withLines?.path ?? topPath}/NewsLines/DateLine`, attribute(childElement(lines, "DateLine"), "xml:lang") ?? lang, agencies);
  const origin = storyPlace(dateline, descriptive);
  const notes = [...[headlineRead.note, leadRead.note, marked.note, origin === undefined ? dateline.note : undefined].filter((note) => note !== undefined), ...(text?.notes ?? [])];
  const found = definedFields({
    file,
    path: place,
    format: "NewsML 1.2 (AFP)" as const,
    id,
    version: elementText(childElement(identifier, "RevisionId")) || undefined,
    versionTime,
    released,
    embargoedUntil,
    status,
    correction: marked.corrected,
    headline: headline || (canceled ? "" : undefined),
    lead: leadRead.text || undefined,
    plainFields: true as const,
    body,
    place: origin,
    source: storySource(components, dateline),
    byline: line("ByLine") || undefined,
    topics: storyTopics(descriptive),
    photo: top && storyPhoto({ element: top, path: topPath }, photoProblems),
    lang,
    notes: notes.length > 0 ? notes : undefined,
  });
  const { headline: given } = found;
  if (problems.list.length > 0 || id === undefined || given === undefined || body === undefined) return { problems: [...problems.list, ...photoProblems.list], found };
  return { item: { ...found, id, headline: given, body }, problems: photoProblems.list };
}

/**
 * Reads a NewsML 1.2 document: its NewsItems, and the problems of those it could not read.
 * `agencies` are the settings' list, by which the agency a DateLine names is known.
 */
export function readNewsml1(text: string, file: string, agencies: readonly Agency[]): WireRead {
  const xml = parseXml(text, file);
  if (!xml.ok) return { items: [], problems: xml.problems };
  const root = xml.root;
  if (root.name !== "NewsML") return { items: [], problems: [{ file, field: `/${root.name}`, message: "is not NewsML 1.2 (expected a NewsML root element)", code: "WD202" }] };
  const newsItems = childElements(root, "NewsItem");
  if (newsItems.length === 0) return { items: [], problems: [{ file, field: "/NewsML/NewsItem", message: "missing (expected the document's NewsItem elements)", code: "WD206" }] };
  const read: WireRead = { items: [], problems: [], refused: [] };
  for (const [itemIndex, element] of newsItems.entries()) {
    const path = childPath("/NewsML", root, element);
    const result = readNewsItem({ element, path }, newsItems.length > 1 ? path : "", file, agencies);
    const placed = result.problems.map((problem) => (newsItems.length > 1 ? { ...problem, itemIndex } : problem));
    if ("item" in result) read.items.push(result.item);
    if ("found" in result && result.found) read.refused?.push({ problems: placed, found: result.found });
    else read.problems.push(...placed);
  }
  return read;
}
