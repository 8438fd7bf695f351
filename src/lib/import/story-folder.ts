import { randomUUID } from "node:crypto";
import { copyFile, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** What a story's folder holds after an import: its file, its photo, and files of an earlier version's an editor added. */
export interface StoryFolderContents {
  /** The story file's name in its folder ("index.md"). */
  name: string;
  text: string;
  photo?: { name: string; bytes: Uint8Array };
  /** The folder of the version on file, whose other files are carried over (not its story file or `dropped`); absent in a dry run. */
  earlier?: { folder: string; dropped: readonly string[] };
}

/**
 * Writes a story's folder whole in `stagingRoot` (which must be on the same disk as the news
 * folder), so the newsroom never holds a half-written story: placeStory then moves it in.
 */
export async function stageStoryFolder(stagingRoot: string, contents: StoryFolderContents): Promise<string> {
  const staged = join(stagingRoot, randomUUID());
  await mkdir(staged, { recursive: true });
  try {
    if (contents.earlier && existsSync(contents.earlier.folder)) {
      const skip = new Set([contents.name, ...contents.earlier.dropped, ...(contents.photo ? [contents.photo.name] : [])]);
      for (const entry of await readdir(contents.earlier.folder, { withFileTypes: true })) {
        if (entry.isFile() && !skip.has(entry.name)) await copyFile(join(contents.earlier.folder, entry.name), join(staged, entry.name));
      }
    }
    if (contents.photo) await writeFile(join(staged, contents.photo.name), contents.photo.bytes);
    await writeFile(join(staged, contents.name), contents.text);
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    throw error;
  }
  return staged;
}

/**
 * Puts a staged folder at `target` by renaming: a new story appears whole, and an update replaces
 * the old folder in two renames, the old one set aside and restored if the second fails.
 */
export async function placeStoryFolder(staged: string, target: string, replacing: boolean): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  if (!replacing) {
    await rename(staged, target);
    return;
  }
  const aside = `${staged}-replaced`;
  await rename(target, aside);
  try {
    await rename(staged, target);
  } catch (error) {
    await rename(aside, target);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}

/** Puts one file at `target` (beside a story) whole: written in `stagingRoot`, then renamed into place. */
export async function placeFile(stagingRoot: string, target: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(stagingRoot, { recursive: true });
  const staged = join(stagingRoot, randomUUID());
  await writeFile(staged, contents);
  try {
    await rename(staged, target);
  } catch (error) {
    await rm(staged, { force: true });
    throw error;
  }
}
