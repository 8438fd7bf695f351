import assert from "node:assert/strict";
import { test } from "node:test";
import { explainPage } from "../../../src/lib/build/explain.ts";
import type { PlannedPage } from "../../../src/lib/eleventy/rendered-pages.ts";

const page = (url: string, file: string, reason: PlannedPage["reason"]): PlannedPage => ({ url, file, key: "k", view: "v", rendered: reason !== "reused", reason });

const result = {
  pages: [page("/", "index.html", "view changed"), page("/topics/", "topics/index.html", "reused"), page("/news/2013/09/02/talks.html", "news/2013/09/02/talks.html", "new")],
  files: ["feed.xml", "index.html", "news/2013/09/02/talks.html", "topics/index.html"],
  report: { stories: undefined, check: undefined, size: undefined, media: undefined, timings: [], caches: [], sources: { "/news/2013/09/02/talks.html": "src/news/talks.md" } },
};

test("a page is found by its URL, its file under the output folder, or its story's file, and its reason told", () => {
  assert.equal(explainPage(result, "/", "_site"), "/: index.html (/) rendered: what it prints changed since the last build (its view, or a story in it)");
  assert.equal(explainPage(result, "_site/topics/index.html", "_site"), "_site/topics/index.html: topics/index.html (/topics/) reused from the page cache: nothing it prints changed");
  assert.equal(explainPage(result, "topics", "_site"), "topics: topics/index.html (/topics/) reused from the page cache: nothing it prints changed");
  assert.equal(
    explainPage(result, "src/news/talks.md", "_site"),
    "src/news/talks.md: news/2013/09/02/talks.html (/news/2013/09/02/talks.html) rendered: a page the last build did not have; made from src/news/talks.md",
  );
});

test("a file no page plan keeps, and an address the build has nothing at, are said to be so", () => {
  assert.match(explainPage(result, "/feed.xml", "_site"), /^\/feed\.xml: feed\.xml is no page the plan keeps: feeds, sitemaps/);
  assert.equal(
    explainPage(result, "/news/gone.html", "_site"),
    "/news/gone.html: no page or file of this build has that address (expected a page's URL, its file under _site/, or a story's file under src/news/)",
  );
});
