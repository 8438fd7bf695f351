import { DateTime, IANAZone } from "luxon";

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

export function isKnownZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Years a story may be dated in: anything outside is a typo (2103 for 2013), not news. */
const YEARS = { first: 1900, last: 2099 };

/** Reads `date` as written by an editor: a calendar day or a local time at the dateline, or an instant. */
export function parseStoryDate(raw: string, zone: string): DateResult {
  const result = readStoryDate(raw, zone);
  if (result.ok && (result.date.at.year < YEARS.first || result.date.at.year > YEARS.last)) {
    return { ok: false, problem: `"${raw.trim()}" is outside the years ${YEARS.first} to ${YEARS.last} (expected ${DATE_FORMS})` };
  }
  return result;
}

function readStoryDate(raw: string, zone: string): DateResult {
  const value = raw.trim();
  const notReal = { ok: false, problem: `"${value}" is not a real date (expected ${DATE_FORMS})` } as const;

  if (DATE_ONLY.test(value) || LOCAL_TIME.test(value)) {
    const at = DateTime.fromISO(value, { zone, locale: LOCALE });
    if (!at.isValid) return notReal;
    const hasTime = value.includes("T");
    // Luxon moves a time that falls in a spring-forward gap; an editor should hear about it instead.
    if (hasTime && at.toFormat("yyyy-MM-dd'T'HH:mm") !== value.slice(0, 16)) {
      return {
        ok: false,
        problem: `"${value}" does not exist in ${zone}: the clocks skipped it (expected a time that happened there)`,
      };
    }
    return { ok: true, date: { at, hasTime } };
  }

  if (INSTANT.test(value)) {
    const instant = DateTime.fromISO(value, { setZone: true });
    if (!instant.isValid) return notReal;
    return { ok: true, date: { at: instant.setZone(zone).setLocale(LOCALE) as DateTime<true>, hasTime: true } };
  }

  return { ok: false, problem: `"${value}" is not a date (expected ${DATE_FORMS})` };
}

/** The `datetime` attribute: a bare date when no time is known, else the moment with the dateline's offset. */
export function toDatetimeAttribute({ at, hasTime }: StoryDate): string {
  return hasTime ? at.toISO({ suppressMilliseconds: true }) : at.toISODate();
}

/** The date as readers see it, e.g. "September 2, 2013" or "September 2, 2013, 15:40 GMT+4". */
export function formatDisplayDate({ at, hasTime }: StoryDate): string {
  return at.toFormat(hasTime ? "LLLL d, yyyy, HH:mm ZZZZ" : "LLLL d, yyyy");
}

/** The month and day printed in a dateline, e.g. "September 2". */
export function formatDatelineDay({ at }: StoryDate): string {
  return at.toFormat("LLLL d");
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
}

export function toDateView(date: StoryDate): DateView {
  return {
    datetime: toDatetimeAttribute(date),
    display: formatDisplayDate(date),
    iso: date.at.toISO({ suppressMilliseconds: true }),
    day: date.at.toISODate(),
    epochMs: date.at.toMillis(),
  };
}
