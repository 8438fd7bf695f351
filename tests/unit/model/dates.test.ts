import assert from "node:assert/strict";
import { test } from "node:test";
import { IANAZone } from "luxon";
import {
  canonicalZone,
  DATE_FORMS,
  formatCalendarDay,
  formatCalendarMonth,
  formatCalendarMonthTitle,
  formatDatelineDay,
  isBeforeStory,
  isBeforeStoryAnywhere,
  isKnownZone,
  parseStoryDate,
  parseUnzonedDate,
  toDateView,
  type StoryDate,
} from "../../../src/lib/model/dates.ts";

/** How the English edition prints dates (_data/strings/en.json's pattern). */
const ENGLISH = { locale: "en", dateTime: "{date}, {time} {zone}", timeOfDay: "{time} {zone}" };
const RUSSIAN = { locale: "ru", dateTime: "{date}, {time} {zone}", timeOfDay: "{time} {zone}" };

function parsed(raw: string, zone: string): StoryDate {
  const result = parseStoryDate(raw, zone);
  assert.ok(result.ok, `expected ${raw} to parse, got ${JSON.stringify(result)}`);
  return result.date;
}

test("a date-only story keeps its calendar day at the dateline and claims no time", () => {
  const date = parsed("2013-09-02", "Europe/Moscow");
  assert.equal(date.hasTime, false);
  assert.equal(toDateView(date, ENGLISH).datetime, "2013-09-02");
  assert.equal(toDateView(date, ENGLISH).display, "September 2, 2013");
  assert.equal(formatDatelineDay(date, "en"), "September 2");
  assert.equal(date.at.toISO(), "2013-09-02T00:00:00.000+04:00", "Moscow was UTC+4 in 2013");
});

test("a local time is read at the dateline, with that place's offset", () => {
  const date = parsed("2013-09-02T15:40", "Europe/Moscow");
  assert.equal(toDateView(date, ENGLISH).datetime, "2013-09-02T15:40:00+04:00");
  assert.equal(toDateView(date, ENGLISH).display, "September 2, 2013, 15:40 MSK");
});

test("an instant is shown on the calendar day at the dateline, not in UTC", () => {
  // 03:30 UTC on the 3rd is 23:30 on the 2nd in Washington.
  const date = parsed("2013-09-03T03:30:00Z", "America/New_York");
  assert.equal(toDateView(date, ENGLISH).datetime, "2013-09-02T23:30:00-04:00");
  assert.equal(formatDatelineDay(date, "en"), "September 2");
  const offset = parsed("2013-09-02T23:30:00-04:00", "America/New_York");
  assert.equal(offset.at.toMillis(), date.at.toMillis());
});

test("the shown day does not depend on the build machine's zone", () => {
  const before = process.env["TZ"];
  try {
    for (const zone of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]) {
      process.env["TZ"] = zone;
      assert.equal(toDateView(parsed("2013-09-02T23:30", "America/New_York"), ENGLISH).display, "September 2, 2013, 23:30 EDT");
      assert.equal(toDateView(parsed("2013-09-02", "Europe/Moscow"), ENGLISH).display, "September 2, 2013");
    }
  } finally {
    if (before === undefined) delete process.env["TZ"];
    else process.env["TZ"] = before;
  }
});

test("impossible dates and times are refused with what was expected", () => {
  for (const raw of ["2013-02-30", "2013-13-01", "2013-09-02T24:30", "2013-09-31T10:00Z"]) {
    const result = parseStoryDate(raw, "Europe/Moscow");
    assert.equal(result.ok, false, raw);
    assert.match(!result.ok ? result.problem : "", /is not a real date \(expected a date like 2013-09-02/);
  }
});

test("text that is not a date in any accepted form is refused", () => {
  for (const raw of ["September 2, 2013", "2013/09/02", "2013-9-2", "yesterday", ""]) {
    const result = parseStoryDate(raw, "Europe/Moscow");
    assert.equal(result.ok, false, raw);
    assert.match(!result.ok ? result.problem : "", /is not a date \(expected/);
  }
});

test("a local time the clocks skipped is refused", () => {
  const result = parseStoryDate("2013-03-10T02:30", "America/New_York");
  assert.deepEqual(result, {
    ok: false,
    problem: '"2013-03-10T02:30" does not exist in America/New_York: the clocks skipped it (expected a time that happened there)',
  });
});

test("a local time that happened twice, as the clocks were put back, is refused, naming both; with its offset it is read", () => {
  assert.deepEqual(parseStoryDate("2026-10-25T01:30", "Europe/London"), {
    ok: false,
    problem: '"2026-10-25T01:30" happened twice in Europe/London, as the clocks were put back (expected the time with the offset you mean: 2026-10-25T01:30+01:00 the first time, or 2026-10-25T01:30+00:00 the second)',
  });
  const first = parseStoryDate("2026-10-25T01:30+01:00", "Europe/London");
  assert.ok(first.ok);
  assert.equal(first.date.at.toISO(), "2026-10-25T01:30:00.000+01:00");
  assert.ok(parseStoryDate("2026-10-25T02:30", "Europe/London").ok, "an hour after, the time happened once");
});

test("24:00 is no time of a day: refused as such, not as a time the clocks skipped", () => {
  const problem = '"2024-03-15T24:00" is not a time of that day: a day\'s times run from 00:00 to 23:59 (expected the next day\'s 00:00 for midnight after it)';
  assert.deepEqual(parseStoryDate("2024-03-15T24:00", "Europe/London"), { ok: false, problem });
  assert.equal(parseStoryDate("2024-03-15T24:00:00Z", "Europe/London").ok, false);
  assert.equal(parseStoryDate("2024-03-16T00:00", "Europe/London").ok, true);
});

test("a Russian edition's dates are luxon's Russian full dates, the month in the genitive", () => {
  assert.equal(toDateView(parsed("2013-09-02T15:40", "Europe/Moscow"), RUSSIAN).display, "2 сентября 2013 г., 15:40 MSK");
  assert.equal(toDateView(parsed("2013-03-07", "Asia/Seoul"), RUSSIAN).display, "7 марта 2013 г.");
  assert.equal(formatDatelineDay(parsed("2013-03-07T10:15", "Asia/Seoul"), "ru"), "7 марта");
  // The day is the one at the dateline: 21:30 UTC on March 6 is March 7 in Seoul.
  assert.equal(formatDatelineDay(parsed("2013-03-06T21:30Z", "Asia/Seoul"), "ru"), "7 марта");
  assert.equal(formatCalendarDay("2013-09-02", "ru"), "2 сентября 2013 г.");
  assert.equal(formatCalendarMonth("2013-09", "ru"), "сентябрь 2013 г.", "as a sentence names it");
  assert.equal(formatCalendarMonthTitle("2013-09", "ru"), "Сентябрь 2013 г.", "a title starts with a capital");
  assert.equal(formatCalendarMonth("2013-09", "en"), "September 2013");
});

test("a date outside 1900 to 2099 is a typo", () => {
  const result = parseStoryDate("2103-09-02", "Europe/Moscow");
  assert.deepEqual(result, { ok: false, problem: `"2103-09-02" is outside the years 1900 to 2099 (expected ${DATE_FORMS})` });
  assert.equal(parseStoryDate("1899-12-31T23:00Z", "UTC").ok, false);
  assert.equal(parseStoryDate("2099-12-31", "UTC").ok, true);
});

/** How a local time at the zone is shown to readers. */
const shown = (raw: string, zone: string): string => toDateView(parsed(raw, zone), ENGLISH).display;

test("the zone is named as readers of the place know it", () => {
  assert.equal(shown("2013-09-02T15:40", "America/New_York"), "September 2, 2013, 15:40 EDT");
  assert.equal(shown("2013-01-15T15:40", "America/New_York"), "January 15, 2013, 15:40 EST");
  // Hamburg's dateline is read in Europe/Berlin.
  assert.equal(shown("2013-09-02T15:40", "Europe/Berlin"), "September 2, 2013, 15:40 CEST");
  assert.equal(shown("2013-01-15T15:40", "Europe/Berlin"), "January 15, 2013, 15:40 CET");
  assert.equal(shown("2013-09-02T15:40", "Europe/London"), "September 2, 2013, 15:40 BST");
  assert.equal(shown("2013-01-15T15:40", "Europe/London"), "January 15, 2013, 15:40 GMT");
  assert.equal(shown("2013-09-02T15:40", "Asia/Kolkata"), "September 2, 2013, 15:40 IST");
  assert.equal(shown("2013-09-02T15:40", "Europe/Dublin"), "September 2, 2013, 15:40 IST", "Irish Standard Time, in summer");
});

test("names the locale data lacks come from the site's own list, by offset and season", () => {
  assert.equal(shown("2013-09-02T15:40", "Europe/Moscow"), "September 2, 2013, 15:40 MSK", "UTC+4 all year from 2011 to 2014");
  assert.equal(shown("2016-07-01T12:00", "Europe/Moscow"), "July 1, 2016, 12:00 MSK", "UTC+3 since 2014");
  assert.equal(shown("2010-07-01T12:00", "Europe/Moscow"), "July 1, 2010, 12:00 MSD", "UTC+4 was summer time before 2011");
  assert.equal(shown("2013-09-02T15:40", "Asia/Tokyo"), "September 2, 2013, 15:40 JST");
  assert.equal(shown("2013-09-02T15:40", "Asia/Seoul"), "September 2, 2013, 15:40 KST");
  // Pyongyang kept its own UTC+8:30 from 2015 to 2018: not KST.
  assert.equal(shown("2016-07-01T12:00", "Asia/Pyongyang"), "July 1, 2016, 12:00 GMT+8:30");
});

test("a zone's other IANA name gets the same abbreviation", () => {
  assert.equal(shown("2013-09-02T15:40", "Asia/Calcutta"), "September 2, 2013, 15:40 IST");
  assert.equal(shown("2013-09-02T15:40", "Europe/Kiev"), shown("2013-09-02T15:40", "Europe/Kyiv"));
});

test("a zone its readers have no abbreviation for keeps its offset from GMT", () => {
  assert.equal(shown("2013-09-02T15:40", "Asia/Shanghai"), "September 2, 2013, 15:40 GMT+8");
  assert.equal(shown("2013-09-02T15:40", "America/Sao_Paulo"), "September 2, 2013, 15:40 GMT-3");
});

/** What is wrong with a date read without its dateline's zone, or undefined. */
function unzonedProblem(raw: string): string | undefined {
  const result = parseUnzonedDate(raw);
  return result.ok ? undefined : result.problem;
}

test("without the dateline's zone a date is still checked for its form, its calendar and its years", () => {
  assert.equal(unzonedProblem("2024-02-30"), `"2024-02-30" is not a real date (expected ${DATE_FORMS})`);
  assert.equal(unzonedProblem("2024-02-29T24:30"), `"2024-02-29T24:30" is not a real date (expected ${DATE_FORMS})`);
  assert.equal(unzonedProblem("2 March 2024"), `"2 March 2024" is not a date (expected ${DATE_FORMS})`);
  assert.equal(unzonedProblem("2103-09-02"), `"2103-09-02" is outside the years 1900 to 2099 (expected ${DATE_FORMS})`);
  for (const raw of ["2024-02-29", "2024-02-29T23:40", "2024-02-29T23:40:00+05:30"]) assert.equal(unzonedProblem(raw), undefined, raw);
  // Whether the clocks skipped a time is a question for the dateline's zone, asked once it is known.
  assert.equal(unzonedProblem("2013-03-10T02:30"), undefined);
});

test("a date written with a space where its time starts, as Jekyll and Hugo write it, is refused with the one-character fix", () => {
  const fix = "a T between the date and its time, and no space before an offset";
  assert.equal(unzonedProblem("2013-09-03 13:00:00"), `"2013-09-03 13:00:00" is written with a space (expected 2013-09-03T13:00:00: ${fix})`);
  assert.equal(unzonedProblem("2013-09-03 13:00:00 +0300"), `"2013-09-03 13:00:00 +0300" is written with a space (expected 2013-09-03T13:00:00+0300: ${fix})`);
  assert.equal(unzonedProblem("2013-09-03T13:00:00 Z"), `"2013-09-03T13:00:00 Z" is written with a space (expected 2013-09-03T13:00:00Z: ${fix})`);
  // Words after a day are no time: the forms are listed.
  assert.equal(unzonedProblem("2013-09-03 noon"), `"2013-09-03 noon" is not a date (expected ${DATE_FORMS})`);
});

test("a date-only update on the story's own day is not before it; an earlier day or time is", () => {
  const story = parsed("2024-03-14T23:40", "Europe/Berlin");
  const before = (raw: string) => isBeforeStory(parsed(raw, "Europe/Berlin"), story);
  assert.equal(before("2024-03-14"), false, "the same calendar day at the dateline");
  assert.equal(before("2024-03-15"), false);
  assert.equal(before("2024-03-13"), true);
  assert.equal(before("2024-03-14T23:39"), true);
  assert.equal(before("2024-03-14T23:40"), false);
  // 22:30 UTC is 23:30 in Berlin: ten minutes before the story, on its day.
  assert.equal(before("2024-03-14T22:30Z"), true);
  const dateOnly = parsed("2024-03-14", "Europe/Berlin");
  assert.equal(isBeforeStory(parsed("2024-03-14T00:00", "Europe/Berlin"), dateOnly), false);
  assert.equal(isBeforeStory(parsed("2024-03-13T23:59", "Europe/Berlin"), dateOnly), true);
});

test("a zone is known exactly when Intl knows it, asked again and again", () => {
  const names = ["Europe/Moscow", "Asia/Calcutta", "America/Argentina/Buenos_Aires", "UTC", "utc", "Etc/GMT+5", "", "Fantasia/Castle", "Europe/Moscow ", "Moscow"];
  for (const round of [1, 2]) {
    for (const name of names) assert.equal(isKnownZone(name), IANAZone.isValidZone(name), `${name} (round ${round})`);
  }
  assert.equal(isKnownZone("Fantasia/Castle"), false);
  assert.equal(isKnownZone("Asia/Calcutta"), true);
});

test("a zone's two IANA names share one canonical name, however often it is asked", () => {
  for (const round of [1, 2]) {
    assert.equal(canonicalZone("Asia/Kolkata"), canonicalZone("Asia/Calcutta"), `round ${round}`);
    assert.equal(canonicalZone("Europe/Kyiv"), canonicalZone("Europe/Kiev"), `round ${round}`);
    assert.notEqual(canonicalZone("Europe/Kyiv"), canonicalZone("Europe/Moscow"), `round ${round}`);
  }
});

test("without the dateline's zone an update is before the story only where no zone could make it later", () => {
  const read = (raw: string) => {
    const result = parseUnzonedDate(raw);
    assert.ok(result.ok, raw);
    return result.date;
  };
  const before = (later: string, story: string) => isBeforeStoryAnywhere(read(later), read(story));
  // Written alike, both are at the dateline: compared as written.
  assert.equal(before("2024-03-14", "2024-03-15"), true);
  assert.equal(before("2024-03-15", "2024-03-15T23:00"), false);
  assert.equal(before("2024-03-15T09:00", "2024-03-15T10:00"), true);
  assert.equal(before("2024-03-15T09:00Z", "2024-03-15T10:00+02:00"), false);
  assert.equal(before("2024-03-15T07:59Z", "2024-03-15T10:00+02:00"), true);
  // An instant against a local time: only a gap no offset from UTC-12 to UTC+14 can close.
  assert.equal(before("2024-03-14T20:00Z", "2024-03-15T09:00"), false);
  assert.equal(before("2024-03-14T18:59Z", "2024-03-15T09:00"), true);
  assert.equal(before("2024-03-14T21:01", "2024-03-15T09:00Z"), false);
  assert.equal(before("2024-03-14T20:59", "2024-03-15T09:00Z"), true);
  // A local day against an instant: the story's day at the dateline is at least its day at UTC-12.
  assert.equal(before("2024-03-14", "2024-03-15T09:00Z"), false);
  assert.equal(before("2024-03-14", "2024-03-15T13:00Z"), true);
});

test("a story's time of day is printed at its dateline, with the zone readers there know; a date-only story has none", () => {
  const time = (raw: string, zone: string, timeOfDay = ENGLISH.timeOfDay) => toDateView(parsed(raw, zone), { ...ENGLISH, timeOfDay }).timeOfDay;
  assert.equal(time("2013-09-02T15:40", "Europe/Moscow"), "15:40 MSK");
  // An instant typed in UTC is still the dateline's time.
  assert.equal(time("2013-09-02T11:40Z", "Europe/Moscow"), "15:40 MSK");
  assert.equal(time("2013-07-01T09:05", "Europe/London", "{time} ({zone})"), "09:05 (BST)");
  assert.equal(time("2013-09-02", "Europe/Moscow"), undefined);
});
