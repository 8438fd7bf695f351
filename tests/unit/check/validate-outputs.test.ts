import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import type { WithheldStory } from "../../../src/lib/model/story-report.ts";
import { validateSite } from "../../../src/lib/check/validate.ts";
import { outputFileProblems } from "../../../src/lib/check/validate-outputs.ts";
import { formatProblem, type ProblemCode } from "../../../src/lib/model/problems.ts";
import { newsSitemap } from "../../../src/lib/outputs/sitemaps.ts";
import { articleJsonLd, serializeJsonLd } from "../../../src/lib/outputs/structured-data.ts";
import { goodSite, sitePage, siteChannel } from "../../support/output-site.ts";
import { ALL_NEWS, buildAt, english, site, story } from "../../support/story-views.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "validate-outputs-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

/** Writes the good site with some files changed (a string replaces, undefined deletes), then checks it. */
async function problemsWith(
  changes: Record<string, string | ((text: string) => string) | undefined> = {},
  withheld: readonly WithheldStory[] = [],
): Promise<string[]> {
  const dir = mkdtempSync(join(tempRoot, "site-"));
  const files: Record<string, string | undefined> = goodSite();
  for (const [name, change] of Object.entries(changes)) {
    const before = files[name] ?? "";
    const after = typeof change === "function" ? change(before) : change;
    assert.notEqual(after, before, `the change to ${name} changes nothing`);
    files[name] = after;
  }
  for (const [name, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const problems = await outputProblems(dir, site.url, withheld);
  return problems.map(formatProblem);
}

/** The codes of the checks that span the site's outputs (validate-outputs.ts, withheld-traces.ts, withdrawn-notices.ts); each page's own markup checks are tested elsewhere. */
const OUTPUT_CODES = new Set<ProblemCode>(["WD407", "WD410", "WD411", "WD412", "WD413", "WD414", "WD415", "WD416", "WD417"]);

/** The site's output problems, found by the check a build runs. */
async function outputProblems(dir: string, siteUrl: string, withheld: readonly WithheldStory[] = []) {
  const { problems } = await validateSite(dir, { siteUrl, outputs: true, withheld });
  return problems.filter(({ code }) => OUTPUT_CODES.has(code));
}

const replace = (from: string | RegExp, to: string) => (text: string) => text.replace(from, to);

test("a good site's outputs pass", async () => {
  assert.deepEqual(await problemsWith(), []);
});

test("a page without a link to each feed format, or with one to no file, is reported", async () => {
  assert.deepEqual(await problemsWith({ "index.html": replace(/<link rel="alternate" type="application\/atom\+xml"[^>]*>/, "") }), [
    'index.html: feed-link: no <link rel="alternate" type="application/atom+xml"> (expected one for each feed format: readers find feeds through it) [WD410]',
  ]);
  assert.deepEqual(await problemsWith({ "topics/north-korea/feed.json": undefined }), [
    'topics/north-korea/index.html:7:1: feed-link: <link rel="alternate" type="application/feed+json" href="feed.json"> names no file of the site (expected the feed\'s file) [WD410]',
  ]);
});

test("broken RSS is reported: not well-formed, control characters, missing fields", async () => {
  assert.match((await problemsWith({ "feed.xml": replace("</channel>", "") }))[0] ?? "", /^feed\.xml:\d+:\d+: feed: not well-formed XML: .+ \[WD411\]$/);
  assert.deepEqual(await problemsWith({ "feed.xml": replace("<title>Moscow", "<title>\u0001Moscow") }), ["feed.xml: feed: holds a control character XML does not allow (expected none: a reader may stop at it) [WD411]"]);
  assert.deepEqual(await problemsWith({ "feed.xml": replace(/<guid[^>]*>[^<]*<\/guid>/, "") }), ["feed.xml: feed: RSS item 1 has no guid (expected its <guid>) [WD411]"]);
  assert.deepEqual(await problemsWith({ "topics/north-korea/feed.xml": replace(/<pubDate>[^<]*</, "<pubDate>yesterday<") }), [
    'topics/north-korea/feed.xml: feed: RSS item 1 pubDate "yesterday" is not an RFC 822 date (expected one like Mon, 02 Sep 2013 15:40:00 +0400) [WD411]',
  ]);
  assert.deepEqual(await problemsWith({ "feed.xml": replace(/<description>World[^<]*<\/description>/, "") }), ["feed.xml: feed: RSS channel has no description (expected its <description>) [WD411]"]);
});

test("broken Atom is reported: missing feed and entry fields", async () => {
  assert.deepEqual(await problemsWith({ "atom.xml": replace(/<updated>[^<]*<\/updated>/, "") }), ["atom.xml: feed: Atom feed has no updated (expected its <updated>) [WD411]"]);
  assert.deepEqual(await problemsWith({ "atom.xml": replace(/<link rel="alternate" type="text\/html" href="[^"]*news\/moscow[^"]*"\/>/, "") }), [
    "atom.xml: feed: Atom entry 1 has no alternate link to its story (expected a <link> with its story's address) [WD411]",
  ]);
  assert.deepEqual(await problemsWith({ "atom.xml": replace(/(<entry>\n)<id>[^<]*<\/id>/, "$1") }), ["atom.xml: feed: Atom entry 1 has no id (expected its <id>) [WD411]"]);
});

test("broken JSON Feed is reported: syntax, version, item fields", async () => {
  assert.match((await problemsWith({ "feed.json": replace(/}\s*$/, "") }))[0] ?? "", /^feed\.json: feed: JSON Feed does not parse: .+ \[WD411\]$/);
  assert.deepEqual(await problemsWith({ "feed.json": replace("version/1.1", "version/1") }), ["feed.json: feed: JSON Feed version is not https://jsonfeed.org/version/1.1 (expected that version) [WD411]"]);
  assert.deepEqual(await problemsWith({ "feed.json": replace('"content_html"', '"body"') }), ["feed.json: feed: JSON Feed item 1 has neither content_html nor content_text (expected one of them) [WD411]"]);
  assert.deepEqual(await problemsWith({ "feed.json": replace('"date_published": "2013-09-02T00:00:00+04:00"', '"date_published": "2013-09-02"') }), [
    "feed.json: feed: JSON Feed item 1 has no RFC 3339 date_published (expected one like 2013-09-02T15:40:00+04:00) [WD411]",
  ]);
});

test("a story and its translation name each other as hreflang alternates; one naming no page, or not named back, is reported", async () => {
  const translation = "ru/news/moscow-denuclearization-talks.html";
  const alternates = (...urls: string[]) => urls.map((url, index) => `<link rel="alternate" hreflang="${["en", "ru"][index]}" href="${site.url}${url}">\n`).join("");
  const pair = {
    [translation]: sitePage(`/${translation}`, siteChannel, `<script type="application/ld+json">${serializeJsonLd(articleJsonLd(story({ slug: "ru" }), site, english, ALL_NEWS))}</script>\n${alternates("news/moscow-denuclearization-talks.html", translation)}`),
    "news/moscow-denuclearization-talks.html": replace("</head>", `${alternates("news/moscow-denuclearization-talks.html", translation)}</head>`),
    "pages-sitemap.xml": replace("</urlset>", `<url><loc>${site.url}${translation}</loc></url>\n</urlset>`),
  };
  assert.deepEqual(await problemsWith(pair), []);
  // The original now names another page instead of the translation, which it no longer names back.
  const original = "news/moscow-denuclearization-talks.html";
  assert.deepEqual(await problemsWith({ ...pair, [original]: replace("</head>", `${alternates(original, "ru/news/missing.html")}</head>`) }), [
    `${original}:10:1: hreflang: <link rel="alternate" hreflang="ru" href="${site.url}ru/news/missing.html"> names no page of the site at ${site.url} (expected this page in another language) [WD414]`,
    `ru/news/moscow-denuclearization-talks.html:9:1: hreflang: <link rel="alternate" hreflang="en" href="${site.url}${original}"> names a page that does not name this one back (expected each version to list every other) [WD414]`,
  ]);
  assert.deepEqual(await problemsWith({ ...pair, [original]: replace("</head>", `${alternates(original, "index.html")}</head>`) }), [
    `${original}:10:1: hreflang: <link rel="alternate" hreflang="ru" href="${site.url}index.html"> names a page that does not name this one back (expected each version to list every other) [WD414]`,
    `ru/news/moscow-denuclearization-talks.html:9:1: hreflang: <link rel="alternate" hreflang="en" href="${site.url}${original}"> names a page that does not name this one back (expected each version to list every other) [WD414]`,
  ]);
});

test("the sitemap index names every sitemap, each a sitemap of the site, dated by its newest lastmod", async () => {
  const index = "https://example.github.io/newsroom/";
  assert.deepEqual(await problemsWith({ "ru/news-sitemap.xml": newsSitemap("/ru/news-sitemap.xml", [], site, buildAt("2013-09-03T00:00:00Z"), english).text }), [
    "ru/news-sitemap.xml: sitemap: is not named by sitemap.xml (expected the index to name every sitemap) [WD412]",
  ]);
  assert.deepEqual(await problemsWith({ "news-sitemap.xml": undefined }), [`sitemap.xml: sitemap: names "${index}news-sitemap.xml", which is not a file of the site at ${index} (expected only the site's sitemaps) [WD412]`]);
  assert.deepEqual(await problemsWith({ "sitemap.xml": replace("news-sitemap.xml", "feed.xml") }), [
    "news-sitemap.xml: sitemap: is not named by sitemap.xml (expected the index to name every sitemap) [WD412]",
    `sitemap.xml: sitemap: names "${index}feed.xml", which is not a sitemap (expected a <urlset>) [WD412]`,
  ]);
  assert.deepEqual(await problemsWith({ "sitemap.xml": replace("</sitemapindex>", `<sitemap><loc>${index}news-sitemap.xml</loc></sitemap>\n</sitemapindex>`) }), [
    `sitemap.xml: sitemap: names "${index}news-sitemap.xml" twice (expected each sitemap once) [WD412]`,
  ]);
  // The pages sitemap's newest lastmod is the story's; a list page is as new as its newest story.
  assert.deepEqual(await problemsWith({ "sitemap.xml": replace("<lastmod>2013-09-02T00:00:00+04:00</lastmod>", "<lastmod>2013-09-01T00:00:00+04:00</lastmod>") }), [
    `sitemap.xml: sitemap: dates "${index}pages-sitemap.xml" 2013-09-01T00:00:00+04:00 (expected its newest lastmod, 2013-09-02T00:00:00+04:00) [WD412]`,
  ]);
  assert.deepEqual(await problemsWith({ "sitemap.xml": replace("<lastmod>2013-09-02T00:00:00+04:00</lastmod>", "<lastmod>2013-09-01T20:00:00Z</lastmod>") }), []);
  assert.deepEqual(await problemsWith({ "sitemap.xml": replace("<lastmod>2013-09-02T00:00:00+04:00</lastmod>", "") }), [
    `sitemap.xml: sitemap: dates "${index}pages-sitemap.xml" not at all (expected its newest lastmod, 2013-09-02T00:00:00+04:00) [WD412]`,
  ]);
  assert.deepEqual(await problemsWith({ "sitemap.xml": (text) => text.replace(/<lastmod>[^<]*<\/lastmod><\/sitemap>\n<\/sitemapindex>/, "<lastmod>yesterday</lastmod></sitemap>\n</sitemapindex>") }), [
    `sitemap.xml: sitemap: dates "${index}news-sitemap.xml" "yesterday", which is not a moment with an offset (expected one like 2013-09-02T15:40:00+04:00) [WD412]`,
  ]);
  assert.deepEqual(await problemsWith({ "sitemap.xml": (_text) => goodSite()["pages-sitemap.xml"] ?? "" }), [
    "sitemap.xml: sitemap: is not a sitemap index (expected a <sitemapindex> naming every sitemap) [WD412]",
  ]);
});

test("JSON-LD that does not parse, is missing, or lacks NewsArticle properties is reported", async () => {
  const story = "news/moscow-denuclearization-talks.html";
  const unparsed = await problemsWith({ [story]: replace('{"@context"', '{"@context":') });
  assert.equal(unparsed.length, 2);
  assert.equal(unparsed[0], `${story}: json-ld: a story's page has no NewsArticle in its JSON-LD (expected one: search engines show the story by it) [WD407]`);
  assert.match(unparsed[1] ?? "", /^news\/moscow-denuclearization-talks\.html:\d+:\d+: json-ld: JSON-LD does not parse: .+ \[WD407\]$/);
  assert.deepEqual(await problemsWith({ [story]: replace(/<script[^]*<\/script>\n/, "") }), [`${story}: json-ld: a story's page has no NewsArticle in its JSON-LD (expected one: search engines show the story by it) [WD407]`]);
  assert.deepEqual(await problemsWith({ [story]: replace(/"dateline":"[^"]*",/, "") }), [`${story}: json-ld: NewsArticle has no dateline (expected each property of a news story search engines read) [WD407]`]);
  assert.deepEqual(await problemsWith({ [story]: replace('"datePublished":"2013-09-02T00:00:00+04:00"', '"datePublished":"2013-09-02"') }), [
    `${story}: json-ld: NewsArticle datePublished "2013-09-02" is not a moment with an offset (expected one like 2013-09-02T15:40:00+04:00) [WD407]`,
  ]);
});

test("a page in no sitemap, a sitemap listing a stranger or a page twice, or a missing index, is reported", async () => {
  const loc = (path: string) => `<url><loc>https://example.github.io/newsroom/${path}</loc></url>\n</urlset>`;
  assert.deepEqual(await problemsWith({ "topics/north-korea/index.html": undefined, "topics/north-korea/feed.xml": undefined, "topics/north-korea/atom.xml": undefined, "topics/north-korea/feed.json": undefined }), [
    'pages-sitemap.xml: sitemap: lists "https://example.github.io/newsroom/topics/north-korea/", which is not a page of the site at https://example.github.io/newsroom/ (expected only the site\'s pages) [WD412]',
  ]);
  assert.deepEqual(await problemsWith({ "news/other.html": sitePage("/news/other.html", siteChannel, `<script type="application/ld+json">${serializeJsonLd(articleJsonLd(story({ slug: "other" }), site, english, ALL_NEWS))}</script>\n`) }), [
    "sitemap.xml: sitemap: names no sitemap that lists the page https://example.github.io/newsroom/news/other.html (expected every page to index in a sitemap) [WD412]",
  ]);
  // A page in the news sitemap alone is in a sitemap all the same.
  assert.deepEqual(await problemsWith({ "sitemaps/2013-09.xml": replace(/<url><loc>[^<]*moscow-denuclearization-talks\.html<\/loc>.*?<\/url>/, "") }), []);
  assert.deepEqual(await problemsWith({ "news-sitemap.xml": replace("</urlset>", loc("404.html")) }), [
    'news-sitemap.xml: sitemap: lists "https://example.github.io/newsroom/404.html", which is not a page of the site at https://example.github.io/newsroom/ (expected only the site\'s pages) [WD412]',
  ]);
  assert.deepEqual(await problemsWith({ "pages-sitemap.xml": replace("</urlset>", loc("index.html")) }), ['pages-sitemap.xml: sitemap: lists "https://example.github.io/newsroom/index.html" twice (expected each page once in a sitemap) [WD412]']);
  assert.deepEqual(await problemsWith({ "sitemap.xml": undefined }), [
    "robots.txt: Sitemap: names https://example.github.io/newsroom/sitemap.xml, which is not a file of the site at https://example.github.io/newsroom/ (expected only the site's sitemap index) [WD413]",
    "sitemap.xml: sitemap: missing (expected the sitemap index, through which crawlers find the sitemaps) [WD412]",
  ]);
});

test("a sitemap of more than a crawler reads of one, 50,000 URLs or 50 MB, is reported", () => {
  const dir = mkdtempSync(join(tempRoot, "site-"));
  // The sitemap's own check: what it lists is checked against the pages apart (above).
  const problemsOf = (urls: number, padding = "") => {
    const loc = `<url><loc>https://example.github.io/newsroom/index.html</loc>${padding}</url>\n`;
    writeFileSync(join(dir, "pages-sitemap.xml"), `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${loc.repeat(urls)}</urlset>\n`);
    return outputFileProblems(dir, site.url, ["pages-sitemap.xml"]).problems.filter(({ file }) => file === "pages-sitemap.xml").map(formatProblem);
  };
  assert.deepEqual(problemsOf(50_000), []);
  assert.deepEqual(problemsOf(50_001), ["pages-sitemap.xml: sitemap: lists 50001 pages (expected at most 50000: crawlers read no more of one sitemap) [WD412]"]);
  const large = problemsOf(26, `<!--${"x".repeat(2 * 1024 * 1024)}-->`);
  assert.equal(large.length, 1, large.join("\n"));
  assert.match(large[0]!, /^pages-sitemap\.xml: sitemap: is \d+ bytes \(expected at most 52428800, 50 MB: crawlers read no more of one sitemap\) \[WD412\]$/);
});

test("the sitemap is checked against the site's own URL", async () => {
  const dir = mkdtempSync(join(tempRoot, "site-"));
  for (const [name, text] of Object.entries(goodSite())) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const problems = await outputProblems(dir, "https://news.example.org");
  assert.ok(problems.some(({ code, message }) => code === "WD412" && message === 'names "https://example.github.io/newsroom/pages-sitemap.xml", which is not a file of the site at https://news.example.org/ (expected only the site\'s sitemaps)'));
  assert.ok(problems.some(({ code, message }) => code === "WD413" && message === "does not name https://news.example.org/sitemap.xml (expected the line Sitemap: https://news.example.org/sitemap.xml)"));
});

test("robots.txt that is missing, does not name the sitemap index, or names a file the site lacks is reported", async () => {
  assert.deepEqual(await problemsWith({ "robots.txt": replace(/Sitemap: \S+\n/, "") }), ["robots.txt: Sitemap: does not name https://example.github.io/newsroom/sitemap.xml (expected the line Sitemap: https://example.github.io/newsroom/sitemap.xml) [WD413]"]);
  assert.deepEqual(await problemsWith({ "robots.txt": (text) => `${text}Sitemap: https://example.github.io/newsroom/ru/news-sitemap.xml\n` }), [
    "robots.txt: Sitemap: names https://example.github.io/newsroom/ru/news-sitemap.xml, which is not a file of the site at https://example.github.io/newsroom/ (expected only the site's sitemap index) [WD413]",
  ]);
  assert.deepEqual(await problemsWith({ "robots.txt": undefined }), ["robots.txt: Sitemap: missing (expected robots.txt naming the sitemap index for crawlers) [WD413]"]);
});

test("any trace of a draft or embargoed story is reported: its page, or its address in any output", async () => {
  const draft: WithheldStory = { file: "src/news/plans.md", url: "/news/plans.html", state: "draft" };
  assert.deepEqual(await problemsWith({}, [draft]), []);
  const url = "https://example.github.io/newsroom/news/plans.html";
  const withheld = async (changes: Parameters<typeof problemsWith>[0]) => (await problemsWith(changes, [draft])).filter((problem) => problem.includes(": withheld: "));
  assert.deepEqual(await withheld({ "news/plans.html": "<p>x</p>", "feed.xml": replace("</channel>", `<item><title>Plans &amp; rumours</title><link>${url}</link></item></channel>`) }), [
    "feed.xml: withheld: shows src/news/plans.md, which is draft at the build moment (expected no trace of it before it is published) [WD415]",
    "news/plans.html: withheld: shows src/news/plans.md, which is draft at the build moment (expected no trace of it before it is published) [WD415]",
  ]);
  // A link from a page of another folder, and the site's own path before the address, name it too.
  const trace = "index.html: withheld: shows src/news/plans.md, which is draft at the build moment (expected no trace of it before it is published) [WD415]";
  for (const href of ["news/plans.html", "./news/plans.html", "/newsroom/news/plans.html", url, "news/plans.html#top"]) {
    assert.deepEqual(await withheld({ "index.html": replace("<p>Text</p>", `<p><a href="${href}">Plans</a></p>`) }), [trace], href);
  }
  // Its headline's words on a published page are no trace: a story, a topic or a rewrite kept as a draft may say the same.
  assert.deepEqual(await withheld({ "index.html": replace("<p>Text</p>", "<p>Plans &amp; rumours</p>"), "feed.xml": replace("</channel>", "<item><title>Plans &amp; rumours</title></item></channel>") }), []);
  // Nor is another page whose address ends as its does: the Russian story of the same day and name, or a longer name.
  for (const href of ["ru/news/plans.html", "../ru/news/plans.html", "https://example.github.io/newsroom/ru/news/plans.html", "news/plans.html5", "old-news/plans.html"]) {
    assert.deepEqual(await withheld({ "index.html": replace("<p>Text</p>", `<p><a href="${href}">Планы</a></p>`) }), [], href);
  }
  // A Russian page's own relative links lead to Russian stories; one that steps out of its edition's folder leads to the English story.
  const russianPage = (path: string, href: string) => ({ [path]: `<!doctype html><html lang="ru"><title>x</title><p><a href="${href}">Планы</a></p></html>` });
  assert.deepEqual(await withheld(russianPage("ru/index.html", "news/plans.html")), []);
  assert.deepEqual(await withheld(russianPage("ru/archive/2013/09/02/index.html", "../../../../news/plans.html")), []);
  assert.deepEqual(await withheld(russianPage("ru/index.html", "../news/plans.html")), [trace.replace("index.html", "ru/index.html")]);
});

test("a withdrawn story's notice is expected at its address, asks not to be indexed, and no list, feed or sitemap offers it", async () => {
  const killed: WithheldStory = { file: "src/news/killed.md", url: "/news/killed.html", state: "withdrawn" };
  const notice = sitePage(killed.url, siteChannel, '<meta name="robots" content="noindex">\n');
  const withdrawn = async (changes: Parameters<typeof problemsWith>[0]) => problemsWith({ "news/killed.html": notice, ...changes }, [killed]);
  const url = "https://example.github.io/newsroom/news/killed.html";
  assert.deepEqual(await withdrawn({}), []);
  // Another story's text may still link to it: the reader finds the notice there.
  assert.deepEqual(await withdrawn({ "feed.json": replace('"content_html": "', `"content_html": "<a href=\\"${url}\\">earlier</a> `) }), []);
  // So may a story of another edition, whose page is under that edition's news/.
  const russian = "ru/news/2013/09/03/perevod.html";
  const russianStory = sitePage(`/${russian}`, siteChannel, `<script type="application/ld+json">${serializeJsonLd(articleJsonLd(story({ slug: "perevod" }), site, english, ALL_NEWS))}</script>\n`);
  assert.deepEqual(await withdrawn({
    [russian]: russianStory.replace("<p>Text</p>", '<p><a href="../../../../../news/killed.html">Раньше</a></p>'),
    "pages-sitemap.xml": replace("</urlset>", `<url><loc>${site.url}${russian}</loc></url>\n</urlset>`),
  }), []);

  // A list naming another edition's story of the same day and name lists that story, not this one.
  assert.deepEqual(await withdrawn({ "index.html": replace("<p>Text</p>", '<p><a href="ru/news/killed.html">Раньше</a></p>') }), []);

  assert.deepEqual(await problemsWith({}, [killed]), [
    "news/killed.html: withdrawn: has no page: src/news/killed.md was withdrawn (expected its notice at its address) [WD416]",
  ]);
  assert.deepEqual(await withdrawn({ "news/killed.html": sitePage(killed.url) }), [
    "news/killed.html: json-ld: a story's page has no NewsArticle in its JSON-LD (expected one: search engines show the story by it) [WD407]",
    "news/killed.html: withdrawn: is not the notice of src/news/killed.md, which was withdrawn (expected a page that asks search engines not to index it) [WD416]",
    "sitemap.xml: sitemap: names no sitemap that lists the page https://example.github.io/newsroom/news/killed.html (expected every page to index in a sitemap) [WD412]",
  ]);
  assert.deepEqual(await withdrawn({
    "index.html": replace("<p>Text</p>", '<p><a href="news/killed.html">Earlier story</a></p>'),
    "feed.xml": replace("</channel>", `<item><title>Earlier</title><link>${url}</link><guid>urn:x</guid><pubDate>Mon, 02 Sep 2013 00:00:00 +0400</pubDate></item></channel>`),
    "pages-sitemap.xml": replace("</urlset>", `<url><loc>${url}</loc></url>\n</urlset>`),
  }), [
    "feed.xml: withdrawn: lists src/news/killed.md, which was withdrawn (expected no list, feed or sitemap to offer it) [WD417]",
    "index.html: withdrawn: lists src/news/killed.md, which was withdrawn (expected no list, feed or sitemap to offer it) [WD417]",
    `pages-sitemap.xml: sitemap: lists "${url}", which asks search engines not to index it (expected only pages to index) [WD412]`,
    "pages-sitemap.xml: withdrawn: lists src/news/killed.md, which was withdrawn (expected no list, feed or sitemap to offer it) [WD417]",
  ]);
  const article = `<script type="application/ld+json">${serializeJsonLd(articleJsonLd(story({ slug: "killed" }), site, english, ALL_NEWS))}</script>\n`;
  assert.deepEqual(await withdrawn({ "news/killed.html": notice.replace("</head>", `${article}</head>`) }), [
    "news/killed.html: json-ld: a withdrawn story's notice has a NewsArticle in its JSON-LD (expected none: it is no article) [WD407]",
  ]);
});
