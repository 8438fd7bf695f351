/** Characters XML 1.0 allows nowhere, even escaped: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/**
 * Text as XML character data or an attribute value. Characters XML cannot carry are dropped: a
 * stray control character pasted from a wire would otherwise make the whole document unreadable.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** An element with escaped attributes and already-escaped content; attributes left undefined are omitted. */
export function xmlElement(name: string, attributes: Readonly<Record<string, string | number | undefined>>, content?: string): string {
  const attrs = Object.entries(attributes)
    .flatMap(([key, value]) => (value === undefined ? [] : [` ${key}="${escapeXml(String(value))}"`]))
    .join("");
  return content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>`;
}

/** An element holding text, escaped. */
export function xmlText(name: string, text: string, attributes: Readonly<Record<string, string | number | undefined>> = {}): string {
  return xmlElement(name, attributes, escapeXml(text));
}
