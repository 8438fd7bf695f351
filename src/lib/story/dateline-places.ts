/**
 * The newsroom's dateline places (_data/datelinePlaces.json), read and checked as a setting: a
 * mistake in the file is its own line, naming the file and where in it, before any story is read.
 * A misspelt zone would otherwise pass as no entry at all, and a place given twice would silently
 * take one of its zones.
 */
import { isKnownZone } from "../model/dates.ts";
import { jsonSyntaxError, lineAndColumn } from "../model/json-text.ts";
import type { Problem } from "../model/problems.ts";
import { SettingsError } from "../model/settings-error.ts";
import { placeKey, type DatelinePlaces } from "./dateline.ts";
import { nearestName } from "./nearest-name.ts";

/** The file as problems name it, from the project's folder. */
export const DATELINE_PLACES_FILE = "_data/datelinePlaces.json";

const EXPECTED = 'an object of places and their zones, e.g. { "MOSCOW": "Europe/Moscow" }';

/** Each place as written, with its line, in the file's order: JSON.parse keeps one of two. Places are written one a line, as the file is. */
function writtenPlaces(text: string): { place: string; line: number }[] {
  return [...text.matchAll(/^[ \t]*("(?:[^"\\\n]|\\.)*")[ \t]*:/gm)].map((match) => ({ place: JSON.parse(match[1]!) as string, line: lineAndColumn(text, match.index).line }));
}

/** A place's zone that is no zone: what was written, and the real zone it most likely meant. */
function zoneProblem(zone: unknown): string | undefined {
  if (typeof zone === "string" && isKnownZone(zone)) return undefined;
  const meant = typeof zone === "string" ? nearestName(zone, Intl.supportedValuesOf("timeZone")) : undefined;
  return `got ${JSON.stringify(zone)}, which is no time zone${meant === undefined ? "" : `; did you mean ${meant}?`} (expected an IANA zone, Area/City, such as Europe/London)`;
}

/** The places of the file's text, or a SettingsError with every problem of it. */
export function readDatelinePlaces(text: string): DatelinePlaces {
  const fileProblem = (message: string, at: { line?: number; column?: number } = {}): SettingsError =>
    new SettingsError([{ file: DATELINE_PLACES_FILE, ...at, field: "", message, code: "WD307" }]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { what, ...at } = jsonSyntaxError(text, error);
    throw fileProblem(`not valid JSON: ${what} (expected ${EXPECTED})`, at);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw fileProblem(`not an object (expected ${EXPECTED})`);
  const written = writtenPlaces(text);
  const problems: Problem[] = [];
  // A story's place is found blind to case, accents and spacing, so "Moscow" after "MOSCOW" is the same place again.
  const first = new Map<string, { place: string; line: number }>();
  for (const { place, line } of written) {
    const earlier = first.get(placeKey(place));
    if (earlier === undefined) first.set(placeKey(place), { place, line });
    else {
      const as = earlier.place === place ? "" : ` as ${JSON.stringify(earlier.place)}`;
      problems.push({ file: DATELINE_PLACES_FILE, line, field: place, message: `given twice, first on line ${earlier.line}${as} (expected each place once: keep the zone you mean)`, code: "WD317" });
    }
  }
  for (const [place, zone] of Object.entries(data)) {
    const message = zoneProblem(zone);
    // JSON.parse keeps a place's last zone, so that is the line named.
    const line = written.findLast((entry) => entry.place === place)?.line;
    if (message !== undefined) problems.push({ file: DATELINE_PLACES_FILE, ...(line === undefined ? {} : { line }), field: place, message, code: "WD303" });
  }
  if (problems.length > 0) throw new SettingsError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  return data as DatelinePlaces;
}
