import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DateTime } from "luxon";
import { findAgency, type Agency } from "../model/agencies.ts";
import { firstNonUtf8Line } from "../story/story-source.ts";
import type { ProblemCode } from "../model/problems.ts";
import { readJsonDialect } from "./json-dialect.ts";
import { readNewsml1 } from "./newsml-1.ts";
import { readNewsmlG2 } from "./newsml-g2.ts";
import { readNinjs } from "./ninjs.ts";
import { readNitf } from "./nitf.ts";
import { readPlainText, type PlaceZone } from "./plain-text.ts";
import { readAtom, readRss } from "./web-feed.ts";
import { deliveredKind, deliveredText, likelyEncoding } from "./wire-drop.ts";
import type { ReadBeside, WireItem, WireRead, WireTime } from "./wire-item.ts";

/** The largest item file read: a day's wire item is kilobytes; anything near this is not an item. */
const MAX_ITEM_BYTES = 16 * 1024 * 1024;

/** When a file was delivered, for wire text whose dateline gives a day without year or time. */
async function deliveryTime(file: string, override: WireTime | undefined): Promise<WireTime> {
  if (override) return override;
  const modified = DateTime.fromJSDate((await stat(file)).mtime, { zone: "utc" });
  return { local: modified.toFormat("yyyy-MM-dd'T'HH:mm:ss"), offset: "Z" };
}

/** The item with its source as the settings spell it, when they list that agency ("ITAR-TASS" becomes "Itar-Tass"). */
function withListedSource(item: WireItem, agencies: readonly Agency[]): WireItem {
  const listed = item.source === undefined ? undefined : findAgency(item.source, agencies)?.name;
  return listed === undefined ? item : { ...item, source: listed };
}

/** The files in an item's folder, by name: what a dialect that saves parts of an item beside it reads them with. */
function besideFile(file: string): ReadBeside {
  return (name) => {
    const path = join(dirname(file), name);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      // Not there (or not a file): the item is read without it, and says what it lacks.
      return undefined;
    }
    const text = deliveredText(bytes);
    return text === undefined ? undefined : { file: path, text };
  };
}

export interface DeliveryOptions {
  /** When wire text was delivered, instead of its file's modification time. */
  delivered?: WireTime;
  /** The agencies the settings list. */
  agencies: readonly Agency[];
  /** The zone of a dateline's place, where wire text's delivery is read against its dateline's day. */
  zoneOf?: PlaceZone;
}

/**
 * Reads one delivered file with the reader its content calls for, its items' sources spelt as
 * the settings list them; a file that cannot be read is one problem.
 */
export async function readDeliveredFile(file: string, options: DeliveryOptions): Promise<WireRead> {
  const read = await readWithItsReader(file, options);
  return { ...read, items: read.items.map((item) => withListedSource(item, options.agencies)) };
}

async function readWithItsReader(file: string, { delivered, agencies, zoneOf }: DeliveryOptions): Promise<WireRead> {
  const fail = (message: string, code: ProblemCode): WireRead => ({ items: [], problems: [{ file, field: "", message, code }] });
  let bytes: Uint8Array;
  try {
    const { size } = await stat(file);
    if (size > MAX_ITEM_BYTES) return fail(`is ${size.toLocaleString("en-US")} bytes (expected an item of at most ${MAX_ITEM_BYTES / 1024 / 1024} MB)`, "WD200");
    bytes = await readFile(file);
  } catch (error) {
    return fail(`could not be read (${(error as NodeJS.ErrnoException).code ?? String(error)}; expected a readable file)`, "WD200");
  }
  const text = deliveredText(bytes);
  // UTF-16 of ASCII alone is UTF-8 with a NUL beside each character: no text either.
  const encoding = text === undefined || text.includes("\u0000") ? likelyEncoding(bytes) : undefined;
  if (text === undefined || encoding?.startsWith("UTF-16")) {
    const line = firstNonUtf8Line(bytes);
    // How to convert it, in the encoding its bytes read as, so the desk need not guess.
    const read = encoding === undefined ? "" : `; its bytes read as ${encoding}`;
    const convert = `convert it with iconv -f ${encoding ?? "<its encoding>"} -t UTF-8`;
    const problem = fail(
      `is not UTF-8 text${line === undefined ? "" : ", from this line"}${read} (expected a ninjs, NewsML-G2, NewsML 1.2, NITF, RSS, Atom, JSON Feed or wire text item in UTF-8, or XML declaring ISO-8859-1: ${convert})`,
      "WD201",
    );
    // The first line whose bytes are not UTF-8: one stray byte in a long feed is found there.
    return line === undefined ? problem : { ...problem, problems: problem.problems.map((each) => ({ ...each, line })) };
  }
  const kind = deliveredKind(text);
  if (!kind.ok) return fail(kind.message, "WD202");
  switch (kind.kind) {
    case "json":
      return readJsonDialect(text, file, agencies, besideFile(file)) ?? readNinjs(text, file);
    case "newsml-g2":
      return readNewsmlG2(text, file, agencies);
    case "newsml-1":
      return readNewsml1(text, file, agencies);
    case "nitf":
      return readNitf(text, file, agencies);
    case "rss":
      return readRss(text, file);
    case "atom":
      return readAtom(text, file);
    case "text":
      return readPlainText(text, file, await deliveryTime(file, delivered), agencies, zoneOf);
  }
}
