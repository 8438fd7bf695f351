/**
 * Checks a built site folder (see src/lib/check/validate.ts):
 *
 *   node scripts/validate.ts [--pages-only] [--quiet] [dir]   (default _site; the site's URL is SITE_URL or _data/site.ts's)
 *
 * With MEDIA_URL set, as for the build, the photos the pages name under it must be in _media/.
 *
 * Each page's own check is kept in .cache/check and reused while the page, html-validate and the
 * checks are unchanged; --pages-only, for folders that are not this project's site, keeps nothing.
 * While it checks it says how far it is, on standard output: a counter on a terminal, a line every
 * 10 s in a log (see src/lib/model/progress.ts); --quiet prints only the problems and the last line.
 */
import { pathToFileURL } from "node:url";
import { projectChecks } from "../src/lib/check/validate.ts";
import { checkedSiteUrl, validateCommand } from "../src/lib/check/validate-command.ts";
import { readBuiltSiteUrl } from "../src/lib/hosts/static-server.ts";
import { readProjectSettings } from "../src/lib/eleventy/settings.ts";
import { readMediaHost, type MediaHost } from "../src/lib/model/media.ts";
import { formatProblem } from "../src/lib/model/problems.ts";
import { SettingsError } from "../src/lib/model/settings-error.ts";
import { commandOptions } from "./lib/command-options.ts";

/** The media host of MEDIA_URL, none when it is not set, or undefined once its problem is printed. */
function mediaHost(): { media: MediaHost | undefined } | undefined {
  try {
    return { media: readMediaHost(process.env, { local: false }) };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    return undefined;
  }
}

async function main(): Promise<void> {
  // --pages-only checks the HTML and CSS alone, for a folder that is not a whole site of ours.
  const { values, positionals } = commandOptions(
    "validate",
    { allowPositionals: true, options: { "pages-only": { type: "boolean", default: false }, quiet: { type: "boolean", default: false } } },
    "--pages-only, --quiet and the built site's folder",
  );
  const { "pages-only": pagesOnly, quiet } = values;
  const dir = positionals[0] ?? "_site";
  const settings = await readProjectSettings();
  const host = mediaHost();
  if (settings === undefined || host === undefined) {
    process.exitCode = 2;
    return;
  }
  const media = host.media ? { media: host.media } : {};
  const checked = checkedSiteUrl(settings.site.url, process.env["SITE_URL"] !== undefined, await readBuiltSiteUrl(dir), dir);
  if ("problem" in checked) {
    console.error(`validate: ${checked.problem}`);
    process.exitCode = 2;
    return;
  }
  if (checked.said && !quiet) console.log(`validate: ${checked.said}`);
  const site = { ...settings, site: { ...settings.site, url: checked.url } };
  process.exitCode = await validateCommand(dir, pagesOnly ? { siteUrl: site.site.url, ...media } : { ...projectChecks(site), ...media }, {
    quiet,
    terminal: process.stdout.isTTY === true,
    write: (text) => void process.stdout.write(text),
    error: (line) => console.error(line),
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
