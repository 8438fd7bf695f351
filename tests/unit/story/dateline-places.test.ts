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
