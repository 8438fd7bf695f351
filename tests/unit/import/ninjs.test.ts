import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { importedBody } from "../../../src/lib/import/imported-body.ts";
import { readNinjs as readNinjsFile } from "../../../src/lib/import/ninjs.ts";
import { planStory } from "../../../src/lib/import/story-plan.ts";
import type { WireItem, WireProblem, WireRead } from "../../../src/lib/import/wire-item.ts";
import { AGENCIES } from "../../support/agencies.ts";

const FIXTURES = "tests/fixtures/wire/ninjs";

/** A read with the problems of the items it refused among the file's, as these tests ask of problems alone. */
function readNinjs(text: string, file: string): WireRead {
  const read = readNinjsFile(text, file);
  return { ...read, problems: [...read.problems, ...(read.refused ?? []).flatMap(({ problems }) => problems)] };
}
const fixturesRead = new Set<string>();

function readFixture(name: string): WireRead {
  fixturesRead.add(name);
  const file = join(FIXTURES, name);
  return readNinjs(readFileSync(file, "utf8"), file);
}

/** The one item a fixture holds, failing with its problems when it holds none. */
function onlyItem(name: string): WireItem {
  const { items, problems } = readFixture(name);
  assert.deepEqual(problems, []);
  assert.equal(items.length, 1);
  const [item] = items;
  assert.ok(item);
  return item;
}

/** The problems of a fixture that yields no item, as [place, message] pairs in place order: the field, or the line and column where the file does not parse. */
function problemsOf(name: string): [string, string][] {
  const { items, problems } = readFixture(name);
  assert.deepEqual(items, []);
  for (const problem of problems) assert.equal(problem.file, join(FIXTURES, name));
  return byPath(problems);
}

const byPath = (problems: readonly WireProblem[]): [string, string][] =>
  problems
    .map(({ field, line, column, message }): [string, string] => [line === undefined ? field : `line ${line}, column ${column}`, message])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Reads an item given inline, for cases a fixture file would only repeat. */
const readInline = (item: unknown) => readNinjs(JSON.stringify(item), "inline.json");

/** The one item an inline read holds, failing with its problems when it holds none. */
function onlyOf(read: WireRead): WireItem {
  assert.deepEqual(read.problems, []);
  assert.equal(read.items.length, 1);
  return read.items[0]!;
}

const inlineProblems = (item: unknown): [string, string][] => {
  const { items, problems } = readInline(item);
  assert.deepEqual(items, []);
  return byPath(problems);
};

const SEED_LEAD = "Signs point that South and North Korea are looking for ways to resume contacts, Russia's Foreign Minister says";

test("the seed story as a ninjs 1.x item: every field, the largest picture and its credit", () => {
  const item = onlyItem("seed-itar-tass.json");
  assert.ok(item.body.kind === "html");
  assert.match(item.body.html, /^<p>MOSCOW, September 2 \(Itar-Tass\) - Moscow hopes for the resumption of talks/);
  assert.match(item.body.html, /declare itself a military nuclear power unilaterally\.<\/p>$/);
  assert.deepEqual(
    { ...item, body: item.body.kind },
    {
      file: join(FIXTURES, "seed-itar-tass.json"),
      path: "",
      format: "ninjs 1",
      id: "urn:newsml:itar-tass.com:20130902:654321",
      version: "1",
      versionTime: { local: "2013-09-02T15:40:00", offset: "+04:00" },
      released: { local: "2013-09-02T15:40:00", offset: "+04:00" },
      status: "usable",
      correction: false,
      headline: "Moscow hopes for further talks on denuclearization of North Korean Peninsula",
      lead: SEED_LEAD,
      body: "html",
      place: "Moscow",
      source: "Itar-Tass",
      // The subject given only as a code has no name to show.
      topics: ["Diplomacy", "Nuclear weapons", "North Korea"],
      // The agency gave no alt text, so there is none.
      photo: { href: "seed-photo.jpg", path: "associations.mainpic.renditions.main.href", credit: "Photo EPA/ITAR-TASS" },
      lang: "en",
      // Its urgency, as IPTC numbers it.
      priority: 4,
    },
  );
});

test("an update keeps the item's id, with a later version and time, and a declared 1.x standard", () => {
  const first = onlyItem("seed-itar-tass.json");
  const update = onlyItem("seed-itar-tass-update.json");
  assert.equal(update.format, "ninjs 1");
  assert.equal(update.id, first.id);
  assert.equal(update.version, "2");
  assert.deepEqual(update.versionTime, { local: "2013-09-02T17:10:00", offset: "+04:00" });
  assert.deepEqual(update.released, first.released);
  assert.equal(update.headline, "Lavrov says Moscow hopes for resumption of six-party talks on North Korea");
});

test("ninjs 1.x as the official examples write it: headline_main, a summary in HTML, body_richtext before body_main", () => {
  const item = onlyItem("ninjs1-headline-roles.json");
  assert.equal(item.format, "ninjs 1");
  assert.equal(item.headline, "Lindenport opens its new ferry terminal");
  assert.equal(item.lead, "The terminal doubles the harbour\u2019s capacity & cuts waiting times.");
  assert.deepEqual(item.body, {
    kind: "html",
    html: "<p>LINDENPORT, March 11 (Harbour Press) - The harbour authority opened its new ferry terminal on Monday, two years after building work began.</p><p>The terminal has four berths instead of two, and ferries will no longer wait offshore at busy times.</p>",
  });
  // The basic ISO 8601 form, as some agencies write times.
  assert.deepEqual(item.versionTime, { local: "2024-03-11T09:15:00", offset: "+01:00" });
  assert.equal(item.version, undefined);
  assert.equal(item.status, "usable");
  assert.equal(item.place, "Lindenport");
  assert.equal(item.source, "Harbour Press");
  assert.equal(item.byline, "Mara Voss");
  assert.equal(item.lang, "en-GB");
  assert.deepEqual(item.topics, []);
  assert.equal(item.photo, undefined);
});

test("ninjs 2.x told by its names: the HTML body, each topic once, a picture without alt text", () => {
  const item = onlyItem("ninjs2-text-photo-no-alt.json");
  assert.equal(item.format, "ninjs 2");
  assert.equal(item.headline, "Coastal bridge in Vesilinna opens two months early");
  assert.equal(item.lead, "Engineers finished the 1.2-kilometre crossing ahead of schedule, the regional council said.");
  assert.equal(item.body.kind, "html");
  assert.deepEqual(item.versionTime, { local: "2024-05-02T08:05:00", offset: "+03:00" });
  assert.deepEqual(item.released, { local: "2024-05-02T07:55:00", offset: "+03:00" });
  assert.equal(item.source, "Baltic Wire");
  assert.equal(item.place, "Vesilinna");
  assert.deepEqual(item.topics, ["Transport", "Infrastructure"]);
  assert.deepEqual(item.photo, {
    href: "https://media.balticwire.example/20240502/a001_hires.jpg",
    path: "associations[0].renditions[0].href",
    caption: "The new bridge seen from the harbour at dawn.",
    credit: "Ilze Kalna/Baltic Wire",
    // The picture's by names its photographer, as the agency wrote it.
    creator: "Ilze Kalna/Baltic Wire",
  });
});

test("ninjs 3.x with a declared standard: main headline by role, the largest rendition by area, the agency's alt text", () => {
  const item = onlyItem("ninjs3-text-photo.json");
  assert.equal(item.format, "ninjs 3");
  assert.equal(item.id, "urn:newsml:meridian-news.example:20240618:wx-4410");
  assert.equal(item.version, "2");
  assert.equal(item.headline, "Storm closes Port Aurel harbour for a second day");
  assert.equal(item.lead, "Ferries stay in port & schools close as gusts reach 110 km/h.");
  assert.ok(item.body.kind === "html");
  assert.match(item.body.html, /^<p>PORT AUREL, June 18 \(Meridian News\)/);
  assert.deepEqual(item.versionTime, { local: "2024-06-18T07:12:00", offset: "Z" });
  assert.equal(item.source, "Meridian News");
  assert.equal(item.byline, "Tomas Reyes");
  assert.deepEqual(item.topics, ["Weather", "Maritime transport"]);
  assert.equal(item.correction, false);
  // The logo is a graphic, not the story's picture, however large.
  assert.deepEqual(item.photo, {
    href: "storm-highres.jpg",
    path: "associations[1].renditions[1].href",
    alt: "Large waves crash over a stone harbour wall under a dark sky.",
    caption: "Waves break over the harbour wall in Port Aurel on Tuesday.",
    credit: "Lena Marsh/Meridian News",
    creator: "Lena Marsh",
    copyright: "Copyright 2024 Meridian News",
  });
});

test("a picture's rights: its by as photographer, its copyright notice and usage terms as one line each; a holder the notice does not name is left out with a note", () => {
  const item = onlyItem("ninjs2-picture-rights.json");
  assert.deepEqual(item.photo, {
    href: "ferry.jpg",
    path: "associations[0].renditions[0].href",
    alt: "A ferry leaves Circular Quay at noon.",
    credit: "Tam Bell/Harbourwire",
    creator: "Tam Bell",
    copyright: "© 2024 Harbourwire & partners. All rights reserved.",
    usageTerms: "Editorial use only. No sales, no archive.",
  });
  assert.deepEqual(item.notes, [
    {
      field: "associations[0].copyrightholder",
      message: 'warning: ignored: the copyright holder "Harbour Photo Pool" is not named in the picture\'s copyright notice, which is kept as the agency gave it: "© 2024 Harbourwire & partners. All rights reserved."',
      code: "WD210",
    },
  ]);
  // A holder with no notice is the notice: the agency's name after ©.
  const delivered = JSON.parse(readFileSync(join(FIXTURES, "ninjs2-picture-rights.json"), "utf8")) as { associations: unknown[] };
  const second = onlyOf(readInline({ ...delivered, associations: [delivered.associations[1]] }));
  assert.deepEqual(second.photo, { href: "quay.jpg", path: "associations[0].renditions[0].href", credit: "Harbourwire", copyright: "© Harbourwire" });
});

test("a correction is marked by the IPTC signal as a genre, never read from the editorial note, which is kept apart for the editor", () => {
  const item = onlyItem("correction.json");
  assert.equal(item.correction, true);
  assert.equal(item.version, "3");
  assert.equal(item.lead, undefined);
  const { editorsNote, ...story } = item;
  assert.equal(editorsNote, "Corrects the wind speed in the second paragraph to 110 km/h from 100 km/h.");
  assert.doesNotMatch(JSON.stringify(story), /Corrects the wind speed/, "no headline, lead or text of it");
  const byName = readInline({
    uri: "urn:x:1",
    headlines: [{ value: "H" }],
    bodies: [{ value: "B" }],
    versionCreated: "2024-01-01T00:00:00Z",
    genres: [{ name: "correction" }],
  });
  assert.equal(byName.items[0]?.correction, true);
  const byCode = readInline({
    uri: "urn:x:1",
    headline: "H",
    body_text: "B",
    genre: [{ scheme: "http://cv.iptc.org/newscodes/signal/", code: "correction" }],
  });
  assert.equal(byCode.items[0]?.correction, true);
});

test("an embargo, and the statuses withheld and canceled", () => {
  assert.deepEqual(onlyItem("embargoed.json").embargoedUntil, { local: "2024-07-01T00:01:00", offset: "+02:00" });
  assert.equal(onlyItem("embargoed.json").status, "usable");
  assert.equal(onlyItem("withheld.json").status, "withheld");
  const canceled = onlyItem("canceled.json");
  assert.equal(canceled.status, "canceled");
  assert.equal(canceled.id, "http://news.harbourpress.example/items/20240311-ferry-terminal");
  assert.deepEqual(canceled.body, {
    kind: "text",
    text: "Harbour Press has withdrawn this story: the opening of the terminal was postponed.\n\nA new story will follow.",
  });
  const embargoed1 = readInline({ uri: "urn:x:1", headline: "H", body_text: "B", embargoed: "2013-09-03T06:00:00+04:00" });
  assert.deepEqual(embargoed1.items[0]?.embargoedUntil, { local: "2013-09-03T06:00:00", offset: "+04:00" });
});

test("a kill notice without headline or text withdraws the seed story's item; its ednote is no headline or text", () => {
  const seed = onlyItem("seed-itar-tass.json");
  assert.deepEqual(onlyItem("seed-itar-tass-kill.json"), {
    file: join(FIXTURES, "seed-itar-tass-kill.json"),
    path: "",
    format: "ninjs 1",
    id: seed.id,
    version: "3",
    versionTime: { local: "2013-09-02T18:25:00", offset: "+04:00" },
    released: seed.released,
    status: "canceled",
    correction: false,
    headline: "",
    body: { kind: "text", text: "" },
    source: "Itar-Tass",
    topics: [],
    lang: "en",
    editorsNote: "KILL: Itar-Tass withdraws the story on talks on the North Korean Peninsula. Do not use it.",
  });
  const empty = readInline({ uri: "urn:x:1", versionCreated: "2024-01-01T00:00:00Z", pubStatus: "canceled", headlines: [{ value: " " }], bodies: [] });
  assert.deepEqual(
    empty.items.map(({ status, headline, body }) => [status, headline, body]),
    [["canceled", "", { kind: "text", text: "" }]],
  );
  // The schema still checks what a kill notice holds, and its id is still required.
  assert.deepEqual(inlineProblems({ uri: "urn:x:1", versionCreated: "2024-01-01T00:00:00Z", pubStatus: "canceled", headlines: [{ value: 42 }] }), [
    ["headlines[0].value", "got the number 42 (expected the headline as text)"],
  ]);
  assert.deepEqual(inlineProblems({ versionCreated: "2024-01-01T00:00:00Z", pubStatus: "canceled" }), [["uri", "missing (expected the item's id, a URI)"]]);
});

test("an item without headline or text that is not canceled is still refused", () => {
  const notice = readFileSync(join(FIXTURES, "seed-itar-tass-kill.json"), "utf8");
  for (const status of ["usable", "withheld"]) {
    const read = readNinjs(notice.replace('"canceled"', `"${status}"`), "notice.json");
    assert.deepEqual(read.items, []);
    assert.deepEqual(byPath(read.problems), [
      ["body_html", "missing (expected the story's text as body_html or body_text)"],
      ["headline", "missing (expected the story's headline)"],
    ]);
  }
});

test("a lone picture item is refused: a story is a text item", () => {
  assert.deepEqual(problemsOf("picture-only.json"), [["type", 'got "picture" (expected a text item: text, or composite for a text with pictures)']]);
});

test("a list of items: each read on its own, problems placed by index", () => {
  const { items, problems } = readFixture("several-items.json");
  assert.deepEqual(
    items.map(({ path, format, headline }) => [path, format, headline]),
    [
      ["[0]", "ninjs 3", "Harbour reopens after storm"],
      ["[2]", "ninjs 2", "Ferry line adds a night crossing"],
    ],
  );
  assert.deepEqual(byPath(problems), [
    ["[1].headlines", 'missing (expected a list with the story\'s headline, e.g. [{"role": "main", "value": "..."}])'],
  ]);
});

test("malformed JSON is one problem at its line and column", () => {
  // The words after "not valid JSON" are the JSON parser's own.
  const [[path, message] = ["", ""], ...rest] = problemsOf("malformed.json");
  assert.deepEqual(rest, []);
  assert.equal(path, "line 4, column 3");
  assert.match(message, /^not valid JSON: .*after property value \(expected one ninjs item, or a list of them\)$/);
  const cut = readNinjs('[{"uri": "urn:x:1",\n', "cut.json");
  assert.deepEqual(
    cut.problems.map(({ line, column, code }) => [line, column, code]),
    [[2, 1, "WD203"]],
  );
});

test("every value of the wrong kind, and every property the version does not define, is a problem of its own", () => {
  assert.deepEqual(problemsOf("wrong-types.json"), [
    ["associations[0].name", "missing (expected the association's name)"],
    ["bodies[0].contenttype", "unknown property in ninjs 3.x; did you mean contentType?"],
    ["headline", "unknown property in ninjs 3.x; did you mean headlines?"],
    ["headlines[0].value", "got the number 42 (expected the headline as text)"],
    ["pubStatus", 'got "killed" (expected one of usable, withheld, canceled)'],
    ["subjects", 'got "Weather" (expected a list of subjects)'],
    ["urgency", "12 is out of range (expected a whole number from 1 to 9)"],
    ["versionCreated", '"yesterday" is not a date-time (expected an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400)'],
  ]);
});

test("a refused item is read on without what was refused, so its times, place and photo are checked in the same run", () => {
  const read = readNinjsFile(
    JSON.stringify({
      uri: "urn:x:1",
      versioncreated: "2024-01-01T25:00:00Z",
      firstcreated: "2024-01-01T09:00:00Z",
      located: "Atlantis City",
      headlines: [{ value: "" }],
      bodies: [{ contenttype: "text/html", value: "<p>Text.</p>" }],
      associations: [{ name: "main", uri: "urn:x:p", type: "picture", renditions: [{ name: "large", href: "missing.jpg" }] }, { type: "picture" }],
    }),
    "refused.json",
  );
  assert.deepEqual(read.items, []);
  assert.deepEqual(byPath(read.refused?.[0]?.problems ?? []), [
    ["associations[1].name", "missing (expected the association's name)"],
    ["associations[1].uri", "missing (expected the item's id, a URI)"],
    ["headlines[0].value", "empty (expected the story's headline)"],
    ["versioncreated", '"2024-01-01T25:00:00Z" is not a date-time (expected an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400)'],
  ]);
  const found = read.refused?.[0]?.found;
  assert.equal(found?.headline, undefined, "what was refused is not read");
  assert.deepEqual([found?.id, found?.released?.local, found?.place, found?.photo?.href, found?.body], ["urn:x:1", "2024-01-01T09:00:00", "Atlantis City", "missing.jpg", { kind: "html", html: "<p>Text.</p>" }]);
});

test("a missing headline or body is named where the version puts it", () => {
  assert.deepEqual(problemsOf("missing-headline.json"), [
    ["headlines", 'missing (expected a list with the story\'s headline, e.g. [{"role": "main", "value": "..."}])'],
  ]);
  assert.deepEqual(inlineProblems({ uri: "urn:x:1", versioncreated: "2024-01-01T00:00:00Z", headlines: [{ value: "H" }], bodies: [] }), [
    ["bodies", 'an empty list (expected a list with the story\'s text, e.g. [{"contenttype": "text/html", "value": "<p>...</p>"}])'],
  ]);
  assert.deepEqual(inlineProblems({ uri: "urn:x:1", byline: "A", description_text: "Lead" }), [
    ["body_html", "missing (expected the story's text as body_html or body_text)"],
    ["headline", "missing (expected the story's headline)"],
  ]);
  assert.deepEqual(inlineProblems({ uri: "urn:x:1", versionCreated: "2024-01-01T00:00:00Z", headlines: [{ value: "  " }], bodies: [{ value: "" }] }), [
    ["bodies[0].value", "empty (expected the story's text)"],
    ["headlines[0].value", "empty (expected the story's headline)"],
  ]);
});

test("a body in XML the importer does not read, such as NITF, is not taken for HTML", () => {
  const nitfOnly = { uri: "urn:x:1", versionCreated: "2024-01-01T00:00:00Z", headlines: [{ value: "H" }], bodies: [{ role: "nitf", contentType: "application/nitf+xml", value: "<nitf/>" }] };
  assert.deepEqual(inlineProblems(nitfOnly), [["bodies[0]", 'holds "application/nitf+xml" content (expected a body in HTML or plain text)']]);
  const withText = { ...nitfOnly, bodies: [...nitfOnly.bodies, { role: "text", contentType: "text/plain", value: "Plain." }] };
  assert.deepEqual(readInline(withText).items[0]?.body, { kind: "text", text: "Plain." });
});

test("a body without media type or telling role is HTML when it starts with markup", () => {
  const body = (value: string) => readInline({ uri: "urn:x:1", headline: "H", body_main: value }).items[0]?.body;
  assert.deepEqual(body("<p>Marked up.</p>"), { kind: "html", html: "<p>Marked up.</p>" });
  assert.deepEqual(body("Plain words."), { kind: "text", text: "Plain words." });
});

test("an item whose version cannot be told is one problem saying what was expected", () => {
  const expected =
    "expected standard.version ($standard.version in 1.x), or the properties of one version: headline and body_html (1.x), headlines with versioncreated (2.x), headlines with versionCreated (3.x)";
  assert.deepEqual(problemsOf("unknown-version.json"), [["", `cannot tell which ninjs version this is: none of its properties belongs to a version (${expected})`]]);
  // Names that fit 2.x and 3.x alike, in an item neither schema passes, cannot be told apart.
  assert.deepEqual(inlineProblems({ uri: "urn:x:1", headlines: [{ value: 7 }], bodies: [{ value: "B" }] }), [
    ["", `cannot tell which ninjs version this is: its properties fit 2.x (headlines, bodies) and 3.x (headlines, bodies) alike (${expected})`],
  ]);
  assert.deepEqual(inlineProblems({ uri: "urn:x:1", standard: { version: "4.0" }, headlines: [{ value: "H" }] }), [
    ["standard.version", '"4.0" is not a ninjs version this reader knows (expected 1.x, 2.x or 3.x)'],
  ]);
});

test("versions tied by name are told apart by the one whose schema the item passes, or by the schema's name", () => {
  // Valid alike in both, they read alike: the older version is taken.
  assert.equal(readInline({ uri: "urn:x:1", headlines: [{ value: "H" }], bodies: [{ value: "B" }] }).items[0]?.format, "ninjs 2");
  const kill = { uri: "urn:x:1", versioncreated: "2024-01-01T00:00:00Z", pubstatus: "canceled" };
  assert.deepEqual(readInline(kill).items.map((item) => [item.format, item.status]), [["ninjs 1", "canceled"]]);
  const lowercase = { uri: "urn:x:1", headlines: [{ value: "H", contenttype: "text/plain" }], bodies: [{ value: "B" }] };
  assert.equal(readInline(lowercase).items[0]?.format, "ninjs 2");
  const bySchema = { uri: "urn:x:1", standard: { schema: "https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json" }, headlines: [{ value: "H" }], bodies: [{ value: "B" }] };
  assert.equal(readInline(bySchema).items[0]?.format, "ninjs 3");
  // A declared version is checked as declared: 2.x names in a 3.x item are unknown there.
  assert.deepEqual(inlineProblems({ ...lowercase, standard: { version: "3.1" } }), [
    ["headlines[0].contenttype", "unknown property in ninjs 3.x; did you mean contentType?"],
  ]);
});

test("ninjs 1.x patterns: only body_*, headline_* and description_* hold text, and named maps take only names", () => {
  assert.deepEqual(inlineProblems({ uri: "urn:x:1", headline: "H", body_html: 7, renditions: { "-big": { href: "a.jpg" } } }), [
    ["body_html", "got the number 7 (expected the body as text)"],
    ['renditions["-big"]', "not a name ninjs 1.x allows here (expected one starting with a letter, digit or _)"],
  ]);
});

test("exactly one of two alternatives, as the schemas' oneOf asks", () => {
  assert.deepEqual(
    inlineProblems({
      uri: "urn:x:1",
      versionCreated: "2024-01-01T00:00:00Z",
      headlines: [{ value: "H" }],
      bodies: [{ value: "B" }],
      rightsInfo: { linkedRights: "https://example.com/rights", encodedRights: "<rights/>" },
      people: [{ name: "A", contactInfo: [{ type: "phone" }] }],
    }),
    [
      ["people[0].contactInfo[0]", "has neither value nor address (expected exactly one of them)"],
      ["rightsInfo", "has both linkedRights and encodedRights (expected exactly one of them)"],
    ],
  );
});

test("a picture's href must be a file beside the item or an http(s) URL; the largest fetchable one is taken", () => {
  const withRenditions = (renditions: unknown[]) => ({
    uri: "urn:x:1",
    versionCreated: "2024-01-01T00:00:00Z",
    headlines: [{ value: "H" }],
    bodies: [{ value: "B" }],
    associations: [{ name: "photo", uri: "urn:x:p", type: "picture", renditions }],
  });
  assert.deepEqual(inlineProblems(withRenditions([{ name: "big", href: "file:///etc/photo.jpg", width: 4000, height: 3000 }])), [
    ["associations[0].renditions[0].href", '"file:///etc/photo.jpg" is neither a file beside the item nor an http(s) URL (expected e.g. photo.jpg or https://example.com/photo.jpg)'],
  ]);
  assert.deepEqual(inlineProblems(withRenditions([{ name: "up", href: "../photo.jpg" }])), [
    ["associations[0].renditions[0].href", '"../photo.jpg" is neither a file beside the item nor an http(s) URL (expected e.g. photo.jpg or https://example.com/photo.jpg)'],
  ]);
  const mixed = readInline(
    withRenditions([
      { name: "big", href: "file:///etc/photo.jpg", width: 4000, height: 3000 },
      { name: "small", href: "https://example.com/small.jpg", width: 400, height: 300 },
    ]),
  );
  assert.equal(mixed.items[0]?.photo?.href, "https://example.com/small.jpg");
  // A picture with nothing to fetch is no photo, not a problem.
  assert.equal(readInline(withRenditions([{ name: "highres" }])).items[0]?.photo, undefined);
});

test("a picture's body beside a caption from its descriptions is its alt text; beside alt text too, it is named as left out", () => {
  const picture = (fields: Record<string, unknown>) =>
    onlyOf(
      readInline({
        uri: "urn:x:1",
        versioncreated: "2024-01-01T00:00:00Z",
        headline: "H",
        body_text: "B",
        associations: { main: { uri: "urn:x:p", type: "picture", renditions: { big: { href: "p.jpg" } }, ...fields } },
      }),
    );
  const both = picture({ description_text: "The abbot at the gate.", body_text: "Abbot waves from gate" });
  assert.equal(both.photo?.caption, "The abbot at the gate.");
  assert.equal(both.photo?.alt, "Abbot waves from gate");
  assert.equal(both.notes, undefined);
  // The body alone is the caption, as before.
  const alone = picture({ body_text: "Abbot waves from gate" });
  assert.deepEqual([alone.photo?.caption, alone.photo?.alt], ["Abbot waves from gate", undefined]);
  const withAlt = picture({ description_text: "The abbot at the gate.", description_alt: "An abbot", body_text: "Abbot waves from gate" });
  assert.equal(withAlt.photo?.alt, "An abbot");
  assert.deepEqual(
    withAlt.notes?.map(({ field, message, code }) => [field, message, code]),
    [["associations.main.body_text", 'warning: ignored: "Abbot waves from gate": the picture\'s text besides its caption and alt text, which the photo has no place for', "WD210"]],
  );
});

test("what is not one item or a list of them is one problem", () => {
  assert.deepEqual(byPath(readNinjs("[]", "empty.json").problems), [["", "an empty list (expected one ninjs item, or a list of them)"]]);
  assert.deepEqual(byPath(readNinjs("42", "number.json").problems), [["", "got the number 42 (expected a ninjs item: an object with uri, headlines and bodies)"]]);
  assert.deepEqual(byPath(readNinjs('[{"uri": "urn:x:1", "headline": "H", "body_text": "B"}, "item"]', "list.json").problems), [
    ["[1]", 'got "item" (expected a ninjs item: an object with uri, headlines and bodies)'],
  ]);
  // A byte order mark before the JSON is not a syntax error.
  assert.equal(readNinjs('\uFEFF{"uri": "urn:x:1", "headline": "H", "body_text": "B"}', "bom.json").items.length, 1);
});

test("a property the version does not define is ignored with a warning naming its place, and the item is read", () => {
  const { items, problems } = readFixture("extensions.json");
  assert.deepEqual(problems, []);
  assert.equal(items.length, 1);
  const [item] = items;
  assert.equal(item?.format, "ninjs 2");
  assert.equal(item?.headline, "Ferry line adds a winter crossing");
  assert.equal(item?.photo?.href, "https://media.example/a001.jpg");
  assert.deepEqual(item?.notes, [
    { code: 'WD210', field: 'associations[0].renditions[0].mimetype', message: 'warning: ignored: not a property of ninjs 2.x' },
    { code: 'WD210', field: 'associations[0].x_photographer_id', message: 'warning: ignored: not a property of ninjs 2.x' },
    { code: 'WD210', field: 'x_wire_priority', message: 'warning: ignored: not a property of ninjs 2.x' },
  ]);
  // An item that reads cleanly carries no notes.
  assert.equal(readFixture("ninjs2-text-photo-no-alt.json").items[0]?.notes, undefined);
});

test("ignored properties never hide a wrong value, a misspelling or a missing headline, and count for nothing in a file of several", () => {
  const extended = { uri: "urn:x:1", versioncreated: "2024-01-01T00:00:00Z", x_wire_priority: 2, headlines: [{ value: "H" }], bodies: [{ value: "B" }] };
  assert.deepEqual(inlineProblems({ ...extended, urgency: "high" }), [["urgency", 'got "high" (expected a number)']]);
  assert.deepEqual(inlineProblems({ ...extended, headlines: undefined }), [
    ["headlines", 'missing (expected a list with the story\'s headline, e.g. [{"role": "main", "value": "..."}])'],
  ]);
  assert.deepEqual(inlineProblems({ ...extended, standard: { version: "3.1" }, versionCreated: "2024-01-01T00:00:00Z", versioncreated: undefined, headlines: [{ value: "H", contenttype: "text/plain" }] }), [
    ["headlines[0].contenttype", "unknown property in ninjs 3.x; did you mean contentType?"],
  ]);
  const several = readNinjs(JSON.stringify([{ ...extended, uri: "urn:x:2", x_desk: "sport" }, extended]), "several.json");
  assert.deepEqual(several.problems, []);
  const ignored = (field: string) => ({ field, message: "warning: ignored: not a property of ninjs 2.x", code: "WD210" });
  assert.deepEqual(several.items.map((item) => [item.path, item.notes]), [
    ["[0]", [ignored("x_wire_priority"), ignored("x_desk")]],
    ["[1]", [ignored("x_wire_priority")]],
  ]);
});

test("a table of figures in a <pre> keeps its lines and spaces in the story, a block of fixed-width text", () => {
  const item = onlyItem("results-table-pre.json");
  const body = importedBody(item, { agencies: AGENCIES, datelinePlaces: {} });
  assert.equal(
    body.markdown,
    [
      "Arsenal finished second in the Premier League, two points behind Manchester City.",
      "Final standings:",
      "```\nTEAM        P  W  D  L  PTS\nArsenal    38 28  5  5  89\nChelsea    38 25  8  5  83\n```",
      "The new season starts in August.",
    ].join("\n\n"),
  );
  // The agency sent fixed-width text and the story keeps it so: no line says the form changed.
  assert.equal(body.columns, undefined);
});

test("control characters are left out of every text field alike, each field's line naming them", () => {
  const item = onlyItem("control-characters.json");
  assert.equal(item.headline, "Shares rise in early trade");
  assert.equal(item.lead, "London's blue chips opened higher.");
  assert.equal(item.byline, "By Ann Smith");
  assert.deepEqual(item.body, { kind: "html", html: "<p>LONDON (Reuters) - Shares rose in early trade on Monday.</p>" });
  assert.equal(item.photo?.caption, "Traders at work[0m in London.");
  assert.equal(item.photo?.credit, "Reuters/Jo Smith");
  const signal = "no text but a teleprinter's or terminal's signal";
  assert.deepEqual(
    item.notes?.filter(({ message }) => message.includes("control character")),
    [
      { field: "headline", message: `warning: ignored: the control character U+001F (US), ${signal}`, code: "WD210" },
      { field: "description_text", message: `warning: ignored: the control character U+0007 (BEL), ${signal}`, code: "WD210" },
      { field: "byline", message: `warning: ignored: the control character U+0000 (NUL), ${signal}`, code: "WD210" },
      { field: "body_html", message: `warning: ignored: the control character U+0007 (BEL), ${signal}`, code: "WD210" },
      { field: "associations.main.description_text", message: `warning: ignored: the control character U+001B (ESC), ${signal}`, code: "WD210" },
      { field: "associations.main.byline", message: `warning: ignored: the control character U+0085, ${signal}`, code: "WD210" },
    ],
  );
});

test("a control character's line is on the item of a list whose field holds it", () => {
  const item = (headline: string) => ({ uri: `urn:x:${headline.length}`, type: "text", versioncreated: "2024-06-03T10:00:00Z", headline, body_text: "Text." });
  const read = readNinjs(JSON.stringify([item("Calm"), item("Shares\u0007 rise")]), "list.json");
  assert.deepEqual(read.items.map(({ headline, notes }) => [headline, notes?.map(({ field }) => field) ?? []]), [
    ["Calm", []],
    ["Shares rise", ["[1].headline"]],
  ]);
  // Very many texts holding one: their lines are gathered one at a time, never as one call's arguments.
  const many = readNinjs(JSON.stringify({ ...item("Calm"), keywords: Array.from({ length: 200_000 }, () => "floods\u0007") }), "many.json");
  assert.equal(many.items[0]?.notes?.filter(({ field }) => field.startsWith("keywords[")).length, 200_000);
});

test("an HTML text's structure kept as the agency set it: a list's first number, a quotation's marks in the item's language; a noscript and a table's spans named", () => {
  const item = onlyItem("body-structure.json");
  const body = importedBody(item, { agencies: AGENCIES, datelinePlaces: {} });
  assert.equal(
    body.markdown,
    [
      "Избиратели сказали «хватит», сообщила комиссия.",
      // Each spanning cell repeated where it spans: "Голоса" over both its columns, "Регион" over both heading rows.
      "| Регион | Голоса | Голоса |\n| --- | --- | --- |\n| Регион | За | Против |\n| Север | 1200 | 800 |\n| Юг | голосование не проводилось | голосование не проводилось |",
      "3.  Третий пункт\n4.  Четвёртый пункт",
      "Итоги опубликуют в пятницу.",
    ].join("\n\n"),
  );
  assert.deepEqual(body.spreadCells, ['"Регион" over 2 rows', '"Голоса" over 2 columns', '"голосование не проводилось" over 2 columns']);
  assert.deepEqual(body.removed, [{ kind: "element", name: "<noscript>", count: 1, sources: ["Результаты без скрипта."] }]);
  const plan = planStory(item, { body, datelinePlaces: { MOSCOW: "Europe/Moscow" }, siteLanguage: "en", agencies: AGENCIES });
  assert.ok(plan.ok);
  const lines = (plan.plan.leftOut ?? []).filter(({ field }) => field === "body").map(({ message, code }) => `${message} [${code}]`);
  assert.deepEqual(lines, [
    'warning: ignored: a <noscript> holding "Результаты без скрипта.": what a page shows where its scripts do not run, which a story\'s page does not carry (expected the story\'s words: write them into the text if they matter) [WD210]',
    'a table\'s cells that span rows or columns ("Регион" over 2 rows, "Голоса" over 2 columns, "голосование не проводилось" over 2 columns), each repeated in every row and column it spans: a Markdown table cannot join cells, and so each cell stays under its own headings [WD244]',
  ]);
});

test("an HTML text's markings Markdown cannot write are named, struck text never reads as current, a list's own numbers and a reading above its text are kept", () => {
  const item = onlyItem("body-markings.json");
  const body = importedBody(item, { agencies: AGENCIES, datelinePlaces: {} });
  assert.equal(
    body.markdown,
    [
      "Fees rise by ~~5~~ 7 percent, the port authority said; the rise starts on Monday.",
      // Struck in fixed-width text, which cannot show it struck: left out, and named.
      "```\nBerth   Fee\nNorth    130\n```",
      // Each list's own numbers, in a list of bullets; the second list takes the other marker, so the two stay apart.
      "-   a. Pilotage\n-   b. Mooring",
      "+   2\\. Third rise\n+   1\\. Second rise",
      "The port is in 品川(Shinagawa)'s partner list.",
    ].join("\n\n"),
  );
  const plan = planStory(item, { body, datelinePlaces: { LONDON: "Europe/London" }, siteLanguage: "en", agencies: AGENCIES });
  assert.ok(plan.ok);
  const lines = (plan.plan.leftOut ?? []).filter(({ field }) => field === "body").map(({ message, code }) => `${message} [${code}]`);
  assert.deepEqual(lines, [
    'warning: ignored: the marking of 1 <ins> element ("7"): text marked as inserted, which story Markdown cannot mark; the words are kept, unmarked (expected emphasis, *…* or **…**, if the marking matters) [WD210]',
    'warning: ignored: the marking of 1 <u> element ("port authority"): underlined text, which story Markdown cannot mark; the words are kept, unmarked (expected emphasis, *…* or **…**, if the marking matters) [WD210]',
    'warning: ignored: the marking of 1 <mark> element ("the rise starts on Monday"): highlighted text, which story Markdown cannot mark; the words are kept, unmarked (expected emphasis, *…* or **…**, if the marking matters) [WD210]',
    'warning: ignored: struck text in fixed-width text ("120"): a block of fixed-width text cannot show it struck, and printed it would read as current, so it is left out (expected struck text outside <pre>) [WD210]',
    '2 numbered lists (<ol type="a">: "a.", "b."; <ol reversed>: "2.", "1.") written as lists of bullets, the agency\'s numbers written into their items: Markdown numbers a list only 1, 2, 3 up from its first number [WD247]',
    'a reading set above its text (<ruby>: "品川" read "Shinagawa"), written after it in parentheses: Markdown cannot set a reading above its text [WD247]',
  ]);
});

test("every fixture is read by a test", () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith(".json"));
  assert.deepEqual(fixtures.filter((name) => !fixturesRead.has(name)).sort(), []);
});

test("the lead: ninjs 1's description_text, ninjs 2's and 3's description in the summary role", () => {
  const base = { uri: "urn:x:1", versioncreated: "2024-03-04T09:00:00Z", headline: "Harbour reopens", body_text: "The harbour reopened." };
  assert.equal(onlyOf(readInline({ ...base, description_text: "Ferries run again." })).lead, "Ferries run again.");
  const v2 = { uri: "urn:x:2", versioncreated: "2024-03-04T09:00:00Z", headlines: [{ value: "Harbour reopens" }], bodies: [{ role: "text", value: "The harbour reopened." }] };
  const descriptions = [{ role: "caption", value: "Not a lead." }, { role: "summary", value: "Ferries run again." }];
  assert.equal(onlyOf(readInline({ ...v2, descriptions })).lead, "Ferries run again.");
  const v3 = {
    standard: { name: "ninjs", version: "3.0" },
    uri: "urn:x:3",
    versionCreated: "2024-03-04T09:00:00Z",
    headlines: v2.headlines,
    bodies: [{ role: "text", contentType: "text/plain", value: "The harbour reopened." }],
    descriptions: descriptions.map((each) => ({ ...each, contentType: "text/plain" })),
  };
  assert.equal(onlyOf(readInline(v3)).format, "ninjs 3");
  assert.equal(onlyOf(readInline(v3)).lead, "Ferries run again.");
});

test("ninjs 2's by is the item's byline, which the story takes as its by", () => {
  const read = readNinjs(
    JSON.stringify({
      uri: "urn:newsml:example.com:by-1",
      type: "text",
      versioncreated: "2024-03-04T09:00:00Z",
      copyrightholder: "Baltic Wire",
      located: "Riga",
      by: "Staff reporter",
      headlines: [{ role: "main", value: "Harbour reopens" }],
      bodies: [{ role: "main", contenttype: "text/plain", value: "The harbour reopened." }],
    }),
    "inline.json",
  );
  assert.deepEqual(read.problems, []);
  const [item] = read.items;
  assert.equal(item?.byline, "Staff reporter");
  const plan = planStory(item!, { body: { markdown: "The harbour reopened." }, datelinePlaces: { RIGA: "Europe/Riga" }, siteLanguage: "en" });
  assert.ok(plan.ok);
  assert.equal(plan.plan.fields["by"], "Staff reporter");
  const agencyOnly = planStory({ ...item!, byline: "Baltic Wire" }, { body: { markdown: "The harbour reopened." }, datelinePlaces: { RIGA: "Europe/Riga" }, siteLanguage: "en" });
  assert.ok(agencyOnly.ok);
  assert.equal(agencyOnly.plan.fields["by"], undefined, "the agency's own name alone is no byline: the dateline credits it");
});
