import { isKnownZone } from "../model/dates.ts";
import { readCommandOptions } from "../model/command-options.ts";
import type { Problem } from "../model/problems.ts";
import { SettingsError } from "../model/settings-error.ts";
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

export const IMPORT_USAGE =
  "usage: npm run import -- [--dry-run] [--verbose] [--quiet] [--zone <IANA zone>] [--lang <language>] [--delivered <instant>] <file or folder>...\n" +
  "  --dry-run      print what would change, write nothing\n" +
  "  --verbose      print every reason of each item, one a line, not only its first\n" +
  "  --quiet        print only the items refused or held, and the count; no progress\n" +
  "  --zone         the zone of places the newsroom does not know, and of times given without an offset\n" +
  "  --lang         the language of items that state none, e.g. ru for a Russian wire\n" +
  "  --delivered    when wire text was delivered (its dateline gives only a day), instead of the file's time";

/** The request, or every problem of the command line (WD313), each naming its option; `usage` when the options themselves could not be read. */
export type RequestResult = { ok: true; request: ImportRequest } | { ok: false; problems: Problem[]; usage: boolean };

const badOption = (option: string, message: string): Problem => ({ file: "", field: option, message, code: "WD313" });

/** Reads the command line; a bad option is named with what was expected, every one of them in one run. */
export function parseImportArgs(args: readonly string[]): RequestResult {
  let parsed;
  try {
    parsed = readCommandOptions(
      {
        args: [...args],
        allowPositionals: true,
        options: {
          "dry-run": { type: "boolean", default: false },
          verbose: { type: "boolean", default: false },
          quiet: { type: "boolean", default: false },
          zone: { type: "string" }, lang: { type: "string" }, delivered: { type: "string" } },
      },
      "the options below",
    );
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { ok: false, problems: [...error.problems], usage: true };
  }
  const { values, positionals } = parsed;
  const problems: Problem[] = [];
  if (positionals.length === 0) problems.push(badOption("paths", "no file or folder to import (expected the files or folders of a delivery)"));
  const request: ImportRequest = { paths: positionals, dryRun: values["dry-run"], verbose: values.verbose, quiet: values.quiet };
  if (values.zone !== undefined) {
    if (isKnownZone(values.zone)) request.defaultZone = values.zone;
    else problems.push(badOption("--zone", `"${values.zone}" is not a known time zone (expected an IANA name such as Europe/Moscow)`));
  }
  if (values.lang !== undefined) {
    // Checked as the story's own lang field is, since that is where it goes.
    const checked = storySchema.shape.lang.safeParse(values.lang);
    if (checked.success) request.defaultLanguage = values.lang;
    else problems.push(badOption("--lang", checked.error.issues[0]?.message ?? "not a language tag"));
  }
  if (values.delivered !== undefined) {
    const delivered = readWireTime(values.delivered);
    if (delivered?.offset === undefined) {
      problems.push(badOption("--delivered", `"${values.delivered}" is not an instant (expected a time with its offset, e.g. 2013-09-02T15:40:00+04:00)`));
    } else {
      request.delivered = delivered;
    }
  }
  return problems.length > 0 ? { ok: false, problems, usage: positionals.length === 0 } : { ok: true, request };
}
