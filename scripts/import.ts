/**
 * Imports agency items into src/news/ (see src/lib/import/run-import.ts):
 *
 *   npm run import -- [--dry-run] [--verbose] [--quiet] [--zone <IANA zone>] [--delivered <instant>] <file or folder>...
 *
 * While it works it says how far it is, on standard output: files read, then items imported (a
 * counter on a terminal, a line every 10 s in a log; see src/lib/model/progress.ts).
 */
import { readProjectSettings } from "../src/lib/eleventy/settings.ts";
import { IMPORT_USAGE, parseImportArgs } from "../src/lib/import/import-command.ts";
import { PHOTO_FETCH_DEFAULTS } from "../src/lib/import/wire-photo.ts";
import { formatImportReport, IMPORT_STEPS, runImport } from "../src/lib/import/run-import.ts";
import { formatProblem } from "../src/lib/model/problems.ts";
import { steppedProgress } from "../src/lib/model/progress.ts";

const parsed = parseImportArgs(process.argv.slice(2));
if (!parsed.ok) {
  for (const problem of parsed.problems) console.error(`import: ${formatProblem(problem)}`);
  if (parsed.usage) console.error(IMPORT_USAGE);
  process.exit(2);
}
// Importing writes stories, never pages: the site's address plays no part, so the settings are
// read as on a desk's machine, and a CI runner without SITE_URL can import too.
const NO_ADDRESS_ENV = {};
const settings = await readProjectSettings(NO_ADDRESS_ENV);
if (!settings) process.exit(2);
const { site, build, datelinePlaces } = settings;

const { request } = parsed;
const progress = request.quiet ? undefined : steppedProgress("import", IMPORT_STEPS, { terminal: process.stdout.isTTY === true, write: (text) => void process.stdout.write(text) });
const outcomes = await runImport({
  ...request,
  newsDir: "src/news",
  inputDir: "src",
  stagingDir: ".cache/import",
  site,
  datelinePlaces,
  agencies: site.agencies,
  withoutLead: site.withoutLead,
  build,
  photoFetch: PHOTO_FETCH_DEFAULTS,
  ...(progress ? { onProgress: progress.onProgress } : {}),
}).finally(() => progress?.finish());
console.log(formatImportReport(outcomes, request));
process.exitCode = outcomes.some((outcome) => outcome.kind === "refused") ? 1 : 0;
