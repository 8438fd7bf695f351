/**
 * The URLs markup links with, each rewritten by a rule the caller gives: made relative to its page
 * (see pageLinkUrl), or absolute for a feed read away from the site. Done without parsing the
 * markup into a tree and printing it again: a tenth of rendering a page went on that. The
 * templates and markdown-it write every attribute in double quotes, and nothing that is not markup
 * holds a `<`: text and attribute values are escaped, and JSON-LD escapes it too.
 */
import { srcsetCandidates } from "../model/urls.ts";

/** The elements' attributes that hold a URL, as Eleventy's HTML transformer has them; srcset holds several. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  area: ["href"],
  audio: ["src"],
  base: ["href"],
  blockquote: ["cite"],
  button: ["formaction"],
  del: ["cite"],
  embed: ["src"],
  form: ["action"],
  iframe: ["src"],
  img: ["src", "srcset"],
  input: ["formaction", "src"],
  ins: ["cite"],
  link: ["href"],
  object: ["data"],
  q: ["cite"],
  script: ["src"],
  source: ["src", "srcset"],
  track: ["src"],
  video: ["poster", "src"],
};

const START_TAG = /<([a-zA-Z][a-zA-Z0-9]*)(\s[^>]*)>/g;
const ATTRIBUTE = /(\s)([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/g;

/** A srcset's candidates ("a.jpg 320w, b.jpg 640w"), each URL rewritten, its descriptors kept. */
function rewriteSrcset(srcset: string, rewrite: (url: string) => string): string {
  return srcsetCandidates(srcset)
    .map(({ url, descriptors }) => [rewrite(url), ...descriptors].join(" "))
    .join(", ");
}

export function rewriteMarkupLinks(html: string, rewrite: (url: string) => string): string {
  return html.replace(START_TAG, (tag, name: string, attributes: string) => {
    const urlAttributes = URL_ATTRIBUTES[name.toLowerCase()];
    if (!urlAttributes) return tag;
    const rewritten = attributes.replace(ATTRIBUTE, (attribute, space: string, attributeName: string, value: string) => {
      const lower = attributeName.toLowerCase();
      if (!urlAttributes.includes(lower)) return attribute;
      return `${space}${attributeName}="${lower === "srcset" ? rewriteSrcset(value, rewrite) : rewrite(value)}"`;
    });
    return `<${name}${rewritten}>`;
  });
}
