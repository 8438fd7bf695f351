import type { SiteSettings } from "./site.ts";
import { isWebAddress } from "./urls.ts";

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

/** A photo's public address: its site-root path under the site's URL, or its address on the media host (MEDIA_URL) as it is. */
export function photoAddress(url: string, site: Pick<SiteSettings, "url">): string {
  return isWebAddress(url) ? url : absoluteUrl(url, site);
}
