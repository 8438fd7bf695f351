import { test } from "node:test";
import assert from "node:assert/strict";
import { readMonthName, takeAgencyDateline as takeWithAgencies, takePlaceDateline, unlistedDatelineAgency } from "../../../src/lib/import/agency-dateline.ts";
import { AGENCIES } from "../../support/agencies.ts";

const takeAgencyDateline = (paragraph: string, source: string | undefined) => takeWithAgencies(paragraph, source, AGENCIES);

test("takes each agency's house style, leaving exactly the story's first words", () => {
  const styles: [string, string, object][] = [
    ["MOSCOW, September 2 (Itar-Tass) - Moscow hopes", "Itar-Tass", { place: "MOSCOW", agency: "Itar-Tass", month: 9, day: 2, rest: "Moscow hopes" }],
    // The agency as the settings spell the name the dateline used.
    ["MOSCOW, September 2. /ITAR-TASS/. Moscow hopes", "Itar-Tass", { place: "MOSCOW", agency: "Itar-Tass", month: 9, day: 2, rest: "Moscow hopes" }],
    ["NEW YORK (AP) — Stocks fell", "AP", { place: "NEW YORK", agency: "AP", rest: "Stocks fell" }],
    ["MOSCOW, Sept 2 (Reuters) - Russia hopes", "Reuters", { place: "MOSCOW", agency: "Reuters", month: 9, day: 2, rest: "Russia hopes" }],
    ["BEIJING, Sept. 2 (Xinhua) -- China said", "Xinhua", { place: "BEIJING", agency: "Xinhua", month: 9, day: 2, rest: "China said" }],
    ["SÃO PAULO, Brazil, Sept 2 (Reuters) - Brazil's", "Reuters", { place: "SÃO PAULO, Brazil", agency: "Reuters", month: 9, day: 2, rest: "Brazil's" }],
    ["WASHINGTON, D.C. (AP) — The Senate", "AP", { place: "WASHINGTON, D.C.", agency: "AP", rest: "The Senate" }],
    ["ST. PETERSBURG, Sep. 12 (Reuters) – Putin", "Reuters", { place: "ST. PETERSBURG", agency: "Reuters", month: 9, day: 12, rest: "Putin" }],
    ["RIO DE JANEIRO, DEC 31 (Reuters) - Fireworks", "Reuters", { place: "RIO DE JANEIRO", agency: "Reuters", month: 12, day: 31, rest: "Fireworks" }],
    ["MOSCOW. /TASS/. Russia", "TASS", { place: "MOSCOW", agency: "TASS", rest: "Russia" }],
    ["NEW DELHI, Dec 5 (PTI) - India", "Press Trust of India", { place: "NEW DELHI", agency: "PTI", month: 12, day: 5, rest: "India" }],
    // A river, or two places, after a slash, as dpa writes them.
    ["FRANKFURT/MAIN (dpa) - Der Dax", "dpa", { place: "FRANKFURT/MAIN", agency: "dpa", rest: "Der Dax" }],
  ];
  for (const [paragraph, source, expected] of styles) {
    assert.deepEqual(takeAgencyDateline(paragraph, source), expected, `${paragraph} from ${source}`);
    // Plain wire text without a header names no source: the strict house styles still hold.
    assert.deepEqual(takeAgencyDateline(paragraph, undefined), expected, `${paragraph} without a source`);
  }
});

test("knows an agency by any of the names the settings give it, blind to case, spaces and punctuation", () => {
  assert.equal(takeAgencyDateline("NEW YORK (AP) — Stocks fell", "Associated Press")?.rest, "Stocks fell");
  assert.equal(takeAgencyDateline("NEW YORK (Associated Press) — Stocks fell", "AP")?.agency, "Associated Press");
  assert.equal(takeAgencyDateline("MOSCOW, September 2 (ITAR TASS) - Text", "TASS")?.agency, "Itar-Tass");
  assert.equal(takeAgencyDateline("PARIS (AFP) - Texte", "Agence France-Presse")?.rest, "Texte");
  // Not in the list: the same name only.
  assert.equal(takeAgencyDateline("BONN (KNA) - Text", "kna")?.agency, "KNA");
  assert.equal(takeAgencyDateline("BONN (KNA) - Text", "Katholische Nachrichten-Agentur"), undefined);
});

test("without a source, takes an agency of several words when the settings list it, in their spelling", () => {
  const cases: [string, object][] = [
    ["NAIROBI, Dec 5 (Kyodo News) - Kenya said", { place: "NAIROBI", agency: "Kyodo News", month: 12, day: 5, rest: "Kenya said" }],
    ["NEW DELHI, Dec 5 (Press Trust of India) - India said", { place: "NEW DELHI", agency: "Press Trust of India", month: 12, day: 5, rest: "India said" }],
    ["ANKARA, Dec 5 (ANADOLU AGENCY) - Turkey said", { place: "ANKARA", agency: "Anadolu Agency", month: 12, day: 5, rest: "Turkey said" }],
    ["NEW YORK (Associated Press) — Stocks fell", { place: "NEW YORK", agency: "Associated Press", rest: "Stocks fell" }],
    ["NEW DELHI, Dec. 5 /Press Trust of India/. India said", { place: "NEW DELHI", agency: "Press Trust of India", month: 12, day: 5, rest: "India said" }],
  ];
  for (const [paragraph, expected] of cases) assert.deepEqual(takeAgencyDateline(paragraph, undefined), expected, paragraph);
  // One the settings do not list is no dateline, and is named so an editor can add it.
  assert.equal(takeAgencyDateline("NAIROBI, Dec 5 (Kenya News Agency) - Kenya said", undefined), undefined);
  assert.equal(unlistedDatelineAgency("NAIROBI, Dec 5 (Kenya News Agency) - Kenya said", AGENCIES), "Kenya News Agency");
  assert.equal(unlistedDatelineAgency("NAIROBI, Dec 5 (Kyodo News) - Kenya said", AGENCIES), undefined);
  assert.equal(unlistedDatelineAgency("Nairobi said on Monday it would act.", AGENCIES), undefined);
  assert.equal(unlistedDatelineAgency("MOSCOW (the capital) - said officials, was calm.", AGENCIES), undefined);
  // With no list, one capitalised word is still an agency, and more are not.
  assert.equal(takeWithAgencies("NAIROBI, Dec 5 (Kyodo) - Kenya said", undefined, [])?.agency, "Kyodo");
  assert.equal(takeWithAgencies("NAIROBI, Dec 5 (Kyodo News) - Kenya said", undefined, []), undefined);
});

test("a partner's copy an agency carries, or its regional service, is the listed agency's: \"(tca/dpa)\", \"(dpa/lno)\"", () => {
  assert.deepEqual(takeAgencyDateline("San Diego (tca/dpa) - History says", undefined), { place: "San Diego", agency: "dpa", rest: "History says" });
  assert.deepEqual(takeAgencyDateline("San Diego (tca/dpa) - History says", "dpa"), { place: "San Diego", agency: "dpa", rest: "History says" });
  assert.deepEqual(takeAgencyDateline("Hamburg (dpa/lno) - Der Hafen", undefined), { place: "Hamburg", agency: "dpa", rest: "Der Hafen" });
  // Neither listed: no agency vouches for the capitalised place.
  assert.equal(takeAgencyDateline("San Diego (tca/xyz) - History says", undefined), undefined);
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

test("a place written with a slash, as dpa writes a river or a story from two places", () => {
  assert.deepEqual(takeAgencyDateline("Frankfurt/Main (dpa) - Der Dax", "dpa"), { place: "Frankfurt/Main", agency: "dpa", rest: "Der Dax" });
  assert.deepEqual(takeAgencyDateline("Moskau/Berlin (dpa) - Kremlchef", undefined), { place: "Moskau/Berlin", agency: "dpa", rest: "Kremlchef" });
  assert.deepEqual(takeAgencyDateline("MOSCOW. /TASS/. Russia", undefined), { place: "MOSCOW", agency: "TASS", rest: "Russia" }, "a slash before the agency is the house style's");
});

test("an item whose source is no agency the settings list (a partner's feed) may carry a listed agency's dated copy", () => {
  assert.deepEqual(takeAgencyDateline("LONDON (Reuters) - The first turbine", "Nordic Coast Post"), { place: "LONDON", agency: "Reuters", rest: "The first turbine" });
  assert.equal(takeAgencyDateline("LONDON (Reuters) - The first turbine", "Itar-Tass"), undefined, "an agency's item never loses another agency's dateline");
});

test("the agency alone, as agencies open a story whose place the item gives in a field, is a dateline without a place", () => {
  const openings: [string, string, string][] = [
    ["(Reuters) - Oil prices slipped", "Reuters", "Oil prices slipped"],
    ["(AP) — Stocks fell", "AP", "Stocks fell"],
    ["(AFP) – Texte", "AFP", "Texte"],
    ["(Xinhua) -- China said", "Xinhua", "China said"],
    ["(PTI): India said", "PTI", "India said"],
    ["(EFE).- Lluvias", "EFE", "Lluvias"],
    ["(Reuters) -", "Reuters", ""],
  ];
  for (const [paragraph, agency, rest] of openings) {
    assert.deepEqual(takeAgencyDateline(paragraph, undefined), { agency, rest }, `${paragraph} without a source`);
    assert.deepEqual(takeAgencyDateline(paragraph, agency), { agency, rest }, `${paragraph} from its agency`);
  }
  // With a place, the colon is the dash's equal too, as the story checks read a typed dateline.
  assert.deepEqual(takeAgencyDateline("NEW DELHI (PTI): India said", undefined), { place: "NEW DELHI", agency: "PTI", rest: "India said" });
  // A partner's feed carries a listed agency's copy; the agency's own name is known by its source alone.
  assert.deepEqual(takeAgencyDateline("(Reuters) - The first turbine", "Nordic Coast Post"), { agency: "Reuters", rest: "The first turbine" });
  assert.deepEqual(takeAgencyDateline("(KNA) - Die Kommission", "KNA"), { agency: "KNA", rest: "Die Kommission" });
});

test("the agency alone is cut only at the very start, with its dash or colon, naming the item's agency or one the settings list", () => {
  const kept: [string, string | undefined][] = [
    // No place vouches for an unlisted capitalised word in parentheses.
    ["(Bloomberg) - Stocks fell", undefined],
    ["(Kenya News Agency) - Floods closed roads", undefined],
    // Another agency's name is the text's own words.
    ["(Itar-Tass) - Moscow hopes", "Reuters"],
    ["(Reuters) Oil prices slipped", "Reuters"],
    ["Oil prices (Reuters) - slipped", "Reuters"],
    ["Oil prices (Reuters) - slipped", undefined],
    ["(see below) - the talks", undefined],
  ];
  for (const [paragraph, source] of kept) assert.equal(takeAgencyDateline(paragraph, source), undefined, `${paragraph} from ${source}`);
  // Unlisted, it is named so an editor can add it to the settings; a word in parentheses that is no agency is not.
  assert.equal(unlistedDatelineAgency("(Bloomberg) - Stocks fell", AGENCIES), "Bloomberg");
  assert.equal(unlistedDatelineAgency("(Kenya News Agency) - Floods closed roads", AGENCIES), "Kenya News Agency");
  assert.equal(unlistedDatelineAgency("(see below) - the talks", AGENCIES), undefined);
  assert.equal(unlistedDatelineAgency("(Reuters) - Oil prices slipped", AGENCIES), undefined);
});

test("a newspaper's dateline, a place in capitals and a dash with no agency, is taken only for a place the dateline places know", () => {
  const known = new Set(["LAKESIDE, Ohio", "LONDON", "NEW YORK", "WASHINGTON, D.C."]);
  const isKnownPlace = (place: string) => known.has(place);
  assert.deepEqual(takePlaceDateline("LAKESIDE, Ohio — The library reopens.", isKnownPlace), { place: "LAKESIDE, Ohio", rest: "The library reopens." });
  assert.deepEqual(takePlaceDateline("LONDON - Shares fell.", isKnownPlace), { place: "LONDON", rest: "Shares fell." });
  assert.deepEqual(takePlaceDateline("NEW YORK -- Shares fell.", isKnownPlace), { place: "NEW YORK", rest: "Shares fell." });
  assert.deepEqual(takePlaceDateline("WASHINGTON, D.C. — The Senate voted.", isKnownPlace), { place: "WASHINGTON, D.C.", rest: "The Senate voted." });
  // No place, or not one known; not in capitals; no dash; a dash with no space after it.
  for (const text of ["BREAKING — Shares fell.", "EDITOR'S NOTE — This story…", "PARIS — Shares fell.", "London — Shares fell.", "LONDON Shares fell.", "LONDON—Shares fell.", "I — for one — disagree."]) {
    assert.equal(takePlaceDateline(text, isKnownPlace), undefined, text);
  }
});
