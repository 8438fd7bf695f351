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
import { buildLog } from "../src/lib/build/build-log.ts";
import { explainPage } from "../src/lib/build/explain.ts";

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
  for (const { text, problem } of buildLog(result)) (problem ? console.error : console.log)(text);
  for (const page of values.explain) console.log(`build: ${explainPage(result, page, OUTPUT)}`);
  if (values.timings) for (const { stage, seconds } of result.report.timings) console.log(`build: timing: ${stage}: ${seconds.toFixed(2)} s`);
  return result.ok;
}

if (await main()) {
  console.log(`build: wrote and validated ${OUTPUT}/`);
} else {
  console.error(`build: failed; ${OUTPUT}/ was left as it was.`);
  process.exitCode = 1;
}
