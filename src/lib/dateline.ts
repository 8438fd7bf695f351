import cityTimezones from "city-timezones";
import { formatDatelineDay, isKnownZone, type StoryDate } from "./dates.ts";

/** Newsroom spellings of dateline places, upper-cased, mapped to IANA zones (from `_data/datelinePlaces.json`). */
export type DatelinePlaces = Readonly<Record<string, string>>;

export type ZoneResult = { ok: true; zone: string } | { ok: false; problem: string };

/** Folds case, accents and spacing, so "SÃO PAULO" finds "Sao Paulo". */
function placeKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim().toLowerCase();
}

let gazetteer: Map<string, string> | undefined;

/** The gazetteer's zone for each city name; where names repeat, the most populous city wins. */
function gazetteerZones(): Map<string, string> {
  if (gazetteer) return gazetteer;
  const best = new Map<string, { pop: number; zone: string }>();
  for (const city of cityTimezones.cityMapping) {
    for (const name of new Set([placeKey(city.city), placeKey(city.city_ascii)])) {
      const known = best.get(name);
      if (!known || city.pop > known.pop) best.set(name, { pop: city.pop, zone: city.timezone });
    }
  }
  gazetteer = new Map([...best].map(([name, { zone }]) => [name, zone]));
  return gazetteer;
}

/**
 * The zone a dateline's calendar day is read in: an explicit `timezone` wins, then the newsroom's
 * own table (which settles ambiguous names such as WASHINGTON), then the city gazetteer.
 */
export function resolveDatelineZone(place: string, explicitZone: string | undefined, places: DatelinePlaces): ZoneResult {
  if (explicitZone !== undefined) return { ok: true, zone: explicitZone };
  const key = placeKey(place);
  const listed = Object.entries(places).find(([name]) => placeKey(name) === key)?.[1];
  const zone = listed ?? gazetteerZones().get(key);
  if (zone !== undefined && isKnownZone(zone)) return { ok: true, zone };
  return {
    ok: false,
    problem:
      `no time zone is known for the dateline place "${place}" ` +
      "(expected a timezone field with an IANA name such as Europe/Moscow, or the place added to _data/datelinePlaces.json)",
  };
}

/** The dateline as the wire prints it, e.g. "MOSCOW, September 2 (Itar-Tass) -". */
export function formatDateline(place: string, date: StoryDate, source: string): string {
  return `${place}, ${formatDatelineDay(date)} (${source}) -`;
}
