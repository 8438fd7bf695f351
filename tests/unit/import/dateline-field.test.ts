import { test } from "node:test";
import assert from "node:assert/strict";
import { readDatelineField } from "../../../src/lib/import/dateline-field.ts";
import { AGENCIES } from "../../support/agencies.ts";

const DESK = [...AGENCIES, { name: "dpa", also: ["Deutsche Presse-Agentur"] }];
const read = (text: string, lang?: string) => readDatelineField(text, "dateline", lang, DESK);

test("each agency's dateline field: place, day and month in the item's language, and agency", () => {
  const fields: [string, string | undefined, object][] = [
    ["BERLIN (DPA) -", "de", { place: "BERLIN", agency: "dpa" }],
    ["Hamburg (dpa/lno) - ", "de", { place: "Hamburg", agency: "dpa" }],
    ["Berlin, 10. Juli (dpa) -", "de", { place: "Berlin", agency: "dpa", month: 7, day: 10 }],
    ["Strasbourg, 10 juil 2024 (AFP) -", "fr", { place: "Strasbourg", agency: "AFP", month: 7, day: 10, year: 2024 }],
    ["Paris, 1er juillet (AFP)", "fr", { place: "Paris", agency: "AFP", month: 7, day: 1 }],
    ["Madrid, 2 ene (EFE)", "es", { place: "Madrid", agency: "EFE", month: 1, day: 2 }],
    ["Bogotá, 2 de diciembre de 2024 (EFE)", "es", { place: "Bogotá", agency: "EFE", month: 12, day: 2, year: 2024 }],
    ["МОСКВА, 2 сентября. /ИТАР-ТАСС/.", "ru", { place: "МОСКВА", agency: "ИТАР-ТАСС", month: 9, day: 2 }],
    ["Oslo, Nov 5, 2024 (AFP)", "en", { place: "Oslo", agency: "AFP", month: 11, day: 5, year: 2024 }],
    ["PORTLAND, Ore., Sept. 2 (AP)", undefined, { place: "PORTLAND, Ore.", agency: "AP", month: 9, day: 2 }],
    ["MOSCOW, Monday (Reuters)", "en", { place: "MOSCOW", agency: "Reuters" }],
    ["Portland/Maine (dpa) - ", "de", { place: "Portland/Maine", agency: "dpa" }],
    ["LONDON", undefined, { place: "LONDON" }],
  ];
  for (const [text, lang, expected] of fields) assert.deepEqual(read(text, lang), expected, text);
});

test("month names are read in the item's language, and English in any", () => {
  assert.deepEqual(read("Wien, 3. März (APA)", "de-AT"), { place: "Wien", agency: "APA", month: 3, day: 3 });
  assert.deepEqual(read("Wien, 3 March (APA)", "de"), { place: "Wien", agency: "APA", month: 3, day: 3 });
  assert.deepEqual(read("Lyon, 3 juil (AFP)", "en"), { place: "Lyon", agency: "AFP" }, "a French month in an English item is not read as one");
  assert.deepEqual(read("Lyon, 31 févr (AFP)", "fr"), { place: "Lyon", agency: "AFP" }, "no February has 31 days");
  assert.deepEqual(read("Lyon, 3 juil (AFP)", "not a language tag!"), { place: "Lyon", agency: "AFP" }, "a tag Intl cannot read names no months");
});

test("a timestamp or a date alone is never a place: the field is ignored with a warning", () => {
  const ignored = (why: string) => ({ field: "dateline", message: `warning: ignored: ${why}`, code: "WD210" });
  assert.deepEqual(read("20170102T222800+0000", "es"), {
    note: ignored('"20170102T222800+0000": a date or time, not a place'),
    month: 1,
    day: 2,
    year: 2017,
  });
  // Reuters types its time with the zone named: with an offset after it, or alone.
  assert.deepEqual(read("2018-01-03 20:13:08 GMT+00:00"), { note: ignored('"2018-01-03 20:13:08 GMT+00:00": a date or time, not a place'), month: 1, day: 3, year: 2018 });
  assert.deepEqual(read("2018-01-03 20:13 UTC"), { note: ignored('"2018-01-03 20:13 UTC": a date or time, not a place'), month: 1, day: 3, year: 2018 });
  assert.deepEqual(read("2 ene 2017", "es"), { note: ignored('"2 ene 2017": a date or time, not a place'), month: 1, day: 2, year: 2017 });
  assert.deepEqual(read("22:28 - 02.01.2017"), { note: ignored('"22:28 - 02.01.2017": a date or time, not a place') });
  assert.deepEqual(read("(AFP) -", "fr"), { note: ignored('"(AFP) -": names the agency AFP but no place'), agency: "AFP" });
  assert.deepEqual(read("  "), {}, "an empty field is no dateline and no warning");
});
