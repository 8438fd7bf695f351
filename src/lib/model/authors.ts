import { z } from "zod";
import { foldName } from "./agencies.ts";
import { addressSlug, authorUrl } from "./urls.ts";

/**
 * The people who write stories, as bylines (`by` in a story) name them. Each name is an author of
 * its own, with a page in each edition that lists their stories; a name spelt two ways ("Ann
 * Smith", "A. Smith") is one author only when the settings say so (`authors` in _data/site.ts).
 */

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
