/**
 * A fingerprint of everything a page's check depends on besides the page itself: html-validate's
 * version and configuration, node-html-parser's version, and the source of the check's own
 * modules. A cached result is only reused under the same fingerprint.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { HTMLVALIDATE_CONFIG } from "./markup-config.ts";

/** The module that checks one page; it and every module it imports, however deep, make the check. */
const PAGE_CHECK = new URL("./page-check.ts", import.meta.url);

const require = createRequire(import.meta.url);
const packageVersion = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

export function checkFingerprint(): string {
  const hash = createHash("sha256");
  hash.update(`html-validate ${packageVersion("html-validate")}\0node-html-parser ${packageVersion("node-html-parser")}`);
  for (const [file, text] of configSources(HTMLVALIDATE_CONFIG)) hash.update(`\0${file}\0${text}`);
  for (const [module, source] of moduleSources(PAGE_CHECK)) hash.update(`\0${module}\0${source}`);
  return hash.digest("base64url");
}

/**
 * The html-validate configuration as written: the file, and any file it extends or loads by a
 * relative path. Its presets ("html-validate:...") and element metadata ("html5") come with
 * html-validate's version; anything else it names is a package, known by its version. So the
 * resolved configuration is the same whenever these are, without loading html-validate to resolve it.
 */
function configSources(file: string): Map<string, string> {
  const sources = new Map<string, string>();
  const visit = (path: string) => {
    if (sources.has(path)) return;
    const text = readFileSync(path, "utf8");
    sources.set(relative(dirname(file), path), text);
    const config = JSON.parse(text) as Record<string, unknown>;
    const named = ["extends", "plugins", "elements", "transform"].flatMap((key) => {
      const value = config[key];
      return typeof value === "object" && value !== null ? Object.values(value).filter((entry) => typeof entry === "string") : [];
    });
    for (const entry of named) {
      if (entry.startsWith(".")) visit(fileURLToPath(new URL(entry, pathToFileURL(path))));
      else if (!entry.startsWith("html-validate:") && entry !== "html5") sources.set(`package ${entry}`, safeVersion(entry));
    }
  };
  visit(file);
  return sources;
}

function safeVersion(name: string): string {
  try {
    return packageVersion(name.replace(/^((?:@[^/]+\/)?[^/:]+).*$/, "$1"));
  } catch {
    return "unknown";
  }
}

/** The relative imports and re-exports of a module: `from "./x.ts"`, and bare `import "./x.ts"`. */
const RELATIVE_IMPORT = /\b(?:from|import)\s*["'](\.\.?\/[^"']+)["']/g;

/**
 * The source of `entry` and of every module it imports relatively, by their paths from the entry's
 * folder (so a copy of the project elsewhere has the same fingerprint), in a fixed order.
 */
export function moduleSources(entry: URL): Map<string, string> {
  const folder = dirname(fileURLToPath(entry));
  const sources = new Map<string, string>();
  const visit = (module: URL) => {
    const path = relative(folder, fileURLToPath(module));
    if (sources.has(path)) return;
    let source: string;
    try {
      source = readFileSync(module, "utf8");
    } catch {
      return; // an import-like line in a comment that names no module
    }
    sources.set(path, source);
    for (const [, specifier = ""] of source.matchAll(RELATIVE_IMPORT)) visit(new URL(specifier, module));
  };
  visit(entry);
  return new Map([...sources].sort(([a], [b]) => a.localeCompare(b)));
}
