import assert from "node:assert/strict";
import { test } from "node:test";
import { datelineParts, formatDateline, resolveDatelineZone } from "../../../src/lib/story/dateline.ts";
import { parseStoryDate } from "../../../src/lib/model/dates.ts";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };

function zoneOf(place: string, explicit?: string): string | undefined {
  const result = resolveDatelineZone(place, explicit, places);
  return result.ok ? result.zone : undefined;
}

test("the newsroom's table settles ambiguous names", () => {
  assert.equal(zoneOf("WASHINGTON"), "America/New_York");
  assert.equal(zoneOf("Washington"), "America/New_York", "case does not matter");
});

test("places not in the table come from the gazetteer, most populous match first", () => {
  assert.equal(zoneOf("SAO PAULO"), "America/Sao_Paulo");
  assert.equal(zoneOf("SÃO PAULO"), "America/Sao_Paulo", "accents fold");
  assert.equal(zoneOf("SYDNEY"), "Australia/Sydney", "not Sydney, Nova Scotia");
  assert.equal(zoneOf("NAIROBI"), "Africa/Nairobi");
});

test("a name shared by large cities in different zones is not guessed: one line per zone to copy, largest city first", () => {
  const problemOf = (place: string) => {
    const result = resolveDatelineZone(place, undefined, {});
    assert.ok(!result.ok, place);
    return result.problem.split("\n");
  };
  const intro = (place: string) =>
    `"${place}" names more than one large city, in different time zones (expected the timezone of the one you mean, or the place added to _data/datelinePlaces.json); add one of these lines, largest city first:`;
  assert.deepEqual(problemOf("BIRMINGHAM"), [
    intro("BIRMINGHAM"),
    "    timezone: Europe/London     (Birmingham, West Midlands, United Kingdom)",
    "    timezone: America/Chicago   (Birmingham, Alabama, United States of America)",
  ]);
  assert.deepEqual(problemOf("VALENCIA"), [
    intro("VALENCIA"),
    "    timezone: America/Caracas   (Valencia, Carabobo, Venezuela)",
    "    timezone: Europe/Madrid     (Valencia, Comunidad Valenciana, Spain)",
  ]);
  // A province named like its city is not said twice.
  assert.ok(problemOf("SAN JOSE").includes("    timezone: America/Costa_Rica    (San Jose, Costa Rica)"));
  // The newsroom's table settles the name for every story.
  assert.deepEqual(resolveDatelineZone("BIRMINGHAM", undefined, { BIRMINGHAM: "Europe/London" }), { ok: true, zone: "Europe/London" });
});

test("a far smaller namesake does not make a name ambiguous, even without the newsroom's table", () => {
  const fromGazetteer = (place: string) => resolveDatelineZone(place, undefined, {});
  assert.deepEqual(fromGazetteer("LONDON"), { ok: true, zone: "Europe/London" }, "London, Ontario is a twentieth of London");
  assert.deepEqual(fromGazetteer("PARIS"), { ok: true, zone: "Europe/Paris" });
  assert.deepEqual(fromGazetteer("HAMBURG"), { ok: true, zone: "Europe/Berlin" });
  assert.deepEqual(fromGazetteer("PORTLAND"), { ok: true, zone: "America/Los_Angeles" }, "Portland, Maine is a twelfth of Portland, Oregon");
});

test("large namesakes in one zone are no conflict", () => {
  // Jining, Inner Mongolia is listed under Asia/Chongqing, a second name for Asia/Shanghai.
  assert.deepEqual(resolveDatelineZone("JINING", undefined, {}), { ok: true, zone: "Asia/Shanghai" });
});

test("the newsroom's table and an explicit timezone settle an ambiguous name", () => {
  assert.equal(zoneOf("VALENCIA", "Europe/Madrid"), "Europe/Madrid");
  assert.deepEqual(resolveDatelineZone("Valencia", undefined, { VALENCIA: "Europe/Madrid" }), { ok: true, zone: "Europe/Madrid" });
});

test("a dateline that names its region finds the city there, or the region's zone when all of it keeps one", () => {
  const fromGazetteer = (place: string) => resolveDatelineZone(place, undefined, {});
  assert.deepEqual(fromGazetteer("GROSSETO, Italy"), { ok: true, zone: "Europe/Rome" }, "a town the gazetteer lacks, in a country of one zone");
  assert.deepEqual(fromGazetteer("OSLO, NORWAY"), { ok: true, zone: "Europe/Oslo" });
  assert.deepEqual(fromGazetteer("PORTLAND, Maine"), { ok: true, zone: "America/New_York" }, "the region picks the smaller namesake");
  assert.deepEqual(fromGazetteer("Portland, OR"), { ok: true, zone: "America/Los_Angeles" }, "a state's code is a region too");
  assert.deepEqual(fromGazetteer("PORTLAND, Ore."), { ok: true, zone: "America/Los_Angeles" }, "so is its wire-style abbreviation");
  assert.deepEqual(fromGazetteer("CHARLESTON, W. Va."), { ok: true, zone: "America/New_York" });
  assert.deepEqual(fromGazetteer("ATLANTA, Ga."), { ok: true, zone: "America/New_York" }, "the state, where a country shares its name");
  assert.deepEqual(fromGazetteer("TBILISI, Georgia"), { ok: true, zone: "Asia/Tbilisi" }, "the country, where a state shares its name");
  assert.deepEqual(fromGazetteer("SHERBROOKE, Que."), { ok: true, zone: "America/Toronto" }, "accents fold: Québec");
  // Liberia too has a Maryland (County): a wire-style abbreviation is the US state's, whose towns keep one zone.
  assert.deepEqual(fromGazetteer("BETHESDA, Md."), { ok: true, zone: "America/New_York" }, "a US state's abbreviation is that state's");
  assert.deepEqual(fromGazetteer("HARPER, Maryland"), { ok: true, zone: "Africa/Monrovia" }, "a region written out may be any country's");
  assert.deepEqual(fromGazetteer("VALENCIA, Spain"), { ok: true, zone: "Europe/Madrid" }, "the region settles a name large cities share");
  assert.equal(fromGazetteer("SMALLTOWN, United States of America").ok, false, "a country of many zones is not guessed");
  assert.equal(fromGazetteer("GROSSETO, Atlantis").ok, false, "an unknown region is no region");
  assert.equal(fromGazetteer(", Italy").ok, false, "a region alone is no place");
});

test("a place written with a slash takes its first place's zone when the other is in it or unknown; places in two zones are not guessed", () => {
  const zone = (place: string) => {
    const result = resolveDatelineZone(place, undefined, {});
    return result.ok ? result.zone : "refused";
  };
  assert.deepEqual(["Frankfurt/Main", "BONN/BERLIN", "LONDON/PARIS", "Rom/Sydney"].map(zone), ["Europe/Berlin", "Europe/Berlin", "refused", "refused"]);
});

test("newsroom spellings the gazetteer lacks are in the table", () => {
  assert.equal(resolveDatelineZone("GAZA CITY", undefined, {}).ok, false, "the gazetteer alone does not know it");
  assert.equal(zoneOf("GAZA CITY"), "Asia/Gaza");
  assert.equal(zoneOf("Saint Petersburg"), "Europe/Moscow");
});

test("an explicit timezone wins over the table", () => {
  assert.equal(zoneOf("MOSCOW", "Europe/Samara"), "Europe/Samara");
});

test("an unknown place without a timezone is a problem that says what to do", () => {
  const result = resolveDatelineZone("GOTHAM", undefined, places);
  assert.equal(result.ok, false);
  assert.match(!result.ok ? result.problem : "", /"GOTHAM".*expected a timezone field with an IANA name.*_data\/datelinePlaces\.json/);
});

test("every zone in the newsroom's table is a real IANA zone", () => {
  for (const [place, zone] of Object.entries(places)) {
    assert.equal(zoneOf(place), zone, place);
  }
});

test("the dateline is printed as the wire prints it", () => {
  const result = parseStoryDate("2013-09-02", "Europe/Moscow");
  assert.ok(result.ok);
  assert.equal(formatDateline("MOSCOW", result.date, "Itar-Tass", { locale: "en", dateline: "{place}, {day} ({source}) -" }), "MOSCOW, September 2 (Itar-Tass) -");
});

test("the Russian dateline is in the agency's house style, the day in the genitive at the dateline", () => {
  const russian = { locale: "ru", dateline: "{place}, {day}. /{source}/." };
  const september = parseStoryDate("2013-09-02T15:40", "Europe/Moscow");
  const march = parseStoryDate("2013-03-07T23:30Z", "Europe/Moscow");
  assert.ok(september.ok && march.ok);
  assert.equal(formatDateline("МОСКВА", september.date, "ИТАР-ТАСС", russian), "МОСКВА, 2 сентября. /ИТАР-ТАСС/.");
  // 23:30 UTC on March 7 is already March 8 in Moscow.
  assert.equal(formatDateline("МОСКВА", march.date, "ИТАР-ТАСС", russian), "МОСКВА, 8 марта. /ИТАР-ТАСС/.");
});

test("a dateline breaks only between its pieces: the dash stays with the agency, the agency whole", () => {
  const day = parseStoryDate("2013-09-02T15:40", "Europe/Moscow");
  assert.ok(day.ok);
  const english = { locale: "en", dateline: "{place}, {day} ({source}) -" };
  const russian = { locale: "ru", dateline: "{place}, {day}. /{source}/." };
  assert.deepEqual(datelineParts("MOSCOW", day.date, "Itar-Tass", english), ["MOSCOW,", "September 2", "(Itar-Tass) -"]);
  assert.deepEqual(datelineParts("МОСКВА", day.date, "ИТАР-ТАСС", russian), ["МОСКВА,", "2 сентября.", "/ИТАР-ТАСС/."]);
  // The pieces joined by spaces are the dateline, character for character.
  for (const style of [english, russian, { locale: "en", dateline: "— {place}  ({source}) — " }]) {
    assert.equal(datelineParts("NEW YORK", day.date, "AP", style).join(" "), formatDateline("NEW YORK", day.date, "AP", style));
  }
  assert.deepEqual(datelineParts("NEW YORK", day.date, "AP", { locale: "en", dateline: "— {place} ({source}) —" }), ["— NEW YORK", "(AP) —"]);
});
