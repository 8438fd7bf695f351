/**
 * How fast the site check is (scripts/validate.ts, what `npm run validate` runs), on a copy of the
 * project built once from synthetic wire stories: cold (no .cache/check) and warm (with the cache
 * the cold run left). Prints the pages, wall and CPU seconds, pages per second, peak memory and
 * the machine's load average (1 min) as each run starts, since wall time swings on a shared machine.
 *
 *   npm run bench:check                           1,000 and 10,000 stories
 *   npm run bench:check -- --stories 1000         just these sizes (comma-separated)
 *   npm run bench:check -- --stories 1000 --keep  keep the built copy, and print where it is
 *   npm run bench:check -- --copy <folder>        check a copy kept before, with the code it was copied with
 */
import { existsSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { measure, type Run } from "./bench/measure.ts";
import { writeWireStories } from "./bench/wire-stories.ts";
import { copyProjectWithoutStories } from "./lib/project-copy.ts";

/** A measured run, with the machine's load average (1 min) as it started. */
interface LoadedRun extends Run {
  load: number;
}

async function measureWithLoad(cwd: string, args: string[]): Promise<LoadedRun> {
  const load = loadavg()[0] ?? NaN;
  return { ...(await measure(cwd, args)), load };
}

const count = (dir: string, extension: string): number => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(extension)).length;

/** Writes `stories` wire stories into the copy at `root` and builds it once (its build checks it too). */
async function build(root: string, stories: number): Promise<void> {
  console.error(`bench:check: ${stories} stories: writing them into ${root}`);
  await writeWireStories(join(root, "src", "news"), stories);
  console.error(`bench:check: ${stories} stories: building`);
  await measure(root, ["scripts/build.ts"]);
}

/** The check of the copy's site, cold and then warm. */
async function benchmark(root: string): Promise<string[]> {
  const stories = count(join(root, "src", "news"), ".md");
  const pages = count(join(root, "_site"), ".html");
  rmSync(join(root, ".cache", "check"), { recursive: true, force: true });
  const check = ["scripts/validate.ts"];
  const cold = await measureWithLoad(root, check);
  const warm = await measureWithLoad(root, check);
  if (!existsSync(join(root, ".cache", "check"))) throw new Error(`the check left no cache in ${root}/.cache/check`);
  return [cold, warm].map(
    (run, index) =>
      `| ${stories} | ${index === 0 ? "cold" : "warm"} | ${pages} | ${run.seconds.toFixed(1)} | ${(pages / run.seconds).toFixed(0)} | ${run.cpuSeconds.toFixed(1)} | ` +
      `${(pages / run.cpuSeconds).toFixed(0)} | ${run.peakRssMb.toFixed(0)} | ${run.load.toFixed(2)} |`,
  );
}

const { values } = parseArgs({ options: { stories: { type: "string", default: "1000,10000" }, keep: { type: "boolean", default: false }, copy: { type: "string" } } });
const sizes = values.stories.split(",").map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(`bench:check: --stories takes whole numbers separated by commas, e.g. 1000,10000 (got ${values.stories})`);
  process.exit(2);
}
console.log(`bench:check: ${new Date().toISOString()}, ${cpus().length} cores, Node ${process.version}\n`);
console.log("| stories | run | pages | seconds | pages/s | CPU seconds | pages per CPU second | peak RSS, MB | load (1 min) |");
console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const stories of values.copy ? [undefined] : sizes) {
  const root = values.copy ?? copyProjectWithoutStories("bench-check");
  try {
    if (stories !== undefined) await build(root, stories);
    for (const row of await benchmark(root)) console.log(row);
  } finally {
    if (values.copy) console.error(`bench:check: checked ${root}`);
    else if (values.keep) console.error(`bench:check: kept ${root}; check it again with --copy ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}
