import { readFileSync } from "node:fs";
import type { BuildSettings } from "../model/publishing.ts";
import { formatProblem } from "../model/problems.ts";
import { settled } from "../model/settings-error.ts";
import type { SiteSettings } from "../model/site.ts";
import type { DatelinePlaces } from "../story/dateline.ts";
import { DATELINE_PLACES_FILE, readDatelinePlaces } from "../story/dateline-places.ts";

/** The project's settings: the site's (_data/site.ts), the build's (_data/build.ts) and the dateline places (_data/datelinePlaces.json). */
export interface ProjectSettings {
  site: SiteSettings;
  build: BuildSettings;
  datelinePlaces: DatelinePlaces;
}

/**
 * Reads the project's settings before anything else, so a bad one is its own line, not a stack
 * trace: undefined, once each bad setting is printed. The site's are read with `env` (a process
 * that prints no address passes an empty one); the build's once per process: whoever sets
 * ELEVENTY_RUN_MODE must do it first.
 */
export async function readProjectSettings(env: Readonly<Record<string, string | undefined>> = process.env): Promise<ProjectSettings | undefined> {
  const { default: readSite } = await import("../../../_data/site.ts");
  // All read before any refuses, so one run names every bad setting; the build's refuse as the module loads.
  const build = await import("../../../_data/build.ts").then(({ default: value }) => settled(() => value), (error: unknown) => settled((): never => { throw error; }));
  const site = settled(() => readSite(env));
  const datelinePlaces = settled(() => readDatelinePlaces(readFileSync(new URL(`../../../${DATELINE_PLACES_FILE}`, import.meta.url), "utf8")));
  if (site.ok && build.ok && datelinePlaces.ok) return { site: site.value, build: build.value, datelinePlaces: datelinePlaces.value };
  for (const read of [site, build, datelinePlaces]) if (!read.ok) for (const problem of read.problems) console.error(formatProblem(problem));
  return undefined;
}
