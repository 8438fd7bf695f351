import { formatProblem } from "../../../src/lib/model/problems.ts";
import assert from "node:assert/strict";
import { test } from "node:test";
import { agencyInCredit, nameListProblems, findAgency, foldName, isSameAgency, type Agency } from "../../../src/lib/model/agencies.ts";

const AGENCIES: Agency[] = [
  { name: "TASS", also: ["Itar-Tass", "ИТАР-ТАСС"] },
  { name: "Associated Press", also: ["AP", "The Associated Press"] },
  { name: "Agence France-Presse", also: ["AFP"] },
];

test("folds a name blind to case, accents, spaces and punctuation", () => {
  assert.equal(foldName("ITAR-TASS"), foldName("Itar Tass"));
  assert.equal(foldName("Agence France-Presse"), foldName("AGENCE FRANCE PRESSE"));
  assert.equal(foldName("Agência Brasil"), "agenciabrasil");
  assert.equal(foldName(" - "), "");
});

test("finds an agency by any of its names, giving that name as the settings write it", () => {
  assert.deepEqual(findAgency("ITAR-TASS", AGENCIES), { agency: AGENCIES[0], name: "Itar-Tass" });
  assert.deepEqual(findAgency("итар-тасс", AGENCIES), { agency: AGENCIES[0], name: "ИТАР-ТАСС" });
  assert.equal(findAgency("the associated press", AGENCIES)?.name, "The Associated Press");
  assert.equal(findAgency("Reuters", AGENCIES), undefined);
  assert.equal(findAgency("", AGENCIES), undefined);
});

test("two names are one agency when they fold alike or the settings give both to one agency", () => {
  assert.ok(isSameAgency("ITAR-TASS", "Itar-Tass", AGENCIES));
  assert.ok(isSameAgency("AP", "The Associated Press", AGENCIES));
  assert.ok(isSameAgency("AFP", "Agence France-Presse", AGENCIES));
  assert.ok(isSameAgency("ИТАР-ТАСС", "TASS", AGENCIES));
  assert.ok(isSameAgency("Reuters", "REUTERS", []));
  assert.ok(!isSameAgency("AP", "AFP", AGENCIES));
  assert.ok(!isSameAgency("AP", "Associated Press", []));
  assert.ok(!isSameAgency("Reuters", "Itar-Tass", AGENCIES));
  assert.ok(!isSameAgency("", "", AGENCIES));
});

test("a name given twice, in one entry or two, is a problem naming the entry", () => {
  const file = "_data/site.ts";
  assert.deepEqual(nameListProblems(AGENCIES, { file, list: "agencies", kind: "agency", code: "WD305" }), []);
  assert.deepEqual(nameListProblems([...AGENCIES, { name: "ITAR TASS", also: [] }, { name: "EFE", also: ["efe"] }], { file, list: "agencies", kind: "agency", code: "WD305" }).map(formatProblem), [
    '_data/site.ts: agencies.4: got "ITAR TASS" (expected a name no other agency has, written once: it is also a name of agencies.1) [WD305]',
    '_data/site.ts: agencies.5: got "efe" (expected a name no other agency has, written once: it is twice in this entry) [WD305]',
  ]);
  const authors = [{ name: "Ann Smith", also: ["A. Smith"] }, { name: "ann smith", also: [] }];
  assert.deepEqual(nameListProblems(authors, { file, list: "authors", kind: "author", code: "WD314" }).map(formatProblem), [
    '_data/site.ts: authors.2: got "ann smith" (expected a name no other author has, written once: it is also a name of authors.1) [WD314]',
  ]);
});

test("a photo credit names a listed agency by whole words, the first named when it names two", () => {
  assert.deepEqual(agencyInCredit("AP Photo/Evan Vucci", AGENCIES), { agency: AGENCIES[1], name: "AP" });
  assert.equal(agencyInCredit("Photo EPA/ITAR-TASS", AGENCIES)?.agency.name, "TASS");
  assert.equal(agencyInCredit("AFP via The Associated Press", AGENCIES)?.agency.name, "Agence France-Presse");
  assert.equal(agencyInCredit("Фото: ИТАР-ТАСС", AGENCIES)?.name, "ИТАР-ТАСС");
  // A name inside a word is no agency: "Apple" is not AP, "Tassel" not TASS.
  assert.equal(agencyInCredit("Apple Newsroom/Tassel Studio", AGENCIES), undefined);
  assert.equal(agencyInCredit("Jane Doe", AGENCIES), undefined);
});
