import { test } from "node:test";
import assert from "node:assert/strict";
import { isSameAgency, readMonthName, takeAgencyDateline } from "../../../src/lib/import/agency-dateline.ts";

test("takes each agency's house style, leaving exactly the story's first words", () => {
  const styles: [string, string, object][] = [
    ["MOSCOW, September 2 (Itar-Tass) - Moscow hopes", "Itar-Tass", { place: "MOSCOW", agency: "Itar-Tass", month: 9, day: 2, rest: "Moscow hopes" }],
    ["MOSCOW, September 2. /ITAR-TASS/. Moscow hopes", "Itar-Tass", { place: "MOSCOW", agency: "ITAR-TASS", month: 9, day: 2, rest: "Moscow hopes" }],
    ["NEW YORK (AP) — Stocks fell", "AP", { place: "NEW YORK", agency: "AP", rest: "Stocks fell" }],
    ["MOSCOW, Sept 2 (Reuters) - Russia hopes", "Reuters", { place: "MOSCOW", agency: "Reuters", month: 9, day: 2, rest: "Russia hopes" }],
    ["BEIJING, Sept. 2 (Xinhua) -- China said", "Xinhua", { place: "BEIJING", agency: "Xinhua", month: 9, day: 2, rest: "China said" }],
    ["SÃO PAULO, Brazil, Sept 2 (Reuters) - Brazil's", "Reuters", { place: "SÃO PAULO, Brazil", agency: "Reuters", month: 9, day: 2, rest: "Brazil's" }],
    ["WASHINGTON, D.C. (AP) — The Senate", "AP", { place: "WASHINGTON, D.C.", agency: "AP", rest: "The Senate" }],
    ["ST. PETERSBURG, Sep. 12 (Reuters) – Putin", "Reuters", { place: "ST. PETERSBURG", agency: "Reuters", month: 9, day: 12, rest: "Putin" }],
    ["RIO DE JANEIRO, DEC 31 (Reuters) - Fireworks", "Reuters", { place: "RIO DE JANEIRO", agency: "Reuters", month: 12, day: 31, rest: "Fireworks" }],
    ["MOSCOW. /TASS/. Russia", "TASS", { place: "MOSCOW", agency: "TASS", rest: "Russia" }],
  ];
  for (const [paragraph, source, expected] of styles) {
    assert.deepEqual(takeAgencyDateline(paragraph, source), expected, `${paragraph} from ${source}`);
    // Plain wire text without a header names no source: the strict house styles still hold.
    assert.deepEqual(takeAgencyDateline(paragraph, undefined), expected, `${paragraph} without a source`);
  }
});

test("compares the agency blind to case, spaces and punctuation, and knows a few aliases", () => {
  assert.ok(isSameAgency("ITAR-TASS", "Itar-Tass"));
  assert.ok(isSameAgency("Itar Tass", "ITAR-TASS"));
  assert.ok(isSameAgency("AP", "The Associated Press"));
  assert.ok(isSameAgency("AFP", "Agence France-Presse"));
  assert.ok(!isSameAgency("AP", "AFP"));
  assert.ok(!isSameAgency("Reuters", "Itar-Tass"));
  assert.ok(!isSameAgency("", ""));
  assert.equal(takeAgencyDateline("NEW YORK (AP) — Stocks fell", "Associated Press")?.rest, "Stocks fell");
});

test("never cuts a dateline naming another agency than the item's", () => {
  assert.equal(takeAgencyDateline("MOSCOW, September 2 (Itar-Tass) - Moscow hopes", "Reuters"), undefined);
  assert.equal(takeAgencyDateline("NEW YORK (AP) — Stocks fell", "AFP"), undefined);
});

test("never cuts an ordinary sentence", () => {
  const sentences = [
    "Moscow (the capital) - said officials, was calm.",
    "MOSCOW (the capital) - said officials, was calm.",
    "UN (United Nations) - the body met.",
    "The minister, September 2 (Monday) - spoke.",
    "MOSCOW, Monday 2 (Reuters) - Russia",
    "MOSCOW, February 30 (Reuters) - Russia",
    "MOSCOW, September 2 Reuters - Russia",
    "Moscow hopes for the resumption of talks.",
  ];
  for (const sentence of sentences) {
    assert.equal(takeAgencyDateline(sentence, undefined), undefined, sentence);
    assert.equal(takeAgencyDateline(sentence, "Reuters"), undefined, `${sentence} from Reuters`);
  }
  // A capitalised place is a dateline only when the agency in it is the item's own.
  assert.equal(takeAgencyDateline("Berlin (KNA) Die Kommission", undefined), undefined);
  assert.deepEqual(takeAgencyDateline("Berlin (KNA) Die Kommission", "KNA"), { place: "Berlin", agency: "KNA", rest: "Die Kommission" });
});

test("reads English month names, full or abbreviated, in any case", () => {
  assert.equal(readMonthName("September"), 9);
  assert.equal(readMonthName("SEPT"), 9);
  assert.equal(readMonthName("sep"), 9);
  assert.equal(readMonthName("Jan"), 1);
  assert.equal(readMonthName("Mon"), undefined);
});

test("a dateline on a paragraph of its own leaves an empty rest, and February 29 is a day", () => {
  assert.deepEqual(takeAgencyDateline("MOSCOW, Feb 29 (Reuters) -", undefined), { place: "MOSCOW", agency: "Reuters", month: 2, day: 29, rest: "" });
});

test("takes the Russian house style: day, then the month in the genitive, then the agency in slashes", () => {
  assert.deepEqual(takeAgencyDateline("МОСКВА, 2 сентября. /ИТАР-ТАСС/. Москва надеется на возобновление переговоров.", "ИТАР-ТАСС"), {
    place: "МОСКВА",
    agency: "ИТАР-ТАСС",
    month: 9,
    day: 2,
    rest: "Москва надеется на возобновление переговоров.",
  });
  const spring = takeAgencyDateline("САНКТ-ПЕТЕРБУРГ, 14 марта. /ТАСС/. Текст.", undefined);
  assert.deepEqual(spring && [spring.place, spring.month, spring.day, spring.rest], ["САНКТ-ПЕТЕРБУРГ", 3, 14, "Текст."]);
  // The Russian agency's name is the English item's source, and the other way round.
  assert.equal(takeAgencyDateline("МОСКВА, 2 сентября. /ИТАР-ТАСС/. Текст.", "Itar-Tass")?.rest, "Текст.");
  assert.equal(takeAgencyDateline("МОСКВА, 2 сентября. /ИНТЕРФАКС/. Текст.", "ТАСС"), undefined);
  assert.equal(takeAgencyDateline("МОСКВА, 31 февраля. /ТАСС/. Текст.", "ТАСС"), undefined, "no such day");
});
