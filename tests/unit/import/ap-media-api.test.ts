import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readApMediaApi } from "../../../src/lib/import/ap-media-api.ts";
import { readJsonDialect } from "../../../src/lib/import/json-dialect.ts";
import { AGENCIES } from "../../support/agencies.ts";
import type { WireRead } from "../../../src/lib/import/wire-item.ts";

const FIXTURES = "tests/fixtures/wire/dialects/ap";
const ITEM_ID = "0c5e1f7a9b2d4e6f8a1c3e5f7b9d1a2c";

function readFixture(name: string): WireRead {
  const file = join(FIXTURES, name);
  const read = readJsonDialect(readFileSync(file, "utf8"), file, AGENCIES);
  assert.ok(read, "read as a producer's dialect");
  return read;
}

const NOT_FETCHED =
  "(expected the text in the file: the importer fetches no story text; download that NITF rendition into the drop, or take AP's NewsML-G2 item files with the NITF text embedded)";

test("a text item whose story is only a NITF rendition to download is refused, naming the rendition and its address", () => {
  const read = readFixture("text-photo.json");
  assert.deepEqual(read.items, []);
  assert.deepEqual(read.problems, [
    {
      file: join(FIXTURES, "text-photo.json"),
      path: "data.item.renditions.nitf.href",
      message: `the story's text is not in the file, only at "https://api.ap.org/media/v/content/${ITEM_ID}.0/download?type=text&format=NITF" ${NOT_FETCHED}`,
    },
  ]);
});

test("a feed's items are placed as data.items[n].item", () => {
  const read = readFixture("correction-feed.json");
  assert.deepEqual(read.items, []);
  assert.deepEqual(
    read.problems.map(({ path }) => path),
    ["data.items[0].item.renditions.nitf.href"],
  );
});

test("a kill notice withdraws by altids.itemid, with AP's urgency, byline, dateline location and direct subjects", () => {
  const read = readFixture("kill.json");
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.items, [
    {
      file: join(FIXTURES, "kill.json"),
      path: "",
      format: "AP Media API",
      id: ITEM_ID,
      version: "2",
      versionTime: { local: "2026-11-30T21:30:00", offset: "Z" },
      released: { local: "2026-11-30T16:20:11", offset: "Z" },
      status: "canceled",
      correction: false,
      headline: "Lake freighter season ends early as ice forms on upper lakes",
      body: { kind: "text", text: "" },
      place: "Chicago, Illinois",
      source: "AP",
      byline: "By NORA VALE",
      topics: ["Shipping"],
      lang: "en",
      priority: 1,
      notes: ["warning: ignored data.item.member_routing (not a property of the AP Media API)"],
    },
  ]);
});

/** A canceled text item given inline, for the fields a kill notice carries alike. */
const killed = (fields: Record<string, unknown>) =>
  readApMediaApi({ api_version: "2.2", data: { item: { altids: { itemid: "k1" }, type: "text", pubstatus: "canceled", ...fields } } }, "k.json");

test("located, description_summary, Correction and an associated picture's renditions are read", () => {
  const read = killed({
    located: "Chicago",
    description_summary: "Shippers tie up early.",
    editorialtypes: ["Correction"],
    subject: [{ name: "a", rels: ["category"] }, { name: "Business", rels: ["direct"] }, { name: "Economy", rels: ["ancestor"] }],
    associations: {
      "1": {
        type: "picture",
        description_caption: "A freighter in ice.",
        description_creditline: "Eli Marsh/AP",
        renditions: {
          preview: { type: "picture", href: "small.jpg", width: 512, height: 341, mimetype: "image/jpeg" },
          main: { type: "picture", href: "main.jpg", width: 3000, height: 2000, mimetype: "image/jpeg" },
          caption_nitf: { type: "text", href: "caption.xml", mimetype: "text/xml" },
        },
      },
    },
  });
  const [item] = read.items;
  assert.ok(item);
  assert.equal(item.place, "Chicago");
  assert.equal(item.lead, "Shippers tie up early.");
  assert.equal(item.correction, true);
  assert.deepEqual(item.topics, ["Business"]);
  assert.deepEqual(item.photo, { href: "main.jpg", path: "data.item.associations[\"1\"].renditions.main.href", caption: "A freighter in ice.", credit: "Eli Marsh/AP" });
});

test("no item id, no headline and no text are each a problem at their place", () => {
  const read = readApMediaApi({ api_version: "2.2", data: { item: { type: "text", altids: { etag: "e" }, headline: "" } } }, "e.json");
  assert.deepEqual(read.items, []);
  assert.deepEqual(read.problems, [
    { file: "e.json", path: "data.item.altids.itemid", message: "missing (expected AP's item id, the same for all its versions)" },
    { file: "e.json", path: "data.item.headline", message: "missing (expected the story's headline)" },
    { file: "e.json", path: "data.item.renditions", message: "no story text (expected the text of the story; AP delivers it as a NITF rendition)" },
  ]);
});

test("a picture item is not a story; an empty feed says so", () => {
  assert.deepEqual(readApMediaApi({ api_version: "2.2", data: { item: { altids: { itemid: "p" }, type: "picture", headline: "P" } } }, "p.json").problems, [
    { file: "p.json", path: "data.item.type", message: 'got "picture" (expected a text item; AP\'s pictures are read with the story they are associated with)' },
  ]);
  assert.deepEqual(readApMediaApi({ api_version: "2.2", data: { items: [] } }, "f.json").problems, [
    { file: "f.json", path: "data.items", message: "holds no items (expected the feed's items, each with its item)" },
  ]);
});

test("an item that states no type is read as text, so it too needs its words in the file", () => {
  const read = readApMediaApi({ api_version: "2.2", data: { item: { altids: { itemid: "u" }, headline: "U", pubstatus: "usable" } } }, "u.json");
  assert.deepEqual(read.items, []);
  assert.deepEqual(read.problems.map(({ path }) => path), ["data.item.renditions"]);
});
