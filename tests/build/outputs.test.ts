import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "node-html-parser";
import { buildFixtureInProcess, makeFixtureSite } from "../support/fixture-site.ts";

function story(slug: string, fields: string): [string, string] {
  return [`${slug}.md`, `---\n${fields.trim()}\ndateline: MOSCOW\nlead: Lead of ${slug}.\n---\n\nBody of ${slug}.\n`];
}

const stories = Object.fromEntries([
  story("oldest", "title: Oldest story\ndate: 2013-09-01\nby: Ann Smith"),
  story("peninsula-a", "title: Peninsula A\ndate: 2013-09-02\ntags: [Korean Peninsula]\nby: [Ann Smith, Bo Li]"),
  story("peninsula-b", "title: Peninsula B\ndate: 2013-09-03\ntags: [korean  peninsula, Diplomacy]"),
  story("secret-draft", "title: Secret draft headline\ndate: 2013-09-03\ndraft: true\ntags: [Diplomacy]"),
  story("embargoed-news", "title: Embargoed headline\ndate: 2013-09-05T14:00\ntags: [Korean Peninsula]"),
  // Withdrawn within the news sitemap's two days, so only its withdrawal keeps it out.
  ["kaesong/index.md", "---\nwithdrawn: 2013-09-05T10:00\ndate: 2013-09-04T15:40\ndateline: MOSCOW\nsource: Itar-Tass\nwire:\n  id: urn:newsml:itar-tass.com:20130904:kaesong\n  version: \"2\"\n  versionTime: 2013-09-05T10:00\n---\n"],
]);

/** Every built file's text, by path under _site/. */
function siteFiles(root: string): Map<string, string> {
  const site = join(root, "_site");
  const entries = readdirSync(site, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(entries.map((entry) => {
    const file = join(entry.parentPath, entry.name);
    return [file.slice(site.length + 1), readFileSync(file, "latin1")];
  }));
}

async function buildAt(moment: string, env: Record<string, string> = {}): Promise<{ root: string; files: Map<string, string> }> {
  const root = makeFixtureSite(stories);
  const settings = join(root, "_data", "site.ts");
  writeFileSync(settings, readFileSync(settings, "utf8").replace(/pageSize: \d+/, "pageSize: 2"));
  const run = await buildFixtureInProcess(root, { BUILD_MOMENT: moment, ...env });
  assert.equal(run.status, 0, run.output);
  return { root, files: siteFiles(root) };
}

test("a build before the embargo lifts shows no draft or embargoed story anywhere", async () => {
  const { files } = await buildAt("2013-09-05T13:59+04:00");
  for (const [path, text] of files) {
    for (const hidden of ["secret-draft", "Secret draft headline", "embargoed-news", "Embargoed headline"]) {
      assert.ok(!path.includes(hidden) && !text.includes(hidden), `${path} mentions ${hidden}`);
    }
  }
  // Diplomacy's only published story is Peninsula B; the draft's topic page lists nothing else.
  const diplomacy = parse(files.get("topics/diplomacy/index.html") ?? "");
  assert.deepEqual(diplomacy.querySelectorAll(".story-list h2 a").map((a) => a.text), ["Peninsula B"]);
});

test("All news is paginated with rel=prev/next, later pages titled by their days; spellings of a topic share one page", async () => {
  const { files } = await buildAt("2013-09-05T14:00+04:00");
  const first = parse(files.get("all/index.html") ?? "");
  const later = [...files.keys()].filter((path) => /^all\/page\/2013-09-0\d-[0-9a-f]{8}\/index\.html$/.test(path));
  assert.equal(later.length, 1, `one later page of four stories on pages of two: ${later.join()}`);
  const second = parse(files.get(later[0]!) ?? "");
  const headlines = (page: typeof first) => page.querySelectorAll(".story-list h2 a").map((a) => a.text);
  assert.deepEqual([...headlines(first), ...headlines(second)], ["Embargoed headline", "Peninsula B", "Peninsula A", "Oldest story"]);
  assert.ok(headlines(first).length >= 2, "the first page has at least a page's worth");
  const fromFirst = later[0]!.replace(/^all\//, "");
  assert.equal(first.querySelector('link[rel="next"]')?.getAttribute("href"), fromFirst);
  assert.equal(first.querySelector('.pager a[rel="next"]')?.getAttribute("href"), fromFirst);
  assert.equal(second.querySelector('link[rel="prev"]')?.getAttribute("href"), "../../index.html");
  assert.equal(second.querySelector('.pager a[rel="prev"]')?.text, "Newer");
  // Titled by the days of its stories, the oldest of which is September 1.
  assert.match(second.querySelector("h1 .page-period")?.text ?? "", /^September 1(\u2009–\u2009\d)?, 2013$/);
  assert.match(second.querySelector("title")?.text ?? "", /^All news, September 1/);

  const topicPages = [...files.keys()].filter((path) => path.startsWith("topics/korean") && path.endsWith(".html")).sort();
  // Three stories on pages of two: the first page holds them all until a fourth completes a page.
  assert.deepEqual(topicPages, ["topics/korean-peninsula/index.html"]);
  const topic = parse(files.get("topics/korean-peninsula/index.html") ?? "");
  assert.equal(topic.querySelector("h1")?.text, "Korean Peninsula");
  assert.deepEqual(topic.querySelectorAll(".story-list h2 a").map((a) => a.text), ["Embargoed headline", "Peninsula B", "Peninsula A"]);

  const article = parse(files.get("news/2013/09/03/peninsula-b.html") ?? "");
  assert.equal(article.querySelector(".published a")?.getAttribute("href"), "../../../../archive/2013/09/03/index.html");
  // Related stories are earlier ones: the embargoed story, newer, is not among them; the story
  // before it, unrelated, makes up the list, and the draft is in none.
  assert.deepEqual(article.querySelectorAll(".related a").map((a) => a.text), ["Peninsula A", "Oldest story"]);
  assert.equal(article.querySelector("#related-heading")?.text, "Related stories");
  assert.ok(files.has("archive/2013/09/05/index.html"), "the embargo lifted: its day has an archive page");
  assert.ok(files.has("topics/korean-peninsula/feed.json"), "each topic has its feeds");
});

test("a byline prints under the headline, each name linking to the author's page, which lists their stories and has feeds of its own", async () => {
  const { files } = await buildAt("2013-09-05T14:00+04:00");
  const article = parse(files.get("news/2013/09/02/peninsula-a.html") ?? "");
  const byline = article.querySelector(".story-header .byline");
  assert.equal(byline?.text, "By Ann Smith and Bo Li");
  assert.deepEqual(byline?.querySelectorAll("a").map((a) => a.getAttribute("href")), ["../../../../authors/ann-smith/index.html", "../../../../authors/bo-li/index.html"]);
  const jsonLd = JSON.parse(article.querySelector('script[type="application/ld+json"]')?.text ?? "{}") as { "@graph": { author?: unknown }[] };
  assert.deepEqual(jsonLd["@graph"][0]?.author, [
    { "@type": "Person", name: "Ann Smith", url: "http://localhost:8080/authors/ann-smith/" },
    { "@type": "Person", name: "Bo Li", url: "http://localhost:8080/authors/bo-li/" },
  ]);
  assert.equal(parse(files.get("news/2013/09/03/peninsula-b.html") ?? "").querySelector(".byline"), null, "no by, no byline");

  const author = parse(files.get("authors/ann-smith/index.html") ?? "");
  assert.equal(author.querySelector("h1")?.text, "Ann Smith");
  assert.equal(author.querySelector(".summary")?.text, "2 stories");
  assert.deepEqual(author.querySelectorAll(".story-list h2 a").map((a) => a.text), ["Peninsula A", "Oldest story"]);
  const ownFeeds = author.querySelectorAll('link[rel="alternate"]').filter((link) => link.getAttribute("title")?.startsWith("Ann Smith | "));
  assert.deepEqual(ownFeeds.map((link) => link.getAttribute("href")), ["feed.xml", "atom.xml", "feed.json"]);
  assert.match(files.get("authors/ann-smith/atom.xml") ?? "", /<author><name>Ann Smith<\/name><uri>http:\/\/localhost:8080\/authors\/ann-smith\/<\/uri><\/author>/);
  assert.match(files.get("feed.xml") ?? "", /<dc:creator>Ann Smith<\/dc:creator>\n<dc:creator>Bo Li<\/dc:creator>/);
  assert.ok(files.has("authors/bo-li/feed.json"));
});

test("the 404 page links from SITE_URL's path, so it works at any missing address", async () => {
  const { files } = await buildAt("2013-09-05T10:00Z", { SITE_URL: "https://example.github.io/newsroom/" });
  const notFound = parse(files.get("404.html") ?? "");
  assert.match(notFound.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "", /^\/newsroom\/assets\/site\.[0-9a-f]{10}\.css$/);
  // Hosts serve it, and a folder URL opens its index.html there.
  assert.equal(notFound.querySelector(".site-name a")?.getAttribute("href"), "/newsroom/");
  assert.equal(notFound.querySelector(".site-nav a")?.getAttribute("href"), "/newsroom/all/");
  const index = parse(files.get("index.html") ?? "");
  assert.match(index.querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "", /^assets\/site\.[0-9a-f]{10}\.css$/);
});

test("a withdrawn story's address holds only a notice, and no list, topic, archive, feed or sitemap names it", async () => {
  const { files } = await buildAt("2013-09-05T14:00+04:00");
  const notice = parse(files.get("news/2013/09/04/kaesong.html") ?? "");
  assert.equal(notice.querySelector("title")?.text, "Story withdrawn | Wire Desk");
  assert.equal(notice.querySelector("h1")?.text, "Story withdrawn");
  assert.equal(notice.querySelector("main p")?.text, "Itar-Tass withdrew this story on September 5, 2013, 10:00 MSK.");
  assert.equal(notice.querySelector("main time")?.getAttribute("datetime"), "2013-09-05T10:00:00+04:00");
  assert.equal(notice.querySelector('meta[name="robots"]')?.getAttribute("content"), "noindex");
  assert.equal(notice.querySelector("main a")?.getAttribute("href"), "../../../../all/index.html");
  assert.equal(notice.querySelector('script[type="application/ld+json"]'), null, "no NewsArticle for search engines");
  assert.equal(notice.querySelector('link[rel="canonical"]'), null);
  for (const [path, text] of files) {
    if (path !== "news/2013/09/04/kaesong.html") assert.ok(!path.includes("kaesong") && !text.includes("kaesong"), `${path} names the withdrawn story`);
  }
  // Its day had no other story: the archive has no page for it.
  assert.ok(!files.has("archive/2013/09/04/index.html"));
  assert.match(files.get("news-sitemap.xml") ?? "", /news\/2013\/09\/05\/embargoed-news\.html/, "the news sitemap lists the stories of its window");
});

test("robots.txt names the sitemap index, which names each edition's pages, stories' (a month each) and news sitemaps, dated by their newest change", async () => {
  const { files } = await buildAt("2013-09-05T14:00+04:00");
  assert.match(files.get("robots.txt") ?? "", /^Sitemap: http:\/\/localhost:8080\/sitemap\.xml$/m);
  const named = [...(files.get("sitemap.xml") ?? "").matchAll(/<sitemap><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/sitemap>/g)];
  // The Russian edition has no stories here: its sitemaps list only its empty lists, and nothing dates them.
  assert.deepEqual(named.map(([, loc, lastmod]) => [new URL(loc ?? "").pathname, lastmod]), [
    ["/pages-sitemap.xml", "2013-09-05T14:00:00+04:00"],
    ["/sitemaps/2013-09.xml", "2013-09-05T14:00:00+04:00"],
    ["/news-sitemap.xml", "2013-09-05T14:00:00+04:00"],
    ["/ru/pages-sitemap.xml", undefined],
    ["/ru/news-sitemap.xml", undefined],
  ]);
  assert.match(files.get("sitemaps/2013-09.xml") ?? "", /<loc>http:\/\/localhost:8080\/news\/2013\/09\/01\/oldest\.html<\/loc>/);
  assert.match(files.get("ru/pages-sitemap.xml") ?? "", /<loc>http:\/\/localhost:8080\/ru\/archive\/<\/loc>/);
});
