/**
 * A month of a desk: wire drops imported day after day, stories edited by hand between them, the
 * site built each evening, and after every day the checks that no published story was lost or
 * changed but by its agency or its editor, that every editor's change is still there, that the
 * build passed and that .cache/ keeps nothing for stories that are gone (see scripts/soak/).
 *
 *   npm run soak                               30 days of 300 items
 *   npm run soak -- --days 3 --items 8         a smaller desk
 *   npm run soak -- --keep-going               every day, naming each broken invariant once
 *
 * Exits with 1, naming the day, the story and the invariant, when one breaks.
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { copyProjectWithoutStories } from "./lib/project-copy.ts";
import { formatSummary, runSoak } from "./soak/run-soak.ts";

const USAGE = "usage: npm run soak -- [--days N] [--items N] [--keep-going]";
const options = { days: { type: "string", default: "30" }, items: { type: "string", default: "300" }, "keep-going": { type: "boolean", default: false } } as const;
let values;
try {
  ({ values } = parseArgs({ options }));
} catch (error) {
  console.error(`soak: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const [days, items] = [Number(values.days), Number(values.items)];
for (const [option, value] of [["--days", days], ["--items", items]] as const) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`soak: ${option} takes a whole number of at least 1 (got ${option === "--days" ? values.days : values.items})\n${USAGE}`);
    process.exit(2);
  }
}

const root = copyProjectWithoutStories("soak");
console.log(`soak: ${days} days of ${items} items in ${root}`);
const result = await runSoak(root, { days, items, keepGoing: values["keep-going"], print: (line) => console.log(line) });
if (result.broken.length === 0) {
  console.log(`soak: every invariant held: ${formatSummary(result)}`);
  rmSync(root, { recursive: true, force: true });
} else {
  const count = result.broken.length;
  console.error(`soak: ${count} broken ${count === 1 ? "invariant" : "invariants"}, the first on day ${result.broken[0]?.day}: ${formatSummary(result)}`);
  console.error(`soak: the copy, with each day's import report and build log under soak/, is in ${root}`);
  process.exitCode = 1;
}
