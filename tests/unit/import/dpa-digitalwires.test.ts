import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readDpaDigitalwires } from "../../../src/lib/import/dpa-digitalwires.ts";
import { readJsonDialect } from "../../../src/lib/import/json-dialect.ts";
import { AGENCIES } from "../../support/agencies.ts";
import type { WireItem } from "../../../src/lib/import/wire-item.ts";

const FIXTURES = "tests/fixtures/wire/dialects/dpa";
const URN = "urn:newsml:dpa.com:20090101:261130-99-123456";

function onlyItem(name: string): WireItem {
  const file = join(FIXTURES, name);
  const read = readJsonDialect(readFileSync(file, "utf8"), file, AGENCIES);
  assert.ok(read, "read as a producer's dialect");
  assert.deepEqual(read.problems, []);
  assert.equal(read.items.length, 1);
  return read.items[0]!;
}

test("a digitalwires entry with its feature image: urn as id, teaser as lead, the dateline's place, topics from the categories", () => {
  const item = onlyItem("text-photo.json");
  assert.ok(item.body.kind === "html");
  assert.match(item.body.html, /^<section class="main"><p><span class="dateline">Hamburg <span class="credit">\(dpa\)<\/span> - <\/span>Im Hamburger Hafen/);
  assert.deepEqual(
    { ...item, body: item.body.kind },
    {
      file: join(FIXTURES, "text-photo.json"),
      path: "",
      format: "dpa digitalwires",
      id: URN,
      version: "1",
      versionTime: { local: "2026-11-30T10:12:05", offset: "+01:00" },
      status: "usable",
      correction: false,
      headline: "Neuer Containerkran geht im Hamburger Hafen in Betrieb",
      lead: "Der größte Kran am Terminal soll Schiffe schneller abfertigen. Anwohner hatten sich über Lärm beschwert.",
      body: "html",
      place: "Hamburg",
      source: "dpa",
      byline: "Von Ilka Brandt, dpa",
      topics: ["Schifffahrt", "Häfen", "Containerterminal", "Hamburg"],
      photo: {
        href: "hafen-kran.jpg",
        path: "associations[0].renditions[1].url",
        caption: "Der neue Containerkran am Terminal im Hamburger Hafen.",
        credit: "Ole Sander/dpa",
      },
      lang: "de",
      priority: 3,
      // dpa's words for the desk are no story text, and none goes without a line.
      notes: [
        { code: "WD210", field: "ednotes[0].ednote", message: `warning: ignored: "dpa ib yynwd z2 hmb": dpa's closing line, its desk's initials, not story text` },
        { code: "WD210", field: "kicker", message: `warning: ignored: "Hafen": dpa's kicker over the headline, which the story has no place for` },
      ],
    },
  );
});

test("a correction: signal sig:correction on a later version of the same urn", () => {
  const item = onlyItem("correction.json");
  assert.equal(item.id, URN);
  assert.equal(item.version, "2");
  assert.equal(item.correction, true);
  assert.deepEqual(item.topics, ["Schifffahrt"]);
  // Its note to editors says what it corrects: given on, to be quoted where the editor words the correction.
  assert.equal(item.editorsNote, "Korrigiert: Zeitersparnis im zweiten Absatz präzisiert");
});

test("dpa's notepad and subheading are named as left out; several notes to editors are given on together", () => {
  const read = readDpaDigitalwires(
    {
      urn: "urn:x",
      version_created: "2026-11-30T12:00:00Z",
      headline: "H",
      article_html: "<p>T</p>",
      subhead: "Ein Kran für den Hafen",
      notepad: "Rückfragen:\nPressestelle, 040 1234",
      ednotes: [
        { role: "dpaednoterole:editorialnote", ednote: "Achtung: Sperrfrist beachten." },
        { role: "dpaednoterole:editorialnote", ednote: "  " },
        { role: "dpaednoterole:editorialnote", ednote: "Foto folgt." },
      ],
    },
    "x.json",
    AGENCIES,
  );
  assert.equal(read.items[0]?.editorsNote, "Achtung: Sperrfrist beachten. Foto folgt.");
  assert.deepEqual(read.items[0]?.notes?.map(({ field, message }) => `${field}: ${message}`), [
    `subhead: warning: ignored: "Ein Kran für den Hafen": dpa's subheading, which the story has no place for`,
    `notepad: warning: ignored: "Rückfragen: Pressestelle, 040 1234": dpa's notepad for editors, not story text`,
  ]);
});

test("the correction signal is also read from the categories alone", () => {
  const read = readDpaDigitalwires(
    { urn: "urn:x", version_created: "2026-11-30T12:00:00Z", headline: "H", article_html: "<p>T</p>", categories: [{ type: "dnltype:signal", qcode: "sig:correction" }] },
    "x.json",
    AGENCIES,
  );
  assert.equal(read.items[0]?.correction, true);
});

test("a canceled entry without headline or text withdraws by its urn", () => {
  const item = onlyItem("kill.json");
  assert.deepEqual(
    { id: item.id, status: item.status, headline: item.headline, body: item.body, priority: item.priority, notes: item.notes },
    { id: URN, status: "canceled", headline: "", body: { kind: "text", text: "" }, priority: 1, notes: undefined },
  );
});

test("wireQ's entries: an unknown property, an urgency in words and an infobox are warnings on the entry", () => {
  const item = onlyItem("extension.json");
  assert.equal(item.path, "entries[0]");
  assert.equal(item.place, "Bremen", "the dateline's place without its agencies");
  assert.equal(item.byline, undefined);
  assert.deepEqual(item.topics, ["Unwetter", "Niedersachsen"]);
  assert.deepEqual(item.notes, [
    { code: 'WD210', field: 'entries[0].urgency', message: 'warning: ignored: got "dringend" (expected a whole number)' },
    { code: 'WD210', field: 'entries[0].reading_time_minutes', message: 'warning: ignored: not a property of dpa digitalwires' },
    { code: 'WD210', field: 'entries[0].infobox_html', message: "warning: ignored: dpa's words in a box beside the text, which the story has no place for" },
  ]);
});

test("an entry that only delivers a picture is refused at article_html, saying so", () => {
  const read = readDpaDigitalwires(
    { format: "digitalwires@0.9.1", urn: "urn:p", version_created: "2026-11-30T12:00:00Z", headline: "Bild", article_html: null, associations: [{ type: "image" }] },
    "p.json",
    AGENCIES,
  );
  assert.deepEqual(read.items, []);
  assert.deepEqual(read.refused?.[0]?.problems, [
    { file: "p.json", field: "article_html", message: "missing (expected the story's text as HTML; this entry delivers only what it associates, such as a picture)", code: "WD206" },
  ]);
  // Read on, so its time and place are checked in the same run.
  assert.deepEqual([read.refused?.[0]?.found.id, read.refused?.[0]?.found.headline, read.refused?.[0]?.found.versionTime?.local], ["urn:p", "Bild", "2026-11-30T12:00:00"]);
});

test("the names lists stand in for the categories when an entry has none", () => {
  const read = readDpaDigitalwires(
    { urn: "urn:n", version_created: "2026-11-30T12:00:00Z", headline: "H", article_html: "<p>T</p>", dpasubject_names: ["Verkehr"], keyword_names: ["Bahn"], geosubject_names: ["Bremen"] },
    "n.json",
    AGENCIES,
  );
  assert.deepEqual(read.items[0]?.topics, ["Verkehr", "Bahn", "Bremen"]);
});

test("the dateline read as every dateline field is: place, regional service and the agency when no creditline names one", () => {
  const entry = (dateline: string) =>
    readDpaDigitalwires({ urn: "urn:d", version_created: "2026-11-30T12:00:00Z", language: "de", headline: "H", article_html: "<p>T</p>", dateline }, "d.json", AGENCIES).items[0];
  const regional = entry("Hannover (dpa/lni) - ");
  assert.deepEqual([regional?.place, regional?.source, regional?.notes], ["Hannover", "dpa", undefined]);
  const dated = entry("Berlin, 10. Juli (dpa) -");
  assert.deepEqual([dated?.place, dated?.source], ["Berlin", "dpa"]);
  const timestamp = entry("2026-11-30T12:00:00Z");
  assert.equal(timestamp?.place, undefined);
  assert.deepEqual(timestamp?.notes, [{ code: 'WD210', field: 'dateline', message: 'warning: ignored: "2026-11-30T12:00:00Z": a date or time, not a place' }]);
});
