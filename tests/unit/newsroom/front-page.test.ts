import assert from "node:assert/strict";
import { test } from "node:test";
import { frontPage, frontPageStories } from "../../../src/lib/newsroom/front-page.ts";
import { buildTopics } from "../../../src/lib/newsroom/topics.ts";
import type { FrontPageSettings } from "../../../src/lib/model/site.ts";
import type { ArticleView } from "../../../src/lib/model/story-view.ts";
import { storyView } from "../../support/stories.ts";

const SETTINGS: FrontPageSettings = { recentDays: 2, topStories: 2, topicStories: 2, latestStories: 3, topics: {} };

const PHOTO: NonNullable<ArticleView["photo"]> = { url: "/news/p.jpg", width: 1200, height: 800, sources: [], alt: "A photo", credit: "Photo Agency" };

/** A story of the fixture's kind, on a day at an hour, with a priority and a photo when given. */
function ranked(slug: string, day: string, hour: number, facts: { priority?: number; photo?: boolean; tags?: string[] } = {}): ArticleView {
  return { ...storyView(slug, day, facts.tags ?? [], hour), ...(facts.priority === undefined ? {} : { priority: facts.priority }), ...(facts.photo ? { photo: PHOTO } : {}) };
}

const slugs = (stories: readonly ArticleView[]) => stories.map(({ headline }) => headline);


test("the lead and top stories follow priority, then newest; no priority counts as the middle, 5", () => {
  const stories = [
    ranked("newest", "2013-09-05", 18),
    ranked("routine", "2013-09-05", 12, { priority: 7 }),
    ranked("urgent", "2013-09-05", 9, { priority: 2 }),
    ranked("flash", "2013-09-04", 9, { priority: 1 }),
    ranked("plain", "2013-09-04", 8),
  ];
  const page = frontPage(stories, [], [], { ...SETTINGS, topStories: 3 });
  assert.equal(page.lead?.headline, "flash");
  assert.deepEqual(slugs(page.top), ["urgent", "newest", "plain"]);
  assert.deepEqual(slugs(page.latest), ["routine"]);
});

test("without any priority the newest story with a photo leads, then the newest stories follow", () => {
  const stories = [ranked("newest", "2013-09-05", 18), ranked("with-photo", "2013-09-05", 12, { photo: true }), ranked("older", "2013-09-04", 8, { photo: true })];
  const page = frontPage(stories, [], [], SETTINGS);
  assert.equal(page.lead?.headline, "with-photo");
  assert.deepEqual(slugs(page.top), ["newest", "older"]);
});

test("a photo wins the lead only among stories of the lead's priority: an editor's priority 1 leads without one", () => {
  const stories = [ranked("with-photo", "2013-09-05", 18, { photo: true }), ranked("flash", "2013-09-05", 12, { priority: 1 })];
  assert.equal(frontPage(stories, [], [], SETTINGS).lead?.headline, "flash");
});

test("with no recent photo the newest story leads: an older story's photo does not bring it back", () => {
  const stories = [ranked("newest", "2013-09-05", 18), ranked("older", "2013-09-04", 8), ranked("last-week", "2013-09-01", 8, { photo: true })];
  assert.equal(frontPage(stories, [], [], SETTINGS).lead?.headline, "newest");
});

test("a priority counts only while the story is recent: older than recentDays before the newest story, it ranks by date alone", () => {
  const stories = [ranked("today", "2013-09-10", 12), ranked("yesterday", "2013-09-09", 12), ranked("last-week", "2013-09-03", 12, { priority: 1 })];
  const page = frontPage(stories, [], [], SETTINGS);
  assert.equal(page.lead?.headline, "today");
  assert.deepEqual(slugs(page.top), ["yesterday", "last-week"]);
  assert.equal(frontPage(stories, [], [], { ...SETTINGS, recentDays: 7 }).lead?.headline, "last-week");
});

test("sections follow the settings' order, match a topic in any spelling, name it as the topic page does and leave out a topic no story has", () => {
  const stories = [
    ranked("lead", "2013-09-05", 18, { photo: true, tags: ["Markets"] }),
    ranked("m1", "2013-09-05", 12, { tags: ["Markets"] }),
    ranked("d1", "2013-09-05", 11, { tags: ["Diplomacy"] }),
    ranked("m2", "2013-09-05", 10, { tags: ["markets"] }),
    ranked("d2", "2013-09-05", 9, { tags: ["Diplomacy", "Markets"] }),
    ranked("m3", "2013-09-05", 8, { tags: ["Markets"] }),
    ranked("m4", "2013-09-05", 7, { tags: ["Markets"] }),
  ];
  const page = frontPage(stories, buildTopics(stories, "en"), ["Diplomacy", "Sport", "MARKETS"], { ...SETTINGS, topStories: 0 });
  assert.deepEqual(
    page.sections.map(({ topic, stories: own }) => [topic.name, topic.url, slugs(own)]),
    [
      ["Diplomacy", "/topics/diplomacy/", ["d1", "d2"]],
      ["Markets", "/topics/markets/", ["m1", "m2"]],
    ],
  );
});

test("a story is shown once: a top story is not repeated in its topic's section, which shows the topic's next stories", () => {
  const stories = [
    ranked("lead", "2013-09-05", 18, { photo: true, tags: ["Markets"] }),
    ranked("top-markets", "2013-09-05", 12, { tags: ["Markets"] }),
    ranked("top-other", "2013-09-05", 11),
    ranked("m2", "2013-09-05", 10, { tags: ["Markets"] }),
    ranked("m3", "2013-09-05", 9, { tags: ["Markets"] }),
    ranked("m4", "2013-09-05", 8, { tags: ["Markets"] }),
    ranked("other", "2013-09-05", 7),
  ];
  const page = frontPage(stories, buildTopics(stories, "en"), ["Markets"], SETTINGS);
  assert.deepEqual(slugs(page.top), ["top-markets", "top-other"]);
  assert.deepEqual(slugs(page.sections[0]!.stories), ["m2", "m3"]);
  assert.deepEqual(slugs(page.latest), ["m4", "other"]);
  const shown = slugs(frontPageStories(page));
  assert.deepEqual(shown, ["lead", "top-markets", "top-other", "m2", "m3", "m4", "other"]);
});

test("a section whose stories are all shown above is left out", () => {
  const stories = [ranked("lead", "2013-09-05", 18, { tags: ["Markets"] }), ranked("top", "2013-09-05", 12, { tags: ["Markets"] }), ranked("other", "2013-09-05", 11)];
  const page = frontPage(stories, buildTopics(stories, "en"), ["Markets"], SETTINGS);
  assert.deepEqual(page.sections, []);
  assert.deepEqual(slugs(page.top), ["top", "other"]);
});

test("an edition with no story has an empty front page, and one with a single story has only its lead", () => {
  assert.deepEqual(frontPage([], [], ["Markets"], SETTINGS), { top: [], sections: [], latest: [] });
  const only = ranked("only", "2013-09-05", 12);
  assert.deepEqual(frontPage([only], [], [], SETTINGS), { lead: only, top: [], sections: [], latest: [] });
});
