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

/** The form RSS dates take, for messages. */
export const RFC_822_FORM = "an RFC 822 date such as Wed, 10 Jul 2024 14:30:00 +0200";

const RFC_822 = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?$/i;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** The zone names RFC 822 allows besides numeric offsets; military letters other than Z are ambiguous in practice and not read. */
const RFC_822_ZONES: ReadonlyMap<string, string> = new Map([
  ["ut", "Z"],
  ["gmt", "Z"],
  ["utc", "Z"],
  ["z", "Z"],
  ["est", "-05:00"],
  ["edt", "-04:00"],
  ["cst", "-06:00"],
  ["cdt", "-05:00"],
  ["mst", "-07:00"],
  ["mdt", "-06:00"],
  ["pst", "-08:00"],
  ["pdt", "-07:00"],
]);

/**
 * Reads an RSS date (RFC 822, with RFC 1123's four-digit years): "Wed, 10 Jul 2024 14:30:00
 * +0200", "10 Jul 24 14:30 GMT". The weekday is not checked: feeds get it wrong more often than
 * the date. Undefined when it is not such a date or not a real one.
 */
export function readRfc822Time(text: string): WireTime | undefined {
  const match = RFC_822.exec(text.trim());
  if (!match) return undefined;
  const [, day = "", monthName = "", yearText = "", hour = "", minute = "", second = "00", zone] = match;
  const month = MONTHS.indexOf(monthName.toLowerCase()) + 1;
  if (month === 0) return undefined;
  // Two-digit years: RFC 822 means 19xx, but feeds writing them today mean this century.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const local = `${year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}T${hour.padStart(2, "0")}:${minute}:${second}`;
  const offset = zone === undefined ? undefined : /^[+-]/.test(zone) ? normalOffset(zone) : RFC_822_ZONES.get(zone.toLowerCase());
  if (zone !== undefined && offset === undefined) return undefined;
  return readWireTime(offset === undefined ? local : `${local}${offset}`);
}
