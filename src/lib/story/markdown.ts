import markdownIt, { type MarkdownIt, type StateBlock, type StateCore, type StateInline, type Token } from "markdown-it";
import { isAllowedUrl, staysInStoryFolder, storyFileUrl } from "../model/urls.ts";

/** The render environment: the story's printed dateline (its pieces) and path stem. */
interface StoryEnv {
  article?: { datelineParts?: unknown };
  page?: { filePathStem?: unknown };
}

function datelineOf(env: unknown): string[] | undefined {
  const parts = (env as StoryEnv | undefined)?.article?.datelineParts;
  return Array.isArray(parts) && parts.every((part) => typeof part === "string") ? parts : undefined;
}

/** Opens the story's first paragraph with its dateline, inside the same <p>, as the wire prints it. */
function insertDateline(state: StateCore): void {
  const dateline = datelineOf(state.env);
  if (dateline === undefined) return;

  const mark = new state.Token("dateline", "span", 0);
  mark.meta = { parts: dateline };
  const space = new state.Token("text", "", 0);
  space.content = " ";

  // The dateline opens the story's text (see openingInline); never after a quote, a list or a
  // table, which would then come before it.
  const inline = state.tokens[openingInline(state.tokens) ?? -1];
  if (inline?.children) {
    inline.children.unshift(mark, space);
    return;
  }
  const first = state.tokens.findIndex((token) => token.level === 0 && !token.type.startsWith("heading_") && token.type !== "inline");
  // A story that opens with a list or a quote gets its dateline first, in a paragraph of its own,
  // past any heading above it, as a paragraph would have it.
  const open = new state.Token("paragraph_open", "p", 1);
  const inlineMark = new state.Token("inline", "", 0);
  const close = new state.Token("paragraph_close", "p", -1);
  open.block = close.block = true;
  inlineMark.children = [mark];
  state.tokens.splice(Math.max(first, 0), 0, open, inlineMark, close);
}

/**
 * An image in a story names a file beside the story, as its photo does; the page lives elsewhere,
 * so the src is rewritten from the site root, which the build then makes relative to the page.
 */
function publishImagesFromStoryFolder(state: StateCore): void {
  const stem = (state.env as StoryEnv | undefined)?.page?.filePathStem;
  if (typeof stem !== "string") return;
  for (const token of state.tokens) {
    for (const child of token.children ?? []) {
      const src = child.type === "image" ? child.attrGet("src") : null;
      if (src !== null && staysInStoryFolder(String(src))) child.attrSet("src", storyFileUrl(stem, String(src)));
    }
  }
}

/** An image in a story's Markdown, as typed; `line` counts from the body's first line (1). */
export interface BodyImage {
  src: string;
  alt: string;
  line: number;
}

/** An HTML comment typed in a story's Markdown: its words from `<!--` on, as shown, and whether `-->` closes it; `line` as for images. */
export interface BodyComment {
  text: string;
  closed: boolean;
  line: number;
}

/**
 * A footnote typed in a story's Markdown, as typed: its mark in the text ("[^1]") or its note's
 * line ("[^1]: …", `note`), with its label ("1"); `line` as for images.
 */
export interface BodyFootnote {
  text: string;
  label: string;
  note: boolean;
  line: number;
}

/** What the story checks need to know of a body's Markdown. */
export interface BodyOutline {
  images: BodyImage[];
  /** Its headings' levels (1 for #), each with its line as for images. */
  headings: { level: number; line: number }[];
  /** The HTML elements the body renders to: what every later step (templates, validation) pays for. */
  elements: number;
  /** The text the page's dateline opens (see openingParagraph): what it shows, and its line. */
  opening?: { text: string; line: number };
  /** The HTML comments in its text, which the page prints as text (raw HTML is off). */
  comments: BodyComment[];
  /** Each link it makes: the address as the page's markup writes it (before the page makes it relative), with its line as for images. */
  links: { href: string; line: number }[];
  /** Its footnotes' marks and notes, kept as typed (footnoteMark, footnoteNote): the page prints no footnotes. */
  footnotes: BodyFootnote[];
  /** Its link definitions ("[ministry]: https://…") that no link of the text uses: Markdown prints none of a definition's line. */
  unusedDefinitions: BodyDefinition[];
}

/** A link definition as typed: its label as typed, the address, and its line as for images. */
export interface BodyDefinition {
  label: string;
  href: string;
  line: number;
}

/** A link definition's line: "[label]: ", indented at most three spaces. */
const DEFINITION_LINE = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:/;

/** The parse's environment in which findHtmlComments puts what it finds, and markdown-it the link definitions; the page's render has none. */
// A type, not an interface: markdown-it's Env takes any object with string keys.
type CommentsEnv = {
  htmlComments?: BodyComment[];
  references?: Record<string, { href: string; title: string }>;
  /** The link definitions' labels the text's links and images look up (recordReferencesUsed), for the outline alone. */
  usedReferences?: Set<string>;
};

/**
 * Notes each link definition the text's links and images look up, once the blocks (and so the
 * definitions) are read: a definition no link looks up is dropped from the page (unusedDefinitions).
 */
function recordReferencesUsed(state: StateCore): void {
  const env = state.env as CommentsEnv;
  const used = env.usedReferences;
  if (env.references === undefined || used === undefined) return;
  env.references = new Proxy(env.references, {
    get(target, key, receiver) {
      if (typeof key === "string") used.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

const COMMENT_OPEN = "<!--";
const COMMENT_CLOSE = "-->";

/**
 * Every HTML comment in the text, from `<!--` to `-->` or the text's end, across lines and
 * paragraphs, as HTML reads one. Run before markdown-it joins escaped characters to the text
 * around them: a `<` written `\<` or `&lt;` (as the import writes every one) is the character
 * shown on purpose, as is code, so neither opens a comment.
 */
function findHtmlComments(state: StateCore): void {
  const found = (state.env as CommentsEnv | undefined)?.htmlComments;
  if (found === undefined) return;
  // The comment open, its text in pieces joined once it ends: a story of a megabyte can leave one
  // open over thousands of pieces, and joining at each would take time as the square of its size.
  let open: { line: number; pieces: string[]; tail: string } | undefined;
  const close = (closed: boolean): void => {
    if (open) found.push({ text: open.pieces.join(""), closed, line: open.line });
    open = undefined;
  };
  // The closing mark is looked for from the last two characters the comment holds, so one split
  // between two pieces of text is found; as in HTML, "<!-->" and "<!--->" close at once. Gives
  // what follows the comment, or undefined while it is still open.
  const extend = (text: string): string | undefined => {
    if (open === undefined) return text;
    const end = (open.tail + text).indexOf(COMMENT_CLOSE);
    if (end === -1) {
      open.pieces.push(text);
      open.tail = (open.tail + text).slice(-(COMMENT_CLOSE.length - 1));
      return undefined;
    }
    const upTo = end + COMMENT_CLOSE.length - open.tail.length;
    open.pieces.push(text.slice(0, upTo));
    close(true);
    return text.slice(upTo);
  };
  const scan = (text: string, line: number): void => {
    for (let rest = extend(text); rest !== undefined; rest = extend(rest)) {
      const start = rest.indexOf(COMMENT_OPEN);
      if (start === -1) return;
      open = { line: line + 1, pieces: [], tail: "" };
      rest = rest.slice(start);
    }
  };
  let blockLine = 0;
  const walk = (children: readonly Token[], line: number): void => {
    for (const child of children) {
      if (child.type === "text") scan(child.content, line);
      else if (child.type === "text_special" || child.type === "code_inline") extend(child.content);
      else if (child.type === "softbreak" || child.type === "hardbreak") {
        extend(" ");
        line += 1;
      }
      // An image's alt text is read out to those who cannot see it.
      if (child.type === "image" && child.children) walk(child.children, line);
    }
  };
  for (const token of state.tokens) {
    if (token.map) blockLine = token.map[0];
    if (token.type !== "inline") continue;
    extend(" ");
    walk(token.children ?? [], blockLine);
  }
  close(false);
}

/**
 * A footnote's label, as the usual footnote syntax reads it: no space and no bracket. A [ ends
 * it too, so text full of "[^" is read in one pass, never again from each bracket.
 */
const FOOTNOTE_MARK = /\[\^([^[\]\s]+)\]/y;
const FOOTNOTE_NOTE = /\[\^([^[\]\s]+)\]:/y;

/**
 * A footnote's note, "[^1]: …", a line of its own. markdown-it alone reads one whose words are
 * an address as a link's reference and drops the line, turning the mark into a link ("^1"), and
 * prints any other as typed; taken first, it is kept as typed, for the story check to refuse.
 */
function footnoteNote(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  // Indented four spaces past its block, the line is code.
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  FOOTNOTE_NOTE.lastIndex = start;
  const label = FOOTNOTE_NOTE.exec(state.src)?.[1];
  if (label === undefined) return false;
  if (silent) return true;
  const token = state.push("footnote_note", "p", 0);
  token.block = true;
  token.map = [startLine, startLine + 1];
  token.content = state.src.slice(start, state.eMarks[startLine]);
  token.meta = { label };
  state.line = startLine + 1;
  return true;
}

/** A footnote's mark in the text, "[^1]", kept as typed; a link written "[^1](…)" stays a link. */
function footnoteMark(state: StateInline, silent: boolean): boolean {
  FOOTNOTE_MARK.lastIndex = state.pos;
  const match = FOOTNOTE_MARK.exec(state.src);
  if (match === null || match.index + match[0].length > state.posMax) return false;
  if (!silent) {
    const token = state.push("footnote_mark", "", 0);
    token.content = match[0];
    token.meta = { label: match[1] };
  }
  state.pos += match[0].length;
  return true;
}

/** A footnote token's label, as footnoteNote and footnoteMark keep it. */
function footnoteLabel(token: Token): string {
  return String((token.meta as { label?: unknown } | null)?.label ?? "");
}

/** The text a paragraph shows, its emphasis and links' marks aside; a line break is a space. */
function shownText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? " " : ""))
    .join("");
}

/**
 * Where the page's dateline goes: the inline content of the body's first paragraph past any
 * headings; past a paragraph of images alone, of the paragraph after it, which then reads first.
 * Undefined when the text opens with a quote, a list or a table, or with images and then one.
 */
function openingInline(tokens: readonly Token[]): number | undefined {
  const blocks = tokens.flatMap((token, at) => (token.level === 0 && token.nesting === 1 && token.type !== "heading_open" ? [at] : []));
  for (const at of blocks.slice(0, 2)) {
    const inline = tokens[at + 1];
    if (tokens[at]?.type !== "paragraph_open" || inline?.type !== "inline") return undefined;
    if (shownText(inline).trim() !== "") return at + 1;
  }
  return undefined;
}

/** The text the page's dateline opens (openingInline), and its line. */
function openingParagraph(tokens: readonly Token[]): BodyOutline["opening"] {
  const at = openingInline(tokens);
  const inline = at === undefined ? undefined : tokens[at];
  if (at === undefined || inline === undefined) return undefined;
  return { text: shownText(inline), line: (tokens[at - 1]?.map?.[0] ?? 0) + 1 };
}

const rendersElement = (token: Token): boolean => token.nesting === 1 || (token.nesting === 0 && token.tag !== "" && token.type !== "softbreak");

/** The images a story's Markdown shows and the links it makes, each with its line, and how much markup it makes. */
export function outlineBody(md: MarkdownIt, body: string): BodyOutline {
  const images: BodyImage[] = [];
  const links: BodyOutline["links"] = [];
  const headings: BodyOutline["headings"] = [];
  let elements = 0;
  let blockLine = 0;
  const comments: BodyComment[] = [];
  const footnotes: BodyFootnote[] = [];
  const env: CommentsEnv = { htmlComments: comments, usedReferences: new Set() };
  const tokens = md.parse(body, env);
  for (const token of tokens) {
    if (rendersElement(token)) elements += 1;
    if (token.map) blockLine = token.map[0];
    if (token.type === "heading_open") headings.push({ level: Number(token.tag.slice(1)), line: blockLine + 1 });
    if (token.type === "footnote_note") footnotes.push({ text: token.content, label: footnoteLabel(token), note: true, line: blockLine + 1 });
    let line = blockLine;
    for (const child of token.children ?? ([] as Token[])) {
      if (rendersElement(child)) elements += 1;
      // Inline tokens carry no lines of their own; a paragraph's lines are its breaks.
      if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
      if (child.type === "image") images.push({ src: String(child.attrGet("src") ?? ""), alt: child.content.trim(), line: line + 1 });
      if (child.type === "link_open") links.push({ href: String(child.attrGet("href") ?? ""), line: line + 1 });
      if (child.type === "footnote_mark") footnotes.push({ text: child.content, label: footnoteLabel(child), note: false, line: line + 1 });
    }
  }
  const opening = openingParagraph(tokens);
  return { images, headings, elements, ...(opening ? { opening } : {}), comments, links, footnotes, unusedDefinitions: unusedDefinitions(md, body, env) };
}

/**
 * The link definitions markdown-it read (`env.references`) that no link or image of the text looks
 * up (recordReferencesUsed), at the line each is typed on: the page would drop their lines unseen.
 */
function unusedDefinitions(md: MarkdownIt, body: string, env: CommentsEnv): BodyDefinition[] {
  const { references, usedReferences } = env;
  if (references === undefined || usedReferences === undefined) return [];
  const reported = new Set<string>();
  return body.split("\n").flatMap((text, index) => {
    const label = DEFINITION_LINE.exec(text)?.[1];
    const key = label === undefined ? undefined : md.utils.normalizeReference(label);
    // Asked before the definition is read: reading it through the references notes it as used.
    if (label === undefined || key === undefined || usedReferences.has(key) || reported.has(key)) return [];
    const reference = references[key];
    if (reference === undefined) return [];
    reported.add(key);
    return [{ label, href: reference.href, line: index + 1 }];
  });
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

/** The classes of the site's stylesheet that align a table's column, by the alignment its Markdown's colons give it. */
const CELL_ALIGNMENT: Readonly<Record<string, string>> = {
  "text-align:left": "align-left",
  "text-align:center": "align-center",
  "text-align:right": "align-right",
};

/**
 * markdown-it aligns a column (`|---:|`) with a style attribute on each cell, which the pages'
 * policy forbids and the check refuses; the same alignment is a class of the site's stylesheet.
 */
function alignCellsByClass(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== "th_open" && token.type !== "td_open") continue;
    // Any other style (markdown-it 15 makes none) stays, for the page check to refuse.
    const alignment = CELL_ALIGNMENT[token.attrGet("style") ?? ""];
    if (alignment === undefined) continue;
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
    token.attrJoin("class", alignment);
  }
}

/** A dateline piece longer than this may not fit a phone's line whole (at 320 px about 30 letters do). */
const LONG_PIECE = 24;

/**
 * A piece of the dateline: one unbreakable span, or, when long ("SANTA CRUZ DE LA SIERRA,", a
 * long agency's name), one that breaks between its words, each word unbreakable and a closing
 * dash kept with the word before it, so the page never scrolls sideways for it.
 */
function datelinePiece(piece: string, escape: (text: string) => string): string {
  if (piece.length <= LONG_PIECE) return `<span>${escape(piece)}</span>`;
  const words = piece.split(" ");
  const last = words.at(-1);
  if (words.length > 1 && last !== undefined && /^(?:-+|[–—])$/.test(last)) words.splice(-2, 2, `${words.at(-2)} ${last}`);
  return `<span class="long">${words.map((word) => `<span>${escape(word)}</span>`).join(" ")}</span>`;
}

/**
 * The one Markdown renderer for stories. Raw HTML is off, so markup typed into a story shows as
 * text; links and images keep only web, mail and relative URLs; quotes are left as the wire typed them.
 */
export function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isAllowedUrl;
  md.core.ruler.before("text_join", "html_comments", findHtmlComments);
  md.core.ruler.after("block", "used_references", recordReferencesUsed);
  md.core.ruler.push("dateline", insertDateline);
  md.core.ruler.push("story_images", publishImagesFromStoryFolder);
  md.core.ruler.push("defer_images", deferImages);
  md.core.ruler.push("align_cells", alignCellsByClass);
  md.block.ruler.before("reference", "footnote_note", footnoteNote, { alt: ["paragraph", "reference"] });
  md.inline.ruler.after("image", "footnote_mark", footnoteMark);
  md.renderer.rules["footnote_note"] = (tokens, index) => `<p>${md.utils.escapeHtml(tokens[index]?.content ?? "")}</p>\n`;
  md.renderer.rules["footnote_mark"] = (tokens, index) => md.utils.escapeHtml(tokens[index]?.content ?? "");
  // Each piece of the dateline is kept on one line by the stylesheet; the spaces between them are where it may wrap.
  md.renderer.rules["dateline"] = (tokens, index) => {
    const parts = (tokens[index]?.meta as { parts: string[] } | undefined)?.parts ?? [];
    return `<span class="dateline">${parts.map((part) => datelinePiece(part, md.utils.escapeHtml)).join(" ")}</span>`;
  };
  // A table wider than the column scrolls in a box of its own, not the page; the box takes the keyboard's focus, so it scrolls without a mouse too.
  md.renderer.rules["table_open"] = () => '<div class="table-scroll" tabindex="0"><table>\n';
  md.renderer.rules["table_close"] = () => "</table></div>\n";
  // Fixed-width text (an agency's columns of figures) scrolls in its own box as a table does, never the page.
  const fixedWidth: NonNullable<typeof md.renderer.rules.fence> = (tokens, index) => `<pre tabindex="0"><code>${md.utils.escapeHtml(tokens[index]?.content ?? "")}</code></pre>\n`;
  md.renderer.rules["fence"] = fixedWidth;
  md.renderer.rules["code_block"] = fixedWidth;
  return md;
}

const storyMarkdown = createMarkdown();

/** A story's body as its page prints it: the dateline opening the first paragraph, its images published beside the story. */
export function renderStoryBody(body: string, datelineParts: readonly string[], filePathStem: string): string {
  const html = storyMarkdown.render(body, { article: { datelineParts }, page: { filePathStem } });
  // The renderer joins its pieces with +, and V8 keeps such a string as its pieces until it is read:
  // reading one character makes it one piece of text. A build holds every story's body until the
  // render, and at 100,000 stories the pieces cost 100 MB more than the text.
  html.charCodeAt(0);
  return html;
}

/** The words of inline Markdown as plain text: links and emphasis read for their words, images (shown, not read) left out. */
function inlineText(children: readonly Token[]): string {
  return children.map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" || child.type === "hardbreak" ? " " : "")).join("");
}

/** The plain text of a body's first paragraph with words in it (headings are not paragraphs), or undefined when it has none. */
export function firstParagraphText(body: string): string | undefined {
  const tokens = storyMarkdown.parse(body, {});
  for (const [index, token] of tokens.entries()) {
    if (token.type !== "paragraph_open") continue;
    const text = inlineText(tokens[index + 1]?.children ?? []).trim();
    if (text !== "") return text;
  }
  return undefined;
}
