import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import { lineAndColumn } from "../model/json-text.ts";
import { decodeReferences } from "./html-entities.ts";
import type { WireProblem } from "./wire-item.ts";

/**
 * Agency XML read safely: no entity a document declares is ever expanded or fetched (declaring
 * one refuses the document, which stops both external entities and entity bombs before parsing),
 * a DOCTYPE naming an external DTD is read past without fetching it, and the HTML 4 entities NITF
 * takes from that DTD are known without it.
 */

/** An element by its local name (namespace prefixes dropped: agencies use them inconsistently). */
export interface XmlElement {
  readonly name: string;
  /** The namespace prefix as written ("media" for media:content), absent for none: for formats that mix vocabularies sharing local names. */
  readonly prefix?: string;
  /** Attributes by their names as written, e.g. "guid", "xml:lang". */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  /**
   * The text of the CDATA sections the element's content is, when it is only those (white space
   * aside): producers wrap HTML in one to deliver it unparsed, which readers tell from text.
   */
  readonly cdata?: string;
}

/** An element, or a run of character data with its entities read. */
export type XmlNode = XmlElement | string;

export type XmlRead = { ok: true; root: XmlElement } | { ok: false; problems: WireProblem[] };

interface EntityDeclaration {
  name: string;
  /** The external identifier, e.g. SYSTEM "file:///etc/passwd", for an external entity. */
  external?: string;
  index: number;
}

const DOCTYPE = "<!DOCTYPE";
const ENTITY_DECLARATION = /<!ENTITY\s+(?:%\s+)?([^\s"'>]+)\s*(?:((?:SYSTEM|PUBLIC)\s*(?:"[^"]*"|'[^']*')(?:\s*(?:"[^"]*"|'[^']*'))?))?/y;

/** Where the DOCTYPE starts, when the prolog (declaration, comments, processing instructions) has one. */
function doctypeIndex(text: string): number {
  let index = 0;
  for (;;) {
    while (/\s/.test(text[index] ?? "")) index += 1;
    const close = text.startsWith("<?", index) ? "?>" : text.startsWith("<!--", index) ? "-->" : undefined;
    if (close === undefined) return text.startsWith(DOCTYPE, index) ? index : -1;
    const end = text.indexOf(close, index + 2);
    if (end < 0) return -1;
    index = end + close.length;
  }
}

/** The entities a DOCTYPE's internal subset declares, scanned in one pass over its quotes and comments. */
function entityDeclarations(text: string): EntityDeclaration[] {
  const start = doctypeIndex(text);
  if (start < 0) return [];
  const declarations: EntityDeclaration[] = [];
  let quote: string | undefined;
  let inSubset = false;
  for (let index = start + DOCTYPE.length; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (text.startsWith("<!--", index)) {
      const end = text.indexOf("-->", index + 4);
      if (end < 0) break;
      index = end + 2;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === "[" || char === "]") {
      inSubset = char === "[";
    } else if (char === ">" && !inSubset) {
      break;
    } else if (inSubset && text.startsWith("<!ENTITY", index)) {
      ENTITY_DECLARATION.lastIndex = index;
      const match = ENTITY_DECLARATION.exec(text);
      declarations.push({ name: match?.[1] ?? "", external: match?.[2]?.replace(/\s+/g, " "), index });
    }
  }
  return declarations;
}

/** One problem per external entity, and one for all others: a DOCTYPE declaring entities is refused. */
function declarationProblems(text: string, file: string, declarations: EntityDeclaration[]): WireProblem[] {
  const problems = declarations.flatMap(({ name, external, index }) =>
    external === undefined
      ? []
      : [
          {
            file,
            ...lineAndColumn(text, index),
            field: "",
            code: "WD204" as const,
            message: `the DOCTYPE declares the external entity "${name}" (${external}), which is never read (expected no entity declarations)`,
          },
        ],
  );
  const internal = declarations.filter((declaration) => declaration.external === undefined);
  const [first] = internal;
  if (first) {
    const shown = internal.slice(0, 5).map((declaration) => declaration.name);
    const names = internal.length > shown.length ? `${shown.join(", ")}, … (${internal.length} in all)` : shown.join(", ");
    problems.unshift({
      file,
      ...lineAndColumn(text, first.index),
      field: "",
      code: "WD204",
      message:
        `the DOCTYPE declares entities of its own (${names}), which are never expanded: entities built from ` +
        `one another can grow without bound (expected no entity declarations; HTML entities such as &nbsp; need none)`,
    });
  }
  return problems;
}

/**
 * Reads character and entity references in the text the parser hands over, noting those it does
 * not know. Entities the document declares are ignored: none is ever expanded.
 */
class ReferenceReader implements EntityDecoderOptions {
  readonly unknown = new Set<string>();

  decode(text: string): string {
    return decodeReferences(text, (reference) => this.unknown.add(reference));
  }

  setExternalEntities(): void {}
  addInputEntities(): void {}
  reset(): void {}
  setXmlVersion(): void {}
}

/** fast-xml-parser's ordered output: an element as { name: children, ":@": attributes }, text as { "#text": text }. */
type OrderedNode = Record<string, unknown>;

/** A CDATA section's text ({ "#cdata": [{ "#text": text }] }), or undefined for any other node. */
function cdataText(node: OrderedNode): string | undefined {
  const section = node["#cdata"];
  if (section === undefined) return undefined;
  return Array.isArray(section) ? section.map((part: OrderedNode) => String(part["#text"] ?? "")).join("") : "";
}

function toNode(node: OrderedNode): XmlNode | undefined {
  const text = node["#text"] ?? cdataText(node);
  if (text !== undefined) return String(text);
  const qualified = Object.keys(node).find((key) => key !== ":@");
  if (qualified === undefined) return undefined;
  const children = node[qualified];
  const attributes = node[":@"];
  const colon = qualified.indexOf(":");
  const cdata = onlyCdata(children);
  return {
    name: qualified.slice(colon + 1),
    ...(colon > 0 ? { prefix: qualified.slice(0, colon) } : {}),
    attributes: new Map(typeof attributes === "object" && attributes !== null ? Object.entries(attributes).map(([key, value]) => [key, String(value)]) : []),
    children: toNodes(children),
    ...(cdata === undefined ? {} : { cdata }),
  };
}

function toNodes(nodes: unknown): XmlNode[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: OrderedNode) => toNode(node) ?? []);
}

/** The text of the CDATA sections content is, when it is only those and white space; else undefined. */
function onlyCdata(nodes: unknown): string | undefined {
  if (!Array.isArray(nodes)) return undefined;
  const sections: string[] = [];
  for (const node of nodes as OrderedNode[]) {
    const section = cdataText(node);
    if (section !== undefined) sections.push(section);
    else if (node["#text"] === undefined || String(node["#text"]).trim() !== "") return undefined;
  }
  return sections.length > 0 ? sections.join("") : undefined;
}

/**
 * The elements still open where the document ends, outermost first, when that is the validator's
 * finding: it reports them so only there ("Unclosed tag 'rss'.", or a list, "Invalid '["rss",
 * "channel"]' found.", placed at the document's start). Undefined for any other fault.
 */
function openAtEnd({ code, msg }: { code: string; msg: string }): string[] | undefined {
  const one = code === "InvalidTag" ? /^Unclosed tag '([^']+)'\.$/.exec(msg)?.[1] : undefined;
  if (one !== undefined) return [one];
  const list = code === "InvalidXml" ? /^Invalid '(\[[^]*\])' found\.$/.exec(msg)?.[1] : undefined;
  if (list === undefined) return undefined;
  const names: unknown = JSON.parse(list);
  return Array.isArray(names) && names.every((name) => typeof name === "string") ? names : undefined;
}

/** What a file that ends inside its elements is told: which are still open, innermost first, and that it looks cut off. */
const cutOff = (open: readonly string[]): string =>
  `the file ends before ${new Intl.ListFormat("en-GB").format(open.toReversed().map((name) => `<${name}>`))} ${open.length === 1 ? "is" : "are"} closed (expected the whole document: the file looks cut off, as a partial upload leaves it; fetch or copy it again)`;

/** Where a document's text ends: the line and column just after its last character that is not white space. */
function endOf(source: string): { line: number; column: number } {
  const lines = source.trimEnd().split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Reads an XML document into a tree, or says why not: each problem names the file and, where known, the line and column. */
export function parseXml(text: string, file: string): XmlRead {
  const source = text.replace(/^\uFEFF/, "");
  const refuse = (message: string, at: { line?: number; column?: number } = {}): XmlRead => ({ ok: false, problems: [{ file, ...at, field: "", message, code: "WD203" }] });
  if (source.trim() === "") return refuse("is empty (expected an XML document)");
  const declarations = entityDeclarations(source);
  if (declarations.length > 0) return { ok: false, problems: declarationProblems(source, file, declarations) };
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const open = openAtEnd(valid.err);
    if (open !== undefined) return refuse(`not well-formed XML: ${cutOff(open)}`, endOf(source));
    const { line, col, msg } = valid.err;
    return refuse(`not well-formed XML: ${msg}`, { line, ...(col === undefined ? {} : { column: col }) });
  }
  const references = new ReferenceReader();
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // CDATA kept apart from text, so an element delivered as one is known (XmlElement.cdata).
    cdataPropName: "#cdata",
    entityDecoder: references,
  });
  let nodes: XmlNode[];
  try {
    nodes = toNodes(parser.parse(source));
  } catch (error) {
    return refuse(`not readable as XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (references.unknown.size > 0) {
    return {
      ok: false,
      problems: [...references.unknown].map((reference) => ({
        file,
        ...lineAndColumn(source, source.indexOf(reference)),
        field: "",
        code: "WD204" as const,
        message: `${reference} is not a character XML or HTML 4 names (expected the character itself, or a numeric reference such as &#233;)`,
      })),
    };
  }
  const roots = nodes.filter((node): node is XmlElement => typeof node !== "string");
  const [root] = roots;
  // The parser drops text after the root element, so it is looked for here.
  const trailing = source.slice(source.lastIndexOf(">") + 1).trim() !== "";
  if (!root || roots.length > 1 || trailing || nodes.some((node) => typeof node === "string" && node.trim() !== "")) {
    const found = roots.map((element) => `<${element.name}>`).join(", ") || "none";
    return refuse(`has content outside its root element (expected one root element holding everything; found elements ${found})`);
  }
  return { ok: true, root };
}

/** The child elements, all or those of one local name. */
export function childElements(parent: XmlElement, name?: string): XmlElement[] {
  return parent.children.filter((node): node is XmlElement => typeof node !== "string" && (name === undefined || node.name === name));
}

/** The first child element of a name, following further names down: `childElement(item, "contentMeta", "headline")`. */
export function childElement(parent: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let element = parent;
  for (const name of names) element = element && childElements(element, name)[0];
  return element;
}

/** An attribute's value, trimmed; undefined when absent or blank. */
export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attributes.get(name)?.trim() || undefined;
}

/** Elements whose text reads as a block of its own, so their text is kept apart from what follows. */
const BLOCKS = new Set(["p", "div", "br", "li", "dt", "dd", "tr", "td", "th", "caption", "pre", "blockquote", "bq", "credit", "h1", "h2", "h3", "h4", "h5", "h6", "hl1", "hl2", "block"]);

function collectText(node: XmlNode, parts: string[]): void {
  if (typeof node === "string") {
    parts.push(node);
    return;
  }
  for (const child of node.children) collectText(child, parts);
  if (BLOCKS.has(node.name)) parts.push(" ");
}

/** Text as one line, collapsing only XML's own white space: a no-break space the agency wrote is kept. */
export const xmlLine = (text: string): string => text.replace(/[ \t\r\n]+/g, " ").trim();

/** The element's text as one line: descendants' text in order, blocks kept apart, white space collapsed. */
export function elementText(element: XmlElement | undefined): string {
  if (!element) return "";
  const parts: string[] = [];
  collectText(element, parts);
  return xmlLine(parts.join(""));
}

/** A child's XPath-like place: `/newsMessage/itemSet/newsItem[2]`, with an index only when siblings share its name. */
export function childPath(parentPath: string, parent: XmlElement, child: XmlElement): string {
  const namesakes = childElements(parent, child.name);
  return namesakes.length > 1 ? `${parentPath}/${child.name}[${namesakes.indexOf(child) + 1}]` : `${parentPath}/${child.name}`;
}

/** Every descendant of a name, in document order, with its path. */
export function descendants(parent: XmlElement, parentPath: string, name: string): { element: XmlElement; path: string }[] {
  return childElements(parent).flatMap((child) => {
    const path = childPath(parentPath, parent, child);
    return child.name === name ? [{ element: child, path }] : descendants(child, path, name);
  });
}
