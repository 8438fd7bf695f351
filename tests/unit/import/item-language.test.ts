import { test } from "node:test";
import assert from "node:assert/strict";
import { noEditionFor } from "../../../src/lib/import/item-language.ts";

const EDITIONS = [{ lang: "en" }, { lang: "ru" }];

test("an item in a language the site has an edition in, by tag or by language, or stating none, may be a story", () => {
  assert.equal(noEditionFor(undefined, EDITIONS), undefined);
  assert.equal(noEditionFor("en", EDITIONS), undefined);
  assert.equal(noEditionFor("ru-RU", EDITIONS), undefined);
  assert.equal(noEditionFor("EN-gb", EDITIONS), undefined);
});

test("an item in a language with no edition names the language, the editions there are, and how to add one", () => {
  assert.equal(
    noEditionFor("fr", EDITIONS),
    'the item is in French (fr), and the site has no French edition (expected an item in English or Russian; to publish French stories add an edition: see "Adding an edition" in the README)',
  );
  assert.match(noEditionFor("de-DE", [{ lang: "en" }]) ?? "", /^the item is in German \(de-DE\), and the site has no German edition \(expected an item in English; /);
  assert.match(noEditionFor("ar", [{ lang: "en" }, { lang: "ru" }, { lang: "fr" }]) ?? "", /\(expected an item in English, Russian or French; to publish Arabic stories/);
  assert.match(noEditionFor("x-klingon", EDITIONS) ?? "", /^the item is in x-klingon, and the site has no x-klingon edition \(expected an item in English or Russian; /);
});
