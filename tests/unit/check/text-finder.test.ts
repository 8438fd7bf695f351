import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { TextFinder } from "../../../src/lib/check/text-finder.ts";

const bytes = (text: string) => Buffer.from(text, "utf8");
const finder = (texts: string[]) => new TextFinder(texts.map(bytes));

test("finds each text a file holds, at its start, its end or anywhere, and no other", () => {
  const texts = ["news/2024/03/05/talks.html", "Talks resume", "Talks resume in Geneva", "Гроза над Москвой", "&amp; more"];
  const find = finder(texts);
  assert.deepEqual(find.foundIn(bytes("news/2024/03/05/talks.html is linked")), [0]);
  assert.deepEqual(find.foundIn(bytes("<h2>Talks resume in Geneva</h2>")), [1, 2]);
  assert.deepEqual(find.foundIn(bytes("<p>Гроза над Москвой</p>")), [3]);
  assert.deepEqual(find.foundIn(bytes("ends with Talks resume")), [1]);
  assert.deepEqual(find.foundIn(bytes("Talks resumed, &amp; more")), [1, 4]);
  assert.deepEqual(find.foundIn(bytes("Talks resum")), []);
  assert.deepEqual(find.foundIn(bytes("")), []);
});

test("no texts, or only empty ones, are never found", () => {
  assert.deepEqual(finder([]).foundIn(bytes("anything")), []);
  assert.deepEqual(finder([""]).foundIn(bytes("anything")), []);
});

test("finds exactly what searching for each text in turn finds", () => {
  // A small alphabet, so texts occur, overlap and share their starts often.
  const text = fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "ж"), minLength: 1, maxLength: 6 });
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), fc.string({ unit: fc.constantFrom("a", "b", "c", "é", "ж", " "), maxLength: 200 }), (texts, contents) => {
      const file = bytes(contents);
      const expected = texts.flatMap((candidate, index) => (file.includes(bytes(candidate)) ? [index] : []));
      assert.deepEqual(finder(texts).foundIn(file), expected);
    }),
    { numRuns: 500 },
  );
});
