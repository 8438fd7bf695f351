import { rm } from "node:fs/promises";
import { importItem, type ImportSettings, type ItemOutcome, type OutcomeKind } from "./import-item.ts";
import { readDeliveredFile } from "./read-delivered.ts";
import { deliveredFiles } from "./wire-drop.ts";
import type { WireItem, WireProblem, WireTime } from "./wire-item.ts";
import { findWireStories } from "./wire-stories.ts";
import { wireTimeMillis } from "./wire-time.ts";

export interface ImportRun extends ImportSettings {
  /** Files and folders (wire drops) to read. */
  paths: readonly string[];
  /** When wire text was delivered, instead of its file's modification time. */
  delivered?: WireTime;
}

const problemOutcome = ({ file, path, message }: WireProblem): ItemOutcome => ({
  kind: "refused",
  item: path ? `${file}: ${path}` : file,
  notes: [message],
});

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
  const { files, problems } = deliveredFiles(run.paths);
  const outcomes = problems.map(problemOutcome);
  const items: WireItem[] = [];
  for (const file of files) {
    const read = await readDeliveredFile(file, { ...(run.delivered ? { delivered: run.delivered } : {}), agencies: run.agencies });
    outcomes.push(...read.problems.map(problemOutcome));
    items.push(...read.items);
  }
  const stories = findWireStories(run.newsDir, run.inputDir);
  outcomes.push(...stories.problems.map((problem) => ({ ...problemOutcome(problem), notes: [`${problem.message}; items for it are not imported until it is fixed`] })));
  try {
    for (const item of inVersionOrder(items, run.defaultZone ?? "UTC")) {
      try {
        const outcome = await importItem(item, stories, run);
        outcomes.push({ ...outcome, notes: [...outcome.notes, ...(item.notes ?? [])] });
      } catch (error) {
        // A disk that fills or a folder that cannot be written stops this item, not the run.
        outcomes.push(problemOutcome({ file: item.file, path: item.path, message: `could not be written: ${(error as Error).message}` }));
      }
    }
  } finally {
    await rm(run.stagingDir, { recursive: true, force: true });
  }
  return outcomes;
}

const KINDS: readonly OutcomeKind[] = ["created", "updated", "unchanged", "withdrawn", "held", "refused"];

/**
 * One line per item with its notes, then the count of each outcome. A refused item has a line
 * per problem, each naming the file and place, as editors' tools link to them.
 */
export function formatImportReport(outcomes: readonly ItemOutcome[], dryRun: boolean): string {
  const width = Math.max(...KINDS.map((kind) => kind.length));
  const lines = outcomes.flatMap(({ kind, item, story, notes }) => {
    const subject = `${kind.padEnd(width)}  ${story ? `${story} <- ${item}` : item}`;
    if (notes.length === 0) return [subject];
    return kind === "refused" ? notes.map((note) => `${subject}: ${note}`) : [`${subject}: ${notes.join("; ")}`];
  });
  const counts = KINDS.map((kind) => `${outcomes.filter((outcome) => outcome.kind === kind).length} ${kind}`);
  const summary = `${outcomes.length} ${outcomes.length === 1 ? "item" : "items"}: ${counts.join(", ")}${dryRun ? " (dry run: nothing written)" : ""}`;
  return [...lines, summary].join("\n");
}
