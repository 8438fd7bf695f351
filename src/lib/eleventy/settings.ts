import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BuildSettings } from "../model/publishing.ts";
import { formatProblem, type Problem } from "../model/problems.ts";
import { SettingsError, settled, settledLoad } from "../model/settings-error.ts";
import { SETTINGS_FILE, type SiteSettings } from "../model/site.ts";
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
  // All read before any refuses, so one run names every bad setting; the build's refuse as the module loads.
  const siteModule = await settledLoad(loadSettingsModule(() => import("../../../_data/site.ts"), new URL(`../../../${SETTINGS_FILE}`, import.meta.url), SETTINGS_FILE));
  const build = await settledLoad(import("../../../_data/build.ts").then(({ default: value }) => value));
  const site = siteModule.ok ? settled(() => siteModule.value.default(env)) : siteModule;
  const datelinePlaces = settled(() => readDatelinePlaces(readFileSync(new URL(`../../../${DATELINE_PLACES_FILE}`, import.meta.url), "utf8")));
  if (site.ok && build.ok && datelinePlaces.ok) return { site: site.value, build: build.value, datelinePlaces: datelinePlaces.value };
  for (const read of [site, build, datelinePlaces]) if (!read.ok) for (const problem of read.problems) console.error(formatProblem(problem));
  return undefined;
}

/** A path as a module's URL or a stack names it, without the query a fresh import adds (`?_cache_bust=…`). */
const pathOf = (place: string): string => (place.startsWith("file:") ? fileURLToPath(place.replace(/\?[^:]*$/, "")) : place.replace(/\?[^:]*$/, ""));

/**
 * What stopped the settings module at `url` (written `file`) loading, as a problem at its line and
 * column: Node's syntax errors start their stack with the file and line, then the line with a ^
 * under the column; an error the module throws as it runs has the place in its stack. Undefined
 * when the error names no place in that file (a fault of the code it imports, not of the settings).
 */
function settingsModuleProblem(error: unknown, url: URL, file: string): Problem | undefined {
  if (!(error instanceof Error) || error.stack === undefined) return undefined;
  const path = fileURLToPath(url);
  const lines = error.stack.split("\n");
  const header = /^(.+):(\d+)$/.exec(lines[0] ?? "");
  const syntax = error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === "ERR_INVALID_TYPESCRIPT_SYNTAX";
  if (syntax && header && pathOf(header[1]!) === path) {
    const caret = lines.find((line) => /^\s*\^/.test(line))?.indexOf("^");
    return {
      file,
      line: Number(header[2]),
      ...(caret === undefined ? {} : { column: caret + 1 }),
      field: "",
      message: `not valid TypeScript: ${error.message} (expected the settings as TypeScript: look here and just before, for a missing comma, bracket or quote)`,
      code: "WD307",
    };
  }
  for (const frame of lines.slice(1)) {
    const at = /\(?(\S+?):(\d+):(\d+)\)?$/.exec(frame.trim());
    if (at && pathOf(at[1]!) === path) {
      return { file, line: Number(at[2]), column: Number(at[3]), field: "", message: `stopped as it ran: ${error.name}: ${error.message} (expected settings that run: look at this line)`, code: "WD307" };
    }
  }
  return undefined;
}

/** Loads a settings module; what stops it loading in the settings' own text is a SettingsError at its place. */
export async function loadSettingsModule<T>(load: () => Promise<T>, url: URL, file: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const problem = settingsModuleProblem(error, url, file);
    if (problem === undefined) throw error;
    throw new SettingsError([problem]);
  }
}
