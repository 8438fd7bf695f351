import assert from "node:assert/strict";
import { test } from "node:test";
import { editionOf } from "../../../src/lib/model/editions.ts";

const editions = [{ lang: "en" }, { lang: "ru" }, { lang: "pt-BR" }, { lang: "pt-PT" }];

test("a story joins the edition of its language tag, else of its language, else the default edition", () => {
  assert.equal(editionOf(undefined, editions).lang, "en");
  assert.equal(editionOf("RU", editions).lang, "ru", "case does not matter");
  assert.equal(editionOf("ru-RU", editions).lang, "ru", "an agency's region tag joins the language's edition");
  assert.equal(editionOf("pt-PT", editions).lang, "pt-PT", "the exact tag wins over the first of its language");
  assert.equal(editionOf("pt", editions).lang, "pt-BR");
  assert.equal(editionOf("de", editions).lang, "en", "a language with no edition is in the default one");
  assert.equal(editionOf("rus", editions).lang, "en", "a language is its whole first subtag, not a prefix");
});
