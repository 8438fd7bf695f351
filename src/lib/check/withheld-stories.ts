/**
 * The stories a build must not publish (drafts, and stories embargoed at the build moment) and
 * the withdrawn ones, read from the sources through the same story stage the build uses, so the
 * validator can prove no output mentions the first, and only a notice is left of the others.
 */
import { join, relative } from "node:path";
import { collectArticles, readStories } from "../story/collect-stories.ts";
import type { ReadContext } from "../story/article.ts";
import { StoryCache } from "../story/story-cache.ts";
import { CacheStore } from "../cache/store.ts";
import type { WithheldStory } from "../model/story-report.ts";

/** The settings a story is read with, as the build reads them (the caller loads them). */
export type StorySettings = Pick<ReadContext, "site" | "build" | "datelinePlaces">;

export async function withheldStories(projectDir: string, settings: StorySettings): Promise<WithheldStory[]> {
  const inputDir = join(projectDir, "src");
  // No photo is converted: a photo changes nothing about where a story would be published. Reads
  // the last build kept are reused, so checking a built site does not read every story afresh.
  const storyCache = new StoryCache(new CacheStore(join(projectDir, ".cache")), { keepInMemory: false });
  const results = await readStories(join(inputDir, "news"), inputDir, { ...settings, storyCache });
  return collectArticles(results, settings.build).report.withheld.map((story) => ({ ...story, file: relative(projectDir, story.file) }));
}
