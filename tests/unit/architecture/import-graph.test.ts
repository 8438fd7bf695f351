/**
 * The import graph of the project's own code: no module imports itself through others (no
 * loops), and no stage imports a stage above it. Each module's imports are read with the
 * TypeScript compiler's own scanner (static imports, `import type`, re-exports, dynamic import()).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { test } from "node:test";
import ts from "typescript";

const PROJECT = resolve(import.meta.dirname, "../../..");

/**
 * The stages, lowest first (docs/developers-guide.md, Architecture): a module may import its own
 * stage and those below it. `data` is _data/ (the settings: site.ts, build.ts, the strings, the dateline places);
 * `entry` is what is run by name: scripts/ and Netlify's functions.
 */
const STAGES = ["model", "cache", "media", "story", "outputs", "newsroom", "hosts", "check", "import", "data", "eleventy", "build", "entry"] as const;
type Stage = (typeof STAGES)[number];

/** Known imports that break the order, each with the reason it is still there: none now. */
const KNOWN_UPWARD_IMPORTS: readonly string[] = [];

/** A module's stage, by its path from the project's folder (forward slashes); undefined for what is no stage's (packages, tests). */
function stageOf(path: string): Stage | undefined {
  const lib = /^src\/lib\/([^/]+)\//.exec(path)?.[1];
  if (lib !== undefined) return (STAGES as readonly string[]).includes(lib) ? (lib as Stage) : undefined;
  if (path.startsWith("_data/")) return "data";
  if (path.startsWith("scripts/") || path.startsWith("netlify/functions/")) return "entry";
  return undefined;
}

/** The project's own modules an import names, relative ones only: a package or node: builtin is none of ours. */
function importsIn(path: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((name) => name.startsWith("./") || name.startsWith("../"))
    .map((name) => join(dirname(path), name).split(sep).join("/"));
}

/** Every import of the modules under `roots` (folders or files, from the project's folder), by module. */
function projectGraph(roots: readonly string[]): Map<string, string[]> {
  const files = roots.flatMap((root) => {
    const full = join(PROJECT, root);
    if (!existsSync(full)) return [];
    if (!root.endsWith("/")) return [root];
    return readdirSync(full, { recursive: true, encoding: "utf8" }).map((name) => `${root}${name.split(sep).join("/")}`);
  });
  const modules = files.filter((file) => /\.m?ts$/.test(file));
  return new Map(modules.map((file) => [file, importsIn(file, readFileSync(join(PROJECT, file), "utf8"))]));
}

/** Each loop of modules importing one another (a strongly connected component of two or more, or a module importing itself), sorted. */
function importLoops(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so a long chain of imports cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      const targets = (graph.get(frame.node) ?? []).filter((target) => graph.has(target));
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      const selfImport = (graph.get(frame.node) ?? []).includes(frame.node);
      if (component.length > 1 || selfImport) loops.push(component.sort());
    }
  }
  return loops.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Each import from a stage to a stage above it, as "importer -> imported". */
function upwardImports(graph: ReadonlyMap<string, readonly string[]>, stage: (path: string) => Stage | undefined): string[] {
  const rank = (path: string): number | undefined => {
    const found = stage(path);
    return found === undefined ? undefined : STAGES.indexOf(found);
  };
  return [...graph].flatMap(([from, targets]) => {
    const own = rank(from);
    return own === undefined ? [] : targets.filter((target) => (rank(target) ?? -1) > own).map((target) => `${from} -> ${target}`);
  });
}

test("the scanner reads every kind of import a module can make, and only the project's own", () => {
  const source = [
    'import { a } from "./a.ts";',
    'import type { B } from "../model/b.ts";',
    'export { c } from "./c.ts";',
    'export * from "./d.ts";',
    'const e = await import("../story/e.ts");',
    'import { z } from "zod";',
    'import { join } from "node:path";',
  ].join("\n");
  assert.deepEqual(importsIn("src/lib/check/x.ts", source), [
    "src/lib/check/a.ts",
    "src/lib/model/b.ts",
    "src/lib/check/c.ts",
    "src/lib/check/d.ts",
    "src/lib/story/e.ts",
  ]);
});

test("a loop of imports is found, however long, and a module importing itself", () => {
  const graph = new Map([
    ["a", ["b"]],
    ["b", ["c", "d"]],
    ["c", ["a"]],
    ["d", []],
    ["e", ["e"]],
    ["f", ["d", "outside"]],
  ]);
  assert.deepEqual(importLoops(graph), [["a", "b", "c"], ["e"]]);
  assert.deepEqual(importLoops(new Map([["a", ["b"]], ["b", ["c"]], ["c", []]])), []);
});

test("an import from a lower stage to a higher one is found; down and within a stage are not", () => {
  const graph = new Map([
    ["src/lib/outputs/feeds.ts", ["src/lib/newsroom/versions.ts", "src/lib/model/urls.ts", "src/lib/outputs/xml.ts"]],
    ["src/lib/newsroom/newsroom.ts", ["src/lib/outputs/feeds.ts"]],
    ["src/lib/model/site.ts", ["_data/site.ts"]],
    ["scripts/build.ts", ["src/lib/eleventy/build-site.ts", "_data/site.ts"]],
  ]);
  assert.deepEqual(upwardImports(graph, stageOf), ["src/lib/outputs/feeds.ts -> src/lib/newsroom/versions.ts", "src/lib/model/site.ts -> _data/site.ts"]);
});

const graph = projectGraph(["src/lib/", "_data/", "scripts/", "netlify/functions/"]);

test("every folder under src/lib is a stage of the order", () => {
  const folders = readdirSync(join(PROJECT, "src/lib"), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  assert.deepEqual(folders.filter((folder) => !(STAGES as readonly string[]).includes(folder)), []);
  assert.ok(graph.size > 100, `read ${graph.size} modules`);
});

test("no module of the project imports itself through others", () => {
  assert.deepEqual(importLoops(graph), []);
});

test("no stage imports a stage above it", () => {
  assert.deepEqual(upwardImports(graph, stageOf).filter((edge) => !KNOWN_UPWARD_IMPORTS.includes(edge)), []);
  // A known exception that is gone must leave the list too, so the list never hides a new one.
  assert.deepEqual(KNOWN_UPWARD_IMPORTS.filter((edge) => !upwardImports(graph, stageOf).includes(edge)), []);
});
