import assert from "node:assert/strict";
import { test } from "node:test";
import { addressSlug, articlePermalink, authorUrl, isAllowedUrl, isNotFoundUrl, listPageUrl, notFoundUrl, pageLinkUrl, photoUrl, relativeUrl, SITE_FOLDERS, srcsetCandidates, staysInStoryFolder } from "../../../src/lib/model/urls.ts";
import { authorRef } from "../../../src/lib/model/authors.ts";

test("site-root URLs become relative to the page that links to them", () => {
  assert.equal(relativeUrl("/assets/site.css", "/news/story.html"), "../assets/site.css");
  assert.equal(relativeUrl("/news/story.html", "/index.html"), "news/story.html");
  assert.equal(relativeUrl("/news/a/photo.svg", "/news/a.html"), "a/photo.svg");
  assert.equal(relativeUrl("/news/b.html", "/news/a.html"), "b.html");
  assert.equal(relativeUrl("/news/a.html", "/news/a.html"), "a.html");
});

test("folder URLs point at their index.html file, which also opens from disk", () => {
  assert.equal(relativeUrl("/", "/news/story.html"), "../index.html");
  assert.equal(relativeUrl("/", "/"), "index.html");
  assert.equal(relativeUrl("/topics/", "/news/story.html"), "../topics/index.html");
  assert.equal(relativeUrl("/news/story.html", "/"), "news/story.html");
});

test("queries and fragments survive", () => {
  assert.equal(relativeUrl("/index.html#top", "/news/a.html"), "../index.html#top");
  assert.equal(relativeUrl("/?page=2", "/news/a.html"), "../index.html?page=2");
});

test("URLs that are not site-root paths pass unchanged", () => {
  for (const url of ["https://example.com/a", "//cdn.example.com/x.css", "mailto:desk@example.com", "photo.jpg", "#notes", "../a.html"]) {
    assert.equal(relativeUrl(url, "/news/a.html"), url);
  }
});

test("the slug rule: ASCII lower case, words joined by hyphens", () => {
  const cases: [string, string][] = [
    ["Café Müller reopens", "cafe-muller-reopens"],
    ["Cafe\u0301 Mu\u0308ller reopens", "cafe-muller-reopens"],
    ["Straße nach Łódź", "strasse-nach-lodz"],
    ["Moscow Talks", "moscow-talks"],
    ["Moscow_Talks", "moscow-talks"],
    ["  Moscow   talks  ", "moscow-talks"],
    ["U.S.-Russia relations: what next?", "u-s-russia-relations-what-next"],
    ["--Breaking--", "breaking"],
    ["São Paulo’s mayor: ‘We’ll rebuild’", "sao-paulos-mayor-well-rebuild"],
    ["Ядерное  РАЗОРУЖЕНИЕ", "yadernoe-razoruzhenie"],
    ["переговоры_в_москве", "peregovory-v-moskve"],
    ["йод", "yod"],
    ["Sochi 2014 Сочи", "sochi-2014-sochi"],
    ["朝鮮半島", "zhao-xian-ban-dao"],
    ["G20", "g20"],
  ];
  for (const [name, slug] of cases) assert.equal(addressSlug(name), slug, name);
});

test("a name already in the slug's form is its own slug", () => {
  for (const name of ["moscow-denuclearization-talks", "markets", "2013-09-02-some-name", "g20-summit", "yadernoe-razoruzhenie"]) {
    assert.equal(addressSlug(name), name);
  }
  // So a slug slugs to itself: a folder named by the importer publishes under its own name.
  for (const name of ["Café Müller reopens", "Ядерное разоружение", "U.S.-Russia"]) assert.equal(addressSlug(addressSlug(name)), addressSlug(name));
});

test("a name with nothing to spell in ASCII slugs to nothing", () => {
  for (const name of ["", "🔥", "!!!", "— … —", "   "]) assert.equal(addressSlug(name), "", name);
});

test("articles publish to files named by their day and slug", () => {
  assert.equal(articlePermalink("moscow-talks", "2013-09-02", ""), "news/2013/09/02/moscow-talks.html");
  assert.equal(articlePermalink("Café Müller reopens", "2024-03-14", ""), "news/2024/03/14/cafe-muller-reopens.html");
  assert.equal(articlePermalink("Moscow_Talks", "2013-09-02", ""), "news/2013/09/02/moscow-talks.html");
  assert.equal(articlePermalink("moscow-talks", "2013-09-02", "ru/"), "ru/news/2013/09/02/moscow-talks.html");
  assert.equal(articlePermalink("переговоры-в-москве", "2013-09-02", "ru/"), "ru/news/2013/09/02/peregovory-v-moskve.html");
  assert.equal(photoUrl("/news/moscow-talks/index", "photo.jpg"), "/news/moscow-talks/photo.jpg");
  assert.equal(photoUrl("/news/flat-story", "flat-story.jpg"), "/news/flat-story.jpg");
});

test("a photo must sit inside its story's folder", () => {
  assert.ok(staysInStoryFolder("photo.jpg"));
  assert.ok(staysInStoryFolder("images/photo.jpg"));
  for (const src of ["../photo.jpg", "a/../../photo.jpg", "/etc/photo.jpg", "https://example.com/p.jpg", ".."]) {
    assert.equal(staysInStoryFolder(src), false, src);
  }
});

test("only web, mail and relative URLs are allowed in stories", () => {
  for (const url of ["https://example.com", "HTTP://EXAMPLE.COM", "mailto:desk@example.com", "other.html", "/news/a.html", "#x", "?q=1"]) {
    assert.ok(isAllowedUrl(url), url);
  }
  for (const url of ["javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)", "\u0001javascript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd"]) {
    assert.equal(isAllowedUrl(url), false, JSON.stringify(url));
  }
});

test("the 404 page links from the site's base path, since hosts serve it at any address", () => {
  assert.equal(pageLinkUrl("/assets/site.css", "/404.html", "/newsroom/"), "/newsroom/assets/site.css");
  assert.equal(pageLinkUrl("/topics/", "/404.html", "/"), "/topics/");
  assert.equal(pageLinkUrl("https://example.org/", "/404.html", "/newsroom/"), "https://example.org/");
  assert.equal(pageLinkUrl("/topics/", "/news/a.html", "/newsroom/"), "../topics/index.html");
  // An edition's own 404 page, served at any missing address in its folder, links the same way.
  assert.equal(pageLinkUrl("/ru/all/", "/ru/404.html", "/newsroom/"), "/newsroom/ru/all/");
});

test("each edition's 404 page is in its folder, and only those pages are 404 pages", () => {
  assert.deepEqual([notFoundUrl(""), notFoundUrl("ru/")], ["/404.html", "/ru/404.html"]);
  for (const url of ["/404.html", "/ru/404.html", "/pt-br/404.html"]) assert.equal(isNotFoundUrl(url), true, url);
  // A site folder is never an edition's, and a 404 page is never deeper than an edition's folder.
  for (const url of ["/news/404.html", "/topics/404.html", "/ru/news/404.html", "/ru/404.htm", "/404.html/", "404.html"]) assert.equal(isNotFoundUrl(url), false, url);
});

test("a srcset's candidates keep commas inside a URL, drop those between candidates, and keep each descriptor", () => {
  const urls = (srcset: string) => srcsetCandidates(srcset).map(({ url }) => url);
  assert.deepEqual(urls("a.png 1x,b.png 2x"), ["a.png", "b.png"]);
  assert.deepEqual(urls(" a.png, b,c.png 640w ,d.png"), ["a.png", "b,c.png", "d.png"]);
  assert.deepEqual(urls("data:image/png;base64,AAAA 1x"), ["data:image/png;base64,AAAA"]);
  assert.deepEqual(srcsetCandidates("/a-320.avif 320w,  /a-640.avif  640w 2x"), [
    { url: "/a-320.avif", descriptors: ["320w"] },
    { url: "/a-640.avif", descriptors: ["640w", "2x"] },
  ]);
});

test("an author's page is in its edition's authors/ folder, under the one slug rule; its later pages under page/", () => {
  assert.equal(authorUrl(addressSlug("Ann Smith"), ""), "/authors/ann-smith/");
  assert.equal(authorUrl(addressSlug("Анна Смирнова"), "ru/"), "/ru/authors/anna-smirnova/");
  assert.equal(authorUrl(addressSlug("José Díaz"), ""), "/authors/jose-diaz/");
  assert.equal(listPageUrl(authorUrl("ann-smith", ""), { day: "2013-09-02", hash: "5e3a0c1d" }), "/authors/ann-smith/page/2013-09-02-5e3a0c1d/");
  assert.ok(SITE_FOLDERS.includes("authors/"), "no edition may take the authors' folder");
});

test("a byline's name is its author's, unless the settings give it as another spelling of one", () => {
  const authors = [{ name: "Ann Smith", also: ["A. Smith"] }];
  assert.deepEqual(authorRef("A.  SMITH", authors, "ru/"), { name: "A. SMITH", author: "Ann Smith", slug: "ann-smith", url: "/ru/authors/ann-smith/" });
  assert.deepEqual(authorRef("Ann  Smith", [], ""), { name: "Ann Smith", author: "Ann Smith", slug: "ann-smith", url: "/authors/ann-smith/" });
  assert.equal(authorRef("A. Smith", [], "").url, "/authors/a-smith/", "two spellings are two authors without the entry");
});
