import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readJsonDialect } from "../../../src/lib/import/json-dialect.ts";
import { AGENCIES } from "../../support/agencies.ts";
import { readSuperdeskNinjs } from "../../../src/lib/import/superdesk-ninjs.ts";
import type { WireItem } from "../../../src/lib/import/wire-item.ts";

const FIXTURES = "tests/fixtures/wire/dialects/superdesk";

/** The one item a fixture holds, read as the importer reads a delivered JSON file. */
function onlyItem(name: string): WireItem {
  const file = join(FIXTURES, name);
  const read = readJsonDialect(readFileSync(file, "utf8"), file, AGENCIES);
  assert.ok(read, "read as a producer's dialect");
  assert.deepEqual(read.problems, []);
  assert.equal(read.items.length, 1);
  return read.items[0]!;
}

const TEXT_PHOTO_ID = "urn:newsml:harbourwire.example:2026-11-30:7f3c2a10-ferry";

test("a Superdesk story with its feature picture: guid as id, priority, the lead, the largest rendition and the picture's words", () => {
  const item = onlyItem("text-photo.json");
  assert.ok(item.body.kind === "html");
  assert.match(item.body.html, /^<p>SYDNEY, Nov 30 \(Harbourwire\) - Ferries on every inner-harbour route/);
  assert.deepEqual(
    { ...item, body: item.body.kind },
    {
      file: join(FIXTURES, "text-photo.json"),
      path: "",
      format: "ninjs 1 (Superdesk)",
      id: TEXT_PHOTO_ID,
      version: "2",
      versionTime: { local: "2026-11-30T05:42:10", offset: "+00:00" },
      released: { local: "2026-11-30T05:05:31", offset: "+00:00" },
      status: "usable",
      correction: false,
      headline: "Harbour ferries return after overnight engine checks",
      lead: "All inner-harbour routes run again after engineers cleared the fleet before dawn.",
      body: "html",
      place: "Sydney",
      source: "Harbourwire",
      byline: "Mara Quill",
      topics: ["transport", "maritime transport", "ferries", "commuters"],
      photo: {
        href: "ferry-original.jpg",
        path: "associations.featuremedia.renditions.original.href",
        alt: "A green and yellow ferry pulls away from a wharf under a grey morning sky.",
        caption: "A ferry leaves Circular Quay shortly after services resumed on Monday.",
        credit: "Tam Bell/Harbourwire",
        // The picture's own byline and copyright holder: its photographer and its notice.
        creator: "Tam Bell/Harbourwire",
        copyright: "© Harbourwire",
      },
      lang: "en",
      priority: 2,
    },
  );
});

test("a Superdesk correction: the correction signal, the same guid, a later version", () => {
  const item = onlyItem("correction.json");
  assert.equal(item.id, TEXT_PHOTO_ID);
  assert.equal(item.version, "3");
  assert.equal(item.correction, true);
  assert.equal(item.editorsNote, "Corrects number of vessels withdrawn to eight, not nine.", "the ednote says what it corrects");
  assert.deepEqual(item.versionTime, { local: "2026-11-30T06:15:00", offset: "+00:00" });
  assert.equal(item.notes, undefined);
});

test("a Superdesk kill notice is read as canceled, with Superdesk's own priority 1", () => {
  const item = onlyItem("kill.json");
  assert.equal(item.status, "canceled");
  assert.equal(item.id, TEXT_PHOTO_ID);
  assert.equal(item.priority, 1);
  assert.equal(item.photo, undefined);
});

test("what Superdesk's ninjs does not define, custom fields and values of the wrong kind are warnings, never refusals", () => {
  const item = onlyItem("extension.json");
  assert.deepEqual(item.notes, [
    { code: 'WD210', field: 'urgency', message: 'warning: ignored: got "high" (expected a whole number)' },
    { code: 'WD210', field: 'sentiment', message: "warning: ignored: not a property of Superdesk's ninjs" },
    { code: 'WD210', field: 'extra.sms_summary', message: "warning: ignored: a custom field of the producer's" },
  ]);
  assert.equal(item.priority, undefined, "neither priority nor a readable urgency");
  assert.equal(item.byline, "Jun Okoye", "the authors who wrote it, not the editor");
  assert.equal(item.lead, "Buyers paid about the same as last week for fine wool.", "description_html read as text");
  assert.deepEqual(item.body, {
    kind: "text",
    text: "MELBOURNE, Dec 1 (Harbourwire) - Wool prices held steady at the first auction of the summer.\n\nBrokers said demand for fine wool matched last week's.",
  });
  assert.equal(item.released?.local, "2026-12-01T00:31:00", "firstcreated when firstpublished is absent");
});

test("an item without guid, headline and text is refused with a line for each, at its place in the list", () => {
  const read = readSuperdeskNinjs([{ guid: "urn:a", headline: "A", body_html: "<p>A</p>" }, { guid: "", type: "text", priority: 3 }], "list.json");
  assert.equal(read.items.length, 1);
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.refused?.map(({ problems }) => problems), [
    [
      { file: "list.json", field: "[1].guid", message: "missing (expected the item's id, the same for all its versions)", code: "WD206" },
      { file: "list.json", field: "[1].headline", message: "missing (expected the story's headline)", code: "WD206" },
      { file: "list.json", field: "[1].body_html", message: "missing (expected the story's text as body_html or body_text)", code: "WD206" },
    ],
  ]);
  assert.deepEqual(read.refused?.[0]?.found, { file: "list.json", path: "[1]", format: "ninjs 1 (Superdesk)", status: "usable", correction: false, topics: [], priority: 3 }, "what the item does give is read on");
});

test("a headline of the wrong kind or an unknown publishing status refuses the item; a picture item is not a story", () => {
  const read = readSuperdeskNinjs({ guid: "urn:b", type: "picture", headline: 7, body_html: "<p>B</p>", pubstatus: "killed" }, "b.json");
  assert.deepEqual(read.items, []);
  assert.deepEqual(read.refused?.[0]?.problems, [
    { file: "b.json", field: "pubstatus", message: 'got "killed" (expected one of usable, withheld, canceled)', code: "WD207" },
    { file: "b.json", field: "headline", message: "got the number 7 (expected text)", code: "WD207" },
    { file: "b.json", field: "type", message: 'got "picture" (expected a text item: text, or composite for a text with pictures)', code: "WD205" },
  ]);
  assert.equal(read.refused?.[0]?.found.status, undefined, "a status it could not read is none");
});

test("without featuremedia the first associated picture is taken; its alt text is the body_text Superdesk writes it to", () => {
  const read = readSuperdeskNinjs(
    {
      guid: "urn:c",
      headline: "C",
      body_html: "<p>C</p>",
      associations: {
        editor_0: { guid: "urn:v", type: "video", renditions: { original: { href: "v.mp4", mimetype: "video/mp4" } } },
        editor_1: { guid: "urn:p", type: "picture", body_text: "A quay at dawn.", copyrightholder: "Harbourwire", renditions: { original: { href: "p.jpg" } } },
      },
    },
    "c.json",
  );
  assert.deepEqual(read.items[0]?.photo, { href: "p.jpg", path: "associations.editor_1.renditions.original.href", alt: "A quay at dawn.", credit: "Harbourwire", copyright: "© Harbourwire" });
});

test("each value of the wrong kind is left out on its own, down to one subject in a list, with a line naming it", () => {
  const read = readSuperdeskNinjs(
    { guid: "urn:d", headline: "D", body_html: "<p>D</p>", version: false, priority: true, versioncreated: "yesterday", subject: [{ name: 3 }, { name: "shipping" }] },
    "d.json",
  );
  const [item] = read.items;
  assert.ok(item);
  assert.deepEqual(item.topics, ["shipping"]);
  assert.equal(item.version, undefined);
  assert.equal(item.versionTime, undefined);
  assert.deepEqual(item.notes, [
    { code: 'WD210', field: 'version', message: 'warning: ignored: got false (expected text or a number)' },
    { code: 'WD210', field: 'versioncreated', message: 'warning: ignored: "yesterday" is not a date or time (expected an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400)' },
    { code: 'WD210', field: 'priority', message: 'warning: ignored: got true (expected a whole number)' },
    { code: 'WD210', field: 'subject[0].name', message: 'warning: ignored: got the number 3 (expected text)' },
  ]);
});

test("a Superdesk picture's copyright notice and usage terms go with its photo, never the text's", () => {
  const item = {
    guid: "urn:x:1",
    type: "composite",
    headline: "Quay reopens",
    body_html: "<p>The quay reopened.</p>",
    pubstatus: "usable",
    versioncreated: "2026-12-05T09:00:00+0000",
    copyrightnotice: "Copyright 2026 Harbourwire (the text's)",
    usageterms: "Text: subscribers only",
    associations: {
      featuremedia: {
        type: "picture",
        byline: "Tam Bell",
        copyrightholder: "Harbour Photo Pool",
        copyrightnotice: "© 2026 Harbourwire",
        usageterms: "Editorial use only",
        alt_text: "A quay at dawn.",
        renditions: { original: { href: "p.jpg", width: 1600, height: 900 } },
      },
    },
  };
  const photo = readSuperdeskNinjs(item, "drop/quay.json").items[0]?.photo;
  assert.deepEqual(
    { creator: photo?.creator, copyright: photo?.copyright, usageTerms: photo?.usageTerms },
    { creator: "Tam Bell", copyright: "© 2026 Harbourwire", usageTerms: "Editorial use only" },
  );
});
