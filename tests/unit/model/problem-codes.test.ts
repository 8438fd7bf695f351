import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { formatProblem, PROBLEM_CODES, zodProblems } from "../../../src/lib/model/problems.ts";
import { z } from "zod";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const REGISTRY = "src/lib/model/problems.ts";

/** The guide's table of problem codes: code, title and example line of each row. */
function guideRows(): { code: string; title: string; example: string }[] {
  const guide = readFileSync(join(ROOT, "docs", "editors-guide.md"), "utf8");
  const section = guide.slice(guide.indexOf("### Problem codes"));
  const table = section.slice(0, section.indexOf("\n### "));
  return [...table.matchAll(/^\| (WD\d{3}) \| (.+?) \| `(.+)` \|$/gm)].map(([, code, title, example]) => ({ code: code!, title: title!, example: example! }));
}

/** Every source file under src/, but the registry itself. */
function sourceFiles(folder = join(ROOT, "src")): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|njk|md|json)$/.test(entry.name) && !path.endsWith(REGISTRY) ? [path] : [];
  });
}

test("the guide lists every code of the registry, in its order, with its title and an example line it prints", () => {
  const rows = guideRows();
  assert.deepEqual(rows.map(({ code, title }) => [code, title]), Object.entries(PROBLEM_CODES));
  // A story's problem is at its file and line; the import prints an item's line, or a reason under it; a setting is in a file or
  // the environment; a built file's problem is at a line and column, or at the file as a whole.
  const forms: Readonly<Record<string, RegExp>> = {
    "1": /^src\/news\/[^:]+:\d+: [^:]+: .+ \[WD\d{3}\]$/,
    "2": /^(?:(?:created|updated|unchanged|withdrawn|held|refused) +\S+.*: |[^\s:]+(?::\d+)*: )?.+ \[WD\d{3}\]$/,
    "3": /^(?:_data\/[^:\s]+(?::\d+){0,2}: )?(?:[^:\s]+: )?.+ \[WD\d{3}\]$/,
    "4": /^[^:\s]+(?::\d+:\d+)?: [^:]+: .+ \[WD\d{3}\]$/,
  };
  for (const { code, example } of rows) {
    assert.match(example, forms[code.charAt(2)] ?? /^$/, `${code}: an example reads as its stage prints it: place, field, problem [code]`);
    assert.ok(example.endsWith(` [${code}]`), `${code}: its example is a line of its own code, not ${example}`);
  }
});

test("every code the sources name is in the registry", () => {
  const known = new Set(Object.keys(PROBLEM_CODES));
  const used = sourceFiles().flatMap((file) => [...readFileSync(file, "utf8").matchAll(/\bWD\d{3}\b/g)].map(([code]) => ({ file, code })));
  assert.ok(used.length > 0, "the producers name their codes");
  assert.deepEqual(used.filter(({ code }) => !known.has(code)), []);
});

test("the code comes last on the line, after the expected form; a message over lines has it on its first", () => {
  assert.equal(formatProblem({ file: "a.md", line: 4, field: "draft", message: 'got "maybe" (expected true or false)', code: "WD121" }), 'a.md:4: draft: got "maybe" (expected true or false) [WD121]');
  assert.equal(
    formatProblem({ file: "a.md", line: 5, field: "timezone", message: "names two cities; add one of these lines:\n    timezone: Europe/London", code: "WD125" }),
    "a.md:5: timezone: names two cities; add one of these lines: [WD125]\n    timezone: Europe/London",
  );
});

test("a place is file:line, file:line:column where a checker gives one, the file alone where it has no lines, nothing for an environment variable", () => {
  const problem = { field: "f", message: "m", code: "WD121" } as const;
  assert.equal(formatProblem({ ...problem, file: "news/index.html", line: 3, column: 7 }), "news/index.html:3:7: f: m [WD121]");
  assert.equal(formatProblem({ ...problem, file: "drop/0001.json" }), "drop/0001.json: f: m [WD121]");
  assert.equal(formatProblem({ ...problem, file: "" }), "f: m [WD121]");
});

test("zod's issues become problems of their fields: a value not written is missing, one written wrong is not in the expected form", () => {
  const schema = z.object({ title: z.string({ error: "no title" }), photo: z.object({ alt: z.string({ error: "no alt" }), credit: z.string({ error: "no credit" }) }) });
  const input = { photo: { alt: 3 } };
  const result = schema.safeParse(input);
  assert.equal(result.success, false);
  assert.deepEqual(zodProblems(result.error!.issues, input, ["story"]), [
    { field: "story.title", message: "no title", code: "WD120" },
    { field: "story.photo.alt", message: "no alt", code: "WD121" },
    { field: "story.photo.credit", message: "no credit", code: "WD120" },
  ]);
});
