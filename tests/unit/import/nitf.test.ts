import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { readNitf as readNitfFile } from "../../../src/lib/import/nitf.ts";
import type { WireItem, WireRead } from "../../../src/lib/import/wire-item.ts";
import { AGENCIES } from "../../support/agencies.ts";
import type { Agency } from "../../../src/lib/model/agencies.ts";

/** A read with the problems of the story it refused among the file's, as these tests ask of problems alone. */
function readNitf(text: string, file: string, agencies: readonly Agency[]): WireRead {
  const { refused = [], ...read } = readNitfFile(text, file, agencies);
  return { ...read, problems: [...read.problems, ...refused.flatMap(({ problems }) => problems)] };
}

const DIRECTORY = "tests/fixtures/wire/nitf";

function readFixture(name: string): WireRead {
  return readNitf(readFileSync(new URL(`../../fixtures/wire/nitf/${name}`, import.meta.url), "utf8"), `${DIRECTORY}/${name}`, AGENCIES);
}

function onlyItem(read: WireRead): WireItem {
  assert.deepEqual(read.problems, []);
  assert.equal(read.items.length, 1);
  return read.items[0] as WireItem;
}

const tight = (html: string) => html.replace(/>\s+</g, "><");

/** A NITF document with an id, a headline and a paragraph, parts replaced as a test needs. */
function nitf(parts: { docdata?: string; bodyHead?: string; content?: string; head?: string; bodyEnd?: string } = {}): string {
  const {
    docdata = '<doc-id id-string="nws-1"/><date.issue norm="20240304T090000Z"/>',
    head = "",
    bodyHead = "<hedline><hl1>Harbour reopens</hl1></hedline>",
    content = "<p>The harbour reopened.</p>",
  } = parts;
  const docdataElement = docdata.startsWith("<docdata") ? docdata : `<docdata>${docdata}</docdata>`;
  const end = parts.bodyEnd === undefined ? "" : `<body.end>${parts.bodyEnd}</body.end>`;
  return `<nitf><head>${head}${docdataElement}</head><body><body.head>${bodyHead}</body.head><body.content>${content}</body.content>${end}</body></nitf>`;
}

const NO_ID =
  "missing, as is du-key's key (expected the agency's id for the story, the same for all its versions; without one, a headline and a day from the dateline, date.release or date.issue to know the story by)";

const readInline = (xml: string) => readNitf(xml, "inline.xml", AGENCIES);

test("the seed story, with its DTD named and HTML entities in its text", () => {
  const { body, ...item } = onlyItem(readFixture("seed.xml"));
  assert.deepEqual(item, {
    file: `${DIRECTORY}/seed.xml`,
    path: "",
    format: "NITF",
    plainFields: true,
    id: "tass-20130902-korea-talks",
    updateKey: "korea-talks",
    version: "1",
    versionTime: { local: "2013-09-02T15:40:00", offset: "+04:00" },
    released: { local: "2013-09-02T15:40:00", offset: "+04:00" },
    status: "usable",
    correction: false,
    headline: "Moscow hopes for further talks on denuclearization of North Korean Peninsula",
    lead: "Signs point that South and North Korea are looking for ways to resume contacts, Russia's Foreign Minister says",
    place: "MOSCOW",
    source: "Itar-Tass",
    topics: ["six-party talks", "denuclearization", "Sergei Lavrov", "North Korea", "diplomacy"],
    photo: {
      href: "seed-photo.jpg",
      path: "/nitf/body/body.content/media/media-reference[2]",
      alt: "Sergei Lavrov, in a dark suit, speaks into a microphone at a lectern",
      caption: "Russian Foreign Minister Sergei Lavrov at MGIMO University in Moscow, September 2, 2013.",
      credit: "Photo EPA/ITAR-TASS",
    },
    lang: "en-US",
    // docdata's urgency ed-urg.
    priority: 4,
  });
  assert.equal(body.kind, "html");
  const paragraphs = tight(body.kind === "html" ? body.html : "").split("</p><p>");
  assert.equal(paragraphs.length, 7, "the media between the first paragraphs is left out");
  assert.ok(paragraphs[0]?.startsWith("<p>MOSCOW, September 2 (Itar-Tass) - Moscow hopes"));
  assert.ok(paragraphs[1]?.startsWith("“We were worried by the rhetoric"), "&ldquo; read as the character");
  assert.ok(paragraphs[4]?.includes("the negotiation process … thus helping resume the six-party talks,” the minister said."));
  assert.equal(paragraphs[6], "Lavrov previously said that\u00a0Moscow rejected Pyongyang’s attempts to declare itself a military nuclear power unilaterally.</p>");
});

test("body.end's tagline and bibliography are left out of the text, each quoted on the item's line", () => {
  const item = onlyItem(
    readNitf(
      nitf({ bodyEnd: "<tagline>Associated Press writer <person>Tom Lee</person> contributed from Berlin.</tagline><bibliography>Port authority figures.</bibliography><tagline> </tagline>" }),
      "drop/end.xml",
      AGENCIES,
    ),
  );
  assert.deepEqual(item.body, { kind: "html", html: "<p>The harbour reopened.</p>" });
  assert.deepEqual(item.notes, [
    {
      field: "/nitf/body/body.end/tagline[1]",
      message: 'warning: ignored: "Associated Press writer Tom Lee contributed from Berlin.": the agency\'s credit line after the story (NITF\'s tagline), not story text (expected the story\'s words in body.content: add it as the last paragraph to print it)',
      code: "WD210",
    },
    {
      field: "/nitf/body/body.end/bibliography",
      message: 'warning: ignored: "Port authority figures.": the sources the agency lists after the story (NITF\'s bibliography), not story text (expected the story\'s words in body.content: add it as the last paragraph to print it)',
      code: "WD210",
    },
  ]);
});

test("a correction is marked, and its info for editors is nowhere in the item", () => {
  const item = onlyItem(readFixture("correction.xml"));
  assert.equal(item.correction, true);
  assert.equal(item.version, "2");
  assert.equal(item.place, "AARHUS");
  assert.equal(item.byline, "By Lena Berg, NWS correspondent");
  assert.equal(item.lang, "en-GB");
  const written = JSON.stringify(item);
  assert.ok(!written.includes("Corrects the month"), "correction/@info is not reader text");
  assert.ok(!written.includes("replace the earlier version"), "ed-msg is not reader text");
});

test("a release after the issue is an embargo; date.expire is not", () => {
  const item = onlyItem(readFixture("embargoed.xml"));
  assert.equal(item.status, "usable");
  assert.deepEqual(item.versionTime, { local: "2024-03-04T16:00:00", offset: "+01:00" });
  assert.deepEqual(item.released, { local: "2024-03-05T07:00:00", offset: "+01:00" });
  assert.deepEqual(item.embargoedUntil, { local: "2024-03-05T07:00:00", offset: "+01:00" });
  assert.equal(item.source, "EU Wire", "the distributor");
  assert.deepEqual(item.body, { kind: "html", html: "<p>Rail freight across the union rose by 4\u00a0percent last year, a report due on Tuesday says.</p>" });
});

test("management-status sets the status; embargoed without a release date holds the story back", () => {
  assert.equal(onlyItem(readFixture("withheld.xml")).status, "withheld");
  const canceled = onlyItem(readFixture("canceled.xml"));
  assert.equal(canceled.status, "canceled");
  assert.equal(canceled.id, "aw-mine-0304");
  const read = (docdata: string) => onlyItem(readInline(nitf({ docdata })));
  assert.equal(read('<docdata management-status="embargoed"><doc-id id-string="a"/></docdata>').status, "withheld");
  const early = read('<docdata management-status="usable"><doc-id id-string="a"/><date.issue norm="20240304T1000Z"/><date.release norm="20240304T0900Z"/></docdata>');
  assert.equal(early.embargoedUntil, undefined, "a release before the issue is no embargo");
  const declared = read('<docdata management-status="embargoed"><doc-id id-string="a"/><date.release norm="20240305T0600Z"/></docdata>');
  assert.deepEqual([declared.status, declared.embargoedUntil], ["usable", { local: "2024-03-05T06:00:00", offset: "Z" }]);
  assert.deepEqual(readInline(nitf({ docdata: '<docdata management-status="pending"><doc-id id-string="a"/></docdata>' })).problems, [
    {
      file: "inline.xml",
      field: "/nitf/head/docdata/@management-status",
      message: '"pending" is not a management status (expected usable, embargoed, withheld or canceled)',
      code: "WD207",
    },
  ]);
});

test("a kill notice without headline or text withdraws the seed story; its ed-msg is no headline or text", () => {
  const seed = onlyItem(readFixture("seed.xml"));
  assert.deepEqual(onlyItem(readFixture("seed-kill.xml")), {
    file: `${DIRECTORY}/seed-kill.xml`,
    path: "",
    format: "NITF",
    plainFields: true,
    id: seed.id,
    updateKey: "korea-talks",
    version: "2",
    versionTime: { local: "2013-09-02T18:25:00", offset: "+04:00" },
    status: "canceled",
    correction: false,
    headline: "",
    body: { kind: "text", text: "" },
    topics: [],
    lang: "en-US",
  });
  const canceled = '<docdata management-status="canceled"><doc-id id-string="a"/><date.issue norm="20240304T1200Z"/></docdata>';
  const empty = onlyItem(readInline(nitf({ docdata: canceled, bodyHead: "<hedline><hl1> </hl1></hedline>", content: " " })));
  assert.deepEqual([empty.status, empty.headline, empty.body], ["canceled", "", { kind: "text", text: "" }]);
  assert.deepEqual(readInline(nitf({ docdata: '<docdata management-status="canceled"/>', bodyHead: "", content: "" })).problems, [
    { file: "inline.xml", field: "/nitf/head/docdata/doc-id/@id-string", message: NO_ID, code: "WD206" },
  ]);
});

test("a story without headline or text that is not canceled is still refused", () => {
  const notice = readFileSync(new URL("../../fixtures/wire/nitf/seed-kill.xml", import.meta.url), "utf8");
  for (const status of ["usable", "withheld"]) {
    assert.deepEqual(readNitf(notice.replace('management-status="canceled"', `management-status="${status}"`), "notice.xml", AGENCIES), {
      items: [],
      problems: [
        { file: "notice.xml", field: "/nitf/body/body.head/hedline/hl1", message: "missing (expected the story's headline, here or in /nitf/head/title)", code: "WD206" },
        { file: "notice.xml", field: "/nitf/body/body.content", message: "has no text (expected the story's text)", code: "WD206" },
      ],
    });
  }
});

test("media without alternate text gives a photo without alt, found inside a block", () => {
  const item = onlyItem(readFixture("media-without-alt.xml"));
  assert.deepEqual(item.photo, {
    href: "https://photos.nordicwire.example/ferry.jpg",
    path: "/nitf/body/body.content/block/media/media-reference",
    credit: "Photo NWS/Lena Berg",
  });
  assert.deepEqual(item.versionTime, { local: "2024-03-04" });
  assert.deepEqual(item.body, { kind: "html", html: "<p>Ferries ran to their full timetable on Monday.</p>" });
});

test("media without a source is a problem; the story is read without a photo", () => {
  const read = readInline(nitf({ content: '<p>Text.</p><media media-type="image"><media-reference alternate-text="A boat"/></media>' }));
  assert.equal(read.items.length, 1);
  assert.equal(read.items[0]?.photo, undefined);
  assert.deepEqual(read.problems, [
    { file: "inline.xml", field: "/nitf/body/body.content/media", message: "has no media-reference with a source (expected the picture's file name or URL)", code: "WD215" },
  ]);
  const video = onlyItem(readInline(nitf({ content: '<p>Text.</p><media media-type="video"><media-reference source="a.mp4"/></media>' })));
  assert.equal(video.photo, undefined, "only image media is a photo");
});

test("media besides the photo is left out of the text, each named with its source and caption", () => {
  const content =
    '<p>Quays shut.</p><media media-type="image"><media-reference source="quay.jpg"/><media-caption>The quay at dusk.</media-caption></media>' +
    '<p>Crews waited.</p><media media-type="image"><media-reference source="crane.jpg" width="10"/><media-reference source="crane-big.jpg" width="20"/><media-caption>A crane idles.</media-caption><media-producer>Pat Doe</media-producer></media>' +
    '<block><media media-type="video"><media-reference source="clip.mp4"/></media></block>' +
    '<media media-type="image"><media-reference data-location="#photo1"/></media>';
  const item = onlyItem(readInline(nitf({ content })));
  assert.equal(item.photo?.href, "quay.jpg");
  assert.deepEqual(item.body, { kind: "html", html: "<p>Quays shut.</p><p>Crews waited.</p>" });
  assert.deepEqual(
    item.notes?.map(({ field, message, code }) => [field, message, code]),
    [
      ["/nitf/body/body.content/media[2]", 'warning: ignored: a picture in the text, from "crane.jpg", "crane-big.jpg", its caption "A crane idles." (a story shows only its own photo and images)', "WD210"],
      ["/nitf/body/body.content/block/media", 'warning: ignored: a video in the text, from "clip.mp4" (a story shows only its own photo and images)', "WD210"],
    ],
  );
  // A video before any picture is no photo, and named too.
  const video = onlyItem(readInline(nitf({ content: '<p>Text.</p><media media-type="video"><media-reference source="a.mp4"/><media-caption>Boats race.</media-caption></media>' })));
  assert.deepEqual(video.notes?.map(({ message }) => message), ['warning: ignored: a video in the text, from "a.mp4", its caption "Boats race." (a story shows only its own photo and images)']);
});

test("NITF's own elements become HTML, metadata in the body is dropped", () => {
  const content =
    '<block><hl2>Key points</hl2><tobject tobject.type="news"/><ul><li><person value="x">Anna Keller</person> spoke.</li></ul></block>' +
    '<p>See <a href="https://example.com/r" id="r1" title="Report">the report</a> <em>now</em>; rates rose <num>1<frac><numer>1</numer><frac-sep>/</frac-sep><denom>2</denom></frac></num> points.</p>' +
    '<table><tr><td colspan="2" align="left">Cell</td></tr></table>' +
    '<note type="pa"><body.content><p>Corrects an earlier figure.</p></body.content></note>' +
    '<note type="npa"><body.content><p>Not for publication.</p></body.content></note>';
  assert.deepEqual(onlyItem(readInline(nitf({ content }))).body, {
    kind: "html",
    html:
      "<h2>Key points</h2><ul><li>Anna Keller spoke.</li></ul>" +
      '<p>See <a href="https://example.com/r" title="Report">the report</a> <em>now</em>; rates rose 11/2 points.</p>' +
      '<table><tr><td colspan="2">Cell</td></tr></table>' +
      "<p>Corrects an earlier figure.</p>",
  });
});

const CDATA_NOTE = {
  field: "/nitf/body/body.content",
  message: "warning: read as markup: its content is HTML in a CDATA section, read as if written inline (expected the markup as XML elements, or text with no HTML in it)",
  code: "WD232",
};

test("body.content delivered as HTML in a CDATA section is read as that markup, with a line saying so", () => {
  // Not well-formed as XML ("3 < 4"): read as the HTML it is.
  const html = onlyItem(readInline(nitf({ content: "\n <![CDATA[<p>HAMBURG (AP) — Dockers struck in <b>Bremen</b> &amp; Kiel.</p><p>3 < 4.</p>]]>\n" })));
  assert.deepEqual(html.body, { kind: "html", html: "<p>HAMBURG (AP) — Dockers struck in <b>Bremen</b> &amp; Kiel.</p><p>3 < 4.</p>" });
  assert.deepEqual(html.notes, [CDATA_NOTE]);
  // Well-formed: read as NITF written inline would be.
  const nitfMarkup = onlyItem(readInline(nitf({ content: "<![CDATA[<hl2>Key points</hl2><p>Rates &amp; fees rose.</p>]]>" })));
  assert.deepEqual(nitfMarkup.body, { kind: "html", html: "<h2>Key points</h2><p>Rates &amp; fees rose.</p>" });
  assert.deepEqual(nitfMarkup.notes, [CDATA_NOTE]);
});

test("a hl1 escaped in XML is text; one that is HTML in a CDATA section is read for its words, with a line saying so", () => {
  const escaped = onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1>Louvre reopens after &lt;strike&gt;</hl1></hedline><abstract>Brent &lt;LCOc1&gt; fell.</abstract>" })));
  assert.equal(escaped.headline, "Louvre reopens after <strike>");
  assert.equal(escaped.lead, "Brent <LCOc1> fell.");
  assert.equal(escaped.plainFields, true);
  const wrapped = onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1><![CDATA[Harbour & port strike spreads to <em>three</em> cities]]></hl1></hedline>" })));
  assert.equal(wrapped.headline, "Harbour & port strike spreads to three cities");
  assert.deepEqual(wrapped.notes, [
    { field: "/nitf/body/body.head/hedline/hl1", message: "warning: read as markup: its text is HTML in a CDATA section, read for its words (expected text, with no HTML in it)", code: "WD232" },
  ]);
});

test("CDATA holding text, or angle brackets that are no HTML, stays text", () => {
  for (const content of ["<![CDATA[Shares of Apple <AAPL.O> rose & fell.]]>", "<p>Rates <![CDATA[<rose>]]> again.</p>"]) {
    const item = onlyItem(readInline(nitf({ content })));
    assert.equal(item.notes, undefined);
    assert.ok(item.body.kind === "html" && !item.body.html.includes("<rose>") && !item.body.html.includes("<AAPL.O>"), JSON.stringify(item.body));
  }
});

test("the headline falls back to head/title; place, source and lang to their other fields", () => {
  const item = onlyItem(
    readInline(
      `<nitf xml:lang="fr"><head><title>Le port rouvre</title><docdata><doc-id id-string="a"/><doc.copyright holder="Agence Exemple"/></docdata></head>` +
        "<body><body.head><dateline>MARSEILLE, 4 mars</dateline></body.head><body.content><p>Le port a rouvert.</p></body.content></body></nitf>",
    ),
  );
  assert.deepEqual([item.headline, item.place, item.source, item.lang], ["Le port rouvre", "MARSEILLE", "Agence Exemple", "fr"]);
});

test("a dateline's region is kept with its city, since it decides which city it is; a date after the city is not a region", () => {
  const placeOf = (dateline: string) => onlyItem(readInline(nitf({ bodyHead: `<hedline><hl1>Storm</hl1></hedline><dateline>${dateline}</dateline>` }))).place;
  assert.equal(placeOf("<location><city>Portland</city><state>Maine</state><country>USA</country></location>, Sept. 2"), "Portland, Maine");
  assert.equal(placeOf("<location><city>Grosseto</city><country>Italy</country></location>"), "Grosseto, Italy");
  assert.equal(placeOf("PORTLAND, Ore., Sept. 2"), "PORTLAND, Ore.");
  assert.equal(placeOf("MOSCOW, September 2"), "MOSCOW");
  assert.equal(placeOf("LONDON, Tuesday"), "LONDON");
});

test("a missing headline, body or id, and bad dates, are problems at their places", () => {
  assert.deepEqual(readFixture("missing-headline.xml").problems, [
    {
      file: `${DIRECTORY}/missing-headline.xml`,
      field: "/nitf/body/body.head/hedline/hl1",
      message: "missing (expected the story's headline, here or in /nitf/head/title)",
      code: "WD206",
    },
  ]);
  assert.deepEqual(readFixture("missing-body.xml"), {
    items: [],
    problems: [{ file: `${DIRECTORY}/missing-body.xml`, field: "/nitf/body/body.content", message: "missing (expected the story's text)", code: "WD206" }],
  });
  const expected = "(expected an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400)";
  assert.deepEqual(readFixture("bad-date.xml"), {
    items: [],
    problems: [
      { file: `${DIRECTORY}/bad-date.xml`, field: "/nitf/head/docdata/date.issue/@norm", message: `"2024-13-04T09:00" is not a date or time ${expected}`, code: "WD208" },
      { file: `${DIRECTORY}/bad-date.xml`, field: "/nitf/head/docdata/date.release/@norm", message: `"March 4" is not a date or time ${expected}`, code: "WD208" },
    ],
  });
  assert.deepEqual(readInline(nitf({ docdata: "", content: "<media media-type=\"image\"/>" })).problems, [
    { file: "inline.xml", field: "/nitf/head/docdata/doc-id/@id-string", message: NO_ID, code: "WD206" },
    { file: "inline.xml", field: "/nitf/body/body.content", message: "has no text (expected the story's text)", code: "WD206" },
    // A refused story's photo is still read, so its problem comes in the same run.
    { file: "inline.xml", field: "/nitf/body/body.content/media", message: "has no media-reference with a source (expected the picture's file name or URL)", code: "WD215" },
  ]);
  assert.deepEqual(readInline("<newsItem/>").problems, [{ file: "inline.xml", field: "/newsItem", message: "is not NITF (expected a nitf root element)", code: "WD202" }]);
});

test("hostile and broken XML is refused with the XML reader's problem", () => {
  assert.deepEqual(readFixture("external-entity.xml"), {
    items: [],
    problems: [
      {
        file: `${DIRECTORY}/external-entity.xml`,
        line: 3, column: 3, field: "",
        message: 'the DOCTYPE declares the external entity "remote" (SYSTEM "http://127.0.0.1:9/evil.dtd"), which is never read (expected no entity declarations)',
        code: "WD204",
      },
      {
        file: `${DIRECTORY}/external-entity.xml`,
        line: 4, column: 3, field: "",
        message: 'the DOCTYPE declares the external entity "secret" (SYSTEM "file:///etc/passwd"), which is never read (expected no entity declarations)',
        code: "WD204",
      },
    ],
  });
  assert.deepEqual(readFixture("entity-bomb.xml"), {
    items: [],
    problems: [
      {
        file: `${DIRECTORY}/entity-bomb.xml`,
        line: 3, column: 3, field: "",
        message:
          "the DOCTYPE declares entities of its own (a, b, c, d), which are never expanded: entities built from one another can grow " +
          "without bound (expected no entity declarations; HTML entities such as &nbsp; need none)",
          code: "WD204",
      },
    ],
  });
  assert.deepEqual(readFixture("malformed.xml"), {
    items: [],
    problems: [{ file: `${DIRECTORY}/malformed.xml`, line: 6, column: 15, field: "", message: "not well-formed XML: char '&' is not expected.", code: "WD203" }],
  });
});

test("a dateline typed with its agency: the place, the agency as the item's source when it names none", () => {
  const item = onlyItem(readInline(`<nitf xml:lang="fr">${nitf({ bodyHead: "<hedline><hl1>Le tram</hl1></hedline><dateline>Strasbourg, 10 juil 2024 (AFP) -</dateline>" }).slice(6)}`));
  assert.deepEqual([item.place, item.source, item.notes], ["Strasbourg", "AFP", undefined]);
  const distributed = onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1>Tram</hl1></hedline><distributor>Agence Exemple</distributor><dateline>LYON (AFP) -</dateline>" })));
  assert.deepEqual([distributed.place, distributed.source], ["LYON", "Agence Exemple"], "the item's own agency wins");
});

test("a timestamp in the dateline (as EFE sends it) is no place: left out with a warning, the story held for one", () => {
  const item = onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1>Lluvias</hl1></hedline><dateline>20170102T222800+0000</dateline>" })));
  assert.equal(item.place, undefined);
  assert.deepEqual(item.notes, [{ code: 'WD210', field: '/nitf/body/body.head/dateline', message: 'warning: ignored: "20170102T222800+0000": a date or time, not a place' }]);
  const located = onlyItem(readInline(nitf({ bodyHead: '<hedline><hl1>Lluvias</hl1></hedline><dateline><location><city>Madrid</city></location><story.date norm="20170102T222800+0000">20170102T222800+0000</story.date></dateline>' })));
  assert.deepEqual([located.place, located.notes], ["Madrid", undefined], "a location element names the place");
});

test("without doc-id's id-string, du-key's key; without either, the agency, the dateline's day and the headline", () => {
  const keyed = onlyItem(readInline(nitf({ docdata: '<doc-id regsrc="AP"/><du-key key="storm-coast" version="3"/><date.issue norm="20240304T090000Z"/>' })));
  assert.deepEqual([keyed.id, keyed.version, keyed.notes], ["storm-coast", "3", undefined]);
  const bodyHead = "<hedline><hl1>Storm hits the coast</hl1></hedline><dateline>MIAMI, March 3 (AP) -</dateline>";
  const docdata = '<doc-id regsrc="AP"/><date.issue norm="20240304T090000Z"/>';
  const byContent = onlyItem(readInline(nitf({ docdata, bodyHead })));
  assert.equal(byContent.id, "text:associated-press:2024-03-03:storm-hits-the-coast", "the dateline's day, read against the issue time, and the settings' name of the agency");
  assert.deepEqual(byContent.notes, [{ code: 'WD228', field: '/nitf/head/docdata/doc-id/@id-string', message: 'missing: known as "text:associated-press:2024-03-03:storm-hits-the-coast", by its agency, day and headline (expected a doc-id id-string or du-key key)' }]);
  const later = onlyItem(readInline(nitf({ docdata: '<doc-id regsrc="AP"/><date.issue norm="20240304T113000Z"/>', bodyHead })));
  assert.equal(later.id, byContent.id, "a later version of the same story is the same story");
  const undated = onlyItem(readInline(nitf({ docdata: '<date.release norm="20240305T060000Z"/>', bodyHead: "<hedline><hl1>Storm hits the coast</hl1></hedline>" })));
  assert.equal(undated.id, "text:no-agency:2024-03-05:storm-hits-the-coast", "without a dateline's day, the release day");
});

test("the lead: the abstract, else the hedline's hl2, as agencies without an abstract give the summary", () => {
  const abstractAndHl2 = "<hedline><hl1>Harbour reopens</hl1><hl2>Ferries run again</hl2></hedline><abstract><p>The harbour reopened after the storm.</p></abstract>";
  assert.equal(onlyItem(readInline(nitf({ bodyHead: abstractAndHl2 }))).lead, "The harbour reopened after the storm.");
  assert.equal(onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1>Harbour reopens</hl1><hl2>Ferries run again after the storm</hl2></hedline>" }))).lead, "Ferries run again after the storm");
  assert.equal(onlyItem(readInline(nitf())).lead, undefined);
});

test("the byline's people are its authors: its person elements, else its names without the writer's title", () => {
  const persons = onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1>Harbour reopens</hl1></hedline><byline>By <person>Ann Smith</person> and <person>Bo Li</person>, <byttl>Staff Writers</byttl></byline>" })));
  assert.deepEqual([persons.byline, persons.authors], ["By Ann Smith and Bo Li, Staff Writers", ["Ann Smith", "Bo Li"]]);
  const titled = onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1>Harbour reopens</hl1></hedline><byline>By Ann Smith, <byttl>Moscow correspondent</byttl></byline>" })));
  assert.deepEqual(titled.authors, ["Ann Smith"]);
  // The title is no name, and the page prints none: left out with a line, whether the names are persons or the byline's words.
  const titleNote = (title: string) => ({ field: "/nitf/body/body.head/byline/byttl", message: `warning: ignored: "${title}": the writer's title, not a name, so not an author`, code: "WD210" });
  assert.deepEqual(titled.notes?.filter(({ field }) => field.includes("/byline")), [titleNote("Moscow correspondent")]);
  assert.deepEqual(persons.notes?.filter(({ field }) => field.includes("/byline")), [titleNote("Staff Writers")]);
  // A byline that is only a title names no one: it stays the credit, and nothing is left out.
  const onlyTitle = onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1>Harbour reopens</hl1></hedline><byline><byttl>Staff reporter</byttl></byline>" })));
  assert.deepEqual([onlyTitle.byline, onlyTitle.notes?.filter(({ field }) => field.includes("/byline"))], ["Staff reporter", undefined]);
  assert.equal(onlyItem(readInline(nitf())).authors, undefined, "no byline, no authors");
  // Writers joined by "with", and where one was, which is no name: left out with a line at the byline.
  const placed = onlyItem(readInline(nitf({ bodyHead: "<hedline><hl1>Harbour reopens</hl1></hedline><byline>By Ann Smith with Bo Li in Riga</byline>" })));
  assert.deepEqual(placed.authors, ["Ann Smith", "Bo Li"]);
  assert.deepEqual(placed.notes?.filter(({ field }) => field.endsWith("/byline")), [
    { field: "/nitf/body/body.head/byline", message: 'warning: ignored: "in Riga": where "Bo Li" was, not a name', code: "WD210" },
  ]);
});
