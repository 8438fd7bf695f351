import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join, posix, relative, sep } from "node:path";
import type { StoryLocation } from "./article.ts";

/** Eleventy's file slug: the file's name, or its folder's for index.md, without a leading date. */
function fileSlug(file: string): string {
  const name = basename(file, ".md");
  return (name === "index" ? basename(dirname(file)) : name).replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

/** Names Markdown editors save under, other than the `.md` a story is: ".MD", ".markdown", ".mdown"… */
const OTHER_MARKDOWN = /\.(?:md|markdown|mdown|mkdn?|mdwn)$/i;

/** Eleventy's names for a template's data file; a story reads only its `<name>.11tydata.json`. */
const DATA_FILE = /\.11tydata\.(?:json|js|cjs|mjs|ts)$/;

/**
 * Every story under `newsDir`: each Markdown file in it or its folders, in a stable order, named
 * as Eleventy names a template under `inputDir` (its slug and path stem decide its URL and where
 * its images are published); the files saved under another Markdown name ("bonds.markdown",
 * "Talks.MD"), which are no story, so the editor hears why they have no page; and the data files
 * no story reads (one left behind when its story was moved or renamed, a folder's, one in code),
 * so their fields are not lost unseen.
 */
export function findStoryFiles(newsDir: string, inputDir: string): { stories: StoryLocation[]; misnamed: string[]; strayData: { file: string; storyWrittenOtherwise?: string }[] } {
  // A newsroom that has filed nothing yet may have no folder for its stories.
  if (!existsSync(newsDir)) return { stories: [], misnamed: [], strayData: [] };
  const names = readdirSync(newsDir, { recursive: true, encoding: "utf8" })
    .filter((name) => !name.split(sep).includes("node_modules"))
    .sort();
  const stories = new Set(names.filter((name) => name.endsWith(".md")));
  return {
    stories: names
      .filter((name) => name.endsWith(".md"))
      .map((name) => {
        const file = join(newsDir, name);
        const stem = relative(inputDir, file).split(sep).join(posix.sep).replace(/\.md$/, "");
        return { file, fileSlug: fileSlug(file), filePathStem: `/${stem}` };
      }),
    misnamed: names.filter((name) => !name.endsWith(".md") && OTHER_MARKDOWN.test(name)).map((name) => join(newsDir, name)),
    strayData: names
      .filter((name) => DATA_FILE.test(name) && !(name.endsWith(".11tydata.json") && stories.has(name.replace(/\.11tydata\.json$/, ".md"))))
      .map((name) => {
        // The story's name with its accents written another way (composed, or as some Macs write them): the same name to a reader, another to the file system.
        const story = name.replace(DATA_FILE, ".md").normalize("NFC");
        const otherwise = [...stories].find((each) => each !== name.replace(DATA_FILE, ".md") && each.normalize("NFC") === story);
        return { file: join(newsDir, name), ...(otherwise === undefined ? {} : { storyWrittenOtherwise: basename(otherwise) }) };
      }),
  };
}

/** Every story under `newsDir` (see findStoryFiles). */
export function findStories(newsDir: string, inputDir: string): StoryLocation[] {
  return findStoryFiles(newsDir, inputDir).stories;
}
