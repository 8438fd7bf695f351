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

/** Directives a meta tag cannot carry: browsers ignore frame-ancestors there. */
export const HEADER_ONLY_POLICY = ["frame-ancestors 'none'"];

export function contentSecurityPolicy(directives: readonly string[]): string {
  return directives.join("; ");
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
