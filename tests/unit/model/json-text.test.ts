import assert from "node:assert/strict";
import { test } from "node:test";
import { jsonSyntaxError, lineAndColumn } from "../../../src/lib/model/json-text.ts";

/** What jsonSyntaxError makes of JSON.parse's refusal of `text`. */
function refusal(text: string) {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonSyntaxError(text, error);
  }
  throw new Error(`${text} was read as JSON`);
}

test("a place is its line and column, counted from 1", () => {
  assert.deepEqual(lineAndColumn("ab\ncd", 0), { line: 1, column: 1 });
  assert.deepEqual(lineAndColumn("ab\ncd", 4), { line: 2, column: 2 });
});

test("JSON.parse's complaint loses the position its place gives", () => {
  assert.deepEqual(refusal('{\n  "a": 1\n  "b": 2\n}'), { line: 3, column: 3, what: "Expected ',' or '}' after property value" });
  assert.deepEqual(refusal('{ "a": '), { line: 1, column: 8, what: "Unexpected end of JSON input" });
});

test("a comma after an object's last entry is named, with its line, at the closing bracket", () => {
  assert.deepEqual(refusal('{\n  "MOSCOW": "Europe/Moscow",\n  "BIRMINGHAM": "Europe/London",\n}\n'), {
    line: 4,
    column: 1,
    what: "the comma on line 3 is after the last entry, where JSON takes none",
  });
});
