import assert from "node:assert/strict";
import { test } from "node:test";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { SettingsError } from "../../../src/lib/model/settings-error.ts";
import { readDatelinePlaces } from "../../../src/lib/story/dateline-places.ts";

/** The lines readDatelinePlaces refuses `text` with. */
function refusal(text: string): string[] {
  try {
    readDatelinePlaces(text);
  } catch (error) {
    assert.ok(error instanceof SettingsError, `a SettingsError, not ${String(error)}`);
    return error.problems.map(formatProblem);
  }
  assert.fail(`${text} was read`);
}

test("the places are read as written", () => {
  assert.deepEqual(readDatelinePlaces('{\n  "MOSCOW": "Europe/Moscow",\n  "GENEVA": "Europe/Zurich"\n}\n'), { MOSCOW: "Europe/Moscow", GENEVA: "Europe/Zurich" });
});

test("the guide's line pasted with its comma as the last entry is named at its place, with what to type", () => {
  assert.deepEqual(refusal('{\n  "MOSCOW": "Europe/Moscow",\n  "BIRMINGHAM": "Europe/London",\n}\n'), [
    '_data/datelinePlaces.json:4:1: not valid JSON: the comma on line 3 is after the last entry, where JSON takes none (expected an object of places and their zones, e.g. { "MOSCOW": "Europe/Moscow" }) [WD307]',
  ]);
});

test("other JSON mistakes are JSON.parse's words at their line and column; a file that is no object is refused whole", () => {
  assert.deepEqual(refusal('{\n  "MOSCOW": "Europe/Moscow"\n  "GENEVA": "Europe/Zurich"\n}\n'), [
    `_data/datelinePlaces.json:3:3: not valid JSON: Expected ',' or '}' after property value (expected an object of places and their zones, e.g. { "MOSCOW": "Europe/Moscow" }) [WD307]`,
  ]);
  assert.deepEqual(refusal('["MOSCOW"]'), ['_data/datelinePlaces.json: not an object (expected an object of places and their zones, e.g. { "MOSCOW": "Europe/Moscow" }) [WD307]']);
});

test("a misspelt zone is named at its place's line, with the real zone nearest to it", () => {
  assert.deepEqual(refusal('{\n  "MOSCOW": "Europe/Moscow",\n  "BIRMINGHAM": "Europe/Londn",\n  "GENEVA": 4\n}\n'), [
    '_data/datelinePlaces.json:3: BIRMINGHAM: got "Europe/Londn", which is no time zone; did you mean Europe/London? (expected an IANA zone, Area/City, such as Europe/London) [WD303]',
    "_data/datelinePlaces.json:4: GENEVA: got 4, which is no time zone (expected an IANA zone, Area/City, such as Europe/London) [WD303]",
  ]);
});

test("a place given twice is named at its second line, with its first, also when spelt with other case, accents or spacing", () => {
  assert.deepEqual(refusal('{\n  "MOSCOW": "Europe/Moscow",\n  "GENEVA": "Europe/Zurich",\n  "MOSCOW": "Asia/Tokyo",\n  "Genéva": "Europe/Zurich"\n}\n'), [
    "_data/datelinePlaces.json:4: MOSCOW: given twice, first on line 2 (expected each place once: keep the zone you mean) [WD317]",
    '_data/datelinePlaces.json:5: Genéva: given twice, first on line 3 as "GENEVA" (expected each place once: keep the zone you mean) [WD317]',
  ]);
});
