import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { readSettings } from "../../../src/lib/build/settings.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { SettingsError } from "../../../src/lib/model/settings-error.ts";

const PROJECT = join(import.meta.dirname, "..", "..", "..");

test("a run names every bad setting at once: the site's address and the build moment together", async () => {
  await assert.rejects(readSettings(PROJECT, { CI: "true", BUILD_MOMENT: "tomorrow" }, false), (error: unknown) => {
    assert.ok(error instanceof SettingsError);
    assert.deepEqual(
      error.problems.map((problem) => formatProblem(problem).replace(/ \(.*\)/, "")),
      ["SITE_URL: not set, and this build runs on a CI runner [WD300]", 'BUILD_MOMENT: got "tomorrow" [WD312]'],
    );
    return true;
  });
});
