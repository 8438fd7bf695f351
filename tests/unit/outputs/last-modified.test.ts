import assert from "node:assert/strict";
import { test } from "node:test";
import { lastModified, newestModified } from "../../../src/lib/outputs/last-modified.ts";
import { story } from "../../support/story-views.ts";

test("a story never changed was last modified when it was published", () => {
  assert.equal(lastModified(story()).iso, "2013-09-02T00:00:00+04:00");
});

test("an update or a correction, whichever is later, is the last change", () => {
  assert.equal(lastModified(story({ updated: "2013-09-02T15:40" })).iso, "2013-09-02T15:40:00+04:00");
  const corrected = story({ updated: "2013-09-02T15:40", corrections: [{ date: "2013-09-03T09:00", text: "The minister's name was misspelled." }] });
  assert.equal(lastModified(corrected).iso, "2013-09-03T09:00:00+04:00");
  const updatedAfter = story({ updated: "2013-09-04T10:00", corrections: [{ date: "2013-09-03T09:00", text: "Fixed." }] });
  assert.equal(lastModified(updatedAfter).iso, "2013-09-04T10:00:00+04:00");
});

test("a list's newest change is the latest of its stories' last changes", () => {
  const older = story({ slug: "older", date: "2013-09-01", updated: "2013-09-05T12:00" });
  assert.equal(newestModified([story({ date: "2013-09-03" }), older])?.iso, "2013-09-05T12:00:00+04:00");
  assert.equal(newestModified([]), undefined);
});
