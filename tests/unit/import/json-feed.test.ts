import { test } from "node:test";
import assert from "node:assert/strict";
import { readJsonDialect } from "../../../src/lib/import/json-dialect.ts";
import type { WireRead } from "../../../src/lib/import/wire-item.ts";
import { AGENCIES } from "../../support/agencies.ts";

const PAGE = "https://harbour.example/2024/03/04/reopens/";

const feed = (items: unknown[], more: Record<string, unknown> = {}): WireRead | undefined =>
  readJsonDialect(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Harbour News", items, ...more }), "feed.json", AGENCIES);

const ITEM = { id: PAGE, url: PAGE, title: "Harbour reopens", content_html: "<p>The harbour reopened on Monday.</p>", date_published: "2024-03-04T09:00:00+01:00" };

test("a JSON Feed's items are stories: id, title, text, summary as the lead, dates, authors, tags, picture and language", () => {
  const read = feed(
    [
      {
        ...ITEM,
        summary: "Ships are back.",
        date_modified: "2024-03-04T11:30:00+01:00",
        authors: [{ name: "Ann Smith" }, { name: "Cy Wu", url: "https://harbour.example/cy" }],
        tags: ["Shipping", " Weather "],
        image: "https://harbour.example/quay.jpg",
        language: "en-GB",
      },
      // JSON Feed 1.0: one author, a number for an id, plain text.
      { id: 42, title: "Quay closed", content_text: "The quay is closed.", date_published: "2024-03-03T09:00:00Z", author: { name: "Tom Barton" } },
    ],
    { language: "en" },
  );
  assert.deepEqual(read?.problems, []);
  const [first, second] = read?.items ?? [];
  assert.equal(first?.format, "JSON Feed");
  assert.deepEqual(
    [first?.id, first?.headline, first?.lead, first?.body, first?.byline, first?.topics, first?.photo?.href, first?.lang, first?.source, first?.base],
    [PAGE, "Harbour reopens", "Ships are back.", { kind: "html", html: "<p>The harbour reopened on Monday.</p>" }, "Ann Smith, Cy Wu", ["Shipping", "Weather"], "https://harbour.example/quay.jpg", "en-GB", "Harbour News", PAGE],
  );
  assert.deepEqual([first?.released, first?.versionTime], [{ local: "2024-03-04T09:00:00", offset: "+01:00" }, { local: "2024-03-04T11:30:00", offset: "+01:00" }], "a modified item is a later version");
  assert.deepEqual([second?.id, second?.body, second?.byline, second?.lead, second?.lang], ["42", { kind: "text", text: "The quay is closed." }, "Tom Barton", undefined, "en"]);
  // Without an image, the first attachment that is a picture.
  const attachments = [{ url: "https://harbour.example/minutes.pdf", mime_type: "application/pdf" }, { url: "https://harbour.example/quay.jpg", mime_type: "image/jpeg" }, { url: "https://harbour.example/pier.jpg", mime_type: "image/jpeg" }];
  const [attached] = feed([{ ...ITEM, attachments }])?.items ?? [];
  assert.deepEqual([attached?.photo?.href, attached?.photo?.path], ["https://harbour.example/quay.jpg", "items[0].attachments[1].url"]);
});

test("the feed's closing line and an excerpt's tool-written close are left out, each named; a closing paragraph linking elsewhere is the story's", () => {
  const [item] =
    feed([
      {
        ...ITEM,
        summary: "The harbour reopened [\u2026]",
        content_html: `<p>The harbour reopened on Monday.</p><p>Read this story online: <a href="${PAGE}">${PAGE}</a></p>`,
      },
    ])?.items ?? [];
  assert.equal(item?.lead, "The harbour reopened");
  assert.deepEqual(item?.body, { kind: "html", html: "<p>The harbour reopened on Monday.</p>" });
  assert.deepEqual(item?.notes?.map((note) => `${note.field}: ${note.message}`), [
    'items[0].summary: warning: ignored: "[…]" at its end: added by the tool that published the feed, not the story\'s words',
    `items[0].content_html: warning: ignored: "Read this story online: ${PAGE}" at its end: added by the tool that published the feed, not the story's words`,
  ]);
  const elsewhere = `<p>The harbour reopened on Monday.</p><p>Timetables: <a href="https://ferries.example/times">ferries.example</a></p>`;
  const [kept] = feed([{ ...ITEM, content_html: elsewhere }])?.items ?? [];
  assert.deepEqual([kept?.body, kept?.notes], [{ kind: "html", html: elsewhere }, undefined]);
  // A sentence before the link is no label: the paragraph is the story's.
  const sentence = `<p>The harbour reopened.</p><p>The mayor wrote about it. See: <a href="${PAGE}">here</a></p>`;
  assert.deepEqual(feed([{ ...ITEM, content_html: sentence }])?.items[0]?.body, { kind: "html", html: sentence });
});

test("what the story has no use for is named: the page the item is about, a banner, custom fields, unknown properties", () => {
  const [item] = feed([{ ...ITEM, external_url: "https://council.example/notice", banner_image: "https://harbour.example/banner.jpg", _harbour: { paywall: false }, titel: "typo" }])?.items ?? [];
  assert.deepEqual(item?.notes?.map((note) => `${note.field}: ${note.message}`), [
    "items[0].titel: warning: ignored: not a property of JSON Feed; did you mean title?",
    "items[0]._harbour: warning: ignored: a custom field of the producer's",
    'items[0].external_url: warning: ignored: "https://council.example/notice": the page elsewhere the item is about, which the story does not link by itself',
    'items[0].banner_image: warning: ignored: "https://harbour.example/banner.jpg": a banner for the item\'s page, not its photo',
  ]);
  assert.equal(item?.photo, undefined);
});

test("an item without its id, title or text is refused, each missing field named in one run; a feed without items is one problem", () => {
  const read = feed([{ summary: "Only a summary." }]);
  assert.deepEqual(read?.items, []);
  assert.deepEqual(
    read?.refused?.flatMap(({ problems }) => problems.map(({ field, message, code }) => `${field}: ${message} [${code}]`)),
    [
      "items[0].id: missing (expected the item's id, the same for all its versions) [WD206]",
      "items[0].title: missing (expected the story's headline) [WD206]",
      "items[0].content_html: missing (expected the story's text as content_html or content_text) [WD206]",
    ],
  );
  assert.deepEqual(feed([])?.problems.map(({ field, message }) => `${field}: ${message}`), ["items: holds no items (expected the feed's stories, one an item)"]);
  // Not a JSON Feed: another version URL, or no items list.
  assert.equal(readJsonDialect(JSON.stringify({ version: "1.1", items: [] }), "feed.json", AGENCIES), undefined);
  assert.equal(readJsonDialect(JSON.stringify({ version: "https://jsonfeed.org/version/1.1" }), "feed.json", AGENCIES), undefined);
});
