/** Where a page's images may come from: the site's own files, and the media host's when photos are published there (withMediaHost). */
const IMAGE_SOURCES = "img-src 'self'";

/**
 * What a page may load: its own stylesheet and images, nothing else, no script at all. The pages
 * carry it in a meta tag, so it holds from disk and on any host; hosts that take a `_headers` file
 * send it as a header too, with what only a header can say.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  IMAGE_SOURCES,
  // The pages run no script, so this lets nothing of theirs connect anywhere; it lets crawlers'
  // audits (Lighthouse) read the site's own robots.txt from a page's context.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * The dev server's pages only: its live-reload client is a same-origin module script
 * (/.11ty/reload-client.js, which imports /.11ty/morphdom.js) that opens a WebSocket back to the
 * page's own host, which connect-src 'self' already allows. Published pages never carry this.
 */
const DEV_SERVER_POLICY = [...PAGE_POLICY, "script-src 'self'"];

/**
 * The search page's policy (src/search.njk), the one page that runs script: the site's own scripts
 * (the engine, its word rules, the page's script and the index's shards, all same-origin files;
 * never inline script or an event handler, which 'self' does not allow), and its own GET form.
 */
export const SEARCH_PAGE_POLICY = [...PAGE_POLICY.map((directive) => (directive === "form-action 'none'" ? "form-action 'self'" : directive)), "script-src 'self'"];

/** The policy a page of this build carries: the published one, unless the build is the dev server's. */
export function pagePolicy(build: { showUnpublished: boolean }): readonly string[] {
  return build.showUnpublished ? DEV_SERVER_POLICY : PAGE_POLICY;
}

/**
 * The policy with images also let in from the media host's folder (MEDIA_URL, see
 * src/lib/model/media.ts), and nothing else from there: a source with a path ending in "/"
 * allows that folder only. Unchanged without a media host.
 */
export function withMediaHost(directives: readonly string[], mediaUrl: string | undefined): readonly string[] {
  if (mediaUrl === undefined) return directives;
  return directives.map((directive) => (directive === IMAGE_SOURCES ? `${IMAGE_SOURCES} ${mediaUrl}` : directive));
}

/** Directives a meta tag cannot carry: browsers ignore frame-ancestors there. */
const HEADER_ONLY_POLICY = ["frame-ancestors 'none'"];

export function contentSecurityPolicy(directives: readonly string[]): string {
  return directives.join("; ");
}

/** Where a script may come from: an element's script (src or inline), then an event handler attribute; each falls back as CSP 3 says. */
const SCRIPT_DIRECTIVES = [
  ["script-src-elem", "script-src", "default-src"],
  ["script-src-attr", "script-src", "default-src"],
] as const;

/** A policy's directives by name, the first of each name only (browsers ignore repeats). */
function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Whether a policy lets any script run. A source list allows nothing only when it is empty or
 * just 'none'; a kind of script with no directive and no default-src is not restricted at all.
 */
export function policyAllowsScript(policy: string): boolean {
  const directives = directivesOf(policy);
  return SCRIPT_DIRECTIVES.some((fallbacks) => {
    const sources = fallbacks.map((name) => directives.get(name)).find((list) => list !== undefined);
    return sources === undefined || sources.some((source) => source.toLowerCase() !== "'none'");
  });
}

/**
 * Whether a policy lets in script only as the search page's does: from the site's own files
 * ('self'), with no inline script, event handler, eval or other origin.
 */
export function policyAllowsOnlyOwnScript(policy: string): boolean {
  const directives = directivesOf(policy);
  return SCRIPT_DIRECTIVES.every((fallbacks) => {
    const sources = fallbacks.map((name) => directives.get(name)).find((list) => list !== undefined);
    return sources !== undefined && sources.every((source) => ["'self'", "'none'"].includes(source.toLowerCase()));
  });
}

/** A `_headers` rule of the Content Security Policy: a path pattern and the policy its files get. */
export interface PolicyRule {
  path: string;
  policy: string;
}

/**
 * The Content Security Policy by path, for hosts that read a `_headers` file: every file gets the
 * pages' policy but those of each edition's search folder, which get the search page's. A host
 * applies every rule that matches and joins one header's values (two policies, both enforced),
 * and a rule cannot leave a path out, so the pages' policy is given folder by folder: each
 * edition's folder itself, its files, and each of the site's folders in it but search/. A new
 * top-level folder of the site must be in SITE_FOLDERS (src/lib/model/urls.ts) to get its policy.
 */
export function policyRules(editionPaths: readonly string[], siteFolders: readonly string[], searchFolder: string, mediaUrl?: string): PolicyRule[] {
  const pages = contentSecurityPolicy([...withMediaHost(PAGE_POLICY, mediaUrl), ...HEADER_ONLY_POLICY]);
  const search = contentSecurityPolicy([...withMediaHost(SEARCH_PAGE_POLICY, mediaUrl), ...HEADER_ONLY_POLICY]);
  return editionPaths.flatMap((edition) => [
    { path: `/${edition}`, policy: pages },
    { path: `/${edition}:file`, policy: pages },
    ...siteFolders.map((folder) => ({ path: `/${edition}${folder}*`, policy: folder === searchFolder ? search : pages })),
  ]);
}

/** Response headers for every file, for hosts that read a `_headers` file (Netlify, Cloudflare Pages); the policy comes by path (policyRules). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
};

/**
 * Files whose names carry a hash of their content: a new version gets a new name, so readers
 * may keep these for a year without asking again.
 */
export const IMMUTABLE_PATHS = ["/assets/*"];
export const IMMUTABLE_CACHING = "public, max-age=31536000, immutable";
