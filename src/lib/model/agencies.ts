import { z } from "zod";
import { editorFieldName, type Problem, type ProblemCode } from "./problems.ts";

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

export const agencySchema = z.strictObject({
  /** The agency's name; the first of its names, and the one its stories' identity is made from. */
  name: agencyName,
  /** Its other names and short forms, each as a story's `source` would write it. */
  also: z.array(agencyName).default([]),
  /** Its items without a lead, when not as the site's `withoutLead` says. */
  withoutLead: withoutLeadSchema.optional(),
});

export type Agency = z.output<typeof agencySchema>;

export const AGENCY_EXPECTED = `an agency: { name: "Associated Press", also: ["AP"] }, each name up to ${MAX_AGENCY_NAME} characters with a letter or digit and no parentheses or slashes, and optionally withoutLead: "hold" or "publish"`;

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
