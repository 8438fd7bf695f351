import markdownIt, { type MarkdownIt, type StateCore } from "markdown-it";
import { isAllowedUrl, urlScheme } from "./urls.ts";

/**
 * The render environment: Eleventy hands markdown-it the page's data, with the story's view model;
 * feeds add `baseUrl`, the story's absolute URL, since their content is read away from the site.
 */
interface StoryEnv {
  article?: { valid?: boolean; dateline?: unknown };
  baseUrl?: unknown;
}

function datelineOf(env: unknown): string | undefined {
  const dateline = (env as StoryEnv | undefined)?.article?.dateline;
  return typeof dateline === "string" ? dateline : undefined;
}

/** Opens the story's first paragraph with its dateline, inside the same <p>, as the wire prints it. */
function insertDateline(state: StateCore): void {
  const dateline = datelineOf(state.env);
  if (dateline === undefined) return;

  const mark = new state.Token("dateline", "span", 0);
  mark.content = dateline;
  const space = new state.Token("text", "", 0);
  space.content = " ";

  const first = state.tokens.findIndex((token) => token.type === "paragraph_open" && token.level === 0);
  const inline = first === -1 ? undefined : state.tokens[first + 1];
  if (inline?.type === "inline" && inline.children) {
    inline.children.unshift(mark, space);
    return;
  }
  // A story that opens with a list or a quote still gets its dateline, in a paragraph of its own.
  const open = new state.Token("paragraph_open", "p", 1);
  const inlineMark = new state.Token("inline", "", 0);
  const close = new state.Token("paragraph_close", "p", -1);
  open.block = close.block = true;
  inlineMark.children = [mark];
  state.tokens.unshift(open, inlineMark, close);
}

/** With a `baseUrl` in the env, relative link and image URLs are resolved against it. */
function absolutizeUrls(state: StateCore): void {
  const baseUrl = (state.env as StoryEnv | undefined)?.baseUrl;
  if (typeof baseUrl !== "string") return;
  for (const token of state.tokens.flatMap((block) => block.children ?? [])) {
    const name = token.type === "link_open" ? "href" : token.type === "image" ? "src" : undefined;
    const url = name && token.attrGet(name);
    if (name && typeof url === "string" && urlScheme(url) === undefined) token.attrSet(name, new URL(url, baseUrl).href);
  }
}

/**
 * Images in a story's text come after the lead photo: they load as the reader nears them and
 * decode off the main thread, so they never hold up the first screen.
 */
function deferImages(state: StateCore): void {
  for (const token of state.tokens.flatMap((block) => block.children ?? [])) {
    if (token.type !== "image") continue;
    token.attrSet("loading", "lazy");
    token.attrSet("decoding", "async");
  }
}

/**
 * The one Markdown renderer for stories. Raw HTML is off, so markup typed into a story shows as
 * text; links and images keep only web, mail and relative URLs; quotes are left as the wire typed them.
 */
export function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isAllowedUrl;
  md.core.ruler.push("dateline", insertDateline);
  md.core.ruler.push("absolute_urls", absolutizeUrls);
  md.core.ruler.push("defer_images", deferImages);
  md.renderer.rules["dateline"] = (tokens, index) =>
    `<span class="dateline">${md.utils.escapeHtml(tokens[index]?.content ?? "")}</span>`;
  return md;
}
