/**
 * Checks a built site folder (see src/lib/check/validate.ts):
 *
 *   npx tsx scripts/validate.ts [--pages-only] [--quiet] [dir]   (default _site; the site's URL is SITE_URL or _data/site.ts's)
 *
 * Each page's own check is kept in .cache/check and reused while the page, html-validate and the
 * checks are unchanged; --pages-only, for folders that are not this project's site, keeps nothing.
 * While it checks it says how far it is, on standard output: a counter on a terminal, a line every
 * 10 s in a log (see src/lib/model/progress.ts); --quiet prints only the problems and the last line.
 */
import { pathToFileURL } from "node:url";
import { projectChecks } from "../src/lib/check/validate.ts";
import { validateCommand } from "../src/lib/check/validate-command.ts";
import { readProjectSettings } from "../src/lib/eleventy/settings.ts";

async function main(): Promise<void> {
  // --pages-only checks the HTML and CSS alone, for a folder that is not a whole site of ours.
  const pagesOnly = process.argv.includes("--pages-only");
  const quiet = process.argv.includes("--quiet");
  const dir = process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? "_site";
  const settings = await readProjectSettings();
  if (settings === undefined) {
    process.exitCode = 2;
    return;
  }
  process.exitCode = await validateCommand(dir, pagesOnly ? { siteUrl: settings.site.url } : projectChecks(settings), {
    quiet,
    terminal: process.stdout.isTTY === true,
    write: (text) => void process.stdout.write(text),
    error: (line) => console.error(line),
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
