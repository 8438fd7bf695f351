import { escapeXml } from "../outputs/xml.ts";
import { holdsHtmlMarkup } from "./html-markup.ts";
import type { ItemNote } from "./wire-item.ts";
import { typedBlocks } from "./typed-text.ts";
import { htmlText, ignoredNote, oneLine } from "./wire-fields.ts";
import { attribute, childElement, childElements, childPath, descendants, elementText, parseXml, type XmlElement, type XmlNode } from "./xml.ts";

/**
 * Story bodies delivered as XML (XHTML, or NITF's body.content) written out as plain HTML markup
 * for the importer, which sanitises it and turns it into Markdown. Nothing is judged here: XHTML
 * passes as delivered, and NITF's own elements become their HTML equivalents.
 */

/** What an element becomes: an HTML element keeping some attributes, its content alone, or nothing. */
type HtmlRule = { tag: string; keep: (name: string) => boolean } | "unwrap" | "drop";

/** Elements HTML writes without content or end tag. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

function writeNodes(nodes: readonly XmlNode[], rule: (element: XmlElement) => HtmlRule): string {
  return nodes.map((node) => (typeof node === "string" ? escapeXml(node) : writeElement(node, rule))).join("");
}

const BULLET = /^[*•]\s+/;

/**
 * Wire text set in one paragraph as the teleprinter typed it (Reuters' XHTML): lines wrapped by
 * hand, each paragraph opening on an indented line or after a blank one, "* " bullets, columns of
 * figures. HTML would run it all into one paragraph (a credit after the story's last line with it,
 * a table's figures into one line), so it is written as the paragraphs, bullet list and
 * preformatted columns it was typed as (see typedBlocks); undefined for text that is one paragraph.
 */
function typedParagraphs(text: string): string | undefined {
  const typed = typedBlocks(text.split(/\r?\n/), (line) => line);
  if (typed.length < 2 && typed.every((block) => block.kind === "paragraph")) return undefined;
  const blocks = typed.flatMap((block): { kind: "paragraph" | "bullet" | "columns"; lines: string[] }[] => {
    if (block.kind === "columns") return [{ kind: "columns", lines: block.layout }];
    // A bullet opens an item of its own: the highlights Reuters lists above a story, one a line.
    const split: { kind: "paragraph" | "bullet"; lines: string[] }[] = [];
    for (const raw of block.lines) {
      const line = raw.trim();
      const bullet = BULLET.test(line);
      if (bullet || split.length === 0) split.push({ kind: bullet ? "bullet" : "paragraph", lines: [] });
      split.at(-1)?.lines.push(line.replace(BULLET, ""));
    }
    return split;
  });
  let html = "";
  blocks.forEach(({ kind, lines }, at) => {
    if (kind === "columns") html += `<pre>${escapeXml(lines.join("\n"))}</pre>`;
    else if (kind === "paragraph") html += `<p>${escapeXml(lines.join(" "))}</p>`;
    else html += `${blocks[at - 1]?.kind === "bullet" ? "" : "<ul>"}<li>${escapeXml(lines.join(" "))}</li>${blocks[at + 1]?.kind === "bullet" ? "" : "</ul>"}`;
  });
  return html;
}

function writeElement(element: XmlElement, rule: (element: XmlElement) => HtmlRule): string {
  const html = rule(element);
  if (html === "drop") return "";
  if (html !== "unwrap" && html.tag === "p" && element.children.every((child) => typeof child === "string")) {
    const typed = typedParagraphs(element.children.join(""));
    if (typed !== undefined) return typed;
  }
  const content = writeNodes(element.children, rule);
  if (html === "unwrap") return content;
  const attributes = [...element.attributes]
    .filter(([name]) => html.keep(name))
    .map(([name, value]) => ` ${name === "xml:lang" ? "lang" : name}="${escapeXml(value)}"`)
    .join("");
  return VOID.has(html.tag) ? `<${html.tag}${attributes}>` : `<${html.tag}${attributes}>${content}</${html.tag}>`;
}

/** XHTML as delivered, less the namespace declarations HTML has no use for. */
function xhtmlRule(element: XmlElement): HtmlRule {
  return { tag: element.name, keep: (name) => name !== "xmlns" && !name.startsWith("xmlns:") };
}

/** The content of an XHTML `body` (or an inlineXML fragment of XHTML elements) as HTML. */
export function xhtmlBody(nodes: readonly XmlNode[]): string {
  return writeNodes(nodes, xhtmlRule).trim();
}

const NONE = (): boolean => false;

/** NITF elements that are HTML's own, with the attributes worth keeping. */
const NITF_AS_HTML: ReadonlyMap<string, readonly string[]> = new Map([
  ...["p", "ul", "ol", "li", "dl", "dt", "dd", "pre", "hr", "br", "em", "q", "sub", "sup"].map((name): [string, string[]] => [name, []]),
  ...["table", "caption", "colgroup", "thead", "tbody", "tfoot", "tr"].map((name): [string, string[]] => [name, []]),
  ["col", ["span"]],
  ["th", ["colspan", "rowspan"]],
  ["td", ["colspan", "rowspan"]],
  ["a", ["href", "title"]],
]);

/** NITF elements with an HTML equivalent of another name. */
const NITF_RENAMED: ReadonlyMap<string, string> = new Map([
  ["hl2", "h2"],
  ["bq", "blockquote"],
  ["credit", "cite"],
  // Notes a block may carry about itself; readers see them as paragraphs.
  ["byline", "p"],
  ["dateline", "p"],
  ["copyrite", "p"],
  ["datasource", "p"],
]);

/** Metadata for machines, and media (the photo is read on its own): no reader text. */
const NITF_DROPPED = new Set(["media", "tobject", "key-list", "classifier", "alt-code", "nitf-table-metadata"]);

/**
 * NITF's body elements as HTML: those HTML shares kept, hl2, bq and the like renamed, metadata and
 * media dropped, notes not for publication (type "npa") dropped, and the inline markup of people,
 * places, dates, sums and blocks unwrapped to its text.
 */
function nitfRule(element: XmlElement): HtmlRule {
  const { name } = element;
  if (NITF_DROPPED.has(name) || (name === "note" && attribute(element, "type") === "npa")) return "drop";
  const kept = NITF_AS_HTML.get(name);
  if (kept) return { tag: name, keep: (attributeName) => kept.includes(attributeName) };
  const renamed = NITF_RENAMED.get(name);
  return renamed ? { tag: renamed, keep: NONE } : "unwrap";
}

/** The content of NITF's `body.content` as HTML. */
export function nitfBody(content: XmlElement): string {
  return writeNodes(content.children, nitfRule).trim();
}

/** What a NITF media-type names, as a line says it. */
const MEDIA_KINDS: ReadonlyMap<string, string> = new Map([
  ["image", "a picture"],
  ["video", "a video"],
  ["audio", "a sound recording"],
]);

/**
 * The lines naming the media of NITF's body.content (at `path`) other than `taken`, the one read
 * as the story's photo: each is left out of the text with its caption (a story shows only its own
 * photo and images), so the line quotes its source and caption for the editor who wants it.
 */
export function nitfMediaNotes(content: XmlElement, path: string, taken?: XmlElement): ItemNote[] {
  return descendants(content, path, "media").flatMap(({ element, path: place }) => {
    if (element === taken) return [];
    const type = attribute(element, "media-type");
    const kind = MEDIA_KINDS.get(type?.toLowerCase() ?? "") ?? (type === undefined ? "media" : `media of type ${JSON.stringify(type)}`);
    const sources = [...new Set(childElements(element, "media-reference").flatMap((reference) => attribute(reference, "source")?.trim() || []))];
    const caption = oneLine(elementText(childElement(element, "media-caption")));
    const words = [
      ...(sources.length === 0 ? [] : [`from ${sources.map((source) => JSON.stringify(source)).join(", ")}`]),
      ...(caption === "" ? [] : [`its caption ${JSON.stringify(caption)}`]),
    ];
    // One with neither (AFP's pointer to the photo component, `data-location="#photo1"`) loses nothing.
    return words.length === 0 ? [] : [ignoredNote(place, `${kind} in the text, ${words.join(", ")} (a story shows only its own photo and images)`)];
  });
}

/** What NITF's body.end holds, after the story: the agency's credit line, and the sources it lists. */
const BODY_END_PARTS: ReadonlyMap<string, string> = new Map([
  ["tagline", "the agency's credit line after the story (NITF's tagline)"],
  ["bibliography", "the sources the agency lists after the story (NITF's bibliography)"],
]);

/**
 * The lines naming what a NITF document's body.end (at `path`) holds: its words are the agency's
 * but not the story's, as Reuters' "(Reporting by …)" after a story is not, so they are left out
 * as those are, each quoted, for the desk to add by hand if it prints them.
 */
export function nitfBodyEndNotes(bodyEnd: XmlElement | undefined, path: string): ItemNote[] {
  if (bodyEnd === undefined) return [];
  return childElements(bodyEnd).flatMap((part) => {
    const text = oneLine(elementText(part));
    if (text === "") return [];
    const place = childPath(path, bodyEnd, part);
    const what = BODY_END_PARTS.get(part.name) ?? `what the agency adds after the story (NITF's ${part.name})`;
    return [ignoredNote(place, `${JSON.stringify(text)}: ${what}, not story text (expected the story's words in body.content: add it as the last paragraph to print it)`)];
  });
}

/**
 * Markup an element delivers in a CDATA section, as several producers wrap a story's HTML: its
 * content when that is only CDATA holding HTML markup, read as XML elements (`element`, a stand-in
 * holding them) when it is well-formed, else as the HTML it is (`html`), with the line saying it
 * was read so at `path`. Undefined for any other content: CDATA of text alone stays text.
 */
export function cdataMarkup(element: XmlElement, path: string): { element?: XmlElement; html: string; note: ItemNote } | undefined {
  const markup = element.cdata;
  if (markup === undefined || !holdsHtmlMarkup(markup)) return undefined;
  const note: ItemNote = {
    field: path,
    message: "warning: read as markup: its content is HTML in a CDATA section, read as if written inline (expected the markup as XML elements, or text with no HTML in it)",
    code: "WD232",
  };
  // A declaration or DOCTYPE inside the section makes it no fragment XML reads: it is then HTML.
  const read = parseXml(`<cdata>${markup}</cdata>`, "");
  return read.ok ? { element: read.root, html: markup, note } : { html: markup, note };
}

/**
 * A text field's words (a headline, a lead): its text, every character as delivered, "<AAPL.O>"
 * and "&lt;draft&gt;" included; but when its content is HTML wrapped in a CDATA section, that
 * markup read for its words, with the line saying so at `path`.
 */
export function fieldText(element: XmlElement | undefined, path: string): { text: string; note?: ItemNote } {
  const markup = element?.cdata;
  if (markup === undefined || !holdsHtmlMarkup(markup)) return { text: elementText(element) };
  const note: ItemNote = { field: path, message: "warning: read as markup: its text is HTML in a CDATA section, read for its words (expected text, with no HTML in it)", code: "WD232" };
  return { text: oneLine(htmlText(markup)), note };
}

/**
 * The lead a NITF document's body.head (at `path`) gives: its abstract, else the hedline's
 * subordinate headline (hl2), where agencies such as AP put the summary of an item that has no abstract.
 */
export function nitfLead(bodyHead: XmlElement | undefined, path: string): { lead?: string; note?: ItemNote } {
  const abstract = fieldText(childElement(bodyHead, "abstract"), `${path}/abstract`);
  const read = abstract.text === "" ? fieldText(childElement(bodyHead, "hedline", "hl2"), `${path}/hedline/hl2`) : abstract;
  return read.text === "" ? {} : { lead: read.text, ...(read.note ? { note: read.note } : {}) };
}
