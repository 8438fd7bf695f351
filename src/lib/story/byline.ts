import type { AuthorRef } from "../model/authors.ts";
import { textParts, type TextPart } from "../model/editions.ts";

/** What a byline is printed with: the edition's language, which joins the names, and its two patterns. */
export interface BylineStyle {
  lang: string;
  bylineOne: string;
  bylineMany: string;
}

/**
 * The byline under a story's headline, in its edition's words: "By Ann Smith and Bo Li", "Авторы:
 * Ann Smith и Bo Li", each name a link to its author's page, joined as the language lists names.
 * None for a story with no author: the dateline credits its agency.
 */
export function bylineParts(authors: readonly AuthorRef[], style: BylineStyle): TextPart[] {
  if (authors.length === 0) return [];
  // The list's elements come in the order given: the nth is the nth author.
  let next = 0;
  const names = new Intl.ListFormat(style.lang, { type: "conjunction" })
    .formatToParts(authors.map(({ name }) => name))
    .map(({ type, value }): TextPart => (type === "element" ? { text: value, url: authors[next++]!.url } : { text: value }));
  return textParts(authors.length === 1 ? style.bylineOne : style.bylineMany, { authors: names });
}
