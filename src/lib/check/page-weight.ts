/**
 * What a page costs a reader before it can paint: its HTML, the stylesheets it links, any
 * JavaScript, and the requests that block rendering. Shared by the budget check and the benchmark.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { parse, type HTMLElement } from "node-html-parser";
import { contentHash, hashInName } from "../media/assets.ts";
import { urlScheme } from "../model/urls.ts";

export interface Size {
  raw: number;
  /** At gzip's default level, as static hosts commonly serve text. */
  gzip: number;
}

export interface StylesheetWeight {
  /** Path in the site folder, with forward slashes. */
  file: string;
  size: Size;
  /** Whether the file's name carries the hash of its contents, so it can be cached for good. */
  hashed: boolean;
  /** @import rules and web fonts: each one more request before the text can be drawn. */
  imports: number;
  fonts: number;
}

export interface PageWeight {
  html: Size;
  stylesheets: StylesheetWeight[];
  /** Script a browser would fetch or run; JSON data blocks such as JSON-LD are not script. */
  javascriptBytes: number;
  /** The page itself, the stylesheets and blocking scripts it names, and what those stylesheets pull in. */
  blockingRequests: number;
}

export function sizeOf(contents: Buffer): Size {
  return { raw: contents.length, gzip: gzipSync(contents).length };
}

/** The site file a relative URL names from `from`, or undefined for other sites' URLs and missing files. */
function siteFile(from: string, url: string | undefined): string | undefined {
  if (!url || urlScheme(url) !== undefined || url.startsWith("/")) return undefined;
  const file = join(dirname(from), decodeURIComponent(url.replace(/[?#].*$/s, "")));
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

function stylesheetWeight(siteDir: string, file: string): StylesheetWeight {
  const contents = readFileSync(file);
  const css = contents.toString("utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  return {
    file: relative(siteDir, file).split(sep).join("/"),
    size: sizeOf(contents),
    hashed: hashInName(file) === contentHash(contents),
    imports: css.match(/@import\b/gi)?.length ?? 0,
    fonts: css.match(/@font-face\b/gi)?.length ?? 0,
  };
}

const hasRel = (element: HTMLElement, rel: string): boolean => (element.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes(rel);
const isJson = (script: HTMLElement): boolean => /json$/i.test((script.getAttribute("type") ?? "").split(";")[0]?.trim() ?? "");

export function measurePage(siteDir: string, page: string): PageWeight {
  const source = readFileSync(page);
  const root = parse(source.toString("utf8"), { blockTextElements: { script: true, style: true } });
  const links = root.querySelectorAll("link");
  const stylesheets = links
    .filter((link) => hasRel(link, "stylesheet"))
    .flatMap((link) => siteFile(page, link.getAttribute("href")) ?? [])
    .map((file) => stylesheetWeight(siteDir, file));
  const scripts = root.querySelectorAll("script").filter((script) => !isJson(script));
  const javascriptBytes = scripts.reduce((bytes, script) => {
    const file = siteFile(page, script.getAttribute("src"));
    return bytes + (file ? statSync(file).size : Buffer.byteLength(script.rawText));
  }, 0);
  // A classic script in the head without async or defer stops the parser until it has run.
  const blockingScripts = root
    .querySelectorAll("head script[src]")
    .filter((script) => !isJson(script) && !script.hasAttribute("async") && !script.hasAttribute("defer") && script.getAttribute("type") !== "module");
  const preloads = links.filter((link) => hasRel(link, "preload") || hasRel(link, "modulepreload"));
  const blockingRequests =
    1 + stylesheets.length + blockingScripts.length + preloads.length + stylesheets.reduce((n, sheet) => n + sheet.imports + sheet.fonts, 0);
  return { html: sizeOf(source), stylesheets, javascriptBytes, blockingRequests };
}
