import assert from "node:assert/strict";
import { test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { listSitemapEntry, newsSitemap, robotsTxt, sitemapFiles, sitemapIndexXml, storySitemaps } from "../../../src/lib/outputs/sitemaps.ts";
import { buildAt, english, russian, site, story } from "../../support/story-views.ts";

const parser = new XMLParser({ isArray: (name) => name === "url" });

function urlsOf(xml: string): Record<string, any>[] {
  assert.equal(XMLValidator.validate(xml), true, xml);
  return (parser.parse(xml) as { urlset: { url?: Record<string, any>[] } }).urlset.url ?? [];
}

test("a story's entry is dated by its last change, a list's by its newest story's", () => {
  const corrected = story({ corrections: [{ date: "2013-09-03T09:30", text: "Fixed." }] });
  const [month] = storySitemaps("", [corrected], new Map(), site);
  assert.deepEqual(urlsOf(month!.text), [{ loc: "https://example.github.io/newsroom/news/moscow-denuclearization-talks.html", lastmod: "2013-09-03T09:30:00+04:00" }]);
  assert.deepEqual(listSitemapEntry("/topics/diplomacy/", [story({ slug: "b", date: "2013-09-04" }), corrected]), {
    url: "/topics/diplomacy/",
    lastmod: "2013-09-04T00:00:00+04:00",
  });
  assert.deepEqual(listSitemapEntry("/", []), { url: "/", lastmod: undefined });
});

test("the sitemap lists every entry by absolute URL, with its lastmod", () => {
  const xml = sitemapFiles("/pages-sitemap.xml", [{ url: "/", lastmod: "2013-09-02T00:00:00+04:00" }, { url: "/news/a&b.html", lastmod: "2013-09-02T15:40:00+04:00" }, { url: "/archive/" }], site)[0]!.text;
  assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/);
  assert.match(xml, /<loc>https:\/\/example\.github\.io\/newsroom\/news\/a&amp;b\.html<\/loc>/);
  assert.deepEqual(urlsOf(xml), [
    { loc: "https://example.github.io/newsroom/", lastmod: "2013-09-02T00:00:00+04:00" },
    { loc: "https://example.github.io/newsroom/news/a&b.html", lastmod: "2013-09-02T15:40:00+04:00" },
    { loc: "https://example.github.io/newsroom/archive/" },
  ]);
});

test("the news sitemap lists the stories of the two days before the build, newest first", () => {
  const stories = [
    story({ slug: "embargoed", date: "2013-09-04T13:00" }),
    story({ slug: "fresh", date: "2013-09-04T11:00", headline: "Talks <resume> & more" }),
    story({ slug: "seed", date: "2013-09-02T15:40" }),
    story({ slug: "old", date: "2013-09-02T11:59" }),
  ];
  const urls = urlsOf(newsSitemap("/news-sitemap.xml", stories, site, buildAt("2013-09-04T08:00:00Z"), english).text);
  assert.deepEqual(urls.map((url) => url.loc), [
    "https://example.github.io/newsroom/news/fresh.html",
    "https://example.github.io/newsroom/news/seed.html",
  ]);
  assert.deepEqual(urls[0]?.["news:news"], {
    "news:publication": { "news:name": "Wire Desk", "news:language": "en" },
    "news:publication_date": "2013-09-04T11:00:00+04:00",
    "news:title": "Talks <resume> & more",
  });
});

test("the news sitemap holds at most 1,000 stories", () => {
  const stories = Array.from({ length: 1005 }, (_, i) => story({ slug: `s${i}`, date: `2013-09-02T${String(10 + (i % 10)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}` }));
  assert.equal(urlsOf(newsSitemap("/news-sitemap.xml", stories, site, buildAt("2013-09-03T00:00:00Z"), english).text).length, 1000);
  assert.deepEqual(urlsOf(newsSitemap("/news-sitemap.xml", [], site, buildAt("2013-09-03T00:00:00Z"), english).text), []);
});

test("robots.txt names the sitemap index by absolute URL", () => {
  assert.equal(robotsTxt(site), "User-agent: *\nDisallow:\n\nSitemap: https://example.github.io/newsroom/sitemap.xml\n");
});

test("a pages sitemap is dated by its newest entry, compared as instants, and a news sitemap by the last change of its stories", () => {
  const entries = [{ url: "/a/", lastmod: "2013-09-02T23:00:00+04:00" }, { url: "/b/", lastmod: "2013-09-02T20:00:00Z" }, { url: "/c/" }];
  assert.equal(sitemapFiles("/pages-sitemap.xml", entries, site)[0]!.lastmod, "2013-09-02T20:00:00Z");
  assert.equal(sitemapFiles("/pages-sitemap.xml", [{ url: "/" }], site)[0]!.lastmod, undefined);
  const corrected = story({ date: "2013-09-02T15:40", corrections: [{ date: "2013-09-03T09:30", text: "Fixed." }] });
  const older = story({ slug: "older", date: "2013-09-02T12:00" });
  const news = newsSitemap("/news-sitemap.xml", [corrected, older], site, buildAt("2013-09-04T00:00:00Z"), english);
  assert.deepEqual([news.url, news.lastmod], ["/news-sitemap.xml", "2013-09-03T09:30:00+04:00"]);
  assert.deepEqual(urlsOf(news.text).map((url) => url.loc), ["https://example.github.io/newsroom/news/moscow-denuclearization-talks.html", "https://example.github.io/newsroom/news/older.html"]);
  assert.equal(newsSitemap("/news-sitemap.xml", [older], site, buildAt("2013-09-09T00:00:00Z"), english).lastmod, undefined, "no story in the window: nothing to date it by");
});

test("the sitemap index names each sitemap by absolute URL, with its lastmod where it has one", () => {
  const xml = sitemapIndexXml([{ url: "/pages-sitemap.xml", lastmod: "2013-09-02T15:40:00+04:00" }, { url: "/ru/news-sitemap.xml" }], site);
  assert.equal(XMLValidator.validate(xml), true, xml);
  assert.equal(
    xml,
    '<?xml version="1.0" encoding="utf-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      "<sitemap><loc>https://example.github.io/newsroom/pages-sitemap.xml</loc><lastmod>2013-09-02T15:40:00+04:00</lastmod></sitemap>\n" +
      "<sitemap><loc>https://example.github.io/newsroom/ru/news-sitemap.xml</loc></sitemap>\n</sitemapindex>\n",
  );
});

test("a story with translations lists each version and x-default as xhtml:link alternates", () => {
  const versions = [
    { lang: "en", url: "/news/talks.html", isDefault: true, isOriginal: true },
    { lang: "ru", url: "/ru/news/talks.html", isDefault: false, isOriginal: false },
  ];
  const xml = sitemapFiles("/pages-sitemap.xml", [{ url: "/ru/news/talks.html", versions }, { url: "/" }], site)[0]!.text;
  assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">/);
  assert.ok(
    xml.includes(
      "<url><loc>https://example.github.io/newsroom/ru/news/talks.html</loc>" +
        '<xhtml:link rel="alternate" hreflang="en" href="https://example.github.io/newsroom/news/talks.html"/>' +
        '<xhtml:link rel="alternate" hreflang="ru" href="https://example.github.io/newsroom/ru/news/talks.html"/>' +
        '<xhtml:link rel="alternate" hreflang="x-default" href="https://example.github.io/newsroom/news/talks.html"/></url>',
    ),
    xml,
  );
});

test("each edition's news sitemap names its own language", () => {
  const xml = newsSitemap("/news-sitemap.xml", [story({ date: "2013-09-02T15:40" })], site, buildAt("2013-09-03T00:00:00Z"), russian).text;
  assert.equal(urlsOf(xml)[0]?.["news:news"]["news:publication"]["news:language"], "ru");
});

test("an edition's stories are listed in a sitemap a month, as the archive files them, newest month first, each dated by its newest story", () => {
  const stories = [
    story({ slug: "october", date: "2013-10-01T09:00" }),
    story({ slug: "late-september", date: "2013-09-30T23:30" }),
    story({ slug: "september", date: "2013-09-02T15:40" }),
  ];
  const files = storySitemaps("ru/", stories, new Map(), site);
  assert.deepEqual(
    files.map(({ url, lastmod, text }) => [url, lastmod, urlsOf(text).map(({ loc }) => loc.replace("https://example.github.io/newsroom/news/", ""))]),
    [
      ["/ru/sitemaps/2013-10.xml", "2013-10-01T09:00:00+04:00", ["october.html"]],
      ["/ru/sitemaps/2013-09.xml", "2013-09-30T23:30:00+04:00", ["late-september.html", "september.html"]],
    ],
  );
  assert.deepEqual(storySitemaps("", [], new Map(), site), []);
});

test("a sitemap of more pages than a crawler reads of one (50,000 URLs or 50 MB) is split into parts, each within both", () => {
  const count = (text: string) => text.match(/<url>/g)?.length ?? 0;
  const entries = Array.from({ length: 50_001 }, (_, n) => ({ url: `/news/${n}.html`, lastmod: n === 50_000 ? "2013-09-03T00:00:00Z" : "2013-09-02T00:00:00Z" }));
  const parts = sitemapFiles("/sitemaps/2013-09.xml", entries, site);
  assert.deepEqual(parts.map(({ url, lastmod }) => [url, lastmod]), [["/sitemaps/2013-09.xml", "2013-09-02T00:00:00Z"], ["/sitemaps/2013-09-2.xml", "2013-09-03T00:00:00Z"]]);
  assert.deepEqual(parts.map(({ text }) => count(text)), [50_000, 1]);
  assert.deepEqual(urlsOf(parts[1]!.text), [{ loc: "https://example.github.io/newsroom/news/50000.html", lastmod: "2013-09-03T00:00:00Z" }]);
  // Long addresses fill 50 MB before 50,000 URLs.
  const long = Array.from({ length: 30 }, (_, n) => ({ url: `/news/${String(n).padStart(2 * 1024 * 1024, "x")}.html` }));
  const byBytes = sitemapFiles("/pages-sitemap.xml", long, site);
  assert.deepEqual(byBytes.map(({ url }) => url), ["/pages-sitemap.xml", "/pages-sitemap-2.xml"]);
  for (const { text } of byBytes) assert.ok(Buffer.byteLength(text) <= 50 * 1024 * 1024, `${Buffer.byteLength(text)} bytes`);
  assert.deepEqual(byBytes.map(({ text }) => count(text)), [24, 6]);
});
