/**
 * What a desk waits for at a wire service's scale, ours beside a bare Eleventy build of the same
 * synthetic stories (its defaults, one layout, the photos copied, no plugins):
 *
 *   npm run bench                        1,000 and 10,000 stories
 *   npm run bench -- --stories 1000      just these sizes (comma-separated)
 *   npm run bench -- --stories 50000 --photo-every 25 --builds-only
 *                                        a size whose every step would take hours: fewer photos,
 *                                        and only the first build and the rebuild
 *
 * Each step runs cold (no cache but the converted photos, or nothing at all for the first build)
 * and warm (with every cache the previous build left). Cells are wall seconds, with the CPU
 * seconds and the peak memory of the command; the machine's load is printed first, since
 * absolute times on a shared machine swing, while ratios to the bare build hold.
 */
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { copyProjectWithoutStories } from "./lib/project-copy.ts";
import { PHOTO_EVERY, writeWireStories } from "./bench/wire-stories.ts";
import { benchmarkNewsroom, formatTable } from "./bench/steps.ts";

const { values } = parseArgs({
  options: { stories: { type: "string", default: "1000,10000" }, "photo-every": { type: "string", default: String(PHOTO_EVERY) }, "builds-only": { type: "boolean", default: false } },
});
const sizes = values.stories.split(",").map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(`bench: --stories takes whole numbers separated by commas, e.g. 1000,10000 (got ${values.stories})`);
  process.exit(2);
}
const photoEvery = Number(values["photo-every"]);
if (!Number.isInteger(photoEvery) || photoEvery < 1) {
  console.error(`bench: --photo-every takes a whole number, e.g. 5 for every fifth story (got ${values["photo-every"]})`);
  process.exit(2);
}
const load = loadavg().map((n) => n.toFixed(2)).join(", ");
console.log(`bench: ${new Date().toISOString()}, ${cpus().length} cores, load average ${load} (1, 5, 15 min), Node ${process.version}`);
for (const size of sizes) {
  const root = copyProjectWithoutStories("bench");
  console.error(`bench: ${size} stories: writing them, with their photos`);
  await writeWireStories(join(root, "src", "news"), size, photoEvery);
  const rows = await benchmarkNewsroom(root, size, { buildsOnly: values["builds-only"] });
  console.log(`\n### ${size.toLocaleString("en-US")} stories, every ${photoEvery === 1 ? "" : `${photoEvery}th `}story with a photo\n`);
  console.log(formatTable(rows));
}
