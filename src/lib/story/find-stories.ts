import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, posix, relative, sep } from "node:path";
import type { StoryLocation } from "./article.ts";

/** Eleventy's file slug: the file's name, or its folder's for index.md, without a leading date. */
function fileSlug(file: string): string {
  const name = basename(file, ".md");
  return (name === "index" ? basename(dirname(file)) : name).replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

/**
 * Emacs's lock on a file it has open with unsaved changes: `.#` and the file's name ("talks.md"
 * gives ".#talks.md"), a link to nowhere or a small file naming who holds it, never the story.
 * Other editors' lock, swap and backup files ("talks.md~", "#talks.md#", ".talks.md.swp",
 * ".~lock.talks.md#") end in another way, so no rule below takes them for a story or a data file.
 */
const EDITOR_LOCK = /^\.#/;

/**
 * Every name under `folder` (files and folders, each under `prefix`), but node_modules and what it
 * holds, and editors' lock files. Listed folder by folder with the entries' types: Node's recursive
 * listing asks the file system about each entry again, a tenth of a second at 10,000 stories.
 */
function listFolder(folder: string, prefix: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const path = join(folder, entry.name);
    // A link to a folder is followed, as a folder is.
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true);
    // A folder is never a lock, so a folder so named still has its stories read.
    if (!isFolder && EDITOR_LOCK.test(entry.name)) continue;
    names.push(`${prefix}${entry.name}`);
    if (isFolder) names.push(...listFolder(path, `${prefix}${entry.name}${sep}`));
  }
  return names;
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
  const names = listFolder(newsDir, "").sort();
  const stories = new Set(names.filter((name) => name.endsWith(".md")));
  const dataFiles = new Set(names.filter((name) => name.endsWith(".11tydata.json")));
  // Each story's paths made from its name by the rules join and relative follow, not by calling
  // them 10,000 times (a twentieth of a second each build at that size).
  const folder = join(newsDir, "x").slice(0, -1);
  const stemFolder = `/${relative(inputDir, join(newsDir, "x")).slice(0, -1).split(sep).join(posix.sep)}`;
  return {
    stories: names
      .filter((name) => name.endsWith(".md"))
      .map((name) => {
        const file = `${folder}${name}`;
        return { file, fileSlug: fileSlug(file), filePathStem: `${stemFolder}${name.split(sep).join(posix.sep).slice(0, -".md".length)}`, dataFileListed: dataFiles.has(name.replace(/\.md$/, ".11tydata.json")) };
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
