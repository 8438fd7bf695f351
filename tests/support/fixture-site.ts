/**
 * A throwaway copy of the project with its own stories, so the real build runs on stories it has
 * never seen without touching the project's src/news/ or _site/.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const NEWS = join(PROJECT, "src", "news");

/** Creates the copy; `stories` maps paths under src/news/ to file contents. */
export function makeFixtureSite(stories: Readonly<Record<string, string | Uint8Array>>): string {
  const root = mkdtempSync(join(tmpdir(), "newsroom-fixture-"));
  for (const entry of [".eleventy.ts", ".htmlvalidate.json", "package.json", "_data", "_includes", "scripts"]) {
    cpSync(join(PROJECT, entry), join(root, entry), { recursive: true });
  }
  // Everything under src/ but the bundled stories; the stories' folder keeps its data file.
  cpSync(join(PROJECT, "src"), join(root, "src"), { recursive: true, filter: (path) => path !== NEWS });
  cpSync(join(NEWS, "news.11tydata.ts"), join(root, "src", "news", "news.11tydata.ts"));
  symlinkSync(join(PROJECT, "node_modules"), join(root, "node_modules"), "dir");
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

/** Runs the project's build command in the copy, in the given machine time zone, with extra environment settings. */
export function buildFixtureSite(root: string, timeZone = "UTC", env: Readonly<Record<string, string>> = {}): BuildRun {
  const run = spawnSync(join(PROJECT, "node_modules", ".bin", "tsx"), ["scripts/build.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, TZ: timeZone, ...env },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
