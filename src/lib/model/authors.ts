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
 * Where a credit for work besides the writing starts, after the writers or as the whole credit:
 * "Tom Barton; Additional reporting by Ann Smith", "Ann Smith, with additional reporting by Bo
 * Li", "…; Editing by Cy Wu". Agencies print these as the credit line closing the story, not in
 * the byline, so the people they name are no writers of it. Only before a name, so "Ann Smith
 * with additional reporting" stays.
 */
const CONTRIBUTOR_CREDIT = /(?:^|[\s,;(]+)((?:with\s+)?(?:additional\s+)?(?:reporting|editing|edited)\s+by\s+)/giu;
const NAME_START = /^[\p{Lu}\p{Lo}]/u;

/** A name's suffix that a comma sets off and that belongs to the name before it: "Ann Smith, Jr.". */
const NAME_SUFFIX = /^(?:Jr|Sr|JR|SR)\.?$|^(?:II|III|IV)$/u;

/** A credit without its closing contributors' credits, which are returned apart, one to each of their ";"-parts. */
export function withoutContributorCredits(credit: string): { writers: string; credits: string[] } {
  for (const found of credit.matchAll(CONTRIBUTOR_CREDIT)) {
    const words = found[1] ?? "";
    const start = found.index + found[0].length - words.length;
    if (!NAME_START.test(credit.slice(start + words.length))) continue;
    const bracketed = found[0].includes("(") && credit.trimEnd().endsWith(")");
    const lines = (bracketed ? credit.trimEnd().slice(0, -1) : credit).slice(start);
    return { writers: credit.slice(0, found.index), credits: lines.split(/\s*;\s*/).filter((line) => line !== "") };
  }
  return { writers: credit, credits: [] };
}

/** A writer without the place written after the name, which is added to `places`. */
function withoutPlace(writer: string, places: WriterPlace[]): string {
  const [, name, place] = WRITER_PLACE.exec(writer) ?? [];
  if (name === undefined || place === undefined) return writer;
  places.push({ writer: name, place });
  return name;
}

/**
 * A credit's writers, split where it joins them, each without the place written after the name,
 * which is returned apart: a byline's commas would otherwise make the region a name ("Ann Smith
 * in Stanstead, Quebec"). The contributors' credits closing it ("Editing by Cy Wu") are returned
 * apart too.
 */
export function placedWriters(credit: string): { writers: string[]; places: WriterPlace[]; credits: string[] } {
  const places: WriterPlace[] = [];
  const { writers, credits } = withoutContributorCredits(credit);
  return { writers: writers.trim() === "" ? [] : writers.split(JOINED_WRITERS).map((writer) => withoutPlace(writer, places)), places, credits };
}

/**
 * The names a credit gives, read as bylines are, both when a story's `by` is checked and when an
 * agency's byline is imported: its writers (placedWriters), each list of them split at its commas,
 * a suffix kept with the name before it ("Ann Smith, Jr.") and the place after each name left out
 * ("Ann Smith in Paris, 王小明"). An "&" between words with no space beside it joins no names:
 * it is part of one ("AT&T").
 */
export function creditNames(credit: string): { names: string[]; places: WriterPlace[]; credits: string[] } {
  const { writers, places, credits } = placedWriters(credit);
  const parts = writers.flatMap((writer) => writer.split(/\s*,\s*/)).filter((part) => part !== "");
  const suffixed = parts.reduce<string[]>((names, part) => {
    const last = names.at(-1);
    return last !== undefined && NAME_SUFFIX.test(part) ? [...names.slice(0, -1), `${last}, ${part}`] : [...names, part];
  }, []);
  return { names: suffixed.map((name) => withoutPlace(name, places)), places, credits };
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
