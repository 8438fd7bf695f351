import assert from "node:assert/strict";
import { test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { atomFeed, authorFeedChannel, feedLinks, jsonFeed, rssFeed, siteFeedChannel, topicFeedChannel } from "../../../src/lib/outputs/feeds.ts";
import { storyTopics } from "../../../src/lib/model/topic-refs.ts";
import { english, site, story } from "../../support/story-views.ts";

const REPEATED = ["item", "entry", "category", "atom:link"];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // Atom's <link> repeats; RSS's channel and item <link> do not.
  isArray: (name, path) => REPEATED.includes(name) || (name === "link" && String(path).startsWith("feed")),
});

/** A feed parsed after checking it is well-formed XML. */
function parseXml(xml: string): Record<string, any> {
  assert.equal(XMLValidator.validate(xml), true, xml);
  return parser.parse(xml) as Record<string, any>;
}

interface JsonFeedDoc {
  version: string;
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: Record<string, unknown>[];
}

const channel = siteFeedChannel(site, english);
const seed = story({ body: "Moscow hopes for talks. See [the map](moscow-denuclearization-talks/map.png).\n\nSecond paragraph.\n" });
const STORY_URL = "https://example.github.io/newsroom/news/moscow-denuclearization-talks.html";
const PHOTO_URL = "https://example.github.io/newsroom/news/moscow-denuclearization-talks/photo.jpg";

test("RSS 2.0 carries the channel and a full item for the seed story", () => {
  const rss = parseXml(rssFeed(channel, [seed], site, english)).rss;
  assert.equal(rss["@version"], "2.0");
  const { title, link, description, language, lastBuildDate, item } = rss.channel;
  assert.deepEqual([title, link, description, language], ["Wire Desk", "https://example.github.io/newsroom/", english.strings.description, "en"]);
  assert.equal(rss.channel["atom:link"][0]["@href"], "https://example.github.io/newsroom/feed.xml");
  assert.equal(lastBuildDate, "Mon, 02 Sep 2013 00:00:00 +0400");
  const [entry] = item;
  assert.equal(entry.title, seed.headline);
  assert.equal(entry.link, STORY_URL);
  assert.equal(entry.guid["@isPermaLink"], "false");
  assert.match(entry.guid["#text"], /^urn:uuid:/);
  assert.equal(entry.pubDate, "Mon, 02 Sep 2013 00:00:00 +0400");
  assert.equal(entry["dc:creator"], "Itar-Tass");
  assert.deepEqual(entry.category, ["North Korea", "Diplomacy"]);
  assert.equal(entry.description, seed.lead);
  const media = entry["media:content"];
  assert.deepEqual([media["@url"], media["@type"], media["@width"], media["@height"]], [PHOTO_URL, "image/jpeg", "1200", "800"]);
  assert.equal(media["media:title"]["#text"], "Sergei Lavrov at a lectern");
  assert.equal(media["media:description"]["#text"], "Russia's Foreign Minister Sergei Lavrov");
  assert.equal(media["media:credit"], "Photo EPA/ITAR-TASS");
});

test("the content is the page's: photo, dateline opening the first paragraph, absolute URLs", () => {
  const html: string = parseXml(rssFeed(channel, [seed], site, english)).rss.channel.item[0]["content:encoded"];
  assert.match(html, new RegExp(`^<figure><img src="${PHOTO_URL}" alt="Sergei Lavrov at a lectern" width="1200" height="800">`));
  assert.match(html, /<figcaption>Russia's Foreign Minister Sergei Lavrov\. <small>Photo EPA\/ITAR-TASS<\/small><\/figcaption>/);
  assert.match(html, /<p><span class="dateline"><span>MOSCOW,<\/span> <span>September 2<\/span> <span>\(Itar-Tass\) -<\/span><\/span> Moscow hopes for talks\./);
  assert.match(html, /href="https:\/\/example\.github\.io\/newsroom\/news\/moscow-denuclearization-talks\/map\.png"/);
});

test("the content's relative links and images are absolute against the story's URL, as a browser on its page resolves them", () => {
  const links = story({ body: "See [map](map.html), [all](../index.html#top), [note](#n1), [q](q.html?a=1&b=2) and ![chart](chart.png).\n\n[a](https://other.example/x) [m](mailto:desk@example.com)\n" });
  const html: string = parseXml(rssFeed(channel, [links], site, english)).rss.channel.item[0]["content:encoded"];
  const base = "https://example.github.io/newsroom/news/";
  for (const url of [`${base}map.html`, "https://example.github.io/newsroom/index.html#top", `${STORY_URL}#n1`, `${base}q.html?a=1&amp;b=2`, "https://other.example/x", "mailto:desk@example.com"]) {
    assert.ok(html.includes(`href="${url}"`), `${url} in ${html}`);
  }
  // An image beside the story is published from the site root (markdown.ts), which the feed makes absolute.
  assert.ok(html.includes(`src="https://example.github.io/newsroom/news/moscow-denuclearization-talks/chart.png"`), html);
});

test("the photo's caption and credit stay separate pieces in every format", () => {
  const photo = (caption?: string) => ({ ...story().photo!, caption, credit: "Photo dpa/Max Mustermann" });
  const friday = story({ photo: photo("Protesters outside the ministry on Friday") });
  const figcaption = "<figcaption>Protesters outside the ministry on Friday. <small>Photo dpa/Max Mustermann</small></figcaption>";
  const rssItem = parseXml(rssFeed(channel, [friday], site, english)).rss.channel.item[0];
  const atomEntry = parseXml(atomFeed(channel, [friday], site, english)).feed.entry[0];
  const jsonItem = (JSON.parse(jsonFeed(channel, [friday], site, english)) as JsonFeedDoc).items[0];
  for (const html of [rssItem["content:encoded"], atomEntry.content["#text"], jsonItem?.["content_html"]]) {
    assert.ok(String(html).includes(figcaption), String(html));
  }
  assert.equal(rssItem["media:content"]["media:description"]["#text"], "Protesters outside the ministry on Friday");
  assert.equal(rssItem["media:content"]["media:credit"], "Photo dpa/Max Mustermann");

  // A caption that already ends its sentence gets no second stop; a photo without one shows just the credit.
  const html = (caption?: string) => String(parseXml(rssFeed(channel, [story({ photo: photo(caption) })], site, english)).rss.channel.item[0]["content:encoded"]);
  assert.match(html('Lavrov asked: "Why now?"'), /<figcaption>Lavrov asked: &quot;Why now\?&quot; <small>/);
  assert.match(html("Talks in Moscow."), /<figcaption>Talks in Moscow\. <small>/);
  assert.match(html(undefined), /<figcaption><small>Photo dpa\/Max Mustermann<\/small><\/figcaption>/);
  assert.equal(parseXml(rssFeed(channel, [story({ photo: photo(undefined) })], site, english)).rss.channel.item[0]["media:content"]["media:description"], undefined);
});

test("corrections are carried into the content under a heading, and count as an update", () => {
  const corrected = story({ corrections: [{ date: "2013-09-03T09:30", text: "An earlier version misspelled the minister's name." }] });
  const atom = parseXml(atomFeed(channel, [corrected], site, english)).feed;
  const [entry] = atom.entry;
  assert.match(entry.content["#text"], /<h2>Correction<\/h2>\n<p><time datetime="2013-09-03T09:30:00\+04:00">September 3, 2013, 09:30 MSK<\/time>: An earlier version misspelled the minister's name\.<\/p>/);
  assert.equal(entry.published, "2013-09-02T00:00:00+04:00");
  assert.equal(entry.updated, "2013-09-03T09:30:00+04:00");
  assert.equal(atom.updated, "2013-09-03T09:30:00+04:00");
});

test("Atom 1.0 carries ids, times with offsets, categories, the enclosure and the links", () => {
  const atom = parseXml(atomFeed(channel, [story({ updated: "2013-09-02T15:40" }), story({ slug: "older", date: "2013-09-01", photo: null, tags: [] })], site, english)).feed;
  assert.equal(atom["@xmlns"], "http://www.w3.org/2005/Atom");
  assert.match(atom.id, /^urn:uuid:/);
  assert.equal(atom.title["#text"], "Wire Desk");
  assert.equal(atom.updated, "2013-09-02T15:40:00+04:00");
  assert.deepEqual(atom.link.map((link: Record<string, string>) => [link["@rel"], link["@href"]]), [
    ["alternate", "https://example.github.io/newsroom/"],
    ["self", "https://example.github.io/newsroom/atom.xml"],
  ]);
  const [first, second] = atom.entry;
  assert.equal(first.updated, "2013-09-02T15:40:00+04:00");
  assert.equal(first.author.name, "Itar-Tass");
  assert.deepEqual(first.category.map((c: Record<string, string>) => [c["@term"], c["@label"]]), [["north-korea", "North Korea"], ["diplomacy", "Diplomacy"]]);
  assert.deepEqual(first.link.map((link: Record<string, string>) => [link["@rel"], link["@href"], link["@type"]]), [
    ["alternate", STORY_URL, "text/html"],
    ["enclosure", PHOTO_URL, "image/jpeg"],
  ]);
  assert.equal(second.updated, "2013-09-01T00:00:00+04:00");
  assert.equal(second.category, undefined);
  assert.equal(second.link.length, 1);
});

test("JSON Feed says version 1.1 and carries every item field", () => {
  const feed = JSON.parse(jsonFeed(channel, [story({ updated: "2013-09-02T15:40" })], site, english)) as JsonFeedDoc;
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.equal(feed.feed_url, "https://example.github.io/newsroom/feed.json");
  assert.equal(feed.home_page_url, "https://example.github.io/newsroom/");
  assert.equal(feed.language, "en");
  const [item] = feed.items;
  assert.match(String(item?.["id"]), /^urn:uuid:/);
  assert.equal(item?.["url"], STORY_URL);
  assert.equal(item?.["image"], PHOTO_URL);
  assert.equal(item?.["date_published"], "2013-09-02T00:00:00+04:00");
  assert.equal(item?.["date_modified"], "2013-09-02T15:40:00+04:00");
  assert.deepEqual(item?.["authors"], [{ name: "Itar-Tass" }]);
  assert.deepEqual(item?.["tags"], ["North Korea", "Diplomacy"]);
  assert.match(String(item?.["content_html"]), /<span class="dateline"><span>MOSCOW,<\/span> <span>September 2<\/span> <span>\(Itar-Tass\) -<\/span><\/span>/);
});

test("ids and whole feeds are identical across builds, and ids survive a move to another domain", () => {
  const build = () => [rssFeed(channel, [story()], site, english), atomFeed(channel, [story()], site, english), jsonFeed(channel, [story()], site, english)];
  assert.deepEqual(build(), build());
  const moved = { ...site, url: "https://news.example.org/" };
  const idOf = (s: typeof site) => (JSON.parse(jsonFeed(siteFeedChannel(s, english), [story()], s, english)) as JsonFeedDoc).items[0]?.["id"];
  assert.equal(idOf(site), idOf(moved));
  assert.notEqual(idOf(site), (JSON.parse(jsonFeed(channel, [story({ slug: "other" })], site, english)) as JsonFeedDoc).items[0]?.["id"]);
});

test("a feed holds the newest feedSize stories", () => {
  const stories = ["2013-09-05", "2013-09-04", "2013-09-03"].map((date) => story({ slug: date, date }));
  const feed = JSON.parse(jsonFeed(channel, stories, { ...site, feedSize: 2 }, english)) as JsonFeedDoc;
  assert.deepEqual(feed.items.map((item) => item["date_published"]), ["2013-09-05T00:00:00+04:00", "2013-09-04T00:00:00+04:00"]);
  assert.equal(parseXml(rssFeed(channel, stories, { ...site, feedSize: 2 }, english)).rss.channel.item.length, 2);
});

test("markup and control characters in a story cannot break the XML", () => {
  const nasty = story({ headline: "Talks ]]> <b>resume</b> & \u0001end\u001b", lead: "A \u0000lead", body: "Text with ]]> and \u0007bell.\n" });
  for (const xml of [rssFeed(channel, [nasty], site, english), atomFeed(channel, [nasty], site, english)]) {
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    assert.match(xml, /Talks \]\]&gt; &lt;b&gt;resume&lt;\/b&gt; &amp; end/);
    parseXml(xml);
  }
  assert.equal(parseXml(rssFeed(channel, [nasty], site, english)).rss.channel.item[0].title, "Talks ]]> <b>resume</b> & end");
});

test("an empty feed is still a valid feed", () => {
  assert.equal(parseXml(atomFeed(channel, [], site, english)).feed.updated, "1970-01-01T00:00:00Z");
  assert.equal(parseXml(rssFeed(channel, [], site, english)).rss.channel.title, "Wire Desk");
  assert.deepEqual((JSON.parse(jsonFeed(channel, [], site, english)) as JsonFeedDoc).items, []);
});

test("a topic's feed lives in the topic's folder and names the topic", () => {
  const [korea] = storyTopics(["North Korea"], "");
  assert.ok(korea);
  const topic = topicFeedChannel(korea, site, english);
  assert.deepEqual(topic, {
    title: "North Korea | Wire Desk",
    description: "Stories on North Korea from Wire Desk.",
    page: "/topics/north-korea/",
    rss: "/topics/north-korea/feed.xml",
    atom: "/topics/north-korea/atom.xml",
    json: "/topics/north-korea/feed.json",
  });
  assert.equal(parseXml(rssFeed(topic, [seed], site, english)).rss.channel.link, "https://example.github.io/newsroom/topics/north-korea/");
  assert.deepEqual(feedLinks(topic).map(({ type, href }) => [type, href]), [
    ["application/rss+xml", "/topics/north-korea/feed.xml"],
    ["application/atom+xml", "/topics/north-korea/atom.xml"],
    ["application/feed+json", "/topics/north-korea/feed.json"],
  ]);
});

test("a story without a lead is summarised by its text's first sentence in every format", () => {
  const leadless = story({ lead: null, body: "The U.S. envoy arrived in Moscow on Monday. Talks begin today.\n" });
  const first = "The U.S. envoy arrived in Moscow on Monday.";
  assert.equal(parseXml(rssFeed(channel, [leadless], site, english)).rss.channel.item[0].description, first);
  assert.equal(parseXml(atomFeed(channel, [leadless], site, english)).feed.entry[0].summary["#text"], first);
  assert.equal((JSON.parse(jsonFeed(channel, [leadless], site, english)) as JsonFeedDoc).items[0]!["summary"], first);
});

test("a story in another language than its edition's says so in every format; the edition's own stories say nothing", () => {
  const arabic = { ...story({ slug: "arabic", headline: "استئناف المحادثات" }), lang: "ar", dir: "rtl" as const };
  const rss = parseXml(rssFeed(channel, [arabic, seed], site, english)).rss.channel.item;
  assert.deepEqual(rss.map((item: Record<string, unknown>) => item["dc:language"]), ["ar", undefined]);
  const atom = parseXml(atomFeed(channel, [arabic, seed], site, english)).feed.entry;
  assert.deepEqual(atom.map((entry: Record<string, unknown>) => entry["@xml:lang"]), ["ar", undefined]);
  const json = JSON.parse(jsonFeed(channel, [arabic, seed], site, english)) as JsonFeedDoc;
  assert.deepEqual(json.items.map((item) => item["language"]), ["ar", undefined]);
});

test("a lead keeps its quotes and apostrophes as typed in every format, by the body's rule", () => {
  const lead = `"We won't wait," the envoy said of Moscow's “new” offer`;
  const quoted = story({ lead, body: `"We won't wait," he said.\n` });
  assert.equal(parseXml(rssFeed(channel, [quoted], site, english)).rss.channel.item[0].description, lead);
  assert.equal(parseXml(atomFeed(channel, [quoted], site, english)).feed.entry[0].summary["#text"], lead);
  const item = (JSON.parse(jsonFeed(channel, [quoted], site, english)) as JsonFeedDoc).items[0]!;
  assert.equal(item["summary"], lead);
  assert.match(String(item["content_html"]), /&quot;We won't wait,&quot; he said\./);
});

test("a bylined story names each author in every format, with their page; a story without one names its agency", () => {
  const signed = story({ by: ["Ann Smith", "Bo Li"] });
  const rss = parseXml(rssFeed(channel, [signed], site, english)).rss;
  assert.match(rssFeed(channel, [signed], site, english), /<rss [^>]*xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
  assert.deepEqual(rss.channel.item[0]["dc:creator"], ["Ann Smith", "Bo Li"]);
  const atom = parseXml(atomFeed(channel, [signed], site, english)).feed;
  assert.deepEqual(atom.entry[0].author, [
    { name: "Ann Smith", uri: "https://example.github.io/newsroom/authors/ann-smith/" },
    { name: "Bo Li", uri: "https://example.github.io/newsroom/authors/bo-li/" },
  ]);
  assert.match(atomFeed(channel, [signed], site, english), /<author><name>Ann Smith<\/name><uri>https:\/\/example\.github\.io\/newsroom\/authors\/ann-smith\/<\/uri><\/author>/);
  const json = JSON.parse(jsonFeed(channel, [signed], site, english)) as JsonFeedDoc;
  assert.deepEqual(json.items[0]?.["authors"], [
    { name: "Ann Smith", url: "https://example.github.io/newsroom/authors/ann-smith/" },
    { name: "Bo Li", url: "https://example.github.io/newsroom/authors/bo-li/" },
  ]);
  // The agency has no page of its own here: its name alone.
  assert.deepEqual(parseXml(atomFeed(channel, [story()], site, english)).feed.entry[0].author, { name: "Itar-Tass" });
});

test("an author's feed is titled and described in the edition's words, beside the author's page", () => {
  const feed = authorFeedChannel({ name: "Ann Smith", url: "/authors/ann-smith/" }, site, english);
  assert.deepEqual(feed, {
    title: "Ann Smith | Wire Desk",
    description: "Stories by Ann Smith on Wire Desk.",
    page: "/authors/ann-smith/",
    rss: "/authors/ann-smith/feed.xml",
    atom: "/authors/ann-smith/atom.xml",
    json: "/authors/ann-smith/feed.json",
  });
});
