import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { CacheStore } from "../../../src/lib/cache/store.ts";
import { PageCache, planPages, renderRuns, type PagePlan, type PageReason } from "../../../src/lib/eleventy/rendered-pages.ts";
import type { ArticleView } from "../../../src/lib/model/story-view.ts";
import type { PlannedViews } from "../../../src/lib/newsroom/page-views.ts";
import { buildNewsroom } from "../../../src/lib/newsroom/newsroom.ts";
import { pageViews } from "../../../src/lib/newsroom/page-views.ts";
import { storyView } from "../../support/stories.ts";
import { buildAt, site } from "../../support/story-views.ts";

const tempRoot = mkdtempSync(join(tmpdir(), "rendered-pages-test-"));
after(() => rmSync(tempRoot, { recursive: true, force: true }));

const a = storyView("a", "2013-09-02");
const b = storyView("b", "2013-09-03");

/**
 * Views of two story pages and All news (no front page: see its own test), as page-views.ts makes
 * them (only what the keys read matters here); a story's page told by what its view is made from
 * when `madeFrom` says.
 */
function views(stories = [a, b], madeFrom: (article: ArticleView) => string | undefined = () => undefined): PlannedViews {
  return {
    stories: stories.map((article) => ({
      url: article.url,
      article,
      madeFrom: () => madeFrom(article),
      view: () => ({
        url: article.url,
        edition: "en",
        languages: [],
        article,
        metadata: { canonical: article.url, description: article.description, meta: [] },
        structuredData: "{}",
        alternates: [],
        section: { name: "All news", url: "/all/" },
        topics: [],
        related: [],
        relatedHeading: "Related stories",
        correctionsHeading: "Correction",
      }),
    })),
    withdrawn: [],
    front: [],
    news: [{ url: "/all/", items: stories, edition: "en", languages: [], title: "All news" }],
    topics: [],
    authors: [],
    archive: [],
    topicIndexes: [],
    archiveIndexes: [],
    searches: [],
    notFound: [],
  };
}

/** Stands in for Eleventy: each page to render, its HTML naming its URL and headline, by the file the plan writes it to. */
function render({ render: toRender, pages: planned }: PagePlan): Map<string, string> {
  const fileOf = new Map(planned.map(({ url, file }) => [url, file]));
  const pages = [...toRender.stories.map((page) => ({ url: page.url, text: page.article.headline })), ...toRender.news.map((page) => ({ url: page.url, text: page.items.map(({ headline }) => headline).join() })),
    ...toRender.front.map((page) => ({ url: page.url, text: [page.lead, ...page.top].map((story) => story?.headline).join() })),
    ...[...toRender.topics, ...toRender.archive, ...toRender.topicIndexes, ...toRender.archiveIndexes, ...toRender.searches, ...toRender.notFound].map((page) => ({ url: page.url, text: "" })),
  ];
  return new Map(pages.map(({ url, text }) => [fileOf.get(url) ?? url, `<p>${url} ${text}</p>`]));
}

/** A build's pages: planned, rendered or copied from the cache into `output`, and kept. Returns each page's reason, by URL. */
function build(cache: PageCache, output: string, pageViews: PlannedViews, stories = pageViews.stories.map(({ article }) => article), context = "templates v1"): Record<string, PageReason> {
  const cached = cache.read();
  const plan = planPages(pageViews, stories, context, cached, (contextHash, view) => cache.key(contextHash, view));
  const rendered = render(plan);
  for (const page of plan.pages) {
    const target = join(output, page.file);
    mkdirSync(dirname(target), { recursive: true });
    // A fresh name, as in the build's fresh staging folder: never a write through an entry's second name.
    rmSync(target, { force: true });
    if (page.rendered) writeFileSync(target, rendered.get(page.file) ?? "");
    else cache.place(page.key, target);
  }
  for (const page of plan.pages) {
    const content = rendered.get(page.file);
    if (page.rendered && content !== undefined) cache.keep(page.key, content);
  }
  cache.finish(plan);
  return Object.fromEntries(plan.pages.map(({ url, reason }) => [url, reason]));
}

/** A page cache in a store of its own at `root` (its entries in root/pages/), as a new process makes it; and the store, for its summary. */
function pageCacheIn(root: string): [PageCache, CacheStore] {
  const store = new CacheStore(root);
  return [new PageCache(store), store];
}

const rendered = (reasons: Record<string, PageReason>) => Object.keys(reasons).filter((url) => reasons[url] !== "reused");

test("a page is rendered again only when its view, a story in it, or the render context changed, and the plan says which", () => {
  const folder = join(tempRoot, "cache-1");
  const first = join(tempRoot, "site-1");
  assert.deepEqual(build(pageCacheIn(folder)[0], first, views()), { "/news/a.html": "new", "/news/b.html": "new", "/all/": "new" });

  // Another process, another output folder: every page is placed from the cache, byte for byte, as a second name of its entry.
  const second = join(tempRoot, "site-2");
  const [cache, store] = pageCacheIn(folder);
  assert.deepEqual(rendered(build(cache, second, views())), []);
  assert.equal(store.summary(), `cache ${folder}: pages 0 rendered, 3 reused`);
  for (const file of ["news/a.html", "news/b.html", "all/index.html"]) {
    assert.equal(readFileSync(join(second, file), "utf8"), readFileSync(join(first, file), "utf8"));
    assert.equal(statSync(join(second, file)).nlink, 2, `${file} is linked, not copied`);
  }

  // A story's headline changes: its page and the list that shows it.
  const edited = { ...b, headline: "b, edited" };
  assert.deepEqual(build(cache, second, views([a, edited])), { "/news/a.html": "reused", "/news/b.html": "view changed", "/all/": "view changed" });
  assert.match(readFileSync(join(second, "all/index.html"), "utf8"), /b, edited/);
  // A change deep in a story that only its own page prints still reaches that page.
  assert.deepEqual(rendered(build(cache, second, views([a, { ...edited, bodyHtml: "<p>new</p>" }]))), ["/news/b.html", "/all/"]);
  assert.deepEqual(build(cache, second, views([a, { ...edited, bodyHtml: "<p>new</p>" }]), undefined, "templates v2"), {
    "/news/a.html": "templates or code changed",
    "/news/b.html": "templates or code changed",
    "/all/": "templates or code changed",
  });
});

test("a story's page told by what its view is made from is planned without its view made, and rendered again when that changes", () => {
  const cache = pageCacheIn(join(tempRoot, "cache-made-from"))[0];
  const output = join(tempRoot, "site-made-from");
  const inputs = new Map([[a.url, "a, first"], [b.url, "b, first"]]);
  const unmade = (planned: PlannedViews): PlannedViews => ({ ...planned, stories: planned.stories.map((page) => ({ ...page, view: () => assert.fail(`${page.url}: its view was made`) })) });
  assert.deepEqual(build(cache, output, unmade(views([a, b], (article) => inputs.get(article.url)))), { "/news/a.html": "new", "/news/b.html": "new", "/all/": "new" });
  inputs.set(b.url, "b, second");
  assert.deepEqual(build(cache, output, unmade(views([a, b], (article) => inputs.get(article.url)))), { "/news/a.html": "reused", "/news/b.html": "view changed", "/all/": "reused" });
  // Without it, the page goes by its view again.
  assert.deepEqual(rendered(build(cache, output, views())), ["/news/a.html", "/news/b.html"]);
});

/** Every page of a newsroom of `stories` as page-views.ts makes it: All news, topics, archive days, related headlines, the front page. */
function pages(stories: ArticleView[], settings = site): PlannedViews {
  return pageViews(buildNewsroom({ stories, withdrawn: [], report: { errors: [], warnings: [], notices: [], withheld: [] } }, settings, buildAt("2013-09-05T00:00Z")), site);
}

test("the front page is rendered again when what it prints of a story changes, and only then", () => {
  const c = storyView("c", "2013-09-01");
  // The front page as page-views.ts makes it, beside the stories' pages; no other list.
  const front = (stories: ArticleView[]): PlannedViews => {
    const made = pages(stories, { ...site, frontPage: { ...site.frontPage, topStories: 1, latestStories: 1 } });
    return { ...views(stories), news: [], front: made.front.filter(({ edition }) => edition === "en") };
  };
  const cache = pageCacheIn(join(tempRoot, "cache-front"))[0];
  const output = join(tempRoot, "site-front");
  assert.deepEqual(build(cache, output, front([b, a, c]))["/"], "new");
  // b leads, a is the top story, c the latest: a story beyond them is not on the page.
  const d = storyView("d", "2013-08-30");
  assert.deepEqual(rendered(build(cache, output, front([b, a, c]))), []);
  assert.deepEqual(rendered(build(cache, output, front([b, { ...a, bodyHtml: "<p>a, its text edited</p>" }, c]))), ["/news/a.html"], "the front page prints no story's text");
  assert.deepEqual(rendered(build(cache, output, front([b, { ...a, headline: "a, edited" }, c]))), ["/news/a.html", "/"]);
  assert.deepEqual(rendered(build(cache, output, front([b, { ...a, headline: "a, edited" }, c, d]))), ["/news/d.html"], "a story the page does not show");
});

test("a list prints no story's text: a body edit renders the story's page alone, a headline edit every list that shows it", () => {
  const c = storyView("c", "2013-09-02");
  const cache = pageCacheIn(join(tempRoot, "cache-lists"))[0];
  const output = join(tempRoot, "site-lists");
  const first = build(cache, output, pages([b, a, c]));
  const lists = Object.keys(first).filter((url) => url === "/all/" || url.includes("/archive/2013/09/0"));
  assert.ok(lists.length >= 3, `All news and the two archive days: ${lists.join(", ")}`);
  const text = rendered(build(cache, output, pages([b, { ...a, bodyHtml: "<p>a, its text edited</p>" }, c])));
  assert.deepEqual(text, [a.url]);
  const headline = rendered(build(cache, output, pages([b, { ...a, headline: "a, edited" }, c])));
  for (const url of [a.url, "/all/", ...lists.filter((url) => url.endsWith("/02/"))]) assert.ok(headline.includes(url), `${url} shows the new headline: ${headline.join(", ")}`);
});

test("a story filed on a new day renders the archive pages it changes, and no earlier day's or month's: a crumb is its period's link, not its count", () => {
  const d = storyView("d", "2013-08-30");
  const cache = pageCacheIn(join(tempRoot, "cache-archive"))[0];
  const output = join(tempRoot, "site-archive");
  build(cache, output, pages([b, a, d]));
  const e = storyView("e", "2013-09-04");
  const archive = rendered(build(cache, output, pages([e, b, a, d]))).filter((url) => url.startsWith("/archive/"));
  // The new day, the day before it (its "Later" link), its month's and year's lists of days and months, and the archive's years.
  assert.deepEqual(archive.sort(), ["/archive/", "/archive/2013/", "/archive/2013/09/", "/archive/2013/09/03/", "/archive/2013/09/04/"]);
});

test("the pages to render are split into runs of at most the size given, each page once, in the plan's order", () => {
  const c = storyView("c", "2013-09-01");
  const all = views([a, b, c]);
  const runs = renderRuns(all, 2);
  const urls = (run: PlannedViews) => Object.values(run).flatMap((list: { url: string }[]) => list.map(({ url }) => url));
  assert.deepEqual(runs.map(urls), [[a.url, b.url], [c.url, "/all/"]]);
  assert.deepEqual(renderRuns(all, 3).map(urls), [[a.url, b.url, c.url], ["/all/"]]);
  // Nothing to render is still one run: it renders the site's own files.
  const none = renderRuns({ ...all, stories: [], news: [] }, 2);
  assert.equal(none.length, 1);
  assert.deepEqual(urls(none[0]!), []);
  assert.deepEqual(Object.keys(none[0]!), Object.keys(all));
});

test("pages are written to their permalink's file", () => {
  const lists = ["/", "/topics/energy/", "/news/2013/09/02/talks.html"].map((url) => ({ url, items: [], edition: "en", languages: [], title: "A list" }));
  const plan = planPages({ ...views([]), news: lists }, [], "templates v1", { has: () => false, last: undefined }, (context, view) => `${context}${view}`);
  assert.deepEqual(plan.pages.map(({ file }) => file), ["index.html", "topics/energy/index.html", "news/2013/09/02/talks.html"]);
});

test("a damaged entry is rendered again and the build says so; entries no build used are pruned", () => {
  const folder = join(tempRoot, "cache-2");
  build(pageCacheIn(folder)[0], join(tempRoot, "site-3"), views());
  const entries = () => readdirSync(join(folder, "pages")).filter((name) => name.endsWith(".html"));
  const [entry] = entries();
  assert.ok(entry);
  // Written in place, as through the page published from it: the entry's bytes no longer hash to its name.
  writeFileSync(join(folder, "pages", entry), "<p>truncat");
  const [cache, store] = pageCacheIn(folder);
  const output = join(tempRoot, "site-4");
  const reasons = build(cache, output, views());
  assert.deepEqual(Object.values(reasons).sort(), ["not in the page cache", "reused", "reused"]);
  assert.match(store.summary(), /^cache .*: pages 1 rendered, 2 reused; 1 damaged entry in .*pages ignored and made again$/);
  assert.equal(entries().length, 3);
  for (const file of ["news/a.html", "news/b.html", "all/index.html"]) assert.doesNotMatch(readFileSync(join(output, file), "utf8"), /truncat/);

  // Story b is deleted: its entry goes, and the damage is not reported again.
  store.startBuild();
  build(cache, join(tempRoot, "site-5"), views([a]));
  assert.match(store.summary(), /^cache .*: pages 1 rendered, 1 reused, 2 removed$/);
  assert.equal(entries().length, 2);
});

test("a cache folder that cannot be written never fails the build: it renders, and says so", () => {
  const blocked = join(tempRoot, "blocked");
  writeFileSync(blocked, "a file where the folder should be");
  const [cache, store] = pageCacheIn(blocked);
  const output = join(tempRoot, "site-6");
  assert.equal(rendered(build(cache, output, views())).length, 3);
  assert.match(store.summary(), /^cache .*blocked: pages 3 rendered, 0 reused; could not write .*blocked\/pages \(\w+\), so the next build makes these pages again$/);
  assert.match(readFileSync(join(output, "news/a.html"), "utf8"), /a<\/p>/);
});
