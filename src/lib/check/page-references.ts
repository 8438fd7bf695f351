/** The URLs a page's elements or a stylesheet name, each with the offset of what holds it. */
import type { HTMLElement } from "node-html-parser";
import { srcsetCandidates } from "../model/urls.ts";
import { hasAttribute, type ParsedPage } from "./parse-page.ts";

/** A URL found in a file, with the offset of the element or CSS token that holds it. */
export interface Reference {
  url: string;
  offset: number;
  /** Set when the URL names an image the page shows (an <img>'s or <source>'s, a srcset's candidate). */
  image?: true;
}

/** Attributes holding one URL. SVG links may still use the old xlink:href. */
const URL_ATTRIBUTES = ["href", "xlink:href", "src", "poster", "action", "formaction", "cite", "data"];
/** Attributes holding a comma-separated list of image candidates. */
const SRCSET_ATTRIBUTES = ["srcset", "imagesrcset"];
/** Elements whose src is an image the page shows. */
const IMAGE_ELEMENTS = ["IMG", "SOURCE"];

export function htmlReferences(element: HTMLElement): Reference[] {
  // Most elements name no URL: their attributes' values need not be decoded to know it.
  const names = Object.keys(element.rawAttributes).map((key) => key.toLowerCase());
  if (!names.some((name) => URL_ATTRIBUTES.includes(name) || SRCSET_ATTRIBUTES.includes(name))) return [];
  const offset = element.range[0];
  // A canonical URL must be absolute: it names the page's one public address, not a copy's; so
  // must a translation's (<link rel="alternate" hreflang>), which names the other's.
  const rel = element.tagName === "LINK" ? (element.getAttribute("rel") ?? "") : "";
  const canonical = /(^|\s)canonical(\s|$)/i.test(rel) || (/(^|\s)alternate(\s|$)/i.test(rel) && element.getAttribute("hreflang") !== undefined);
  const imageElement = IMAGE_ELEMENTS.includes(element.tagName);
  return Object.entries(element.attributes).flatMap(([key, value]): Reference[] => {
    const name = key.toLowerCase();
    if (canonical && name === "href") return [];
    if (imageElement && name === "src") return [{ url: value, offset, image: true }];
    if (URL_ATTRIBUTES.includes(name)) return [{ url: value, offset }];
    if (SRCSET_ATTRIBUTES.includes(name)) return srcsetCandidates(value).map(({ url }) => ({ url, offset, image: true }));
    return [];
  });
}

/** url(...) and @import "..." in a stylesheet; comments are blanked first, keeping offsets. */
export function cssReferences(css: string): Reference[] {
  const code = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  const pattern = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  return [...code.matchAll(pattern)].map((match) => ({
    url: match.slice(1).find((group) => group !== undefined) ?? "",
    offset: match.index,
  }));
}

/** The ids (and a[name]s) a #fragment may name in a parsed page: what [id] and a[name] select. */
export function anchorsOf({ elements }: ParsedPage): string[] {
  const ids = elements.filter((element) => hasAttribute(element, "id")).map((element) => element.id);
  const names = elements.filter((element) => element.tagName === "A").flatMap((element) => element.getAttribute("name") ?? []);
  return [...new Set([...ids, ...names])];
}
