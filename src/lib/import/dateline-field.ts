import { DateTime, Info } from "luxon";
import { findAgency, type Agency } from "../model/agencies.ts";
import { isDayOfMonth, readMonthName } from "./agency-dateline.ts";
import { datelinePlace, ignoredNote, oneLine } from "./wire-fields.ts";
import type { ItemNote, WireTime } from "./wire-item.ts";
import { readWireTime } from "./wire-time.ts";

/**
 * The dateline an agency types into a format's dateline field (NewsML-G2 `dateline`, NITF
 * `dateline`, NewsML 1.2 `DateLine`, dpa's `dateline`), in the agency's language:
 *
 *   BERLIN (DPA) -                      Strasbourg, 10 juil 2024 (AFP) -
 *   Hamburg (dpa/lno) -                 Berlin, 10. Juli (dpa) -
 *   PORTLAND, Ore., Sept. 2 (AP)        Madrid, 2 ene (EFE)
 *   МОСКВА, 2 сентября. /ТАСС/.         Oslo, Nov 5, 2024 (AFP)
 *
 * The place first, with a region after a comma when it is one; then a day, in either order with
 * its month (and a year), or a weekday; then the agency in parentheses or slashes, and a dash.
 * Unlike a dateline typed into a story's first paragraph (agency-dateline.ts), the field holds
 * nothing else, so what it holds is read leniently: any capitalisation, the dash optional. A
 * field that holds only a date or time (EFE's `20170102T222800+0000`, Reuters'
 * `2018-01-03 20:13:08 GMT+00:00`) names no place.
 */
export interface DatelineField {
  /** "BERLIN", "PORTLAND, Ore."; absent when the field names none. */
  place?: string;
  /** The agency as the settings write the name the field used ("dpa" for "DPA"); one they do not list, as typed. */
  agency?: string;
  /** 1–12, with `day`, when the field gives a day. */
  month?: number;
  day?: number;
  year?: number;
  /** The warning for the item's line when the field holds text but no place. */
  note?: ItemNote;
}

const TRAILING_DASH = /\s*(?:--?|[–—])\s*$/u;
/** "(AFP)", "(dpa/lno)" or "/ITAR-TASS/." at the end. */
const TRAILING_AGENCY = /\s*(?:\(([^()\n]{1,40})\)|\/([^/\n]{1,40})\/)\.?$/u;
const YEAR = /^\d{4}$/;
/** "10 juil 2024", "10. Juli", "1er juillet", "2 de enero", "2 сентября" */
const DAY_MONTH = /^(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}{3,12})\.?(?:\s+(?:de\s+)?(\d{4}))?$/u;
/** "Sept. 2", "Nov 5" */
const MONTH_DAY = /^(\p{L}{3,12})\.?\s+(\d{1,2})(?:\s+(\d{4}))?$/u;

/** The language's month names, long and short, as written alone and in a date ("сентябрь", "сентября"), lower-cased without a final period. */
const monthTables = new Map<string, { names: Map<string, number>; long: string[][] }>();

function monthTable(locale: string): { names: Map<string, number>; long: string[][] } {
  const cached = monthTables.get(locale);
  if (cached) return cached;
  const lists = (length: "long" | "short"): string[][] => {
    try {
      return [Info.months(length, { locale }), Info.monthsFormat(length, { locale })];
    } catch {
      // A language tag Intl cannot read names no months.
      return [];
    }
  };
  const fold = (name: string): string => name.toLocaleLowerCase(locale).replace(/\.$/, "");
  const names = new Map<string, number>();
  for (const list of [...lists("long"), ...lists("short")]) list.forEach((name, index) => names.set(fold(name), index + 1));
  const table = { names, long: lists("long").map((list) => list.map(fold)) };
  monthTables.set(locale, table);
  return table;
}

/**
 * A month name in the item's language or in English: as the language writes it in full or short
 * ("juillet", "juil", "Juli", "ene", "сентября"), or the start of one name, three letters or more
 * ("Sept"); else the desk abbreviations agency-dateline.ts knows.
 */
function readMonth(name: string, lang: string | undefined): number | undefined {
  const word = name.toLowerCase();
  for (const locale of new Set([lang, "en"].filter((each): each is string => each !== undefined))) {
    const { names, long } = monthTable(locale);
    const exact = names.get(word);
    if (exact !== undefined) return exact;
    const starting = new Set(long.flatMap((list) => list.flatMap((month, index) => (month.startsWith(word) ? [index + 1] : []))));
    if (word.length >= 3 && starting.size === 1) return [...starting][0];
  }
  return readMonthName(word);
}

function isWeekday(word: string, lang: string | undefined): boolean {
  const folded = word.toLowerCase().replace(/\.$/, "");
  return [lang, "en"].some((locale) => {
    if (locale === undefined) return false;
    try {
      return [...Info.weekdays("long", { locale }), ...Info.weekdays("short", { locale })].some((day) => day.toLowerCase().replace(/\.$/, "") === folded);
    } catch {
      return false;
    }
  });
}

interface DatePart {
  month?: number;
  day?: number;
  year?: number;
}

/** A time's zone written as a name, with an offset or without ("GMT+00:00", "UTC"), as Reuters types a time into the field. */
const NAMED_ZONE = /\s*\b(?:GMT|UTC|UT)\s*([+-]\d{2}(?::?\d{2})?)?$/i;

/** A part of the field between commas that is a date, a year, a weekday or a time; undefined for anything else. */
function readDatePart(part: string, lang: string | undefined): DatePart | undefined {
  if (YEAR.test(part)) return { year: Number(part) };
  if (isWeekday(part, lang)) return {};
  const time = readWireTime(part.replace(NAMED_ZONE, (_zone, offset: string | undefined) => offset ?? "Z"));
  if (time) {
    const [year, month, day] = time.local.slice(0, 10).split("-").map(Number);
    return { year, month, day };
  }
  const dayFirst = DAY_MONTH.exec(part);
  const monthFirst = dayFirst ? undefined : MONTH_DAY.exec(part);
  const [dayText, monthName, yearText] = dayFirst ? [dayFirst[1], dayFirst[2], dayFirst[3]] : monthFirst ? [monthFirst[2], monthFirst[1], monthFirst[3]] : [];
  if (dayText === undefined || monthName === undefined) return undefined;
  const month = readMonth(monthName, lang);
  const day = Number(dayText);
  if (month === undefined || !isDayOfMonth(month, day)) return undefined;
  return yearText === undefined ? { month, day } : { month, day, year: Number(yearText) };
}

/** Only digits, punctuation and a time's T and Z: "20170102T222800+0000", "22:28", "02.01.2017". */
const isOnlyDigitsAndMarks = (part: string): boolean => !/\p{L}/u.test(part.replace(/(?<=\d)[TZ]|T(?=\d)/g, ""));

/** The agency a field's brackets name: the first of "dpa/lno" the settings list, else the first as typed. */
function bracketAgency(named: string, agencies: readonly Agency[]): string | undefined {
  const names = named.split("/").map((name) => name.trim()).filter((name) => name !== "");
  for (const name of names) {
    const known = findAgency(name, agencies);
    if (known) return known.name;
  }
  return names[0];
}

/** The field with the place the format names in elements of its own (NewsML-G2 `located`, NITF `location`), which wins: no warning for the field's. */
export function placedElsewhere(field: DatelineField, place: string): DatelineField {
  const { note: _noPlaceInField, ...rest } = field;
  return { ...rest, place };
}

/**
 * Reads a dateline field (see above). `path` names the field in the item, for the note; `lang` is
 * the item's language, whose month names the field is read in (besides English).
 */
export function readDatelineField(text: string, path: string, lang: string | undefined, agencies: readonly Agency[]): DatelineField {
  const typed = oneLine(text);
  if (typed === "") return {};
  let rest = typed.replace(TRAILING_DASH, "");
  const bracketed = TRAILING_AGENCY.exec(rest);
  const agency = bracketed ? bracketAgency(bracketed[1] ?? bracketed[2] ?? "", agencies) : undefined;
  if (bracketed) rest = rest.slice(0, bracketed.index);
  const parts = rest
    .replace(/[\s,.]+$/u, "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const date: DatePart = {};
  // Dates from the end; the first part is the place unless it too is a date or time.
  for (let index = parts.length - 1; index >= 0; index -= 1) {
    const part = parts[index] ?? "";
    const read = readDatePart(part, lang);
    if (read === undefined && !(index === 0 && isOnlyDigitsAndMarks(part))) break;
    Object.assign(date, { ...read, ...date });
    parts.pop();
  }
  const place = parts.length === 0 ? undefined : datelinePlace(parts.join(", "));
  const day = date.month === undefined || date.day === undefined ? {} : { month: date.month, day: date.day, ...(date.year === undefined ? {} : { year: date.year }) };
  const why = agency === undefined ? "a date or time, not a place" : `names the agency ${agency} but no place`;
  return {
    ...(place === undefined ? { note: ignoredNote(path, `${JSON.stringify(typed)}: ${why}`) } : { place }),
    ...(agency === undefined ? {} : { agency }),
    ...day,
  };
}

/**
 * How far after the delivery a dateline's day may fall and still be this year's: advance copy for
 * the coming week. A later day belongs to the year before ("December 31" delivered on January 1).
 */
const ADVANCE_DAYS = 7;

/** What a dateline's month and day make of the time they are read against (see datelineTime). */
export interface DatelineDate {
  /** The dateline's day with its year (2026-12-06): the agency's day, whatever the time. */
  day: string;
  /** When the story is released: the reference itself on the dateline's own day. */
  time: WireTime;
  /** The reference's day as it was compared with the dateline's: at the dateline's zone when it is known. */
  referenceDay: string;
}

/**
 * The release time a dateline's month and day give, read against `reference` (the header's time,
 * else the delivery): the year that puts the day at most ADVANCE_DAYS after the reference day.
 * The reference's day is counted at the dateline, in `zone` (when the place's zone is known and
 * the reference has an offset): 20:30Z on December 6 is December 7 in Sydney. The dateline's day
 * wins over the reference's, which may be a day late (a file picked up after midnight there). On
 * the reference's own day, the reference; on an earlier day, the reference's time of day there
 * on that day (with the zone's offset, or without one for the dateline to read when no zone is
 * given), so it stays on the agency's day and before the reference; on a later day (advance
 * copy), the day alone, whose start at the dateline it is held for. Undefined for February 29
 * with no leap year at hand.
 */
export function datelineTime(month: number, day: number, reference: WireTime, zone?: string): DatelineDate | undefined {
  const there = zone !== undefined && reference.offset !== undefined ? DateTime.fromISO(`${reference.local}${reference.offset}`, { setZone: true }).setZone(zone) : undefined;
  const local = there?.isValid ? (there.toISO({ includeOffset: false, suppressMilliseconds: true }) ?? reference.local) : reference.local;
  const referenceDay = local.slice(0, 10);
  const referenceDate = DateTime.fromISO(referenceDay, { zone: "utc" });
  for (const year of [referenceDate.year + 1, referenceDate.year, referenceDate.year - 1]) {
    const date = DateTime.utc(year, month, day);
    const ahead = date.diff(referenceDate, "days").days;
    if (!date.isValid || ahead > ADVANCE_DAYS) continue;
    const dayText = date.toISODate() ?? "";
    const dated = (time: WireTime): DatelineDate => ({ day: dayText, time, referenceDay });
    if (ahead === 0) return dated(reference);
    const timeOfDay = local.slice(10);
    if (ahead > 0 || timeOfDay === "") return dated({ local: dayText });
    if (there?.isValid) {
      const moved = there.set({ year, month, day });
      return dated({ local: moved.toISO({ includeOffset: false, suppressMilliseconds: true }) ?? `${dayText}${timeOfDay}`, offset: moved.toFormat("ZZ") });
    }
    return dated({ local: `${dayText}${timeOfDay}` });
  }
  return undefined;
}
