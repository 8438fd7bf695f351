/**
 * What `npm run import` makes of the project's corpus of producers' items, and how fast it takes
 * in a wire drop. First the corpus (tests/fixtures/wire/, see scripts/bench/wire-corpus.ts): each
 * producer's items by outcome and the reasons stories were held for, then the corpus imported
 * again and again in process, timed. Then synthetic ninjs drops, each import a process of its own
 * on a copy of the project with no stories: the first import of a drop, the same drop again
 * (every item unchanged), and a further drop of 100 items into the archive the first one made.
 * Prints wall and CPU seconds, items per second, peak memory and the machine's load average.
 *
 *   npm run bench:import                                   the corpus 10 times, 1,000 synthetic items
 *   npm run bench:import -- --items 5000 --passes 20       other sizes
 */
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measure } from "./bench/measure.ts";
import { acceptanceByProducer, formatAcceptance, importCorpus, timeCorpusImport } from "./bench/wire-corpus.ts";
import { writeWireItems } from "./bench/wire-items.ts";
import { copyProjectWithoutStories } from "./lib/project-copy.ts";

const { values } = parseArgs({ options: { items: { type: "string", default: "1000" }, passes: { type: "string", default: "10" } } });
const [items, passes] = (["items", "passes"] as const).map((name) => {
  const count = Number(values[name]);
  if (Number.isInteger(count) && count >= 1) return count;
  console.error(`bench:import: --${name} takes a whole number (got ${values[name]})`);
  return process.exit(2);
}) as [number, number];

const load = () => loadavg().map((each) => each.toFixed(2)).join(", ");
console.log(`bench:import: ${new Date().toISOString()}, load average ${load()} (1, 5, 15 min), ${cpus().length} cores, Node ${process.versions.node}`);
console.log("\nThe corpus, each producer's folder imported into a newsroom of its own:\n");
console.log(formatAcceptance(acceptanceByProducer(await importCorpus())));
const corpusLoad = load();
const timed = await timeCorpusImport(passes);
console.log(`\n| run | items | seconds | CPU s | items/s | load (1, 5, 15 min) |`);
console.log("| --- | ---: | ---: | ---: | ---: | --- |");
console.log(`| the corpus ${passes} times, in process | ${timed.items} | ${timed.seconds.toFixed(1)} | ${timed.cpuSeconds.toFixed(1)} | ${(timed.items / timed.seconds).toFixed(0)} | ${corpusLoad} |`);

const root = copyProjectWithoutStories("bench-import");
writeWireItems(join(root, "drop"), items);
// The next day's first 100 items: ids the archive does not hold yet.
writeWireItems(join(root, "next"), items + 100);
const importing = (folder: string) => ["scripts/import.ts", folder];

console.log(`\nSynthetic ninjs drops of ${items} items, each import a process of its own:\n`);
console.log("| run | items | seconds | CPU s | items/s | peak MB | load (1 min) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [label, folder, count] of [
  ["first import", "drop", items],
  ["same drop again", "drop", items],
  ["the drop again, with 100 new items", "next", items + 100],
] as const) {
  const loadNow = loadavg()[0] ?? NaN;
  const run = await measure(root, importing(folder));
  const summary = run.output.split("\n").find((line) => /^\d+ items?: /.test(line)) ?? "";
  console.log(`| ${label} | ${count} | ${run.seconds.toFixed(1)} | ${run.cpuSeconds.toFixed(1)} | ${(count / run.seconds).toFixed(0)} | ${run.peakRssMb.toFixed(0)} | ${loadNow.toFixed(2)} |`);
  console.error(`bench:import: ${label}: ${summary}`);
}
console.log(`bench:import: the copy is in ${root}`);
