/**
 * The deploy gate's browser pass over a built site (see src/lib/check/browser-check.ts):
 *
 *   npm run check:site              checks _site/
 *   npm run check:site -- <folder>  checks another built site
 *   npm run check:site -- --quiet   prints only the problems and the last line
 *
 * With MEDIA_URL set, as for the build, the photos the pages name under it are served from _media/
 * on a second local origin, so each is checked before the deploy uploads it.
 *
 * Exits 1 when it finds a problem, 2 when it cannot check at all. While it works it says how far
 * it is, on standard output: a counter on a terminal, a line every 10 s in a log (see
 * src/lib/model/progress.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { findBrowser } from "../src/lib/check/browser.ts";
import { checkSiteInBrowser } from "../src/lib/check/browser-check.ts";
import { MEDIA_FOLDER, readMediaHost, type MediaHost } from "../src/lib/model/media.ts";
import { formatProblem } from "../src/lib/model/problems.ts";
import { SettingsError } from "../src/lib/model/settings-error.ts";
import { progressCounter } from "../src/lib/model/progress.ts";
import { commandOptions } from "./lib/command-options.ts";

const { values, positionals } = commandOptions("check:site", { allowPositionals: true, options: { quiet: { type: "boolean", default: false } } }, "--quiet and the built site's folder");
const { quiet } = values;
const dir = resolve(positionals[0] ?? "_site");
const browser = findBrowser();
if (!existsSync(`${dir}/index.html`)) {
  console.error(`check:site: no built site in ${dir}: run npm run build first`);
  process.exit(2);
}
if (browser === undefined) {
  console.error("check:site: no browser: install Chromium (Debian/Ubuntu: apt-get install chromium chromium-headless-shell) or run npx playwright install chromium");
  process.exit(2);
}
let media: MediaHost | undefined;
try {
  media = readMediaHost(process.env, { local: false });
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  for (const problem of error.problems) console.error(formatProblem(problem));
  process.exit(2);
}
// A site with no photo yet has no media folder; a page that names a photo there still fails its request.
if (media !== undefined && !existsSync(media.folder)) media = undefined;
// The build does not record MEDIA_URL: a site built with it fails every photo here without it, so the likely cause is said first.
if (media === undefined && existsSync(MEDIA_FOLDER) && readdirSync(MEDIA_FOLDER).length > 0) {
  console.error(`check:site: MEDIA_URL is not set, but ${MEDIA_FOLDER}/ holds photos for a media host: check a site built with MEDIA_URL with the same MEDIA_URL set (MEDIA_URL=https://… npm run check:site), or its photos fail to load here`);
}
const progress = quiet
  ? undefined
  : progressCounter({ label: "check:site", what: "pages checked", unit: "pages", terminal: process.stdout.isTTY === true, write: (text) => void process.stdout.write(text) });
let result: Awaited<ReturnType<typeof checkSiteInBrowser>>;
try {
  result = await checkSiteInBrowser(dir, browser, progress?.update, media);
} finally {
  progress?.finish();
}
const { problems, opened } = result;
for (const problem of problems) console.error(formatProblem(problem));
console.log(`check:site: ${opened} page openings, served and from disk: ${problems.length === 0 ? "no problems" : `${problems.length} problems`}`);
process.exitCode = problems.length === 0 ? 0 : 1;
