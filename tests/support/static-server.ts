import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { headersFor, parseHeadersFile } from "./netlify-headers.ts";

/** The built site the browser tests open. */
export const SITE_DIR = fileURLToPath(new URL("../../_site/", import.meta.url));

/** How a test run reaches the site: over HTTP at a path prefix ("/" for a host's root), or from disk. */
export type SiteMount = { kind: "http"; prefix: string } | { kind: "file" };

export interface OpenSite {
  /** URL of the site's root folder, ending in "/": a page is at base + "index.html". */
  base: string;
  close(): Promise<void>;
}

// Only what a static news site publishes: anything else is a 404, as a mistake should be.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
}

/** The file under `root` a URL path names, or undefined when it names nothing servable. */
async function resolveFile(root: string, urlPath: string): Promise<{ file: string } | { redirect: string } | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  let file = resolve(root, `.${decoded}`);
  // A symlink could point outside too, so the check runs on the real path.
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined || (real !== root && !real.startsWith(root + sep))) return undefined;
  const info = await stat(real);
  if (info.isDirectory()) {
    // Hosts redirect "/news" to "/news/" so the folder's relative links resolve inside it.
    if (!urlPath.endsWith("/")) return { redirect: `${urlPath}/` };
    file = resolve(real, "index.html");
    const index = await stat(file).catch(() => undefined);
    return index?.isFile() ? { file } : undefined;
  }
  return info.isFile() ? { file: real } : undefined;
}

/** Serves `root` over HTTP on 127.0.0.1 at a free port, mounted at `prefix` ("/" or "/name/"). */
export async function startStaticServer(root: string, prefix = "/"): Promise<OpenSite> {
  const realRoot = await realpath(root);
  // Served like the host the site is deployed to, with the headers its _headers file asks for.
  const headerRules = parseHeadersFile(await readFile(resolve(realRoot, "_headers"), "utf8").catch(() => ""));
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") return notFound(res);
    if (`${path}/` === prefix) {
      // "/newsroom" is the site's folder too: send it to "/newsroom/", as for any other folder.
      res.writeHead(301, { Location: prefix }).end();
      return;
    }
    if (!path.startsWith(prefix)) return notFound(res);
    const found = await resolveFile(realRoot, `/${path.slice(prefix.length)}`);
    if (found === undefined) return notFound(res);
    if ("redirect" in found) {
      res.writeHead(301, { Location: `${prefix}${found.redirect.slice(1)}` }).end();
      return;
    }
    const type = CONTENT_TYPES[extname(found.file).toLowerCase()];
    if (type === undefined) return notFound(res);
    const sitePath = `/${found.file.slice(realRoot.length + 1).split(sep).join("/")}`;
    res.writeHead(200, { ...Object.fromEntries(headersFor(headerRules, sitePath)), "Content-Type": type });
    if (req.method === "HEAD") res.end();
    else createReadStream(found.file).pipe(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

/** Makes the built site reachable the way `mount` says. */
export async function openSite(mount: SiteMount): Promise<OpenSite> {
  const built = await stat(resolve(SITE_DIR, "index.html")).catch(() => undefined);
  if (!built?.isFile()) {
    throw new Error("No built site in _site/: run npx tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts first");
  }
  if (mount.kind === "http") return startStaticServer(SITE_DIR, mount.prefix);
  return { base: pathToFileURL(SITE_DIR).href, close: async () => {} };
}
