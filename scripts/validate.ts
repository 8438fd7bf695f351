/**
 * Checks a built site folder (see src/lib/check/validate.ts):
 *
 *   npx tsx scripts/validate.ts [--pages-only] [dir]   (default _site; the site's URL is SITE_URL or _data/site.ts's)
 *
 * Each page's own check is kept in .cache/check and reused while the page, html-validate and the
 * checks are unchanged; --pages-only, for folders that are not this project's site, keeps nothing.
 */
import { pathToFileURL } from "node:url";
import { formatReport } from "../src/lib/check/site-problems.ts";
import { projectChecks, SiteError, validateSite } from "../src/lib/check/validate.ts";
import { readProjectSettings } from "../src/lib/eleventy/settings.ts";

async function main(): Promise<void> {
  // --pages-only checks the HTML and CSS alone, for a folder that is not a whole site of ours.
  const pagesOnly = process.argv.includes("--pages-only");
  const dir = process.argv.slice(2).find((arg) => !arg.startsWith("--")) ?? "_site";
  const settings = await readProjectSettings();
  if (settings === undefined) {
    process.exitCode = 2;
    return;
  }
  try {
    const report = await validateSite(dir, pagesOnly ? { siteUrl: settings.site.url } : projectChecks(settings));
    for (const line of formatReport(report)) console.log(line);
    process.exitCode = report.problems.length === 0 ? 0 : 1;
  } catch (error) {
    // Exit 1 means "problems found"; failing to check at all is 2. Only a bug needs its stack.
    console.error(error instanceof SiteError ? `validate: ${error.message}` : error);
    process.exitCode = 2;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
