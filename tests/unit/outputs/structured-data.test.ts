import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "node-html-parser";
import { articleJsonLd, articleMetadata, serializeJsonLd, type JsonLd } from "../../../src/lib/outputs/structured-data.ts";
import { ALL_NEWS, site, story , english } from "../../support/story-views.ts";
import type { ArticleView } from "../../../src/lib/model/story-view.ts";

const STORY_URL = "https://example.github.io/newsroom/news/moscow-denuclearization-talks.html";
const PHOTO_URL = "https://example.github.io/newsroom/news/moscow-denuclearization-talks/photo.jpg";

test("a story's page describes it as a NewsArticle with its breadcrumb", () => {
  const seed = story({ updated: "2013-09-02T15:40" });
  assert.deepEqual(articleJsonLd(seed, site, english, ALL_NEWS), {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "NewsArticle",
        headline: seed.headline,
        description: seed.lead,
        datePublished: "2013-09-02T00:00:00+04:00",
        dateModified: "2013-09-02T15:40:00+04:00",
        dateline: "MOSCOW, September 2 (Itar-Tass) -",
        locationCreated: { "@type": "Place", name: "MOSCOW" },
        image: {
          "@type": "ImageObject",
          contentUrl: PHOTO_URL,
          url: PHOTO_URL,
          width: 1200,
          height: 800,
          caption: "Russia's Foreign Minister Sergei Lavrov",
          creditText: "Photo EPA/ITAR-TASS",
        },
        author: { "@type": "Organization", name: "Itar-Tass" },
        publisher: { "@type": "Organization", name: "Wire Desk", url: "https://example.github.io/newsroom/" },
        inLanguage: "en",
        keywords: ["North Korea", "Diplomacy"],
        mainEntityOfPage: STORY_URL,
        url: STORY_URL,
      },
      {
        "@type": "BreadcrumbList",
        itemListElement: [
          { "@type": "ListItem", position: 1, name: "All news", item: "https://example.github.io/newsroom/all/" },
          { "@type": "ListItem", position: 2, name: seed.headline, item: STORY_URL },
        ],
      },
    ],
  });
});

test("a photo's rights make it licensable: its photographer as creator, its copyright notice, licence and where to licence it", () => {
  const { photo } = story();
  assert.ok(photo);
  const rights = {
    creator: "Evan Vucci",
    agency: "Associated Press",
    copyright: "© 2013 The Associated Press",
    usageTerms: "Editorial use only",
    license: "https://www.ap.org/about/terms",
    licensePage: "https://newsroom.ap.org/",
  };
  const imageOf = (view: NonNullable<ArticleView["photo"]>) => ((articleJsonLd(story({ photo: view }), site, english, ALL_NEWS)["@graph"] as JsonLd[])[0]?.["image"] as JsonLd);
  assert.deepEqual(imageOf({ ...photo, credit: "AP Photo/Evan Vucci", ...rights }), {
    "@type": "ImageObject",
    contentUrl: PHOTO_URL,
    url: PHOTO_URL,
    width: 1200,
    height: 800,
    caption: "Russia's Foreign Minister Sergei Lavrov",
    creditText: "AP Photo/Evan Vucci",
    creator: { "@type": "Person", name: "Evan Vucci" },
    copyrightNotice: "© 2013 The Associated Press",
    license: "https://www.ap.org/about/terms",
    acquireLicensePage: "https://newsroom.ap.org/",
  });
  // No photographer named: the credit's agency is the creator; no field is printed empty.
  const agencyOnly = imageOf({ ...photo, credit: "AP", agency: "Associated Press" });
  assert.deepEqual(agencyOnly["creator"], { "@type": "Organization", name: "Associated Press" });
  assert.equal("copyrightNotice" in agencyOnly, false);
  const bare = imageOf(photo);
  assert.deepEqual(
    ["creator", "copyrightNotice", "license", "acquireLicensePage"].filter((name) => name in bare),
    [],
  );
});

test("the breadcrumb starts at the label above the headline: the story's main topic", () => {
  const graph = articleJsonLd(story(), site, english, { name: "North Korea", url: "/topics/north-korea/" })["@graph"] as JsonLd[];
  assert.deepEqual((graph[1]?.["itemListElement"] as JsonLd[])[0], { "@type": "ListItem", position: 1, name: "North Korea", item: "https://example.github.io/newsroom/topics/north-korea/" });
});

test("a story without photo or topics leaves image and keywords out; a correction modifies it", () => {
  const plain = story({ photo: null, tags: [], corrections: [{ date: "2013-09-03T09:30", text: "Fixed." }] });
  const [article] = articleJsonLd(plain, site, english, ALL_NEWS)["@graph"] as JsonLd[];
  assert.ok(article);
  assert.equal("image" in article, false);
  assert.equal("keywords" in article, false);
  assert.equal(article["dateModified"], "2013-09-03T09:30:00+04:00");
});

test("a headline cannot end the JSON-LD script or open a comment", () => {
  const headline = "Talks </script><script>alert(1)</script> <!-- & -->\u2028\u2029";
  const json = serializeJsonLd(articleJsonLd(story({ headline }), site, english, ALL_NEWS));
  assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
  const page = parse(`<head><script type="application/ld+json">${json}</script></head>`, { blockTextElements: { script: true } });
  const scripts = page.querySelectorAll("script");
  assert.equal(scripts.length, 1);
  const [article] = (JSON.parse(scripts[0]?.rawText ?? "") as { "@graph": JsonLd[] })["@graph"];
  assert.equal(article?.["headline"], headline);
});

test("the head's metadata: canonical URL, description, Open Graph and a large-image Twitter card", () => {
  const { canonical, description, meta } = articleMetadata(story({ updated: "2013-09-02T15:40" }), site, english);
  assert.equal(canonical, STORY_URL);
  assert.equal(description, story().lead);
  assert.deepEqual(meta, [
    { property: "og:type", content: "article" },
    { property: "og:title", content: story().headline },
    { property: "og:description", content: story().lead },
    { property: "og:url", content: STORY_URL },
    { property: "og:site_name", content: "Wire Desk" },
    { property: "og:locale", content: "en" },
    { property: "article:published_time", content: "2013-09-02T00:00:00+04:00" },
    { property: "article:modified_time", content: "2013-09-02T15:40:00+04:00" },
    { property: "article:section", content: "North Korea" },
    { property: "article:tag", content: "North Korea" },
    { property: "article:tag", content: "Diplomacy" },
    { property: "og:image", content: PHOTO_URL },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "800" },
    { property: "og:image:alt", content: "Sergei Lavrov at a lectern" },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: story().headline },
    { name: "twitter:description", content: story().lead },
    { name: "twitter:image", content: PHOTO_URL },
    { name: "twitter:image:alt", content: "Sergei Lavrov at a lectern" },
  ]);
});

test("without a photo the card is a summary with no image, and the section falls back to the site's name", () => {
  const { meta } = articleMetadata(story({ photo: null, tags: [] }), site, { lang: "en-GB" });
  const content = (key: string) => meta.filter((tag) => ("property" in tag ? tag.property : tag.name) === key).map((tag) => tag.content);
  assert.deepEqual(content("twitter:card"), ["summary"]);
  assert.deepEqual(content("article:section"), ["Wire Desk"]);
  assert.deepEqual(content("og:locale"), ["en_GB"]);
  assert.equal(meta.some((tag) => /image|article:tag/.test("property" in tag ? tag.property : tag.name)), false);
});

test("a story without a lead is described by its text's first sentence in its head and its JSON-LD", () => {
  const leadless = story({ lead: null, body: "The U.S. envoy arrived in Moscow on Monday. Talks begin today.\n" });
  const first = "The U.S. envoy arrived in Moscow on Monday.";
  const { description, meta } = articleMetadata(leadless, site, english);
  assert.equal(description, first);
  const content = (key: string) => meta.find((tag) => Object.values(tag).includes(key))?.content;
  assert.equal(content("og:description"), first);
  assert.equal(content("twitter:description"), first);
  const graph = articleJsonLd(leadless, site, english, ALL_NEWS)["@graph"] as JsonLd[];
  assert.equal(graph[0]!["description"], first);
});

test("a bylined story's authors are people, each with their page's address; the agency stays the author of one without a byline", () => {
  const [article] = articleJsonLd(story({ by: ["Ann Smith", "Bo Li"] }), site, english, ALL_NEWS)["@graph"] as JsonLd[];
  assert.deepEqual(article?.["author"], [
    { "@type": "Person", name: "Ann Smith", url: "https://example.github.io/newsroom/authors/ann-smith/" },
    { "@type": "Person", name: "Bo Li", url: "https://example.github.io/newsroom/authors/bo-li/" },
  ]);
  assert.deepEqual(article?.["publisher"], { "@type": "Organization", name: "Wire Desk", url: "https://example.github.io/newsroom/" });
});
