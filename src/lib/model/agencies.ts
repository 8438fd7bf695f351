import { z } from "zod";
import { editorFieldName, problemCodeParams, type Problem, type ProblemCode } from "./problems.ts";
import { isWebAddress } from "./urls.ts";

/**
 * The news agencies the newsroom takes copy from, as the settings list them (`agencies` in
 * _data/site.ts): each a name and the other names its datelines and feeds use ("AP" and
 * "Associated Press", "Itar-Tass" and "ИТАР-ТАСС"). A typed dateline is recognised by these
 * names, and a story's `source` is written as they spell it.
 */

/** Case-, accent-, space- and punctuation-blind: "ITAR-TASS" and "Itar-Tass" are one name. */
export function foldName(name: string): string {
  return name.normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
}

/** The longest agency name a dateline holds between its parentheses or slashes. */
const MAX_AGENCY_NAME = 40;

/** A name as a dateline prints it: "(Press Trust of India)", "/ИТАР-ТАСС/". */
const agencyName = z
  .string()
  .trim()
  .min(1)
  .max(MAX_AGENCY_NAME)
  .refine((name) => !/[()/\n]/.test(name) && foldName(name) !== "");

/**
 * What the importer does with an item that comes without a lead: hold it as a draft for an editor
 * to write one, or publish it with no standfirst (described by its text's first sentence).
 */
export const WITHOUT_LEAD = ["hold", "publish"] as const;
export type WithoutLead = (typeof WITHOUT_LEAD)[number];
export const withoutLeadSchema = z.enum(WITHOUT_LEAD);

/** One line of the agency's words, as its photos carry them. */
const rightsText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value));

/** An address a photo's rights point to; anything else would be a dead link in every photo file. */
const rightsAddress = (what: string) =>
  z
    .string()
    .trim()
    .refine(isWebAddress, { error: (issue) => `got ${JSON.stringify(issue.input)} (expected ${what}, a full address starting https://)`, params: problemCodeParams("WD315") });

/**
 * The rights an agency's photos carry unless a story says otherwise (see photo-rights.ts): a
 * desk writes them once here rather than on every story whose photo credit names the agency.
 */
const agencyPhotoRightsSchema = z.strictObject({
  /** The copyright notice, as the agency words it: "© The Associated Press". */
  copyright: rightsText(300).optional(),
  /** The agency's terms of use: "Editorial use only". */
  usageTerms: rightsText(1000).optional(),
  /** The address of the licence's terms. */
  license: rightsAddress("the address of the licence's terms").optional(),
  /** The address where a reader can licence the photo. */
  licensePage: rightsAddress("the address where a reader can licence the agency's photos").optional(),
});

export const PHOTO_RIGHTS_EXPECTED =
  'the rights of the agency\'s photos: { copyright: "© The Associated Press", usageTerms: "Editorial use only", license: "https://…", licensePage: "https://…" }, each optional, one line each (copyright up to 300 characters, usageTerms up to 1000), the two addresses full https:// addresses';

export const agencySchema = z.strictObject({
  /** The agency's name; the first of its names, and the one its stories' identity is made from. */
  name: agencyName,
  /** Its other names and short forms, each as a story's `source` would write it. */
  also: z.array(agencyName).default([]),
  /** Its items without a lead, when not as the site's `withoutLead` says. */
  withoutLead: withoutLeadSchema.optional(),
  /** The rights of the photos whose credit names it, when a story does not give them. */
  photoRights: agencyPhotoRightsSchema.optional(),
});

export type Agency = z.output<typeof agencySchema>;

export const AGENCY_EXPECTED = `an agency: { name: "Associated Press", also: ["AP"] }, each name up to ${MAX_AGENCY_NAME} characters with a letter or digit and no parentheses or slashes, and optionally withoutLead: "hold" or "publish" and photoRights`;

/** An agency the settings list, and the one of its names that was found, as the settings write it. */
export interface KnownAgency {
  agency: Agency;
  name: string;
}

const namesOf = (agency: Agency): string[] => [agency.name, ...agency.also];

/** The listed agency `name` is one of ("ITAR-TASS" finds TASS as "Itar-Tass"), blind to case and punctuation. */
export function findAgency(name: string, agencies: readonly Agency[]): KnownAgency | undefined {
  const folded = foldName(name);
  if (folded === "") return undefined;
  for (const agency of agencies) {
    const found = namesOf(agency).find((each) => foldName(each) === folded);
    if (found !== undefined) return { agency, name: found };
  }
  return undefined;
}

/** A text's words, case-, accent- and punctuation-blind, in order: "Photo EPA/ITAR-TASS" is photo, epa, itar, tass. */
function foldedWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map(foldName)
    .filter((word) => word !== "");
}

/**
 * The listed agency a photo credit names, as whole words ("AP Photo/Evan Vucci" names AP, never
 * "Apple"); of two, the one named first ("AFP via Getty Images" is AFP's, "Photo EPA/ITAR-TASS"
 * TASS's when EPA is not listed), as credits name the photo's agency before its photographer or
 * its distributor.
 */
export function agencyInCredit(credit: string, agencies: readonly Agency[]): KnownAgency | undefined {
  const words = foldedWords(credit);
  let found: { known: KnownAgency; at: number; length: number } | undefined;
  for (const agency of agencies) {
    for (const name of namesOf(agency)) {
      const nameWords = foldedWords(name);
      if (nameWords.length === 0) continue;
      const at = words.findIndex((_, start) => nameWords.every((word, index) => words[start + index] === word));
      if (at === -1) continue;
      if (found === undefined || at < found.at || (at === found.at && nameWords.length > found.length)) found = { known: { agency, name }, at, length: nameWords.length };
    }
  }
  return found?.known;
}

/** What becomes of an item from `source` that has no lead: the listed agency's own rule, else the site's. */
export function withoutLeadFor(source: string | undefined, agencies: readonly Agency[], siteRule: WithoutLead): WithoutLead {
  return (source === undefined ? undefined : findAgency(source, agencies)?.agency.withoutLead) ?? siteRule;
}

/** True when two names are one agency: the same name, or two names of one listed agency. */
export function isSameAgency(a: string, b: string, agencies: readonly Agency[]): boolean {
  const folded = foldName(a);
  if (folded === "") return false;
  if (folded === foldName(b)) return true;
  const known = findAgency(a, agencies);
  return known !== undefined && findAgency(b, agencies)?.agency === known.agency;
}

/**
 * Names two entries of a settings list share (or one entry twice), blind to case and punctuation:
 * two agencies would make a dateline's agency ambiguous, two authors a byline's author. One
 * problem each, at the entry (`agencies.2`) in `file`; `kind` names what the list holds.
 */
export function nameListProblems(
  entries: readonly { name: string; also: readonly string[] }[],
  { file, list, kind, code }: { file: string; list: string; kind: string; code: ProblemCode },
): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  entries.forEach((entry, index) => {
    for (const name of [entry.name, ...entry.also]) {
      const folded = foldName(name);
      const earlier = seen.get(folded);
      if (earlier === undefined) seen.set(folded, index);
      else {
        const other = earlier === index ? "twice in this entry" : `also a name of ${editorFieldName(`${list}.${earlier}`)}`;
        problems.push({ file, field: `${list}.${index}`, message: `got ${JSON.stringify(name)} (expected a name no other ${kind} has, written once: it is ${other})`, code });
      }
    }
  });
  return problems;
}
