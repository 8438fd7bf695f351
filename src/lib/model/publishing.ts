import { DateTime } from "luxon";
import { SettingsError } from "./settings-error.ts";

/** When a build happens and what it may show: the moment decides embargoes, the mode decides drafts. */
export interface BuildSettings {
  /** The build moment as an ISO instant (UTC). */
  moment: string;
  epochMs: number;
  /** True in the dev server: drafts and embargoed stories are shown, marked, to their editors. */
  showUnpublished: boolean;
}

export type PublishingState = "published" | "draft" | "embargoed";

const MOMENT_FORM = "an instant with Z or an offset, e.g. 2013-09-02T12:00Z";

/**
 * Reads the build's settings from the environment: BUILD_MOMENT pins "now" so builds and tests
 * are reproducible; Eleventy's own ELEVENTY_RUN_MODE tells the dev server from a build. Throws a
 * SettingsError for a BUILD_MOMENT that is not an instant.
 */
export function readBuildSettings(env: Readonly<Record<string, string | undefined>>, now = Date.now()): BuildSettings {
  const raw = env["BUILD_MOMENT"]?.trim();
  let moment = DateTime.fromMillis(now, { zone: "utc" });
  if (raw) {
    const parsed = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(raw) ? DateTime.fromISO(raw, { zone: "utc" }) : undefined;
    if (!parsed?.isValid) throw new SettingsError([{ file: "", field: "BUILD_MOMENT", message: `got "${raw}" (expected ${MOMENT_FORM})`, code: "WD312" }]);
    moment = parsed;
  }
  const mode = env["ELEVENTY_RUN_MODE"];
  return {
    moment: moment.toISO({ suppressMilliseconds: true }) ?? "",
    epochMs: moment.toMillis(),
    showUnpublished: mode === "serve" || mode === "watch",
  };
}

/** A draft is never published; a story dated after the build moment waits for a later build. */
export function publishingState(draft: boolean, publishedMs: number, build: BuildSettings): PublishingState {
  if (draft) return "draft";
  return publishedMs > build.epochMs ? "embargoed" : "published";
}

/** Whether a story in this state gets a page, list entries, feed items and sitemap URLs in this build. */
export function isShown(state: PublishingState, build: BuildSettings): boolean {
  return state === "published" || build.showUnpublished;
}
