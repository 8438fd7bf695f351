/**
 * A throwaway copy of the project with its own stories, so the real build runs on stories it has
 * never seen without touching the project's src/news/ or _site/.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { copyProjectWithoutStories } from "../../scripts/lib/project-copy.ts";
import { build, type BuildOptions, type BuildResult } from "../../src/lib/build/build.ts";
import { buildLog } from "../../src/lib/build/build-log.ts";

// Every copy goes when the test process ends, whether its test passed, failed or forgot it: a
// build test's copy is about 2 MB, and a day of test runs left thousands in the temp folder.
const copies = new Set<string>();
process.once("exit", () => {
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

/** Creates the copy, removed when the test process ends; `stories` maps paths under src/news/ to file contents. */
export function makeFixtureSite(stories: Readonly<Record<string, string | Uint8Array>>): string {
  const root = copyProjectWithoutStories("fixture");
  copies.add(root);
  for (const [path, content] of Object.entries(stories)) {
    const file = join(root, "src", "news", path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export interface BuildRun {
  status: number | null;
  output: string;
}

/**
 * Runs the project's build command (with `args`) in the copy, in the given machine time zone, with
 * extra environment settings: for tests whose subject is the command or the machine it runs on. It builds for the local address unless `env` names another, as on a
 * desk's own machine, even where the tests themselves run on a CI runner.
 */
export function buildFixtureSite(root: string, timeZone = "UTC", env: Readonly<Record<string, string>> = {}, args: readonly string[] = []): BuildRun {
  const run = spawnSync(process.execPath, ["scripts/build.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TZ: timeZone, SITE_URL: "http://localhost:8080/", ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * Builds the copy into its _site/ in this process, through the function the build command calls,
 * with the lines the command would print as `output`. For the local address unless `env` names
 * another; this process's time zone. `options` adds to the build's options (its progress, the hosts' limits, photos kept beside the pages).
 */
export async function buildFixtureInProcess(
  root: string,
  env: Readonly<Record<string, string>> = {},
  options: Pick<BuildOptions, "onProgress" | "hostLimits" | "localMedia"> = {},
): Promise<BuildRun & { result: BuildResult }> {
  const result = await build(root, { ...options, output: "_site", env: { ...process.env, SITE_URL: "http://localhost:8080/", ...env } });
  return { status: result.ok ? 0 : 1, output: buildLog(result).map(({ text }) => text).join("\n"), result };
}

/**
 * A copy of a built site with only its top-level files (front page, 404, robots.txt, feeds) and
 * the folders named (`assets` and any other): a browser pass over it opens a few pages, where a
 * test only needs to show that a fault on one of them is found. Removed by the caller.
 */
export function copyOfSiteTop(siteDir: string, folders: readonly string[]): string {
  const copy = mkdtempSync(join(tmpdir(), "site-top-"));
  for (const entry of readdirSync(siteDir, { withFileTypes: true })) {
    if (entry.isFile() || folders.includes(entry.name)) cpSync(join(siteDir, entry.name), join(copy, entry.name), { recursive: true });
  }
  return copy;
}
