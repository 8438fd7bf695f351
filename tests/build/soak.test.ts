/**
 * A few days of a desk (npm run soak, small): wire drops imported, stories edited by hand, the
 * site built each evening, and every invariant checked after each day: no published story lost
 * or changed but by its agency or its editor, every editor's change kept, the build green, and
 * no cache entry left for a story that is gone.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { test } from "node:test";
import { PROJECT } from "../../scripts/lib/project-copy.ts";

test("three days of eight wire items keep every invariant", { timeout: 600_000 }, (t) => {
  const run = spawnSync(process.execPath, ["scripts/soak.ts", "--days", "3", "--items", "8"], { cwd: PROJECT, encoding: "utf8" });
  const output = `${run.stdout}${run.stderr}`;
  const copy = /^soak: \d+ days of \d+ items in (\S+)$/m.exec(output)?.[1];
  if (copy) t.after(() => rmSync(copy, { recursive: true, force: true }));
  const broken = output.split("\n").filter((line) => /^soak: day \d+/.test(line));
  assert.equal(run.status, 0, `npm run soak -- --days 3 --items 8 broke:\n${broken.join("\n") || output}`);
  assert.equal(output.match(/^day \d+ \(\d{4}-\d{2}-\d{2}\): \d+ items: /gm)?.length, 3, `one line per day\n${output}`);
  assert.match(output, /^soak: every invariant held: 3 days, \d+ items: /m);
});
