/**
 * Builds the site into a fresh folder, checks it with the validation script, and only then puts
 * it in place of _site/, so a failed build or a page that fails validation never replaces the
 * last good site, and no page of a deleted or renamed story survives.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import Eleventy from "@11ty/eleventy";
import { formatReport, projectChecks, SiteError, validateSite } from "./validate.ts";

const OUTPUT = "_site";

async function build(): Promise<boolean> {
  const staging = mkdtempSync(".site-build-");
  const fail = (): false => (rmSync(staging, { recursive: true, force: true }), false);
  try {
    // Eleventy prints what went wrong (every story problem at once) before it rejects.
    await new Eleventy("src", staging, { configPath: ".eleventy.ts", quietMode: true }).write();
  } catch {
    return fail();
  }
  try {
    const report = await validateSite(staging, await projectChecks());
    if (report.problems.length > 0) {
      console.error(formatReport(report));
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
  return true;
}

if (await build()) {
  console.log(`build: wrote and validated ${OUTPUT}/`);
} else {
  console.error(`build: failed; ${OUTPUT}/ was left as it was.`);
  process.exitCode = 1;
}
