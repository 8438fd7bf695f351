import { decodeReferences } from "./html-entities.ts";
import { htmlText, ignoredNote, oneLine } from "./wire-fields.ts";
import type { ItemNote } from "./wire-item.ts";

/**
 * What the tools that publish web feeds (RSS, Atom, JSON Feed) end an item with, which is the
 * tool's, not the story's:
 * - closing an excerpt: a link to the item's own page, whatever its words ("Read more",
 *   "Weiterlesen"), as the excerpt's own words never link the page they stand for; and
 *   WordPress's written forms ("Read more »", "Continue reading →", "[Read more]", "[…]");
 * - closing the text: Yoast SEO's line, which links the post and the site ("The post <a>…</a>
 *   appeared first on <a>…</a>."), and a label and a link to the item's own page, as this
 *   project's own feeds and many others end theirs ("Read this story online: <a>…</a>").
 * Only these forms, and only at the very end, so no sentence of the story is lost: a lead ending
 * "… and read more", or a last paragraph saying something "appeared first on Monday" or linking
 * another page, is the story's. Each taken off is named.
 */

const EXCERPT_END = /(?:\s*(\[(?:…|\.\.\.|Read [Mm]ore|Continue reading)\])|\s+((?:Read [Mm]ore|Continue reading)\s*(?:[»→…]|\.\.\.)))$/u;
const LAST_PARAGRAPH = /<p\b[^>]*>((?:(?!<\/?p\b)[^])*)<\/p>\s*$/i;
const LINK = String.raw`<a\b[^>]*\bhref\s*=[^>]*>(?:(?!<\/?a\b)[^])+<\/a>`;
const APPEARED_FIRST = new RegExp(String.raw`^\s*The post\s+${LINK}\s+appeared first on\s+${LINK}\.\s*$`, "iu");
/** A link closing an excerpt's HTML: nothing after it but closing tags and space. */
const CLOSING_LINK = /<a\b([^>]*)>((?:(?!<\/?a\b)[^])*)<\/a>((?:\s|<\/[a-z][a-z\d]*\s*>)*)$/i;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
/** A label before a closing link: a few words and a colon, no sentence ("Read this story online:", "Читать онлайн:"). */
const LINK_LABEL = /^[^.!?:]{1,60}:$/u;

const toolNote = (path: string, words: string): ItemNote => ignoredNote(path, `${JSON.stringify(words)} at its end: added by the tool that published the feed, not the story's words`);

/** An address as a page: without its #fragment or a closing slash, so ".../story/" and ".../story" are one. */
const pageOf = (address: string): string => address.trim().replace(/#.*$/, "").replace(/\/+$/, "");

/** The item's own pages (`ownPages`: its link, its id, some of which may be missing), as pageOf gives them. */
const pagesOf = (ownPages: readonly (string | undefined)[]): Set<string> => new Set(ownPages.flatMap((page) => (page === undefined || page.trim() === "" ? [] : [pageOf(page)])));

/** The link closing `html`, if it names one of `pages`: its words, and the HTML before it and after it (closing tags). */
function closingOwnLink(html: string, pages: ReadonlySet<string>): { before: string; words: string; after: string } | undefined {
  const end = CLOSING_LINK.exec(html);
  const href = end && HREF.exec(end[1] ?? "");
  const target = href && pageOf(decodeReferences(href[1] ?? href[2] ?? href[3] ?? ""));
  if (!end || !target || !pages.has(target)) return undefined;
  return { before: html.slice(0, end.index), words: oneLine(htmlText(end[2] ?? "")), after: end[3] ?? "" };
}

/** A lead without WordPress's written close of an excerpt, and the note naming it. */
export function withoutExcerptEnd(lead: string, path: string): { lead: string; notes: ItemNote[] } {
  const end = EXCERPT_END.exec(lead);
  if (!end || end.index === 0) return { lead, notes: [] };
  return { lead: lead.slice(0, end.index), notes: [toolNote(path, end[1] ?? end[2] ?? "")] };
}

/** An excerpt's HTML as the lead's plain text, without the tool's close; an excerpt that is only a link to its page keeps it. */
export function excerptLead(html: string, ownPages: readonly (string | undefined)[], path: string): { lead: string; notes: ItemNote[] } {
  const closing = closingOwnLink(html, pagesOf(ownPages));
  const before = closing ? oneLine(htmlText(closing.before)) : "";
  if (!closing || before === "") return withoutExcerptEnd(oneLine(htmlText(html)), path);
  const shortened = withoutExcerptEnd(before, path);
  return { lead: shortened.lead, notes: [toolNote(path, closing.words), ...shortened.notes] };
}

/** A text's HTML without the tool's closing paragraph (Yoast's, or a label and a link to the item's page), and the note naming it; a text that is only that paragraph keeps it. */
export function withoutToolsClose(html: string, ownPages: readonly (string | undefined)[], path: string): { html: string; notes: ItemNote[] } {
  const last = LAST_PARAGRAPH.exec(html);
  const paragraph = last?.[1] ?? "";
  const closing = closingOwnLink(paragraph, pagesOf(ownPages));
  const labelled = closing !== undefined && closing.after.trim() === "" && LINK_LABEL.test(oneLine(htmlText(closing.before)));
  if (!last || !(APPEARED_FIRST.test(paragraph) || labelled) || oneLine(htmlText(html.slice(0, last.index))) === "") return { html, notes: [] };
  return { html: html.slice(0, last.index).trimEnd(), notes: [toolNote(path, oneLine(htmlText(paragraph)))] };
}
