import type { BuildSettings } from "../model/publishing.ts";
import { formatProblem } from "../model/problems.ts";
import { SettingsError } from "../model/settings-error.ts";
import type { SiteSettings } from "../model/site.ts";
import type { DatelinePlaces } from "../story/dateline.ts";

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
  try {
    const site = (await import("../../../_data/site.ts")).default(env);
    const build = (await import("../../../_data/build.ts")).default;
    const datelinePlaces = (await import("../../../_data/datelinePlaces.json", { with: { type: "json" } })).default;
    return { site, build, datelinePlaces };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    return undefined;
  }
}
