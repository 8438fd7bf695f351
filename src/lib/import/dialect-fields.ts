import { z } from "zod";
import { problemCodeParams, zodProblems, type FieldProblem, type ZodProblemRules } from "../model/problems.ts";
import { nearestName } from "../story/nearest-name.ts";
import { describeJson, isPlainObject } from "./ninjs-schema.ts";
import type { ItemNote, RefusedItem, WireItem, WirePhoto, WireProblem, WireRead, WireTime } from "./wire-item.ts";
import { readWireTime, WIRE_TIME_FORMS } from "./wire-time.ts";

/**
 * What the readers of producers' JSON dialects (Superdesk's ninjs, dpa digitalwires, the AP Media
 * API) share. A dialect is read leniently: a property the reader does not know, or a value of the
 * wrong kind, is a warning on the item and left out; only what the story cannot do without (its
 * id, headline, text and publishing status) refuses the item.
 */

type Key = string | number;

/** A place in a delivered file as its readers name it: `data.item.headline`, `[2].associations[0].renditions[1].url`. */
export function jsonPath(base: string, ...keys: readonly Key[]): string {
  return keys.reduce<string>((path, key) => {
    if (typeof key === "number") return `${path}[${key}]`;
    if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
    return path === "" ? key : `${path}.${key}`;
  }, base);
}

// Schema parts every dialect uses.

/** Text, or a number written where text was expected (producers number versions either way). */
export const textOrNumber = z.union([z.string(), z.number()], { error: "text or a number" }).transform(String);

/** A time as the producer wrote it, read without Date.parse. */
export const wireTime = z.string().transform((value, context): WireTime => {
  const time = readWireTime(value);
  if (time !== undefined) return time;
  context.issues.push({ code: "custom", input: value, message: `${describeJson(value)} is not a date or time (expected ${WIRE_TIME_FORMS})`, params: problemCodeParams("WD208") });
  return z.NEVER;
});

export const pubStatus = z.enum(["usable", "withheld", "canceled"]);

/** An urgency or priority as producers number it: a whole number, sometimes sent as text ("3"). */
const WHOLE_NUMBER = "a whole number";
export const urgencyNumber = z.union([z.int(), z.string().regex(/^\s*\d+\s*$/, { error: WHOLE_NUMBER })], { error: WHOLE_NUMBER }).transform(Number);

// Reading leniently.

/**
 * The delivered value without its null properties: producers write null for "not given". A null
 * in a list stays, so every element keeps the index the file gives it.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, each]) => (each === null ? [] : [[key, withoutNulls(each)]])));
}

function valueAt(value: unknown, keys: readonly PropertyKey[]): unknown {
  return keys.reduce<unknown>((at, key) => (isPlainObject(at) || Array.isArray(at) ? (at as Record<PropertyKey, unknown>)[key] : undefined), value);
}

const EXPECTED_TYPES: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  array: "a list",
  object: "an object",
  boolean: "true or false",
};

/** A schema's complaint as the importer words it: what was got, and what was expected. */
function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === "invalid_type") return `got ${describeJson(input)} (expected ${EXPECTED_TYPES[issue.expected] ?? issue.expected})`;
  if (issue.code === "invalid_value") return `got ${describeJson(input)} (expected one of ${issue.values.map(String).join(", ")})`;
  // The schema's unions and patterns carry what they expect as their message.
  if (issue.code === "invalid_union" || issue.code === "invalid_format") return `got ${describeJson(input)} (expected ${issue.message})`;
  return issue.message;
}

/** Removes the values at the given places: array elements by index (last first), object properties by name. */
function removeAt(root: unknown, places: readonly (readonly PropertyKey[])[]): boolean {
  let removed = false;
  const fromArrays: { array: unknown[]; index: number }[] = [];
  for (const place of places) {
    const parent = valueAt(root, place.slice(0, -1));
    const key = place[place.length - 1];
    if (Array.isArray(parent) && typeof key === "number" && key < parent.length) fromArrays.push({ array: parent, index: key });
    else if (isPlainObject(parent) && key !== undefined && Object.hasOwn(parent, key)) {
      delete parent[key as string];
      removed = true;
    }
  }
  for (const { array, index } of fromArrays.sort((a, b) => b.index - a.index)) {
    array.splice(index, 1);
    removed = true;
  }
  return removed;
}

export interface LenientRead<Output> {
  data: Output;
  /** Values left out, one note each: `urgency: warning: ignored: got "high" (expected a whole number) [WD210]`. */
  warnings: ItemNote[];
  /** Values the story needs that were of the wrong kind. */
  problems: FieldProblem[];
}

/**
 * The value read by a schema whose every property is optional: each value the schema refuses is
 * left out and named, as a problem when it sits under one of the `essential` top-level
 * properties, else as a warning. Undefined when the value is not an object at all.
 */
export function readLeniently<Schema extends z.ZodType<object>>(
  schema: Schema,
  value: unknown,
  base: string,
  essential: readonly string[] = [],
): LenientRead<z.output<Schema>> | undefined {
  if (!isPlainObject(value)) return undefined;
  // Nulls are dropped into a new value, so the delivered one is never changed.
  const working = withoutNulls(value);
  const read: LenientRead<z.output<Schema>> = { data: {} as z.output<Schema>, warnings: [], problems: [] };
  // Each pass leaves out what the schema refused; a value holds a bounded number of places.
  for (;;) {
    const result = schema.safeParse(working);
    if (result.success) return { ...read, data: result.data };
    const places = result.error.issues.map((issue) => issue.path);
    const worded = result.error.issues.map((issue) => ({ ...issue, message: issueMessage(issue, valueAt(working, issue.path)) }));
    const rules: ZodProblemRules = { missing: "WD206", wrong: "WD207", fieldName: (keys) => jsonPath(base, ...keys.map((key) => (typeof key === "number" ? key : String(key)))) };
    for (const [index, problem] of zodProblems(worded, working, [], rules).entries()) {
      if (essential.includes(String(worded[index]?.path[0]))) read.problems.push(problem);
      else read.warnings.push({ field: problem.field, message: `warning: ignored: ${problem.message}`, code: "WD210" });
    }
    if (!removeAt(working, places)) return undefined;
  }
}

/** A warning for each property of `object` the dialect does not define, with the name it most likely meant. */
export function unknownProperties(object: unknown, known: readonly string[], base: string, dialect: string): ItemNote[] {
  if (!isPlainObject(object)) return [];
  return Object.keys(object)
    .filter((name) => !known.includes(name))
    .map((name) => {
      const near = nearestName(name, known);
      const message = `warning: ignored: not a property of ${dialect}${near ? `; did you mean ${near}?` : ""}`;
      return { field: jsonPath(base, name), message, code: near ? "WD209" : "WD210" };
    });
}

// What dialects say alike.

/** IPTC's correction signal, as a code ("correction") or QCode ("sig:correction"). */
export const isCorrectionSignal = (code: string | undefined): boolean => /^(?:sig:)?correction$/i.test(code?.trim() ?? "");

/** Text with its ends trimmed, undefined when nothing is left. */
export const given = (text: string | undefined): string | undefined => (text === undefined || text.trim() === "" ? undefined : text.trim());

/** A rendition of a picture, with the place that names its address. */
export interface Rendition {
  href: string;
  path: string;
  width?: number;
  height?: number;
  mimetype?: string;
}

/** The largest image rendition by area; one without a size counts as smallest, a non-image is passed over. */
function largestImage(renditions: readonly Rendition[]): Rendition | undefined {
  const area = ({ width, height }: Rendition) => (width !== undefined && height !== undefined ? width * height : -1);
  return renditions
    .filter((rendition) => rendition.mimetype === undefined || rendition.mimetype.trim().toLowerCase().startsWith("image/"))
    .reduce<Rendition | undefined>((best, each) => (best === undefined || area(each) > area(best) ? each : best), undefined);
}

/** The picture from its largest rendition and the producer's words for it; undefined without a rendition to take. */
export function photoFrom(renditions: readonly Rendition[], words: Omit<WirePhoto, "href" | "path">): WirePhoto | undefined {
  const largest = largestImage(renditions);
  if (largest === undefined) return undefined;
  // A word given empty is no word.
  const said = Object.fromEntries(Object.entries(words).filter(([, text]) => typeof text === "string" && text !== ""));
  return { href: largest.href, path: largest.path, ...said };
}

/** What reading one item gave: the item, or the problems that refused it with what could still be read of it. */
export type ItemRead = { item: WireItem } | { problems: WireProblem[]; found?: RefusedItem["found"] };

/** The items of a delivery and the problems of those refused, in the file's order. */
export function collectItems(reads: readonly ItemRead[]): WireRead {
  const read: WireRead = { items: [], problems: [], refused: [] };
  for (const [itemIndex, each] of reads.entries()) {
    if ("item" in each) read.items.push(each.item);
    else if (each.found) read.refused?.push({ problems: each.problems, found: each.found });
    else read.problems.push(...each.problems.map((problem) => (reads.length > 1 ? { ...problem, itemIndex } : problem)));
  }
  return read;
}
