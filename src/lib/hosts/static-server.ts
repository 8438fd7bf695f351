/**
 * Serves a built site the way a static host does, so the preview and the browser tests see what
 * readers will: Netlify at the site's root, or GitHub Pages under a repository's path prefix.
 */
import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { SITEMAP_PATHS } from "../outputs/sitemaps.ts";
import { NOT_FOUND_URL } from "../model/urls.ts";
import { headersFor, parseHeadersFile, type HeaderRule } from "./netlify-headers.ts";
import { notFoundPageFor, parseRedirectsFile, type NotFoundRule } from "./netlify-redirects.ts";

/**
 * How a host maps URLs to files. Netlify serves the site at its root, answers "/news/a" with
 * news/a.html ("pretty URLs") and adds the headers of the site's _headers file. GitHub Pages
 * serves a project site under "/<repository>/" (the prefix; "/" for a custom domain) and only
 * files by their names. Both redirect a folder to its trailing slash and answer a miss with
 * status 404 and a 404 page: Netlify the one the site's _redirects names for the address (an
 * edition's own, in its folder), GitHub Pages always the root 404.html.
 */
export type Host = { name: "netlify" } | { name: "github-pages"; prefix: string };

const HOST_NAMES = ["netlify", "github-pages"] as const;

export interface OpenSite {
  /** URL of the site's root folder, ending in "/": a page is at base + "index.html". */
  base: string;
  close(): Promise<void>;
}

// Only what a static news site publishes: anything else is a 404, as a mistake should be.
// Files without an extension (Netlify's _headers and _redirects) are never served.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  // The search page's scripts and its index's shards (the only scripts the site has).
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};


type Found = { file: string } | { redirect: string } | undefined;

/** The file under `root` a URL path (below the prefix, starting with "/") names, if it names one. */
async function resolveFile(root: string, urlPath: string, prettyUrls: boolean): Promise<Found> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const path = resolve(root, `.${decoded}`);
  const found = await entryInside(root, path);
  if (found?.isFile) return { file: found.realPath };
  // Pretty URLs: "/news/a" is news/a.html, even beside the story's photo folder news/a/.
  if (prettyUrls && !urlPath.endsWith("/")) {
    const page = await entryInside(root, `${path}.html`);
    if (page?.isFile) return { file: page.realPath };
  }
  if (found === undefined) return undefined;
  // Hosts redirect "/news" to "/news/" so the folder's relative links resolve inside it.
  if (!urlPath.endsWith("/")) return { redirect: `${urlPath}/` };
  const index = await entryInside(root, resolve(path, "index.html"));
  return index?.isFile ? { file: index.realPath } : undefined;
}

/** A file or folder inside `root`; a symlink could point outside, so the check runs on the real path. */
async function entryInside(root: string, path: string): Promise<{ realPath: string; isFile: boolean } | undefined> {
  const realPath = await realpath(path).catch(() => undefined);
  if (realPath === undefined || (realPath !== root && !realPath.startsWith(root + sep))) return undefined;
  const info = await stat(realPath);
  if (!info.isFile() && !info.isDirectory()) return undefined;
  return { realPath, isFile: info.isFile() };
}

/** Serves `root` over HTTP on 127.0.0.1 the way `host` would, at `port` (0: any free port). */
export async function startStaticServer(root: string, host: Host, port = 0): Promise<OpenSite> {
  const realRoot = await realpath(root);
  const prefix = host.name === "github-pages" ? host.prefix : "/";
  const prettyUrls = host.name === "netlify";
  const headerRules: HeaderRule[] =
    host.name === "netlify" ? parseHeadersFile(await readFile(resolve(realRoot, "_headers"), "utf8").catch(() => "")) : [];
  const notFoundPages: NotFoundRule[] =
    host.name === "netlify" ? parseRedirectsFile(await readFile(resolve(realRoot, "_redirects"), "utf8").catch(() => "")) : [];

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string, headers: Record<string, string>) => {
    res.writeHead(status, { ...headers, "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream" });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  };

  /** `sitePath`: the missing address below the prefix, when it is inside the site. */
  const notFound = async (req: IncomingMessage, res: ServerResponse, sitePath: string | undefined) => {
    const pageUrl = sitePath === undefined ? undefined : (notFoundPageFor(notFoundPages, sitePath) ?? NOT_FOUND_URL);
    const page = pageUrl === undefined ? undefined : await entryInside(realRoot, resolve(realRoot, `.${pageUrl}`));
    if (page?.isFile && pageUrl !== undefined) send(req, res, 404, page.realPath, headersFor(headerRules, pageUrl));
    else res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname: path, search } = new URL(req.url ?? "/", "http://localhost");
    if (req.method !== "GET" && req.method !== "HEAD") return notFound(req, res, undefined);
    if (`${path}/` === prefix) {
      // "/newsroom" is the site's folder too: send it to "/newsroom/", as for any other folder.
      // The query goes with the redirect, as hosts keep it: a linked search ("search?q=talks") still searches.
      res.writeHead(301, { Location: `${prefix}${search}` }).end();
      return;
    }
    if (!path.startsWith(prefix)) return notFound(req, res, undefined);
    const sitePath = `/${path.slice(prefix.length)}`;
    const found = await resolveFile(realRoot, sitePath, prettyUrls);
    if (found === undefined || ("file" in found && CONTENT_TYPES[extname(found.file).toLowerCase()] === undefined)) {
      return notFound(req, res, sitePath);
    }
    if ("redirect" in found) {
      res.writeHead(301, { Location: `${prefix}${found.redirect.slice(1)}${search}` }).end();
      return;
    }
    send(req, res, 200, found.file, headersFor(headerRules, sitePath));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", done);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${bound}${prefix}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        // A browser keeps its connections open; closing waits for none of them.
        server.closeAllConnections();
      }),
  };
}

/** A folder path as a host's path prefix: "newsroom", "/newsroom" and "/newsroom/" are all "/newsroom/". */
function folderPath(path: string): string {
  const inner = path.replace(/^\/+|\/+$/g, "");
  return inner === "" ? "/" : `/${inner}/`;
}

/**
 * The root URL a built site was made for (its SITE_URL), from its robots.txt: the build names
 * its sitemap index there by absolute URL, the site's root URL followed by "sitemap.xml".
 */
function builtSiteUrl(robotsTxt: string): URL | undefined {
  const sitemapName = SITEMAP_PATHS.index.slice(1);
  for (const line of robotsTxt.split(/\r?\n/)) {
    const value = /^sitemap:\s*(\S+)\s*$/i.exec(line)?.[1];
    if (value === undefined || !URL.canParse(value)) continue;
    const url = new URL(value);
    if (url.pathname.endsWith(`/${sitemapName}`)) return new URL(url.pathname.slice(0, -sitemapName.length), url);
  }
  return undefined;
}

/** The root URL the site built in `dir` was made for, or undefined when its robots.txt names none. */
export async function readBuiltSiteUrl(dir: string): Promise<URL | undefined> {
  const robotsTxt = await readFile(resolve(dir, "robots.txt"), "utf8").catch(() => undefined);
  return robotsTxt === undefined ? undefined : builtSiteUrl(robotsTxt);
}

export interface PreviewRequest {
  /** "netlify" or "github-pages"; anything else is refused. */
  host: string;
  /** GitHub Pages' path prefix as asked for on the command line, if it was. */
  prefix: string | undefined;
  port: number;
  /** The built folder, as the person named it (for the messages). */
  dir: string;
}

/**
 * How the preview serves a build: as the host asked for, under the base path (the path of
 * SITE_URL) the build was made for, since its 404 page links from there and would be dead
 * under any other. A mismatch is refused with the command that makes a matching build.
 */
export function previewHost(request: PreviewRequest, builtFor: URL | undefined): { host: Host } | { problem: string } {
  const folder = `${request.dir.replace(/\/+$/, "")}/`;
  if (!(HOST_NAMES as readonly string[]).includes(request.host)) {
    return { problem: `--host takes ${HOST_NAMES.join(" or ")} (got ${request.host})` };
  }
  if (builtFor === undefined) {
    return { problem: `${folder} does not say which address it was built for (no Sitemap: line in its robots.txt): run npm run build` };
  }
  const basePath = builtFor.pathname;
  const rebuild = (path: string) => `SITE_URL=http://localhost:${request.port}${path} npm run build`;
  if (request.host === "netlify") {
    if (request.prefix !== undefined) return { problem: "--prefix is for --host github-pages: Netlify serves a site at its root" };
    if (basePath === "/") return { host: { name: "netlify" } };
    return {
      problem: `${folder} was built for ${basePath} but Netlify serves a site at /: preview it with npm run preview -- --host github-pages, or build for the root with ${rebuild("/")}`,
    };
  }
  const prefix = request.prefix === undefined ? basePath : folderPath(request.prefix);
  if (prefix !== basePath) {
    return { problem: `${folder} was built for ${basePath} but --prefix is ${prefix}: build for that prefix with ${rebuild(prefix)}` };
  }
  return { host: { name: "github-pages", prefix } };
}
