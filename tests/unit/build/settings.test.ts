import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { copyProjectWithoutStories } from "../../../scripts/lib/project-copy.ts";
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

test("a _data/site.ts Node cannot read and a datelinePlaces.json with a comma after its last place are named together, each at its place", async (t) => {
  const root = copyProjectWithoutStories("settings");
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const site = join(root, "_data", "site.ts");
  writeFileSync(site, readFileSync(site, "utf8").replace('{ name: "Reuters" },', '{ name: "Reuters" }'));
  const places = join(root, "_data", "datelinePlaces.json");
  writeFileSync(places, readFileSync(places, "utf8").replace(/"\n}\s*$/, '",\n  "BIRMINGHAM": "Europe/London",\n}\n'));
  await assert.rejects(readSettings(root, {}, false), (error: unknown) => {
    assert.ok(error instanceof SettingsError);
    assert.deepEqual(
      error.problems.map((problem) => formatProblem(problem).replace(/ \(expected .*\)/, "").replace(/:\d+(:\d+)?:/, ":L:").replace(/line \d+/, "line N")),
      ["_data/site.ts:L: not valid TypeScript: Expected ',', got '{' [WD307]", "_data/datelinePlaces.json:L: not valid JSON: the comma on line N is after the last entry, where JSON takes none [WD307]"],
    );
    return true;
  });
});

test("an edit of _data/site.ts is read by the next build in a process where Eleventy's import hook saw the file change before", async (t) => {
  // The dev server's process: Eleventy's hook gives every import of a file it saw change the time it saw it, unless the URL names its own.
  const { addModifiedPath } = (await import(new URL("../../../node_modules/@11ty/eleventy/src/Util/EsmResolverPortAdapter.js", import.meta.url).href)) as { addModifiedPath: (path: string, date: number) => void };
  const root = copyProjectWithoutStories("settings-reload");
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const site = join(root, "_data", "site.ts");
  const named = (name: string) => writeFileSync(site, readFileSync(site, "utf8").replace(/const NAME = "[^"]*";/, `const NAME = ${JSON.stringify(name)};`));
  named("Harbour Desk");
  addModifiedPath(site, 1);
  assert.equal((await readSettings(root, {}, false)).site.name, "Harbour Desk");
  // Saved again before Eleventy tells its hook so.
  named("Harbour Desk Evening");
  assert.equal((await readSettings(root, {}, false)).site.name, "Harbour Desk Evening");
});
