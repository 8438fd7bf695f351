import type { SiteSettings } from "./site.ts";

/**
 * The public address of a site-root path ("/news/a.html"), under the site's URL and its path
 * prefix: feeds, sitemaps and structured data are read away from the site and need whole URLs.
 * A folder path stays a folder URL: hosts serve its index.html.
 */
export function absoluteUrl(sitePath: string, site: Pick<SiteSettings, "url">): string {
  if (!sitePath.startsWith("/") || sitePath.startsWith("//")) {
    throw new Error(`absoluteUrl: expected a site-root path such as /news/a.html, got "${sitePath}"`);
  }
  // "./" keeps a first segment with a colon ("/a:b.html") a path, not a scheme.
  return new URL(`.${sitePath}`, site.url).href;
}
