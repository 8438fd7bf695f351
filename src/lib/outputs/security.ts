/**
 * What a page may load: its own stylesheet and images, nothing else, no script at all. The pages
 * carry it in a meta tag, so it holds from disk and on any host; hosts that take a `_headers` file
 * send it as a header too, with what only a header can say.
 */
export const PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
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
export const DEV_SERVER_POLICY = [...PAGE_POLICY, "script-src 'self'"];

/** The policy a page of this build carries: the published one, unless the build is the dev server's. */
export function pagePolicy(build: { showUnpublished: boolean }): readonly string[] {
  return build.showUnpublished ? DEV_SERVER_POLICY : PAGE_POLICY;
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

/** Response headers for every file, for hosts that read a `_headers` file (Netlify, Cloudflare Pages). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicy([...PAGE_POLICY, ...HEADER_ONLY_POLICY]),
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
