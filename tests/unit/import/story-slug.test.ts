import { test } from "node:test";
import assert from "node:assert/strict";
import { storySlug } from "../../../src/lib/import/story-slug.ts";
import { addressSlug, articlePermalink } from "../../../src/lib/model/urls.ts";

test("a story's folder name is its headline's first words in plain ASCII", () => {
  assert.equal(
    storySlug("Moscow hopes for further talks on denuclearization of North Korean Peninsula", "urn:x"),
    "moscow-hopes-for-further-talks-on-denuclearization-of",
  );
  assert.equal(storySlug("São Paulo’s mayor: ‘We’ll rebuild’", "urn:x"), "sao-paulos-mayor-well-rebuild");
});

test("a headline in another script is transliterated, not hashed", () => {
  assert.equal(storySlug("Москва надеется на продолжение переговоров", "urn:tass:1"), "moskva-nadeetsya-na-prodolzhenie-peregovorov");
});

test("a headline with nothing to spell in ASCII gets a name from the agency id, the same every time", () => {
  const slug = storySlug("— … —", "urn:tass:1");
  assert.match(slug, /^story-[0-9a-f]{10}$/);
  assert.equal(storySlug("!!!", "urn:tass:1"), slug);
  assert.notEqual(storySlug("— … —", "urn:tass:2"), slug);
});

test("a folder name is the address's slug rule, cut to whole words, so the story publishes under the folder's own name", () => {
  const headline = "Café Müller reopens its doors: Berlin’s dancers return after a decade of silence";
  const slug = storySlug(headline, "urn:x");
  assert.equal(slug, "cafe-muller-reopens-its-doors-berlins-dancers-return");
  assert.ok(addressSlug(headline).startsWith(`${slug}-`));
  assert.equal(articlePermalink(slug, "2024-03-14", ""), `news/2024/03/14/${slug}.html`);
  assert.equal(storySlug("Café_Müller REOPENS", "urn:x"), addressSlug("Café Müller reopens"));
});
