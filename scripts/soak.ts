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
import { runSoak } from "./soak/run-soak.ts";

const { values } = parseArgs({
  options: { days: { type: "string", default: "30" }, items: { type: "string", default: "300" }, "keep-going": { type: "boolean", default: false } },
});
const [days, items] = [Number(values.days), Number(values.items)];
for (const [option, value] of [["--days", days], ["--items", items]] as const) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`soak: ${option} takes a whole number of at least 1 (got ${option === "--days" ? values.days : values.items})`);
    process.exit(2);
  }
}

const root = copyProjectWithoutStories("soak");
console.log(`soak: ${days} days of ${items} items in ${root}`);
const { broken, buildSeconds } = await runSoak(root, { days, items, keepGoing: values["keep-going"], print: (line) => console.log(line) });
const slowest = Math.max(...buildSeconds);
const builds = `${buildSeconds.length} builds in ${buildSeconds.reduce((sum, s) => sum + s, 0).toFixed(1)} s (slowest ${slowest.toFixed(1)} s, day ${buildSeconds.indexOf(slowest) + 1})`;
if (broken.length === 0) {
  console.log(`soak: every invariant held for ${days} days; ${builds}`);
  rmSync(root, { recursive: true, force: true });
} else {
  const days = [...new Set(broken.map((each) => each.day))];
  console.error(`soak: ${broken.length} broken ${broken.length === 1 ? "invariant" : "invariants"} (first on day ${days[0]}); ${builds}; the copy, with each day's import report and build log under soak/, is in ${root}`);
  process.exitCode = 1;
}
