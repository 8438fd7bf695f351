import { SettingError } from "../model/publishing.ts";
import { SiteSettingsError } from "../model/site.ts";

/**
 * Reads the site and build settings before anything else, so a bad one is its own line, not a
 * stack trace. Both are read once per process: whoever sets ELEVENTY_RUN_MODE must do it first.
 */
export async function settingsAreGood(): Promise<boolean> {
  try {
    await import("../../../_data/site.ts");
    await import("../../../_data/build.ts");
    return true;
  } catch (error) {
    if (!(error instanceof SiteSettingsError || error instanceof SettingError)) throw error;
    console.error(error.message);
    return false;
  }
}
