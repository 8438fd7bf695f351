/**
 * Builds the site into _site/, checked before it replaces the last good one (see
 * src/lib/build/build.ts):
 *
 *   npm run build                          (-- --timings prints how long each stage took)
 *   npm run build -- --explain <page>      says why a page was rendered or reused: its URL, its
 *                                          file under _site/, or its story's file under src/news/
 */
import { parseArgs } from "node:util";
import { build, StageError } from "../src/lib/build/build.ts";
import { explainPage } from "../src/lib/build/explain.ts";
import { formatReport } from "../src/lib/check/site-problems.ts";
import { formatNextEmbargo, formatStoryProblems } from "../src/lib/model/story-report.ts";

const OUTPUT = "_site";
const { values } = parseArgs({ options: { timings: { type: "boolean", default: false }, explain: { type: "string", multiple: true, default: [] } } });

async function main(): Promise<boolean> {
  let result;
  try {
    result = await build(".", { output: OUTPUT });
  } catch (error) {
    if (!(error instanceof StageError)) throw error;
    console.error(`build: ${error.message}`);
    if (!(error.cause instanceof Error && "__errorAlreadyLogged" in error.cause)) console.error(error.cause);
    return false;
  }
  const { report } = result;
  for (const line of result.settingProblems) console.error(line);
  for (const line of report.caches) console.log(line);
  if (report.stories) for (const line of formatStoryProblems(report.stories)) console.error(line);
  if (report.check && report.check.problems.length > 0) console.error(formatReport(report.check));
  for (const page of values.explain) console.log(`build: ${explainPage(result, page, OUTPUT)}`);
  if (values.timings) for (const { stage, seconds } of report.timings) console.log(`build: timing: ${stage}: ${seconds.toFixed(2)} s`);
  const embargo = report.stories && result.ok ? formatNextEmbargo(report.stories) : undefined;
  if (embargo) console.log(`build: ${embargo}`);
  return result.ok;
}

if (await main()) {
  console.log(`build: wrote and validated ${OUTPUT}/`);
} else {
  console.error(`build: failed; ${OUTPUT}/ was left as it was.`);
  process.exitCode = 1;
}
