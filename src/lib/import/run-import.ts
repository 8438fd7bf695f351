import { rm } from "node:fs/promises";
import { formatProblem, type Problem } from "../model/problems.ts";
import type { ProgressListener } from "../model/progress.ts";
import { checkRefusedItem, importItem, type ImportSettings, type ItemOutcome, type OutcomeKind } from "./import-item.ts";
import { readDeliveredFile } from "./read-delivered.ts";
import { languageTag } from "./item-language.ts";
import { deliveredFiles } from "./wire-drop.ts";
import type { WireItem, WireProblem, WireRead, WireTime } from "./wire-item.ts";
import { zoneFor } from "./story-plan.ts";
import { findWireStories } from "./wire-stories.ts";
import { wireTimeMillis } from "./wire-time.ts";

export interface ImportRun extends ImportSettings {
  /** Files and folders (wire drops) to read. */
  paths: readonly string[];
  /** When wire text was delivered, instead of its file's modification time. */
  delivered?: WireTime;
  /** Hears how far the run is: files read, then items imported. */
  onProgress?: (step: ImportStep, done: number, total: number) => void;
}

/** The steps of an import that count what they do, and what their progress lines say they count. */
export type ImportStep = "read" | "import";
export const IMPORT_STEPS: Readonly<Record<ImportStep, { what: string; unit: string }>> = {
  read: { what: "files read", unit: "files" },
  import: { what: "items imported", unit: "items" },
};

/**
 * One refused item for each item the problems are in: every problem of an item, each with its
 * place, under the file's name. A reader finds all of an item's problems at once; one line an item
 * keeps the report readable.
 */
function refusedItems(problems: readonly WireProblem[]): ItemOutcome[] {
  const byItem = new Map<string, ItemOutcome>();
  for (const { itemIndex, ...problem } of problems) {
    const key = `${problem.file}\u0000${itemIndex ?? ""}`;
    const outcome = byItem.get(key) ?? { kind: "refused", item: problem.file, notes: [] };
    outcome.notes.push(problem);
    byItem.set(key, outcome);
  }
  return [...byItem.values()];
}

/** Items in the order their versions were made, so a drop holding several versions of one item ends at the newest. */
function inVersionOrder(items: WireItem[], zone: string): WireItem[] {
  const timeOf = (item: WireItem) => {
    const time = item.versionTime ?? item.released;
    return (time && wireTimeMillis(time, zone)) ?? 0;
  };
  return items.map((item, index) => ({ item, index, time: timeOf(item) })).sort((a, b) => a.time - b.time || a.index - b.index).map(({ item }) => item);
}

/**
 * Reads every delivered file, then applies its items to the newsroom one at a time, oldest
 * version first. A bad file or item is refused on its own line; the others still import.
 */
export async function runImport(run: ImportRun): Promise<ItemOutcome[]> {
  const progressOf = (step: ImportStep): ProgressListener => (done, total) => run.onProgress?.(step, done, total);
  const { files, problems } = deliveredFiles(run.paths);
  const outcomes = refusedItems(problems);
  const reads = new Map<string, WireRead>();
  // A place's zone as the story will be dated in it, so wire text's day is told where the agency dated it.
  const zoneOf = (place: string): string | undefined => {
    const found = zoneFor(place, { datelinePlaces: run.datelinePlaces, ...(run.defaultZone ? { defaultZone: run.defaultZone } : {}) });
    return "zone" in found ? found.zone : undefined;
  };
  const onRead = progressOf("read");
  onRead(0, files.length);
  for (const file of files) {
    reads.set(file, await readDeliveredFile(file, { ...(run.delivered ? { delivered: run.delivered } : {}), agencies: run.agencies, zoneOf }));
    onRead(reads.size, files.length);
  }
  // A file read as part of another's item (AP's NITF text beside its JSON) is no item of its own.
  const companions = new Set([...reads.values()].flatMap((read) => read.companions ?? []));
  const stories = findWireStories(run.newsDir, run.inputDir, run.site.language);
  const items: WireItem[] = [];
  for (const [file, read] of reads) {
    if (companions.has(file)) continue;
    outcomes.push(...refusedItems(read.problems));
    // A refused item's every problem in one run: its reader's, then those the rest of it shows, then what its reader left out.
    for (const refused of read.refused ?? []) {
      const outcome = await checkRefusedItem(refused, stories, run);
      outcomes.push({ ...outcome, notes: [...outcome.notes, ...(refused.found.notes ?? []).map((note) => ({ file: refused.found.file, ...note }))] });
    }
    items.push(...read.items.map(languageTag));
  }
  outcomes.push(
    ...stories.problems.map((problem): ItemOutcome => ({ kind: "refused", item: problem.file, notes: [{ ...problem, message: `${problem.message}; items for it are not imported until it is fixed` }] })),
  );
  const onImported = progressOf("import");
  let imported = 0;
  onImported(imported, items.length);
  try {
    for (const item of inVersionOrder(items, run.defaultZone ?? "UTC")) {
      try {
        const outcome = await importItem(item, stories, run);
        // Most important first: what holds or refuses the item, then what the reader left out.
        outcomes.push({ ...outcome, format: item.format, notes: [...outcome.notes, ...(item.notes ?? []).map((note) => ({ file: item.file, ...note }))] });
      } catch (error) {
        // A disk that fills or a folder that cannot be written stops this item, not the run.
        const notWritten: Problem = { file: item.file, field: "", message: `could not be written: ${(error as Error).message}`, code: "WD225" };
        outcomes.push({ kind: "refused", item: item.path ? `${item.file}: ${item.path}` : item.file, format: item.format, notes: [notWritten] });
      }
      onImported((imported += 1), items.length);
    }
  } finally {
    await rm(run.stagingDir, { recursive: true, force: true });
  }
  return outcomes;
}

const KINDS: readonly OutcomeKind[] = ["created", "updated", "unchanged", "withdrawn", "held", "refused"];

/** How the report is printed. */
export interface ReportOptions {
  dryRun: boolean;
  /** Every reason of each item, one a line under it, rather than the first alone. */
  verbose?: boolean;
  /** Only the items that need someone (refused or held), then the count of all. */
  quiet?: boolean;
}

const NEEDS_SOMEONE: readonly OutcomeKind[] = ["held", "refused"];

/**
 * A reason as the item's line prints it: the problem with its code, without the file the line
 * names already, but for a place at a line, which stays a link to it (`drop/wire.txt:12: …`).
 */
const formatReason = (problem: Problem): string => formatProblem(problem.line === undefined ? { ...problem, file: "" } : problem);

/**
 * One line per item: its outcome, the story file and the delivered file, and its first reason
 * (the most important: see runImport) with how many more there are; verbose, every reason on a
 * line of its own under it; quiet, the items refused or held alone. Then the count of each outcome.
 */
export function formatImportReport(outcomes: readonly ItemOutcome[], { dryRun, verbose = false, quiet = false }: ReportOptions): string {
  const width = Math.max(...KINDS.map((kind) => kind.length));
  const indent = " ".repeat(width + 2);
  const listed = quiet ? outcomes.filter(({ kind }) => NEEDS_SOMEONE.includes(kind)) : outcomes;
  const lines = listed.flatMap(({ kind, item, format, story, notes }) => {
    // The item as delivered, with the format or dialect it was read as: "drop/0001.json [ninjs 1 (Superdesk)]".
    const delivered = format === undefined ? item : `${item} [${format}]`;
    const subject = `${kind.padEnd(width)}  ${story ? `${story} <- ${delivered}` : delivered}`;
    const [first, ...more] = notes.map(formatReason);
    if (first === undefined) return [subject];
    if (verbose) return [subject, ...[first, ...more].map((reason) => `${indent}${reason}`)];
    if (more.length === 0) return [`${subject}: ${first}`];
    return [`${subject}: ${first} (and ${more.length} more: --verbose lists ${more.length === 1 ? "it" : "them"})`];
  });
  const counts = KINDS.map((kind) => `${outcomes.filter((outcome) => outcome.kind === kind).length} ${kind}`);
  const summary = `${outcomes.length} ${outcomes.length === 1 ? "item" : "items"}: ${counts.join(", ")}${dryRun ? " (dry run: nothing written)" : ""}`;
  return [...lines, summary].join("\n");
}
