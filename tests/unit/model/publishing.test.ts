import assert from "node:assert/strict";
import { test } from "node:test";
import { isShown, publishingState, readBuildSettings } from "../../../src/lib/model/publishing.ts";
import { SettingsError } from "../../../src/lib/model/settings-error.ts";

test("the build moment is now unless BUILD_MOMENT pins it", () => {
  assert.deepEqual(readBuildSettings({}, Date.UTC(2026, 10, 28, 9)), {
    moment: "2026-11-28T09:00:00Z",
    epochMs: Date.UTC(2026, 10, 28, 9),
    showUnpublished: false,
  });
  assert.equal(readBuildSettings({ BUILD_MOMENT: "2013-09-02T16:00+04:00" }).moment, "2013-09-02T12:00:00Z");
});

test("a BUILD_MOMENT without an offset or not a date is refused with what was expected", () => {
  for (const value of ["2013-09-02T16:00", "tomorrow", "2013-02-30T00:00Z"]) {
    assert.throws(() => readBuildSettings({ BUILD_MOMENT: value }), (error: unknown) => {
      assert.ok(error instanceof SettingsError);
      assert.equal(error.message, `BUILD_MOMENT: got "${value}" (expected an instant with Z or an offset, e.g. 2013-09-02T12:00Z) [WD312]`);
      return true;
    });
  }
});

test("the dev server shows drafts and embargoed stories; a build shows only published ones", () => {
  const build = readBuildSettings({ BUILD_MOMENT: "2013-09-02T12:00Z" });
  const serve = readBuildSettings({ BUILD_MOMENT: "2013-09-02T12:00Z", ELEVENTY_RUN_MODE: "serve" });
  const noon = Date.UTC(2013, 8, 2, 12);
  assert.equal(publishingState(false, noon, build), "published");
  assert.equal(publishingState(false, noon + 1, build), "embargoed");
  assert.equal(publishingState(true, noon - 1, build), "draft");
  assert.deepEqual(["published", "draft", "embargoed"].map((state) => isShown(state as "draft", build)), [true, false, false]);
  assert.ok(isShown("draft", serve) && isShown("embargoed", serve));
});
