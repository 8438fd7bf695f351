import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { keptForm, takeablePages, type PassedPage, type PassedPages } from "../../../src/lib/check/passed-pages.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "passed-pages-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const weight = { stylesheets: ["../site.css"], scripts: [], blockingScripts: 0, preloads: 0 };
const outputs = { feedLinks: [{ type: "application/rss+xml", href: "../feed.xml", line: 12, column: 1 }], translations: [], jsonLd: [], noindex: false };
const story = (key: string, storyPageBytes: number): PassedPage => ({ key, anchors: ["main"], outputs, budget: { weight, storyPageBytes } });

const PASSED: PassedPages = {
  files: ["index.html", "news/a.html", "news/b.html", "news/c.html", "site.css"],
  pages: {
    "news/a.html": story("a".repeat(64), 1800),
    "news/b.html": { ...story("b".repeat(64), 1900), photos: ["b.jpg"] },
    "news/c.html": { ...story("c".repeat(64), 2000), outputs: { ...outputs, noindex: true } },
    "index.html": { key: "d".repeat(64), anchors: ["main", "top-stories"], outputs, budget: { weight }, otherAnchors: true },
  },
};

/** What JSON makes of the kept form, as the cache reads it back. */
const keptThenRead = (passed: PassedPages) => JSON.parse(JSON.stringify(keptForm(passed)));

test("the passed pages are kept with what pages have alike once, and are taken back as they were", () => {
  const kept = keptForm(PASSED);
  assert.equal(kept.shared.length, 3, "the first two story pages share their facts");
  const media = { url: "https://media.example/", folder: mkdtempSync(join(tempRoot, "media-")) };
  writeFileSync(join(media.folder, "b.jpg"), "a photo\n");
  const taken = takeablePages(keptThenRead(PASSED), [...PASSED.files, "news/d.html"], media);
  assert.deepEqual(Object.fromEntries(taken), { "news/a.html": PASSED.pages["news/a.html"], "news/b.html": PASSED.pages["news/b.html"], "news/c.html": PASSED.pages["news/c.html"] });
});

test("a kept form naming facts it lacks gives no page", () => {
  const kept = keptThenRead(PASSED);
  assert.deepEqual([...takeablePages({ ...kept, shared: kept.shared.slice(0, 1) }, PASSED.files, undefined).keys()], []);
});

test("a site that lacks a file the passed one had takes no page; one that only grew takes each but those that lean on another file's ids or a photo not there", () => {
  assert.deepEqual([...takeablePages(keptThenRead(PASSED), ["index.html", "news/a.html", "news/b.html"], undefined).keys()], []);
  const grown = [...PASSED.files, "news/d.html"];
  // Without the media folder its photo was in, the page naming one is followed again too.
  assert.deepEqual([...takeablePages(keptThenRead(PASSED), grown, undefined).keys()].sort(), ["news/a.html", "news/c.html"]);
  assert.deepEqual([...takeablePages(undefined, grown, undefined).keys()], []);
});
