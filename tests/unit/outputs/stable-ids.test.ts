import assert from "node:assert/strict";
import { test } from "node:test";
import { stableId } from "../../../src/lib/outputs/stable-ids.ts";

test("an id is a version 5 UUID URN", () => {
  assert.match(stableId("Wire Desk", "/news/talks.html"), /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test("the same story always gets the same id", () => {
  assert.equal(stableId("Wire Desk", "/news/talks.html"), stableId("Wire Desk", "/news/talks.html"));
  // Pinned: a change here would make every reader see every story again as new.
  assert.equal(stableId("Wire Desk", "/news/talks.html"), "urn:uuid:9e70acd2-e0ba-50dd-909f-d3d26b3bf79e");
});

test("different stories and different sites get different ids", () => {
  assert.notEqual(stableId("Wire Desk", "/news/talks.html"), stableId("Wire Desk", "/news/other.html"));
  assert.notEqual(stableId("Wire Desk", "/news/talks.html"), stableId("Other Desk", "/news/talks.html"));
});
