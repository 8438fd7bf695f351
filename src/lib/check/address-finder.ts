/**
 * Which of a site's page addresses a file names. An address is a page's path in the site folder
 * ("news/2013/09/02/talks.html"), found where a link, feed, sitemap or index writes it: on its own,
 * after "./" or "../" steps, after the site's path ("/newsroom/") or after its whole URL. Inside a
 * longer path ("ru/news/2013/09/02/talks.html", "../ru/news/…") it is part of another page's
 * address, and the page it names is that other one: the Russian story of the same day and name.
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
  /** What may stand before an address: nothing (after "./" and "../" steps), the site's path, or its URL. */
  readonly #prefixes: ReadonlySet<string>;

  /** `paths`: pages' paths in the site folder, without a leading "/"; `siteUrl`: the site's public root URL. */
  constructor(paths: readonly string[], siteUrl: string) {
    this.#addresses = paths.map((path) => Buffer.from(path, "utf8"));
    this.#texts = new TextFinder(this.#addresses);
    const root = new URL(siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`);
    this.#prefixes = new Set(["", root.pathname, root.href]);
  }

  /** The indexes (in the paths given) of the pages `contents` names, in ascending order. */
  foundIn(contents: Buffer): number[] {
    // The texts' one pass finds where a path occurs at all, which is rare; only then is each place looked at.
    return this.#texts.foundIn(contents).filter((index) => this.#names(contents, this.#addresses[index]!));
  }

  #names(contents: Buffer, address: Buffer): boolean {
    for (let at = contents.indexOf(address); at !== -1; at = contents.indexOf(address, at + 1)) {
      if (!continuesPath(contents[at + address.length]) && this.#prefixes.has(prefixAt(contents, at))) return true;
    }
    return false;
  }
}

/** What the URL holding the text at `at` has before it, its "./" and "../" steps taken off. */
function prefixAt(contents: Buffer, at: number): string {
  let start = at;
  while (start > 0 && at - start < LONGEST_PREFIX && isUrlByte(contents[start - 1]!)) start -= 1;
  return contents.toString("utf8", start, at).replace(/^(?:\.\.?\/)+/, "");
}
