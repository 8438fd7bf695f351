/**
 * What a page's check depends on that is no code: html-validate's configuration as written. The
 * code (the check's modules, what they import, the packages and the runtime) is in every key by
 * the cache store's key rule; this is the rest, a part of each page's key (check-cache.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { HTMLVALIDATE_CONFIG } from "./markup-config.ts";

const require = createRequire(import.meta.url);
const packageVersion = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

/** The configuration's files and the packages it names, as one text. */
export function checkConfiguration(): string {
  return JSON.stringify([...configSources(HTMLVALIDATE_CONFIG)]);
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
