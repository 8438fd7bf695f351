/**
 * How fast `npm run import` takes in a wire drop, on a copy of the project with no stories: the
 * first import of a drop, the same drop again (every item unchanged), and a further drop of 100
 * items into the archive the first one made. Prints wall and CPU seconds, items per second, peak
 * memory and the machine's load average (1 min) as each run starts.
 *
 *   npm run bench:import                      1,000 items
 *   npm run bench:import -- --items 5000      another size
 */
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measure } from "./bench/measure.ts";
import { writeWireItems } from "./bench/wire-items.ts";
import { copyProjectWithoutStories } from "./lib/project-copy.ts";

const { values } = parseArgs({ options: { items: { type: "string", default: "1000" } } });
const items = Number(values.items);
if (!Number.isInteger(items) || items < 1) {
  console.error(`bench:import: --items takes a whole number (got ${values.items})`);
  process.exit(2);
}

const root = copyProjectWithoutStories("bench-import");
writeWireItems(join(root, "drop"), items);
// The next day's first 100 items: ids the archive does not hold yet.
writeWireItems(join(root, "next"), items + 100);
const importing = (folder: string) => ["--import", "tsx", "scripts/import.ts", folder];

console.log(`bench:import: ${items} ninjs items, ${new Date().toISOString()}`);
console.log("| run | items | seconds | CPU s | items/s | peak MB | load (1 min) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [label, folder, count] of [
  ["first import", "drop", items],
  ["same drop again", "drop", items],
  ["the drop again, with 100 new items", "next", items + 100],
] as const) {
  const load = loadavg()[0] ?? NaN;
  const run = await measure(root, importing(folder));
  const summary = run.output.split("\n").find((line) => /^\d+ items?: /.test(line)) ?? "";
  console.log(`| ${label} | ${count} | ${run.seconds.toFixed(1)} | ${run.cpuSeconds.toFixed(1)} | ${(count / run.seconds).toFixed(0)} | ${run.peakRssMb.toFixed(0)} | ${load.toFixed(2)} |`);
  console.error(`bench:import: ${label}: ${summary}`);
}
console.log(`bench:import: the copy is in ${root}`);
