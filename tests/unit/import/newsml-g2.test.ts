import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import { importedBody } from "../../../src/lib/import/imported-body.ts";
import { readNewsmlG2 as readNewsmlG2File } from "../../../src/lib/import/newsml-g2.ts";
import { planStory } from "../../../src/lib/import/story-plan.ts";
import type { WireBody, WireItem, WireRead } from "../../../src/lib/import/wire-item.ts";
import { AGENCIES } from "../../support/agencies.ts";
import type { Agency } from "../../../src/lib/model/agencies.ts";

/** A read with the problems of the items it refused among the file's, as these tests ask of problems alone. */
function readNewsmlG2(text: string, file: string, agencies: readonly Agency[]): WireRead {
  const { refused = [], ...read } = readNewsmlG2File(text, file, agencies);
  return { ...read, problems: [...read.problems, ...refused.flatMap(({ problems }) => problems)] };
}

const DIRECTORY = "tests/fixtures/wire/newsml-g2";

function readFixture(name: string): WireRead {
  const file = `${DIRECTORY}/${name}`;
  return readNewsmlG2(readFileSync(new URL(`../../fixtures/wire/newsml-g2/${name}`, import.meta.url), "utf8"), file, AGENCIES);
}

/** The one item a read gave, with no problems. */
function onlyItem(read: WireRead): WireItem {
  assert.deepEqual(read.problems, []);
  assert.equal(read.items.length, 1);
  return read.items[0] as WireItem;
}

function htmlOf(body: WireBody): string {
  assert.equal(body.kind, "html");
  return body.kind === "html" ? body.html : "";
}

/** The HTML without the white space between tags that the delivered XML was indented with. */
const tight = (html: string) => html.replace(/>\s+</g, "><");

/** A newsItem with a headline and plain text, parts replaced as a test needs. */
function newsItem(parts: { attributes?: string; meta?: string; content?: string; body?: string } = {}): string {
  const {
    attributes = 'guid="urn:newsml:example.com:1" version="1"',
    meta = '<itemClass qcode="ninat:text"/><versionCreated>2024-03-04T09:00:00Z</versionCreated>',
    content = "<headline>Harbour reopens</headline>",
    body = "<inlineData>The harbour reopened.</inlineData>",
  } = parts;
  return `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ${attributes}><itemMeta>${meta}</itemMeta><contentMeta>${content}</contentMeta><contentSet>${body}</contentSet></newsItem>`;
}

const readInline = (xml: string) => readNewsmlG2(xml, "inline.xml", AGENCIES);

test("the seed story: a message whose package pairs the text item with its picture", () => {
  const read = readFixture("seed-package.xml");
  const { body, ...item } = onlyItem(read);
  assert.deepEqual(item, {
    file: `${DIRECTORY}/seed-package.xml`,
    path: "/newsMessage/itemSet/newsItem[1]",
    format: "NewsML-G2",
    plainFields: true,
    id: "urn:newsml:itar-tass.com:20130902:korea-talks",
    version: "1",
    versionTime: { local: "2013-09-02T15:40:00", offset: "+04:00" },
    released: { local: "2013-09-02T15:40:00", offset: "+04:00" },
    status: "usable",
    correction: false,
    headline: "Moscow hopes for further talks on denuclearization of North Korean Peninsula",
    lead: "Signs point that South and North Korea are looking for ways to resume contacts, Russia's Foreign Minister says",
    place: "Moscow, Russia",
    source: "Itar-Tass",
    topics: ["politics", "North Korea", "six-party talks"],
    photo: {
      href: "seed-photo.jpg",
      path: "/newsMessage/itemSet/newsItem[2]/contentSet/remoteContent[2]",
      alt: "Sergei Lavrov, in a dark suit, speaks into a microphone at a lectern in front of a blue backdrop",
      caption: "Russian Foreign Minister Sergei Lavrov speaks to students and faculty of MGIMO University in Moscow on Monday, September 2.",
      credit: "Photo EPA/ITAR-TASS",
    },
    lang: "en",
  });
  const paragraphs = tight(htmlOf(body)).split("</p><p>");
  assert.equal(paragraphs.length, 7);
  assert.ok(paragraphs[0]?.startsWith("<p>MOSCOW, September 2 (Itar-Tass) - Moscow hopes for the resumption of talks"));
  assert.equal(paragraphs[6], "Lavrov previously said that\u00a0Moscow rejected Pyongyang’s attempts to declare itself a military nuclear power unilaterally.</p>");
  assert.ok(!htmlOf(body).includes("<title>"), "the XHTML head is not body text");
});

test("a packaged picture's rights: its rightsInfo's copyright notice and usage terms, its creator as photographer", () => {
  const item = onlyItem(readFixture("picture-rights.xml"));
  assert.deepEqual(item.photo, {
    href: "fjord.jpg",
    path: "/newsMessage/itemSet/newsItem[2]/contentSet/remoteContent",
    alt: "A white ferry leaves a quay below steep green hills",
    credit: "Ingrid Dahl/Nordwire",
    creator: "Ingrid Dahl",
    copyright: "Copyright 2024 Nordwire & Co. All rights reserved.",
    usageTerms: "Editorial use only. No archive after 30 days.",
  });
  // The holder is named in the notice: nothing of the agency's words is left out.
  assert.equal(item.notes, undefined);
  // A holder the notice does not name is left out with a note on the text item; without a notice, the holder is the notice.
  const xml = readFileSync(new URL("../../fixtures/wire/newsml-g2/picture-rights.xml", import.meta.url), "utf8");
  const otherHolder = onlyItem(readNewsmlG2(xml.replace("<name>Nordwire</name></copyrightHolder>", "<name>Fjord Photo Pool</name></copyrightHolder>"), "other.xml", AGENCIES));
  assert.deepEqual(otherHolder.notes, [
    {
      field: "/newsMessage/itemSet/newsItem[2]/rightsInfo/copyrightHolder",
      message: 'warning: ignored: the copyright holder "Fjord Photo Pool" is not named in the picture\'s copyright notice, which is kept as the agency gave it: "Copyright 2024 Nordwire & Co. All rights reserved."',
      code: "WD210",
    },
  ]);
  const noNotice = onlyItem(readNewsmlG2(xml.replace(/<copyrightNotice>.*<\/copyrightNotice>/, ""), "no-notice.xml", AGENCIES));
  assert.equal(noNotice.photo?.copyright, "© Nordwire");
});

test("an update: the same guid, a later versionCreated, an update signal that is no correction", () => {
  const first = onlyItem(readFixture("seed-package.xml"));
  const update = onlyItem(readFixture("seed-update.xml"));
  assert.equal(update.id, first.id);
  assert.equal(update.path, "", "a file that is one item");
  assert.equal(update.version, "2");
  assert.deepEqual(update.versionTime, { local: "2013-09-02T17:05:00", offset: "+04:00" });
  assert.deepEqual(update.released, first.released);
  assert.equal(update.correction, false);
  assert.equal(update.photo, undefined);
});

test("an XHTML item with namespace prefixes, an embargo and a correction signal", () => {
  const { body, ...item } = onlyItem(readFixture("xhtml-item.xml"));
  assert.deepEqual(item, {
    file: `${DIRECTORY}/xhtml-item.xml`,
    path: "",
    format: "NewsML-G2",
    plainFields: true,
    id: "tag:nordicwire.example,2024:ferries-resume",
    version: "3",
    versionTime: { local: "2024-03-04T21:10:00", offset: "Z" },
    released: { local: "2024-03-04T18:30:00", offset: "Z" },
    embargoedUntil: { local: "2024-03-05T06:00:00", offset: "Z" },
    status: "usable",
    correction: true,
    headline: "Ferry services resume across the Kattegat after two-day storm",
    lead: "Operators restart crossings as winds ease; delays expected into Wednesday.",
    place: "GOTHENBURG",
    source: "NWS",
    byline: "By Lena Berg",
    topics: ["maritime transport"],
    lang: "en-GB",
  });
  assert.equal(
    tight(htmlOf(body)),
    "<p>GOTHENBURG, March 4 (NWS) - Ferry operators restarted crossings on Monday evening, <em>two days</em> after a storm closed the Kattegat to <strong>passenger traffic</strong>.</p>" +
      "<h2>What travellers should know</h2>" +
      "<ul><li>Crossings run to a reduced timetable until Wednesday.</li><li>Tickets for cancelled sailings are valid for a week.</li></ul>" +
      '<blockquote lang="sv"><p>Vi kör igen.</p></blockquote>' +
      '<p>Timetables are posted at <a href="https://ferries.example/timetable" class="external">the operator&apos;s site</a>.<br>Updates follow.</p>' +
      "<table><tr><th>Route</th><td>Gothenburg – Frederikshavn</td></tr></table>",
  );
});

test("NITF in inlineXML: body.content as HTML, media and notes for editors left out, place from the dateline", () => {
  const item = onlyItem(readFixture("nitf-inline.xml"));
  assert.equal(
    tight(htmlOf(item.body)),
    "<p>BRUSSELS, March 4 (EUW) - Finance ministers led by Anna Keller agreed in Brussels on a timetable.</p>" +
      "<h2>Next steps</h2><p>Talks resume on March 11.</p>" +
      "<blockquote><p>We have a plan.</p><cite>Anna Keller</cite></blockquote>",
  );
  assert.equal(item.format, "NewsML-G2");
  assert.equal(item.place, "BRUSSELS");
  assert.equal(item.source, "EUW");
  assert.equal(item.byline, "By Tom Reyes", "the NITF body's byline, when contentMeta has no by");
  assert.equal(item.lang, "en-IE");
  assert.equal(item.photo, undefined, "a picture inside the text is not the item's photo");
  assert.deepEqual(
    item.notes?.filter(({ field }) => field.endsWith("/media")).map(({ message, code }) => [message, code]),
    [['warning: ignored: a picture in the text, from "https://photos.euwire.example/budget.jpg", its caption "Ministers meet in Brussels." (a story shows only its own photo and images)', "WD210"]],
  );
});

test("XHTML in inlineXML delivered in a CDATA section is read as if written inline, with a line saying so", () => {
  const note = {
    field: "/newsItem/contentSet/inlineXML",
    message: "warning: read as markup: its content is HTML in a CDATA section, read as if written inline (expected the markup as XML elements, or text with no HTML in it)",
    code: "WD232",
  };
  const xhtml = '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Louvre</title></head><body><p>PARIS (Reuters) - The Louvre reopened on <b>Saturday</b>.</p></body></html>';
  const item = onlyItem(readInline(newsItem({ body: `<inlineXML contenttype="application/xhtml+xml"><![CDATA[${xhtml}]]></inlineXML>` })));
  assert.deepEqual(item.body, { kind: "html", html: "<p>PARIS (Reuters) - The Louvre reopened on <b>Saturday</b>.</p>" });
  assert.deepEqual(item.notes, [note]);
  const html = onlyItem(readInline(newsItem({ body: "<inlineXML><![CDATA[<p>One<br>two.</p>]]></inlineXML>" })));
  assert.deepEqual(html.body, { kind: "html", html: "<p>One<br>two.</p>" });
  assert.deepEqual(html.notes, [note]);
});

test("a headline and lead escaped in XML are text: Reuters' codes and words in angle brackets are kept, every character", () => {
  const content =
    '<located><name>New York</name></located><headline>Apple &lt;AAPL.O&gt; shares jump as S&amp;P 500 &lt;.SPX&gt; hits record; after &lt;strike&gt;</headline>' +
    '<description role="drol:summary">Brent &lt;LCOc1&gt; fell.</description>';
  const item = onlyItem(readInline(newsItem({ content, body: "<inlineData>NEW YORK (Reuters) - Shares rose.</inlineData>" })));
  const plan = planStory(item, { body: importedBody(item, { agencies: AGENCIES, datelinePlaces: places }), datelinePlaces: places, siteLanguage: "en", agencies: AGENCIES });
  assert.ok(plan.ok);
  assert.equal(plan.plan.fields["title"], "Apple <AAPL.O> shares jump as S&P 500 <.SPX> hits record; after <strike>");
  assert.equal(plan.plan.fields["lead"], "Brent <LCOc1> fell.");
});

test("a headline or lead that is HTML in a CDATA section is read for its words, with a line saying so", () => {
  const content = "<headline><![CDATA[Harbour & port strike spreads to <em>three</em> cities]]></headline><description role=\"drol:summary\"><![CDATA[Apple <AAPL.O> rose.]]></description>";
  const item = onlyItem(readInline(newsItem({ content })));
  assert.equal(item.headline, "Harbour & port strike spreads to three cities");
  assert.equal(item.lead, "Apple <AAPL.O> rose.", "no HTML element named: text");
  assert.deepEqual(item.notes, [
    {
      field: "/newsItem/contentMeta/headline",
      message: "warning: read as markup: its text is HTML in a CDATA section, read for its words (expected text, with no HTML in it)",
      code: "WD232",
    },
  ]);
});

test("located names its broader region with the city where it is one; a dateline's text stops before its day", () => {
  const placeOf = (content: string) => onlyItem(readInline(newsItem({ content: `<headline>Storm</headline>${content}` }))).place;
  assert.equal(placeOf('<located><name>Portland</name><broader type="cptype:statprov"><name>Maine</name></broader></located>'), "Portland, Maine");
  assert.equal(placeOf('<located qcode="city:x"><name>Portland</name><broader qcode="reg:y"/></located>'), "Portland", "a broader area without a name adds nothing");
  assert.equal(placeOf('<located><name>Harbour district</name><broader><name>Old Town</name></broader></located>'), "Harbour district", "an area the gazetteer does not know as a region is left out");
  assert.equal(placeOf("<dateline>PORTLAND, Ore., Sept. 2 (AP)</dateline>"), "PORTLAND, Ore.");
  assert.equal(placeOf("<dateline>MOSCOW, Monday (Reuters)</dateline>"), "MOSCOW");
});

test("contentMeta's urgency is the item's priority; one that is not 1 to 9 is left out with a note", () => {
  const read = (urgency: string) => onlyItem(readInline(newsItem({ content: `<urgency>${urgency}</urgency><headline>Storm</headline>` })));
  assert.equal(read("2").priority, 2);
  const high = read("high");
  assert.equal(high.priority, undefined);
  assert.deepEqual(high.notes, [{ field: "/newsItem/contentMeta/urgency", message: 'warning: ignored: got "high" (expected a whole number from 1 to 9)', code: "WD210" }]);
});

test("plain text in inlineData keeps its paragraphs, with trailing spaces and extra blank lines gone", () => {
  const item = onlyItem(readFixture("plain-inline.xml"));
  assert.deepEqual(item.body, {
    kind: "text",
    text:
      "LIMA, March 4 (AW) - A magnitude 5.1 earthquake shook southern Peru on Monday, the geophysical institute said.\n\n" +
      "No damage or injuries were reported in Arequipa or Moquegua.\n\n" +
      "Aftershocks are possible & expected to be weak.",
  });
  assert.equal(item.source, "Andes Wire", "the provider, when nothing else names the agency");
  assert.equal(item.lead, undefined);
  assert.equal(item.place, undefined);
  assert.deepEqual(item.topics, []);
});

test("inlineData with Windows line ends, and inlineData declared HTML", () => {
  const crlf = onlyItem(readInline(newsItem({ body: "<inlineData contenttype=\"text/plain\">One.\r\n\r\nTwo.\r\n</inlineData>" })));
  assert.deepEqual(crlf.body, { kind: "text", text: "One.\n\nTwo." });
  const html = onlyItem(readInline(newsItem({ body: '<inlineData contenttype="text/html">&lt;p&gt;One.&lt;/p&gt;</inlineData>' })));
  assert.deepEqual(html.body, { kind: "html", html: "<p>One.</p>" });
});

test("a package's picture not in the message comes from the itemRef's href; an item it lacks is a warning on its text item", () => {
  const read = readFixture("package-remote-photo.xml");
  assert.deepEqual(read.problems, []);
  assert.equal(read.items.length, 1);
  assert.deepEqual(read.items[0]?.photo, {
    href: "https://photos.example.com/harbour-1600.jpg",
    path: "/newsMessage/itemSet/packageItem/groupSet/group[2]/itemRef",
    caption: "Fishing boats return to the harbour at dawn.",
  });
  assert.deepEqual(read.items[0]?.notes, [
    { code: 'WD211', field: '/newsMessage/itemSet/packageItem/groupSet/group[1]/itemRef[2]', message: 'warning: ignored: refers to item "urn:newsml:example.com:20240304:harbour-sidebar", which this file does not hold' },
  ]);
});

test("a package whose text items are all elsewhere is one problem naming every reference; the file's other items still import", () => {
  const xml =
    '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>' +
    '<packageItem guid="p"><groupSet><group><itemRef residref="story-a"/><itemRef residref="story-b"/></group></groupSet></packageItem>' +
    newsItem() +
    "</itemSet></newsMessage>";
  const read = readInline(xml);
  assert.deepEqual(
    read.items.map((item) => [item.id, item.notes]),
    [["urn:newsml:example.com:1", undefined]],
    "a text item outside the package is not warned about it",
  );
  assert.deepEqual(read.problems, [
    {
      file: "inline.xml",
      field: "/newsMessage/itemSet/packageItem",
      message: 'has no text item in this file: it refers to item "story-a", item "story-b", which the file does not hold (expected the package\'s text item in the same newsMessage)',
      code: "WD211",
    },
  ]);
});

test("a packaged picture without renditions is a problem; its text item is read without a photo", () => {
  const xml =
    '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>' +
    '<packageItem guid="p"><groupSet><group><itemRef residref="urn:newsml:example.com:1"/><itemRef residref="pic"/></group></groupSet></packageItem>' +
    newsItem() +
    '<newsItem guid="pic"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta><contentSet><remoteContent href="x.mp4" contenttype="video/mp4"/></contentSet></newsItem>' +
    "</itemSet></newsMessage>";
  const read = readInline(xml);
  assert.equal(read.items.length, 1);
  assert.equal(read.items[0]?.photo, undefined);
  assert.deepEqual(read.problems, [
    {
      file: "inline.xml",
      field: "/newsMessage/itemSet/newsItem[2]/contentSet",
      message: "has no remoteContent with an href to an image (expected the picture's renditions)",
      code: "WD215",
    },
  ]);
});

test("a picture item outside any package is skipped: a text item was expected", () => {
  assert.deepEqual(readFixture("lone-picture.xml"), {
    items: [],
    problems: [
      {
        file: `${DIRECTORY}/lone-picture.xml`,
        field: "/newsItem",
        message: "is a picture item (ninat:picture) outside any package (expected a text item, or a packageItem pairing one with it)",
        code: "WD205",
      },
    ],
  });
});

test("items that are neither text nor picture, and files that are not NewsML-G2, are named", () => {
  const video = newsItem({ meta: '<itemClass qcode="ninat:video"/>' });
  const message = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>${video}<conceptItem guid="c"/></itemSet></newsMessage>`;
  assert.deepEqual(readInline(message).problems, [
    { file: "inline.xml", field: "/newsMessage/itemSet/newsItem", message: "is a ninat:video item (expected a text item)", code: "WD205" },
    { file: "inline.xml", field: "/newsMessage/itemSet/conceptItem", message: "is a conceptItem (expected a newsItem with text)", code: "WD205" },
  ]);
  assert.deepEqual(readInline("<rss><channel/></rss>").problems, [
    { file: "inline.xml", field: "/rss", message: "is not NewsML-G2 (expected a newsMessage, newsItem or packageItem root element)", code: "WD202" },
  ]);
  assert.deepEqual(readInline('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet/></newsMessage>').problems, [
    { file: "inline.xml", field: "/newsMessage/itemSet", message: "has no items (expected the message's newsItem and packageItem elements)", code: "WD206" },
  ]);
});

test("a missing headline is a problem naming its item; the message's other items are still read", () => {
  const read = readFixture("missing-headline.xml");
  assert.deepEqual(
    read.items.map((item) => [item.path, item.headline]),
    [["/newsMessage/itemSet/newsItem[1]", "Harbour reopens"]],
  );
  assert.deepEqual(read.problems, [
    { file: `${DIRECTORY}/missing-headline.xml`, field: "/newsMessage/itemSet/newsItem[2]/contentMeta/headline", message: "missing (expected the story's headline, here or as the hl1 of the NITF in inlineXML)", code: "WD206" },
  ]);
});

test("an item refused for its text is read on, so its times and place are checked in the same run", () => {
  const file = `${DIRECTORY}/missing-body.xml`;
  const read = readNewsmlG2File(readFileSync(file, "utf8"), file, AGENCIES);
  assert.deepEqual(read.items, []);
  assert.deepEqual(read.refused?.[0]?.problems.map(({ field }) => field), ["/newsItem/contentSet"]);
  const found = read.refused?.[0]?.found;
  assert.deepEqual([found?.id, found?.headline, found?.versionTime, found?.body], ["urn:newsml:example.com:20240304:no-body", "Council approves new tram line", { local: "2024-03-04T09:00:00", offset: "Z" }, undefined]);
});

test("a missing body, a bad date and a missing guid are problems, and the item is not read", () => {
  assert.deepEqual(readFixture("missing-body.xml"), {
    items: [],
    problems: [
      {
        file: `${DIRECTORY}/missing-body.xml`,
        field: "/newsItem/contentSet",
        message: "has no inlineXML or inlineData with text (expected the story's text as XHTML, NITF or plain text)",
        code: "WD206",
      },
    ],
  });
  const expected = "(expected an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400)";
  assert.deepEqual(readFixture("bad-date.xml"), {
    items: [],
    problems: [
      { file: `${DIRECTORY}/bad-date.xml`, field: "/newsItem/itemMeta/versionCreated", message: `"4 March 2024, 09:00" is not a date or time ${expected}`, code: "WD208" },
      { file: `${DIRECTORY}/bad-date.xml`, field: "/newsItem/itemMeta/embargoed", message: `"2024-03-31T25:00:00Z" is not a date or time ${expected}`, code: "WD208" },
    ],
  });
  assert.deepEqual(readInline(newsItem({ attributes: 'version="1"', body: "" })).problems, [
    { file: "inline.xml", field: "/newsItem/@guid", message: "missing (expected the item's guid, the same for all its versions)", code: "WD206" },
    { file: "inline.xml", field: "/newsItem/contentSet", message: "has no inlineXML or inlineData with text (expected the story's text as XHTML, NITF or plain text)", code: "WD206" },
  ]);
});

test("pubStatus, an open embargo and signals, by QCode or by URI", () => {
  const statusOf = (meta: string) => onlyItem(readInline(newsItem({ meta }))).status;
  assert.equal(statusOf(""), "usable");
  assert.equal(statusOf('<pubStatus qcode="stat:withheld"/>'), "withheld");
  assert.equal(statusOf('<pubStatus uri="http://cv.iptc.org/newscodes/pubstatusg2/canceled"/>'), "canceled");
  assert.equal(statusOf('<embargoed/><pubStatus qcode="stat:usable"/>'), "withheld", "embargoed until further notice");
  assert.equal(statusOf('<embargoed/><pubStatus qcode="stat:canceled"/>'), "canceled");
  assert.deepEqual(readInline(newsItem({ meta: '<pubStatus qcode="stat:pending"/>' })).problems, [
    {
      file: "inline.xml",
      field: "/newsItem/itemMeta/pubStatus",
      message: '"stat:pending" is not a publishing status (expected stat:usable, stat:withheld or stat:canceled)',
      code: "WD207",
    },
  ]);
  const correction = (meta: string) => onlyItem(readInline(newsItem({ meta }))).correction;
  assert.equal(correction('<signal uri="http://cv.iptc.org/newscodes/signal/correction"/>'), true);
  assert.equal(correction('<signal qcode="sig:update"/><signal qcode="nmsig:atomic"/>'), false);
});

test("a kill notice without headline or text withdraws the seed story's item; its edNote is no headline or text", () => {
  const seed = onlyItem(readFixture("seed-package.xml"));
  assert.deepEqual(onlyItem(readFixture("seed-kill.xml")), {
    file: `${DIRECTORY}/seed-kill.xml`,
    path: "",
    format: "NewsML-G2",
    plainFields: true,
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
  });
  const canceled = '<itemClass qcode="ninat:text"/><versionCreated>2024-03-04T09:00:00Z</versionCreated><pubStatus qcode="stat:canceled"/>';
  const empty = onlyItem(readInline(newsItem({ meta: canceled, content: "<headline> </headline>", body: '<inlineXML contenttype="application/xhtml+xml"> </inlineXML>' })));
  assert.deepEqual([empty.status, empty.headline, empty.body], ["canceled", "", { kind: "text", text: "" }]);
  assert.deepEqual(readInline(newsItem({ attributes: 'version="1"', meta: canceled, content: "", body: "" })).problems, [
    { file: "inline.xml", field: "/newsItem/@guid", message: "missing (expected the item's guid, the same for all its versions)", code: "WD206" },
  ]);
});

test("an item without headline or text that is not canceled is still refused", () => {
  const notice = readFileSync(new URL("../../fixtures/wire/newsml-g2/seed-kill.xml", import.meta.url), "utf8");
  for (const status of ["stat:usable", "stat:withheld"]) {
    assert.deepEqual(readNewsmlG2(notice.replace("stat:canceled", status), "notice.xml", AGENCIES), {
      items: [],
      problems: [
        { file: "notice.xml", field: "/newsItem/contentMeta/headline", message: "missing (expected the story's headline, here or as the hl1 of the NITF in inlineXML)", code: "WD206" },
        { file: "notice.xml", field: "/newsItem/contentSet", message: "missing (expected the story's text as XHTML, NITF or plain text)", code: "WD206" },
      ],
    });
  }
});

test("the main headline, descriptions by role and alt text only where the picture's agency gives it", () => {
  const content =
    '<headline role="ex:seo">SEO headline</headline><headline xml:lang="en">Main headline</headline>' +
    '<description role="drol:caption">Not a lead.</description><description roleuri="http://cv.iptc.org/newscodes/descriptionrole/summary">The lead.</description>';
  const item = onlyItem(readInline(newsItem({ content })));
  assert.equal(item.headline, "Main headline");
  assert.equal(item.lead, "The lead.");
  const picture = (descriptions: string) =>
    '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>' +
    '<packageItem guid="p"><groupSet><group><itemRef residref="urn:newsml:example.com:1"/><itemRef residref="pic"/></group></groupSet></packageItem>' +
    newsItem() +
    `<newsItem guid="pic"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta><contentMeta>${descriptions}</contentMeta>` +
    '<contentSet><remoteContent href="a.jpg" width="10" height="10"/><remoteContent href="b.jpg"/></contentSet></newsItem></itemSet></newsMessage>';
  assert.deepEqual(onlyItem(readInline(picture('<description role="drol:caption">Boats.</description>'))).photo, {
    href: "a.jpg",
    path: "/newsMessage/itemSet/newsItem[2]/contentSet/remoteContent[1]",
    caption: "Boats.",
  });
  assert.equal(onlyItem(readInline(picture('<description roleuri="http://cv.iptc.org/newscodes/descriptionrole/altText">Three boats.</description>'))).photo?.alt, "Three boats.");
});

test("hostile and broken XML is refused with the XML reader's problem", () => {
  const bomb = readFixture("entity-bomb.xml");
  assert.equal(bomb.items.length, 0);
  assert.deepEqual(bomb.problems.map(({ line, column, code }) => [line, column, code]), [[3, 3, "WD204"]]);
  assert.match(bomb.problems[0]?.message ?? "", /^the DOCTYPE declares entities of its own \(lol, lol1, lol2, lol3, lol4, … \(10 in all\)\)/);
  assert.deepEqual(readFixture("external-entity.xml"), {
    items: [],
    problems: [
      {
        file: `${DIRECTORY}/external-entity.xml`,
        line: 2, column: 21, field: "",
        message: 'the DOCTYPE declares the external entity "xxe" (SYSTEM "file:///etc/passwd"), which is never read (expected no entity declarations)',
        code: "WD204",
      },
    ],
  });
  assert.deepEqual(readFixture("malformed.xml"), {
    items: [],
    problems: [
      {
        file: `${DIRECTORY}/malformed.xml`,
        line: 6, column: 3, field: "",
        message: "not well-formed XML: Expected closing tag 'headline' (opened in line 4, col 5) instead of closing tag 'contentMeta'.",
        code: "WD203",
      },
    ],
  });
});

test("a dateline typed with its agency, as dpa sends it: the place, and the agency as the source when the item names none", () => {
  const item = onlyItem(readInline(newsItem({ content: '<headline>Kabinett tagt</headline><language tag="de"/><dateline>BERLIN (DPA) -</dateline>' })));
  assert.deepEqual([item.place, item.source, item.notes], ["BERLIN", "dpa", undefined]);
  const credited = onlyItem(readInline(newsItem({ content: "<headline>Kabinett tagt</headline><creditline>dpa-AFX</creditline><dateline>Frankfurt, 10. Juli (dpa) -</dateline>" })));
  assert.deepEqual([credited.place, credited.source], ["Frankfurt", "dpa-AFX"]);
  const timestamp = onlyItem(readInline(newsItem({ content: "<headline>Lluvias</headline><dateline>20170102T222800+0000</dateline>" })));
  assert.equal(timestamp.place, undefined);
  assert.deepEqual(timestamp.notes, [{ code: 'WD210', field: '/newsItem/contentMeta/dateline', message: 'warning: ignored: "20170102T222800+0000": a date or time, not a place' }]);
});

test("a dateline field holding a time with its zone named is no place, and is left out with a warning", () => {
  const results = onlyItem(readFixture("dateline-timestamp.xml"));
  assert.equal(results.place, undefined);
  assert.deepEqual(results.notes, [
    { code: "WD210", field: "/newsItem/contentMeta/headline", message: 'warning: ignored: "UPDATE 1-" taken off the headline: the agency\'s mark of a new version' },
    { code: "WD210", field: "/newsItem/contentMeta/dateline", message: 'warning: ignored: "2026-01-07 21:05:40 GMT+00:00": a date or time, not a place' },
  ]);
});

test("Reuters' corrections: its edStat:C signal or a CORRECTED- headline marks one, and the mark is taken off the headline with a note", () => {
  const corrected = onlyItem(readFixture("corrected.xml"));
  assert.deepEqual([corrected.correction, corrected.headline], [true, "Ferry line adds a winter crossing to the islands"]);
  assert.deepEqual(corrected.notes, [
    { code: "WD210", field: "/newsMessage/itemSet/newsItem/contentMeta/headline", message: 'warning: ignored: "CORRECTED-" taken off the headline: the agency\'s mark of a correction' },
  ]);
  assert.equal(onlyItem(readFixture("corrected-original.xml")).correction, false, "edStat:N is a new item");
  const signalOnly = onlyItem(readInline(newsItem({ meta: '<itemClass qcode="ninat:text"/><versionCreated>2024-03-04T09:00:00Z</versionCreated><signal qcode="edStat:C"/>' })));
  assert.deepEqual([signalOnly.correction, signalOnly.headline, signalOnly.notes], [true, "Harbour reopens", undefined]);
  const headlineOnly = onlyItem(readInline(newsItem({ content: "<headline>CORRECTED-Harbour reopens</headline>" })));
  assert.deepEqual([headlineOnly.correction, headlineOnly.headline], [true, "Harbour reopens"]);
});

test("the lead: a description in the summary role, else the abstract or hl2 of NITF in inlineXML", () => {
  const nitfBody = (head: string) => `<inlineXML contenttype="application/nitf+xml"><nitf><body><body.head>${head}</body.head><body.content><p>The harbour reopened.</p></body.content></body></nitf></inlineXML>`;
  const summary = '<headline>Harbour reopens</headline><description role="drol:summary">Ferries run again.</description>';
  assert.equal(onlyItem(readInline(newsItem({ content: summary, body: nitfBody("<abstract>Not this one.</abstract>") }))).lead, "Ferries run again.");
  assert.equal(onlyItem(readInline(newsItem({ body: nitfBody("<abstract><p>The abstract.</p></abstract>") }))).lead, "The abstract.");
  assert.equal(onlyItem(readInline(newsItem({ body: nitfBody("<hedline><hl1>Harbour reopens</hl1><hl2>The subheadline.</hl2></hedline>") }))).lead, "The subheadline.");
  assert.equal(onlyItem(readInline(newsItem())).lead, undefined);
});

test("the tagline after NITF in inlineXML is left out of the text, quoted on the item's line at its place", () => {
  const body = '<inlineXML contenttype="application/nitf+xml"><nitf><body><body.content><p>The harbour reopened.</p></body.content><body.end><tagline>Tom Lee contributed from Berlin.</tagline></body.end></body></nitf></inlineXML>';
  const item = onlyItem(readInline(newsItem({ body })));
  assert.deepEqual(item.body, { kind: "html", html: "<p>The harbour reopened.</p>" });
  assert.deepEqual(item.notes?.map(({ field, code }) => [field, code]), [["/newsItem/contentSet/inlineXML/nitf/body/body.end/tagline", "WD210"]]);
  assert.match(item.notes?.[0]?.message ?? "", /"Tom Lee contributed from Berlin\.": the agency's credit line after the story/);
});

test("the creators are the item's authors, by name or literal; without them the byline is left to be read", () => {
  const creators = onlyItem(readInline(newsItem({ content: '<creator><name>Ann Smith</name></creator><creator literal="Bo Li"/><by>By Ann Smith and Bo Li</by><headline>Harbour reopens</headline>' })));
  assert.deepEqual([creators.byline, creators.authors], ["By Ann Smith and Bo Li", ["Ann Smith", "Bo Li"]]);
  const byOnly = onlyItem(readInline(newsItem({ content: "<by>By Ann Smith</by><headline>Harbour reopens</headline>" })));
  assert.deepEqual([byOnly.byline, byOnly.authors], ["By Ann Smith", undefined]);
});

test("a creator in the role of source is the agency, not an author: the byline is left to be read", () => {
  const reuters = onlyItem(readFixture("agency-creator.xml"));
  assert.deepEqual([reuters.byline, reuters.authors, reuters.source], ["By Ilse Varga", undefined, "Reuters"]);
});

test("a subject whose name only repeats its code is no topic; one named in words is", () => {
  const item = onlyItem(
    readInline(
      newsItem({
        content:
          '<headline>Harbour reopens</headline><subject qcode="apcategorycode:f"><name>f</name></subject><subject qcode="medtop:20000523"><name>maritime transport</name></subject><keyword>Harbours</keyword>',
      }),
    ),
  );
  assert.deepEqual(item.topics, ["maritime transport", "Harbours"]);
});

test("wire text typed into one XHTML paragraph keeps its paragraphs and bullets, as the teleprinter set them", () => {
  const typed = [
    "<p>(Adds detail)",
    "    * Ferries resume on Tuesday",
    "    * Timetables to follow",
    "",
    "    OSLO, March 4 (Reuters) - Ferries to the outer islands",
    "will run again from Tuesday, the operator said.",
    "    The harbour had been shut for two days.</p>",
    "<p>A paragraph of its own\nwrapped once.</p>",
  ].join("\n");
  const item = onlyItem(readInline(newsItem({ body: `<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${typed}</body></html></inlineXML>` })));
  assert.deepEqual(item.body, {
    kind: "html",
    html:
      "<p>(Adds detail)</p><ul><li>Ferries resume on Tuesday</li><li>Timetables to follow</li></ul><p>OSLO, March 4 (Reuters) - Ferries to the outer islands will run again from Tuesday, the operator said.</p><p>The harbour had been shut for two days.</p>\n<p>A paragraph of its own\nwrapped once.</p>",
  });
});

test("a credit typed after a blank line in the last XHTML paragraph is a paragraph of its own, so it is known as the credit it is", () => {
  const typed = "<p>Crews cleared the quay\nby noon.\n \n\n (Reporting by Ann Doe in\nOslo; Editing by Bo Li)</p>";
  const item = onlyItem(readInline(newsItem({ body: `<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${typed}</body></html></inlineXML>` })));
  assert.deepEqual(item.body, { kind: "html", html: "<p>Crews cleared the quay by noon.</p><p>(Reporting by Ann Doe in Oslo; Editing by Bo Li)</p>" });
});

test("an item whose headline is only in the NITF it embeds takes it from there", () => {
  const nitf = '<inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>Receivers name an acting chief</hl1></hedline></body.head><body.content><p>The receivers named an acting chief.</p></body.content></body></nitf></inlineXML>';
  const item = onlyItem(readInline(newsItem({ content: '<language tag="en"/>', body: nitf })));
  assert.equal(item.headline, "Receivers name an acting chief");
});

test("a provider given as a literal naming an agency the settings list is the source, as the settings spell it", () => {
  const meta = (literal: string) => `<itemClass qcode="ninat:text"/><provider literal="${literal}"/><versionCreated>2024-03-04T09:00:00Z</versionCreated>`;
  assert.equal(onlyItem(readInline(newsItem({ meta: meta("reuters.com") }))).source, "Reuters");
  assert.equal(onlyItem(readInline(newsItem({ meta: meta("www.afp.com") }))).source, "Agence France-Presse");
  assert.equal(onlyItem(readInline(newsItem({ meta: meta("example.com") }))).source, undefined, "a literal naming no listed agency names no source");
});

test("dpa's XHTML: the header repeating the item's keywords, time, headline and byline is left out with a line quoting it; the teaser is the lead", () => {
  const item = onlyItem(readFixture("dpa-xhtml.xml"));
  assert.equal(item.lead, "Ships calling at the new berth can switch off their engines while they unload.");
  assert.deepEqual([item.byline, item.authors], ["By Maren Lindqvist, dpa", ["lindqvist.maren"]]);
  assert.ok(tight(htmlOf(item.body)).startsWith('<section class="main"><p class="teaser">Ships calling'), htmlOf(item.body));
  assert.deepEqual(item.notes, [
    {
      code: "WD210",
      field: "/newsMessage/itemSet/newsItem/contentSet/inlineXML/html/body/header",
      message:
        'warning: ignored: the header above the text ("port", "#PortWeek", "04.03.2026 10:12", "Correspondent\'s report", "Hamburg port opens its third shore power berth", "By Maren Lindqvist, dpa"), which repeats the item\'s keywords, time, headline and byline',
    },
  ]);
  // Whatever else such a header holds is quoted whole on the line, never cut to its emphasis.
  const dressed = onlyItem(
    readInline(
      newsItem({
        body: '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><header><h1>Harbour reopens</h1><p>Crews voted <a href="https://example.org/v"><strong>7-2</strong></a> to return.</p><blockquote>"We are back," a captain said.</blockquote>Loose words</header><p>Ferries run again.</p></body></html></inlineXML>',
      }),
    ),
  );
  assert.match(dressed.notes?.[0]?.message ?? "", /\("Harbour reopens", "Crews voted 7-2 to return\.", "\\"We are back,\\" a captain said\.", "Loose words"\)/);
  // A header that is not the item's (its heading is another) is the story's own text, and stays.
  const xhtml = (header: string) => `<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><header>${header}</header><p>The harbour reopened.</p></body></html></inlineXML>`;
  const own = onlyItem(readInline(newsItem({ body: xhtml("<h1>What happened</h1><p>A timeline.</p>") })));
  assert.deepEqual([htmlOf(own.body), own.notes], ["<header><h1>What happened</h1><p>A timeline.</p></header><p>The harbour reopened.</p>", undefined]);
});

test("a text opening with the agency alone: taken off it, the agency the source when the item names none, the place the item's", () => {
  const xhtml = '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>(Reuters) - Oil prices slipped on Monday.</p></body></html></inlineXML>';
  const planned = (content: string) => {
    const item = onlyItem(readInline(newsItem({ content: `<headline>Oil slips</headline><located><name>London</name></located>${content}`, body: xhtml })));
    const body = importedBody(item, { agencies: AGENCIES, datelinePlaces: {} });
    const plan = planStory(item, { body, datelinePlaces: places, siteLanguage: "en", agencies: AGENCIES, withoutLead: "publish" });
    assert.ok(plan.ok);
    const { dateline, source } = plan.plan.fields;
    return { dateline, source, body: plan.plan.body, held: plan.plan.held.map(({ message }) => message), leftOut: plan.plan.leftOut?.map(({ message }) => message) };
  };
  assert.deepEqual(planned(""), { dateline: "LONDON", source: "Reuters", body: "Oil prices slipped on Monday.", held: [], leftOut: undefined });
  // A partner's feed carrying Reuters' copy credits Reuters, as for a dateline with its place.
  assert.deepEqual(planned("<creditline>Nordic Coast Post</creditline>"), {
    dateline: "LONDON",
    source: "Reuters",
    body: "Oil prices slipped on Monday.",
    held: [],
    leftOut: ['warning: ignored: "Nordic Coast Post": the feed\'s name; its text is Reuters\'s copy, as its dateline says, so the page credits Reuters'],
  });
  // Another agency's item keeps the words as its text.
  assert.deepEqual(planned("<creditline>AFP</creditline>"), { dateline: "LONDON", source: "AFP", body: "(Reuters) - Oil prices slipped on Monday.", held: [], leftOut: undefined });
});

test("of a text's alternatives, the richest is taken whatever their order: XHTML over the plain text before it", () => {
  const item = onlyItem(readFixture("alternatives-plain-first.xml"));
  assert.equal(
    htmlOf(item.body),
    '<p>LONDON (Reuters) - Harbour tolls will rise in July, the port authority said in <a href="https://port.example/report">its report</a>.</p><h2>Exemptions</h2><p>Fishing boats are exempt.</p>',
  );
  // The lines of the alternative taken name its own place among its namesakes.
  const wrapped = onlyItem(
    readInline(newsItem({ body: "<inlineData>Plain words.</inlineData><inlineXML><![CDATA[<p>Marked <em>words</em>.</p>]]></inlineXML><inlineXML><p>Other words.</p></inlineXML>" })),
  );
  assert.equal(htmlOf(wrapped.body), "<p>Marked <em>words</em>.</p>");
  assert.deepEqual(wrapped.notes?.map(({ field, code }) => [field, code]), [["/newsItem/contentSet/inlineXML[1]", "WD232"]]);
  const plainOnly = onlyItem(readInline(newsItem({ body: "<inlineXML/><inlineData>Plain words.</inlineData>" })));
  assert.deepEqual(plainOnly.body, { kind: "text", text: "Plain words." });
});
