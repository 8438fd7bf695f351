import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { readNewsml1 } from "../../../src/lib/import/newsml-1.ts";
import { planStory } from "../../../src/lib/import/story-plan.ts";
import { deliveredText } from "../../../src/lib/import/wire-drop.ts";
import type { WireItem, WireRead } from "../../../src/lib/import/wire-item.ts";
import { AGENCIES } from "../../support/agencies.ts";

const DIRECTORY = "tests/fixtures/wire/dialects/afp";

/** A fixture read as the importer reads a delivered file: AFP's newer items are in ISO-8859-1. */
function readFixture(name: string): WireRead {
  const text = deliveredText(readFileSync(new URL(`../../fixtures/wire/dialects/afp/${name}`, import.meta.url)));
  assert.ok(text !== undefined);
  return readNewsml1(text, `${DIRECTORY}/${name}`, AGENCIES);
}

function onlyItem(read: WireRead): WireItem {
  assert.deepEqual(read.problems, []);
  assert.equal(read.items.length, 1);
  return read.items[0] as WireItem;
}

const tight = (html: string) => html.replace(/>\s+</g, "><");

/** A NewsItem with an identifier, a headline and a paragraph, parts replaced as a test needs. */
function newsItem(parts: { identifier?: string; management?: string; lines?: string; content?: string; extra?: string } = {}): string {
  const {
    identifier = "<PublicIdentifier>urn:newsml:afp.com:20240304:TX-1:1</PublicIdentifier><RevisionId>1</RevisionId>",
    management = "<ThisRevisionCreated>20240304T090000Z</ThisRevisionCreated><Status FormalName='Usable'/>",
    lines = "<HeadLine>Harbour reopens</HeadLine>",
    content = "<ContentItem><DataContent><p>The harbour reopened.</p></DataContent></ContentItem>",
    extra = "",
  } = parts;
  return `<NewsItem><Identification><NewsIdentifier>${identifier}</NewsIdentifier></Identification><NewsManagement>${management}</NewsManagement><NewsComponent><NewsLines>${lines}</NewsLines>${content}${extra}</NewsComponent></NewsItem>`;
}

const readInline = (...items: string[]) => readNewsml1(`<NewsML Version="1.2">${items.join("")}</NewsML>`, "inline.xml", AGENCIES);

test("AFP's text-photo item: lines, metadata, NITF text and the largest photo rendition with its caption", () => {
  const { body, ...item } = onlyItem(readFixture("tram-strasbourg.xml"));
  assert.deepEqual(item, {
    file: `${DIRECTORY}/tram-strasbourg.xml`,
    path: "",
    format: "NewsML 1.2 (AFP)",
    plainFields: true,
    id: "urn:newsml:afp.com:20240710T083054Z:TX-PAR-WDS41",
    version: "1",
    versionTime: { local: "2024-07-10T08:30:54", offset: "+00:00" },
    released: { local: "2024-07-10T08:30:54", offset: "+00:00" },
    status: "usable",
    correction: false,
    headline: "A Strasbourg, la nouvelle ligne de tramway vers le port du Rhin ouvre avec un mois d'avance",
    lead: "Les premières rames ont circulé mercredi matin entre la gare centrale et les quais, où 4.000 habitants sont attendus d'ici 2026",
    place: "Strasbourg",
    source: "AFP",
    byline: "Par Claire MARTIN",
    topics: ["France", "transports", "tramway", "urbanisme"],
    photo: {
      href: "tram-strasbourg-highdef.jpg",
      path: "/NewsML/NewsItem/NewsComponent/NewsComponent/NewsComponent[3]/ContentItem",
      caption: "Une rame de la ligne F du tramway de Strasbourg quitte la station Port du Rhin, le 10 juillet 2024.",
      credit: "AFP / Frédérique LAVAL",
    },
    lang: "fr",
  });
  assert.equal(body.kind, "html");
  const html = tight(body.kind === "html" ? body.html : "");
  assert.ok(html.startsWith("<p>La ligne F du tramway de Strasbourg, prolongée"));
  assert.ok(html.includes("</p><h2>Quatre stations nouvelles</h2><p>"), "hl2 becomes a subheading, the media reference is left out");
  assert.ok(html.includes("logements &amp; en ateliers"));
  assert.ok(!html.includes("media"));
  assert.ok(!JSON.stringify(item).includes("Genre") && !JSON.stringify(item).includes("04015000"), "codes are not topics");
});

test("a newer revision and a kill share the item's id, told apart by RevisionId and time", () => {
  const first = onlyItem(readFixture("tram-strasbourg.xml"));
  const second = onlyItem(readFixture("tram-strasbourg-2.xml"));
  const kill = onlyItem(readFixture("tram-strasbourg-kill.xml"));
  assert.equal(second.id, first.id);
  assert.equal(kill.id, first.id);
  assert.equal(second.version, "2");
  assert.deepEqual(second.versionTime, { local: "2024-07-10T10:15:02", offset: "+00:00" });
  assert.ok(second.body.kind === "html" && second.body.html.includes("61 millions d&apos;euros"));
  assert.equal(kill.status, "canceled");
  assert.equal(kill.version, "3");
  assert.equal(kill.headline, "");
  assert.deepEqual(kill.body, { kind: "text", text: "" });
  assert.ok(!JSON.stringify(kill).includes("ANNULATION"), "the advisory line is for editors, never reader text");
});

test("AFP's newer shape: ISO-8859-1, paragraphs straight in DataContent, in a nested component, a dateline without its dash", () => {
  const item = onlyItem(readFixture("harbour-ferry.xml"));
  assert.equal(item.id, "urn:newsml:afp.com:20241105:241105154108.k7dm2x9q");
  assert.equal(item.headline, "Norway's longest electric ferry route opens across the Oslofjord");
  assert.equal(item.place, "Oslo");
  assert.equal(item.source, "AFP");
  assert.equal(item.lang, "en");
  assert.equal(item.lead, undefined);
  assert.equal(item.photo, undefined);
  assert.deepEqual(item.topics, []);
  assert.equal(item.body.kind, "html");
  const paragraphs = tight(item.body.kind === "html" ? item.body.html : "").split("</p><p>");
  assert.equal(paragraphs.length, 3);
  assert.ok(paragraphs[0]?.startsWith("<p>Two battery-powered ferries"));
  assert.ok(paragraphs[2]?.includes("its chief executive, Øystein Brække, told reporters."), "Latin-1 read as Latin-1");
});

test("a headline marked CORRECTED - is a correction: NewsML 1.2 has no flag; the mark, spaced or not, comes off with a note", () => {
  const item = onlyItem(readFixture("no-confidence-vote-3.xml"));
  assert.equal(item.correction, true);
  assert.equal(item.version, "3");
  assert.equal(item.headline, "French government survives no-confidence vote");
  assert.deepEqual(item.notes, [
    { field: "/NewsML/NewsItem/NewsComponent/NewsLines/HeadLine", message: 'warning: ignored: "CORRECTED -" taken off the headline: the agency\'s mark of a correction', code: "WD210" },
  ]);
  assert.equal(onlyItem(readFixture("no-confidence-vote.xml")).correction, false);
  const update = onlyItem(readInline(newsItem({ lines: "<HeadLine>UPDATE 1 - REFILE-Harbour reopens</HeadLine>" })));
  assert.equal(update.headline, "Harbour reopens");
  assert.equal(update.correction, false);
  assert.equal(update.notes?.[0]?.message, 'warning: ignored: "UPDATE 1 -" and "REFILE-" taken off the headline: the agency\'s mark of a new version');
  const dashed = onlyItem(readInline(newsItem({ lines: "<HeadLine>CORRECTED – Harbour reopens</HeadLine>" })));
  assert.deepEqual([dashed.headline, dashed.correction], ["Harbour reopens", true], "an en dash, as word processors set the hyphen");
  const ownWord = onlyItem(readInline(newsItem({ lines: "<HeadLine>Update - the harbour reopens</HeadLine>" })));
  assert.equal(ownWord.headline, "Update - the harbour reopens", "a headline's own word, not a mark in capitals");
});

test("the id: the PublicIdentifier as given when it has no revision part, else built from the NewsIdentifier's parts", () => {
  const noRevision = onlyItem(readInline(newsItem({ identifier: "<PublicIdentifier>urn:newsml:afp.com:20260109:TX-PAR-BDO05</PublicIdentifier><RevisionId>1</RevisionId>" })));
  assert.equal(noRevision.id, "urn:newsml:afp.com:20260109:TX-PAR-BDO05");
  const updated = onlyItem(readInline(newsItem({ identifier: "<PublicIdentifier>urn:newsml:afp.com:20260109:TX-PAR-BDO05:2U</PublicIdentifier><RevisionId Update='U'>2</RevisionId>" })));
  assert.equal(updated.id, "urn:newsml:afp.com:20260109:TX-PAR-BDO05");
  const built = onlyItem(readInline(newsItem({ identifier: "<ProviderId>afp.com</ProviderId><DateId>20260109</DateId><NewsItemId>TX-9</NewsItemId><RevisionId>4</RevisionId>" })));
  assert.equal(built.id, "urn:newsml:afp.com:20260109:TX-9");
  assert.equal(built.version, "4");
});

test("Embargoed is an embargo until StatusWillChange's time, else held back; Withheld is held back", () => {
  const until = onlyItem(
    readInline(
      newsItem({
        management:
          "<ThisRevisionCreated>20240304T090000Z</ThisRevisionCreated><Status FormalName='Embargoed'/><StatusWillChange><FutureStatus FormalName='Usable'/><DateAndTime>20240305T060000Z</DateAndTime></StatusWillChange>",
      }),
    ),
  );
  assert.equal(until.status, "usable");
  assert.deepEqual(until.embargoedUntil, { local: "2024-03-05T06:00:00", offset: "Z" });
  const open = onlyItem(readInline(newsItem({ management: "<ThisRevisionCreated>20240304T090000Z</ThisRevisionCreated><Status FormalName='Embargoed'/>" })));
  assert.equal(open.status, "withheld");
  const withheld = onlyItem(readInline(newsItem({ management: "<ThisRevisionCreated>20240304T090000Z</ThisRevisionCreated><Status FormalName='Withheld'/>" })));
  assert.equal(withheld.status, "withheld");
});

test("unknown elements are read past; plain DataContent is text with its paragraphs", () => {
  const item = onlyItem(
    readInline(
      newsItem({
        lines: "<HeadLine>Harbour reopens</HeadLine><KeywordLine>port</KeywordLine><Whatever a='1'/>",
        content: "<Comment>desk</Comment><ContentItem><MediaType FormalName='Text'/><DataContent>First paragraph.\n\nSecond paragraph.</DataContent></ContentItem>",
      }),
    ),
  );
  assert.deepEqual(item.body, { kind: "text", text: "First paragraph.\n\nSecond paragraph." });
});

test("DataContent whose HTML is wrapped in a CDATA section is read as markup, with a line saying so", () => {
  const path = "/NewsML/NewsItem/NewsComponent/ContentItem/DataContent";
  const cdata = (html: string) => `<ContentItem><MediaType FormalName='Text'/><DataContent><![CDATA[${html}]]></DataContent></ContentItem>`;
  const item = onlyItem(readInline(newsItem({ content: cdata("<p>The ferry <b>sailed</b> at dawn.</p><p>Crews waved.</p>") })));
  assert.deepEqual(item.body, { kind: "html", html: "<p>The ferry sailed at dawn.</p><p>Crews waved.</p>" });
  assert.deepEqual(item.notes?.map(({ field, code }) => [field, code]), [[path, "WD232"]]);
  // Not well-formed as XML (a void br): read as the HTML it is, still with the line.
  const loose = onlyItem(readInline(newsItem({ content: cdata("<p>One<br>two.</p>") })));
  assert.deepEqual(loose.body, { kind: "html", html: "<p>One<br>two.</p>" });
  assert.deepEqual(loose.notes?.map(({ code }) => code), ["WD232"]);
  // A NITF document in CDATA: its body.content, with its tagline named too.
  const nitf = onlyItem(readInline(newsItem({ content: cdata("<nitf><body><body.content><p>Quays shut.</p></body.content><body.end><tagline>Pat Doe wrote.</tagline></body.end></body></nitf>") })));
  assert.deepEqual(nitf.body, { kind: "html", html: "<p>Quays shut.</p>" });
  assert.deepEqual(nitf.notes?.map(({ field, code }) => [field, code]), [[path, "WD232"], [`${path}/nitf/body/body.end/tagline`, "WD210"]]);
  // CDATA of text alone stays text.
  const text = onlyItem(readInline(newsItem({ content: cdata("Fish & chips < 5 pounds.") })));
  assert.deepEqual(text.body, { kind: "text", text: "Fish & chips < 5 pounds." });
  assert.equal(text.notes, undefined);
});

test("media in a NITF text is named, as the photo is a component of its own; AFP's pointer to it is not", () => {
  const nitf = (media: string) => `<ContentItem><DataContent><nitf><body><body.content><p>The harbour reopened.</p>${media}</body.content></body></nitf></DataContent></ContentItem>`;
  const item = onlyItem(readInline(newsItem({ content: nitf('<media media-type="image"><media-reference source="gull.jpg"/><media-caption>A gull.</media-caption></media>') })));
  assert.deepEqual(item.notes?.map(({ field, code }) => [field, code]), [["/NewsML/NewsItem/NewsComponent/ContentItem/DataContent/nitf/body/body.content/media", "WD210"]]);
  assert.match(item.notes?.[0]?.message ?? "", /a picture in the text, from "gull\.jpg", its caption "A gull\."/);
  assert.equal(onlyItem(readInline(newsItem({ content: nitf('<media media-type="image"><media-reference data-location="#photo1"/></media>') }))).notes, undefined);
});

test("the tagline after a NITF text is left out of it, quoted on the item's line at its place", () => {
  const nitf = "<ContentItem><DataContent><nitf><body><body.content><p>The harbour reopened.</p></body.content><body.end><tagline>Tom Lee contributed from Berlin.</tagline></body.end></body></nitf></DataContent></ContentItem>";
  const item = onlyItem(readInline(newsItem({ content: nitf })));
  assert.deepEqual(item.body, { kind: "html", html: "<p>The harbour reopened.</p>" });
  assert.deepEqual(item.notes?.map(({ field, code }) => [field, code]), [["/NewsML/NewsItem/NewsComponent/ContentItem/DataContent/nitf/body/body.end/tagline", "WD210"]]);
  assert.match(item.notes?.[0]?.message ?? "", /"Tom Lee contributed from Berlin\.": the agency's credit line after the story/);
});

test("every problem of every item in one run, each at its place; the readable items are still read", () => {
  const read = readInline(
    newsItem(),
    newsItem({ identifier: "", lines: "<DateLine>Paris, 4 mars 2024 (AFP) -</DateLine>", content: "<ContentItem><DataContent> </DataContent></ContentItem>" }),
    newsItem({ management: "<ThisRevisionCreated>yesterday</ThisRevisionCreated><Status FormalName='Killed'/>" }),
  );
  assert.equal(read.items.length, 1);
  assert.equal(read.items[0]?.path, "/NewsML/NewsItem[1]");
  // A refused item is read on all the same, so the importer checks the rest of it (its language, its place's zone) in this run too.
  assert.deepEqual(
    read.refused?.map(({ found }) => [found.path, found.place, found.status]),
    [
      ["/NewsML/NewsItem[2]", "Paris", "usable"],
      ["/NewsML/NewsItem[3]", undefined, "usable"],
    ],
  );
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.refused?.flatMap(({ problems }) => problems), [
    { file: "inline.xml", itemIndex: 1, field: "/NewsML/NewsItem[2]/Identification/NewsIdentifier/PublicIdentifier", message: "missing (expected the item's urn:newsml: identifier, or ProviderId, DateId and NewsItemId)", code: "WD206" },
    { file: "inline.xml", itemIndex: 1, field: "/NewsML/NewsItem[2]/NewsComponent/NewsLines/HeadLine", message: "missing (expected the story's headline)", code: "WD206" },
    { file: "inline.xml", itemIndex: 1, field: "/NewsML/NewsItem[2]/NewsComponent/ContentItem/DataContent", message: "has no text (expected the story's text, as NITF, paragraphs or plain text)", code: "WD206" },
    {
      file: "inline.xml",
      itemIndex: 2,
      field: "/NewsML/NewsItem[3]/NewsManagement/ThisRevisionCreated",
      message: '"yesterday" is not a date or time (expected an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400)',
      code: "WD208",
    },
    { file: "inline.xml", itemIndex: 2, field: "/NewsML/NewsItem[3]/NewsManagement/Status/@FormalName", message: '"Killed" is not a status (expected Usable, Embargoed, Withheld or Canceled)', code: "WD207" },
  ]);
});

test("a photo component without an image rendition is a problem of its own; the story is read without it", () => {
  const read = readInline(newsItem({ extra: "<NewsComponent><Role FormalName='Photo'/><NewsLines><HeadLine>A quay</HeadLine></NewsLines></NewsComponent>" }));
  assert.equal(read.items.length, 1);
  assert.equal(read.items[0]?.photo, undefined);
  assert.equal(read.items[0]?.headline, "Harbour reopens", "the photo's headline is not the story's");
  assert.deepEqual(read.problems, [
    { file: "inline.xml", field: "/NewsML/NewsItem/NewsComponent/NewsComponent", message: "has no ContentItem with an Href to an image (expected the photo's renditions, e.g. in the role HighDef)", code: "WD215" },
  ]);
});

test("a photo component's ByLine is its photographer and its CopyrightLine its copyright notice", () => {
  const photo =
    "<NewsComponent><Role FormalName='Photo'/><NewsLines><ByLine>Frédérique LAVAL</ByLine><CreditLine>AFP / Frédérique LAVAL</CreditLine><CopyrightLine>© 2024 AFP</CopyrightLine></NewsLines>" +
    "<ContentItem Href='quay.jpg'><MediaType FormalName='Photo'/></ContentItem></NewsComponent>";
  const [item] = readInline(newsItem({ lines: "<HeadLine>Harbour reopens</HeadLine><CopyrightLine>© 2024 AFP text</CopyrightLine>", extra: photo })).items;
  assert.deepEqual(item?.photo, {
    href: "quay.jpg",
    path: "/NewsML/NewsItem/NewsComponent/NewsComponent/ContentItem",
    credit: "AFP / Frédérique LAVAL",
    creator: "Frédérique LAVAL",
    copyright: "© 2024 AFP",
  });
});

test("a photo's own NewsItem is no story: one problem naming what it is", () => {
  const photoItem = newsItem({ lines: "<HeadLine>A quay</HeadLine>", content: "<ContentItem Href='quay.jpg'><MediaType FormalName='Photo'/></ContentItem>" }).replace(
    "<NewsComponent>",
    "<NewsComponent><Role FormalName='Photo'/>",
  );
  assert.deepEqual(readInline(photoItem).problems, [
    { file: "inline.xml", field: "/NewsML/NewsItem/NewsComponent/Role", message: "is a photo item (expected a story with text; a photo is read with the story whose NewsItem holds it)", code: "WD205" },
  ]);
});

test("a document that is not NewsML, or holds no NewsItem, is one problem", () => {
  assert.deepEqual(readNewsml1("<NewsML Version='1.2'><NewsEnvelope/></NewsML>", "empty.xml", AGENCIES).problems, [
    { file: "empty.xml", field: "/NewsML/NewsItem", message: "missing (expected the document's NewsItem elements)", code: "WD206" },
  ]);
  assert.equal(readNewsml1("<NewsML><NewsItem>", "broken.xml", AGENCIES).problems[0]?.message.startsWith("not well-formed XML"), true);
});

test("the DateLine read in the item's language: place, and the agency when no party names one; a time there is no place", () => {
  const item = onlyItem(readInline(newsItem({ lines: "<HeadLine>Le tram</HeadLine><DateLine xml:lang='fr'>Strasbourg, 10 juil 2024 (AFP) -</DateLine>" })));
  assert.deepEqual([item.place, item.source, item.notes], ["Strasbourg", "AFP", undefined]);
  const timed = onlyItem(readInline(newsItem({ lines: "<HeadLine>Le tram</HeadLine><DateLine>20240710T083054+0000</DateLine>" })));
  assert.deepEqual([timed.place, timed.source], [undefined, undefined]);
  assert.deepEqual(timed.notes, [{ code: 'WD210', field: '/NewsML/NewsItem/NewsComponent/NewsLines/DateLine', message: 'warning: ignored: "20240710T083054+0000": a date or time, not a place' }]);
});

test("a ByLine joining writers with \"with\" names each, where they were left out with a line", () => {
  const item = onlyItem(readInline(newsItem({ lines: "<HeadLine>Harbour reopens</HeadLine><ByLine>by Marie Dupont with Tom Barton in London</ByLine><DateLine>London, March 4 (AFP) -</DateLine>" })));
  assert.equal(item.byline, "by Marie Dupont with Tom Barton in London");
  const plan = planStory(item, { body: { markdown: "The harbour reopened." }, datelinePlaces: { LONDON: "Europe/London" }, siteLanguage: "en", agencies: AGENCIES });
  assert.ok(plan.ok);
  assert.deepEqual([plan.plan.fields["by"], plan.plan.leftOut], [
    ["Marie Dupont", "Tom Barton"],
    [{ field: "byline", message: 'warning: ignored: "in London": where "Tom Barton" was, not a name', code: "WD210" }],
  ]);
});
