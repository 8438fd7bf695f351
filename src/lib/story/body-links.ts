import type { Token } from "markdown-it";
import { createMarkdown } from "./markdown.ts";
import { loadStoryFiles, parseStorySource } from "./story-source.ts";

/** A link a story's text makes: its address as the page's markup writes it, and the line of the story file it is typed on. */
export interface BodyLink {
  href: string;
  line: number;
}

/** Made at the first ask: only a build whose check failed reads a story's links. */
let md: ReturnType<typeof createMarkdown> | undefined;

/**
 * Every link the Markdown `body` makes (each `<a>`'s href, as markdown-it writes it into the page),
 * with its line in the body (1 for its first): the line of its paragraph that holds the address,
 * else the paragraph's first. A page's check finds a broken link in the built page; this is how
 * the editor is told where it is typed.
 */
function bodyLinks(body: string): BodyLink[] {
  const lines = body.split("\n");
  const links: BodyLink[] = [];
  const visit = (tokens: readonly Token[], map: readonly [number, number] | null | undefined) => {
    for (const token of tokens) {
      const at = token.map ?? map;
      if (token.type === "link_open") {
        const href = String(token.attrGet("href") ?? "");
        const [first = 0, end = first + 1] = at ?? [];
        const typed = lines.slice(first, end).findIndex((line) => line.includes(href) || line.includes(safeDecode(href)));
        links.push({ href, line: first + (typed === -1 ? 0 : typed) + 1 });
      }
      if (token.children) visit(token.children, at);
    }
  };
  visit((md ??= createMarkdown()).parse(body, {}), undefined);
  return links;
}

function safeDecode(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/** The links of the story at `file` (relative to the working folder), by their lines in its file; undefined when it cannot be read. */
export function storyFileLinks(file: string): BodyLink[] | undefined {
  try {
    // A story that has a page was read within the settings' size: no limit is asked again here.
    const read = parseStorySource(file, loadStoryFiles(file, Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
    const body = read.ok ? { text: read.source.body, line: read.source.bodyLine } : read.body;
    return body && bodyLinks(body.text).map(({ href, line }) => ({ href, line: body.line + line - 1 }));
  } catch {
    return undefined;
  }
}
