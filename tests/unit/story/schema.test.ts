import assert from "node:assert/strict";
import { test } from "node:test";
import { parseStoryFields } from "../../../src/lib/story/schema.ts";

const valid = { title: "Headline", lead: "Lead.", date: "2013-09-02", dateline: "MOSCOW" };

function issuesOf(data: Record<string, unknown>): Record<string, string> {
  const result = parseStoryFields(data);
  return result.ok ? {} : Object.fromEntries(result.issues.map(({ field, message }) => [field, message]));
}

test("a story with the required fields parses, trimmed, ignoring the rest of the data cascade", () => {
  const result = parseStoryFields({ ...valid, title: "  Headline  ", page: { url: "/x" }, layout: "l.njk" });
  assert.deepEqual(result, { ok: true, fields: valid });
});

test("every missing required field is named with what was expected", () => {
  assert.deepEqual(issuesOf({}), {
    title: "missing (expected the headline)",
    lead: "missing (expected the standfirst: a sentence or two under the headline)",
    date: "missing (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)",
    dateline: "missing (expected the place as printed, e.g. MOSCOW)",
  });
});

test("wrong types and empty text say what was given", () => {
  const issues = issuesOf({ ...valid, title: "   ", lead: 42, dateline: null, tags: "Korea" });
  assert.equal(issues["title"], "empty (expected the headline)");
  assert.equal(issues["lead"], "got number 42 (expected the standfirst: a sentence or two under the headline)");
  assert.equal(issues["dateline"], "got an empty value (expected the place as printed, e.g. MOSCOW)");
  assert.equal(issues["tags"], 'got "Korea" (expected a list of topics)');
});

test("a timezone must be a real IANA zone", () => {
  assert.equal(
    issuesOf({ ...valid, timezone: "Moscow Time" })["timezone"],
    '"Moscow Time" is not a known time zone (expected an IANA name such as Europe/Moscow)',
  );
  assert.deepEqual(issuesOf({ ...valid, timezone: "Europe/Moscow" }), {});
});

test("a photo needs src, alt and credit; its good parts are kept for the other checks", () => {
  const result = parseStoryFields({ ...valid, photo: { src: "photo.jpg" } });
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.deepEqual(result.partial.photo, { src: "photo.jpg" });
  assert.deepEqual(Object.keys(issuesOf({ ...valid, photo: { src: "photo.jpg" } })), ["photo.alt", "photo.credit"]);
  assert.equal(issuesOf({ ...valid, photo: "photo.jpg" })["photo"], 'got "photo.jpg" (expected a photo with src, alt and credit)');
});

test("a photo must be an image format the site publishes", () => {
  const photo = { src: "photo.tiff", alt: "A", credit: "C" };
  assert.match(issuesOf({ ...valid, photo })["photo.src"] ?? "", /^"photo.tiff" is not a supported image/);
});

test("each bad topic is named by its place in the list", () => {
  assert.deepEqual(issuesOf({ ...valid, tags: ["Korea", 7, ""] }), {
    "tags.1": "got number 7 (expected a topic name)",
    "tags.2": "empty (expected a topic name)",
  });
});

test("the story's own unknown fields are named with the field meant; Eleventy's data is not the story's", () => {
  const issues = issuesOf({ ...valid, datline: "MOSCOW", photo: { src: "a.jpg", alt: "A", credit: "C", captoin: "x" }, page: {} });
  assert.equal(issues["photo.captoin"], "unknown field; did you mean caption?");
  const result = parseStoryFields({ ...valid, datline: "MOSCOW", permalink: "x.html", page: {} }, ["title", "lead", "date", "dateline", "datline", "permalink"]);
  assert.ok(!result.ok);
  assert.deepEqual(result.issues.map(({ field, message }) => `${field}: ${message.slice(0, 40)}`), [
    "datline: unknown field; did you mean dateline?",
    "permalink: unknown field (expected one of title, le",
  ]);
});

test("every text field is bounded and one line", () => {
  const issues = issuesOf({ ...valid, title: "x".repeat(201), dateline: "MOS\nCOW", tags: Array(21).fill("t") });
  assert.equal(issues["title"], "201 characters (expected at most 200: the headline)");
  assert.equal(issues["dateline"], "holds a line break or control character (expected one line of text: the place as printed, e.g. MOSCOW)");
  assert.equal(issues["tags"], "21 topics (expected at most 20)");
  assert.equal(issuesOf({ ...valid, lang: "z".repeat(70) })["lang"], `"${"z".repeat(57)}..." (70 characters) is not a language tag (expected one such as ar, he or zh-Hant)`);
});

test("a story in another language names it and its direction", () => {
  assert.deepEqual(issuesOf({ ...valid, lang: "ar", dir: "rtl" }), {});
  const issues = issuesOf({ ...valid, lang: "arabic!", dir: "right" });
  assert.equal(issues["lang"], '"arabic!" is not a language tag (expected one such as ar, he or zh-Hant)');
  assert.equal(issues["dir"], 'got "right" (expected rtl for a right-to-left language, or ltr)');
});
