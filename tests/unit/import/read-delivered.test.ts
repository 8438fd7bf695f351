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

test("a file that is not UTF-8 is refused with the encoding its bytes read as and how to convert it", async (t) => {
  const drop = mkdtempSync(join(tmpdir(), "read-delivered-"));
  t.after(() => rmSync(drop, { recursive: true, force: true }));
  const refusal = async (name: string, bytes: Buffer) => {
    writeFileSync(join(drop, name), bytes);
    const read = await readDeliveredFile(join(drop, name), { agencies: AGENCIES });
    assert.equal(read.items.length, 0);
    return read.problems.map(({ line, message, code }) => [line, message, code]);
  };
  const expected = (encoding: string) => `(expected a ninjs, NewsML-G2, NewsML 1.2, NITF, RSS, Atom, JSON Feed or wire text item in UTF-8, or XML declaring ISO-8859-1: convert it with iconv -f ${encoding} -t UTF-8)`;
  assert.deepEqual(await refusal("latin1.txt", Buffer.from("Gulls return\n\nOSLO (Reuters) - The caf\u00e9 reopened.\n", "latin1")), [
    [3, `is not UTF-8 text, from this line; its bytes read as ISO-8859-1 ${expected("ISO-8859-1")}`, "WD201"],
  ]);
  const text = "Gulls return\n\nOSLO (Reuters) - The quay reopened.\n";
  assert.deepEqual(await refusal("bom.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])), [
    [1, `is not UTF-8 text, from this line; its bytes read as UTF-16 ${expected("UTF-16")}`, "WD201"],
  ]);
  // Without a mark, UTF-16 of ASCII passes for UTF-8 with a NUL beside each character: refused all the same.
  assert.deepEqual(await refusal("no-bom.txt", Buffer.from(text, "utf16le")), [[undefined, `is not UTF-8 text; its bytes read as UTF-16LE ${expected("UTF-16LE")}`, "WD201"]]);
});
