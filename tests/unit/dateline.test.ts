import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDateline, resolveDatelineZone } from "../../src/lib/dateline.ts";
import { parseStoryDate } from "../../src/lib/dates.ts";
import places from "../../_data/datelinePlaces.json" with { type: "json" };

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
  assert.equal(formatDateline("MOSCOW", result.date, "Itar-Tass"), "MOSCOW, September 2 (Itar-Tass) -");
});
