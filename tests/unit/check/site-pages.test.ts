import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { editionFolder, pageKind, samplePages } from "../../../src/lib/check/site-pages.ts";
import { archiveLinks, archiveUrl, authorUrl, listPageUrl } from "../../../src/lib/model/urls.ts";
import { articlePermalink } from "../../../src/lib/model/urls.ts";

test("every URL the site makes has the kind the browser checks look for", () => {
  assert.equal(pageKind(articlePermalink("markets", "2024-03-14", "")), "story");
  const { day, month, year } = archiveLinks("2024-03-14", "");
  const file = (url: string) => `${url.slice(1)}index.html`;
  assert.deepEqual([file(archiveUrl("")), file(year), file(month), file(day)].map(pageKind), ["archive", "archive year", "archive month", "archive day"]);
  assert.deepEqual(["index.html", "all/index.html", "all/page/2024-03-14-0a1b2c3d/index.html", "topics/index.html", "topics/markets/index.html", "404.html", "assets/x.html"].map(pageKind), [
    "front page",
    "All news",
    "All news, later page",
    "topics",
    "topic",
    "404",
    undefined,
  ]);
});

test("each edition's 404 page, in its folder, is of the 404 kind; a 404.html deeper or in a site folder is not", () => {
  assert.deepEqual(["404.html", "ru/404.html", "ru/news/404.html", "topics/404.html"].map(pageKind), ["404", "404", undefined, undefined]);
  assert.equal(editionFolder("ru/404.html"), "ru/");
});

test("an author's pages are of their own kind, in every edition, later pages too", () => {
  const file = (url: string) => `${url.slice(1)}index.html`;
  assert.deepEqual(
    [authorUrl("ann-smith", ""), listPageUrl(authorUrl("ann-smith", ""), { day: "2024-03-14", hash: "0a1b2c3d" }), authorUrl("anna-smirnova", "ru/")].map((url) => pageKind(file(url))),
    ["author", "author", "author"],
  );
  assert.equal(file(authorUrl("ann-smith", "ru/")), "ru/authors/ann-smith/index.html");
  assert.equal(pageKind("authors/index.html"), undefined, "no page lists the authors");
});

test("the sample holds the first and last page of each kind the site has, once each", (t) => {
  const site = mkdtempSync(join(tmpdir(), "site-pages-"));
  t.after(() => rmSync(site, { recursive: true, force: true }));
  for (const path of ["index.html", "all/index.html", "404.html", "news/2024/03/10/a.html", "news/2024/03/12/b.html", "news/2024/03/14/c.html", "topics/index.html"]) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), "<!doctype html>");
  }
  assert.deepEqual(samplePages(site), [
    { kind: "story", path: "news/2024/03/10/a.html" },
    { kind: "story", path: "news/2024/03/14/c.html" },
    { kind: "front page", path: "index.html" },
    { kind: "All news", path: "all/index.html" },
    { kind: "topics", path: "topics/index.html" },
    { kind: "404", path: "404.html" },
  ]);
});

test("a story's address that holds a withdrawn story's notice is a kind of its own, so a story sample is always a story", (t) => {
  const site = mkdtempSync(join(tmpdir(), "site-pages-"));
  t.after(() => rmSync(site, { recursive: true, force: true }));
  const pages: Record<string, string> = {
    "news/2024/03/10/a.html": '<!doctype html><head><meta name="robots" content="noindex"></head>',
    "news/2024/03/12/b.html": "<!doctype html><head><title>B</title></head>",
    "news/2024/03/14/c.html": "<!doctype html><head><title>C</title></head>",
  };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), html);
  }
  assert.deepEqual(samplePages(site), [
    { kind: "story", path: "news/2024/03/12/b.html" },
    { kind: "story", path: "news/2024/03/14/c.html" },
    { kind: "withdrawn story", path: "news/2024/03/10/a.html" },
  ]);
  assert.equal(pageKind("news/2024/03/10/a.html"), "story", "by its path alone, the address is a story's");
});

test("every edition's pages are of the same kinds, in its folder; a section's own folder is never an edition", () => {
  assert.equal(pageKind("ru/news/2013/09/02/peregovory.html"), "story");
  assert.equal(pageKind("ru/index.html"), "front page");
  assert.equal(pageKind("ru/all/index.html"), "All news");
  assert.equal(pageKind("all/index.html"), "All news", "not the front page of an edition called all");
  assert.equal(pageKind("ru/topics/index.html"), "topics");
  assert.equal(pageKind("ru/archive/2013/09/02/index.html"), "archive day");
  assert.equal(pageKind("topics/index.html"), "topics", "not the All news of an edition called topics");
  assert.equal(pageKind("ru/de/index.html"), undefined);
  assert.deepEqual(["ru/news/2013/09/02/a.html", "news/2013/09/02/a.html", "topics/index.html"].map(editionFolder), ["ru/", "", ""]);
});
