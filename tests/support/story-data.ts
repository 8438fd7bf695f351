/** A story file written to disk, and its data as Eleventy's data cascade gives it to readArticle. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import places from "../../_data/datelinePlaces.json" with { type: "json" };
import type { PhotoProcessor } from "../../src/lib/media/photos.ts";
import type { BuildSettings } from "../../src/lib/model/publishing.ts";
import type { ArticleData } from "../../src/lib/story/article.ts";
import type { StoryCache } from "../../src/lib/story/story-cache.ts";

export interface StoryFile {
  folder: string;
  slug: string;
  /** The fields, written as front matter and passed as the cascade's data. */
  fields: Record<string, unknown>;
  body: string;
  build: BuildSettings;
  photos: PhotoProcessor;
  storyCache?: StoryCache;
}

export function storyFileData({ folder, slug, fields, body, build, photos, storyCache }: StoryFile): ArticleData {
  const inputPath = join(folder, `${slug}.md`);
  writeFileSync(inputPath, `---\n${stringify(fields)}---\n${body}`);
  return {
    ...fields,
    page: { inputPath, fileSlug: slug, filePathStem: `/news/${slug}` },
    site: { name: "Wire Desk", language: "en", maxStoryBytes: 1024 * 1024 },
    datelinePlaces: places,
    build,
    photos,
    ...(storyCache ? { storyCache } : {}),
  };
}
