import type { Agency } from "../model/agencies.ts";
import { contentId } from "./content-identity.ts";
import { datelineTime, placedElsewhere, readDatelineField, type DatelineField } from "./dateline-field.ts";
import { bylineNames, definedFields, distinctNames, ItemProblems, NO_TEXT, readTime, urgencyText, creditLeftOutNotes, writerTitleNote } from "./wire-fields.ts";
import type { ItemNote, WirePhoto, WireRead, WireStatus, WireTime } from "./wire-item.ts";
import { wireTimeMillis } from "./wire-time.ts";
import { cdataMarkup, fieldText, nitfBody, nitfBodyEndNotes, nitfLead, nitfMediaNotes } from "./xml-body.ts";
import { attribute, childElement, childElements, descendants, elementText, parseXml, type XmlElement } from "./xml.ts";

/**
 * NITF 3.x read into a wire item: one story a document, its places XPath-like paths from /nitf.
 * Read and left out: date.expire (the wire item has no place for it), and ed-msg
 * and correction's info, which are for editors, never for readers. A canceled story (a kill
 * notice) may lack headline and text: the importer withdraws it by its doc-id and time, so what it
 * lacks is left empty, never taken from the ed-msg.
 */

const DOCDATA = "/nitf/head/docdata";
const BODY_HEAD = "/nitf/body/body.head";
const BODY_CONTENT = "/nitf/body/body.content";

/** A location's name: its city when it names one ("<city>Moscow</city><country>Russia</country>"), else its text or value. */
function locationName(location: XmlElement | undefined): string | undefined {
  const city = elementText(childElement(location, "city"));
  // The region decides which Portland the dateline means, so the zone its days are counted in.
  const region = ["state", "region", "country"].map((name) => elementText(childElement(location, name))).find((text) => text !== "");
  if (city) return region ? `${city}, ${region}` : city;
  return elementText(location) || attribute(location, "value");
}

/** The dateline's text read as a dateline field, its place from its location element when it has one. */
function storyDateline(dateline: XmlElement | undefined, lang: string | undefined, agencies: readonly Agency[]): DatelineField {
  const field = readDatelineField(elementText(dateline), `${BODY_HEAD}/dateline`, lang, agencies);
  const located = locationName(childElement(dateline, "location"));
  return located === undefined ? field : placedElsewhere(field, located);
}

const docId = (docdata: XmlElement | undefined): string | undefined => attribute(childElement(docdata, "doc-id"), "id-string")?.trim() || undefined;
/** du-key's key: NITF's key of a story across its versions. */
const updateKey = (docdata: XmlElement | undefined): string | undefined => attribute(childElement(docdata, "du-key"), "key")?.trim() || undefined;

/**
 * The story's id, the same for all its versions: doc-id's id-string, else du-key's key (NITF's
 * key of the story across its versions), else the content identity (contentId) of its agency, the
 * day its dateline names (else its release or issue day) and its headline.
 */
function storyId(
  docdata: XmlElement | undefined,
  content: { agency: string | undefined; dateline: DatelineField; time: WireTime | undefined; headline: string },
  agencies: readonly Agency[],
): { id: string; note?: ItemNote } | undefined {
  const given = docId(docdata) ?? updateKey(docdata);
  if (given !== undefined) return { id: given };
  const { agency, dateline, time, headline } = content;
  const { month, day, year } = dateline;
  const datelineDay =
    month === undefined || day === undefined
      ? undefined
      : year !== undefined
        ? `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`
        : time && datelineTime(month, day, time)?.day;
  const storyDay = datelineDay ?? time?.local.slice(0, 10);
  if (storyDay === undefined || headline === "") return undefined;
  const id = contentId(agency, storyDay, undefined, headline, agencies);
  return { id, note: { field: `${DOCDATA}/doc-id/@id-string`, message: `missing: known as ${JSON.stringify(id)}, by its agency, day and headline (expected a doc-id id-string or du-key key)`, code: "WD228" } };
}

/** The elements of identified-content that name a topic (people, organisations, places, events, works, classifiers). */
const TOPIC_ELEMENTS = new Set(["classifier", "person", "org", "location", "event", "object.title"]);

/**
 * The byline's people: its person elements, else its names without the writer's title (byttl,
 * "Staff Writer"), with the lines for where its writers were, for its contributors' credits and for the title, left out (see
 * bylineNames). A byline that is only a title names no one, and stays the credit.
 */
function bylineAuthors(byline: XmlElement | undefined): { names?: string[]; notes: ItemNote[] } {
  if (byline === undefined) return { notes: [] };
  const persons = childElements(byline, "person").map(elementText).filter((name) => name !== "");
  const untitled: XmlElement = { ...byline, children: byline.children.filter((node) => typeof node === "string" || node.name !== "byttl") };
  const { names, ...leftOut } = persons.length > 0 ? { names: persons, places: [], credits: [] } : bylineNames(elementText(untitled));
  if (names.length === 0) return { notes: [] };
  const titles = childElements(byline, "byttl").map(elementText).filter((title) => title.trim() !== "");
  return { names, notes: [...creditLeftOutNotes(`${BODY_HEAD}/byline`, leftOut), ...titles.map((title) => writerTitleNote(`${BODY_HEAD}/byline/byttl`, title))] };
}

/** Keywords, then what identified-content names, each by its text or else its value. */
function storyTopics(docdata: XmlElement | undefined): string[] {
  const keywords = childElement(docdata, "key-list");
  const identified = childElement(docdata, "identified-content");
  return distinctNames([
    ...(keywords ? childElements(keywords, "keyword").map((keyword) => attribute(keyword, "key") ?? elementText(keyword)) : []),
    ...(identified ? childElements(identified) : [])
      .filter((element) => TOPIC_ELEMENTS.has(element.name))
      .map((element) => (element.name === "location" ? locationName(element) : elementText(element) || attribute(element, "value")) ?? ""),
  ]);
}

/** The first image media of the body. */
const photoMedia = (content: XmlElement) => descendants(content, BODY_CONTENT, "media").find(({ element }) => attribute(element, "media-type") === "image");

/** The photo's media (see photoMedia), as its largest media-reference by width × height. */
function storyPhoto(media: { element: XmlElement; path: string } | undefined, problems: ItemProblems): WirePhoto | undefined {
  if (!media) return undefined;
  const references = childElements(media.element, "media-reference").filter((reference) => attribute(reference, "source") !== undefined);
  const area = (reference: XmlElement): number => (Number(attribute(reference, "width")) || 0) * (Number(attribute(reference, "height")) || 0);
  const largest = references.reduce<XmlElement | undefined>((best, reference) => (!best || area(reference) > area(best) ? reference : best), undefined);
  if (!largest) {
    problems.add(media.path, "has no media-reference with a source (expected the picture's file name or URL)", "WD215");
    return undefined;
  }
  const described = [largest, ...references].find((reference) => attribute(reference, "alternate-text") !== undefined);
  const all = childElements(media.element, "media-reference");
  const index = all.indexOf(largest);
  return definedFields({
    href: attribute(largest, "source") ?? "",
    path: all.length > 1 ? `${media.path}/media-reference[${index + 1}]` : `${media.path}/media-reference`,
    alt: attribute(described, "alternate-text"),
    caption: elementText(childElement(media.element, "media-caption")) || undefined,
    credit: elementText(childElement(media.element, "media-producer")) || undefined,
  });
}

/** Whether one time is after another, when they can be compared: both with offsets, or both without. */
function isAfter(later: WireTime, earlier: WireTime): boolean {
  if ((later.offset === undefined) !== (earlier.offset === undefined)) return false;
  if (later.offset === undefined) return later.local > earlier.local;
  return (wireTimeMillis(later, undefined) ?? 0) > (wireTimeMillis(earlier, undefined) ?? 0);
}

const MANAGEMENT_STATUSES = ["usable", "embargoed", "withheld", "canceled"];

/**
 * Status and embargo from docdata's management-status and dates. date.release is when the story
 * may be released; later than date.issue, or with management-status "embargoed", it is the end of
 * an embargo. Embargoed without a release date, the story is held back until the agency says.
 * date.expire (when the story stops being valid) is no embargo, and is not read.
 */
function statusAndEmbargo(
  management: string | undefined,
  issued: WireTime | undefined,
  released: WireTime | undefined,
): { status: WireStatus; embargoedUntil?: WireTime } {
  if (management === "canceled" || management === "withheld") return { status: management };
  const embargoed = released !== undefined && (management === "embargoed" || (issued !== undefined && isAfter(released, issued)));
  if (embargoed) return { status: "usable", embargoedUntil: released };
  return { status: management === "embargoed" ? "withheld" : "usable" };
}

/**
 * Reads a NITF document: its story, or the problems that kept it from being read. `agencies` are
 * the settings' list, by which the agency a dateline names is known.
 */
export function readNitf(text: string, file: string, agencies: readonly Agency[]): WireRead {
  const xml = parseXml(text, file);
  if (!xml.ok) return { items: [], problems: xml.problems };
  const problems = new ItemProblems(file);
  const nitf = xml.root;
  if (nitf.name !== "nitf") {
    problems.add(`/${nitf.name}`, "is not NITF (expected a nitf root element)", "WD202");
    return { items: [], problems: problems.list };
  }
  const docdata = childElement(nitf, "head", "docdata");
  const bodyHead = childElement(nitf, "body", "body.head");
  const content = childElement(nitf, "body", "body.content");

  const issued = readTime(attribute(childElement(docdata, "date.issue"), "norm"), `${DOCDATA}/date.issue/@norm`, problems);
  const released = readTime(attribute(childElement(docdata, "date.release"), "norm"), `${DOCDATA}/date.release/@norm`, problems);
  const management = attribute(docdata, "management-status");
  if (management !== undefined && !MANAGEMENT_STATUSES.includes(management)) {
    problems.add(`${DOCDATA}/@management-status`, `"${management}" is not a management status (expected usable, embargoed, withheld or canceled)`, "WD207");
  }
  const canceled = management === "canceled";
  const hl1 = fieldText(childElement(bodyHead, "hedline", "hl1"), `${BODY_HEAD}/hedline/hl1`);
  const titled = hl1.text === "" ? fieldText(childElement(nitf, "head", "title"), "/nitf/head/title") : hl1;
  const headline = titled.text;
  const lead = nitfLead(bodyHead, BODY_HEAD);
  const lang = attribute(nitf, "baselang") ?? attribute(nitf, "xml:lang");
  const dateline = storyDateline(childElement(bodyHead, "dateline"), lang, agencies);
  const source = elementText(childElement(bodyHead, "distributor")) || attribute(childElement(docdata, "doc.copyright"), "holder") || dateline.agency;
  const identity = storyId(docdata, { agency: source, dateline, time: released ?? issued, headline }, agencies);
  if (identity === undefined) {
    problems.add(
      `${DOCDATA}/doc-id/@id-string`,
      "missing, as is du-key's key (expected the agency's id for the story, the same for all its versions; without one, a headline and a day from the dateline, date.release or date.issue to know the story by)",
      "WD206",
    );
  }
  if (headline === "" && !canceled) problems.add(`${BODY_HEAD}/hedline/hl1`, "missing (expected the story's headline, here or in /nitf/head/title)", "WD206");
  const withText = content && elementText(content) !== "" ? content : undefined;
  if (!withText && !canceled) problems.add(BODY_CONTENT, `${content ? "has no text" : "missing"} (expected the story's text)`, "WD206");
  // A refused document is read on all the same: the rest of it is checked in this run too.
  const urgency = urgencyText(attribute(childElement(docdata, "urgency"), "ed-urg"), `${DOCDATA}/urgency/@ed-urg`);
  const authors = bylineAuthors(childElement(bodyHead, "byline"));
  // Some producers deliver body.content's HTML in a CDATA section: it is read as the markup it is.
  const wrapped = withText && cdataMarkup(withText, BODY_CONTENT);
  // The agency's words after the story (body.end's tagline) are no story text, but never left out unsaid.
  const bodyEnd = nitfBodyEndNotes(childElement(nitf, "body", "body.end"), "/nitf/body/body.end");
  // Media beyond the photo is left out of the text, and with it words of the agency's: each is named.
  const read = wrapped ? wrapped.element : content;
  const media = read && photoMedia(read);
  const otherMedia = read ? nitfMediaNotes(read, BODY_CONTENT, media?.element) : [];
  const notes = [titled.note, lead.note, dateline.note, identity?.note, urgency.note, ...authors.notes, wrapped ? wrapped.note : undefined, ...otherMedia, ...bodyEnd].filter((note): note is ItemNote => note !== undefined);

  // A photo that cannot be read is a problem of its own; the story is still read without it.
  const photoProblems = new ItemProblems(file);
  const found = definedFields({
    file,
    path: "",
    format: "NITF" as const,
    id: identity?.id,
    // Beside a doc-id, which some agencies (PA) give each version anew, the key finds the story too.
    updateKey: docId(docdata) === undefined ? undefined : updateKey(docdata),
    version: attribute(childElement(docdata, "du-key"), "version"),
    versionTime: issued,
    released,
    ...statusAndEmbargo(management, issued, released),
    correction: childElement(docdata, "correction") !== undefined,
    headline: headline || (canceled ? "" : undefined),
    lead: lead.lead,
    plainFields: true as const,
    body: withText ? { kind: "html" as const, html: wrapped ? (wrapped.element ? nitfBody(wrapped.element) : wrapped.html) : nitfBody(withText) } : canceled ? NO_TEXT : undefined,
    place: dateline.place,
    source,
    byline: elementText(childElement(bodyHead, "byline")) || undefined,
    authors: authors.names,
    topics: storyTopics(docdata),
    photo: storyPhoto(media, photoProblems),
    lang,
    priority: urgency.priority,
    notes: notes.length > 0 ? notes : undefined,
  });
  const { id, headline: given, body } = found;
  if (problems.list.length > 0 || id === undefined || given === undefined || body === undefined) {
    return { items: [], problems: [], refused: [{ problems: [...problems.list, ...photoProblems.list], found }] };
  }
  return { items: [{ ...found, id, headline: given, body }], problems: photoProblems.list };
}
