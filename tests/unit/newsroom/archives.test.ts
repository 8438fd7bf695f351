import assert from "node:assert/strict";
import { test } from "node:test";
import { buildArchive } from "../../../src/lib/newsroom/archives.ts";
import { archiveLinks } from "../../../src/lib/model/urls.ts";
import { storyView } from "../../support/stories.ts";
import { english, russian } from "../../support/story-views.ts";

test("a story's calendar day links to its day, month and year", () => {
  assert.deepEqual(archiveLinks("2013-09-02", ""), { year: "/archive/2013/", month: "/archive/2013/09/", day: "/archive/2013/09/02/" });
});

test("there is one page per year, month and day that has stories, newest first", () => {
  const stories = [storyView("c", "2014-01-05"), storyView("b2", "2013-09-02", [], 18), storyView("b1", "2013-09-02", [], 9), storyView("a", "2013-08-30")];
  const archive = buildArchive(stories, english);
  assert.deepEqual(archive.years, [
    { title: "2014", url: "/archive/2014/", count: 1 },
    { title: "2013", url: "/archive/2013/", count: 3 },
  ]);
  assert.deepEqual(archive.pages.map(({ kind, title, url, stories }) => `${kind} ${title} ${url} ${stories.length}`), [
    "year 2014 /archive/2014/ 1",
    "month January 2014 /archive/2014/01/ 1",
    "day January 5, 2014 /archive/2014/01/05/ 1",
    "year 2013 /archive/2013/ 3",
    "month September 2013 /archive/2013/09/ 2",
    "day September 2, 2013 /archive/2013/09/02/ 2",
    "month August 2013 /archive/2013/08/ 1",
    "day August 30, 2013 /archive/2013/08/30/ 1",
  ]);
  const [, , , year2013, september, day] = archive.pages;
  assert.deepEqual(year2013?.periods.map(({ title }) => title), ["September 2013", "August 2013"]);
  assert.deepEqual(september?.periods, [{ title: "September 2, 2013", url: "/archive/2013/09/02/", count: 2 }]);
  assert.deepEqual(day?.stories.map(({ headline }) => headline), ["b2", "b1"]);
  assert.deepEqual(day?.crumbs.map(({ title }) => title), ["Archive", "2013", "September 2013"]);
});

test("an empty site has an empty archive", () => {
  assert.deepEqual(buildArchive([], english), { url: "/archive/", years: [], pages: [] });
});

test("the Russian edition's archive is under ru/, its periods named in Russian", () => {
  const ru = { lang: "ru", path: "ru/" };
  const archive = buildArchive([storyView("b", "2013-09-02", [], 12, ru), storyView("a", "2013-03-07", [], 12, ru)], russian);
  assert.equal(archive.url, "/ru/archive/");
  assert.deepEqual(archive.pages.map(({ title, url }) => `${title} ${url}`), [
    "2013 /ru/archive/2013/",
    "Сентябрь 2013 г. /ru/archive/2013/09/",
    "2 сентября 2013 г. /ru/archive/2013/09/02/",
    "Март 2013 г. /ru/archive/2013/03/",
    "7 марта 2013 г. /ru/archive/2013/03/07/",
  ]);
  assert.deepEqual(archive.pages[2]?.crumbs.map(({ title }) => title), ["Архив", "2013", "Сентябрь 2013 г."]);
  // A month's title starts with a capital; a sentence ("Новости за …") names it as Russian writes it.
  assert.equal(archive.pages[1]?.period, "сентябрь 2013 г.");
});

test("a day's page links the nearest later and earlier days with stories, skipping days without", () => {
  const archive = buildArchive([storyView("c", "2014-01-05"), storyView("b", "2013-09-02"), storyView("a", "2013-08-30")], english);
  const days = archive.pages.filter(({ kind }) => kind === "day").map(({ title, later, earlier }) => [title, later, earlier]);
  assert.deepEqual(days, [
    ["January 5, 2014", undefined, { title: "September 2, 2013", url: "/archive/2013/09/02/" }],
    ["September 2, 2013", { title: "January 5, 2014", url: "/archive/2014/01/05/" }, { title: "August 30, 2013", url: "/archive/2013/08/30/" }],
    ["August 30, 2013", { title: "September 2, 2013", url: "/archive/2013/09/02/" }, undefined],
  ]);
  assert.ok(archive.pages.filter(({ kind }) => kind !== "day").every((page) => page.later === undefined && page.earlier === undefined), "only days link days");
});
