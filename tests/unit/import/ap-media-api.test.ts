import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readApMediaApi } from "../../../src/lib/import/ap-media-api.ts";
import { readJsonDialect } from "../../../src/lib/import/json-dialect.ts";
import { planStory } from "../../../src/lib/import/story-plan.ts";
import { AGENCIES } from "../../support/agencies.ts";
import type { ReadBeside, WireRead } from "../../../src/lib/import/wire-item.ts";

const FIXTURES = "tests/fixtures/wire/dialects/ap";
const ITEM_ID = "0c5e1f7a9b2d4e6f8a1c3e5f7b9d1a2c";

function readFixture(name: string): WireRead {
  const file = join(FIXTURES, name);
  const read = readJsonDialect(readFileSync(file, "utf8"), file, AGENCIES);
  assert.ok(read, "read as a producer's dialect");
  return read;
}

/** A read's problems with those of the items it refused, as these tests ask of problems alone. */
const problemsOf = (read: WireRead | undefined) => [...(read?.problems ?? []), ...(read?.refused ?? []).flatMap(({ problems }) => problems)];

const NOT_FETCHED =
  `(expected the text in the file or beside it: the importer fetches no story text; download that NITF rendition beside this file as ${ITEM_ID}.0.xml, or take AP's NewsML-G2 item files with the NITF text embedded)`;

test("a text item whose story is only a NITF rendition to download, with nothing beside it, is refused, naming the rendition and its address", () => {
  const read = readFixture("text-photo.json");
  assert.deepEqual(read.items, []);
  assert.deepEqual(problemsOf(read), [
    {
      file: join(FIXTURES, "text-photo.json"),
      field: "data.item.renditions.nitf.href",
      message: `the story's text is not in the file, only at "https://api.ap.org/media/v/content/${ITEM_ID}.0/download?type=text&format=NITF" ${NOT_FETCHED}`,
      code: "WD211",
    },
  ]);
  // Refused, it is read on all the same, so the importer checks the rest of it (its language, its place) in this run too.
  assert.deepEqual(
    read.refused?.map(({ found }) => [found.headline, found.lang, found.place, found.body]),
    [["Lake freighter season ends early as ice forms on upper lakes", "en", "Chicago", undefined]],
  );
});

test("a feed's items are placed as data.items[n].item", () => {
  const read = readFixture("correction-feed.json");
  assert.deepEqual(read.items, []);
  assert.deepEqual(
    problemsOf(read).map(({ field }) => field),
    ["data.items[0].item.renditions.nitf.href"],
  );
});

test("a kill notice withdraws by altids.itemid, with AP's urgency, byline, dateline location and direct subjects", () => {
  const read = readFixture("kill.json");
  assert.deepEqual(problemsOf(read), []);
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
      authors: ["NORA VALE"],
      topics: ["Shipping"],
      lang: "en",
      priority: 1,
      notes: [
        { field: "data.item.member_routing", message: "warning: ignored: not a property of the AP Media API", code: "WD210" },
        { field: "data.item.bylines[0].title", message: 'warning: ignored: "Associated Press": the writer\'s title, not a name, so not an author', code: "WD210" },
        { field: "data.item.ednote", message: 'warning: ignored: "Eds: The story is withdrawn. It will not be replaced.": the agency\'s note to editors, not story text', code: "WD210" },
      ],
    },
  ]);
});

/** A canceled text item given inline, for the fields a kill notice carries alike. */
const killed = (fields: Record<string, unknown>) =>
  readApMediaApi({ api_version: "2.2", data: { item: { altids: { itemid: "k1" }, type: "text", pubstatus: "canceled", ...fields } } }, "k.json", AGENCIES);

test("a version AP marks Kill or Elimination withdraws the story whatever its pubstatus, and needs no text; Withhold holds it back", () => {
  const marked = (types: string[]) => readApMediaApi({ api_version: "2.2", data: { item: { altids: { itemid: "k2" }, type: "text", pubstatus: "usable", headline: "Kill: Bridge inspection finds cracks", editorialtypes: types } } }, "k.json", AGENCIES);
  for (const type of ["Kill", "Elimination", " kill "]) {
    const read = marked([type]);
    assert.deepEqual(problemsOf(read), [], type);
    assert.equal(read.items[0]?.status, "canceled", type);
  }
  const file = join(FIXTURES, "text-photo.json");
  const withheld = readFileSync(file, "utf8").replace(/"type": "text",/, '"type": "text", "editorialtypes": ["Withhold"],');
  assert.equal(readJsonDialect(withheld, file, AGENCIES, besideCorpus([`${ITEM_ID}.0.xml`]))?.items[0]?.status, "withheld");
  assert.equal(killed({ headline: "H", editorialtypes: ["Withhold"] }).items[0]?.status, "canceled", "canceled wins over a hold");
});

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

test("each of bylines' by is read as any byline is: a leading By goes, and its names are split at commas and and", () => {
  const read = killed({
    headline: "Lake freighters tie up early",
    versioncreated: "2026-11-30T21:30:00Z",
    located: "Chicago",
    provider: "AP",
    bylines: [
      { by: "By ANN O'NEILL and MARC DE LA CRUZ", title: "Associated Press" },
      { by: "SHAUNA McDONALD", title: "Associated Press Writer" },
    ],
  });
  const [item] = read.items;
  assert.ok(item);
  assert.deepEqual([item.byline, item.authors], ["By ANN O'NEILL and MARC DE LA CRUZ, SHAUNA McDONALD", ["ANN O'NEILL", "MARC DE LA CRUZ", "SHAUNA McDONALD"]]);
  const plan = planStory(item, { body: { markdown: "" }, datelinePlaces: { CHICAGO: "America/Chicago" }, siteLanguage: "en", agencies: AGENCIES });
  assert.ok(plan.ok);
  assert.deepEqual(plan.plan.fields["by"], ["ANN O'NEILL", "MARC DE LA CRUZ", "SHAUNA McDONALD"]);
  // Where a writer was is no name: left out, with a line at the by that gave it.
  const placed = killed({ headline: "H", bylines: [{ by: "By Nora Vale" }, { by: "By Eli Marsh in Duluth, Minnesota" }] }).items[0];
  assert.deepEqual(placed?.authors, ["Nora Vale", "Eli Marsh"]);
  assert.deepEqual(placed?.notes, [{ field: "data.item.bylines[1].by", message: 'warning: ignored: "in Duluth, Minnesota": where "Eli Marsh" was, not a name', code: "WD210" }]);
});

test("a writer's title and AP's notes to editors are left out, each named on the item's line", () => {
  const [item] = killed({
    headline: "H",
    bylines: [{ by: "By Nora Vale", title: "Associated Press Writer" }, { by: "By Eli Marsh", title: " " }],
    ednote: "Eds: Updates with mayor's comment.",
    description_editornotes: "Moves on general news services.",
  }).items;
  assert.deepEqual(item?.authors, ["Nora Vale", "Eli Marsh"]);
  assert.deepEqual(item?.notes, [
    { field: "data.item.bylines[0].title", message: 'warning: ignored: "Associated Press Writer": the writer\'s title, not a name, so not an author', code: "WD210" },
    { field: "data.item.ednote", message: "warning: ignored: \"Eds: Updates with mayor's comment.\": the agency's note to editors, not story text", code: "WD210" },
    { field: "data.item.description_editornotes", message: 'warning: ignored: "Moves on general news services.": the agency\'s note to editors, not story text', code: "WD210" },
  ]);
});

test("no item id, no headline and no text are each a problem at their place", () => {
  const read = readApMediaApi({ api_version: "2.2", data: { item: { type: "text", altids: { etag: "e" }, headline: "" } } }, "e.json", AGENCIES);
  assert.deepEqual(read.items, []);
  assert.deepEqual(problemsOf(read), [
    { file: "e.json", field: "data.item.altids.itemid", message: "missing (expected AP's item id, the same for all its versions)", code: "WD206" },
    { file: "e.json", field: "data.item.headline", message: "missing (expected the story's headline)", code: "WD206" },
    { file: "e.json", field: "data.item.renditions", message: "no story text (expected the text of the story; AP delivers it as a NITF rendition)", code: "WD206" },
  ]);
});

test("a picture item is not a story; an empty feed says so", () => {
  assert.deepEqual(problemsOf(readApMediaApi({ api_version: "2.2", data: { item: { altids: { itemid: "p" }, type: "picture", headline: "P" } } }, "p.json", AGENCIES)), [
    { file: "p.json", field: "data.item.type", message: 'got "picture" (expected a text item; AP\'s pictures are read with the story they are associated with)', code: "WD205" },
  ]);
  assert.deepEqual(problemsOf(readApMediaApi({ api_version: "2.2", data: { items: [] } }, "f.json", AGENCIES)), [
    { file: "f.json", field: "data.items", message: "holds no items (expected the feed's items, each with its item)", code: "WD206" },
  ]);
});

test("an item that states no type is read as text, so it too needs its words in the file", () => {
  const read = readApMediaApi({ api_version: "2.2", data: { item: { altids: { itemid: "u" }, headline: "U", pubstatus: "usable" } } }, "u.json", AGENCIES);
  assert.deepEqual(read.items, []);
  assert.deepEqual(problemsOf(read).map(({ field }) => field), ["data.item.renditions"]);
});

/** The files beside an item, as the drop gives them: by name, from the corpus's AP folder. */
function besideCorpus(names: readonly string[]): ReadBeside {
  return (name) => (names.includes(name) ? { file: join(FIXTURES, name), text: readFileSync(join(FIXTURES, name), "utf8") } : undefined);
}

test("the NITF rendition saved beside the JSON as <itemid>.<version>.xml gives the story its text; AP's metadata stays first", () => {
  const file = join(FIXTURES, "text-photo.json");
  const nitf = join(FIXTURES, `${ITEM_ID}.0.xml`);
  const read = readJsonDialect(readFileSync(file, "utf8"), file, AGENCIES, besideCorpus([`${ITEM_ID}.0.xml`, `${ITEM_ID}.1.xml`]));
  assert.deepEqual(problemsOf(read), []);
  assert.deepEqual(read?.companions, [nitf], "the NITF file is read with the item, not as an item of its own");
  const [item] = read?.items ?? [];
  assert.ok(item?.body.kind === "html");
  assert.match(item.body.html, /^<p>CHICAGO \(AP\) — Shippers on the upper Great Lakes/);
  assert.match(item.body.html, /close to traffic on Dec\. 12/, "the version's own text, not the correction's");
  assert.equal(item.id, ITEM_ID);
  assert.equal(item.format, "AP Media API");
  assert.equal(item.lead, "Shippers on the upper lakes tie up their freighters a week early after a cold snap.");
  assert.equal(item.source, "AP", "AP's provider, not the NITF's distributor");
  assert.deepEqual(item.topics, ["Business", "Shipping"]);
  assert.deepEqual(item.notes, [
    { field: "", message: `its text read from ${nitf} beside it`, code: "WD226" },
    { field: "data.item.bylines[0].title", message: 'warning: ignored: "Associated Press": the writer\'s title, not a name, so not an author', code: "WD210" },
  ]);
});

test("a caption that ends with its photo's credit in parentheses, as AP writes them, loses that copy, named; any other keeps it", () => {
  const file = join(FIXTURES, "text-photo.json");
  const withCredit = (caption: string) => {
    const text = readFileSync(file, "utf8").replace("A freighter breaks through thin ice near the Soo Locks on Monday.", caption);
    return readJsonDialect(text, file, AGENCIES, besideCorpus([`${ITEM_ID}.0.xml`]))?.items[0];
  };
  const item = withCredit("A freighter breaks through thin ice near the Soo Locks on Monday. (Eli Marsh/AP)");
  assert.equal(item?.photo?.caption, "A freighter breaks through thin ice near the Soo Locks on Monday.");
  const captionNotes = (read: typeof item) => read?.notes?.filter(({ field }) => field.endsWith("description_caption"));
  assert.deepEqual(captionNotes(item)?.map(({ message }) => message), [
    `warning: ignored: "(Eli Marsh/AP)" at the end of the photo's caption: its credit, which the page prints after the caption`,
  ]);
  const other = withCredit("A freighter near the Soo Locks (Michigan)");
  assert.equal(other?.photo?.caption, "A freighter near the Soo Locks (Michigan)");
  assert.deepEqual(captionNotes(other), []);
});

test("the NITF file is found by the rendition's href when a downloader rewrote it to a file name, else by <itemid>.xml", () => {
  const item = (renditions: Record<string, unknown>, version = 3) => ({ api_version: "2.2", data: { item: { altids: { itemid: "a1" }, version, type: "text", headline: "H", renditions } } });
  const nitf = readFileSync(join(FIXTURES, `${ITEM_ID}.0.xml`), "utf8");
  const beside = (names: string[]): { seen: string[]; read: ReadBeside } => {
    const seen: string[] = [];
    return { seen, read: (name) => (seen.push(name), names.includes(name) ? { file: `drop/${name}`, text: nitf } : undefined) };
  };
  const byHref = beside(["story.xml"]);
  assert.deepEqual(readApMediaApi(item({ nitf: { type: "text", href: "story.xml" } }), "drop/a.json", AGENCIES, byHref.read).companions, ["drop/story.xml"]);
  assert.deepEqual(byHref.seen, ["story.xml"]);

  const byId = beside(["a1.xml"]);
  assert.deepEqual(readApMediaApi(item({ nitf: { type: "text", href: "https://api.ap.org/media/v/content/a1.3/download?type=text&format=NITF" } }), "drop/a.json", AGENCIES, byId.read).companions, ["drop/a1.xml"]);
  assert.deepEqual(byId.seen, ["a1.3.xml", "a1.xml"], "the version's own file first");

  const outside = beside([]);
  readApMediaApi(item({ nitf: { type: "text", href: "../elsewhere/story.xml" } }), "drop/a.json", AGENCIES, outside.read);
  assert.deepEqual(outside.seen, ["a1.3.xml", "a1.xml"], "a path out of the item's folder is never read");
});

test("a NITF file beside the item that cannot be read refuses the item at its rendition, naming the file and its problem", () => {
  const read = readApMediaApi(
    { api_version: "2.2", data: { item: { altids: { itemid: "b2" }, version: 0, type: "text", headline: "H", renditions: { nitf: { type: "text", href: "https://api.ap.org/x" } } } } },
    "drop/b.json",
    AGENCIES,
    (name) => (name === "b2.0.xml" ? { file: "drop/b2.0.xml", text: "<nitf><head><docdata><doc-id id-string='b2'/></docdata></head><body><body.head><hedline><hl1>H</hl1></hedline></body.head></body></nitf>" } : undefined),
  );
  assert.deepEqual(read.items, []);
  assert.deepEqual(read.companions, ["drop/b2.0.xml"]);
  assert.deepEqual(problemsOf(read), [
    { file: "drop/b.json", field: "data.item.renditions.nitf.href", message: "its NITF text drop/b2.0.xml cannot be read: /nitf/body/body.content: missing (expected the story's text)", code: "WD206" },
  ]);
});
