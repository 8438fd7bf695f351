import { test } from "node:test";
import assert from "node:assert/strict";
import { storySlug } from "../../../src/lib/import/story-slug.ts";

test("a story's folder name is its headline's first words in plain ASCII", () => {
  assert.equal(
    storySlug("Moscow hopes for further talks on denuclearization of North Korean Peninsula", "urn:x"),
    "moscow-hopes-for-further-talks-on-denuclearization-of",
  );
  assert.equal(storySlug("São Paulo’s mayor: ‘We’ll rebuild’", "urn:x"), "sao-paulos-mayor-well-rebuild");
});

test("a headline without Latin letters gets a name from the agency id, the same every time", () => {
  const slug = storySlug("Москва надеется", "urn:tass:1");
  assert.match(slug, /^story-[0-9a-f]{10}$/);
  assert.equal(storySlug("Другой заголовок", "urn:tass:1"), slug);
  assert.notEqual(storySlug("Москва надеется", "urn:tass:2"), slug);
});
