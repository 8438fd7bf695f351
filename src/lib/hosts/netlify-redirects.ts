/**
 * Netlify's _redirects file, as the build writes it (src/redirects.njk): each edition's 404 page,
 * served with status 404 at any missing address in the edition's folder ("/ru/* /ru/404.html 404"),
 * the editions' folders first and the site's root last, since Netlify takes the first rule that
 * matches. A rule without "!" (force) never hides a file that exists. GitHub Pages reads no such
 * file: it serves the root 404.html at every missing address.
 */
import { notFoundUrl } from "../model/urls.ts";

/** A missing address matching `from` ("/ru/*") is answered with the page `to` ("/ru/404.html"), status 404. */
export interface NotFoundRule {
  from: string;
  to: string;
}

/** The rules of the editions at `editionPaths` ("", "ru/"), deepest folder first. */
export function notFoundRules(editionPaths: readonly string[]): NotFoundRule[] {
  return [...editionPaths].sort((a, b) => b.split("/").length - a.split("/").length).map((path) => ({ from: `/${path}*`, to: notFoundUrl(path) }));
}

/**
 * The 404 rules of a _redirects file: lines "from to 404", "#" starting a comment. Other rules
 * (redirects, rewrites, forced rules) are not ones the build writes, and are left out.
 */
export function parseRedirectsFile(text: string): NotFoundRule[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const [from, to, status, ...rest] = line.replace(/#.*$/, "").trim().split(/\s+/);
    return from && to && status === "404" && rest.length === 0 ? [{ from, to }] : [];
  });
}

/** The page the first rule matching `urlPath` serves, if one does ("*" at a rule's end matches the rest of a path). */
export function notFoundPageFor(rules: readonly NotFoundRule[], urlPath: string): string | undefined {
  return rules.find(({ from }) => (from.endsWith("*") ? urlPath.startsWith(from.slice(0, -1)) : urlPath === from))?.to;
}
