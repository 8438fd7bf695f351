import { SettingError } from "../model/publishing.ts";
import { SiteSettingsError } from "../model/site.ts";

/**
 * Reads the site and build settings before anything else, so a bad one is its own line, not a
 * stack trace. The site's are read with `env` (a process that prints no address passes an empty
 * one); the build's once per process: whoever sets ELEVENTY_RUN_MODE must do it first.
 */
export async function settingsAreGood(env: Readonly<Record<string, string | undefined>> = process.env): Promise<boolean> {
  try {
    (await import("../../../_data/site.ts")).default(env);
    await import("../../../_data/build.ts");
    return true;
  } catch (error) {
    if (!(error instanceof SiteSettingsError || error instanceof SettingError)) throw error;
    console.error(error.message);
    return false;
  }
}
