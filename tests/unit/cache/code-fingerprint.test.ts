import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, test } from "node:test";
import { codeFingerprint } from "../../../src/lib/cache/code-fingerprint.ts";

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A folder of its own for a test, removed when the tests end. */
function tempFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A tiny project: an entry module, what it imports in turn, and a module nothing imports. */
function project(): string {
  const root = tempFolder("code-fingerprint-test-");
  mkdirSync(join(root, "lib", "model"), { recursive: true });
  writeFileSync(join(root, "lib", "read.ts"), 'import { readFileSync } from "node:fs";\nimport { date } from "./model/dates.ts";\nexport const read = () => date;\n');
  writeFileSync(join(root, "lib", "model", "dates.ts"), 'import type { Place } from "./problems.js";\nexport const date = "2013-09-02";\n');
  writeFileSync(join(root, "lib", "model", "problems.ts"), "export interface Place { line: number }\n");
  writeFileSync(join(root, "lib", "unused.ts"), "export const unused = 1;\n");
  return root;
}

const fingerprint = (root: string) => codeFingerprint([pathToFileURL(join(root, "lib", "read.ts"))]);

test("the reading code's hash changes with every module it imports, in turn, and with nothing else", () => {
  const root = project();
  const before = fingerprint(root);
  assert.equal(fingerprint(root), before);

  writeFileSync(join(root, "lib", "unused.ts"), "export const unused = 2;\n");
  assert.equal(fingerprint(root), before, "a module nothing imports");

  // A copy of the project elsewhere runs the same code.
  const moved = tempFolder("code-fingerprint-moved-");
  cpSync(root, moved, { recursive: true });
  assert.equal(fingerprint(moved), before, "the project moved");

  writeFileSync(join(root, "lib", "model", "problems.ts"), "export interface Place { line: number; file: string }\n");
  const changed = fingerprint(root);
  assert.notEqual(changed, before, "a module imported through another, named ./problems.js as TypeScript allows");
  writeFileSync(join(root, "lib", "model", "dates.ts"), 'import type { Place } from "./problems.js";\nexport const date = "2013-09-03";\n');
  assert.notEqual(fingerprint(root), changed, "a module the entry imports");
});

test("the packages the code imports count by their installed version", () => {
  const root = project();
  writeFileSync(join(root, "lib", "read.ts"), 'import { DateTime } from "luxon";\nexport const read = () => DateTime;\n');
  const folder = join(root, "node_modules", "luxon");
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "package.json"), '{"name": "luxon", "version": "3.7.2"}');
  const installed = fingerprint(root);
  writeFileSync(join(folder, "package.json"), '{"name": "luxon", "version": "3.7.3"}');
  const upgraded = fingerprint(root);
  assert.notEqual(upgraded, installed);
  // npm's record of the whole tree: a dependency's dependency changed.
  writeFileSync(join(root, "node_modules", ".package-lock.json"), '{"packages": {}}');
  assert.notEqual(fingerprint(root), upgraded);
});

test("the runtime counts: Node.js, and the ICU data, time zones and CLDR that date and sort stories", () => {
  const root = project();
  const entry = [pathToFileURL(join(root, "lib", "read.ts"))];
  const runtime = { node: "24.11.0", icu: "77.1", tz: "2025b", cldr: "47.0", unicode: "16.0" };
  const base = codeFingerprint(entry, runtime);
  assert.equal(codeFingerprint(entry, { ...runtime }), base);
  for (const part of Object.keys(runtime) as (keyof typeof runtime)[]) assert.notEqual(codeFingerprint(entry, { ...runtime, [part]: "other" }), base, part);
});
