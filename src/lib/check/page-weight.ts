/**
 * What a page costs a reader before it can paint: its HTML, the stylesheets it links, any
 * JavaScript, and the requests that block rendering. Shared by the budget check and the benchmark.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { HTMLElement } from "node-html-parser";
import { contentHash, hashInName } from "../media/assets.ts";
import { urlScheme } from "../model/urls.ts";
import { hasAttribute, parsePage, type ParsedPage } from "./parse-page.ts";

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

/** What the page's own markup says about its weight; the files it names are weighed separately. */
export interface PageWeightFacts {
  /** The href of each <link rel="stylesheet">. */
  stylesheets: string[];
  /** Each script a browser would fetch or run: its src, and the length of its inline text in UTF-8. */
  scripts: { src?: string; inlineBytes: number }[];
  /** Classic scripts in the head without async or defer: each stops the parser until it has run. */
  blockingScripts: number;
  preloads: number;
}

function sizeOf(contents: Buffer): Size {
  return { raw: contents.length, gzip: gzipSync(contents).length };
}

/** The path a relative URL names from `from`, or undefined for other sites' URLs. */
function namedPath(from: string, url: string | undefined): string | undefined {
  if (!url || urlScheme(url) !== undefined || url.startsWith("/")) return undefined;
  return join(dirname(from), decodeURIComponent(url.replace(/[?#].*$/s, "")));
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

export function pageWeightFacts({ elements }: ParsedPage): PageWeightFacts {
  const links = elements.filter((element) => element.tagName === "LINK");
  const scripts = elements.filter((element) => element.tagName === "SCRIPT" && !isJson(element));
  // A classic script in the head without async or defer stops the parser until it has run.
  const blockingScripts = scripts.filter(
    (script) => hasAttribute(script, "src") && inHead(script) && !hasAttribute(script, "async") && !hasAttribute(script, "defer") && script.getAttribute("type") !== "module",
  );
  return {
    stylesheets: links.filter((link) => hasRel(link, "stylesheet")).flatMap((link) => link.getAttribute("href") ?? []),
    scripts: scripts.map((script) => ({ src: script.getAttribute("src"), inlineBytes: Buffer.byteLength(script.rawText) })),
    blockingScripts: blockingScripts.length,
    preloads: links.filter((link) => hasRel(link, "preload") || hasRel(link, "modulepreload")).length,
  };
}

/** Whether an element is inside a <head>, as the selector "head script" finds it. */
function inHead(element: HTMLElement): boolean {
  for (let parent = element.parentNode; parent; parent = parent.parentNode) if (parent.tagName === "HEAD") return true;
  return false;
}

/** Weighs what pages name in the site, each stylesheet once however many pages link it. */
export class SiteWeigher {
  readonly #siteDir: string;
  readonly #stylesheets = new Map<string, StylesheetWeight>();
  /** Each file's size, or undefined where there is none, asked of the disk once however many pages name it. */
  readonly #sizes = new Map<string, number | undefined>();

  constructor(siteDir: string) {
    this.#siteDir = siteDir;
  }

  /** All of the page's weight but its own HTML's size, from what its markup names. */
  weigh(page: string, facts: PageWeightFacts): Omit<PageWeight, "html"> {
    const stylesheets = facts.stylesheets.flatMap((href) => this.#siteFile(page, href) ?? []).map((file) => this.#stylesheet(file));
    const javascriptBytes = facts.scripts.reduce((bytes, script) => {
      const file = this.#siteFile(page, script.src);
      return bytes + (file === undefined ? script.inlineBytes : (this.#sizes.get(file) ?? 0));
    }, 0);
    const blockingRequests =
      1 + stylesheets.length + facts.blockingScripts + facts.preloads + stylesheets.reduce((n, sheet) => n + sheet.imports + sheet.fonts, 0);
    return { stylesheets, javascriptBytes, blockingRequests };
  }

  /** The site file a relative URL names from `from`, or undefined for other sites' URLs and missing files. */
  #siteFile(from: string, url: string | undefined): string | undefined {
    const file = namedPath(from, url);
    if (file === undefined) return undefined;
    if (!this.#sizes.has(file)) {
      const stats = statSync(file, { throwIfNoEntry: false });
      this.#sizes.set(file, stats?.isFile() ? stats.size : undefined);
    }
    return this.#sizes.get(file) === undefined ? undefined : file;
  }

  #stylesheet(file: string): StylesheetWeight {
    let weight = this.#stylesheets.get(file);
    if (!weight) {
      weight = stylesheetWeight(this.#siteDir, file);
      this.#stylesheets.set(file, weight);
    }
    return weight;
  }
}

export function measurePage(siteDir: string, page: string): PageWeight {
  const source = readFileSync(page);
  const facts = pageWeightFacts(parsePage(source.toString("utf8")));
  return { html: sizeOf(source), ...new SiteWeigher(siteDir).weigh(page, facts) };
}
