import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { readCommandOptions } from "../../../src/lib/model/command-options.ts";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import { SettingsError } from "../../../src/lib/model/settings-error.ts";

const PROJECT = fileURLToPath(new URL("../../../", import.meta.url));
const OPTIONS = { quiet: { type: "boolean" }, media: { type: "string" } } as const;

/** The line readCommandOptions refuses `args` with. */
function refusal(args: string[], allowPositionals = false): string[] {
  try {
    readCommandOptions({ args, options: OPTIONS, allowPositionals }, "--quiet or --media local");
  } catch (error) {
    assert.ok(error instanceof SettingsError, `a SettingsError, not ${String(error)}`);
    return error.problems.map(formatProblem);
  }
  assert.fail(`${args.join(" ")} was read`);
}

test("the options are read as parseArgs reads them", () => {
  const { values, positionals } = readCommandOptions({ args: ["--quiet", "--media=local", "site"], options: OPTIONS, allowPositionals: true }, "");
  assert.deepEqual({ ...values }, { quiet: true, media: "local" });
  assert.deepEqual(positionals, ["site"]);
});

test("what parseArgs cannot read is one line naming the option and what the command takes, without parseArgs' advice", () => {
  assert.deepEqual(refusal(["--timing"]), ["--timing: Unknown option '--timing' (expected --quiet or --media local) [WD313]"]);
  assert.deepEqual(refusal(["--bogus", "site"], true), ["--bogus: Unknown option '--bogus' (expected --quiet or --media local) [WD313]"]);
  assert.deepEqual(refusal(["--quiet=yes"]), ["--quiet: Option '--quiet' does not take an argument (expected --quiet or --media local) [WD313]"]);
  assert.deepEqual(refusal(["--media"]), ["--media: Option '--media <value>' argument missing (expected --quiet or --media local) [WD313]"]);
  assert.deepEqual(refusal(["site"]), ["site: Unexpected argument 'site' (expected --quiet or --media local) [WD313]"]);
});

for (const [script, args, line] of [
  ["build.ts", ["--timing"], "build: --timing: Unknown option '--timing' (expected --timings, --quiet, --explain <page> or --media local) [WD313]"],
  ["preview.ts", ["--hots", "github-pages"], "preview: --hots: Unknown option '--hots' (expected --host netlify or --host github-pages, --prefix /<folder>/, --port N or --dir <built site>) [WD313]"],
] as const) {
  test(`npm run ${script.replace(".ts", "")} -- ${args.join(" ")} says so in one line, with no stack, and exits 2`, () => {
    const run = spawnSync(process.execPath, [`scripts/${script}`, ...args], { cwd: PROJECT, encoding: "utf8" });
    assert.equal(run.stderr, `${line}\n`);
    assert.equal(run.status, 2);
  });
}
