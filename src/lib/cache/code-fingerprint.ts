import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Every module a source file names: `from "…"`, `import "…"` and `import("…")`, types too (a wider net only costs hits). */
const MODULE_NAMES = /\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

/** The package a bare module name is in: "zod/v4" is in zod, "@11ty/eleventy/UserConfig" in @11ty/eleventy. */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return (specifier.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)).join("/");
}

/** The package's version as installed for `from`, and npm's record of the whole installed tree beside it (its dependencies' versions). */
function packageFingerprint(name: string, from: string): string {
  for (const folder of createRequire(from).resolve.paths(name) ?? []) {
    let manifest: string;
    try {
      manifest = readFileSync(join(folder, name, "package.json"), "utf8");
    } catch {
      continue;
    }
    const version = (JSON.parse(manifest) as { version?: unknown }).version;
    let tree = "";
    try {
      tree = createHash("sha256").update(readFileSync(join(folder, ".package-lock.json"))).digest("hex");
    } catch {
      // Installed by a tool that keeps no such record: the package's own version still counts.
    }
    return `${name}@${String(version)} ${tree}`;
  }
  return `${name} (not found)`;
}

/** A module's source; TypeScript lets `./x.js` name x.ts. Undefined for a name the pattern caught in a comment or string. */
function readModule(file: string): string | undefined {
  for (const candidate of [file, file.replace(/\.js$/, ".ts")]) {
    try {
      return readFileSync(candidate, "utf8");
    } catch {
      // Try the next spelling.
    }
  }
  return undefined;
}

/** The runtime's versions that change what code does: Node.js, and the ICU data that dates and sorts. */
export type Runtime = Readonly<Partial<Record<"node" | "icu" | "tz" | "cldr" | "unicode", string>>>;

/**
 * A hash of the code a module runs: its source and that of every project module it imports, in
 * turn, and the versions of the packages they import; with the runtime, whose ICU data dates
 * stories. Any change to them changes the hash; moving the project does not.
 */
export function codeFingerprint(entries: readonly URL[], runtime: Runtime = process.versions): string {
  const hash = createHash("sha256");
  const seen = new Set<string>();
  const packages = new Set<string>();
  const pending = entries.map((entry) => fileURLToPath(entry));
  const base = dirname(pending[0] ?? ".");
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readModule(file) ?? "";
    const name = relative(base, file);
    hash.update(`${name.length}:${name}${source.length}:${source}`);
    for (const [, specifier = ""] of source.matchAll(MODULE_NAMES)) {
      if (specifier.startsWith(".")) pending.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith("node:")) packages.add(`${packageName(specifier)}\0${file}`);
    }
  }
  const versions = [...packages].map((entry) => {
    const [name = "", from = ""] = entry.split("\0");
    return packageFingerprint(name, from);
  });
  const { node, icu, tz, cldr, unicode } = runtime;
  hash.update(JSON.stringify({ packages: [...new Set(versions)].sort(), runtime: [node, icu, tz, cldr, unicode] }));
  return hash.digest("hex");
}
