/**
 * What keeps an SVG off the site: anything that runs code or reaches outside the file. A
 * published SVG is a document of the site's own origin: opened directly it runs its scripts there,
 * and GitHub Pages sends no Content Security Policy to stop them. So an SVG is published only
 * without scripts, event attributes, javascript: or data: links (but inline raster images),
 * foreignObject or HTML, and references to nothing but its own #fragments.
 *
 * Read as XML by fast-xml-parser, never by pattern alone: names are compared without case or
 * prefix, character references in values are decoded first, and a DOCTYPE is refused outright,
 * since its entities could spell anything.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

/** What an SVG must be, for the end of a problem. */
const SAFE_SVG = "expected an SVG without scripts, event attributes, links to javascript:, foreignObject or outside references";

/** Elements that run code, hold HTML, or load a document, in any namespace. */
const CODE_ELEMENTS = new Set(["script", "handler", "listener", "foreignobject", "iframe", "frame", "frameset", "embed", "object", "applet", "base", "link", "meta"]);
/** Animation elements: one that sets an href or an event attribute is a link or a handler. */
const ANIMATIONS = new Set(["set", "animate", "animatemotion", "animatetransform", "animatecolor"]);
const ANIMATION_VALUES = ["to", "from", "by", "values"];
/** Attributes whose value is a URL. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "codebase"]);
const XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
/** Inline raster images: pictures, never code, and nothing fetched. */
const INLINE_RASTER = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif)[;,]/;

/** One node as fast-xml-parser's preserveOrder gives it: its name maps to its children; ":@" holds its attributes. */
type OrderedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  allowBooleanAttributes: true,
  // Values are decoded here, the one way (decodeReferences), before anything is compared.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: "#cdata",
});

const NAMED_REFERENCES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML's character and predefined entity references decoded, as a browser reads the value. */
function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, reference: string) => {
    if (reference.startsWith("#")) {
      const code = reference[1] === "x" || reference[1] === "X" ? Number.parseInt(reference.slice(2), 16) : Number.parseInt(reference.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_REFERENCES[reference] ?? whole;
  });
}

/** A name without its prefix, lower-cased: `svg:Script` and `SCRIPT` are both "script". */
const localName = (name: string): string => (name.includes(":") ? name.slice(name.indexOf(":") + 1) : name).toLowerCase();

/** A URL as browsers read it: control characters and whitespace anywhere are dropped, case ignored. */
const urlAsRead = (value: string): string => value.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();

/** What a reference to `value` would be, if not allowed: a #fragment and an inline raster image are. */
function referenceFinding(value: string, where: string): string | undefined {
  const url = urlAsRead(value);
  if (url === "" || url.startsWith("#") || INLINE_RASTER.test(url)) return undefined;
  if (/^(?:javascript|vbscript):/.test(url)) return `a link to javascript: (${where})`;
  if (url.startsWith("data:")) return `a data: link that is no raster image (${where})`;
  return `an outside reference "${value.trim()}" (${where})`;
}

/** What CSS (a <style> element or a style attribute) reaches outside the file with. */
function cssFindings(css: string, where: string): string[] {
  const text = css.toLowerCase();
  const findings: string[] = [];
  if (text.includes("\\")) findings.push(`a CSS escape, which could hide a reference (${where})`);
  if (text.includes("@import")) findings.push(`a <style> @import (${where})`);
  if (/image-set\(|(?<![a-z-])image\(/.test(text)) findings.push(`a CSS image reference (${where})`);
  const references = [...text.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)];
  for (const match of references) {
    const finding = referenceFinding(match[2] ?? "", where);
    if (finding) findings.push(finding);
  }
  // A url( the pattern could not close is never taken for a fragment.
  if ((text.match(/url\(/g) ?? []).length > references.length) findings.push(`an unclosed CSS url( (${where})`);
  return findings;
}

function textOf(children: unknown): string {
  if (!Array.isArray(children)) return "";
  return children
    .map((child: OrderedNode) => {
      if (typeof child["#text"] === "string") return child["#text"];
      if ("#cdata" in child) return textOf(child["#cdata"]);
      return "";
    })
    .join("");
}

function nodeFindings(nodes: readonly OrderedNode[], findings: string[]): void {
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ":@");
    if (name === undefined || name === "#text" || name === "#cdata") continue;
    const children = node[name];
    if (name.startsWith("?")) {
      if (name.toLowerCase() !== "?xml") findings.push(`a processing instruction <${name}?>`);
      continue;
    }
    const element = localName(name);
    const tag = `<${name}>`;
    const attributes = Object.entries((node[":@"] ?? {}) as Record<string, string>).map(([attribute, raw]): [string, string] => [attribute, decodeReferences(String(raw))]);
    if (element === "script") findings.push(`a ${tag}`);
    else if (element === "foreignobject") findings.push(`a ${tag} (HTML inside an SVG)`);
    else if (CODE_ELEMENTS.has(element)) findings.push(`a ${tag} element`);
    if (element === "style") findings.push(...cssFindings(decodeReferences(textOf(children)), tag));
    const animated = ANIMATIONS.has(element) ? localName(attributes.find(([attribute]) => localName(attribute) === "attributename")?.[1] ?? "") : "";
    for (const [attribute, value] of attributes) {
      const where = `${attribute} on ${tag}`;
      const local = localName(attribute);
      if (local.startsWith("on")) findings.push(`an event attribute (${where})`);
      else if ((attribute === "xmlns" || attribute.startsWith("xmlns:")) && value.trim() === XHTML_NAMESPACE) findings.push(`HTML's namespace (${where})`);
      else if (URL_ATTRIBUTES.has(local)) {
        const finding = referenceFinding(value, where);
        if (finding) findings.push(finding);
      } else if (local === "style") findings.push(...cssFindings(value, where));
      else if (value.toLowerCase().includes("url(")) findings.push(...cssFindings(value, where));
      if (animated !== "" && ANIMATION_VALUES.includes(local)) {
        if (animated.startsWith("on")) findings.push(`an animation that sets an event attribute (${where})`);
        else if (URL_ATTRIBUTES.has(animated)) {
          for (const part of value.split(";")) {
            const finding = referenceFinding(part, where);
            if (finding) findings.push(finding);
          }
        }
      }
    }
    if (Array.isArray(children)) nodeFindings(children as OrderedNode[], findings);
  }
}

/** Everything in the SVG's bytes that runs code or reaches outside the file, in document order, each once; none for a safe one. */
function svgFindings(contents: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(contents);
  } catch {
    return ["bytes that are not UTF-8 text"];
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) return ["a DOCTYPE (its entities could hide what the file holds)"];
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) return [`XML that does not parse (line ${valid.err.line}: ${valid.err.msg})`];
  const findings: string[] = [];
  nodeFindings(parser.parse(text) as OrderedNode[], findings);
  return [...new Set(findings)];
}

/** "a, b and c" */
function sentenceList(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The problem for an SVG the story names as `src`, or undefined when it is safe to publish. */
export function svgProblem(src: string, contents: Uint8Array): string | undefined {
  const findings = svgFindings(contents);
  return findings.length === 0 ? undefined : `"${src}" holds ${sentenceList(findings)} (${SAFE_SVG})`;
}
