import { findAgency, type Agency } from "../model/agencies.ts";
import { isRegion } from "../story/dateline.ts";
import { placedElsewhere, readDatelineField, type DatelineField } from "./dateline-field.ts";
import { unmarkedHeadline, definedFields, distinctNames, ignoredNote, ItemProblems, NO_TEXT, pictureRights, readTime, urgencyText } from "./wire-fields.ts";
import type { ItemNote, RefusedItem, WireBody, WireItem, WirePhoto, WireProblem, WireRead, WireStatus } from "./wire-item.ts";
import { cdataMarkup, fieldText, nitfBody, nitfBodyEndNotes, nitfLead, nitfMediaNotes, xhtmlBody } from "./xml-body.ts";
import { attribute, childElement, childElements, childPath, descendants, elementText, parseXml, xmlLine, type XmlElement, type XmlNode } from "./xml.ts";

/**
 * NewsML-G2 read into wire items: a newsMessage's itemSet, or a single newsItem or packageItem.
 * Text items become items; a package gives the text items it holds the first picture it holds,
 * and pictures outside a package are not stories. Places are XPath-like paths from the root.
 * A canceled item (a kill notice) may lack headline and text: the importer withdraws the story by
 * the item's guid and time, so what it lacks is left empty, never taken from the edNote.
 */

/** An IPTC vocabulary: the alias its QCodes use and the URI its codes extend. */
interface Scheme {
  alias: string;
  uri: string;
}

const ITEM_NATURE: Scheme = { alias: "ninat", uri: "http://cv.iptc.org/newscodes/ninature/" };
const PUB_STATUS: Scheme = { alias: "stat", uri: "http://cv.iptc.org/newscodes/pubstatusg2/" };
const SIGNAL: Scheme = { alias: "sig", uri: "http://cv.iptc.org/newscodes/signal/" };
const DESCRIPTION_ROLE: Scheme = { alias: "drol", uri: "http://cv.iptc.org/newscodes/descriptionrole/" };
/** Reuters' own signal of a corrected version, in its editorial status vocabulary. */
const REUTERS_CORRECTED = "edStat:C";

/** The code an element gives from a scheme, by QCode (`stat:usable`) or by URI (`…/pubstatusg2/usable`). */
function schemeCode(element: XmlElement | undefined, scheme: Scheme, qcodeAttribute = "qcode", uriAttribute = "uri"): string | undefined {
  const qcode = attribute(element, qcodeAttribute);
  if (qcode?.startsWith(`${scheme.alias}:`)) return qcode.slice(scheme.alias.length + 1);
  const uri = attribute(element, uriAttribute);
  return uri?.startsWith(scheme.uri) ? uri.slice(scheme.uri.length) : undefined;
}

/** The first description with text in one of the roles (drol:summary, drol:caption, drol:altText…). */
function describedBy(parent: XmlElement | undefined, roles: readonly string[]): XmlElement | undefined {
  const described = parent ? childElements(parent, "description") : [];
  return described.find((element) => roles.includes(schemeCode(element, DESCRIPTION_ROLE, "role", "roleuri") ?? "") && elementText(element) !== "");
}

/** The text of the first description in one of the roles. */
function description(parent: XmlElement | undefined, roles: readonly string[]): string | undefined {
  const match = describedBy(parent, roles);
  return match && elementText(match);
}

// dpa gives its lead as a teaser.
const LEAD_ROLES = ["summary", "abstract", "teaser"];
const CAPTION_ROLES = ["caption"];
/** The role IPTC gives alternative text for readers who cannot see a picture. */
const ALT_TEXT_ROLES = ["altText"];

/** One item of the file: its element, its path from the root, and its place as WireItem.path gives it. */
interface DeliveredItem {
  element: XmlElement;
  path: string;
  place: string;
}

type ItemKind = "text" | "picture" | "package" | "other";

const PICTURE_NATURES = ["picture", "graphic"];

function itemKind(element: XmlElement): ItemKind {
  if (element.name === "packageItem") return "package";
  if (element.name !== "newsItem") return "other";
  const nature = schemeCode(childElement(element, "itemMeta", "itemClass"), ITEM_NATURE);
  if (nature === undefined || nature === "text") return "text";
  return PICTURE_NATURES.includes(nature) ? "picture" : "other";
}

/** The items a file delivers, or the problem with its structure. */
function deliveredItems(root: XmlElement, file: string, problems: WireProblem[]): DeliveredItem[] {
  if (root.name === "newsItem" || root.name === "packageItem") return [{ element: root, path: `/${root.name}`, place: "" }];
  if (root.name !== "newsMessage") {
    problems.push({ file, field: `/${root.name}`, message: "is not NewsML-G2 (expected a newsMessage, newsItem or packageItem root element)", code: "WD202" });
    return [];
  }
  const itemSet = childElement(root, "itemSet");
  const items = itemSet ? childElements(itemSet) : [];
  if (!itemSet || items.length === 0) {
    problems.push({ file, field: "/newsMessage/itemSet", message: `${itemSet ? "has no items" : "missing"} (expected the message's newsItem and packageItem elements)`, code: "WD206" });
    return [];
  }
  return items.map((element) => {
    const path = childPath("/newsMessage/itemSet", itemSet, element);
    return { element, path, place: path };
  });
}

/** A picture the package pairs with its text items, and the notes on what of its words was left out. */
interface PictureRead {
  photo: WirePhoto;
  notes: ItemNote[];
}

/**
 * The largest of a picture item's image renditions by area, with the picture's caption, alt text
 * and credit, and its rights: its rightsInfo's copyright notice (else its holder), usage terms,
 * and its first creator (else its by) as the photographer.
 */
function readPicture(picture: DeliveredItem, problems: ItemProblems): PictureRead | undefined {
  const contentSetPath = `${picture.path}/contentSet`;
  const contentSet = childElement(picture.element, "contentSet");
  let largest: { element: XmlElement; href: string; area: number } | undefined;
  for (const element of contentSet ? childElements(contentSet, "remoteContent") : []) {
    const href = attribute(element, "href");
    const type = attribute(element, "contenttype");
    if (!href || (type !== undefined && !type.startsWith("image/"))) continue;
    const area = (Number(attribute(element, "width")) || 0) * (Number(attribute(element, "height")) || 0);
    if (!largest || area > largest.area) largest = { element, href, area };
  }
  if (!contentSet || !largest) {
    problems.add(contentSetPath, "has no remoteContent with an href to an image (expected the picture's renditions)", "WD215");
    return undefined;
  }
  const contentMeta = childElement(picture.element, "contentMeta");
  const rightsInfo = childElement(picture.element, "rightsInfo");
  const holder = childElement(rightsInfo, "copyrightHolder");
  const { rights, notes } = pictureRights({
    by: creatorNames(contentMeta)?.[0] ?? (elementText(childElement(contentMeta, "by")) || undefined),
    notice: elementText(childElement(rightsInfo, "copyrightNotice")) || undefined,
    holder: elementText(childElement(holder, "name")) || attribute(holder, "literal") || undefined,
    holderPath: `${picture.path}/rightsInfo/copyrightHolder`,
    usageTerms: elementText(childElement(rightsInfo, "usageTerms")) || undefined,
  });
  const photo = definedFields({
    href: largest.href,
    path: childPath(contentSetPath, contentSet, largest.element),
    alt: description(contentMeta, ALT_TEXT_ROLES),
    caption: description(contentMeta, CAPTION_ROLES),
    credit: elementText(childElement(contentMeta, "creditline")) || undefined,
    ...rights,
  });
  return { photo, notes };
}

/** A picture a package points at that the file does not hold, from the itemRef's own href and descriptions. */
function referencedPicture(itemRef: XmlElement, path: string, href: string): WirePhoto {
  return definedFields({ href, path, alt: description(itemRef, ALT_TEXT_ROLES), caption: description(itemRef, CAPTION_ROLES) });
}

interface PackagedPhotos {
  /** The photo of each text item a package holds, by the text item's element. */
  photos: Map<XmlElement, WirePhoto>;
  /** The warnings for each text item a package holds about that package's references the file cannot follow. */
  notes: Map<XmlElement, ItemNote[]>;
  /** Picture items some package holds: not stories of their own, and no problem. */
  packaged: Set<XmlElement>;
  problems: WireProblem[];
}

/**
 * What the packages pair: each package's text items get the first picture it holds, found by the
 * itemRef's residref among the items of the file, or by the itemRef's href when the file does not
 * hold the picture. A text item in several packages keeps the first package's picture. A reference
 * the file cannot follow (an item it does not hold, not a picture with an href) is a warning on the
 * package's text items; a package with such references and no text item in the file is a problem.
 */
function packagedPhotos(items: readonly DeliveredItem[], file: string): PackagedPhotos {
  const byGuid = new Map(items.flatMap((item): [string, DeliveredItem][] => {
    const guid = attribute(item.element, "guid");
    return guid ? [[guid, item]] : [];
  }));
  const result: PackagedPhotos = { photos: new Map(), notes: new Map(), packaged: new Set(), problems: [] };
  const pictureReads = new Map<XmlElement, PictureRead | undefined>();
  for (const item of items.filter(({ element }) => itemKind(element) === "package")) {
    const groupSet = childElement(item.element, "groupSet");
    const texts: XmlElement[] = [];
    const pictures: PictureRead[] = [];
    const unfollowed: { path: string; named: string }[] = [];
    for (const { element: itemRef, path } of groupSet ? descendants(groupSet, `${item.path}/groupSet`, "itemRef") : []) {
      const guid = attribute(itemRef, "residref");
      const target = guid === undefined ? undefined : byGuid.get(guid);
      const kind = target && itemKind(target.element);
      if (target && kind === "text") texts.push(target.element);
      if (target && kind === "picture") {
        result.packaged.add(target.element);
        if (!pictureReads.has(target.element)) {
          const problems = new ItemProblems(file);
          pictureReads.set(target.element, readPicture(target, problems));
          result.problems.push(...problems.list);
        }
        const read = pictureReads.get(target.element);
        if (read) pictures.push(read);
      }
      if (target) continue;
      const href = attribute(itemRef, "href");
      const nature = schemeCode(childElement(itemRef, "itemClass"), ITEM_NATURE);
      if (href && nature !== undefined && PICTURE_NATURES.includes(nature)) {
        pictures.push({ photo: referencedPicture(itemRef, path, href), notes: [] });
      } else {
        unfollowed.push({ path, named: guid === undefined ? "an item" : `item "${guid}"` });
      }
    }
    const [picture] = pictures;
    for (const text of texts) {
      if (!picture || result.photos.has(text)) continue;
      result.photos.set(text, picture.photo);
      if (picture.notes.length > 0) result.notes.set(text, [...(result.notes.get(text) ?? []), ...picture.notes]);
    }
    if (unfollowed.length === 0) continue;
    if (texts.length === 0) {
      const named = unfollowed.map(({ named }) => named).join(", ");
      result.problems.push({
        file,
        field: item.path,
        message: `has no text item in this file: it refers to ${named}, which the file does not hold (expected the package's text item in the same newsMessage)`,
        code: "WD211",
      });
    }
    for (const text of texts) {
      const notes = unfollowed.map(({ path, named }): ItemNote => ({ field: path, message: `warning: ignored: refers to ${named}, which this file does not hold`, code: "WD211" }));
      result.notes.set(text, [...(result.notes.get(text) ?? []), ...notes]);
    }
  }
  return result;
}

const STATUSES: ReadonlyMap<string, WireStatus> = new Map([
  ["usable", "usable"],
  ["withheld", "withheld"],
  ["canceled", "canceled"],
]);

/** The publishing status; usable when absent, as NewsML-G2 has it. An embargo without a time holds the item back. */
function publishingStatus(itemMeta: XmlElement | undefined, metaPath: string, openEmbargo: boolean, problems: ItemProblems): WireStatus {
  const pubStatus = childElement(itemMeta, "pubStatus");
  const written = attribute(pubStatus, "qcode") ?? attribute(pubStatus, "uri");
  const status = written === undefined ? "usable" : STATUSES.get(schemeCode(pubStatus, PUB_STATUS) ?? "");
  if (status === undefined) {
    problems.add(`${metaPath}/pubStatus`, `"${written}" is not a publishing status (expected stat:usable, stat:withheld or stat:canceled)`, "WD207");
  }
  return status === "usable" && openEmbargo ? "withheld" : (status ?? "usable");
}

/** The main headline: the first without a role (alternatives carry one: SEO, extended…), else the first. */
function mainHeadline(contentMeta: XmlElement | undefined): XmlElement | undefined {
  const headlines = contentMeta ? childElements(contentMeta, "headline").filter((element) => elementText(element) !== "") : [];
  return headlines.find((element) => attribute(element, "role") === undefined && attribute(element, "roleuri") === undefined) ?? headlines[0];
}

/**
 * Where the story was written: `located`'s name, with the first broader area it names when that
 * is a region ("Portland" in "Maine": the region decides the zone), else the place its `dateline`
 * names (see readDatelineField), whose agency and note are kept either way.
 */
function storyDateline(contentMeta: XmlElement | undefined, path: string, lang: string | undefined, agencies: readonly Agency[]): DatelineField {
  const field = readDatelineField(elementText(childElement(contentMeta, "dateline")), `${path}/contentMeta/dateline`, lang, agencies);
  const located = childElement(contentMeta, "located");
  const name = elementText(childElement(located, "name"));
  if (name === "") return field;
  const region = (located ? childElements(located, "broader") : []).map((broader) => elementText(childElement(broader, "name"))).find((text) => text !== "");
  return placedElsewhere(field, region !== undefined && !name.includes(",") && isRegion(region) ? `${name}, ${region}` : name);
}

/**
 * The agency: the creditline, else the first named infoSource, else the provider (by name, or by
 * a literal naming an agency the settings list, as Reuters writes "reuters.com"), else the agency
 * the dateline names.
 */
function storySource(contentMeta: XmlElement | undefined, itemMeta: XmlElement | undefined, datelineAgency: string | undefined, agencies: readonly Agency[]): string | undefined {
  const infoSources = contentMeta ? childElements(contentMeta, "infoSource").map((source) => elementText(childElement(source, "name"))) : [];
  const provider = childElement(itemMeta, "provider");
  const candidates = [elementText(childElement(contentMeta, "creditline")), ...infoSources, elementText(childElement(provider, "name")), listedProvider(attribute(provider, "literal"), agencies)];
  return candidates.find((name) => name !== "") ?? datelineAgency;
}

/** The agency a provider's literal names, as the settings spell it: "reuters.com" is Reuters. A literal naming no listed agency is none. */
function listedProvider(literal: string | undefined, agencies: readonly Agency[]): string {
  const name = literal?.trim().replace(/^www\./i, "").replace(/\.[a-z]{2,}(?:\.[a-z]{2})?$/i, "");
  return (name && findAgency(name, agencies)?.agency.name) || "";
}

/** The body.head of a NITF document in inlineXML, as AP's items with their text embedded carry it. */
function inlineNitfHead(contentSet: XmlElement | undefined): XmlElement | undefined {
  const nitf = (contentSet ? childElements(contentSet, "inlineXML") : []).map((inline) => childElement(inline, "nitf")).find((root) => root !== undefined);
  return childElement(nitf, "body", "body.head");
}

/** The byline: contentMeta's `by`, else the one a NITF body in inlineXML gives. */
function storyByline(contentMeta: XmlElement | undefined, contentSet: XmlElement | undefined): string | undefined {
  return elementText(childElement(contentMeta, "by")) || elementText(childElement(inlineNitfHead(contentSet), "byline")) || undefined;
}

/** Reuters' role for a creator that is the agency sending the item, not a writer. */
const SOURCE_CREATOR_ROLE = "cRole:source";

/** The creators' names (each creator's name, else its literal), when the item names its creators so; a creator in the role of source is none. */
function creatorNames(contentMeta: XmlElement | undefined): string[] | undefined {
  const creators = (contentMeta ? childElements(contentMeta, "creator") : []).filter((creator) => attribute(creator, "role") !== SOURCE_CREATOR_ROLE);
  const names = creators.flatMap((creator) => elementText(childElement(creator, "name")) || attribute(creator, "literal") || []);
  return names.length > 0 ? names : undefined;
}

/**
 * Subjects by name (in the item's language when a subject names itself in several), then
 * keywords. A subject with a code and no name is left out: "medtop:20000523" means nothing to a
 * reader, and the names the codes stand for live in catalogs the reader does not fetch. So is
 * one whose name only repeats its code (AP's category "f" for "apcategorycode:f").
 */
function storyTopics(contentMeta: XmlElement | undefined, lang: string | undefined): string[] {
  if (!contentMeta) return [];
  const language = lang?.toLowerCase().split("-")[0];
  const subjects = childElements(contentMeta, "subject").map((subject) => {
    const names = childElements(subject, "name");
    const inLanguage = names.find((name) => attribute(name, "xml:lang")?.toLowerCase().split("-")[0] === language);
    const name = elementText(inLanguage ?? names[0]);
    const code = attribute(subject, "qcode")?.split(":").at(-1);
    return code !== undefined && name.trim().toLowerCase() === code.toLowerCase() ? "" : name;
  });
  return distinctNames([...subjects, ...childElements(contentMeta, "keyword").map((keyword) => elementText(keyword))]);
}

/** A text's body, the header above it that was left out (see itemHeader), the line saying its markup came in CDATA, and those naming a NITF body's media and body.end's words. */
interface StoryBody {
  body: WireBody;
  header?: ItemNote;
  cdata?: ItemNote;
  end?: ItemNote[];
}

/**
 * The header an XHTML body opens with when it repeats the item's own metadata, as dpa's does:
 * its keywords, time, genre, the headline (an h1 of the item's headline, which is how it is told
 * from a header of the story's own) and the byline. The story's fields print those, so the header
 * is left out, with a note quoting each of its lines.
 */
function itemHeader(body: XmlElement, headline: string | undefined, path: string): { rest: XmlNode[]; note: ItemNote } | undefined {
  const at = body.children.findIndex((node) => typeof node !== "string" || node.trim() !== "");
  const header = body.children[at];
  if (headline === undefined || typeof header !== "object" || header.name !== "header") return undefined;
  const lines = headerLines(header);
  if (!lines.some(({ name, text }) => name === "h1" && text === xmlLine(headline))) return undefined;
  const quoted = lines.map(({ text }) => JSON.stringify(text)).join(", ");
  return { rest: body.children.slice(at + 1), note: ignoredNote(`${path}/header`, `the header above the text (${quoted}), which repeats the item's keywords, time, headline and byline`) };
}

/**
 * Every line of a header, so the note quotes all it leaves out: a block's whole text (its links and
 * emphasis with it), a list's items, and text outside any block.
 */
function headerLines(element: XmlElement): { name: string; text: string }[] {
  return element.children.flatMap((child): { name: string; text: string }[] => {
    if (typeof child === "string") return xmlLine(child) === "" ? [] : [{ name: "", text: xmlLine(child) }];
    if (CONTAINERS.has(child.name)) return headerLines(child);
    const text = elementText(child);
    return text === "" ? [] : [{ name: child.name, text }];
  });
}

/** Elements a header's lines are grouped in: their own lines are quoted one by one. */
const CONTAINERS = new Set(["ul", "ol", "div", "section", "hgroup"]);

/** Inline XML as HTML: an XHTML document's body (less a header repeating the item's metadata), a NITF document's body.content, or XHTML elements as they are. */
function inlineXmlBody(inline: XmlElement, headline: string | undefined, path: string): StoryBody | undefined {
  // Markup some producers wrap in a CDATA section is read as if it were written inline.
  const wrapped = cdataMarkup(inline, path);
  if (wrapped) {
    const read = wrapped.element ? inlineXmlBody(wrapped.element, headline, path) : { body: { kind: "html" as const, html: wrapped.html } };
    return read && { ...read, cdata: wrapped.note };
  }
  const [root] = childElements(inline);
  if (root?.name === "nitf") {
    const content = childElement(root, "body", "body.content");
    if (!content || !elementText(content)) return undefined;
    // Media in the text is left out of it (the item's pictures come as items of their own): each named.
    const end = [...nitfMediaNotes(content, `${path}/nitf/body/body.content`), ...nitfBodyEndNotes(childElement(root, "body", "body.end"), `${path}/nitf/body/body.end`)];
    return { body: { kind: "html", html: nitfBody(content) }, ...(end.length > 0 ? { end } : {}) };
  }
  const body = root?.name === "html" ? childElement(root, "body") : inline;
  if (!body || !elementText(body)) return undefined;
  const header = root?.name === "html" ? itemHeader(body, headline, `${path}/html/body`) : undefined;
  return header ? { body: { kind: "html", html: xhtmlBody(header.rest) }, header: header.note } : { body: { kind: "html", html: xhtmlBody(body.children) } };
}

/** Inline data as delivered: HTML when its content type says so, else plain text with its paragraphs' blank lines. */
function inlineDataBody(inline: XmlElement): WireBody | undefined {
  const data = inline.children
    .filter((node): node is string => typeof node === "string")
    .join("")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (data === "") return undefined;
  return /html/i.test(attribute(inline, "contenttype") ?? "") ? { kind: "html", html: data } : { kind: "text", text: data };
}

/**
 * The richest alternative of the text the contentSet holds, whatever their order: markup (XHTML,
 * NITF, HTML) over plain text, which has lost the links and subheadings; among alike, the first.
 * Each alternative is read at its own place, so the lines of the one taken name where it is.
 */
function storyBody(contentSet: XmlElement | undefined, headline: string | undefined, path: string): StoryBody | undefined {
  if (!contentSet) return undefined;
  const contentSetPath = `${path}/contentSet`;
  const alternatives = childElements(contentSet).flatMap((content): StoryBody[] => {
    const read = content.name === "inlineXML" ? inlineXmlBody(content, headline, childPath(contentSetPath, contentSet, content)) : undefined;
    const data = content.name === "inlineData" ? inlineDataBody(content) : undefined;
    return read ? [read] : data ? [{ body: data }] : [];
  });
  return alternatives.find(({ body }) => body.kind === "html") ?? alternatives[0];
}

/** A text item as a wire item, or its problems. */
function readTextItem(item: DeliveredItem, packaged: PackagedPhotos, file: string, agencies: readonly Agency[]): { item: WireItem } | RefusedItem {
  const problems = new ItemProblems(file);
  const { element, path } = item;
  const itemMeta = childElement(element, "itemMeta");
  const contentMeta = childElement(element, "contentMeta");
  const metaPath = `${path}/itemMeta`;
  const id = attribute(element, "guid");
  if (id === undefined) problems.add(`${path}/@guid`, "missing (expected the item's guid, the same for all its versions)", "WD206");
  const versionTime = readTime(elementText(childElement(itemMeta, "versionCreated")), `${metaPath}/versionCreated`, problems);
  const released = readTime(elementText(childElement(itemMeta, "firstCreated")), `${metaPath}/firstCreated`, problems);
  const embargoed = childElement(itemMeta, "embargoed");
  const embargoedUntil = readTime(elementText(embargoed), `${metaPath}/embargoed`, problems);
  // An empty embargoed element means "embargoed until further notice".
  const status = publishingStatus(itemMeta, metaPath, embargoed !== undefined && elementText(embargoed) === "", problems);
  const signals = itemMeta ? childElements(itemMeta, "signal") : [];
  const canceled = status === "canceled";
  const contentSet = childElement(element, "contentSet");
  // Some producers (BusinessDesk) give the headline only in the NITF they embed.
  const nitfHead = inlineNitfHead(contentSet);
  const nitfHeadPath = `${path}/contentSet/inlineXML/nitf/body/body.head`;
  const main = mainHeadline(contentMeta);
  const given = main ? fieldText(main, `${path}/contentMeta/headline`) : fieldText(childElement(nitfHead, "hedline", "hl1"), `${nitfHeadPath}/hedline/hl1`);
  const delivered = given.text || undefined;
  const leadElement = describedBy(contentMeta, LEAD_ROLES);
  const leadRead = leadElement ? fieldText(leadElement, `${path}/contentMeta/description`) : nitfLead(nitfHead, nitfHeadPath);
  const lead = "text" in leadRead ? leadRead.text : leadRead.lead;
  const marked = delivered === undefined ? undefined : unmarkedHeadline(delivered, `${path}/contentMeta/headline`);
  const correction = marked?.corrected === true || signals.some((signal) => schemeCode(signal, SIGNAL) === "correction" || attribute(signal, "qcode") === REUTERS_CORRECTED);
  const headline = marked?.headline ?? (canceled ? "" : undefined);
  if (headline === undefined) problems.add(`${path}/contentMeta/headline`, "missing (expected the story's headline, here or as the hl1 of the NITF in inlineXML)", "WD206");
  const read = storyBody(contentSet, delivered, path);
  const body = read?.body ?? (canceled ? NO_TEXT : undefined);
  if (body === undefined) {
    const found = contentSet ? "has no inlineXML or inlineData with text" : "missing";
    problems.add(`${path}/contentSet`, `${found} (expected the story's text as XHTML, NITF or plain text)`, "WD206");
  }
  // A refused item is read on all the same: the rest of it is checked in this run too.
  const lang = attribute(childElement(contentMeta, "language"), "tag") ?? attribute(element, "xml:lang");
  const dateline = storyDateline(contentMeta, path, lang, agencies);
  const urgency = urgencyText(elementText(childElement(contentMeta, "urgency")), `${path}/contentMeta/urgency`);
  const notes = [...[given.note, leadRead.note, marked?.note, read?.header, read?.cdata, dateline.note, urgency.note].filter((note) => note !== undefined), ...(read?.end ?? []), ...(packaged.notes.get(element) ?? [])];
  const found = definedFields({
    file,
    path: item.place,
    format: "NewsML-G2" as const,
    id,
    version: attribute(element, "version"),
    versionTime,
    released,
    embargoedUntil,
    status,
    correction,
    headline,
    lead,
    plainFields: true as const,
    body,
    place: dateline.place,
    source: storySource(contentMeta, itemMeta, dateline.agency, agencies),
    byline: storyByline(contentMeta, contentSet),
    authors: creatorNames(contentMeta),
    topics: storyTopics(contentMeta, lang),
    photo: packaged.photos.get(element),
    lang,
    priority: urgency.priority,
    notes: notes.length > 0 ? notes : undefined,
  });
  if (problems.list.length > 0 || id === undefined || headline === undefined || body === undefined) return { problems: problems.list, found };
  return { item: { ...found, id, headline, body } };
}

/** Why an item that is not a story is skipped. */
function notTextMessage(element: XmlElement, kind: ItemKind): string {
  const itemClass = childElement(element, "itemMeta", "itemClass");
  const nature = attribute(itemClass, "qcode") ?? attribute(itemClass, "uri");
  if (kind === "picture") return `is a picture item (${nature}) outside any package (expected a text item, or a packageItem pairing one with it)`;
  return element.name === "newsItem" ? `is a ${nature} item (expected a text item)` : `is a ${element.name} (expected a newsItem with text)`;
}

/**
 * Reads a NewsML-G2 file: its text items, each with the photo its package pairs it with, and the
 * problems of all it could not read. `agencies` are the settings' list, by which the agency a
 * dateline names is known.
 */
export function readNewsmlG2(text: string, file: string, agencies: readonly Agency[]): WireRead {
  const xml = parseXml(text, file);
  if (!xml.ok) return { items: [], problems: xml.problems };
  const problems: WireProblem[] = [];
  const delivered = deliveredItems(xml.root, file, problems);
  const packaged = packagedPhotos(delivered, file);
  problems.push(...packaged.problems);
  const items: WireItem[] = [];
  const refused: RefusedItem[] = [];
  for (const item of delivered) {
    const kind = itemKind(item.element);
    if (kind === "text") {
      const read = readTextItem(item, packaged, file, agencies);
      if ("item" in read) items.push(read.item);
      else refused.push(read);
    } else if (kind === "other" || (kind === "picture" && !packaged.packaged.has(item.element))) {
      problems.push({ file, field: item.path, message: notTextMessage(item.element, kind), code: "WD205" });
    }
  }
  return { items, problems, refused };
}
