import { DateTime } from "luxon";
import type { WireTime } from "./wire-item.ts";

/** The forms agencies send, for messages. */
export const WIRE_TIME_FORMS = "an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400";

/**
 * ISO 8601 in its extended (2013-09-02T15:40:00+04:00) and basic (20130902T154000+0400) forms,
 * with or without seconds, fraction and offset. Date.parse is never used: it reads the basic
 * form as invalid or, in some engines, as local time, and a day alone as UTC midnight.
 */
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(?:(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?:\d{2})?)?)?$/i;

/** "+0400", "+04" and "+04:00" as "+04:00"; "z" as "Z". */
function normalOffset(offset: string): string {
  if (/^z$/i.test(offset)) return "Z";
  const digits = offset.slice(1).replace(":", "").padEnd(4, "0");
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

/** Reads a time as an agency wrote it, or undefined when it is not one of WIRE_TIME_FORMS or not a real time. */
export function readWireTime(text: string): WireTime | undefined {
  const value = text.trim();
  const match = EXTENDED.exec(value) ?? BASIC.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = "00", offset] = match;
  const date = `${year}-${month}-${day}`;
  const local = hour === undefined ? date : `${date}T${hour}:${minute}:${second}`;
  const normal = offset === undefined ? undefined : normalOffset(offset);
  const hours = normal && normal !== "Z" ? Number(normal.slice(1, 3)) : 0;
  if (hours > 18 || !DateTime.fromISO(local, { zone: "UTC" }).isValid) return undefined;
  return normal === undefined || hour === undefined ? { local } : { local, offset: normal };
}

/** The time as the story contract writes an instant (2013-09-02T15:40:00+04:00), or its local form where the zone is still to be applied. */
export function formatWireTime(time: WireTime): string {
  return time.offset === undefined ? time.local : `${time.local}${time.offset}`;
}

/** Milliseconds since the epoch, with `zone` applied to a time that has no offset; undefined for a day alone without offset and zone. */
export function wireTimeMillis(time: WireTime, zone: string | undefined): number | undefined {
  if (time.offset !== undefined) return DateTime.fromISO(formatWireTime(time), { setZone: true }).toMillis();
  if (zone === undefined) return undefined;
  const at = DateTime.fromISO(time.local, { zone });
  return at.isValid ? at.toMillis() : undefined;
}

/** How a date with no zone is read, as a line names it: RFC 822 requires a zone, so the instant is the importer's reading. */
const NO_ZONE = "no zone, so read at the time of the story's dateline (else of the feed's --zone)";

/** The form RSS dates take, for messages. */
export const RFC_822_FORM = "an RFC 822 date such as Wed, 10 Jul 2024 14:30:00 +0200";

/**
 * RFC 822's form, loosened as sites' publishing tools print it: a weekday and a month written in
 * full ("Monday, 03 June 2024"), an offset with a colon, any zone abbreviation (told apart below).
 */
const RSS_DATE = /^(?:([a-z]+),\s*)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(?:([+-]\d{2}:?\d{2})|([a-z]{1,5}))?$/i;

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** RFC 822's name of a month or weekday is its first three letters; the full name is read too, but is not RFC 822's. */
function nameIndex(word: string, names: readonly string[]): { index: number; full: boolean } | undefined {
  const lower = word.toLowerCase();
  const index = names.findIndex((name) => name.toLowerCase() === lower || name.slice(0, 3).toLowerCase() === lower);
  return index === -1 ? undefined : { index, full: lower.length > 3 };
}

/** The zone names RFC 822 allows besides numeric offsets; military letters other than Z are ambiguous in practice and not read. */
const RFC_822_ZONES: ReadonlyMap<string, string> = new Map([
  ["UT", "Z"],
  ["GMT", "Z"],
  ["Z", "Z"],
  ["EST", "-05:00"],
  ["EDT", "-04:00"],
  ["CST", "-06:00"],
  ["CDT", "-05:00"],
  ["MST", "-07:00"],
  ["MDT", "-06:00"],
  ["PST", "-08:00"],
  ["PDT", "-07:00"],
]);

/** Abbreviations sites print for their zone that name one offset each, with what they stand for. */
const NAMED_ZONES: ReadonlyMap<string, { offset: string; name: string }> = new Map(
  (
    [
      ["UTC", "Z", "Coordinated Universal Time"],
      ["WET", "+00:00", "Western European Time"],
      ["WEST", "+01:00", "Western European Summer Time"],
      ["BST", "+01:00", "British Summer Time"],
      ["CET", "+01:00", "Central European Time"],
      ["CEST", "+02:00", "Central European Summer Time"],
      ["EET", "+02:00", "Eastern European Time"],
      ["EEST", "+03:00", "Eastern European Summer Time"],
      ["MSK", "+03:00", "Moscow Time"],
      ["WAT", "+01:00", "West Africa Time"],
      ["CAT", "+02:00", "Central Africa Time"],
      ["SAST", "+02:00", "South Africa Standard Time"],
      ["EAT", "+03:00", "East Africa Time"],
      ["PKT", "+05:00", "Pakistan Standard Time"],
      ["HKT", "+08:00", "Hong Kong Time"],
      ["SGT", "+08:00", "Singapore Time"],
      ["AWST", "+08:00", "Australian Western Standard Time"],
      ["JST", "+09:00", "Japan Standard Time"],
      ["KST", "+09:00", "Korea Standard Time"],
      ["ACST", "+09:30", "Australian Central Standard Time"],
      ["ACDT", "+10:30", "Australian Central Daylight Time"],
      ["AEST", "+10:00", "Australian Eastern Standard Time"],
      ["AEDT", "+11:00", "Australian Eastern Daylight Time"],
      ["NZST", "+12:00", "New Zealand Standard Time"],
      ["NZDT", "+13:00", "New Zealand Daylight Time"],
      ["NST", "-03:30", "Newfoundland Standard Time"],
      ["NDT", "-02:30", "Newfoundland Daylight Time"],
      ["AKST", "-09:00", "Alaska Standard Time"],
      ["AKDT", "-08:00", "Alaska Daylight Time"],
      ["HST", "-10:00", "Hawaii Standard Time"],
    ] as const
  ).map(([abbreviation, offset, name]) => [abbreviation, { offset, name }]),
);

/** Abbreviations sites print that stand for several offsets: which one a feed meant cannot be told, so none is guessed. */
const AMBIGUOUS_ZONES: ReadonlyMap<string, string> = new Map([
  ["IST", "India's (+05:30), Ireland's (+01:00) and Israel's (+02:00)"],
  ["AST", "Atlantic (-04:00) and Arabia (+03:00)"],
  ["GST", "Gulf (+04:00) and South Georgia (-02:00)"],
  ["SST", "Samoa (-11:00) and Singapore (+08:00)"],
]);

/**
 * An RSS date as read: its time, how a form RFC 822 does not name was read, a weekday its date
 * does not fall on, and a year written in two digits with the year it was read as.
 */
export type RssDate =
  | { ok: true; time: WireTime; lenient: string[]; weekday?: { written: string; actual: string }; century?: { written: string; year: number } }
  | { ok: false; why: string };

const notADate = (text: string): RssDate => ({ ok: false, why: `"${text}" is not a date (expected ${RFC_822_FORM})` });

/**
 * Reads an RSS date: RFC 822 (with RFC 1123's four-digit years), "Wed, 10 Jul 2024 14:30:00
 * +0200", "10 Jul 24 14:30 GMT" (its two-digit year named in `century`); and, as sites publish
 * them, the same with a weekday or month in full, an offset with a colon, a zone abbreviation
 * that names one offset ("CEST") or no zone at all, or an ISO 8601 time, each named in `lenient`. A weekday is checked against the date, which is taken when
 * they differ. Refused when it is not such a date, not a real one, or its zone could be several.
 */
export function readRssDate(written: string): RssDate {
  const text = written.trim();
  // "2024-12-05 10:00:00", as databases and many publishing tools print a time: ISO 8601 with a space for its T.
  const spaced = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(text);
  const isoText = spaced ? text.replace(" ", "T") : text;
  const iso = /^\d{4}-?\d{2}-?\d{2}T/i.test(isoText) ? readWireTime(isoText) : undefined;
  if (iso) return { ok: true, time: iso, lenient: ["an ISO 8601 time", ...(spaced ? ["a space for its T"] : []), ...(iso.offset === undefined ? [NO_ZONE] : [])] };
  const match = RSS_DATE.exec(text);
  if (!match) return notADate(text);
  const [, weekdayText, day = "", monthText = "", yearText = "", hour = "", minute = "", second = "00", numeric, zoneText] = match;
  const month = nameIndex(monthText, MONTH_NAMES);
  const weekday = weekdayText === undefined ? undefined : nameIndex(weekdayText, WEEKDAY_NAMES);
  if (!month || (weekdayText !== undefined && !weekday)) return notADate(text);
  const lenient = [...(weekday?.full ? ["the weekday in full"] : []), ...(month.full ? ["the month in full"] : [])];
  let offset: string | undefined;
  if (numeric !== undefined) {
    if (numeric.includes(":")) lenient.push("a colon in the offset");
    offset = normalOffset(numeric);
  } else if (zoneText !== undefined) {
    const zone = zoneText.toUpperCase();
    const named = NAMED_ZONES.get(zone);
    const ambiguous = AMBIGUOUS_ZONES.get(zone);
    if (ambiguous !== undefined) {
      return { ok: false, why: `"${text}" gives its zone as ${zone}, which stands for ${ambiguous} time alike: none is guessed (expected the offset as a number, such as +0530, or a zone abbreviation that names one offset)` };
    }
    offset = RFC_822_ZONES.get(zone) ?? named?.offset;
    if (offset === undefined) return { ok: false, why: `"${text}" gives its zone as ${zone}, an abbreviation the importer does not know (expected the offset as a number, such as +0200, or GMT)` };
    if (named) lenient.push(`the zone ${zone}, ${named.name}, as ${offset === "Z" ? "+00:00" : offset}`);
  } else lenient.push(NO_ZONE);
  // Two-digit years: RFC 822 means 19xx, but feeds writing them today mean this century; named, as the century is the importer's guess.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const local = `${year}-${String(month.index + 1).padStart(2, "0")}-${day.padStart(2, "0")}T${hour.padStart(2, "0")}:${minute}:${second}`;
  const time = readWireTime(offset === undefined ? local : `${local}${offset}`);
  if (!time) return notADate(text);
  const actual = WEEKDAY_NAMES[DateTime.fromISO(local, { zone: "UTC" }).weekday - 1] ?? "";
  const wrongDay = weekday !== undefined && WEEKDAY_NAMES[weekday.index] !== actual;
  return {
    ok: true,
    time,
    lenient,
    ...(wrongDay && weekdayText !== undefined ? { weekday: { written: weekdayText, actual } } : {}),
    ...(yearText.length === 2 ? { century: { written: yearText, year } } : {}),
  };
}
