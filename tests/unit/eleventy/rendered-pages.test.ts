import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { PageCache, pageFile, planPages, type PageReason } from "../../../src/lib/eleventy/rendered-pages.ts";
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

/** Stands in for Eleventy: each page to render, its HTML naming its URL and headline. */
function render(toRender: PageViews): Map<string, string> {
  const pages = [...toRender.stories.map((page) => ({ url: page.url, text: page.article.headline })), ...toRender.news.map((page) => ({ url: page.url, text: page.items.map(({ headline }) => headline).join() }))];
  return new Map(pages.map(({ url, text }) => [pageFile(url), `<p>${url} ${text}</p>`]));
}

/** A build's pages: planned, rendered or copied from the cache into `output`, and kept. Returns each page's reason, by URL. */
function build(cache: PageCache, output: string, pageViews: PageViews, stories = pageViews.stories.map(({ article }) => article), context = "templates v1"): Record<string, PageReason> {
  const cached = cache.read();
  const plan = planPages(pageViews, stories, context, cached);
  const rendered = render(plan.render);
  for (const page of plan.pages) {
    const target = join(output, page.file);
    mkdirSync(dirname(target), { recursive: true });
    if (page.rendered) writeFileSync(target, rendered.get(page.file) ?? "");
    else copyFileSync(cache.entryPath(cached, page.key), target);
  }
  cache.keep(plan, cached, rendered);
  return Object.fromEntries(plan.pages.map(({ url, reason }) => [url, reason]));
}

const rendered = (reasons: Record<string, PageReason>) => Object.keys(reasons).filter((url) => reasons[url] !== "reused");

test("a page is rendered again only when its view, a story in it, or the render context changed, and the plan says which", () => {
  const folder = join(tempRoot, "cache-1");
  const first = join(tempRoot, "site-1");
  assert.deepEqual(build(new PageCache(folder), first, views()), { "/news/a.html": "new", "/news/b.html": "new", "/": "new" });

  // Another process, another output folder: every page is copied from the cache, byte for byte.
  const second = join(tempRoot, "site-2");
  const cache = new PageCache(folder);
  assert.deepEqual(rendered(build(cache, second, views())), []);
  assert.equal(cache.summary(), `pages: 0 rendered, 3 reused from ${folder}`);
  for (const url of ["/news/a.html", "/news/b.html", "/"]) assert.equal(readFileSync(join(second, pageFile(url)), "utf8"), readFileSync(join(first, pageFile(url)), "utf8"));

  // A story's headline changes: its page and the list that shows it.
  const edited = { ...b, headline: "b, edited" };
  assert.deepEqual(build(cache, second, views([a, edited])), { "/news/a.html": "reused", "/news/b.html": "view changed", "/": "view changed" });
  assert.match(readFileSync(join(second, "index.html"), "utf8"), /b, edited/);
  // A change deep in a story that only its own page prints still reaches that page.
  assert.deepEqual(rendered(build(cache, second, views([a, { ...edited, bodyHtml: "<p>new</p>" }]))), ["/news/b.html", "/"]);
  assert.deepEqual(build(cache, second, views([a, { ...edited, bodyHtml: "<p>new</p>" }]), undefined, "templates v2"), {
    "/news/a.html": "templates or code changed",
    "/news/b.html": "templates or code changed",
    "/": "templates or code changed",
  });
});

test("pages are written to their permalink's file", () => {
  assert.equal(pageFile("/"), "index.html");
  assert.equal(pageFile("/topics/energy/"), "topics/energy/index.html");
  assert.equal(pageFile("/news/2013/09/02/talks.html"), "news/2013/09/02/talks.html");
});

test("a damaged entry is rendered again and the build says so; entries no build used are pruned", () => {
  const folder = join(tempRoot, "cache-2");
  build(new PageCache(folder), join(tempRoot, "site-3"), views());
  const entries = () => readdirSync(folder).filter((name) => name.endsWith(".html"));
  const [entry] = entries();
  assert.ok(entry);
  writeFileSync(join(folder, entry), "<p>truncat");
  const cache = new PageCache(folder);
  const output = join(tempRoot, "site-4");
  const reasons = build(cache, output, views());
  assert.deepEqual(Object.values(reasons).sort(), ["not in the page cache", "reused", "reused"]);
  assert.match(cache.warning() ?? "", /^pages: 1 damaged entry in .* ignored and rendered again$/);
  assert.equal(entries().length, 3);
  for (const url of ["/news/a.html", "/news/b.html", "/"]) assert.doesNotMatch(readFileSync(join(output, pageFile(url)), "utf8"), /truncat/);

  // Story b is deleted: its entry goes.
  build(cache, join(tempRoot, "site-5"), views([a]));
  assert.equal(entries().length, 2);
});

test("a cache folder that cannot be written never fails the build: it renders, and says so", () => {
  const blocked = join(tempRoot, "blocked");
  writeFileSync(blocked, "a file where the folder should be");
  const cache = new PageCache(blocked);
  const output = join(tempRoot, "site-6");
  assert.equal(rendered(build(cache, output, views())).length, 3);
  assert.match(cache.warning() ?? "", /^pages: could not write .*blocked \(\w+\), so the next build renders these pages again$/);
  assert.match(readFileSync(join(output, "news/a.html"), "utf8"), /a<\/p>/);
});
