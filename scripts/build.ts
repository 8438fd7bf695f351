/**
 * Builds the site into a fresh folder, checks it with the validation script, and only then puts
 * it in place of _site/, so a failed build or a page that fails validation never replaces the
 * last good site, and no page of a deleted or renamed story survives.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatNextEmbargo, formatStoryProblems, STORY_REPORT_EVENT, type StoryReport } from "../src/lib/model/story-report.ts";
import { settingsAreGood } from "../src/lib/eleventy/settings.ts";
import { formatReport } from "../src/lib/check/site-problems.ts";
import { projectChecks, SiteError, validateSite } from "../src/lib/check/validate.ts";

const OUTPUT = "_site";

/** Runs Eleventy into `folder`; resolves to its report of the stories, or undefined when Eleventy itself failed (it says why). */
async function writeSite(folder: string): Promise<StoryReport | undefined> {
  let report: StoryReport | undefined;
  const listen = (config: UserConfig) => config.on(STORY_REPORT_EVENT, (received: StoryReport) => void (report = received));
  try {
    await new Eleventy("src", folder, { configPath: ".eleventy.ts", quietMode: true, config: listen }).write();
  } catch {
    return undefined;
  }
  return report;
}

async function build(): Promise<boolean> {
  if (!(await settingsAreGood())) return false;
  const staging = mkdtempSync(".site-build-");
  const fail = (): false => (rmSync(staging, { recursive: true, force: true }), false);
  const report = await writeSite(staging);
  if (!report) return fail();
  for (const line of formatStoryProblems(report)) console.error(line);
  if (report.errors.length > 0) return fail();
  try {
    const checked = await validateSite(staging, await projectChecks(report.withheld));
    if (checked.problems.length > 0) {
      console.error(formatReport(checked));
      return fail();
    }
  } catch (error) {
    console.error(error instanceof SiteError ? `validate: ${error.message}` : error);
    return fail();
  }
  const previous = `${staging}-previous`;
  if (existsSync(OUTPUT)) renameSync(OUTPUT, previous);
  renameSync(staging, OUTPUT);
  rmSync(previous, { recursive: true, force: true });
  const embargo = formatNextEmbargo(report);
  if (embargo) console.log(`build: ${embargo}`);
  return true;
}

if (await build()) {
  console.log(`build: wrote and validated ${OUTPUT}/`);
} else {
  console.error(`build: failed; ${OUTPUT}/ was left as it was.`);
  process.exitCode = 1;
}
