import { statSync } from "node:fs";
import { posix } from "node:path";
import { PHOTO_EXTENSIONS, staysInStoryFolder, urlScheme } from "../model/urls.ts";

export type StoryFileResult = { ok: true; path: string } | { ok: false; problem: string };

const IMAGE_FILE = `a file next to the story (${PHOTO_EXTENSIONS.join(", ")})`;

/**
 * The image file a story names (its photo, or an image in its Markdown): it must lie in the
 * story's own folder, which the build publishes beside the page; the page's Content Security
 * Policy allows no image from anywhere else.
 */
export function locateStoryImage(src: string, storyFile: string): StoryFileResult {
  if (urlScheme(src) !== undefined) {
    return { ok: false, problem: `"${src}" is not a file of the story's: pages show no images from elsewhere (expected ${IMAGE_FILE})` };
  }
  if (!staysInStoryFolder(src)) return { ok: false, problem: `"${src}" is outside the story's folder (expected ${IMAGE_FILE})` };
  let name: string;
  try {
    // Markdown percent-encodes what it cannot put in a URL ("my photo.jpg" becomes "my%20photo.jpg").
    name = decodeURIComponent(src);
  } catch {
    return { ok: false, problem: `"${src}" is not a valid file name (expected ${IMAGE_FILE})` };
  }
  if (!(PHOTO_EXTENSIONS as readonly string[]).includes(posix.extname(name).slice(1).toLowerCase())) {
    return { ok: false, problem: `"${src}" is not a supported image (expected ${IMAGE_FILE})` };
  }
  const path = posix.join(posix.dirname(storyFile), name);
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) {
    return { ok: false, problem: `"${src}" does not exist (expected a file at ${path})` };
  }
  return { ok: true, path };
}
