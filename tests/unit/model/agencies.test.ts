import assert from "node:assert/strict";
import { test } from "node:test";
import { nameListProblems, findAgency, foldName, isSameAgency, type Agency } from "../../../src/lib/model/agencies.ts";

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
  const where = (index: number) => `agencies[${index}]`;
  assert.deepEqual(nameListProblems(AGENCIES, where, "agency"), []);
  assert.deepEqual(nameListProblems([...AGENCIES, { name: "ITAR TASS", also: [] }, { name: "EFE", also: ["efe"] }], where, "agency"), [
    'agencies[3]: got "ITAR TASS" (expected a name no other agency has, written once: it is also a name of agencies[0])',
    'agencies[4]: got "efe" (expected a name no other agency has, written once: it is twice in this entry)',
  ]);
});
