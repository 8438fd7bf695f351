/**
 * Builds the site into _site/, checked before it replaces the last good one (see
 * src/lib/build/build.ts):
 *
 *   npm run build                          (-- --timings prints how long each stage took)
 *   npm run build -- --explain <page>      says why a page was rendered or reused: its URL, its
 *                                          file under _site/, or its story's file under src/news/
 *   npm run build -- --quiet               prints only the problems and the last line
 *   npm run build -- --media local         keeps every photo beside its pages, whatever MEDIA_URL
 *                                          says: a site to read offline
 *
 * While it works it says how far each long stage is, on standard output: on a terminal a counter
 * rewritten in place, in a log (CI) a line every 10 s (see src/lib/model/progress.ts). Problems go
 * to standard error, one a line, as they always do.
 */
import { build, StageError } from "../src/lib/build/build.ts";
import { buildLog, buildProgress } from "../src/lib/build/build-log.ts";
import { explainPage } from "../src/lib/build/explain.ts";
import { formatProblem } from "../src/lib/model/problems.ts";
import { commandOptions } from "./lib/command-options.ts";

const OUTPUT = "_site";
const { values } = commandOptions(
  "build",
  {
    options: {
      timings: { type: "boolean", default: false },
      explain: { type: "string", multiple: true, default: [] },
      quiet: { type: "boolean", default: false },
      media: { type: "string" },
    },
  },
  "--timings, --quiet, --explain <page> or --media local",
);

async function main(): Promise<boolean> {
  if (values.media !== undefined && values.media !== "local") {
    console.error(formatProblem({ file: "", field: "--media", message: `got ${JSON.stringify(values.media)} (expected local, which keeps every photo beside its pages)`, code: "WD313" }));
    return false;
  }
  const progress = values.quiet ? undefined : buildProgress({ terminal: process.stdout.isTTY === true, write: (text) => void process.stdout.write(text) });
  let result;
  try {
    // The counter's line ends before anything else is printed, whether the build ends or fails.
    result = await build(".", { output: OUTPUT, localMedia: values.media === "local", ...(progress ? { onProgress: progress.onProgress } : {}) }).finally(() => progress?.finish());
  } catch (error) {
    if (!(error instanceof StageError)) throw error;
    console.error(`build: ${error.message}`);
    if (!(error.cause instanceof Error && "__errorAlreadyLogged" in error.cause)) console.error(error.cause);
    return false;
  }
  for (const { text, problem } of buildLog(result)) {
    if (problem) console.error(text);
    else if (!values.quiet) console.log(text);
  }
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
