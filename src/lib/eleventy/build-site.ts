/**
 * The build, stage by stage, each named and timed:
 *
 *   settings -> stories (read, checked) and newsroom (lists, feeds, sitemaps) -> pages and media
 *   written -> check -> swap
 *
 * It writes into a fresh folder and checks it with every project check before it takes the place
 * of the output folder, so a failed build or a page that fails a check never replaces the last
 * good site, and no page of a deleted or renamed story survives.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import Eleventy from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { formatReport } from "../check/site-problems.ts";
import { projectChecks, SiteError, validateSite } from "../check/validate.ts";
import { formatNextEmbargo, formatStoryProblems, STORY_REPORT_EVENT, type StoryReport } from "../model/story-report.ts";
import { settingsAreGood } from "./settings.ts";

export interface StageTiming {
  stage: string;
  seconds: number;
}

/** Times the stages of one build, in order. */
class StageClock {
  readonly timings: StageTiming[] = [];
  #last = performance.now();

  /** Ends the stage that ran since the last mark. */
  mark(stage: string): void {
    const now = performance.now();
    this.timings.push({ stage, seconds: (now - this.#last) / 1000 });
    this.#last = now;
  }
}

/**
 * Runs Eleventy into `folder`: the stories are read and the newsroom built (ending when the
 * report is emitted), then every page, output and photo is written. Resolves to the report, or
 * undefined when Eleventy itself failed (it has said why).
 */
async function writeSite(folder: string, clock: StageClock): Promise<StoryReport | undefined> {
  let report: StoryReport | undefined;
  const listen = (config: UserConfig) =>
    config.on(STORY_REPORT_EVENT, (received: StoryReport) => {
      report = received;
      clock.mark("stories read, newsroom built");
    });
  try {
    await new Eleventy("src", folder, { configPath: ".eleventy.ts", quietMode: true, config: listen }).write();
  } catch {
    return undefined;
  }
  clock.mark("pages, outputs and photos written");
  return report;
}

/** Builds the site into `output`; resolves to whether it succeeded, and how long each stage took. */
export async function buildSite(output: string): Promise<{ ok: boolean; timings: StageTiming[] }> {
  const clock = new StageClock();
  const done = (ok: boolean) => ({ ok, timings: clock.timings });
  const settingsGood = await settingsAreGood();
  clock.mark("settings");
  if (!settingsGood) return done(false);

  const staging = mkdtempSync(".site-build-");
  const fail = () => (rmSync(staging, { recursive: true, force: true }), done(false));
  const report = await writeSite(staging, clock);
  if (!report) return fail();
  for (const line of formatStoryProblems(report)) console.error(line);
  if (report.errors.length > 0) return fail();

  try {
    const checked = await validateSite(staging, await projectChecks(report.withheld));
    clock.mark("site checked");
    if (checked.problems.length > 0) {
      console.error(formatReport(checked));
      return fail();
    }
  } catch (error) {
    console.error(error instanceof SiteError ? `validate: ${error.message}` : error);
    return fail();
  }

  const previous = `${staging}-previous`;
  if (existsSync(output)) renameSync(output, previous);
  renameSync(staging, output);
  rmSync(previous, { recursive: true, force: true });
  clock.mark("swapped in");
  const embargo = formatNextEmbargo(report);
  if (embargo) console.log(`build: ${embargo}`);
  return done(true);
}
