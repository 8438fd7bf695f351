/**
 * Checks a built site's machine-readable outputs: the feeds (RSS, Atom, JSON Feed) and each
 * page's links to them, each page's JSON-LD, the sitemaps and robots.txt. Readers, crawlers and
 * aggregators fail silently on these, so the build must catch what they would not say.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { PageProblem } from "./findings.ts";
import type { ParsedPage } from "./parse-page.ts";
import { inNewsFolder } from "./site-pages.ts";
import { newestMoment } from "../model/dates.ts";
import type { Problem, ProblemCode } from "../model/problems.ts";
import { isNotFoundUrl, namesItself, SITEMAP_LIMITS } from "../model/urls.ts";

/** Parsed XML or JSON: what a check walks through without trusting its shape. */
type Node = unknown;

const FEED_TYPES = ["application/rss+xml", "application/atom+xml", "application/feed+json"] as const;
const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";
/** RFC 3339 with seconds and an offset: what Atom, JSON Feed and schema.org dates carry here. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Characters XML 1.0 allows nowhere; a parser may stop at them, so one breaks the whole feed. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NEWS_ARTICLE_PROPERTIES = [
  "headline", "description", "datePublished", "dateModified", "dateline", "locationCreated",
  "author", "publisher", "inLanguage", "mainEntityOfPage", "url",
] as const;

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name, path) => ["item", "entry", "url", "sitemap"].includes(name) || (name === "link" && String(path).startsWith("feed")),
});

const field = (node: Node, key: string): Node => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined);
const list = (node: Node): Node[] => (Array.isArray(node) ? node : node === undefined ? [] : [node]);
/** An element's text, whether the parser gave a string or an object holding attributes too. */
const text = (node: Node): string | undefined => {
  const value = typeof node === "string" ? node : field(node, "#text");
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};

/** What a page's own markup says about its feeds, JSON-LD and indexing; whether the feeds exist is for the site to say. */
export interface PageOutputFacts {
  /** Each <link rel="alternate"> to a feed, in the order of the page. */
  feedLinks: { type: string; href: string; line: number; column: number }[];
  /** Each <link rel="alternate" hreflang>: the page in every language it has, itself and x-default among them. */
  translations: { hreflang: string; href: string; line: number; column: number }[];
  /** What is wrong with the page's JSON-LD. */
  jsonLd: PageProblem[];
  /** Whether the page asks search engines not to index it (`<meta name="robots" content="noindex">`): then no sitemap lists it. */
  noindex: boolean;
}

/** The page URLs a feed or sitemap lists: each item's, entry's or `<url>`'s, as written. */
export interface Listing {
  file: string;
  urls: string[];
  /** A sitemap's (a `<urlset>`): the newest of its `<lastmod>`s, which the index must date it by; undefined where it has none. */
  sitemap?: { newest?: string | undefined };
}

/** A sitemap index's `<sitemap>` entries, as written. */
export interface SitemapIndex {
  file: string;
  sitemaps: { loc: string; lastmod?: string | undefined }[];
}

/** The feeds', sitemaps' and robots.txt's own problems, and what they list, for the checks that need the pages first. */
export interface OutputFileCheck {
  problems: Problem[];
  listings: Listing[];
  indexes: SitemapIndex[];
}

/** Where crawlers start: the sitemap index, which robots.txt names and which names every sitemap. */
const SITEMAP_INDEX = "sitemap.xml";

/** A page with what its markup says, by its path in the site folder. */
export interface OutputPage {
  path: string;
  facts: PageOutputFacts;
}

/** What each page's feed links and JSON-LD say wrong; `files` are all the files of the site folder. */
export function pageOutputProblems(siteUrl: string, files: readonly string[], pages: readonly OutputPage[]): Problem[] {
  const problems: Problem[] = [];
  const inSite = new Set(files);
  const feedFile = siteFileNamer(siteUrl);
  for (const page of pages) {
    pageProblems(page, inSite, feedFile, reporter(problems));
    problems.push(...page.facts.jsonLd.map((problem) => ({ file: page.path, ...problem })));
  }
  return problems;
}

/** What a feed's or sitemap's own check found: its problems, and what it lists (none when it could not be read as one). */
export interface OutputFileRecord {
  problems: PageProblem[];
  listed?: Omit<Listing, "file"> | Omit<SitemapIndex, "file">;
}

/** A feed's or sitemap's record: from what is kept for `source` at `file`, or made by `check` (and kept). */
export type OutputFileRecords = (file: string, source: Buffer, check: (text: string) => OutputFileRecord) => OutputFileRecord;

const checkedAfresh: OutputFileRecords = (_file, source, check) => check(source.toString("utf8"));

/**
 * The feeds' and robots.txt's problems, and what the feeds and sitemaps list: what needs no
 * page's check, so it can be checked while the pages are. `files` are all the files of the site
 * folder `root`, by their paths in it with forward slashes; each feed's and sitemap's check may be
 * kept between runs by its bytes (`records`).
 */
export function outputFileProblems(root: string, siteUrl: string, files: readonly string[], records: OutputFileRecords = checkedAfresh): OutputFileCheck {
  const base = baseUrl(siteUrl);
  const problems: Problem[] = [];
  const listings: Listing[] = [];
  const indexes: SitemapIndex[] = [];
  const read = (file: string) => readFileSync(join(root, file), "utf8");
  // The one file's problems, each as a page's problem is kept: without its file.
  const fileRecord = (file: string, check: (source: string, report: Report) => OutputFileRecord["listed"]): OutputFileRecord["listed"] => {
    const record = records(file, readFileSync(join(root, file)), (source) => {
      const found: Problem[] = [];
      const listed = check(source, reporter(found));
      const problems = found.map(({ file: _file, ...problem }) => problem);
      return listed === undefined ? { problems } : { problems, listed };
    });
    problems.push(...record.problems.map((problem) => ({ file, ...problem })));
    return record.listed;
  };
  for (const file of files.filter((name) => name.endsWith(".xml"))) {
    const listed = fileRecord(file, (source, report) => xmlProblems(file, source, report));
    if (listed && "sitemaps" in listed) indexes.push({ file, ...listed });
    else if (listed) listings.push({ file, ...listed });
  }
  for (const file of files.filter((name) => basename(name) === "feed.json")) {
    const listed = fileRecord(file, (source, report) => {
      const urls = jsonFeedProblems(file, source, report);
      return urls && { urls };
    });
    if (listed && "urls" in listed) listings.push({ file, ...listed });
  }
  robotsProblems(files, base, read, reporter(problems));
  return { problems, listings, indexes };
}

const baseUrl = (siteUrl: string): string => (siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`);

/** Each check of the site's outputs, by the field its problems name, with its code. */
const OUTPUT_CHECKS = {
  "feed-link": "WD410",
  feed: "WD411",
  sitemap: "WD412",
  /** robots.txt's Sitemap: lines. */
  Sitemap: "WD413",
  hreflang: "WD414",
} as const satisfies Record<string, ProblemCode>;

/** Where in a file a problem is, where the check can tell. */
interface At {
  line: number;
  column: number;
}

const reporter =
  (problems: Problem[]): Report =>
  (file, check, message, at) =>
    problems.push({ file, ...at, field: check, message, code: OUTPUT_CHECKS[check] });

type Report = (file: string, check: keyof typeof OUTPUT_CHECKS, message: string, at?: At) => void;

/** The page's feed links and JSON-LD; `path` is its path in the site folder. */
export function pageOutputFacts(path: string, { root, elements, position }: ParsedPage): PageOutputFacts {
  const noindex = elements.some(
    (element) => element.tagName === "META" && element.getAttribute("name")?.toLowerCase() === "robots" && /\bnoindex\b/i.test(element.getAttribute("content") ?? ""),
  );
  const alternates = elements.filter((element) => element.tagName === "LINK").filter((link) => (link.getAttribute("rel") ?? "").split(/\s+/).includes("alternate"));
  const feedLinks = alternates.flatMap((link) => {
    const type = link.getAttribute("type") ?? "";
    return (FEED_TYPES as readonly string[]).includes(type) ? [{ type, href: link.getAttribute("href") ?? "", ...position(link.range[0]) }] : [];
  });
  const translations = alternates.flatMap((link) => {
    const hreflang = link.getAttribute("hreflang");
    return hreflang === undefined ? [] : [{ hreflang, href: link.getAttribute("href") ?? "", ...position(link.range[0]) }];
  });

  const jsonLd: PageProblem[] = [];
  const report = (message: string, at?: At) => jsonLd.push({ ...at, field: "json-ld", message, code: "WD407" });
  const articles: Node[] = [];
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const value: Node = JSON.parse(script.rawText);
      articles.push(...list(field(value, "@graph") ?? value).filter((node) => field(node, "@type") === "NewsArticle"));
    } catch (error) {
      report(`JSON-LD does not parse: ${(error as Error).message}`, position(script.range[0]));
    }
  }
  // A story's address (in any edition) that asks not to be indexed holds a withdrawn story's notice, which is no article.
  const story = inNewsFolder(path);
  if (story && !noindex && articles.length === 0) report("a story's page has no NewsArticle in its JSON-LD (expected one: search engines show the story by it)");
  if (story && noindex && articles.length > 0) report("a withdrawn story's notice has a NewsArticle in its JSON-LD (expected none: it is no article)");
  for (const article of articles) {
    for (const property of NEWS_ARTICLE_PROPERTIES) {
      if (field(article, property) === undefined) report(`NewsArticle has no ${property} (expected each property of a news story search engines read)`);
    }
    for (const property of ["datePublished", "dateModified"]) {
      const value = field(article, property);
      if (value !== undefined && !(typeof value === "string" && RFC3339.test(value))) {
        report(`NewsArticle ${property} "${String(value)}" is not a moment with an offset (expected one like 2013-09-02T15:40:00+04:00)`);
      }
    }
  }
  return { feedLinks, translations, jsonLd, noindex };
}

/**
 * The file of the site an href names from a page (by its path in the site), read as the page is
 * served at the site's URL; undefined for a URL outside the site. The pages of a folder name the
 * same feeds: each href is resolved once a folder (at 100,000 stories, 345,000 feed links).
 */
function siteFileNamer(siteUrl: string): (href: string, page: string) => string | undefined {
  const base = new URL(baseUrl(siteUrl));
  const found = new Map<string, string | undefined>();
  return (href, page) => {
    const from = base.href + (namesItself(href) ? page : page.slice(0, page.lastIndexOf("/") + 1));
    const name = `${from}\0${href}`;
    if (!found.has(name)) {
      const target = URL.canParse(href, from) ? new URL(href, from) : undefined;
      const inSite = target?.origin === base.origin && target.pathname.startsWith(base.pathname);
      found.set(name, inSite ? decodeURIComponent(target.pathname.slice(base.pathname.length)) : undefined);
    }
    return found.get(name);
  };
}

/** Every page links its feeds in each format, to files that exist; its JSON-LD parses and is complete. */
function pageProblems({ path: page, facts }: OutputPage, files: ReadonlySet<string>, siteFile: (href: string, page: string) => string | undefined, report: Report): void {
  for (const type of FEED_TYPES) {
    const links = facts.feedLinks.filter((link) => link.type === type);
    if (links.length === 0) report(page, "feed-link", `no <link rel="alternate" type="${type}"> (expected one for each feed format: readers find feeds through it)`);
    for (const { href, line, column } of links) {
      // The 404 pages link from the base path, which resolves so from any folder.
      const file = siteFile(href, page);
      if (file === undefined || !files.has(file)) {
        report(page, "feed-link", `<link rel="alternate" type="${type}" href="${href}"> names no file of the site (expected the feed's file)`, { line, column });
      }
    }
  }
}

/**
 * Reports what is wrong with an XML file; returns the page URLs it lists (a feed's items, a
 * sitemap's `<url>`s), or a sitemap index's entries, unless it is not well-formed or none of these.
 */
function xmlProblems(file: string, source: string, report: Report): Omit<Listing, "file"> | Omit<SitemapIndex, "file"> | undefined {
  // Until it is read, a sitemap is told from a feed by its name.
  const check = basename(file).includes("sitemap") ? "sitemap" : "feed";
  if (NOT_XML.test(source)) report(file, check, "holds a control character XML does not allow (expected none: a reader may stop at it)");
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    report(file, check, `not well-formed XML: ${valid.err.msg}`, { line: valid.err.line, column: valid.err.col });
    return undefined;
  }
  const document: Node = xmlParser.parse(source);
  const rss = field(document, "rss");
  const atom = field(document, "feed");
  const urlset = field(document, "urlset");
  const index = field(document, "sitemapindex");
  if (rss !== undefined) return { urls: rssProblems(file, field(rss, "channel"), report) };
  if (atom !== undefined) return { urls: atomProblems(file, atom, report) };
  if (basename(file) === "feed.xml" || basename(file) === "atom.xml") report(file, "feed", "is neither an RSS nor an Atom feed (expected <rss> or <feed> as its root)");
  if (index !== undefined) {
    return { sitemaps: list(field(index, "sitemap")).map((entry) => ({ loc: text(field(entry, "loc")) ?? "", lastmod: text(field(entry, "lastmod")) })) };
  }
  if (urlset === undefined) return undefined;
  const urls = list(field(urlset, "url"));
  if (urls.length > SITEMAP_LIMITS.urls) report(file, "sitemap", `lists ${urls.length} pages (expected at most ${SITEMAP_LIMITS.urls}: crawlers read no more of one sitemap)`);
  const bytes = Buffer.byteLength(source);
  if (bytes > SITEMAP_LIMITS.bytes) report(file, "sitemap", `is ${bytes} bytes (expected at most ${SITEMAP_LIMITS.bytes}, 50 MB: crawlers read no more of one sitemap)`);
  const newest = newestMoment(urls.flatMap((url) => text(field(url, "lastmod")) ?? []));
  return { urls: urls.map((url) => text(field(url, "loc")) ?? ""), sitemap: { newest } };
}

/** Reports each required child a node lacks. */
function requireText(file: string, report: Report, what: string, node: Node, names: readonly string[]): void {
  for (const name of names) if (text(field(node, name)) === undefined) report(file, "feed", `${what} has no ${name} (expected its <${name}>)`);
}

/** Reports what is wrong with an RSS feed; returns its items' links. */
function rssProblems(file: string, channel: Node, report: Report): string[] {
  if (channel === undefined) {
    report(file, "feed", "RSS has no channel (expected its <channel>)");
    return [];
  }
  requireText(file, report, "RSS channel", channel, ["title", "link", "description"]);
  return list(field(channel, "item")).flatMap((item, index) => {
    const what = `RSS item ${index + 1}`;
    requireText(file, report, what, item, ["title", "link", "guid", "pubDate"]);
    const pubDate = text(field(item, "pubDate"));
    if (pubDate !== undefined && Number.isNaN(Date.parse(pubDate))) report(file, "feed", `${what} pubDate "${pubDate}" is not an RFC 822 date (expected one like Mon, 02 Sep 2013 15:40:00 +0400)`);
    return text(field(item, "link")) ?? [];
  });
}

/** Reports what is wrong with an Atom feed; returns its entries' alternate links. */
function atomProblems(file: string, feed: Node, report: Report): string[] {
  requireText(file, report, "Atom feed", feed, ["id", "title", "updated"]);
  return list(field(feed, "entry")).flatMap((entry, index) => {
    const what = `Atom entry ${index + 1}`;
    requireText(file, report, what, entry, ["id", "title", "updated"]);
    const updated = text(field(entry, "updated"));
    if (updated !== undefined && !RFC3339.test(updated)) report(file, "feed", `${what} updated "${updated}" is not an RFC 3339 moment (expected one like 2013-09-02T15:40:00+04:00)`);
    // A link without rel is an alternate link; an enclosure does not lead to the story.
    const alternates = list(field(entry, "link")).filter((link) => text(field(link, "@href")) !== undefined && (text(field(link, "@rel")) ?? "alternate") === "alternate");
    if (alternates.length === 0) report(file, "feed", `${what} has no alternate link to its story (expected a <link> with its story's address)`);
    return alternates.map((link) => text(field(link, "@href")) ?? "");
  });
}

/** Reports what is wrong with a JSON Feed; returns its items' URLs, unless it does not parse. */
function jsonFeedProblems(file: string, source: string, report: Report): string[] | undefined {
  let feed: Node;
  try {
    feed = JSON.parse(source);
  } catch (error) {
    report(file, "feed", `JSON Feed does not parse: ${(error as Error).message}`);
    return undefined;
  }
  if (field(feed, "version") !== JSON_FEED_VERSION) report(file, "feed", `JSON Feed version is not ${JSON_FEED_VERSION} (expected that version)`);
  if (typeof field(feed, "title") !== "string") report(file, "feed", "JSON Feed has no title (expected its title)");
  const items = field(feed, "items");
  if (!Array.isArray(items)) {
    report(file, "feed", "JSON Feed has no items list (expected one, empty or not)");
    return [];
  }
  return items.flatMap((item: Node, index) => {
    const what = `JSON Feed item ${index + 1}`;
    if (typeof field(item, "id") !== "string" || field(item, "id") === "") report(file, "feed", `${what} has no id (expected its id)`);
    if (typeof field(item, "content_html") !== "string" && typeof field(item, "content_text") !== "string") {
      report(file, "feed", `${what} has neither content_html nor content_text (expected one of them)`);
    }
    const published = field(item, "date_published");
    if (!(typeof published === "string" && RFC3339.test(published))) report(file, "feed", `${what} has no RFC 3339 date_published (expected one like 2013-09-02T15:40:00+04:00)`);
    const url = field(item, "url");
    return typeof url === "string" ? [url] : [];
  });
}

/**
 * sitemap.xml is a sitemap index naming every sitemap of the site (each a file of it, dated by its
 * newest lastmod), and those sitemaps together list each built page, but the 404 pages and pages
 * that ask not to be indexed (a withdrawn story's notice), and nothing else. A story is in its
 * edition's pages sitemap and news sitemap both, but in each only once. `check` is what
 * outputFileProblems found.
 */
export function sitemapProblems(siteUrl: string, files: readonly string[], check: Pick<OutputFileCheck, "listings" | "indexes">, pages: readonly OutputPage[]): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(problems);
  if (!files.includes(SITEMAP_INDEX)) {
    report(SITEMAP_INDEX, "sitemap", "missing (expected the sitemap index, through which crawlers find the sitemaps)");
    return problems;
  }
  const index = check.indexes.find(({ file }) => file === SITEMAP_INDEX);
  if (index === undefined) {
    // Unless it is not well-formed, which is reported with the other XML files.
    if (check.listings.some(({ file }) => file === SITEMAP_INDEX)) report(SITEMAP_INDEX, "sitemap", "is not a sitemap index (expected a <sitemapindex> naming every sitemap)");
    return problems;
  }
  const base = baseUrl(siteUrl);
  const sitemaps = new Map(check.listings.filter(({ sitemap }) => sitemap).map((listing) => [listing.file, listing]));
  const named = new Set<Listing>();
  for (const { loc, lastmod } of index.sitemaps) {
    const path = loc.startsWith(base) ? decodeURIComponent(loc.slice(base.length)) : undefined;
    const sitemap = path === undefined ? undefined : sitemaps.get(path);
    const newest = sitemap?.sitemap?.newest;
    if (path === undefined || !files.includes(path)) report(SITEMAP_INDEX, "sitemap", `names "${loc}", which is not a file of the site at ${base} (expected only the site's sitemaps)`);
    else if (sitemap === undefined) report(SITEMAP_INDEX, "sitemap", `names "${loc}", which is not a sitemap (expected a <urlset>)`);
    else if (named.has(sitemap)) report(SITEMAP_INDEX, "sitemap", `names "${loc}" twice (expected each sitemap once)`);
    else if (lastmod !== undefined && !RFC3339.test(lastmod)) report(SITEMAP_INDEX, "sitemap", `dates "${loc}" "${lastmod}", which is not a moment with an offset (expected one like 2013-09-02T15:40:00+04:00)`);
    else if (newest !== undefined && (lastmod === undefined || Date.parse(lastmod) !== Date.parse(newest))) {
      report(SITEMAP_INDEX, "sitemap", `dates "${loc}" ${lastmod ?? "not at all"} (expected its newest lastmod, ${newest})`);
    }
    if (sitemap) named.add(sitemap);
  }
  for (const sitemap of sitemaps.values()) {
    if (!named.has(sitemap)) report(sitemap.file, "sitemap", `is not named by ${SITEMAP_INDEX} (expected the index to name every sitemap)`);
  }

  const indexed = new Map(pages.filter(({ path }) => !isNotFoundUrl(`/${path}`)).map(({ path, facts }) => [pageUrl(path, base), !facts.noindex]));
  const seen = new Set<string>();
  for (const { file, urls } of named) {
    const inFile = new Set<string>();
    for (const loc of urls) {
      // A folder's index.html may be listed either way; both name one page.
      const url = loc.replace(/\/index\.html$/, "/");
      const wanted = indexed.get(url);
      if (wanted === undefined) report(file, "sitemap", `lists "${loc}", which is not a page of the site at ${base} (expected only the site's pages)`);
      else if (!wanted) report(file, "sitemap", `lists "${loc}", which asks search engines not to index it (expected only pages to index)`);
      else if (inFile.has(url)) report(file, "sitemap", `lists "${loc}" twice (expected each page once in a sitemap)`);
      inFile.add(url);
      seen.add(url);
    }
  }
  for (const [url, wanted] of indexed) if (wanted && !seen.has(url)) report(SITEMAP_INDEX, "sitemap", `names no sitemap that lists the page ${url} (expected every page to index in a sitemap)`);
  return problems;
}

/**
 * A page's translations (`<link rel="alternate" hreflang>`) are pages of the site, each naming the
 * page back: search engines ignore alternates that are not confirmed both ways.
 */
export function translationLinkProblems(siteUrl: string, pages: readonly OutputPage[]): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(problems);
  const base = baseUrl(siteUrl);
  const byUrl = new Map(pages.map((page) => [pageUrl(page.path, base), page]));
  const named = (href: string) => href.replace(/\/index\.html$/, "/");
  for (const { path, facts } of pages) {
    const own = pageUrl(path, base);
    for (const { hreflang, href, line, column } of facts.translations) {
      const target = byUrl.get(named(href));
      const link = `<link rel="alternate" hreflang="${hreflang}" href="${href}">`;
      if (target === undefined) report(path, "hreflang", `${link} names no page of the site at ${base} (expected this page in another language)`, { line, column });
      else if (!target.facts.translations.some((back) => named(back.href) === own)) {
        report(path, "hreflang", `${link} names a page that does not name this one back (expected each version to list every other)`, { line, column });
      }
    }
  }
  return problems;
}

/** The URL a page is reached at: a folder's index.html by the folder's URL, as hosts serve it. */
function pageUrl(page: string, siteUrl: string): string {
  return new URL(`./${page.replace(/(^|\/)index\.html$/, "$1")}`, siteUrl).href;
}

/** robots.txt names the sitemap index by absolute URL, and nothing that is not a file of the site. */
function robotsProblems(files: readonly string[], siteUrl: string, read: (file: string) => string, report: Report): void {
  const file = "robots.txt";
  if (!files.includes(file)) return report(file, "Sitemap", "missing (expected robots.txt naming the sitemap index for crawlers)");
  const named = [...read(file).matchAll(/^\s*sitemap\s*:\s*(\S+)\s*$/gim)].map((match) => match[1] ?? "");
  const index = new URL(SITEMAP_INDEX, siteUrl).href;
  if (!named.includes(index)) report(file, "Sitemap", `does not name ${index} (expected the line Sitemap: ${index})`);
  for (const url of named) {
    const path = url.startsWith(siteUrl) ? decodeURIComponent(url.slice(siteUrl.length)) : undefined;
    if (path === undefined || !files.includes(path)) report(file, "Sitemap", `names ${url}, which is not a file of the site at ${siteUrl} (expected only the site's sitemap index)`);
  }
}
