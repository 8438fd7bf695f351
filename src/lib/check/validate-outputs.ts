/**
 * Checks a built site's machine-readable outputs: the feeds (RSS, Atom, JSON Feed) and each
 * page's links to them, each page's JSON-LD, the sitemaps and robots.txt. Readers, crawlers and
 * aggregators fail silently on these, so the build must catch what they would not say.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse } from "node-html-parser";
import { escapeXml } from "../outputs/xml.ts";
import type { Problem } from "./site-problems.ts";
import type { WithheldStory } from "../model/story-report.ts";

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
  isArray: (name, path) => ["item", "entry", "url"].includes(name) || (name === "link" && String(path).startsWith("feed")),
});

const field = (node: Node, key: string): Node => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined);
const list = (node: Node): Node[] => (Array.isArray(node) ? node : node === undefined ? [] : [node]);
/** An element's text, whether the parser gave a string or an object holding attributes too. */
const text = (node: Node): string | undefined => {
  const value = typeof node === "string" ? node : field(node, "#text");
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};

/** `siteUrl` is the site's public root URL, path prefix included (SITE_URL). */
export async function outputProblems(siteDir: string, siteUrl: string, withheld: readonly WithheldStory[] = []): Promise<Problem[]> {
  const root = resolve(siteDir);
  const base = siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`;
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  const problems: Problem[] = [];
  const report = (file: string, rule: string, message: string, line = 1, column = 1) => problems.push({ file, line, column, rule, message });
  const read = (file: string) => readFileSync(join(root, file), "utf8");

  const pages = files.filter((file) => file.endsWith(".html"));
  for (const page of pages) pageProblems(page, read(page), files, base, report);
  for (const file of files.filter((name) => name.endsWith(".xml"))) xmlProblems(file, read(file), report);
  for (const file of files.filter((name) => basename(name) === "feed.json")) jsonFeedProblems(file, read(file), report);
  sitemapProblems(files, pages, base, read, report);
  robotsProblems(files, base, read, report);
  withheldProblems(files, withheld, read, report);
  return problems;
}

type Report = (file: string, rule: string, message: string, line?: number, column?: number) => void;

function lineAndColumn(source: string, offset: number): [number, number] {
  const before = source.slice(0, offset).split("\n");
  return [before.length, (before.at(-1)?.length ?? 0) + 1];
}

/** Every page links its feeds in each format, to files that exist; its JSON-LD parses and is complete. */
function pageProblems(page: string, source: string, files: readonly string[], base: string, report: Report): void {
  const basePath = new URL(base).pathname;
  const root = parse(source, { blockTextElements: { script: true } });
  const alternates = root.querySelectorAll("link").filter((link) => (link.getAttribute("rel") ?? "").split(/\s+/).includes("alternate"));
  for (const type of FEED_TYPES) {
    const links = alternates.filter((link) => link.getAttribute("type") === type);
    if (links.length === 0) report(page, "feed-links", `no <link rel="alternate" type="${type}">: readers find feeds through it`);
    for (const link of links) {
      const href = link.getAttribute("href") ?? "";
      // Read as the page is served at the site's URL; the 404 page links from the base path.
      const target = URL.canParse(href, base + page) ? new URL(href, base + page) : undefined;
      const inSite = target?.origin === new URL(base).origin && target.pathname.startsWith(basePath);
      const file = inSite ? decodeURIComponent(target.pathname.slice(basePath.length)) : undefined;
      if (file === undefined || !files.includes(file)) {
        report(page, "feed-links", `<link rel="alternate" type="${type}" href="${href}"> names no file of the site`, ...lineAndColumn(source, link.range[0]));
      }
    }
  }

  const articles: Node[] = [];
  for (const script of root.querySelectorAll('script[type="application/ld+json"]')) {
    const at = lineAndColumn(source, script.range[0]);
    try {
      const value: Node = JSON.parse(script.rawText);
      articles.push(...list(field(value, "@graph") ?? value).filter((node) => field(node, "@type") === "NewsArticle"));
    } catch (error) {
      report(page, "json-ld", `JSON-LD does not parse: ${(error as Error).message}`, ...at);
    }
  }
  if (page.startsWith("news/") && articles.length === 0) report(page, "json-ld", "a story's page has no NewsArticle in its JSON-LD");
  for (const article of articles) {
    for (const property of NEWS_ARTICLE_PROPERTIES) {
      if (field(article, property) === undefined) report(page, "json-ld", `NewsArticle has no ${property}`);
    }
    for (const property of ["datePublished", "dateModified"]) {
      const value = field(article, property);
      if (value !== undefined && !(typeof value === "string" && RFC3339.test(value))) {
        report(page, "json-ld", `NewsArticle ${property} "${String(value)}" is not a moment with an offset`);
      }
    }
  }
}

function xmlProblems(file: string, source: string, report: Report): void {
  if (NOT_XML.test(source)) report(file, "feeds", "holds a control character XML does not allow");
  const valid = XMLValidator.validate(source);
  if (valid !== true) return report(file, "feeds", `not well-formed XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
  const document: Node = xmlParser.parse(source);
  const rss = field(document, "rss");
  const atom = field(document, "feed");
  if (rss !== undefined) rssProblems(file, field(rss, "channel"), report);
  else if (atom !== undefined) atomProblems(file, atom, report);
  else if (basename(file) === "feed.xml" || basename(file) === "atom.xml") report(file, "feeds", "is neither an RSS nor an Atom feed");
}

/** Reports each required child a node lacks. */
function requireText(file: string, report: Report, what: string, node: Node, names: readonly string[]): void {
  for (const name of names) if (text(field(node, name)) === undefined) report(file, "feeds", `${what} has no ${name}`);
}

function rssProblems(file: string, channel: Node, report: Report): void {
  if (channel === undefined) return report(file, "feeds", "RSS has no channel");
  requireText(file, report, "RSS channel", channel, ["title", "link", "description"]);
  list(field(channel, "item")).forEach((item, index) => {
    const what = `RSS item ${index + 1}`;
    requireText(file, report, what, item, ["title", "link", "guid", "pubDate"]);
    const pubDate = text(field(item, "pubDate"));
    if (pubDate !== undefined && Number.isNaN(Date.parse(pubDate))) report(file, "feeds", `${what} pubDate "${pubDate}" is not an RFC 822 date`);
  });
}

function atomProblems(file: string, feed: Node, report: Report): void {
  requireText(file, report, "Atom feed", feed, ["id", "title", "updated"]);
  list(field(feed, "entry")).forEach((entry, index) => {
    const what = `Atom entry ${index + 1}`;
    requireText(file, report, what, entry, ["id", "title", "updated"]);
    const updated = text(field(entry, "updated"));
    if (updated !== undefined && !RFC3339.test(updated)) report(file, "feeds", `${what} updated "${updated}" is not an RFC 3339 moment`);
    // A link without rel is an alternate link; an enclosure does not lead to the story.
    const alternate = list(field(entry, "link")).some((link) => text(field(link, "@href")) !== undefined && (text(field(link, "@rel")) ?? "alternate") === "alternate");
    if (!alternate) report(file, "feeds", `${what} has no alternate link to its story`);
  });
}

function jsonFeedProblems(file: string, source: string, report: Report): void {
  let feed: Node;
  try {
    feed = JSON.parse(source);
  } catch (error) {
    return report(file, "feeds", `JSON Feed does not parse: ${(error as Error).message}`);
  }
  if (field(feed, "version") !== JSON_FEED_VERSION) report(file, "feeds", `JSON Feed version is not ${JSON_FEED_VERSION}`);
  if (typeof field(feed, "title") !== "string") report(file, "feeds", "JSON Feed has no title");
  const items = field(feed, "items");
  if (!Array.isArray(items)) return report(file, "feeds", "JSON Feed has no items list");
  items.forEach((item: Node, index) => {
    const what = `JSON Feed item ${index + 1}`;
    if (typeof field(item, "id") !== "string" || field(item, "id") === "") report(file, "feeds", `${what} has no id`);
    if (typeof field(item, "content_html") !== "string" && typeof field(item, "content_text") !== "string") {
      report(file, "feeds", `${what} has neither content_html nor content_text`);
    }
    const published = field(item, "date_published");
    if (!(typeof published === "string" && RFC3339.test(published))) report(file, "feeds", `${what} has no RFC 3339 date_published`);
  });
}

/** The URL a page is reached at: a folder's index.html by the folder's URL, as hosts serve it. */
function pageUrl(page: string, siteUrl: string): string {
  return new URL(`./${page.replace(/(^|\/)index\.html$/, "$1")}`, siteUrl).href;
}

/** sitemap.xml lists each built page once (404.html aside) and nothing else. */
function sitemapProblems(files: readonly string[], pages: readonly string[], siteUrl: string, read: (file: string) => string, report: Report): void {
  const file = "sitemap.xml";
  if (!files.includes(file)) return report(file, "sitemap", "missing: crawlers find the pages through it");
  const source = read(file);
  if (XMLValidator.validate(source) !== true) return; // reported with the other XML files
  const listed = list(field(field(xmlParser.parse(source), "urlset"), "url")).map((url) => text(field(url, "loc")) ?? "");
  const expected = new Set(pages.filter((page) => page !== "404.html").map((page) => pageUrl(page, siteUrl)));
  const seen = new Set<string>();
  for (const loc of listed) {
    // A folder's index.html may be listed either way; both name one page.
    const url = loc.replace(/\/index\.html$/, "/");
    if (!expected.has(url)) report(file, "sitemap", `lists "${loc}", which is not a page of the site at ${siteUrl}`);
    else if (seen.has(url)) report(file, "sitemap", `lists "${loc}" twice`);
    seen.add(url);
  }
  for (const url of expected) if (!seen.has(url)) report(file, "sitemap", `does not list the page ${url}`);
}

/** robots.txt names both sitemaps by absolute URL, each a file of the site. */
function robotsProblems(files: readonly string[], siteUrl: string, read: (file: string) => string, report: Report): void {
  const file = "robots.txt";
  if (!files.includes(file)) return report(file, "robots", "missing: it names the sitemaps for crawlers");
  const named = [...read(file).matchAll(/^\s*sitemap\s*:\s*(\S+)\s*$/gim)].map((match) => match[1] ?? "");
  for (const sitemap of ["sitemap.xml", "news-sitemap.xml"]) {
    const url = new URL(sitemap, siteUrl).href;
    if (!named.includes(url)) report(file, "robots", `does not name ${url}`);
  }
  for (const url of named) {
    const path = url.startsWith(siteUrl) ? decodeURIComponent(url.slice(siteUrl.length)) : undefined;
    if (path === undefined || !files.includes(path)) report(file, "robots", `names ${url}, which is not a file of the site at ${siteUrl}`);
  }
}

/** A draft or embargoed story leaves no trace: no page, and no file naming its page or headline. */
function withheldProblems(files: readonly string[], withheld: readonly WithheldStory[], read: (file: string) => string, report: Report): void {
  if (withheld.length === 0) return;
  const stories = withheld.map((story) => {
    const path = story.url.slice(1);
    return { story, path, traces: [path, story.headline, escapeXml(story.headline), JSON.stringify(story.headline).slice(1, -1)] };
  });
  // Each output file is read once, however many stories are withheld.
  for (const file of files.filter((name) => /\.(html|xml|json|txt)$/.test(name))) {
    const text = read(file);
    for (const { story, path, traces } of stories) {
      if (file === path || traces.some((trace) => text.includes(trace))) {
        report(file, "withheld", `shows ${story.file}, which is ${story.state} at the build moment (expected no trace of it before it is published)`);
      }
    }
  }
}
