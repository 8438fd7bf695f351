/**
 * The stories a build must not publish (drafts, and stories embargoed at the build moment) and
 * the withdrawn ones, read from the sources through the same story stage the build uses, so the
 * validator can prove no output mentions the first, and only a notice is left of the others.
 */
import { join, relative } from "node:path";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import build from "../../../_data/build.ts";
import readSite from "../../../_data/site.ts";
import { collectArticles, readStories } from "../story/collect-stories.ts";
import { StoryCache } from "../story/story-cache.ts";
import type { WithheldStory } from "../model/story-report.ts";

export async function withheldStories(projectDir = "."): Promise<WithheldStory[]> {
  const inputDir = join(projectDir, "src");
  // No photo is converted: a photo changes nothing about where a story would be published. Reads
  // the last build kept are reused, so checking a built site does not read every story afresh.
  const storyCache = new StoryCache(join(projectDir, ".cache", "stories"));
  const results = await readStories(join(inputDir, "news"), inputDir, { site: readSite(), datelinePlaces: places, build, storyCache });
  await storyCache.flush();
  return collectArticles(results, build).report.withheld.map((story) => ({ ...story, file: relative(projectDir, story.file) }));
}
