import { test } from "node:test";
import assert from "node:assert/strict";
import { formatWireTime, readRssDate, readWireTime, wireTimeMillis } from "../../../src/lib/import/wire-time.ts";

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

/** The time an RSS date gives, with nothing read leniently. */
function rfc822(text: string) {
  const read = readRssDate(text);
  assert.ok(read.ok, text);
  assert.deepEqual([read.lenient, read.weekday], [[], undefined], text);
  return read.time;
}

test("reads RSS's RFC 822 dates: numeric offsets, the zone names RFC 822 allows, two- and four-digit years", () => {
  assert.deepEqual(rfc822("Wed, 10 Jul 2024 14:30:00 +0200"), { local: "2024-07-10T14:30:00", offset: "+02:00" });
  assert.deepEqual(rfc822(" Mon, 4 Nov 2024 14:00:00 GMT "), { local: "2024-11-04T14:00:00", offset: "Z" });
  assert.deepEqual(rfc822("1 Jan 2024 9:05 EST"), { local: "2024-01-01T09:05:00", offset: "-05:00" });
  assert.deepEqual(rfc822("Sat, 02 Mar 24 23:59:59 PDT"), { local: "2024-03-02T23:59:59", offset: "-07:00" });
  const twoDigits = readRssDate("Sat, 02 Mar 24 23:59:59 PDT");
  assert.deepEqual(twoDigits.ok && twoDigits.century, { written: "24", year: 2024 }, "the century is the importer's reading, named");
  const fourDigits = readRssDate("Wed, 10 Jul 2024 14:30:00 +0200");
  assert.equal(fourDigits.ok && fourDigits.century, undefined);
});

test("reads the forms sites publish besides RFC 822 when they say one instant, naming each", () => {
  const cases: [string, string, string[]][] = [
    ["Mon, 03 Jun 2024 10:00:00 CEST", "2024-06-03T10:00:00+02:00", ["the zone CEST, Central European Summer Time, as +02:00"]],
    ["Mon, 03 Jun 2024 10:00:00 bst", "2024-06-03T10:00:00+01:00", ["the zone BST, British Summer Time, as +01:00"]],
    ["Wed, 10 Jan 2024 10:00:00 UTC", "2024-01-10T10:00:00Z", ["the zone UTC, Coordinated Universal Time, as +00:00"]],
    ["Monday, 03 Jun 2024 10:00:00 +0200", "2024-06-03T10:00:00+02:00", ["the weekday in full"]],
    ["Sunday, 02 June 2024 23:00 +02:00", "2024-06-02T23:00:00+02:00", ["the weekday in full", "the month in full", "a colon in the offset"]],
    ["2024-06-03T10:00:00+02:00", "2024-06-03T10:00:00+02:00", ["an ISO 8601 time"]],
    ["2024-06-03T08:00:00Z", "2024-06-03T08:00:00Z", ["an ISO 8601 time"]],
    ["2024-06-03 10:00:00+02:00", "2024-06-03T10:00:00+02:00", ["an ISO 8601 time", "a space for its T"]],
    // No zone: read at the dateline's, or the feed's; RFC 822 requires one, so the reading is named.
    ["Sat, 02 Mar 2024 23:59:59", "2024-03-02T23:59:59", ["no zone, so read at the time of the story's dateline (else of the feed's --zone)"]],
    ["2024-06-03T10:00:00", "2024-06-03T10:00:00", ["an ISO 8601 time", "no zone, so read at the time of the story's dateline (else of the feed's --zone)"]],
  ];
  for (const [text, time, lenient] of cases) {
    const read = readRssDate(text);
    assert.ok(read.ok, text);
    assert.equal(formatWireTime(read.time), time, text);
    assert.deepEqual(read.lenient, lenient, text);
  }
});

test("a weekday its date does not fall on is named, and the date taken", () => {
  const read = readRssDate("Tue, 03 Jun 2024 10:00:00 +0200");
  assert.ok(read.ok);
  assert.equal(formatWireTime(read.time), "2024-06-03T10:00:00+02:00");
  assert.deepEqual(read.weekday, { written: "Tue", actual: "Monday" });
  const full = readRssDate("Friday, 03 June 2024 10:00:00 +0200");
  assert.deepEqual(full.ok && full.weekday, { written: "Friday", actual: "Monday" });
});

test("refuses what is not a date, not a real one, or gives a zone that stands for several offsets, naming them", () => {
  for (const text of ["Wed, 31 Feb 2024 10:00:00 GMT", "Wed, 10 Jly 2024 10:00:00 GMT", "Wed, 10 Jul 2024 25:00:00 GMT", "10 Jul 2024", "Wex, 10 Jul 2024 10:00:00 GMT", "2024-07-10"]) {
    assert.deepEqual(readRssDate(text), { ok: false, why: `"${text}" is not a date (expected an RFC 822 date such as Wed, 10 Jul 2024 14:30:00 +0200)` }, text);
  }
  assert.deepEqual(readRssDate("Mon, 03 Jun 2024 10:00:00 IST"), {
    ok: false,
    why: '"Mon, 03 Jun 2024 10:00:00 IST" gives its zone as IST, which stands for India\'s (+05:30), Ireland\'s (+01:00) and Israel\'s (+02:00) time alike: none is guessed (expected the offset as a number, such as +0530, or a zone abbreviation that names one offset)',
  });
  assert.deepEqual(readRssDate("Mon, 03 Jun 2024 10:00:00 XYZ"), {
    ok: false,
    why: '"Mon, 03 Jun 2024 10:00:00 XYZ" gives its zone as XYZ, an abbreviation the importer does not know (expected the offset as a number, such as +0200, or GMT)',
  });
});
