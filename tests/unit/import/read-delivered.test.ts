import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDeliveredFile } from "../../../src/lib/import/read-delivered.ts";
import { AGENCIES } from "../../support/agencies.ts";

test("an item's source is spelt as the settings list the name it used, in every format", async (t) => {
  const drop = mkdtempSync(join(tmpdir(), "read-delivered-"));
  t.after(() => rmSync(drop, { recursive: true, force: true }));
  const item = (copyrightholder: string) =>
    JSON.stringify({ uri: "urn:x:1", versioncreated: "2013-09-02T15:40:00+04:00", copyrightholder, headlines: [{ value: "H" }], bodies: [{ value: "B" }] });
  const sourceOf = async (copyrightholder: string) => {
    writeFileSync(join(drop, "item.json"), item(copyrightholder));
    const read = await readDeliveredFile(join(drop, "item.json"), { agencies: AGENCIES });
    assert.deepEqual(read.problems, []);
    return read.items[0]?.source;
  };
  assert.equal(await sourceOf("ITAR-TASS"), "Itar-Tass");
  assert.equal(await sourceOf("associated press"), "Associated Press");
  // An agency the settings do not list keeps the item's own spelling.
  assert.equal(await sourceOf("Harbour Press"), "Harbour Press");
});

test("wire text is delivered at its file's modification time, unless the run says otherwise", async (t) => {
  const drop = mkdtempSync(join(tmpdir(), "read-delivered-"));
  t.after(() => rmSync(drop, { recursive: true, force: true }));
  const file = join(drop, "0002.txt");
  writeFileSync(file, "Floods close roads\n\nNAIROBI, Dec 5 (Kyodo News) - Roads were shut.\n");
  utimesSync(file, new Date("2026-12-06T07:45:00Z"), new Date("2026-12-06T07:45:00Z"));
  const byFile = await readDeliveredFile(file, { agencies: AGENCIES });
  assert.deepEqual(byFile.items.map((item) => [item.released, item.notes]), [
    [{ local: "2026-12-05T07:45:00" }, [{ line: 3, field: "dateline", message: 'dated 2026-12-05 by its dateline ("NAIROBI, Dec 5"); delivered 2026-12-06', code: "WD227" }]],
  ]);
  const told = await readDeliveredFile(file, { delivered: { local: "2026-12-05T20:00:00", offset: "+03:00" }, agencies: AGENCIES });
  assert.deepEqual(told.items.map((item) => [item.released, item.notes]), [[{ local: "2026-12-05T20:00:00", offset: "+03:00" }, undefined]]);
});
