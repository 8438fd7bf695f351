import { XMLParser } from "fast-xml-parser";
import sharp, { type Metadata } from "sharp";
import { oneLine } from "./wire-fields.ts";

/** The words a photographer or agency embedded in the picture file (IPTC photo metadata), its rights among them. */
export interface EmbeddedPhotoWords {
  alt?: string;
  caption?: string;
  credit?: string;
  /** The photographer (dc:creator, IIM By-line). */
  creator?: string;
  /** The copyright notice (dc:rights, IIM Copyright Notice). */
  copyright?: string;
  /** The terms of use (xmpRights:UsageTerms). */
  usageTerms?: string;
  /** The licence's terms (xmpRights:WebStatement). */
  license?: string;
  /** Where to licence the picture (plus:Licensor's plus:LicensorURL). */
  licensePage?: string;
}

/** A value as one line, or undefined when it holds nothing but space. */
const wordsOf = (text: string | undefined): string | undefined => (text === undefined ? undefined : oneLine(text) || undefined);

/** A language alternative (rdf:Alt) or a plain value: the default language's text, else the first. */
function altText(value: unknown): string | undefined {
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if ("#text" in record) return altText(record["#text"]);
  const items = record["rdf:Alt"] ?? record["rdf:Seq"] ?? record["rdf:Bag"];
  if (items === undefined) return undefined;
  const list = (items as Record<string, unknown>)["rdf:li"];
  const entries = Array.isArray(list) ? list : [list];
  const preferred = entries.find((entry) => typeof entry === "object" && entry !== null && (entry as Record<string, unknown>)["@_xml:lang"] === "x-default");
  return altText(preferred ?? entries[0]);
}

/** Every value an XMP packet gives a property, whether written as an element or as an attribute of rdf:Description. */
function findProperty(node: unknown, name: string): unknown {
  if (typeof node !== "object" || node === null) return undefined;
  const record = node as Record<string, unknown>;
  if (name in record) return record[name];
  if (`@_${name}` in record) return record[`@_${name}`];
  for (const child of Object.values(record)) {
    const children = Array.isArray(child) ? child : [child];
    for (const each of children) {
      const found = findProperty(each, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The XMP property each word is read from; a list (dc:creator) gives its first value. */
const XMP_PROPERTIES: Readonly<Record<keyof EmbeddedPhotoWords, string>> = {
  alt: "Iptc4xmpCore:AltTextAccessibility",
  caption: "dc:description",
  credit: "photoshop:Credit",
  creator: "dc:creator",
  copyright: "dc:rights",
  usageTerms: "xmpRights:UsageTerms",
  license: "xmpRights:WebStatement",
  licensePage: "plus:LicensorURL",
};

/**
 * Alt text (Iptc4xmpCore:AltTextAccessibility), caption (dc:description), credit
 * (photoshop:Credit) and rights (see XMP_PROPERTIES) from an XMP packet. A packet with a DOCTYPE is ignored: XMP never needs
 * one, and its entities are how hostile XML expands or reaches outside the file.
 */
function readXmpWords(xmp: string): EmbeddedPhotoWords {
  if (/<!DOCTYPE/i.test(xmp)) return {};
  let tree: unknown;
  try {
    tree = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false, parseTagValue: false, parseAttributeValue: false }).parse(xmp);
  } catch {
    return {};
  }
  const words: EmbeddedPhotoWords = {};
  for (const [word, property] of Object.entries(XMP_PROPERTIES) as [keyof EmbeddedPhotoWords, string][]) {
    const value = wordsOf(altText(findProperty(tree, property)));
    if (value) words[word] = value;
  }
  return words;
}

/** IIM datasets of record 2 (the application record) that carry words for the page and the photo's rights. */
const IIM_DATASETS: Readonly<Partial<Record<keyof EmbeddedPhotoWords, number>>> = { caption: 120, credit: 110, creator: 80, copyright: 116 };
/** Record 1, dataset 90: the coded character set; ESC % G says UTF-8, else the text is Latin-1. */
const IIM_CHARSET = 90;

/**
 * Caption, credit, by-line and copyright notice from the older IPTC-IIM block (Photoshop's 8BIM resource 0x0404) that
 * sharp hands over as `iptc`. IIM has no alt text field. Each dataset is 0x1C, record, dataset,
 * a two-byte length and the value.
 */
function readIimWords(block: Uint8Array): EmbeddedPhotoWords {
  const values = new Map<string, Uint8Array>();
  for (let at = 0; at + 5 <= block.length; ) {
    if (block[at] !== 0x1c) {
      at += 1;
      continue;
    }
    const record = block[at + 1] ?? 0;
    const dataset = block[at + 2] ?? 0;
    const length = ((block[at + 3] ?? 0) << 8) | (block[at + 4] ?? 0);
    // Extended lengths (top bit set) are for binary datasets, never the text ones read here.
    if (length & 0x8000) break;
    const key = `${record}:${dataset}`;
    if (!values.has(key)) values.set(key, block.subarray(at + 5, at + 5 + length));
    at += 5 + length;
  }
  const charset = values.get(`1:${IIM_CHARSET}`);
  const utf8 = charset !== undefined && Buffer.from(charset).toString("latin1") === "\u001b%G";
  const decode = (bytes: Uint8Array | undefined) => (bytes ? wordsOf(Buffer.from(bytes).toString(utf8 ? "utf8" : "latin1")) : undefined);
  const words: EmbeddedPhotoWords = {};
  for (const [word, dataset] of Object.entries(IIM_DATASETS) as [keyof EmbeddedPhotoWords, number][]) {
    const value = decode(values.get(`2:${dataset}`));
    if (value) words[word] = value;
  }
  return words;
}

/** The words embedded in a picture: XMP first, as the IPTC photo metadata standard prefers it, then IIM. */
export async function readEmbeddedPhotoWords(bytes: Uint8Array): Promise<EmbeddedPhotoWords> {
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    return {};
  }
  const xmp = metadata.xmp ? readXmpWords(metadata.xmp.toString("utf8")) : {};
  const iim = metadata.iptc ? readIimWords(metadata.iptc) : {};
  return { ...iim, ...xmp };
}
