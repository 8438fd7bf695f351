import cityTimezones from "city-timezones";
import { DateTime, IANAZone } from "luxon";
import { fillPattern } from "./editions.ts";

/** A story's publication moment, always held in its dateline's zone. */
export interface StoryDate {
  /** The moment; for a date-only story, the start of that calendar day at the dateline. */
  at: DateTime<true>;
  /** False for a date-only story: no time of day may be printed or claimed for it. */
  hasTime: boolean;
}

export type DateResult = { ok: true; date: StoryDate } | { ok: false; problem: string };

export const DATE_FORMS =
  "a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, " +
  "or an instant with Z or an offset like 2013-09-02T11:40Z";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

// Readers see English dates whatever the build machine's locale is.
const LOCALE = "en-US";

/**
 * Whether Intl knows the zone. IANAZone.isValidZone makes an Intl.DateTimeFormat on every call;
 * IANAZone.create keeps one zone per name, checked once as it was made (luxon's own lookups share it).
 */
export function isKnownZone(zone: string): boolean {
  return IANAZone.create(zone).isValid;
}

/** Years a story may be dated in: anything outside is a typo (2103 for 2013), not news. */
const YEARS = { first: 1900, last: 2099 };

/** Reads `date` as written by an editor: a calendar day or a local time at the dateline, or an instant. */
export function parseStoryDate(raw: string, zone: string): DateResult {
  return withinYears(raw, readStoryDate(raw, zone));
}

/** A date read before its dateline's zone is known: a local time or day as if at UTC, an instant at its own offset. */
export interface UnzonedDate extends StoryDate {
  /** Written without an offset: a calendar day or a local time at the dateline, whose moment awaits the zone. */
  local: boolean;
}

export type UnzonedResult = { ok: true; date: UnzonedDate } | { ok: false; problem: string };

/**
 * Reads a date before its dateline's zone is known, so an editor hears of every problem at once:
 * its form, whether the calendar day is real and its year. Whether the clocks skipped a local
 * time can only be told at the dateline, so parseStoryDate checks that once the zone is known.
 */
export function parseUnzonedDate(raw: string): UnzonedResult {
  const result = withinYears(raw, readStoryDate(raw, undefined));
  return result.ok ? { ok: true, date: { ...result.date, local: !INSTANT.test(raw.trim()) } } : result;
}

/**
 * Whether an update or correction dated `later` comes before the story itself. A date-only value
 * names a calendar day at the dateline, so the story's own day is never before it, whatever time
 * the story was filed; a value with a time is compared moment to moment.
 */
export function isBeforeStory(later: StoryDate, story: StoryDate): boolean {
  return later.hasTime ? later.at < story.at : later.at.toISODate() < story.at.toISODate();
}

/** UTC offsets in use run from UTC-12 to UTC+14: a local time's moment is at most this far from its reading at UTC. */
const WEST_MS = 12 * 3_600_000;
const EAST_MS = 14 * 3_600_000;

/**
 * isBeforeStory for dates read without the dateline's zone, true only where no zone could make
 * it false. Two local values are at the same place, so they compare as written (as the dateline
 * would, but for the hour a clock change between them may move); two instants compare exactly; a
 * local value and an instant compare only when no offset could reorder them.
 */
export function isBeforeStoryAnywhere(later: UnzonedDate, story: UnzonedDate): boolean {
  if (later.local === story.local) return isBeforeStory(later, story);
  // The story's local moment may be up to 14 hours before its UTC reading (at UTC+14).
  if (!later.local) return later.at.toMillis() < story.at.toMillis() - EAST_MS;
  // A local time may be up to 12 hours after its UTC reading (at UTC-12).
  if (later.hasTime) return later.at.toMillis() + WEST_MS < story.at.toMillis();
  // A local day: the story's own day at the dateline is at least that of its instant at UTC-12.
  return later.at.toISODate() < story.at.toUTC().minus(WEST_MS).toISODate();
}

function withinYears(raw: string, result: DateResult): DateResult {
  if (result.ok && (result.date.at.year < YEARS.first || result.date.at.year > YEARS.last)) {
    return { ok: false, problem: `"${raw.trim()}" is outside the years ${YEARS.first} to ${YEARS.last} (expected ${DATE_FORMS})` };
  }
  return result;
}

/** Reads a date at the dateline's zone; with no zone, a local time in UTC and an instant at its own offset. */
function readStoryDate(raw: string, zone: string | undefined): DateResult {
  const value = raw.trim();
  const notReal = { ok: false, problem: `"${value}" is not a real date (expected ${DATE_FORMS})` } as const;
  // ISO 8601 (and luxon) take 24:00 as the end of the day, which an editor means as no time of the day.
  if (/T24:00(?::00(?:\.0+)?)?(?:$|Z|[+-])/i.test(value)) {
    return { ok: false, problem: `"${value}" is not a time of that day: a day's times run from 00:00 to 23:59 (expected the next day's 00:00 for midnight after it)` };
  }

  if (DATE_ONLY.test(value) || LOCAL_TIME.test(value)) {
    const at = DateTime.fromISO(value, { zone: zone ?? "UTC", locale: LOCALE });
    if (!at.isValid) return notReal;
    const hasTime = value.includes("T");
    // Luxon moves a time that falls in a spring-forward gap; an editor should hear about it instead.
    if (zone !== undefined && hasTime && at.toFormat("yyyy-MM-dd'T'HH:mm") !== value.slice(0, 16)) {
      return {
        ok: false,
        problem: `"${value}" does not exist in ${zone}: the clocks skipped it (expected a time that happened there)`,
      };
    }
    // Luxon takes one of the two times an hour the clocks were put back happened; which one the editor meant, only the editor knows.
    const twice = zone !== undefined && hasTime ? at.getPossibleOffsets() : [];
    if (twice.length > 1) {
      const forms = twice.map((each) => each.toISO({ suppressMilliseconds: true, suppressSeconds: !/T\d\d:\d\d:\d\d/.test(value) }));
      return {
        ok: false,
        problem: `"${value}" happened twice in ${zone}, as the clocks were put back (expected the time with the offset you mean: ${forms.join(" the first time, or ")} the second)`,
      };
    }
    return { ok: true, date: { at, hasTime } };
  }

  if (INSTANT.test(value)) {
    const instant = DateTime.fromISO(value, { setZone: true, locale: LOCALE });
    if (!instant.isValid) return notReal;
    return { ok: true, date: { at: zone === undefined ? instant : (instant.setZone(zone) as DateTime<true>), hasTime: true } };
  }

  // Jekyll's and Hugo's form, a space between the day and the time: the fix is one character.
  const spaced = value.replace(/^(\d{4}-\d{2}-\d{2})\s+(?=\d{2}:\d{2})/, "$1T").replace(/\s+(Z|[+-]\d{2}:?\d{2})$/i, "$1");
  if (spaced !== value && (LOCAL_TIME.test(spaced) || INSTANT.test(spaced))) {
    return { ok: false, problem: `"${value}" is written with a space (expected ${spaced}: a T between the date and its time, and no space before an offset)` };
  }
  return { ok: false, problem: `"${value}" is not a date (expected ${DATE_FORMS})` };
}

/** The `datetime` attribute: a bare date when no time is known, else the moment with the dateline's offset. */
function toDatetimeAttribute({ at, hasTime }: StoryDate): string {
  return hasTime ? at.toISO({ suppressMilliseconds: true }) : at.toISODate();
}

/** How an edition prints dates: its language's calendar words, and its pattern for a date with its time. */
export interface DateStyle {
  /** The edition's language tag, as luxon's (and Intl's) locale. */
  locale: string;
  /** "{date}, {time} {zone}": the date, the 24-hour time and the zone's abbreviation. */
  dateTime: string;
  /** "{time} {zone}": the time of day, as a list of one day's stories prints it. */
  timeOfDay: string;
}

/**
 * The date as readers of an edition see it: "September 2, 2013" or "September 2, 2013, 15:40 MSK";
 * "2 сентября 2013 г., 15:40 MSK". The date is luxon's full localized date in the edition's locale.
 */
function formatDisplayDate({ at, hasTime }: StoryDate, style: DateStyle): string {
  const date = at.setLocale(style.locale).toLocaleString(DateTime.DATE_FULL);
  if (!hasTime) return date;
  return fillPattern(style.dateTime, { date, time: at.toFormat("HH:mm"), zone: zoneAbbreviation(at) });
}

/** A calendar day's title in an edition: "September 2, 2013", "2 сентября 2013 г.". */
export function formatCalendarDay(day: string, locale: string): string {
  return DateTime.fromISO(day, { zone: CALENDAR_ZONE, locale }).toLocaleString(DateTime.DATE_FULL);
}

/**
 * Calendar days from `first` to `last` as one title: "September 2, 2013", "September 2 – 4, 2013".
 * Each title is worded once a process: every list page past the first has one, each build.
 */
export function formatCalendarDays(first: string, last: string, locale: string): string {
  const key = `${locale} ${first} ${last}`;
  let title = calendarDayTitles.get(key);
  if (title === undefined) {
    title =
      first === last
        ? formatCalendarDay(first, locale)
        : new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: CALENDAR_ZONE }).formatRange(new Date(`${first}T12:00:00Z`), new Date(`${last}T12:00:00Z`));
    calendarDayTitles.set(key, title);
  }
  return title;
}
const calendarDayTitles = new Map<string, string>();

/** A month as a sentence names it: "September 2013", "декабрь 2026 г.". */
export function formatCalendarMonth(month: string, locale: string): string {
  return DateTime.fromISO(month, { zone: CALENDAR_ZONE, locale }).toLocaleString({ month: "long", year: "numeric" });
}

/** A month's title: "September 2013", "Декабрь 2026 г.": a title starts with a capital, where a language's month names do not. */
export function formatCalendarMonthTitle(month: string, locale: string): string {
  const name = formatCalendarMonth(month, locale);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/**
 * A calendar day's title needs a zone only to be read; an IANA one, as stories' dates have, because
 * luxon formats its own "utc" zone apart, with other spaces ("2013\u202fг." for "2013 г.").
 */
const CALENDAR_ZONE = "Etc/UTC";

/**
 * The zone's name at that moment as readers of the place know it: CEST in Hamburg, BST in London
 * in summer, MSK in Moscow, EDT in Washington; where the place has no such name, its offset
 * from GMT ("GMT+8"). Intl has the names in each country's English (en-GB knows BST, en-US does
 * not), so the zone's country decides; a few names that locale data lacks are listed here.
 */
function zoneAbbreviation(at: DateTime<true>): string {
  const zone = at.zoneName ?? "UTC";
  const moment = at.toJSDate();
  const listed = listedAbbreviation(zone, at.offset, moment);
  if (listed !== undefined) return listed;
  const local = zoneName(readersLocale(zone), zone, moment, "short");
  if (ABBREVIATION.test(local)) return local;
  // The name the site printed before it asked the place's own English, e.g. AST in the Caribbean; else "GMT+8".
  return zoneName(LOCALE, zone, moment, "short");
}

/** An abbreviation is letters ("CEST", "ChST"); Intl's fallback is an offset ("GMT+2", "GMT+5:30"). */
const ABBREVIATION = /^[A-Za-z]+$/;

/**
 * Names readers use that Intl's English data lacks (it says "GMT+4" for Moscow), each for the
 * zone's UTC offset in minutes and whether that is summer time. An offset alone cannot tell:
 * Moscow at UTC+4 was MSD in summers up to 2010 but MSK all year from 2011 to 2014.
 */
const LISTED_ABBREVIATIONS: readonly { zone: string; offset: number; summer: boolean; name: string }[] = [
  { zone: "Europe/Moscow", offset: 180, summer: false, name: "MSK" },
  { zone: "Europe/Moscow", offset: 240, summer: false, name: "MSK" },
  { zone: "Europe/Moscow", offset: 240, summer: true, name: "MSD" },
  { zone: "Asia/Tokyo", offset: 540, summer: false, name: "JST" },
  { zone: "Asia/Seoul", offset: 540, summer: false, name: "KST" },
  { zone: "Asia/Pyongyang", offset: 540, summer: false, name: "KST" },
];

function listedAbbreviation(zone: string, offset: number, moment: Date): string | undefined {
  const canonical = canonicalZone(zone);
  const candidates = LISTED_ABBREVIATIONS.filter((entry) => canonicalZone(entry.zone) === canonical && entry.offset === offset);
  if (candidates.length === 0) return undefined;
  // Intl tells summer time from standard only in the zone's long name ("Moscow Summer Time").
  const summer = /\b(?:Summer|Daylight)\b/.test(zoneName(LOCALE, zone, moment, "long"));
  return candidates.find((entry) => entry.summer === summer)?.name;
}

/** Intl formatters by locale, zone and name style: making one costs far more than using it. */
const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

function zoneNameFormat(locale: string, zone: string, style: "short" | "long"): Intl.DateTimeFormat {
  const key = `${locale} ${zone} ${style}`;
  let format = zoneNameFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style });
    zoneNameFormats.set(key, format);
  }
  return format;
}

function zoneName(locale: string, zone: string, moment: Date, style: "short" | "long"): string {
  return zoneNameFormat(locale, zone, style).formatToParts(moment).find((part) => part.type === "timeZoneName")?.value ?? "";
}

/** Canonical names by zone name: resolvedOptions() builds a new object on every call, and each date asks several times. */
const canonicalZones = new Map<string, string>();

/** The zone's canonical IANA name, so links such as Asia/Kolkata and Asia/Calcutta compare equal. */
export function canonicalZone(zone: string): string {
  let canonical = canonicalZones.get(zone);
  if (canonical === undefined) {
    canonical = zoneNameFormat(LOCALE, zone, "short").resolvedOptions().timeZone;
    canonicalZones.set(zone, canonical);
  }
  return canonical;
}

let zoneCountries: Map<string, string> | undefined;

/**
 * The English of the zone's country, e.g. en-DE for Europe/Berlin: the country of the zone's most
 * populous city in the gazetteer. A zone it does not know keeps the site's own English.
 */
function readersLocale(zone: string): string {
  zoneCountries ??= countriesByZone();
  const country = zoneCountries.get(canonicalZone(zone));
  return country === undefined ? LOCALE : `en-${country}`;
}

/** Each canonical zone's country: that of its most populous city in the gazetteer. */
function countriesByZone(): Map<string, string> {
  const largest = new Map<string, { country: string; pop: number }>();
  for (const { timezone, iso2, pop } of cityTimezones.cityMapping) {
    // A few gazetteer rows lack a zone or a two-letter country.
    if (typeof timezone !== "string" || !/^[A-Z]{2}$/.test(iso2)) continue;
    const known = largest.get(timezone);
    if (!known || pop > known.pop) largest.set(timezone, { country: iso2, pop });
  }
  // Links such as Asia/Chongqing and Asia/Shanghai are one zone; the larger city decides.
  const byCanonical = new Map<string, { country: string; pop: number }>();
  for (const [zone, city] of largest) {
    // A zone Intl does not know is skipped: canonicalZone's formatter throws for it (asking luxon first made a second formatter for each of 360 zones).
    let canonical: string;
    try {
      canonical = canonicalZone(zone);
    } catch {
      continue;
    }
    const known = byCanonical.get(canonical);
    if (!known || city.pop > known.pop) byCanonical.set(canonical, city);
  }
  return new Map([...byCanonical].map(([zone, { country }]) => [zone, country]));
}

/** The day and month printed in a dateline, in the edition's language: "September 2", "2 сентября" (genitive, as Intl gives it). */
export function formatDatelineDay({ at }: StoryDate, locale: string): string {
  return at.setLocale(locale).toLocaleString({ day: "numeric", month: "long" });
}

/** A date as pages, feeds and structured data print it. */
export interface DateView {
  /** For `<time datetime>`: a bare date when no time is known. */
  datetime: string;
  display: string;
  /** The full moment with the dateline's offset, for feeds and structured data (a date-only story: its day's start). */
  iso: string;
  /** The calendar day at the dateline, e.g. "2013-09-02": the story's date archive. */
  day: string;
  epochMs: number;
  /**
   * The time of day at the dateline, as a list of one day's stories prints it ("15:40 MSK", by the
   * edition's "{time} {zone}"); none for a date-only story, which claims no time. Made with the
   * rest of the date, when the story is read, so a build does not format every story's time again.
   */
  timeOfDay?: string;
}

export function toDateView(date: StoryDate, style: DateStyle): DateView {
  return {
    datetime: toDatetimeAttribute(date),
    display: formatDisplayDate(date, style),
    iso: date.at.toISO({ suppressMilliseconds: true }),
    day: date.at.toISODate(),
    epochMs: date.at.toMillis(),
    ...(date.hasTime ? { timeOfDay: fillPattern(style.timeOfDay, { time: date.at.toFormat("HH:mm"), zone: zoneAbbreviation(date.at) }) } : {}),
  };
}

/** The newest of moments written with their own offsets (a sitemap's lastmods), compared as instants; undefined for none. */
export function newestMoment(moments: readonly string[]): string | undefined {
  return moments.reduce<string | undefined>((newest, moment) => (newest !== undefined && Date.parse(newest) >= Date.parse(moment) ? newest : moment), undefined);
}
