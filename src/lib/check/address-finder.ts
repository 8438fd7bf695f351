/**
 * Which of a site's page addresses a file names. An address is a page's path in the site folder
 * ("news/2013/09/02/talks.html"), found where a link, feed, sitemap or index writes it, and read as
 * a browser reads that link: after the site's URL or its path, or relative to the file's folder
 * (a search index's scripts, to their search page's). So "news/2013/09/02/talks.html" in
 * ru/index.html, or "../../../../news/2013/09/02/talks.html" in a Russian archive day, names the
 * Russian story of that day and name, not the English one.
 */
import { TextFinder } from "./text-finder.ts";

/** Bytes a URL is written with (and any byte of a UTF-8 sequence): scanning back over them finds where it starts. */
const isUrlByte = (byte: number): boolean => byte >= 0x80 || /[A-Za-z0-9\-._~:/%@!$+*]/.test(String.fromCharCode(byte));
/** Bytes that would go on a path: after the address, one of these means it was only the start of a longer one. */
const continuesPath = (byte: number | undefined): boolean => byte !== undefined && (byte >= 0x80 || /[A-Za-z0-9\-._~/%]/.test(String.fromCharCode(byte)));

/** How far back a URL's start is looked for: further than any site's own URL is long. */
const LONGEST_PREFIX = 2048;

export class AddressFinder {
  readonly #addresses: readonly Buffer[];
  readonly #texts: TextFinder;
  /** The site's public root URL, its path ending in "/". */
  readonly #root: URL;

  /** `paths`: pages' paths in the site folder, without a leading "/"; `siteUrl`: the site's public root URL. */
  constructor(paths: readonly string[], siteUrl: string) {
    this.#addresses = paths.map((path) => Buffer.from(path, "utf8"));
    this.#texts = new TextFinder(this.#addresses);
    this.#root = new URL(siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`);
  }

  /** The indexes (in the paths given) of the pages that `contents`, the file at `file` in the site folder, names, in ascending order. */
  foundIn(contents: Buffer, file: string): number[] {
    // The texts' one pass finds where a path occurs at all, which is rare; only then is each place looked at.
    return this.#texts.foundIn(contents).filter((index) => this.#names(contents, this.#addresses[index]!, file));
  }

  #names(contents: Buffer, address: Buffer, file: string): boolean {
    const path = address.toString("utf8");
    for (let at = contents.indexOf(address); at !== -1; at = contents.indexOf(address, at + 1)) {
      if (!continuesPath(contents[at + address.length]) && this.#resolve(prefixAt(contents, at), path, file) === path) return true;
    }
    return false;
  }

  /** The path in the site folder that a URL of `prefix` then `path` names from `file`; undefined for another site's. */
  #resolve(prefix: string, path: string, file: string): string | undefined {
    if (prefix.startsWith(this.#root.href)) return prefix.slice(this.#root.href.length) + path;
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(prefix)) return undefined;
    if (prefix.startsWith("/")) return prefix.startsWith(this.#root.pathname) ? prefix.slice(this.#root.pathname.length) + path : undefined;
    try {
      return decodeURI(new URL(prefix + path, new URL(baseOf(file), "file:///")).pathname).slice(1);
    } catch {
      // Not a URL a browser could follow (a stray % in it): it names no page.
      return undefined;
    }
  }
}

/** The folder a file's relative URLs are read from: its own, but a search index's scripts are read by their search page. */
function baseOf(file: string): string {
  const search = /^(.*?search\/)(?:meta\.js|terms\/[^/]+\.js|stories\/[^/]+\.js)$/.exec(file)?.[1];
  return search ?? file.slice(0, file.lastIndexOf("/") + 1);
}

/** What the URL holding the text at `at` has before it. */
function prefixAt(contents: Buffer, at: number): string {
  let start = at;
  while (start > 0 && at - start < LONGEST_PREFIX && isUrlByte(contents[start - 1]!)) start -= 1;
  return contents.toString("utf8", start, at);
}
