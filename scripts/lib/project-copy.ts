/**
 * A throwaway copy of the project without its bundled stories, for builds on stories it has never
 * seen (the build tests, the benchmark) that must not touch the project's src/news/ or _site/.
 */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT = fileURLToPath(new URL("../..", import.meta.url));
const NEWS = join(PROJECT, "src", "news");

/** Creates the copy in a new temporary folder named after `purpose`; its src/news/ is empty. */
export function copyProjectWithoutStories(purpose: string): string {
  const root = mkdtempSync(join(tmpdir(), `newsroom-${purpose}-`));
  for (const entry of [".htmlvalidate.json", "package.json", "_data", "_includes", "scripts"]) {
    cpSync(join(PROJECT, entry), join(root, entry), { recursive: true });
  }
  // Everything under src/ but the bundled stories.
  cpSync(join(PROJECT, "src"), join(root, "src"), { recursive: true, filter: (path) => path !== NEWS });
  mkdirSync(join(root, "src", "news"));
  symlinkSync(join(PROJECT, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}
