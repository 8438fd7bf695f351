import { createMarkdown, outlineBody, type BodyOutline } from "./markdown.ts";
import { loadStoryFiles, parseStorySource } from "./story-source.ts";

/** A link a story's text makes: its address as the page's markup writes it, and the line of the story file it is typed on. */
export type BodyLink = BodyOutline["links"][number];

/** Made at the first ask: only a build whose check failed reads a story's links. */
let md: ReturnType<typeof createMarkdown> | undefined;

/**
 * The links the text of the story at `file` (relative to the working folder) makes, by their lines
 * in its file; undefined when it cannot be read. A page's check finds a broken link in the built
 * page; this is how the editor is told where it is typed.
 */
export function storyFileLinks(file: string): BodyLink[] | undefined {
  try {
    // A story that has a page was read within the settings' size: no limit is asked again here.
    const read = parseStorySource(file, loadStoryFiles(file, Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
    const body = read.ok ? { text: read.source.body, line: read.source.bodyLine } : read.body;
    return body && outlineBody((md ??= createMarkdown()), body.text).links.map(({ href, line }) => ({ href, line: body.line + line - 1 }));
  } catch {
    return undefined;
  }
}
