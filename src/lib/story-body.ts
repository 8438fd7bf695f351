import { bodyImages, createMarkdown } from "./markdown.ts";
import { locateStoryImage } from "./story-files.ts";

/** A problem in a story's Markdown, at a line of the body (its first line is 1). */
export interface BodyProblem {
  line: number;
  message: string;
}

export interface BodyCheck {
  problems: BodyProblem[];
  /** The image files the body shows, each with the body line that names it. */
  images: { path: string; line: number }[];
}

const md = createMarkdown();

/**
 * The body must carry the story, must not repeat the dateline the page prints from `dateline`,
 * and every image in it needs alt text and a file of the story's own.
 */
export function checkBody(body: string, storyFile: string, place: string | undefined): BodyCheck {
  const firstLine = body.split("\n").findIndex((line) => line.trim() !== "") + 1;
  if (firstLine === 0) {
    return { problems: [{ line: 1, message: "empty (expected the story's paragraphs in Markdown after the front matter)" }], images: [] };
  }
  const problems: BodyProblem[] = [];
  const images: BodyCheck["images"] = [];
  if (place !== undefined && body.trim().startsWith(`${place},`)) {
    problems.push({
      line: firstLine,
      message: `starts with the dateline "${place}," typed in (expected the first words of the story: the dateline is printed from the dateline field)`,
    });
  }
  for (const { src, alt, line } of bodyImages(md, body)) {
    if (alt === "") problems.push({ line, message: `image "${src}" has no alt text (expected ![what the image shows](${src}))` });
    const file = locateStoryImage(src, storyFile);
    if (file.ok) images.push({ path: file.path, line });
    else problems.push({ line, message: `image ${file.problem}` });
  }
  return { problems, images };
}
