import type { Agency } from "../model/agencies.ts";
import { isApMediaApi, readApMediaApi } from "./ap-media-api.ts";
import { dpaEntries, isDpaDigitalwires, readDpaDigitalwires } from "./dpa-digitalwires.ts";
import { isJsonFeed, readJsonFeed } from "./json-feed.ts";
import { isPlainObject } from "./ninjs-schema.ts";
import { withControlNotes, withoutControls } from "./control-characters.ts";
import { isSuperdeskNinjs, readSuperdeskNinjs } from "./superdesk-ninjs.ts";
import type { ReadBeside, WireRead } from "./wire-item.ts";

/**
 * Tells a producer's JSON dialect from IPTC ninjs by content, never by file name: a JSON Feed by
 * its version, an AP Media API response by its api_version and data, a dpa digitalwires entry by
 * its format or urn, Superdesk's ninjs by guid where ninjs has uri. A list, or dpa's `{"entries": [...]}`, is told by its first
 * item. Undefined for anything else (IPTC ninjs, or JSON that does not parse), which the ninjs
 * reader reads and explains. `agencies` are the settings' list, by which the agency a dateline
 * names is known; `readBeside` gives the files in the item's folder (AP's text is saved beside its JSON).
 */
export function readJsonDialect(text: string, file: string, agencies: readonly Agency[], readBeside?: ReadBeside): WireRead | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return undefined;
  }
  const { value, notes } = withoutControls(parsed);
  const read = readDialect(value, file, agencies, readBeside);
  return read && withControlNotes(read, notes);
}

/** The dialect's read of a JSON value, told by its content; undefined for IPTC ninjs or anything else. */
function readDialect(value: unknown, file: string, agencies: readonly Agency[], readBeside?: ReadBeside): WireRead | undefined {
  if (isJsonFeed(value)) return readJsonFeed(value, file);
  if (isPlainObject(value) && isApMediaApi(value)) return readApMediaApi(value, file, agencies, readBeside);
  const [entry] = dpaEntries(value);
  if (isPlainObject(entry?.value) && isDpaDigitalwires(entry.value)) return readDpaDigitalwires(value, file, agencies);
  const [item] = Array.isArray(value) ? value : [value];
  if (isPlainObject(item) && isSuperdeskNinjs(item)) return readSuperdeskNinjs(value, file);
  return undefined;
}
