import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { pathToFileURL } from "node:url";
import { loadSettingsModule } from "../../../src/lib/eleventy/settings.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { SettingsError } from "../../../src/lib/model/settings-error.ts";

const dir = mkdtempSync(join(tmpdir(), "settings-module-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A settings module of `text`, loaded as the build loads _data/site.ts: the problem line it gives, or what else it threw. */
async function load(name: string, text: string): Promise<unknown> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const url = pathToFileURL(path);
  try {
    return await loadSettingsModule(() => import(`${url.href}?_cache_bust=1`), url, "_data/site.ts");
  } catch (error) {
    return error instanceof SettingsError ? error.problems.map(formatProblem) : error;
  }
}

test("a missing comma between two entries is one line at the file, line and column Node gives, with no stack", async () => {
  const text = 'export const settings = {\n  agencies: [\n    { name: "Reuters" }\n    { name: "TASS" },\n  ],\n};\n';
  assert.deepEqual(await load("comma.ts", text), [
    "_data/site.ts:4:5: not valid TypeScript: Expected ',', got '{' (expected the settings as TypeScript: look here and just before, for a missing comma, bracket or quote) [WD307]",
  ]);
});

test("an error the settings throw as they run is at its line", async () => {
  assert.deepEqual(await load("runs.ts", "export const settings = {\n  pageSize: PAGES,\n};\n"), [
    "_data/site.ts:2:13: stopped as it ran: ReferenceError: PAGES is not defined (expected settings that run: look at this line) [WD307]",
  ]);
});

test("a fault of a module the settings import is no settings problem: it is thrown as it was", async () => {
  writeFileSync(join(dir, "broken.ts"), "export const x = ;\n");
  const thrown = await load("imports.ts", 'import { x } from "./broken.ts";\nexport const settings = { x };\n');
  assert.ok(thrown instanceof SyntaxError, `the SyntaxError itself, not ${String(thrown)}`);
});

test("settings that load are returned", async () => {
  assert.deepEqual({ ...((await load("good.ts", "export const settings = { pageSize: 20 };\n")) as object) }, { settings: { pageSize: 20 } });
});
