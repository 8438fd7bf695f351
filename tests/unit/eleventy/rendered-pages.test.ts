import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, test } from "node:test";
import { pageFile, removeStalePages, RenderedPages } from "../../../src/lib/eleventy/rendered-pages.ts";
import type { PageViews } from "../../../src/lib/newsroom/page-views.ts";
import { storyView } from "../../support/stories.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "rendered-pages-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const a = storyView("a", "2013-09-02");
const b = storyView("b", "2013-09-03");

/** Views of two story pages and All news, as page-views.ts makes them (only what the keys read matters here). */
function views(stories = [a, b]): PageViews {
  return {
    stories: stories.map((article) => ({
      url: article.url,
      edition: "en",
      languages: [],
      article,
      metadata: { canonical: article.url, description: article.description, meta: [] },
      structuredData: "{}",
      alternates: [],
      topics: [],
      related: [],
      correctionsHeading: "Correction",
    })),
    withdrawn: [],
    news: [{ url: "/", items: stories, edition: "en", languages: [], title: "All news" }],
    topics: [],
    archive: [],
    topicIndexes: [],
    archiveIndexes: [],
  };
}

/** Stands in for Eleventy: writes each page to render, its HTML naming its URL and headline. */
function render(output: string, toRender: PageViews): { file: string; content: string }[] {
  const pages = [...toRender.stories.map((page) => ({ url: page.url, text: page.article.headline })), ...toRender.news.map((page) => ({ url: page.url, text: page.items.map(({ headline }) => headline).join() }))];
  return pages.map(({ url, text }) => {
    const file = pageFile(output, url);
    mkdirSync(join(file, ".."), { recursive: true });
    const content = `<p>${url} ${text}</p>`;
    writeFileSync(file, content);
    return { file, content };
  });
}

const urls = (toRender: PageViews) => [...toRender.stories, ...toRender.news].map(({ url }) => url);

function build(cache: RenderedPages, output: string, pageViews: PageViews, stories = pageViews.stories.map(({ article }) => article), context = "templates v1"): string[] {
  const toRender = cache.plan(pageViews, stories, context, output);
  cache.finish(output, render(output, toRender));
  return urls(toRender);
}

test("a page is rendered again only when its view, a story in it, or the render context changed", () => {
  const folder = join(tempRoot, "cache-1");
  const first = join(tempRoot, "site-1");
  assert.deepEqual(build(new RenderedPages(folder), first, views()), ["/news/a.html", "/news/b.html", "/"]);

  // Another process, another output folder: every page is copied from the cache, byte for byte.
  const second = join(tempRoot, "site-2");
  const cache = new RenderedPages(folder);
  assert.deepEqual(build(cache, second, views()), []);
  assert.equal(cache.summary(), `pages: 0 rendered, 3 reused from ${folder}`);
  for (const url of ["/news/a.html", "/news/b.html", "/"]) assert.equal(readFileSync(pageFile(second, url), "utf8"), readFileSync(pageFile(first, url), "utf8"));

  // A story's headline changes: its page and the list that shows it.
  const edited = { ...b, headline: "b, edited" };
  assert.deepEqual(build(cache, second, views([a, edited])), ["/news/b.html", "/"]);
  assert.match(readFileSync(pageFile(second, "/"), "utf8"), /b, edited/);
  // A change deep in a story that only its own page prints still reaches that page.
  assert.deepEqual(build(cache, second, views([a, { ...edited, bodyHtml: "<p>new</p>" }])), ["/news/b.html", "/"]);
  assert.deepEqual(build(cache, second, views([a, { ...edited, bodyHtml: "<p>new</p>" }]), undefined, "templates v2"), ["/news/a.html", "/news/b.html", "/"]);
});

test("a damaged entry is rendered again and the build says so; entries no build used are pruned", () => {
  const folder = join(tempRoot, "cache-2");
  build(new RenderedPages(folder), join(tempRoot, "site-3"), views());
  const [entry] = readdirSync(folder);
  assert.ok(entry);
  writeFileSync(join(folder, entry), "<p>truncat");
  const cache = new RenderedPages(folder);
  const output = join(tempRoot, "site-4");
  assert.equal(build(cache, output, views()).length, 1);
  assert.match(cache.warning() ?? "", /^pages: 1 damaged entry in .* ignored and rendered again$/);
  assert.equal(readdirSync(folder).length, 3);
  for (const url of ["/news/a.html", "/news/b.html", "/"]) assert.doesNotMatch(readFileSync(pageFile(output, url), "utf8"), /truncat/);

  // Story b is deleted: its entry goes, and so does its page in the output folder.
  build(cache, output, views([a]));
  assert.equal(readdirSync(folder).length, 2);
  assert.equal(existsSync(pageFile(output, "/news/b.html")), false);
});

test("a cache folder that cannot be written never fails the build: it renders, and says so", () => {
  const blocked = join(tempRoot, "blocked");
  writeFileSync(blocked, "a file where the folder should be");
  const cache = new RenderedPages(blocked);
  const output = join(tempRoot, "site-5");
  assert.equal(build(cache, output, views()).length, 3);
  assert.match(cache.warning() ?? "", /^pages: could not write .*blocked \(\w+\), so the next build renders these pages again$/);
  assert.match(readFileSync(pageFile(output, "/news/a.html"), "utf8"), /a<\/p>/);
});

test("pages the last build did not write are removed; its pages and other files stay", () => {
  const site = mkdtempSync(join(tempRoot, "site-"));
  const files = ["index.html", "news/2013/09/02/kept.html", "news/2013/09/02/broken.html", "old/deleted.html", "assets/site.css", "news/photo.jpg"];
  for (const file of files) {
    mkdirSync(join(site, file, ".."), { recursive: true });
    writeFileSync(join(site, file), "x");
  }
  // Eleventy names what it wrote relative to the working folder, or absolutely.
  const written = [relative(process.cwd(), join(site, "index.html")), join(site, "news/2013/09/02/kept.html")];
  const removed = removeStalePages(site, written);
  assert.deepEqual(removed.sort(), [join(site, "news/2013/09/02/broken.html"), join(site, "old/deleted.html")]);
  assert.deepEqual(
    files.filter((file) => existsSync(join(site, file))),
    ["index.html", "news/2013/09/02/kept.html", "assets/site.css", "news/photo.jpg"],
  );
});

test("a folder that does not exist yet has no stale pages", () => {
  assert.deepEqual(removeStalePages(join(tempRoot, "missing"), []), []);
});
