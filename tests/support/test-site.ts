/**
 * The newsroom the browser tests and Lighthouse read: the fixture stories in tests/fixtures/newsroom/
 * (the seed story, three samples and a withdrawn story), built once by the real build into
 * .test-site/, so the product's tests never depend on the stories a newsroom keeps in src/news/.
 */
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { PROJECT } from "../../scripts/lib/project-copy.ts";
import { buildFixtureSite, makeFixtureSite } from "./fixture-site.ts";

export const TEST_SITE_DIR = join(PROJECT, ".test-site");
export const FIXTURE_NEWSROOM = join(PROJECT, "tests", "fixtures", "newsroom");

/** The moment the test site is built at: after every fixture story, so only the draft stays out. */
export const TEST_BUILD_MOMENT = "2013-09-10T00:00Z";

/** The fixture stories as files under src/news/, by path. */
export function fixtureStories(): Record<string, Buffer> {
  const files = readdirSync(FIXTURE_NEWSROOM, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(files.map((entry) => {
    const file = join(entry.parentPath, entry.name);
    return [relative(FIXTURE_NEWSROOM, file), readFileSync(file)];
  }));
}

/**
 * Builds the fixture newsroom with the project's own build command and puts the result in `dir`
 * (.test-site/), for a site at `siteUrl` (a host's root, unless a test needs a path prefix).
 */
export function buildTestSite(dir = TEST_SITE_DIR, siteUrl = "http://localhost:8080/"): void {
  const root = makeFixtureSite(fixtureStories());
  try {
    const run = buildFixtureSite(root, "UTC", { BUILD_MOMENT: TEST_BUILD_MOMENT, SITE_URL: siteUrl });
    if (run.status !== 0) throw new Error(`the test site did not build:\n${run.output}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(root, "_site"), dir, { recursive: true });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
