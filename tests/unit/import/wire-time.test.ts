import { test } from "node:test";
import assert from "node:assert/strict";
import { formatWireTime, readWireTime, wireTimeMillis } from "../../../src/lib/import/wire-time.ts";

test("reads the extended and basic ISO 8601 forms agencies send", () => {
  assert.deepEqual(readWireTime("2013-09-02T15:40:00+04:00"), { local: "2013-09-02T15:40:00", offset: "+04:00" });
  assert.deepEqual(readWireTime("20130902T154000+0400"), { local: "2013-09-02T15:40:00", offset: "+04:00" });
  assert.deepEqual(readWireTime("20130902T1540-05"), { local: "2013-09-02T15:40:00", offset: "-05:00" });
  assert.deepEqual(readWireTime("2013-09-02T11:40:00.123z"), { local: "2013-09-02T11:40:00", offset: "Z" });
  assert.deepEqual(readWireTime(" 2013-09-02T15:40 "), { local: "2013-09-02T15:40:00" });
  assert.deepEqual(readWireTime("20130902"), { local: "2013-09-02" });
});

test("refuses what is not a real time in those forms", () => {
  for (const text of ["Mon, 02 Sep 2013 15:40:00 +0400", "2013-02-30", "20130902T2540", "2013-09-02T15:40+25:00", "9/2/2013", ""]) {
    assert.equal(readWireTime(text), undefined, text);
  }
});

test("writes an instant with its offset, and applies a zone only to a time without one", () => {
  const time = readWireTime("20130902T154000+0400");
  assert.ok(time);
  assert.equal(formatWireTime(time), "2013-09-02T15:40:00+04:00");
  assert.equal(wireTimeMillis(time, "America/New_York"), Date.UTC(2013, 8, 2, 11, 40));
  const local = readWireTime("2013-09-02T15:40:00");
  assert.ok(local);
  assert.equal(wireTimeMillis(local, undefined), undefined);
  assert.equal(wireTimeMillis(local, "Europe/Moscow"), Date.UTC(2013, 8, 2, 11, 40));
});
