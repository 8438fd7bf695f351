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
