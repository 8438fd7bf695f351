import assert from "node:assert/strict";
import { test } from "node:test";
import { buildTopics, topicClashes } from "../../../src/lib/newsroom/topics.ts";
import { storyTopics, topicKey } from "../../../src/lib/model/topic-refs.ts";
import { addressSlug } from "../../../src/lib/model/urls.ts";
import { storyView } from "../../support/stories.ts";

test("case, spacing and Unicode form do not make a new topic", () => {
  assert.equal(topicKey("Korean Peninsula"), topicKey("korean  peninsula"));
  assert.equal(topicKey(" KOREAN\tPENINSULA "), "korean peninsula");
  assert.equal(topicKey("Cafe\u0301"), topicKey("Café"));
});

/** The slug of a story's topic of this name. */
const topicSlug = (name: string): string | undefined => storyTopics([name], "")[0]?.slug;

test("topic slugs are the addresses' slug rule: readable ASCII, other scripts transliterated", () => {
  assert.equal(topicSlug("Korean Peninsula"), "korean-peninsula");
  assert.equal(topicSlug("Café Müller"), addressSlug("Café Müller"));
  assert.equal(topicSlug("O’Brien’s cabinet"), "obriens-cabinet");
  assert.equal(topicSlug("São Paulo"), "sao-paulo");
  assert.equal(topicSlug("U.S.-Russia relations"), "u-s-russia-relations");
  assert.equal(topicSlug("Корейский полуостров"), "koreyskiy-poluostrov");
  assert.equal(topicSlug("Ядерное  РАЗОРУЖЕНИЕ"), "yadernoe-razoruzhenie");
  assert.equal(topicSlug("朝鮮半島"), "zhao-xian-ban-dao");
  assert.equal(topicSlug("Sochi 2014 Сочи"), "sochi-2014-sochi");
  assert.equal(topicSlug("🔥"), "topic");
});

test("two names that transliterate alike are a clash naming both stories", () => {
  const ru = { lang: "ru", path: "ru/" };
  const stories = [storyView("a", "2013-09-04", ["Сочи"], 12, ru), storyView("b", "2013-09-03", ["Сочи!"], 12, ru)];
  assert.deepEqual(topicClashes(buildTopics(stories, "ru")).map(({ file, message }) => [file, message]), [
    ["src/news/a.md", '"Сочи" and "Сочи!" (in src/news/b.md) would share the topic page /ru/topics/sochi/ (expected one spelling for one topic, or names that differ in more than accents and punctuation)'],
  ]);
});

test("a story lists each of its topics once, in the editor's order", () => {
  assert.deepEqual(storyTopics(["Diplomacy", "Korean Peninsula", "korean  peninsula"], "").map(({ name, url }) => [name, url]), [
    ["Diplomacy", "/topics/diplomacy/"],
    ["Korean Peninsula", "/topics/korean-peninsula/"],
  ]);
});

test("spellings of a topic make one page, under the spelling most stories use", () => {
  const stories = [
    storyView("c", "2013-09-04", ["korean  peninsula"]),
    storyView("b", "2013-09-03", ["Korean Peninsula", "Diplomacy"]),
    storyView("a", "2013-09-02", ["Korean Peninsula"]),
  ];
  const topics = buildTopics(stories, "en");
  assert.deepEqual(topics.map(({ name, url, stories }) => [name, url, stories.map(({ headline }) => headline)]), [
    ["Diplomacy", "/topics/diplomacy/", ["b"]],
    ["Korean Peninsula", "/topics/korean-peninsula/", ["c", "b", "a"]],
  ]);
  assert.equal(buildTopics([storyView("x", "2013-09-04", ["site help"]), storyView("y", "2013-09-03", ["Site help"])], "en")[0]?.name, "Site help");
});

test("two topics that would share a page are refused, naming both stories", () => {
  const stories = [storyView("a", "2013-09-04", ["U.S. politics"]), storyView("b", "2013-09-03", ["U S politics"])];
  const clashes = topicClashes(buildTopics(stories, "en"));
  assert.equal(clashes.length, 1);
  assert.equal(
    clashes[0]?.message,
    '"U.S. politics" and "U S politics" (in src/news/b.md) would share the topic page /topics/u-s-politics/ (expected one spelling for one topic, or names that differ in more than accents and punctuation)',
  );
  assert.equal(clashes[0]?.file, "src/news/a.md");
  assert.deepEqual(topicClashes(buildTopics([storyView("c", "2013-09-04", ["U.S. politics"])], "en")), []);
});

test("spellings that differ in accents or punctuation share a page and are refused, every spelling named", () => {
  const stories = [
    storyView("a", "2013-09-05", ["Café society"]),
    storyView("b", "2013-09-04", ["cafe society"]),
    storyView("c", "2013-09-03", ["Cafe-society"]),
    storyView("d", "2013-09-02", ["café  society"]),
  ];
  const topics = buildTopics(stories, "en");
  assert.deepEqual(topics.map(({ name, stories }) => [name, stories.length]), [["cafe society", 1], ["Café society", 2], ["Cafe-society", 1]]);
  assert.deepEqual(topicClashes(topics).map(({ file, message }) => [file, message]), [
    [
      "src/news/a.md",
      '"Café society", "cafe society" (in src/news/b.md) and "Cafe-society" (in src/news/c.md) would share the topic page /topics/cafe-society/ (expected one spelling for one topic, or names that differ in more than accents and punctuation)',
    ],
  ]);
});
