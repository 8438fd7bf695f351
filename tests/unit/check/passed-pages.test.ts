import assert from "node:assert/strict";
import { test } from "node:test";
import { fromKept, keptForm, takeablePages, type PassedPage, type PassedPages } from "../../../src/lib/check/passed-pages.ts";

const weight = { stylesheets: ["../site.css"], scripts: [], blockingScripts: 0, preloads: 0 };
const outputs = { feedLinks: [{ type: "application/rss+xml", href: "../feed.xml", line: 12, column: 1 }], translations: [], jsonLd: [], noindex: false };
const story = (key: string, storyPageBytes: number): PassedPage => ({ key, anchors: ["main"], outputs, budget: { weight, storyPageBytes } });

const PASSED: PassedPages = {
  files: ["index.html", "news/a.html", "news/b.html", "site.css"],
  pages: {
    "news/a.html": story("a".repeat(64), 1800),
    "news/b.html": { ...story("b".repeat(64), 1900), photos: ["b.jpg"] },
    "index.html": { key: "c".repeat(64), anchors: ["main", "top-stories"], outputs: { ...outputs, noindex: true }, budget: { weight }, otherAnchors: true },
  },
};

test("the passed pages are kept with what pages have alike once, and come back as they were", () => {
  const kept = keptForm(PASSED);
  assert.equal(kept.shared.length, 2, "the two story pages share their facts");
  assert.deepEqual(fromKept(JSON.parse(JSON.stringify(kept))), PASSED);
});

test("a kept form naming facts it lacks is no passed pages", () => {
  const kept = keptForm(PASSED);
  assert.equal(fromKept({ ...kept, shared: kept.shared.slice(0, 1) }), undefined);
});

test("a site that lacks a file the passed one had takes no page; one that only grew takes each but those that lean on another file's ids", () => {
  assert.deepEqual([...takeablePages(PASSED, ["index.html", "news/a.html", "news/b.html"], undefined).keys()], []);
  const grown = [...PASSED.files, "news/c.html"];
  // Without the media folder its photos were in, the page naming one is followed again too.
  assert.deepEqual([...takeablePages(PASSED, grown, undefined).keys()], ["news/a.html"]);
  assert.deepEqual([...takeablePages(undefined, grown, undefined).keys()], []);
});
