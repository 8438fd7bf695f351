/**
 * Where a site's URLs lead: each internal link and asset must resolve to a file of the site (and
 * each #fragment to an id in it), and only relative URLs may point into the site, so one build
 * works at a host root, under a prefix and from disk.
 */
import { readFileSync, statSync, type Stats } from "node:fs";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { asBrowserReads, isNotFoundUrl, namesItself, NOT_FOUND_URL, urlScheme } from "../model/urls.ts";
import type { MediaHost } from "../model/media.ts";
import type { FieldProblem, ProblemCode } from "../model/problems.ts";
import { anchorsOf } from "./page-references.ts";
import { parsePage } from "./parse-page.ts";

export interface LinkSettings {
  siteDir: string;
  /** The site's public root URL: absolute links under it are reported, as they break other copies; others on its host are other sites. */
  siteRoot: URL | undefined;
  /** The path of the site's root on its host ("/" unless SITE_URL has a prefix): where the 404 pages link from. */
  basePath: string;
  /** Where the photos named under the media host's address (MEDIA_URL) are, to be uploaded there; none when the site holds its photos. */
  media?: MediaHost;
}

/**
 * Checks the URLs of one site's files. The ids of its pages come from their checks; a file's
 * status and any other file's ids are read once, however many links lead there.
 */
/** A problem of the link `url` names, with what was expected. */
const linkProblem = (code: ProblemCode, message: string): FieldProblem[] => [{ field: "link", message, code }];

export class SiteLinks {
  readonly #settings: LinkSettings;
  /** Inside the site folder: its path and a separator. */
  readonly #inside: string;
  readonly #pageAnchors: ReadonlyMap<string, ReadonlySet<string>>;
  readonly #otherAnchors = new Map<string, Set<string>>();
  /** The site's files and folders, by absolute path: a link's target is looked up, not asked of the disk (at 10,000 stories 0.7 s of a publish). */
  readonly #files: ReadonlySet<string>;
  readonly #folders = new Set<string>();
  /** The media folder's files, asked of the disk once each. */
  readonly #stats = new Map<string, Stats | undefined>();
  /** What each URL that names no page itself was found to name, by the folder it is named from (see `#foundFrom`). */
  readonly #found = new Map<string, Map<string, FieldProblem[]>>();

  /** `files` holds every file of the site, `pageAnchors` the ids of each page, by absolute path. */
  constructor(settings: LinkSettings, files: readonly string[], pageAnchors: ReadonlyMap<string, ReadonlySet<string>>) {
    this.#settings = settings;
    this.#inside = settings.siteDir.endsWith(sep) ? settings.siteDir : `${settings.siteDir}${sep}`;
    this.#pageAnchors = pageAnchors;
    this.#files = new Set(files);
    // The site's own folder too: a link such as "../site" from its root page names it.
    this.#folders.add(settings.siteDir);
    for (const file of files) {
      for (let folder = dirname(file); folder.startsWith(this.#inside) && !this.#folders.has(folder); folder = dirname(folder)) this.#folders.add(folder);
    }
  }

  /**
   * What is wrong with each URL named in the file `from` (an absolute path); `image` when it names
   * an image the page shows, which must be the site's own or a photo under the media host's address.
   */
  checkerFor(from: string): (url: string, image?: boolean) => FieldProblem[] {
    const fromFile = { url: pathToFileURL(from), folder: dirname(from) };
    const notFoundPage = from.startsWith(this.#inside) && isNotFoundUrl(`/${sitePath(this.#settings.siteDir, from)}`);
    const { media, siteRoot } = this.#settings;
    const check = (url: string, image: boolean): FieldProblem[] => {
      if (media !== undefined && asBrowserReads(url).startsWith(media.url)) return this.#mediaProblems(url, media);
      if (notFoundPage && !url.startsWith("#")) return this.#notFoundPageProblems(url);
      const problems = urlFormProblems(url, siteRoot);
      if (problems !== undefined) return problems;
      if (!hasScheme(url)) return this.#followed(fromFile, url);
      if (!image) return [];
      const expected = media === undefined ? "a file of the site" : `a file of the site or a photo under the media host's ${media.url}`;
      return linkProblem("WD408", `"${url}" is an image from elsewhere (expected ${expected}: the pages' security policy lets no other image in)`);
    };
    const shared = this.#foundFrom(`${notFoundPage ? "404" : ""}\0${dirname(from)}`);
    return (url, image = false) => {
      if (namesItself(url)) return check(url, image);
      const name = image ? `image\0${url}` : url;
      let problems = shared.get(name);
      if (problems === undefined) shared.set(name, (problems = check(url, image)));
      return problems;
    };
  }

  /**
   * What each URL was found to name from one folder (a 404 page's apart: its links start from the
   * site's root). Most of a site's links are named from many pages of a folder (the pages of a day,
   * their navigation), so each is followed once per folder; at 10,000 stories a publish checks
   * half a million links.
   */
  #foundFrom(folder: string): Map<string, FieldProblem[]> {
    let found = this.#found.get(folder);
    if (found === undefined) this.#found.set(folder, (found = new Map()));
    return found;
  }

  /**
   * What a page's links lean on besides the site's files, which a site that only grew still has:
   * the photos they name in the media folder, and whether any names an id in another file.
   */
  relianceOf(links: readonly { url: string }[]): LinkReliance {
    const { media } = this.#settings;
    const photos = new Set<string>();
    let otherAnchors = false;
    for (const { url } of links) {
      if (media !== undefined && asBrowserReads(url).startsWith(media.url)) {
        const name = photoName(url, media);
        if (name !== undefined) photos.add(name);
      } else if (!namesItself(url) && !hasScheme(url) && url.includes("#") && !anyPageHas(url.slice(url.indexOf("#") + 1))) otherAnchors = true;
    }
    return { photos: [...photos].sort(), otherAnchors };
  }

  /** A photo named under the media host's address must be a file of the media folder, which the deploy uploads there before the pages. */
  #mediaProblems(url: string, media: MediaHost): FieldProblem[] {
    const name = photoName(url, media);
    if (name === undefined) return linkProblem("WD404", `"${url}" is not a valid URL (expected a photo's address under ${media.url})`);
    const file = photoFile(media, name);
    if (file !== undefined && this.#stat(file)?.isFile()) return [];
    return linkProblem("WD404", `"${url}" names a photo the build did not publish for the media host (expected a file of this build's photos under ${media.url})`);
  }

  /**
   * Hosts serve the 404 pages at any missing address, so their links start from the site's base
   * path instead of being relative; each must still name a page or file of the site.
   */
  #notFoundPageProblems(url: string): FieldProblem[] {
    const { basePath, siteRoot } = this.#settings;
    if (!url.startsWith(basePath) || url.startsWith("//")) {
      const problems = urlFormProblems(url, siteRoot) ?? [];
      const relativeLink = problems.length === 0 && !hasScheme(url);
      return relativeLink ? linkProblem("WD406", `"${url}" on the 404 page (expected a URL that starts with the base path ${basePath}: hosts serve this page at any missing address)`) : problems;
    }
    const path = url.slice(basePath.length).replace(/^([^?#]*\/)?(?=[?#]|$)/, (folder) => `${folder}index.html`);
    // The path is from the site's root, whichever edition's folder the page is in.
    const notFound = new URL(NOT_FOUND_URL.slice(1), pathToFileURL(this.#inside));
    return this.#followed({ url: notFound, folder: dirname(fileURLToPath(notFound)) }, path);
  }

  /** A relative URL must name a file in the site, and its fragment an id in that file. */
  #followed(from: { url: URL; folder: string }, url: string): FieldProblem[] {
    const broken = (message: string): FieldProblem[] => linkProblem("WD404", `"${url}" ${message}`);
    const target = resolved(from, url);
    if (target === undefined) return broken("is not a valid URL (expected a relative URL of a file of the site)");
    const { file, fragment, folder } = target;
    const { siteDir } = this.#settings;
    if (file !== siteDir && !file.startsWith(this.#inside)) return broken("points outside the site folder (expected a file of the site)");
    if (folder || this.#folders.has(file)) {
      return broken("names a folder (expected the file, such as its index.html: from disk a folder link does not open it)");
    }
    // Its name in the site only for a problem: at 10,000 stories, made for every link it was a tenth of the check.
    if (!this.#files.has(file)) return broken(`names ${sitePath(siteDir, file)}, which does not exist (expected a file of the site)`);
    if (!this.#hasAnchor(file, fragment)) return linkProblem("WD405", `"${url}" has no target: no id="${fragment}" in ${sitePath(siteDir, file)} (expected an element with that id)`);
    return [];
  }

  #stat(file: string): Stats | undefined {
    if (!this.#stats.has(file)) this.#stats.set(file, statSync(file, { throwIfNoEntry: false }));
    return this.#stats.get(file);
  }

  /** Whether a fragment finds its place in a file (only HTML and SVG files are searched for ids). */
  #hasAnchor(file: string, fragment: string): boolean {
    if (anyPageHas(fragment)) return true;
    if (![".html", ".svg"].includes(extname(file))) return true;
    let anchors = this.#pageAnchors.get(file) ?? this.#otherAnchors.get(file);
    if (!anchors) {
      const read = new Set(anchorsOf(parsePage(readFileSync(file, "utf8"))));
      this.#otherAnchors.set(file, read);
      anchors = read;
    }
    return anchors.has(fragment);
  }
}

const hasScheme = (url: string): boolean => urlScheme(url) !== undefined;

/** Whether every page has the place a fragment names: an empty one and "top" scroll to its top. */
const anyPageHas = (fragment: string): boolean => fragment === "" || fragment.toLowerCase() === "top";

/** What a page's links lean on besides the site's files (`SiteLinks.relianceOf`). */
export interface LinkReliance {
  /** The media folder's photos they name. */
  photos: string[];
  /** Whether any names an id in another file, whose ids may change while it keeps its name. */
  otherAnchors: boolean;
}

/** The photo a URL under the media host's address names, as the media folder holds it; undefined when it is not a valid URL. */
function photoName(url: string, media: MediaHost): string | undefined {
  try {
    return decodeURIComponent(new URL(asBrowserReads(url)).pathname.slice(new URL(media.url).pathname.length));
  } catch {
    return undefined;
  }
}

/** Where the media folder would hold the photo `name`: none for a name of no file there. */
const photoFile = (media: MediaHost, name: string): string | undefined => (name === "" || name.includes("/") ? undefined : join(media.folder, name));

/** Whether each photo named is a file of the media folder, as the media links' check finds them. */
export function inMediaFolder(media: MediaHost, photos: readonly string[]): boolean {
  return photos.every((name) => {
    const file = photoFile(media, name);
    return file !== undefined && statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  });
}

/**
 * A relative URL of plain path characters (not from the root, without "//" or an encoded
 * character) and its plain fragment: most of a site's links, which resolve as a path resolves its
 * segments.
 */
const PLAIN_RELATIVE = /^(?!\/|.*\/\/)([A-Za-z0-9._~\/-]+)(?:#([A-Za-z0-9._~-]*))?$/;

/**
 * The file a relative URL names from the file `from` (as a file: URL, and its folder), its fragment, and whether it
 * names a folder (its path ends in "/", "." or ".."); undefined when it is not a valid URL. A
 * plain one is resolved as a path, which gives what the URL parser gives: at 100,000 stories the
 * check follows a million links.
 */
function resolved(from: { url: URL; folder: string }, url: string): { file: string; fragment: string; folder: boolean } | undefined {
  const plain = PLAIN_RELATIVE.exec(url);
  if (plain) {
    const path = plain[1] ?? "";
    const last = path.slice(path.lastIndexOf("/") + 1);
    return { file: join(from.folder, path), fragment: plain[2] ?? "", folder: last === "" || last === "." || last === ".." };
  }
  try {
    const target = new URL(url, from.url);
    return { file: fileURLToPath(target), fragment: decodeURIComponent(target.hash.slice(1)), folder: target.pathname.endsWith("/") };
  } catch {
    return undefined;
  }
}


/**
 * Whether `url` is the site's root or under it. A site under a path shares its host with others
 * (a GitHub Pages project site with the owner's other projects): their addresses are links out.
 */
function isUnder(url: URL, siteRoot: URL): boolean {
  return url.origin === siteRoot.origin && (url.pathname.startsWith(siteRoot.pathname) || `${url.pathname}/` === siteRoot.pathname);
}

/** Script, or a URL that is not relative although it points into this site. */
function urlFormProblems(url: string, siteRoot: URL | undefined): FieldProblem[] | undefined {
  const bare = asBrowserReads(url);
  const scheme = urlScheme(url);
  if (scheme === "javascript") return linkProblem("WD402", `javascript: URL "${url}" would run script (expected a link to a page or file)`);
  if (scheme === "file") return linkProblem("WD406", `file: URL "${url}" only works on one machine (expected a relative URL)`);
  if ((scheme === "http" || scheme === "https") && siteRoot !== undefined && URL.canParse(bare) && isUnder(new URL(bare), siteRoot)) {
    return linkProblem("WD406", `"${url}" names an address of this site, ${siteRoot.href} (expected a relative URL, which works in every copy)`);
  }
  // Browsers read "\" as "/" in web URLs, so "\\x" is protocol-relative and "\x" root-relative.
  if (/^[/\\]{2}/.test(bare)) return linkProblem("WD406", `protocol-relative URL "${url}" (expected a relative URL)`);
  if (/^[/\\]/.test(bare)) {
    return linkProblem("WD406", `root-relative URL "${url}" breaks under a path prefix and from disk (expected a relative URL)`);
  }
  return undefined;
}

/** A file's path in the site folder, with forward slashes. */
export function sitePath(siteDir: string, file: string): string {
  return relative(siteDir, file).split(sep).join("/");
}
