import { test } from "node:test";
import assert from "node:assert/strict";
import { formatWireTime, readRfc822Time, readWireTime, wireTimeMillis } from "../../../src/lib/import/wire-time.ts";

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

test("reads RSS's RFC 822 dates: numeric offsets, the zone names RFC 822 allows, two- and four-digit years", () => {
  assert.deepEqual(readRfc822Time("Wed, 10 Jul 2024 14:30:00 +0200"), { local: "2024-07-10T14:30:00", offset: "+02:00" });
  assert.deepEqual(readRfc822Time(" Mon, 4 Nov 2024 14:00:00 GMT "), { local: "2024-11-04T14:00:00", offset: "Z" });
  assert.deepEqual(readRfc822Time("1 Jan 2024 9:05 EST"), { local: "2024-01-01T09:05:00", offset: "-05:00" });
  assert.deepEqual(readRfc822Time("Sat, 02 Mar 24 23:59:59 PDT"), { local: "2024-03-02T23:59:59", offset: "-07:00" });
  assert.deepEqual(readRfc822Time("Sat, 02 Mar 2024 23:59:59"), { local: "2024-03-02T23:59:59" }, "no zone: read at the feed's");
});

test("refuses what is not an RFC 822 date or not a real one", () => {
  for (const text of ["2024-07-10T14:30:00Z", "Wed, 31 Feb 2024 10:00:00 GMT", "Wed, 10 Jly 2024 10:00:00 GMT", "Wed, 10 Jul 2024 25:00:00 GMT", "Wed, 10 Jul 2024 10:00:00 CET", "10 Jul 2024"]) {
    assert.equal(readRfc822Time(text), undefined, text);
  }
});
