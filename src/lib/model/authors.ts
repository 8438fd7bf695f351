import { z } from "zod";
import { foldName } from "./agencies.ts";
import { addressSlug, authorUrl } from "./urls.ts";

/**
 * The people who write stories, as bylines (`by` in a story) name them. Each name is an author of
 * its own, with a page in each edition that lists their stories; a name spelt two ways ("Ann
 * Smith", "A. Smith") is one author only when the settings say so (`authors` in _data/site.ts).
 */

/** Where a writer was, after the name, as credits give it: "Tom Barton in London", "Ann Smith in Stanstead, Quebec". */
const WRITER_PLACE = /^([\p{Lu}\p{Lo}].*?\S)\s+(in\s+\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Ll}{1,3}\s+)?\p{Lu}[\p{L}\p{M}.'’-]*)*(?:,\s*\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*)*)?)$/u;
/**
 * Writers joined in one credit, commas aside (a place's region follows one): "Ann Smith and Bo
 * Li", "Иванов и Петров", "Ann Smith; Bo Li", "Ilze Kalna/Baltic Wire", "Marie Dupont with Tom
 * Barton". A "with" in small letters joins only a name, so "with additional reporting by …" is no writer.
 */
const JOINED_WRITERS = /,?\s+(?:and|And|AND|&|и|И|with(?=\s+\p{Lu})|With|WITH)\s+|\s*[;/]\s*/u;

/** The place a credit gives after a writer's name ("in London" of "Tom Barton in London"), which is no name. */
export interface WriterPlace {
  writer: string;
  place: string;
}

/**
 * A credit's writers, split where it joins them, each without the place written after the name,
 * which is returned apart: a byline's commas would otherwise make the region a name ("Ann Smith
 * in Stanstead, Quebec").
 */
export function placedWriters(credit: string): { writers: string[]; places: WriterPlace[] } {
  const places: WriterPlace[] = [];
  const writers = credit.split(JOINED_WRITERS).map((writer) => {
    const [, name, place] = WRITER_PLACE.exec(writer) ?? [];
    if (name === undefined || place === undefined) return writer;
    places.push({ writer: name, place });
    return name;
  });
  return { writers, places };
}

/**
 * The names a credit gives, read as bylines are, both when a story's `by` is checked and when an
 * agency's byline is imported: its writers (placedWriters), each list of them split at its commas.
 */
export function creditNames(credit: string): { names: string[]; places: WriterPlace[] } {
  const { writers, places } = placedWriters(credit);
  return { names: writers.flatMap((writer) => writer.split(/\s*,\s*/)).filter((name) => name !== ""), places };
}

/** The longest author name a byline holds, and the most names. */
export const MAX_AUTHOR_NAME = 80;
export const MAX_AUTHORS = 10;

const authorName = z
  .string()
  .trim()
  .min(1)
  .max(MAX_AUTHOR_NAME)
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name) && addressSlug(name) !== "");

export const authorSchema = z.strictObject({
  /** The author's name as their page and every byline's link title it. */
  name: authorName,
  /** Other spellings of the name that stories' bylines use, each one author with `name`. */
  also: z.array(authorName).default([]),
});

export type AuthorSettings = z.output<typeof authorSchema>;

export const AUTHOR_EXPECTED = `an author: { name: "Ann Smith", also: ["A. Smith"] }, each name up to ${MAX_AUTHOR_NAME} characters of one line with a letter or digit`;

/** An author as a story's byline names them. */
export interface AuthorRef {
  /** The name as the byline writes it, printed under the headline. */
  name: string;
  /** The author's name on their page, one per author: the settings' name where the settings list them, else the byline's. */
  author: string;
  slug: string;
  url: string;
}

/** Spacing and Unicode form never make a new author; every other difference does, unless the settings say so. */
const spaced = (name: string): string => name.normalize("NFC").replace(/\s+/g, " ").trim();

/** The author a byline's name is: the settings entry that lists it (blind to case and punctuation), else the name itself. */
export function authorRef(name: string, authors: readonly AuthorSettings[], editionPath: string): AuthorRef {
  const folded = foldName(name);
  const listed = authors.find((entry) => [entry.name, ...entry.also].some((each) => foldName(each) === folded));
  const author = spaced(listed?.name ?? name);
  const slug = addressSlug(author);
  return { name: spaced(name), author, slug, url: authorUrl(slug, editionPath) };
}
