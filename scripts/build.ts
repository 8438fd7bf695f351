/**
 * Builds the site into _site/, checked before it replaces the last good one (see
 * src/lib/eleventy/build-site.ts):
 *
 *   npm run build                  (-- --timings prints how long each stage took)
 */
import { parseArgs } from "node:util";
import { buildSite } from "../src/lib/eleventy/build-site.ts";

const OUTPUT = "_site";
const { values } = parseArgs({ options: { timings: { type: "boolean", default: false } } });

const { ok, timings } = await buildSite(OUTPUT);
if (values.timings) for (const { stage, seconds } of timings) console.log(`build: timing: ${stage}: ${seconds.toFixed(2)} s`);
if (ok) {
  console.log(`build: wrote and validated ${OUTPUT}/`);
} else {
  console.error(`build: failed; ${OUTPUT}/ was left as it was.`);
  process.exitCode = 1;
}
