/**
 * The stories a build must not publish (drafts, and stories embargoed at the build moment), read
 * from the sources through the same view model the build uses, so the validator can prove no
 * output mentions them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import build from "../../../_data/build.ts";
import site from "../../../_data/site.ts";
import { readArticle } from "../story/article.ts";
import { parseFrontMatter, splitStory } from "../story/front-matter.ts";
import { PhotoProcessor } from "../media/photos.ts";
import type { WithheldStory } from "../model/story-report.ts";


/** Eleventy's file slug: the file's name, or its folder's for index.md, without a leading date. */
function fileSlug(file: string): string {
  const name = basename(file, ".md");
  return (name === "index" ? basename(dirname(file)) : name).replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

/** The fields of a story's data file beside it (talks.11tydata.json next to talks.md), if any. */
function readDataFile(file: string): Record<string, unknown> {
  const dataFile = file.replace(/\.md$/, ".11tydata.json");
  return existsSync(dataFile) ? (JSON.parse(readFileSync(dataFile, "utf8")) as Record<string, unknown>) : {};
}

export async function withheldStories(projectDir = "."): Promise<WithheldStory[]> {
  const newsDir = join(projectDir, "src", "news");
  const files = readdirSync(newsDir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md"));
  // A photo changes nothing about where a story would be published, so none is converted here.
  const photos = new PhotoProcessor(join(projectDir, ".cache", "photos"));
  const stories = files.map(async (name): Promise<WithheldStory[]> => {
    const file = join(newsDir, name);
    const parts = splitStory(readFileSync(file, "utf8"));
    const front = parts && parseFrontMatter(parts.yaml);
    // A story that does not parse never builds (the build reports it), so it cannot leak.
    if (!front?.ok) return [];
    let fields: Record<string, unknown>;
    try {
      fields = { ...readDataFile(file), ...front.frontMatter.fields };
    } catch {
      return [];
    }
    const slug = fileSlug(file);
    const { photo: _, ...withoutPhoto } = fields;
    const article = await readArticle({
      ...withoutPhoto,
      page: { inputPath: file, fileSlug: slug, filePathStem: `/${relative(join(projectDir, "src"), file).split(sep).join("/").replace(/\.md$/, "")}` },
      site,
      datelinePlaces: places,
      build,
      photos,
    });
    return article.valid && article.state !== "published"
      ? [{ file: relative(projectDir, file), url: article.url, headline: article.headline, state: article.state }]
      : [];
  });
  return (await Promise.all(stories)).flat();
}
