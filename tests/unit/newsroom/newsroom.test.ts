import assert from "node:assert/strict";
import { test } from "node:test";
import { buildNewsroom } from "../../../src/lib/newsroom/newsroom.ts";
import { editionViews, madeViews, pageViews as plannedViews } from "../../../src/lib/newsroom/page-views.ts";
import { storyEndings } from "../../../src/lib/newsroom/related.ts";
import { buildTopics, type Topic } from "../../../src/lib/newsroom/topics.ts";
import { readBuildSettings } from "../../../src/lib/model/publishing.ts";
import type { StoryReport } from "../../../src/lib/model/story-report.ts";
import type { ArticleView, WithdrawnView } from "../../../src/lib/model/story-view.ts";
import { storyView } from "../../support/stories.ts";
import { authorRef, type AuthorSettings } from "../../../src/lib/model/authors.ts";
import { listPageUrl } from "../../../src/lib/model/urls.ts";
import { paginate } from "../../../src/lib/newsroom/pagination.ts";
import { deepFreeze } from "../../../src/lib/model/deep-freeze.ts";
import { site as settings } from "../../support/story-views.ts";

/** Every page's view, each story's page made as its run would make it. */
const pageViews = (newsroom: Parameters<typeof plannedViews>[0], site: Parameters<typeof plannedViews>[1]) => madeViews(plannedViews(newsroom, site));

const site = { ...settings, url: "https://example.org/news/" };
const build = readBuildSettings({ BUILD_MOMENT: "2013-09-05T00:00Z" });
const NO_PROBLEMS: StoryReport = { errors: [], warnings: [], notices: [], withheld: [] };

/** The stories as collectArticles gives them to the newsroom: none withdrawn unless given. */
const collected = (stories: ArticleView[], report = NO_PROBLEMS, withdrawn: WithdrawnView[] = []) => ({ stories, withdrawn, report });

/** Each story's related stories, by URL: the first of the headlines its page ends with, as many as its ending counts related. */
function relatedStories(stories: readonly ArticleView[], topics: readonly Topic[]): Map<string, ArticleView[]> {
  return new Map([...storyEndings(stories, topics)].map(([url, ending]) => [url, ending.stories.slice(0, ending.related)]));
}

test("related stories are earlier ones sharing the most topics, then the newest, at most three, never the story itself", () => {
  const stories = [
    storyView("newer-two-shared", "2013-09-09", ["Korea", "Diplomacy"]),
    storyView("unrelated", "2013-09-08", ["Sport"]),
    storyView("story", "2013-09-06", ["Korea", "Diplomacy", "Russia"]),
    storyView("two-shared", "2013-09-05", ["Korea", "Diplomacy"]),
    storyView("newest-one-shared", "2013-09-04", ["Diplomacy"]),
    storyView("newer-one-shared", "2013-09-03", ["Korea"]),
    storyView("older-one-shared", "2013-09-01", ["Russia"]),
  ];
  const related = relatedStories(stories, buildTopics(stories, "en"));
  assert.deepEqual(related.get("/news/story.html")?.map(({ headline }) => headline), ["two-shared", "newest-one-shared", "newer-one-shared"]);
  assert.deepEqual(related.get("/news/newer-two-shared.html")?.map(({ headline }) => headline), ["story", "two-shared", "newest-one-shared"]);
  assert.deepEqual(related.get("/news/older-one-shared.html"), [], "the oldest story has none before it");
  assert.deepEqual(related.get("/news/unrelated.html"), []);
});

test("a newer story leaves every earlier story's related stories as they were", () => {
  const earlier = [
    storyView("c", "2013-09-04", ["Korea", "Diplomacy"]),
    storyView("b", "2013-09-03", ["Korea"]),
    storyView("a", "2013-09-02", ["Diplomacy"]),
  ];
  const withNewer = [storyView("d", "2013-09-05", ["Korea", "Diplomacy"]), ...earlier];
  const before = relatedStories(earlier, buildTopics(earlier, "en"));
  const after = relatedStories(withNewer, buildTopics(withNewer, "en"));
  for (const { url } of earlier) assert.deepEqual(after.get(url), before.get(url), url);
  assert.deepEqual(after.get("/news/d.html")?.map(({ headline }) => headline), ["c", "b", "a"]);
});

test("a story ends with three headlines: its related stories, made up with the stories just before it", () => {
  const stories = [
    storyView("story", "2013-09-06", ["Korea"]),
    storyView("unrelated", "2013-09-05", ["Sport"]),
    storyView("shared", "2013-09-04", ["Korea"]),
    storyView("untagged", "2013-09-03"),
    storyView("oldest", "2013-09-02", ["Sport"]),
  ];
  const endings = storyEndings(stories, buildTopics(stories, "en"));
  const ending = (slug: string) => {
    const found = endings.get(`/news/${slug}.html`);
    return found && [found.stories.map(({ headline }) => headline), found.related];
  };
  assert.deepEqual(ending("story"), [["shared", "unrelated", "untagged"], 1], "the related one first, then the latest earlier ones, none twice");
  assert.deepEqual(ending("unrelated"), [["oldest", "shared", "untagged"], 1]);
  assert.deepEqual(ending("untagged"), [["oldest"], 0], "no topics: the stories before it, as many as there are");
  assert.deepEqual(ending("oldest"), [[], 0]);
  // Earlier stories only: a newer story leaves every older ending as it was.
  const withNewer = [storyView("newest", "2013-09-07", ["Korea"]), ...stories];
  const after = storyEndings(withNewer, buildTopics(withNewer, "en"));
  for (const { url } of stories) assert.deepEqual(after.get(url), endings.get(url), url);
});

test("the ending's heading says Related stories when one is related, else More news, in the edition's words", () => {
  const stories = [storyView("tagged", "2013-09-04", ["Korea"]), storyView("lone", "2013-09-03", ["Sport"]), storyView("korea", "2013-09-02", ["Korea"]), storyView("ru-b", "2013-09-03", [], 10, ru), storyView("ru-a", "2013-09-02", [], 10, ru)];
  const views = pageViews(buildNewsroom(collected(stories), site, build), site);
  const heading = (url: string) => {
    const view = views.stories.find((story) => story.url === url);
    return view && [view.relatedHeading, view.related.map(({ headline }) => headline)];
  };
  assert.deepEqual(heading("/news/tagged.html"), ["Related stories", ["korea", "lone"]]);
  assert.deepEqual(heading("/news/lone.html"), ["More news", ["korea"]]);
  assert.deepEqual(heading("/ru/news/ru-b.html"), ["Другие новости", ["ru-a"]]);
  // A story in another language than its edition's keeps its language and direction in the ending that lists it.
  const arabic = { ...storyView("arabic", "2013-09-01", ["Korea"]), lang: "ar", dir: "rtl" as const };
  const ending = pageViews(buildNewsroom(collected([...stories, arabic]), site, build), site).stories.find((story) => story.url === "/news/korea.html")?.related;
  assert.deepEqual(ending?.map(({ headline, lang, dir }) => [headline, lang, dir]), [["arabic", "ar", "rtl"]]);
});

test("the newsroom pages All news and each topic, and gives each story its links in the site's spelling", () => {
  const stories = [
    storyView("c", "2013-09-04", ["korean  peninsula"]),
    storyView("b", "2013-09-03", ["Korean Peninsula"]),
    storyView("a", "2013-09-02", ["Korean Peninsula"]),
  ];
  const newsroom = buildNewsroom(collected(stories), { ...site, pageSize: 2 }, build);
  const [english] = newsroom.editions;
  assert.deepEqual(english?.newsPages.map(({ url, items }) => [url, items.map(({ headline }) => headline)]), [["/all/", ["c", "b", "a"]]]);
  const more = buildNewsroom(collected([storyView("e", "2013-09-07", ["Korean Peninsula"]), storyView("d", "2013-09-05", ["Korean Peninsula"]), ...stories]), { ...site, pageSize: 2 }, build).editions[0];
  const pages = (list: { url: string; items: { headline: string }[] }[] | undefined) => list?.map(({ url, items }) => [url, items.map(({ headline }) => headline)]);
  assert.deepEqual(pages(more?.newsPages), [
    ["/all/", ["e", "d"]],
    ["/all/page/2013-09-04-56da46b8/", ["c", "b", "a"]],
  ]);
  assert.deepEqual(pages(more?.topicPages), [
    ["/topics/korean-peninsula/", ["e", "d"]],
    ["/topics/korean-peninsula/page/2013-09-04-56da46b8/", ["c", "b", "a"]],
  ]);
  const views = pageViews(newsroom, site);
  const c = views.stories.find(({ url }) => url === "/news/c.html");
  assert.deepEqual(c?.topics, [{ name: "Korean Peninsula", url: "/topics/korean-peninsula/" }]);
  assert.deepEqual(c?.section, { name: "Korean Peninsula", url: "/topics/korean-peninsula/" }, "the label above the headline is its main topic");
  assert.deepEqual(c?.related.map(({ headline }) => headline), ["b", "a"]);
  // A topic page prints its topic's name, and on its first page its count, not every story of the topic.
  const topicViews = pageViews({ ...newsroom, editions: [more!] }, site).topics;
  assert.deepEqual(
    topicViews.map(({ topic, summary, title, period }) => [topic.name, summary, title, period]),
    [
      ["Korean Peninsula", "5 stories", "Korean Peninsula", undefined],
      ["Korean Peninsula", undefined, "Korean Peninsula, September 2\u2009–\u20094, 2013", "September 2\u2009–\u20094, 2013"],
    ],
  );
});

test("the newsroom publishes each edition's feeds and each topic's, the sitemaps and robots.txt", () => {
  const stories = [storyView("b", "2013-09-03", ["Korean Peninsula"]), storyView("a", "2013-09-02")];
  const newsroom = buildNewsroom(collected(stories), site, build);
  assert.deepEqual(newsroom.files.map(({ url }) => url), [
    "/feed.xml", "/atom.xml", "/feed.json",
    "/topics/korean-peninsula/feed.xml", "/topics/korean-peninsula/atom.xml", "/topics/korean-peninsula/feed.json",
    "/ru/feed.xml", "/ru/atom.xml", "/ru/feed.json",
    "/pages-sitemap.xml", "/sitemaps/2013-09.xml", "/news-sitemap.xml", "/ru/pages-sitemap.xml", "/ru/news-sitemap.xml", "/sitemap.xml", "/robots.txt",
  ]);
  const text = (file: string) => newsroom.files.find(({ url }) => url === file)?.text ?? "";
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc);
  // The index names every sitemap, each dated by its newest lastmod; an edition with no stories dates none.
  assert.deepEqual([...text("/sitemap.xml").matchAll(/<sitemap><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/sitemap>/g)].map(([, loc, lastmod]) => [loc, lastmod]), [
    ["https://example.org/news/pages-sitemap.xml", "2013-09-03T12:00:00Z"],
    ["https://example.org/news/sitemaps/2013-09.xml", "2013-09-03T12:00:00Z"],
    ["https://example.org/news/news-sitemap.xml", "2013-09-03T12:00:00Z"],
    ["https://example.org/news/ru/pages-sitemap.xml", undefined],
    ["https://example.org/news/ru/news-sitemap.xml", undefined],
  ]);
  assert.equal(text("/robots.txt"), "User-agent: *\nDisallow:\n\nSitemap: https://example.org/news/sitemap.xml\n");
  // The stories in their month's sitemap, every other page in the pages sitemap.
  assert.deepEqual(locs(text("/sitemaps/2013-09.xml")), ["https://example.org/news/news/b.html", "https://example.org/news/news/a.html"]);
  assert.deepEqual([...locs(text("/pages-sitemap.xml")), ...locs(text("/ru/pages-sitemap.xml"))], [
    "https://example.org/news/",
    "https://example.org/news/all/",
    "https://example.org/news/topics/",
    "https://example.org/news/topics/korean-peninsula/",
    "https://example.org/news/archive/",
    "https://example.org/news/archive/2013/",
    "https://example.org/news/archive/2013/09/",
    "https://example.org/news/archive/2013/09/03/",
    "https://example.org/news/archive/2013/09/02/",
    "https://example.org/news/ru/",
    "https://example.org/news/ru/all/",
    "https://example.org/news/ru/topics/",
    "https://example.org/news/ru/archive/",
  ]);
  assert.deepEqual(newsroom.editions[0]?.topicPages[0]?.feedLinks.map(({ href }) => href), [
    "/topics/korean-peninsula/feed.xml", "/topics/korean-peninsula/atom.xml", "/topics/korean-peninsula/feed.json",
  ]);
});

test("two topics on one URL join the report's errors, in file order", () => {
  const stories = [storyView("b", "2013-09-04", ["U.S. politics"]), storyView("a", "2013-09-03", ["U S politics"])];
  const earlier = { file: "src/news/0.md", line: 2, field: "lead", message: "missing", code: "WD120" } as const;
  const newsroom = buildNewsroom(collected(stories, { ...NO_PROBLEMS, errors: [earlier] }), site, build);
  assert.deepEqual(newsroom.report.errors.map(({ file, field }) => [file, field]), [["src/news/0.md", "lead"], ["src/news/b.md", "tags"]]);
});

test("two stories on one URL, in any case, get one page: the first's", () => {
  const first = storyView("talks", "2013-09-03");
  const second = { ...storyView("Talks", "2013-09-02"), url: "/news/TALKS.html" };
  const views = pageViews(buildNewsroom(collected([first, second]), site, build), site);
  assert.deepEqual(views.stories.map(({ article }) => article.file), ["src/news/talks.md"]);
});

test("only an archive day's page lists its stories; a year's and a month's count them", () => {
  const stories = [storyView("b", "2013-09-03"), storyView("a", "2013-09-02")];
  const views = pageViews(buildNewsroom(collected(stories), site, build), site);
  assert.deepEqual(
    views.archive.map(({ kind, summary, stories: listed }) => [kind, summary, listed.length]),
    [["year", "2 stories", 0], ["month", "2 stories", 0], ["day", "1 story", 1], ["day", "1 story", 1]],
  );
});

test("related stories are the same as ranking every earlier story: most shared topics, then newest, then by URL", () => {
  const names = ["Korea", "Diplomacy", "Energy", "Russia", "Trade"];
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const stories = Array.from({ length: 300 }, (_, index) => {
    const tags = names.filter(() => next() < 0.35);
    // Few distinct days and hours, so many stories tie on their time and the URL decides.
    return storyView(`story-${index}`, `2013-09-0${1 + Math.floor(next() * 3)}`, tags, Math.floor(next() * 3));
  }).sort((a, b) => b.published.epochMs - a.published.epochMs || a.url.localeCompare(b.url));
  const related = relatedStories(stories, buildTopics(stories, "en"));
  for (const story of stories.filter((candidate) => candidate.topics.length > 0)) {
    const keys = new Set(story.topics.map(({ key }) => key));
    const shared = (other: typeof story) => other.topics.filter(({ key }) => keys.has(key)).length;
    const expected = stories
      .slice(stories.indexOf(story) + 1)
      .filter((other) => shared(other) > 0)
      .sort((a, b) => shared(b) - shared(a) || b.published.epochMs - a.published.epochMs || a.url.localeCompare(b.url))
      .slice(0, 3);
    assert.deepEqual(related.get(story.url)?.map(({ url }) => url), expected.map(({ url }) => url), story.url);
  }
});

test("a withdrawn story gets a notice at its address and nothing else: no list, topic, archive, feed or sitemap names it", () => {
  const withdrawnAt = { datetime: "2013-09-04T10:00:00Z", display: "September 4, 2013, 10:00 GMT", iso: "2013-09-04T10:00:00Z", day: "2013-09-04", epochMs: Date.parse("2013-09-04T10:00:00Z") };
  const notice: WithdrawnView = { url: "/news/killed.html", file: "src/news/killed.md", stem: "/news/killed", edition: "en", state: "withdrawn", source: "Itar-Tass", withdrawn: withdrawnAt };
  const stories = [storyView("b", "2013-09-03", ["Korean Peninsula"]), storyView("a", "2013-09-02")];
  const newsroom = buildNewsroom(collected(stories, NO_PROBLEMS, [notice]), site, build);
  const views = pageViews(newsroom, site);
  assert.deepEqual(views.withdrawn, [
    {
      url: "/news/killed.html",
      edition: "en",
      languages: [{ url: "/ru/", hreflang: "ru", name: "Русский", dir: "ltr", label: "Russian edition" }],
      description: "Itar-Tass withdrew this story on September 4, 2013, 10:00 GMT.",
      text: [{ text: "Itar-Tass" }, { text: " withdrew this story on " }, { text: withdrawnAt.display, datetime: withdrawnAt.datetime }, { text: "." }],
      withdrawn: { datetime: withdrawnAt.datetime, display: withdrawnAt.display },
    },
  ]);
  assert.deepEqual(views.stories.map(({ url }) => url), ["/news/b.html", "/news/a.html"]);
  const without = buildNewsroom(collected(stories), site, build);
  assert.deepEqual(newsroom.files, without.files, "the same feeds, sitemaps and robots.txt as without it");
  assert.deepEqual(pageViews(without, site), { ...views, withdrawn: [] }, "the same lists, topics, archive and related stories");
  // A story at the same address (an error the report names) keeps the page.
  const clash = pageViews(buildNewsroom(collected([{ ...storyView("killed", "2013-09-05") }], NO_PROBLEMS, [notice]), site, build), site);
  assert.deepEqual([clash.stories.length, clash.withdrawn.length], [1, 0]);
});

test("an edition with no story yet says so on All news and the archive, in its own words, instead of an empty list", () => {
  const empty = pageViews(buildNewsroom(collected([]), site, build), site);
  assert.deepEqual(empty.news.map(({ url, items, noStories }) => [url, items.length, noStories]), [
    ["/all/", 0, "No stories yet."],
    ["/ru/all/", 0, "Новостей пока нет."],
  ]);
  assert.deepEqual(empty.front.map(({ url, lead, noStories }) => [url, lead, noStories]), [
    ["/", undefined, "No stories yet."],
    ["/ru/", undefined, "Новостей пока нет."],
  ]);
  assert.deepEqual(empty.archiveIndexes.map(({ url, noStories }) => [url, noStories]), [
    ["/archive/", "No stories yet."],
    ["/ru/archive/", "Новостей пока нет."],
  ]);
  // With stories in one edition only, the other still says it has none; the one with stories lists them.
  const english = pageViews(buildNewsroom(collected([storyView("a", "2013-09-02")]), site, build), site);
  assert.deepEqual(english.news.map(({ url, noStories }) => [url, noStories]), [
    ["/all/", undefined],
    ["/ru/all/", "Новостей пока нет."],
  ]);
  assert.deepEqual(english.archiveIndexes.map(({ noStories }) => noStories), [undefined, "Новостей пока нет."]);
});

const ru = { lang: "ru", path: "ru/" };

test("the label above the headline is the story's first topic; a story without topics keeps its edition's All news", () => {
  const stories = [storyView("tagged", "2013-09-03", ["Diplomacy", "Korean Peninsula"]), storyView("untagged", "2013-09-02"), storyView("ru-untagged", "2013-09-02", [], 10, ru)];
  const views = pageViews(buildNewsroom(collected(stories), site, build), site);
  const section = (url: string) => views.stories.find((view) => view.url === url)?.section;
  assert.deepEqual(section("/news/tagged.html"), { name: "Diplomacy", url: "/topics/diplomacy/" });
  assert.deepEqual(section("/news/untagged.html"), { name: "All news", url: "/all/" });
  assert.deepEqual(section("/ru/news/ru-untagged.html"), { name: "Все новости", url: "/ru/all/" });
});

test("an archive day lists each story with its time, and links the edition's nearest days with stories, in its words", () => {
  const stories = [
    storyView("later", "2013-09-04", [], 9),
    storyView("evening", "2013-09-02", [], 18),
    storyView("ru-day", "2013-09-03", [], 10, ru),
    storyView("ru-earlier", "2013-09-01", [], 10, ru),
  ];
  const views = pageViews(buildNewsroom(collected(stories), site, build), site);
  const day = (url: string) => views.archive.find((page) => page.url === url);
  assert.deepEqual(day("/archive/2013/09/02/")?.stories.map(({ headline, time }) => [headline, time]), [["evening", "18:00 UTC"]]);
  assert.deepEqual(day("/archive/2013/09/02/")?.days, [{ text: "Later: September 4, 2013", url: "/archive/2013/09/04/" }], "the Russian edition's days are not the English one's");
  assert.deepEqual(day("/ru/archive/2013/09/03/")?.days, [{ text: "Раньше: 1 сентября 2013 г.", url: "/ru/archive/2013/09/01/" }]);
  assert.deepEqual(day("/archive/2013/09/")?.days, [], "a month links its days in its list");
});

test("each edition has its own All news, topics, archive, related stories and feeds: nothing leaks", () => {
  const stories = [
    storyView("en-b", "2013-09-03", ["Diplomacy"]),
    storyView("ru-b", "2013-09-03", ["Дипломатия", "Diplomacy"], 10, ru),
    storyView("en-a", "2013-09-02", ["Diplomacy"]),
    storyView("ru-a", "2013-03-07", ["Дипломатия"], 10, ru),
  ];
  const newsroom = buildNewsroom(collected(stories), site, build);
  const [english, russian] = newsroom.editions;
  assert.deepEqual(english?.newsPages[0]?.items.map(({ headline }) => headline), ["en-b", "en-a"]);
  assert.deepEqual(russian?.newsPages.map(({ url, items }) => [url, items.map(({ headline }) => headline)]), [["/ru/all/", ["ru-b", "ru-a"]]]);
  assert.deepEqual(russian?.topics.map(({ name, url, stories: tagged }) => [name, url, tagged.length]), [
    // Sorted as Russian sorts: Cyrillic before Latin.
    ["Дипломатия", "/ru/topics/diplomatiya/", 2],
    ["Diplomacy", "/ru/topics/diplomacy/", 1],
  ]);
  assert.deepEqual(russian?.archive.years, [{ title: "2013", url: "/ru/archive/2013/", count: 2 }]);
  const views = pageViews(newsroom, site);
  assert.deepEqual(views.stories.find(({ url }) => url === "/ru/news/ru-b.html")?.related.map(({ headline }) => headline), ["ru-a"]);
  const russianFeed = newsroom.files.find(({ url }) => url === "/ru/feed.json")?.text ?? "";
  assert.deepEqual((JSON.parse(russianFeed) as { items: { url: string }[] }).items.map(({ url }) => url), ["https://example.org/news/ru/news/ru-b.html", "https://example.org/news/ru/news/ru-a.html"]);
  assert.match(russianFeed, /"language": "ru"/);
  assert.deepEqual(views.news.map(({ url, edition, title }) => [url, edition, title]), [["/all/", "en", "All news"], ["/ru/all/", "ru", "Все новости"]]);
  assert.deepEqual(
    views.front.map(({ url, edition, lead, top }) => [url, edition, lead?.headline, top.map(({ headline }) => headline)]),
    [
      ["/", "en", "en-b", ["en-a"]],
      ["/ru/", "ru", "ru-b", ["ru-a"]],
    ],
  );
  assert.deepEqual(views.topicIndexes.map(({ url, topics }) => [url, topics.length]), [["/topics/", 1], ["/ru/topics/", 2]]);
});

test("a story and its translation link each other: language switch, alternates, JSON-LD and sitemap", () => {
  const original = storyView("talks", "2013-09-02", [], 12);
  const translation = { ...storyView("peregovory", "2013-09-02", [], 10, ru), translationOf: { stem: original.stem, path: "talks.md", line: 9 } };
  const alone = storyView("only-ru", "2013-03-07", [], 10, ru);
  const newsroom = buildNewsroom(collected([original, translation, alone]), site, build);
  const views = pageViews(newsroom, site);
  const page = (url: string) => views.stories.find((view) => view.url === url)!;
  assert.deepEqual(page("/news/talks.html").languages, [{ url: "/ru/news/peregovory.html", hreflang: "ru", name: "Русский", dir: "ltr", label: "Read in Russian" }]);
  assert.deepEqual(page("/ru/news/peregovory.html").languages, [{ url: "/news/talks.html", hreflang: "en", name: "English", dir: "ltr", label: "Читать на английском" }]);
  assert.deepEqual(page("/ru/news/only-ru.html").languages, [{ url: "/", hreflang: "en", name: "English", dir: "ltr", label: "Английская версия" }], "no translation: the other edition's front page");
  // "Read in" only where the page is translated; every other page leads to the other edition, and says so.
  const labels = (list: { languages: { label: string }[] }[]) => list.map(({ languages: [link] }) => link?.label);
  assert.deepEqual(labels(views.news), ["Russian edition", "Английская версия"]);
  assert.deepEqual(views.news.map(({ languages }) => languages[0]?.url), ["/ru/all/", "/all/"], "All news leads to the other edition's All news");
  assert.deepEqual(labels(views.front), ["Russian edition", "Английская версия"]);
  assert.deepEqual(views.front.map(({ languages }) => languages[0]?.url), ["/ru/", "/"]);
  assert.deepEqual(labels(views.topicIndexes), ["Russian edition", "Английская версия"]);
  assert.deepEqual(labels(views.archiveIndexes), ["Russian edition", "Английская версия"]);
  assert.deepEqual(page("/ru/news/peregovory.html").alternates, [
    { hreflang: "en", href: "https://example.org/news/news/talks.html" },
    { hreflang: "ru", href: "https://example.org/news/ru/news/peregovory.html" },
    { hreflang: "x-default", href: "https://example.org/news/news/talks.html" },
  ]);
  assert.deepEqual(page("/ru/news/only-ru.html").alternates, []);
  const graph = (url: string) => (JSON.parse(page(url).structuredData) as { "@graph": Record<string, unknown>[] })["@graph"][0]!;
  assert.deepEqual([graph("/ru/news/peregovory.html")["inLanguage"], (graph("/ru/news/peregovory.html")["translationOfWork"] as { url: string }).url], ["ru", "https://example.org/news/news/talks.html"]);
  assert.deepEqual((graph("/news/talks.html")["workTranslation"] as { url: string }[]).map(({ url }) => url), ["https://example.org/news/ru/news/peregovory.html"]);
  const sitemap = newsroom.files.find(({ url }) => url === "/sitemaps/2013-09.xml")?.text ?? "";
  assert.match(sitemap, /<loc>https:\/\/example\.org\/news\/news\/talks\.html<\/loc><lastmod>[^<]+<\/lastmod><xhtml:link rel="alternate" hreflang="en" href="https:\/\/example\.org\/news\/news\/talks\.html"\/>/);
  // The same archive day in the other edition where it has stories there; else its All news.
  const archive = (url: string) => views.archive.find((view) => view.url === url)!.languages[0]?.url;
  assert.equal(archive("/archive/2013/09/02/"), "/ru/archive/2013/09/02/");
  assert.equal(archive("/ru/archive/2013/03/07/"), "/");
  assert.deepEqual(views.topicIndexes.map(({ languages }) => languages[0]?.url), ["/ru/topics/", "/topics/"]);
  assert.deepEqual(views.archiveIndexes.map(({ languages }) => languages[0]?.url), ["/ru/archive/", "/archive/"]);
});

test("a withdrawn Russian story's notice is in Russian, and its switch leads to the English All news", () => {
  const withdrawnAt = { datetime: "2013-09-04T10:00:00+04:00", display: "4 сентября 2013 г., 10:00 MSK", iso: "2013-09-04T10:00:00+04:00", day: "2013-09-04", epochMs: Date.parse("2013-09-04T06:00:00Z") };
  const notice: WithdrawnView = { url: "/ru/news/2013/09/04/otozvano.html", file: "src/news/ru/otozvano.md", stem: "/news/ru/otozvano", edition: "ru", state: "withdrawn", source: "ИТАР-ТАСС", withdrawn: withdrawnAt };
  const [view] = pageViews(buildNewsroom(collected([], NO_PROBLEMS, [notice]), site, build), site).withdrawn;
  assert.deepEqual([view?.edition, view?.description, view?.languages], [
    "ru",
    "ИТАР-ТАСС отозвал это сообщение 4 сентября 2013 г., 10:00 MSK.",
    [{ url: "/", hreflang: "en", name: "English", dir: "ltr", label: "Английская версия" }],
  ]);
});

/** A story view whose byline names these authors, in its edition. */
const bylined = (slug: string, day: string, names: string[], edition = { lang: "en", path: "" }, authors: AuthorSettings[] = []) => ({
  ...storyView(slug, day, [], 12, edition),
  authors: names.map((name) => authorRef(name, authors, edition.path)),
});

test("each author has pages in their stories' edition, paginated as a topic's, with feeds and sitemap entries of their own", () => {
  const stories = [
    ...Array.from({ length: 45 }, (_, index) => bylined(`s${index}`, `2013-09-${String(30 - Math.floor(index / 2)).padStart(2, "0")}`, ["Ann Smith"])),
    bylined("both", "2013-09-01", ["Bo Li", "Ann Smith"]),
    bylined("ru", "2013-09-01", ["Анна Смирнова"], { lang: "ru", path: "ru/" }),
  ].sort((a, b) => b.published.epochMs - a.published.epochMs);
  const newsroom = buildNewsroom(collected(stories), site, build);
  const [english, russian] = newsroom.editions;
  assert.deepEqual(english?.authors.map(({ name, url, stories: own }) => [name, url, own.length]), [["Ann Smith", "/authors/ann-smith/", 46], ["Bo Li", "/authors/bo-li/", 1]]);
  assert.deepEqual(russian?.authors.map(({ name, url }) => [name, url]), [["Анна Смирнова", "/ru/authors/anna-smirnova/"]]);
  // The topics' pagination: content-defined later pages under page/<day>-<hash>/, the first page holding at least a page's worth.
  const annPages = english!.authorPages.filter(({ author }) => author.slug === "ann-smith");
  assert.deepEqual(annPages.map(({ url }) => url), paginate(english!.authors[0]!.stories, site.pageSize, (key) => listPageUrl("/authors/ann-smith/", key)).map(({ url }) => url));
  assert.ok(annPages.length > 1 && annPages.slice(1).every(({ url }) => /^\/authors\/ann-smith\/page\/2013-09-\d\d-[0-9a-f]{8}\/$/.test(url)));
  assert.deepEqual(annPages[0]?.feedLinks.map(({ href, title }) => [href, title]), [
    ["/authors/ann-smith/feed.xml", "Ann Smith | Wire Desk (RSS)"],
    ["/authors/ann-smith/atom.xml", "Ann Smith | Wire Desk (Atom)"],
    ["/authors/ann-smith/feed.json", "Ann Smith | Wire Desk (JSON Feed)"],
  ]);
  const files = newsroom.files.map(({ url }) => url);
  for (const feed of ["/authors/ann-smith/feed.xml", "/authors/bo-li/atom.xml", "/ru/authors/anna-smirnova/feed.json"]) assert.ok(files.includes(feed), feed);
  assert.match(newsroom.files.find(({ url }) => url === "/ru/authors/anna-smirnova/feed.xml")?.text ?? "", /<title>Анна Смирнова \| Wire Desk<\/title>/);
  const pagesSitemap = newsroom.files.find(({ url }) => url === "/pages-sitemap.xml")?.text ?? "";
  for (const { url } of annPages) assert.ok(pagesSitemap.includes(`<loc>https://example.org/news${url}</loc>`), url);

  const views = pageViews(newsroom, site);
  const [first, second] = views.authors.filter(({ author }) => author.url === "/authors/ann-smith/");
  assert.deepEqual([first?.title, first?.summary, first?.description], ["Ann Smith", "46 stories", "Stories by Ann Smith on Wire Desk."]);
  assert.equal(second?.summary, undefined, "only the first page counts the stories");
  assert.match(second?.period ?? "", /^September 1\D+19, 2013$/);
  assert.equal(second?.title, `Ann Smith, ${second?.period}`, "a later page is titled by its stories' days, as a topic's");
  const ru = views.authors.find(({ edition }) => edition === "ru");
  assert.deepEqual([ru?.title, ru?.summary, ru?.description], ["Анна Смирнова", "1 новость", "Материалы автора Анна Смирнова на сайте Wire Desk."]);
});

test("a name spelt two ways is two authors unless the settings join them; two authors on one URL join the report's errors", () => {
  const stories = [bylined("b", "2013-09-03", ["A. Smith"]), bylined("a", "2013-09-02", ["Ann Smith"])];
  assert.deepEqual(buildNewsroom(collected(stories), site, build).editions[0]?.authors.map(({ url }) => url), ["/authors/a-smith/", "/authors/ann-smith/"]);
  const listed = [{ name: "Ann Smith", also: ["A. Smith"] }];
  const joined = [bylined("b", "2013-09-03", ["A. Smith"], undefined, listed), bylined("a", "2013-09-02", ["Ann Smith"], undefined, listed)];
  assert.deepEqual(buildNewsroom(collected(joined), site, build).editions[0]?.authors.map(({ name, url, stories: own }) => [name, url, own.length]), [["Ann Smith", "/authors/ann-smith/", 2]]);
  const clash = buildNewsroom(collected([bylined("b", "2013-09-03", ["José Díaz"]), bylined("a", "2013-09-02", ["Jose Diaz"])]), site, build);
  assert.deepEqual(clash.report.errors.map(({ file, line, field, code, message }) => [file, line, field, code, message]), [
    [
      "src/news/b.md",
      1,
      "by",
      "WD158",
      '"José Díaz" and "Jose Diaz" (in src/news/a.md) would share the author page /authors/jose-diaz/ (expected one spelling for one author, or a settings entry that makes them one: authors: [{ name: "…", also: ["…"] }])',
    ],
  ]);
  // At the by line, where the story's view knows it (a story read from its file does).
  const placed = buildNewsroom(collected([{ ...bylined("b", "2013-09-03", ["José Díaz"]), fieldPlaces: { by: { file: "src/news/b.11tydata.json", line: 6 } } }, bylined("a", "2013-09-02", ["Jose Diaz"])]), site, build);
  assert.deepEqual(placed.report.errors.map(({ file, line, field }) => [file, line, field]), [["src/news/b.11tydata.json", 6, "by"]]);
});

test("each edition's 404 page lists its own newest headlines, at most ten, newest first, in its folder", () => {
  const english = Array.from({ length: 12 }, (_, day) => storyView(`en-${day + 1}`, `2013-09-${String(day + 1).padStart(2, "0")}`));
  const russian = [storyView("ru-old", "2013-09-01", [], 10, ru), storyView("ru-new", "2013-09-03", [], 10, ru)];
  const views = pageViews(buildNewsroom(collected([...english, ...russian].sort((a, b) => b.published.epochMs - a.published.epochMs)), site, build), site);
  assert.deepEqual(
    views.notFound.map(({ url, edition, latest }) => [url, edition, latest.map(({ headline }) => headline)]),
    [
      ["/404.html", "en", ["en-12", "en-11", "en-10", "en-9", "en-8", "en-7", "en-6", "en-5", "en-4", "en-3"]],
      ["/ru/404.html", "ru", ["ru-new", "ru-old"]],
    ],
  );
  // Its switch leads to the other edition's front page, worded in the page's own language.
  assert.deepEqual(views.notFound[1]?.languages, [{ url: "/", hreflang: "en", name: "English", dir: "ltr", label: "Английская версия" }]);
  // A headline as the front page's lists print it: what the headline list shows, none of the story's text.
  assert.deepEqual(views.notFound[1]?.latest[0], {
    url: "/ru/news/ru-new.html",
    headline: "ru-new",
    description: "ru-new lead",
    place: "MOSCOW",
    state: "published",
    sample: false,
    lang: undefined,
    dir: undefined,
    photo: undefined,
    byline: [],
    published: { datetime: "2013-09-03T10:00:00Z", display: "2013-09-03" },
  });
});

test("the headlines of the 404 pages are theirs alone: no view every page shares holds them", () => {
  const newsroom = buildNewsroom(collected([storyView("only-here", "2013-09-02")]), site, build);
  assert.deepEqual(pageViews(newsroom, site).notFound[0]?.latest.map(({ headline }) => headline), ["only-here"]);
  assert.doesNotMatch(JSON.stringify(editionViews(newsroom)), /only-here/);
  // An edition with no story yet lists none, and says what every 404 page says.
  assert.deepEqual(pageViews(buildNewsroom(collected([]), site, build), site).notFound.map(({ url, latest }) => [url, latest]), [
    ["/404.html", []],
    ["/ru/404.html", []],
  ]);
});

test("the front page's lead and top stories carry their bylines, as every list of stories prints them", () => {
  const byline = [{ text: "By " }, { text: "Ann Smith", url: "/authors/ann-smith/" }];
  const stories = [{ ...storyView("lead-story", "2013-09-03"), byline }, { ...storyView("second", "2013-09-02"), byline }];
  const views = pageViews(buildNewsroom(collected(stories), site, build), site);
  assert.deepEqual([views.front[0]?.lead?.byline, views.front[0]?.top[0]?.byline], [byline, byline]);
});

test("a kept story's page view is made once, and made again when its related stories, its translations or the settings change", () => {
  // Stories the dev server keeps between its rebuilds are frozen and shared by them.
  const stories = [storyView("story", "2013-09-06", ["Korea"]), storyView("shared", "2013-09-04", ["Korea"])].map((story) => deepFreeze(story));
  const viewOf = (list: ArticleView[], settings = site) => pageViews(buildNewsroom(collected(list), settings, build), settings).stories.find(({ url }) => url === "/news/story.html");
  const first = viewOf(stories);
  assert.equal(viewOf(stories), first, "the same story, the same parts, the same settings' content: the same view");
  assert.equal(viewOf(stories, structuredClone(site)), first, "settings read again to the same content");
  assert.ok(Object.isFrozen(first));

  const renamed = deepFreeze({ ...stories[1]!, headline: "shared, renamed" });
  assert.deepEqual(viewOf([stories[0]!, renamed])?.related.map(({ headline }) => headline), ["shared, renamed"]);
  const translated = deepFreeze({ ...storyView("story-ru", "2013-09-06", [], 10, ru), translationOf: { stem: stories[0]!.stem, path: "story.md", line: 9 } });
  assert.deepEqual(viewOf([...stories, translated])?.alternates.map(({ hreflang }) => hreflang), ["en", "ru", "x-default"]);
  const renamedSite = viewOf(stories, { ...site, name: "Other Wire" })?.metadata.meta;
  assert.ok(renamedSite?.some((tag) => tag.content === "Other Wire"), JSON.stringify(renamedSite));
  // A story not kept (a build of its own) is never held: its view is made afresh.
  const fresh = [storyView("story", "2013-09-06", ["Korea"])];
  assert.notEqual(viewOf(fresh), viewOf(fresh));
  // Nor does the plan hold it: it holds the way to make it, asked when the page is hashed and when it is rendered.
  const [planned] = plannedViews(buildNewsroom(collected(fresh), site, build), site).stories;
  assert.deepEqual(Object.keys(planned!), ["url", "article", "view", "madeFrom"]);
  assert.notEqual(planned!.view(), planned!.view());
  assert.deepEqual(planned!.view(), planned!.view());
});

test("a list page of kept stories is made once, and made again when a story on it changes, or the other edition gains its period", () => {
  const stories = [storyView("story", "2013-09-06", ["Korea"]), storyView("shared", "2013-09-04", ["Korea"]), storyView("other", "2013-09-04", ["Sport"])].map((story) => deepFreeze(story));
  const viewsOf = (list: ArticleView[]) => pageViews(buildNewsroom(collected(list), site, build), site);
  const page = <T extends { url: string }>(views: readonly T[], url: string) => views.find((view) => view.url === url);
  const first = viewsOf(stories);
  const again = viewsOf(stories);
  assert.equal(page(again.news, "/all/"), page(first.news, "/all/"));
  assert.equal(page(again.topics, "/topics/korea/"), page(first.topics, "/topics/korea/"));
  assert.equal(page(again.archive, "/archive/2013/09/04/"), page(first.archive, "/archive/2013/09/04/"));

  const renamed = [stories[0]!, deepFreeze({ ...stories[1]!, headline: "shared, renamed" }), stories[2]!];
  const edited = viewsOf(renamed);
  assert.deepEqual(page(edited.news, "/all/")?.items.map(({ headline }) => headline), ["story", "shared, renamed", "other"]);
  assert.deepEqual(page(edited.archive, "/archive/2013/09/04/")?.stories.map(({ headline }) => headline), ["shared, renamed", "other"]);
  assert.equal(page(edited.topics, "/topics/sport/"), page(first.topics, "/topics/sport/"), "a list the edit does not reach is kept");
  assert.match(page(viewsOf([stories[0]!, stories[1]!, deepFreeze({ ...stories[2]!, topics: [...stories[2]!.topics, ...stories[0]!.topics] })]).topics, "/topics/korea/")?.summary ?? "", /^3 /);
  // The other edition's September 2013, once it has stories, is where the month's switch leads.
  const russian = deepFreeze(storyView("ru-story", "2013-09-05", [], 10, ru));
  assert.equal(page(viewsOf([...stories, russian]).archive, "/archive/2013/09/")?.languages[0]?.url, "/ru/archive/2013/09/");
  assert.notEqual(page(viewsOf(stories).archive, "/archive/2013/09/")?.languages[0]?.url, "/ru/archive/2013/09/");
});
