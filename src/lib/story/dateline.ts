import cityTimezones from "city-timezones";
import { canonicalZone, formatDatelineDay, isKnownZone, type StoryDate } from "../model/dates.ts";
import { fillPattern } from "../model/editions.ts";
import { regionOf } from "./dateline-regions.ts";

/** Newsroom spellings of dateline places, upper-cased, mapped to IANA zones (from `_data/datelinePlaces.json`). */
export type DatelinePlaces = Readonly<Record<string, string>>;

export type ZoneResult = { ok: true; zone: string } | { ok: false; problem: string };

/** Folds case, accents and spacing, so "SÃO PAULO" finds "Sao Paulo". */
export function placeKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** A city the gazetteer knows, as a candidate for a dateline place. */
interface GazetteerCity {
  name: string;
  /** The province or state, when the gazetteer names one. */
  region?: string;
  country: string;
  zone: string;
  population: number;
}

interface Gazetteer {
  /** Cities by folded name (their own spelling and the ASCII one), most populous first. */
  byName: Map<string, GazetteerCity[]>;
  /** Cities by the folded names of the regions they are in: country, its ISO codes, province or state and its code. */
  byRegion: Map<string, GazetteerCity[]>;
}

let gazetteer: Gazetteer | undefined;

function addTo(index: Map<string, GazetteerCity[]>, keys: Iterable<string>, city: GazetteerCity): void {
  for (const key of keys) {
    const cities = index.get(key);
    if (cities) cities.push(city);
    else index.set(key, [city]);
  }
}

/** The gazetteer, indexed on first use. */
function gazetteerCities(): Gazetteer {
  if (gazetteer) return gazetteer;
  const byName = new Map<string, GazetteerCity[]>();
  const byRegion = new Map<string, GazetteerCity[]>();
  for (const city of cityTimezones.cityMapping) {
    // A few rows have no zone at all.
    if (typeof city.timezone !== "string") continue;
    const region = typeof city.province === "string" && city.province !== "" && placeKey(city.province) !== placeKey(city.city) ? { region: city.province } : {};
    const entry = { name: city.city, ...region, country: city.country, zone: city.timezone, population: city.pop };
    addTo(byName, new Set([placeKey(city.city), placeKey(city.city_ascii)]), entry);
    const regions = [city.country, city.iso2, city.iso3, city.province, city.state_ansi].filter((name): name is string => typeof name === "string" && name !== "");
    addTo(byRegion, new Set(regions.map(placeKey)), entry);
  }
  for (const cities of byName.values()) cities.sort((a, b) => b.population - a.population);
  gazetteer = { byName, byRegion };
  return gazetteer;
}

/**
 * A namesake is a rival to the most populous city of a name when it has at least this share of
 * that city's population. In the gazetteer London, Ontario has 4% of London's people, Sydney,
 * Nova Scotia under 1% of Sydney's, Portland, Maine 8% of Portland, Oregon's, Barcelona,
 * Venezuela 11% of Barcelona's: a reader takes the big one for granted. Valencia, Spain has 51%
 * of Valencia, Venezuela, Birmingham, Alabama 41% of Birmingham, England, San José, Costa Rica
 * 50% of San Jose, California: either could be meant, and guessing would misdate the story.
 */
const RIVAL_SHARE = 0.25;

/** The gazetteer's zone for a place, a problem naming the candidates when large namesakes disagree, or undefined when unknown. */
function gazetteerZone(place: string, key: string): ZoneResult | undefined {
  const cities = (gazetteerCities().byName.get(key) ?? []).filter((city) => isKnownZone(city.zone));
  const [largest] = cities;
  if (!largest) return undefined;
  const rivals = cities.filter((city) => city.population >= largest.population * RIVAL_SHARE);
  // Namesakes in one zone (or in two names for one zone, such as Asia/Chongqing and Asia/Shanghai) date a story alike.
  const byZone = new Map<string, GazetteerCity>();
  for (const city of rivals) if (!byZone.has(canonicalZone(city.zone))) byZone.set(canonicalZone(city.zone), city);
  const candidates = [...byZone.values()];
  if (candidates.length < 2) return { ok: true, zone: largest.zone };
  return { ok: false, problem: ambiguousPlace(place, candidates) };
}

/**
 * The problem of a place several large cities share, with one line per zone to copy into the
 * story. Most populous first, by the gazetteer's figures, so no candidate leads by accident of
 * the code; each line names its city, so a desk copies the one it means, not the first.
 */
function ambiguousPlace(place: string, candidates: readonly GazetteerCity[]): string {
  const width = Math.max(...candidates.map((city) => city.zone.length));
  const lines = candidates.map((city) => `    timezone: ${city.zone.padEnd(width)}   (${[city.name, city.region, city.country].filter(Boolean).join(", ")})`);
  return [
    `"${place}" names more than one large city, in different time zones (expected the timezone of the one you mean, or the place added to _data/datelinePlaces.json); add one of these lines, largest city first:`,
    ...lines,
  ].join("\n");
}

/** The gazetteer's cities in the region a dateline names after its place ("Maine", "Ore.", "Italy"), or undefined for no region. */
function regionCities(text: string): GazetteerCity[] | undefined {
  if (text.trim() === "") return undefined;
  const { name, country } = regionOf(text);
  const cities = gazetteerCities().byRegion.get(placeKey(name));
  return country === undefined ? cities : cities?.filter((city) => city.country === country);
}

/** Whether a dateline's text after the place names a region the gazetteer knows, not a day. */
export function isRegion(text: string): boolean {
  return regionCities(text) !== undefined;
}

/**
 * The zone of a dateline that names its region, as agencies write smaller places: "GROSSETO,
 * Italy", "PORTLAND, Maine", "PORTLAND, Ore.". The city is looked for within the region; a city
 * the gazetteer lacks takes the region's zone when the whole region keeps one. Anything less
 * certain is not guessed.
 */
function regionZone(place: string): ZoneResult | undefined {
  const comma = place.indexOf(",");
  const city = placeKey(place.slice(0, comma));
  const inRegion = comma < 0 || city === "" ? undefined : regionCities(place.slice(comma + 1));
  if (!inRegion) return undefined;
  const namesakes = gazetteerCities().byName.get(city) ?? [];
  const named = inRegion.filter((candidate) => namesakes.includes(candidate));
  const zones = new Set((named.length > 0 ? named : inRegion).map((candidate) => candidate.zone).filter(isKnownZone).map(canonicalZone));
  const [zone] = zones;
  return zones.size === 1 && zone !== undefined ? { ok: true, zone } : undefined;
}

/**
 * The zone of a place written with a slash, as dpa writes a river ("Frankfurt/Main") or a story
 * from two places ("Bonn/Berlin"): the first place's, when the gazetteer knows it and every other
 * part it knows is in that zone too. "Rom/Sydney" is not guessed.
 */
function slashedZone(place: string): ZoneResult | undefined {
  const parts = place.split("/").map((part) => part.trim());
  if (parts.length < 2 || parts.some((part) => part === "")) return undefined;
  const zones = parts.map((part) => gazetteerZone(part, placeKey(part)));
  const [first, ...others] = zones;
  if (!first?.ok) return undefined;
  const agrees = (other: ZoneResult | undefined) => other === undefined || (other.ok && canonicalZone(other.zone) === canonicalZone(first.zone));
  return others.every(agrees) ? first : undefined;
}

/**
 * The zone a dateline's calendar day is read in: an explicit `timezone` wins, then the newsroom's
 * own table (which settles ambiguous names such as WASHINGTON), then the city gazetteer, which
 * refuses to guess between large cities of one name in different zones, then the region a
 * "PLACE, Region" dateline names.
 */
export function resolveDatelineZone(place: string, explicitZone: string | undefined, places: DatelinePlaces): ZoneResult {
  if (explicitZone !== undefined) return { ok: true, zone: explicitZone };
  const key = placeKey(place);
  const listed = Object.entries(places).find(([name]) => placeKey(name) === key)?.[1];
  if (listed !== undefined && isKnownZone(listed)) return { ok: true, zone: listed };
  const found = listed === undefined ? (gazetteerZone(place, key) ?? regionZone(place) ?? slashedZone(place)) : undefined;
  if (found) return found;
  return {
    ok: false,
    problem:
      `no time zone is known for the dateline place "${place}" ` +
      "(expected a timezone field with an IANA name such as Europe/Moscow, or the place added to _data/datelinePlaces.json)",
  };
}

/** How an edition prints a dateline: its language, and its house style's pattern ("{place}, {day} ({source}) -"). */
export interface DatelineStyle {
  locale: string;
  dateline: string;
}

/**
 * The dateline in the edition's house style, the day counted at the dateline: "MOSCOW, September 2
 * (Itar-Tass) -" in English, "МОСКВА, 2 сентября. /ИТАР-ТАСС/." in Russian.
 */
export function formatDateline(place: string, date: StoryDate, source: string, style: DatelineStyle): string {
  return datelineParts(place, date, source, style).join(" ");
}

/**
 * The dateline as the pieces a line may break between, joined by single spaces: each field with the
 * punctuation typed against it, a piece with no field (the English " -") kept on the one before, so
 * "ИТАР-ТАСС" never breaks at its hyphen and the dash never starts a line. The text stays exactly
 * the dateline's: pages keep each piece on one line by style, not by changed characters.
 * ["MOSCOW,", "September 2", "(Itar-Tass) -"]; ["МОСКВА,", "2 сентября.", "/ИТАР-ТАСС/."].
 */
export function datelineParts(place: string, date: StoryDate, source: string, style: DatelineStyle): string[] {
  const values = { place, day: formatDatelineDay(date, style.locale), source };
  const parts: string[] = [];
  let loose = "";
  for (const piece of style.dateline.split(" ")) {
    if (!/\{\w+\}/.test(piece)) {
      // Text with no field stays with its neighbour: the one before, or for a leading one the next.
      if (parts.length > 0) parts[parts.length - 1] += ` ${piece}`;
      else loose += `${piece} `;
      continue;
    }
    parts.push(loose + fillPattern(piece, values));
    loose = "";
  }
  return loose === "" ? parts : [...parts, loose.slice(0, -1)];
}
