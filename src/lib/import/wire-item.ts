import type { Problem } from "../model/problems.ts";

/**
 * A wire item as every format's reader hands it on: what the agency said, in one shape, before the
 * importer decides what it becomes. Readers only translate; they never look at the newsroom.
 */

/**
 * The formats the importer reads, as the summary names them: the IPTC standards, and the
 * dialects producers deliver under their own names (see docs/wire-dialects.md).
 */
export type WireFormat =
  | "ninjs 1"
  | "ninjs 2"
  | "ninjs 3"
  | "ninjs 1 (Superdesk)"
  | "dpa digitalwires"
  | "AP Media API"
  | "NewsML-G2"
  | "NewsML 1.2 (AFP)"
  | "NITF"
  | "RSS 2.0"
  | "Atom"
  | "JSON Feed"
  | "plain text";

/**
 * Something wrong with a delivered file or an item in it, or what an editor should know of what
 * the import did with it: a problem whose field is the place in the file as its format names
 * places (`headlines[0].value`, `/newsItem/contentMeta/headline`; empty for the file as a whole),
 * at a line where the format has lines to point at (wire text, a JSON or XML file that does not parse).
 */
export type WireProblem = Problem & {
  /**
   * Which of the file's items the problem is in (0 for the first), where a file holds several:
   * an item's problems are reported together, on its one line. Absent: the file's one item.
   */
  itemIndex?: number;
};

/** What an editor should know of an item, in the item's own file. */
export type ItemNote = Omit<Problem, "file">;

/**
 * A time as the agency wrote it, read without Date.parse: a local date and time, and its offset
 * when the item gave one. Without an offset the importer applies the dateline's or the feed's zone.
 */
export interface WireTime {
  /** "2013-09-02T15:40:00", or "2013-09-02" when the agency gave a day only. */
  local: string;
  /** "+04:00", "-05:00" or "Z"; absent when the item gave no offset. */
  offset?: string;
}

/** usable: publish; withheld: the agency holds it back (kept as a draft); canceled: withdrawn or killed. */
export type WireStatus = "usable" | "withheld" | "canceled";

/** The body as delivered: HTML or XHTML markup (still to be sanitised), or plain text with blank lines between paragraphs. */
export type WireBody = { kind: "html"; html: string } | { kind: "text"; text: string };

/** The picture an item points at: its largest image rendition. */
export interface WirePhoto {
  /** A path relative to the item's file (a picture delivered beside it), or an http(s) URL. */
  href: string;
  /** The place in the item that names it, for messages. */
  path: string;
  /** What the picture shows, for readers who cannot see it; only ever the agency's words. */
  alt?: string;
  caption?: string;
  credit?: string;
  /** The photographer, as the agency names them. */
  creator?: string;
  /** The copyright notice as the agency words it, else its copyright holder as one ("© Reuters"). */
  copyright?: string;
  /** The agency's terms of use ("Editorial use only"). */
  usageTerms?: string;
}

export interface WireItem {
  /** The delivered file the item came from. */
  file: string;
  /** The item's place in its file ("" for a file that is one item, else e.g. "items[2]" or "/newsMessage/itemSet/newsItem[2]"). */
  path: string;
  format: WireFormat;
  /** The agency's id for the item, the same across its versions (ninjs uri, NewsML-G2 guid, NITF doc-id). */
  id: string;
  /**
   * NITF's du-key key beside a doc-id: the story's key across its versions where an agency gives
   * each version a doc-id of its own (PA does), so a version finds the story by it too.
   */
  updateKey?: string;
  /** The version as the agency numbers it, for the record; versions are ordered by `versionTime`. */
  version?: string;
  /** When this version was made (ninjs versioncreated, NewsML-G2 versionCreated, NITF date.issue). */
  versionTime?: WireTime;
  /** When the agency first released the item (firstcreated, firstCreated, date.release). */
  released?: WireTime;
  /** The end of an embargo, when the item has one. */
  embargoedUntil?: WireTime;
  status: WireStatus;
  /** True when the agency marks this version as a correction of an earlier one. */
  correction: boolean;
  /** The agency's note to editors given apart from the text (Superdesk's ednote), as typed: a correction's is quoted to the editor wording it. */
  editorsNote?: string;
  /**
   * A hold notice (dpa's "HOLD HOLD HOLD" in wire text): the agency asks the desk to hold the story
   * the id names until it says more. It carries no words of its own, as a kill does not.
   */
  hold?: true;
  /** The main headline as plain text; "" for a canceled item that gave none, as the importer reads none of a withdrawal's words. */
  headline: string;
  /** The standfirst, summary or abstract, as plain text. */
  lead?: string;
  /**
   * True when the headline, lead and photo credit are plain text as the reader made them (an XML
   * field's text, its escaping already read; a feed's HTML already read for its words): every
   * character is the agency's, and "<AAPL.O>" is text. Absent (JSON), they may hold HTML or
   * character references a producer left in them, which are read for their text.
   */
  plainFields?: true;
  /** The story's text; `{ kind: "text", text: "" }` for a canceled item that gave none, as the importer reads none of a withdrawal's words. */
  body: WireBody;
  /** The place from the format's own fields (NewsML-G2 located or dateline, NITF dateline's location, ninjs located), not from the body. */
  place?: string;
  /** The agency as its datelines print it ("Itar-Tass", "AP", "Reuters"). */
  source?: string;
  /** The byline as the agency gave it ("By Jane Doe", "Jane Doe, Reuters"), so a body repeating it can be told from the story. */
  byline?: string;
  /** The people the item names as its writers, one name each, where the format gives them apart (NewsML-G2 creators, NITF byline persons, AP bylines); else the byline is read for them. */
  authors?: string[];
  /** Topic names from the item's subjects and keywords, as the agency wrote them. */
  topics: string[];
  photo?: WirePhoto;
  /** The item's language tag, when it states one. */
  lang?: string;
  /** The full address of the item on its producer's site (a feed item's link), against which its text's relative links are read. */
  base?: string;
  /**
   * How urgent the producer rates the item, as it numbers it: 1 is the most urgent (a flash), and
   * larger numbers are less urgent (Superdesk priority or urgency, dpa, AP, ninjs, NewsML-G2 and
   * NITF urgency). A new story takes it as its `priority` when it is 1 to 9.
   */
  priority?: number;
  /**
   * What the reader did that an editor should know, each printed on the item's line: what it
   * ignored (`renditions[0].mimetype: warning: ignored (not a property of ninjs 2.x) [WD210]`), a
   * day taken from the dateline rather than the delivery.
   */
  notes?: ItemNote[];
}

/**
 * An item a reader refused, with what it could still read of it (its times, place, language,
 * photo): the importer tells the item's other problems from them in the same run, and writes nothing.
 */
export interface RefusedItem {
  /** The item's problems as its reader found them, each with its place. */
  problems: WireProblem[];
  /** The item's fields its reader could read; those it refused or found missing are absent. */
  found: Partial<WireItem> & Pick<WireItem, "file" | "path" | "format">;
}

/** What one reader made of one delivered file: its items, and the problems of the items it could not read. */
export interface WireRead {
  items: WireItem[];
  /** The file's own problems, and those of items refused with nothing read of them. */
  problems: WireProblem[];
  /** Items refused with what their readers could read of them, in the file's order. */
  refused?: RefusedItem[];
  /**
   * Other delivered files the read took part of its items from (the NITF text an AP item points
   * at, saved beside it): they are read with that item, never as items of their own.
   */
  companions?: string[];
}

/** The text of a file delivered beside an item, by its name in the item's folder; undefined when there is none. */
export type ReadBeside = (name: string) => { file: string; text: string } | undefined;
