import assert from "node:assert/strict";
import { test } from "node:test";
import { oneLine } from "../../../src/lib/import/wire-fields.ts";

test("a field on one line keeps the agency's no-break and thin spaces; its line breaks and runs of spaces are one space", () => {
  assert.equal(oneLine("  Rates rise 7.5\u00a0per cent,\r\n  the bank\u202fsaid.\u2028Later  more. "), "Rates rise 7.5\u00a0per cent, the bank\u202fsaid. Later more.");
});
