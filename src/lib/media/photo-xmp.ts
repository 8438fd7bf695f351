import type { PhotoRights } from "../model/photo-rights.ts";

/** What a published photo file carries of its story's words: its credit, alt text and caption, and its rights. */
export interface PhotoFileWords extends PhotoRights {
  credit: string;
  alt?: string;
  caption?: string;
}

/** Text as XML element content or an attribute value: an ampersand or `<` in a credit stays a character. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => XML_ESCAPES[char] ?? char);
}

const XML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

const NAMESPACES: Readonly<Record<string, string>> = {
  dc: "http://purl.org/dc/elements/1.1/",
  photoshop: "http://ns.adobe.com/photoshop/1.0/",
  xmpRights: "http://ns.adobe.com/xap/1.0/rights/",
  plus: "http://ns.useplus.org/ldf/xmp/1.0/",
  Iptc4xmpCore: "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
};

/** A property of one value. */
const simple = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
/** A property XMP writes as a language alternative: the value in the default language. */
const langAlt = (name: string, value: string) => `<${name}><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt></${name}>`;
/** A property XMP writes as an ordered list, here of one value. */
const seq = (name: string, value: string) => `<${name}><rdf:Seq><rdf:li>${escapeXml(value)}</rdf:li></rdf:Seq></${name}>`;

/**
 * The photo's words as an XMP packet in the IPTC Photo Metadata standard, for sharp's `withXmp`:
 * photoshop:Credit (the credit line), dc:creator (the photographer, else the credit's agency),
 * dc:rights (the copyright notice), xmpRights:UsageTerms, xmpRights:WebStatement (the licence's
 * terms), plus:Licensor with its plus:LicensorURL (where to licence it, and the agency by name),
 * dc:description (the caption) and Iptc4xmpCore:AltTextAccessibility (the alt text). Fields not
 * known are left out. Importers read it back (see import/photo-metadata.ts).
 */
export function photoXmp(words: PhotoFileWords): string {
  const creator = words.creator ?? words.agency;
  const licensor =
    words.licensePage === undefined
      ? undefined
      : `<plus:Licensor><rdf:Seq><rdf:li rdf:parseType="Resource">${words.agency === undefined ? "" : simple("plus:LicensorName", words.agency)}${simple("plus:LicensorURL", words.licensePage)}</rdf:li></rdf:Seq></plus:Licensor>`;
  const properties = [
    simple("photoshop:Credit", words.credit),
    creator === undefined ? undefined : seq("dc:creator", creator),
    words.copyright === undefined ? undefined : langAlt("dc:rights", words.copyright),
    words.usageTerms === undefined ? undefined : langAlt("xmpRights:UsageTerms", words.usageTerms),
    words.license === undefined ? undefined : simple("xmpRights:WebStatement", words.license),
    licensor,
    words.caption === undefined ? undefined : langAlt("dc:description", words.caption),
    words.alt === undefined ? undefined : langAlt("Iptc4xmpCore:AltTextAccessibility", words.alt),
  ].filter((property) => property !== undefined);
  const xmlns = Object.entries(NAMESPACES)
    .map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`)
    .join("");
  return (
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>` +
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about=""${xmlns}>${properties.join("")}</rdf:Description>` +
    `</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`
  );
}
