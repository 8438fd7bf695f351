/**
 * The newsroom's dateline places (_data/datelinePlaces.json), read and checked as a setting: a
 * mistake in the file is its own line, naming the file and where in it, before any story is read.
 */
import { jsonSyntaxError } from "../model/json-text.ts";
import type { Problem } from "../model/problems.ts";
import { SettingsError } from "../model/settings-error.ts";
import type { DatelinePlaces } from "./dateline.ts";

/** The file as problems name it, from the project's folder. */
export const DATELINE_PLACES_FILE = "_data/datelinePlaces.json";

const EXPECTED = 'an object of places and their zones, e.g. { "MOSCOW": "Europe/Moscow" }';

/** The places of the file's text, or a SettingsError with every problem of it. */
export function readDatelinePlaces(text: string): DatelinePlaces {
  const fileProblem = (message: string, at: { line?: number; column?: number } = {}): SettingsError =>
    new SettingsError([{ file: DATELINE_PLACES_FILE, ...at, field: "", message, code: "WD307" } satisfies Problem]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { what, ...at } = jsonSyntaxError(text, error);
    throw fileProblem(`not valid JSON: ${what} (expected ${EXPECTED})`, at);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw fileProblem(`not an object (expected ${EXPECTED})`);
  return data as DatelinePlaces;
}
