/** A story file written to disk, and what readArticle reads it with. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import places from "../../_data/datelinePlaces.json" with { type: "json" };
import type { PhotoProcessor } from "../../src/lib/media/photos.ts";
import type { BuildSettings } from "../../src/lib/model/publishing.ts";
import type { ReadContext, StoryLocation } from "../../src/lib/story/article.ts";
import type { StoryCache } from "../../src/lib/story/story-cache.ts";
import { site } from "./story-views.ts";

export interface StoryFile {
  folder: string;
  slug: string;
  /** The fields, written as front matter. */
  fields: Record<string, unknown>;
  body: string;
  build: BuildSettings;
  photos: PhotoProcessor;
  storyCache?: StoryCache;
}

/** Where a story file already written is, named as a story at /news/<slug> would be. */
export function storyLocation(folder: string, name: string): StoryLocation {
  const slug = name.replace(/\.md$/, "");
  return { file: join(folder, `${slug}.md`), fileSlug: slug, filePathStem: `/news/${slug}` };
}

export function readContext(build: BuildSettings, photos: PhotoProcessor, storyCache?: StoryCache): ReadContext {
  return {
    site,
    datelinePlaces: places,
    build,
    photos,
    ...(storyCache ? { storyCache } : {}),
  };
}

/** Writes the story file, front matter then body; returns readArticle's arguments for it. */
export function writeStory({ folder, slug, fields, body, build, photos, storyCache }: StoryFile): [StoryLocation, ReadContext] {
  const location = storyLocation(folder, slug);
  writeFileSync(location.file, `---\n${stringify(fields)}---\n${body}`);
  return [location, readContext(build, photos, storyCache)];
}
