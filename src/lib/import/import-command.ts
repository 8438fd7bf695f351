import { parseArgs } from "node:util";
import { isKnownZone } from "../model/dates.ts";
import { storySchema } from "../story/schema.ts";
import type { WireTime } from "./wire-item.ts";
import { readWireTime } from "./wire-time.ts";

/** What `npm run import` was asked to do. */
export interface ImportRequest {
  paths: string[];
  dryRun: boolean;
  /** Every reason of each item, rather than its first. */
  verbose: boolean;
  /** Only the items refused or held, and the count; no progress. */
  quiet: boolean;
  defaultZone?: string;
  /** The language of items that state none (wire text never does). */
  defaultLanguage?: string;
  delivered?: WireTime;
}

const IMPORT_USAGE =
  "usage: npm run import -- [--dry-run] [--verbose] [--quiet] [--zone <IANA zone>] [--lang <language>] [--delivered <instant>] <file or folder>...\n" +
  "  --dry-run      print what would change, write nothing\n" +
  "  --verbose      print every reason of each item, one a line, not only its first\n" +
  "  --quiet        print only the items refused or held, and the count; no progress\n" +
  "  --zone         the zone of places the newsroom does not know, and of times given without an offset\n" +
  "  --lang         the language of items that state none, e.g. ru for a Russian wire\n" +
  "  --delivered    when wire text was delivered (its dateline gives only a day), instead of the file's time";

export type RequestResult = { ok: true; request: ImportRequest } | { ok: false; message: string };

/** Reads the command line; a bad option is named with what was expected. */
export function parseImportArgs(args: readonly string[]): RequestResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        zone: { type: "string" }, lang: { type: "string" }, delivered: { type: "string" } },
    });
  } catch (error) {
    return { ok: false, message: `${(error as Error).message}\n${IMPORT_USAGE}` };
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return { ok: false, message: `no file or folder to import\n${IMPORT_USAGE}` };
  const request: ImportRequest = { paths: positionals, dryRun: values["dry-run"], verbose: values.verbose, quiet: values.quiet };
  if (values.zone !== undefined) {
    if (!isKnownZone(values.zone)) return { ok: false, message: `--zone: "${values.zone}" is not a known time zone (expected an IANA name such as Europe/Moscow)` };
    request.defaultZone = values.zone;
  }
  if (values.lang !== undefined) {
    // Checked as the story's own lang field is, since that is where it goes.
    const checked = storySchema.shape.lang.safeParse(values.lang);
    if (!checked.success) return { ok: false, message: `--lang: ${checked.error.issues[0]?.message ?? "not a language tag"}` };
    request.defaultLanguage = values.lang;
  }
  if (values.delivered !== undefined) {
    const delivered = readWireTime(values.delivered);
    if (delivered?.offset === undefined) {
      return { ok: false, message: `--delivered: "${values.delivered}" is not an instant (expected a time with its offset, e.g. 2013-09-02T15:40:00+04:00)` };
    }
    request.delivered = delivered;
  }
  return { ok: true, request };
}
