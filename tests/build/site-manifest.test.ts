/**
 * The whole site the fixture newsroom builds into, file by file and byte for byte, against the
 * manifest committed beside its stories: a change to the build that changes any published byte
 * (a page, a feed, a photo, a header) fails here, naming the files. When a change is meant, write
 * the manifest again with UPDATE_SITE_MANIFEST=1 and commit it with the change that made it.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT } from "../../scripts/lib/project-copy.ts";
import { buildFixtureInProcess, makeFixtureSite } from "../support/fixture-site.ts";
import { fixtureStories, TEST_BUILD_MOMENT } from "../support/test-site.ts";

const MANIFEST = join(PROJECT, "tests", "fixtures", "newsroom-site.sha256");

test("the fixture newsroom builds into exactly the files of the committed manifest", async () => {
  const root = makeFixtureSite(fixtureStories());
  try {
    const run = await buildFixtureInProcess(root, { BUILD_MOMENT: TEST_BUILD_MOMENT });
    assert.equal(run.status, 0, run.output);
    const site = join(root, "_site");
    const manifest = run.result.files.map((file) => `${createHash("sha256").update(readFileSync(join(site, file))).digest("hex")}  ${file}\n`).join("");
    if (process.env["UPDATE_SITE_MANIFEST"]) writeFileSync(MANIFEST, manifest);
    const expected = readFileSync(MANIFEST, "utf8");
    const differing = (text: string, other: string) => text.split("\n").filter((line) => line && !other.split("\n").includes(line));
    assert.deepEqual({ built: differing(manifest, expected), committed: differing(expected, manifest) }, { built: [], committed: [] }, "files that differ from the manifest");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
