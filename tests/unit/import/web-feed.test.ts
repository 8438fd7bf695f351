import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import { importedBody } from "../../../src/lib/import/imported-body.ts";
import { planStory } from "../../../src/lib/import/story-plan.ts";
import { readAtom, readRss } from "../../../src/lib/import/web-feed.ts";
import { AGENCIES } from "../../support/agencies.ts";
import type { WireItem, WireRead } from "../../../src/lib/import/wire-item.ts";

const DIRECTORY = "tests/fixtures/wire/dialects";

function readFixture(reader: typeof readRss, name: string): WireRead {
  return reader(readFileSync(new URL(`../../fixtures/wire/dialects/${name}`, import.meta.url), "utf8"), `${DIRECTORY}/${name}`);
}

function allItems(read: WireRead): WireItem[] {
  assert.deepEqual(read.problems, []);
  return read.items;
}

const NAMESPACES = 'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"';
const rss = (items: string, channel = "<title>Harbour Authority</title>") => readRss(`<rss version="2.0" ${NAMESPACES}><channel>${channel}${items}</channel></rss>`, "inline.xml");
const atom = (entries: string, feed = "<title>Harbour Authority</title>") =>
  readAtom(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">${feed}${entries}</feed>`, "inline.xml");
const escapeXml = (text: string): string => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const RSS_ITEM = "<guid>h-1</guid><title>Harbour reopens</title><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>";
const ATOM_ENTRY = "<id>urn:h:1</id><title>Harbour reopens</title><updated>2024-03-04T09:00:00Z</updated>";

test("a ministry's RSS feed: one story an item, full text from content:encoded, the description as its lead", () => {
  const [first, second, third] = allItems(readFixture(readRss, "rss/ministry-energy.xml"));
  assert.ok(first && second && third);
  const { body, ...item } = first;
  assert.deepEqual(item, {
    file: `${DIRECTORY}/rss/ministry-energy.xml`,
    path: "/rss/channel/item[1]",
    format: "RSS 2.0",
    plainFields: true,
    id: "energy-press-2024-0412",
    versionTime: { local: "2024-11-05T09:30:00", offset: "+00:00" },
    released: { local: "2024-11-05T09:30:00", offset: "+00:00" },
    status: "usable",
    correction: false,
    headline: "Offshore wind farm off Aberdeen supplies its first power to the grid",
    lead: "The first of 54 turbines is now exporting electricity, a year after construction began.",
    source: "Ministry of Energy and Climate",
    byline: "Press Office",
    topics: ["Energy", "Offshore wind", "Scotland"],
    photo: {
      href: "wind-farm.jpg",
      path: "/rss/channel/item[1]/media:content",
      caption: "Turbines of the North Bank wind farm, 30 kilometres off Aberdeen, in October 2024.",
      credit: "Ministry of Energy and Climate / Iona Reid",
    },
    lang: "en-gb",
    base: "https://energy.example.gov/news/2024/11/offshore-wind-first-power",
  });
  assert.equal(body.kind, "html");
  assert.ok(body.kind === "html" && body.html.startsWith("<p>The first turbine of the North Bank wind farm"), "the body as delivered, sanitised later");

  // No content:encoded: the escaped description is the text, and there is no lead.
  assert.equal(second.id, "https://energy.example.gov/news/2024/11/heat-pump-consultation");
  assert.equal(second.lead, undefined);
  assert.deepEqual(second.body, {
    kind: "html",
    html: "<p>Households off the gas grid could receive up to £9,000 towards a heat pump under plans published for consultation on Monday.</p><p>The consultation runs until 31 January.</p>",
  });
  assert.equal(second.byline, "Press Office", "the name an RSS author gives after the address");
  assert.deepEqual(second.versionTime, { local: "2024-11-04T14:00:00", offset: "Z" });

  assert.equal(third.photo, undefined, "an enclosure that is not an image is no photo");
  assert.deepEqual(third.topics, []);
});

test("a partner's RSS feed: the item's own source over the channel's title, every creator, the largest image of a media:group", () => {
  const [first, second] = allItems(readFixture(readRss, "rss/partner-news.xml"));
  assert.ok(first && second);
  assert.equal(first.source, "NTB");
  assert.equal(second.source, "Nordic Coast Post");
  assert.equal(first.byline, "Kari Nordmann, Ola Hansen");
  assert.equal(first.lang, "nb");
  assert.deepEqual(first.photo, {
    href: "bodo-quay-1200.jpg",
    path: "/rss/channel/item[1]/media:group/media:content[1]",
    caption: "Bølgene slo inn over fergekaia i Bodø natt til onsdag.",
    credit: "NTB / Kari Nordmann",
  });
  assert.equal(second.byline, undefined);
  assert.equal(second.lead, undefined);
});

test("a city's Atom feed: updated and published, HTML and XHTML content, a summary as lead or, alone, as the text", () => {
  const [first, second, third] = allItems(readFixture(readAtom, "atom/city-council.xml"));
  assert.ok(first && second && third);
  const { body, ...item } = first;
  assert.deepEqual(item, {
    file: `${DIRECTORY}/atom/city-council.xml`,
    path: "/feed/entry[1]",
    format: "Atom",
    plainFields: true,
    id: "tag:lakeside.example.org,2024:news/1187",
    versionTime: { local: "2024-11-06T15:30:00", offset: "-05:00" },
    released: { local: "2024-11-06T09:00:00", offset: "-05:00" },
    status: "usable",
    correction: false,
    headline: "Central Library reopens after two-year renovation",
    lead: "The Central Library opens its doors again on Saturday, with a new children's floor and longer evening hours.",
    source: "Lakeside City Council",
    byline: "Dana Whitfield",
    topics: ["Libraries", "city-hall"],
    photo: {
      href: "library.jpg",
      path: "/feed/entry[1]/link[2]",
      caption: "The new reading garden on the children's floor of the Central Library.",
      credit: "City of Lakeside",
    },
    lang: "en-US",
    base: "https://lakeside.example.org/news/library-reopens",
  });
  assert.ok(body.kind === "html" && body.html.startsWith("<p>LAKESIDE, Ohio — The Central Library"));

  assert.equal(second.byline, undefined, "the feed's author is the publisher, not the entry's byline");
  assert.deepEqual(second.released, second.versionTime, "no published: first released when last updated");
  assert.ok(second.body.kind === "html");
  assert.ok(second.body.kind === "html" && second.body.html.includes('<a href="https://lakeside.example.org/snow">snow map</a>'));
  assert.ok(second.body.kind === "html" && !second.body.html.includes("xmlns"));

  assert.equal(third.source, "Lakeside Water Department", "the entry's source over the feed's title");
  assert.equal(third.lead, undefined);
  assert.deepEqual(third.body, {
    kind: "text",
    text: "Harbor Road will be closed between 8th and 12th Street from 10 p.m. Tuesday to 5 a.m. Wednesday while crews replace a water main.\n\nDetours will be signed along Lake Avenue.",
  });
});

test("an entry's text in an extension body is read, with its first line; other prose in extensions is named as left out", () => {
  const [moved, kept] = allItems(readFixture(readAtom, "atom/extension-body.xml"));
  assert.ok(moved && kept);
  assert.deepEqual(moved.body, {
    kind: "text",
    text:
      "A touring choir has called off the twelve concerts it had planned for the spring on Tuesday (03Mar26).\n\n" +
      "The choir's manager said two singers had fallen ill during rehearsals and could not be replaced in time.\n\n" +
      "Tickets bought for the cancelled dates will be refunded in full within a fortnight, she added.",
  });
  assert.equal(moved.lead, undefined);
  assert.deepEqual(moved.notes, [
    { field: "/feed/entry[1]/content", code: "WD210", message: 'warning: ignored: "Placeholder content one.": the story\'s text is read from /feed/entry[1]/ent_cm:ContentMetadata/ent_cm:body, which holds more' },
    { field: "/feed/entry[1]/ent_cm:Notes/ent_cm:editor_note", code: "WD210", message: "warning: ignored: 12 words in an extension element the reader does not know, not part of the story" },
  ]);
  // An extension body shorter than Atom's content is not the entry's text, but it is not dropped unsaid.
  assert.deepEqual(kept.body, { kind: "text", text: "The summer festival will open a second stage by the river this year, its organisers said on Wednesday, to make room for more local bands." });
  assert.deepEqual(kept.notes, [
    { field: "/feed/entry[2]/ent_cm:ContentMetadata/ent_cm:body", code: "WD210", message: "warning: ignored: 10 words in an extension element the reader does not know, not part of the story" },
  ]);
  // Codes and labels in extensions, and Media RSS's words, are no prose to report.
  const [plain] = allItems(atom(`<entry>${ATOM_ENTRY}<content type="text">The harbour reopened.</content><media:description>The harbour at dawn, seen from the breakwater by the old lighthouse.</media:description><x:code xmlns:x="urn:x">AB-12</x:code></entry>`));
  assert.equal(plain?.notes, undefined);
});

test("elements are matched by namespace: Atom's content is the text, Media RSS's content a picture", () => {
  const [entry] = allItems(
    atom(
      `<entry>${ATOM_ENTRY}<media:title>Not the headline</media:title><media:content url="big.jpg" type="image/jpeg" width="1600" height="900"/><media:thumbnail url="small.jpg" width="2000" height="2000"/>` +
        `<content type="text">The harbour reopened.</content><title xmlns="urn:other">Not the headline either</title></entry>`,
    ),
  );
  assert.equal(entry?.headline, "Harbour reopens");
  assert.deepEqual(entry?.body, { kind: "text", text: "The harbour reopened." });
  assert.equal(entry?.photo?.href, "big.jpg", "a thumbnail only when nothing larger is given");
  assert.equal(entry?.photo?.path, "/feed/entry/media:content");

  const [item] = allItems(rss(`<item>${RSS_ITEM}<description>Text.</description><media:content url="clip.mp4" medium="video"/><media:thumbnail url="still.jpg"/><unknown>x</unknown></item>`));
  assert.equal(item?.photo?.href, "still.jpg");
});

test("every problem of every item in one run, each at its place; the readable items are still read", () => {
  const read = rss(
    `<item>${RSS_ITEM}<description>Fine.</description></item>` +
      "<item><description>No title, no guid, no link.</description></item>" +
      "<item><guid>h-3</guid><title>Bad date</title><pubDate>Monday morning</pubDate></item>",
  );
  assert.deepEqual(
    read.items.map((item) => item.path),
    ["/rss/channel/item[1]"],
  );
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.refused?.map(({ problems }) => problems), [
    [
      { file: "inline.xml", field: "/rss/channel/item[2]/guid", message: "missing (expected the item's guid, the same for all its versions, or its link)", code: "WD206" },
      { file: "inline.xml", field: "/rss/channel/item[2]/title", message: "missing (expected the story's headline)", code: "WD206" },
    ],
    [
      { file: "inline.xml", field: "/rss/channel/item[3]/description", message: "missing (expected the story's text)", code: "WD206" },
      { file: "inline.xml", field: "/rss/channel/item[3]/pubDate", message: '"Monday morning" is not a date (expected an RFC 822 date such as Wed, 10 Jul 2024 14:30:00 +0200)', code: "WD208" },
    ],
  ]);
  // A refused item is read on, so what it does give is checked in the same run.
  assert.deepEqual(
    read.refused?.map(({ found }) => [found.path, found.id, found.headline, found.body]),
    [
      ["/rss/channel/item[2]", undefined, undefined, { kind: "html", html: "No title, no guid, no link." }],
      ["/rss/channel/item[3]", "h-3", "Bad date", undefined],
    ],
  );
  const atomRead = atom("<entry><id>urn:h:2</id><updated>last week</updated><content src='https://example.org/text'/></entry>");
  assert.deepEqual(atomRead.refused?.[0]?.problems, [
    { file: "inline.xml", field: "/feed/entry/title", message: "missing (expected the story's headline)", code: "WD206" },
    { file: "inline.xml", field: "/feed/entry/content", message: "missing (expected the story's text)", code: "WD206" },
    {
      file: "inline.xml",
      field: "/feed/entry/updated",
      message: '"last week" is not a date or time (expected an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400)',
      code: "WD208",
    },
  ]);
});

test("the link stands for a missing id; HTML in a title or summary is read as text", () => {
  const [item] = allItems(rss("<item><link>https://example.org/a</link><title>Harbour &amp; port reopen</title><description>&lt;p&gt;Both &lt;b&gt;reopen&lt;/b&gt;.&lt;/p&gt;</description><content:encoded>&lt;p&gt;Text.&lt;/p&gt;</content:encoded></item>"));
  assert.equal(item?.id, "https://example.org/a");
  assert.equal(item?.headline, "Harbour & port reopen");
  assert.equal(item?.lead, "Both reopen.");
  assert.equal(item?.versionTime, undefined, "no date: the importer asks for one");
  const [entry] = allItems(atom("<entry><link rel='alternate' href='https://example.org/b'/><title type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>Port <i>reopens</i></div></title><updated>2024-03-04T09:00:00Z</updated><summary type='html'>&lt;p&gt;Lead&lt;/p&gt;</summary><content type='html'>&lt;p&gt;Text.&lt;/p&gt;</content></entry>"));
  assert.equal(entry?.id, "https://example.org/b");
  assert.equal(entry?.headline, "Port reopens");
  assert.equal(entry?.lead, "Lead");
});

test("markup a feed wrote unescaped in its description is kept as HTML", () => {
  const [item] = allItems(rss(`<item>${RSS_ITEM}<description><p>Raw <b>markup</b> &amp; more</p><p>Two</p></description></item>`));
  assert.deepEqual(item?.body, { kind: "html", html: "<p>Raw <b>markup</b> &amp; more</p><p>Two</p>" });
});

test("a feed that is not the one expected, or holds no items, is one problem", () => {
  assert.deepEqual(rss("").problems, [{ file: "inline.xml", field: "/rss/channel/item", message: "missing (expected the feed's channel and its items)", code: "WD206" }]);
  assert.deepEqual(readAtom("<feed xmlns='urn:other'><entry/></feed>", "other.xml").problems, [
    { file: "other.xml", field: "/feed", message: "is not Atom (expected a feed root element in the namespace http://www.w3.org/2005/Atom)", code: "WD202" },
  ]);
  assert.deepEqual(atom("").problems, [{ file: "inline.xml", field: "/feed/entry", message: "missing (expected the feed's entries)", code: "WD206" }]);
});

test("an RSS author or creator beside an address, in either order, is the name; an address alone is no byline", () => {
  const byline = (authors: string) => allItems(rss(`<item>${RSS_ITEM}<description>Text.</description>${authors}</item>`))[0]?.byline;
  assert.equal(byline("<author>press@example.gov (Press Office)</author>"), "Press Office");
  assert.equal(byline("<author>Example editor (me@example.com)</author>"), "Example editor");
  assert.equal(byline("<author>Example editor &lt;me@example.com&gt;</author>"), "Example editor");
  assert.equal(byline("<author>me@example.com</author>"), undefined);
  assert.equal(byline("<dc:creator>jane.doe@example.org</dc:creator><dc:creator>Bo Li (bo@example.org)</dc:creator>"), "Bo Li");
  assert.equal(byline("<author>Press Office (Harbour)</author>"), "Press Office (Harbour)", "words in parentheses that are no address stay");
  assert.equal(byline("<author>Jane Doe &lt;jane@example.org&gt;, John Roe &lt;john@example.org&gt;</author>"), "Jane Doe, John Roe");
});

test("a media:content with neither medium nor type is a picture when its address names one, ranked by its width alone; html words are read as text", () => {
  const guardian = `<item>${RSS_ITEM}<description>Text.</description>` +
    '<media:content width="140" url="https://i.example.com/img/harbour/3000.jpg?width=140&amp;s=1"><media:credit scheme="urn:ebu">Photograph: Ann Smith/Harbour Press</media:credit></media:content>' +
    '<media:content width="460" url="https://i.example.com/img/harbour/3000.jpg?width=460&amp;s=2"><media:credit scheme="urn:ebu">Photograph: Ann Smith/Harbour Press</media:credit>' +
    '<media:description type="html">&lt;p&gt;Cranes &amp;amp; the &lt;b&gt;north quay&lt;/b&gt;.&lt;/p&gt;</media:description></media:content>' +
    '<media:content url="https://v.example.com/clip.mp4"/></item>';
  const [item] = allItems(rss(guardian));
  assert.deepEqual(item?.photo && { href: item.photo.href, caption: item.photo.caption, credit: item.photo.credit }, {
    href: "https://i.example.com/img/harbour/3000.jpg?width=460&s=2",
    caption: "Cranes & the north quay.",
    credit: "Photograph: Ann Smith/Harbour Press",
  });
});

test("a creator credited with the place the writer was in (the Guardian's form) is the name, the place left out with a line", () => {
  const [item] = allItems(rss(`<item>${RSS_ITEM}<description>Text.</description><dc:creator>Ashifa Kassam in Stanstead, Quebec</dc:creator><dc:creator>Bo Li in New York</dc:creator><dc:creator>Staff and agencies</dc:creator></item>`));
  assert.equal(item?.byline, "Ashifa Kassam, Bo Li, Staff and agencies");
  // Writers joined in one creator keep each their name, the places left out.
  const joined = (creator: string) => allItems(rss(`<item>${RSS_ITEM}<description>Text.</description><dc:creator>${creator}</dc:creator></item>`))[0]?.byline;
  assert.equal(joined("Leyland Cecco in Toronto and Ashifa Kassam in Madrid"), "Leyland Cecco, Ashifa Kassam");
  assert.equal(joined("Ann Smith in Stanstead, Quebec, and John Roe in Paris"), "Ann Smith, John Roe");
  assert.equal(joined("王小明 in Beijing"), "王小明");
  assert.deepEqual(item?.notes, [
    { field: "/rss/channel/item/dc:creator[1]", message: 'warning: ignored: "in Stanstead, Quebec": where "Ashifa Kassam" was, not a name', code: "WD210" },
    { field: "/rss/channel/item/dc:creator[2]", message: 'warning: ignored: "in New York": where "Bo Li" was, not a name', code: "WD210" },
  ]);
});

test("a creator's credit for work besides the writing is left out with a line, and the writer's place with it", () => {
  const [item] = allItems(rss(`<item>${RSS_ITEM}<description>Text.</description><dc:creator>Tom Barton in London, with additional reporting by Ann Smith</dc:creator></item>`));
  assert.equal(item?.byline, "Tom Barton");
  assert.deepEqual(item?.notes, [
    { field: "/rss/channel/item/dc:creator", message: 'warning: ignored: "in London": where "Tom Barton" was, not a name', code: "WD210" },
    { field: "/rss/channel/item/dc:creator", message: 'warning: ignored: "with additional reporting by Ann Smith": a credit for work besides the writing, which agencies print after the story, so no author', code: "WD210" },
  ]);
  // A creator that is only such a credit is no writer.
  const [edited] = allItems(rss(`<item>${RSS_ITEM}<description>Text.</description><dc:creator>Ann Smith</dc:creator><dc:creator>Editing by Cy Wu</dc:creator></item>`));
  assert.equal(edited?.byline, "Ann Smith");
});

test("a title's character references are read as the characters they stand for, in RSS and in Atom text, as feed readers read them", () => {
  const [item] = allItems(rss(`<item><guid>h-2</guid><title><![CDATA[Mayor&#8217;s plan: fares &amp; fees frozen]]></title><description>Fares stay.</description></item>`));
  assert.equal(item?.headline, "Mayor’s plan: fares & fees frozen");
  const [entry] = allItems(atom(`<entry><id>urn:h:2</id><title>Mayor&amp;#8217;s plan &amp;amp; fees</title><updated>2024-03-04T09:00:00Z</updated><content>Fares stay.</content></entry>`));
  assert.equal(entry?.headline, "Mayor’s plan & fees");
});

test("WordPress's link closing the excerpt and Yoast's closing line are taken off, each named; only those forms, only at the end", () => {
  const wordpress = (description: string, text: string) =>
    allItems(rss(`<item>${RSS_ITEM}<description><![CDATA[${description}]]></description><content:encoded><![CDATA[${text}]]></content:encoded></item>`))[0];
  const footer = '<p>The post <a href="https://harbour.example/reopens/">Harbour reopens</a> appeared first on <a href="https://harbour.example">Harbour News</a>.</p>';
  const item = wordpress('<p>The harbour reopened on Monday. <a href="https://harbour.example/reopens/">Read more &#187;</a></p>', `<p>The harbour reopened.</p>\n${footer}`);
  assert.equal(item?.lead, "The harbour reopened on Monday.");
  assert.ok(item?.body.kind === "html" && !item.body.html.includes("appeared first"));
  assert.deepEqual(
    item?.notes?.map((note) => `${note.field}: ${note.message}`),
    [
      '/rss/channel/item/description: warning: ignored: "Read more »" at its end: added by the tool that published the feed, not the story\'s words',
      '/rss/channel/item/content:encoded: warning: ignored: "The post Harbour reopens appeared first on Harbour News." at its end: added by the tool that published the feed, not the story\'s words',
    ],
  );
  assert.equal(wordpress("The harbour reopened on Monday [&#8230;]", "<p>Text.</p>")?.lead, "The harbour reopened on Monday");
  assert.equal(wordpress("The harbour reopened. Continue reading &#8594;", "<p>Text.</p>")?.lead, "The harbour reopened.");
  // Words of the story's own are kept: "read more" in its sentence, and in the middle, or as the whole text.
  assert.equal(wordpress("Officials urged residents to read more", "<p>Text.</p>")?.lead, "Officials urged residents to read more");
  const kept = wordpress("Read more about the harbour here, the mayor said", `${footer}<p>The harbour reopened.</p>`);
  assert.equal(kept?.lead, "Read more about the harbour here, the mayor said");
  assert.ok(kept?.body.kind === "html" && kept.body.html.includes("appeared first"));
  assert.equal(kept?.notes, undefined);
});

test("a link to the item's own page closing its excerpt is the publishing tool's, whatever its words, in RSS and Atom; any other link, or an excerpt that is only the link, is the story's", () => {
  const page = "https://harbour.example/2024/03/04/reopens/";
  const item = (description: string) =>
    allItems(rss(`<item>${RSS_ITEM}<link>${page}</link><description><![CDATA[${description}]]></description><content:encoded><![CDATA[<p>Text.</p>]]></content:encoded></item>`))[0];
  const bare = item(`<p>The harbour reopened on Monday\u2026 <a href="${page}">Read more</a></p>`);
  assert.deepEqual([bare?.lead, bare?.notes?.map((note) => `${note.field}: ${note.message}`)], [
    "The harbour reopened on Monday\u2026",
    ['/rss/channel/item/description: warning: ignored: "Read more" at its end: added by the tool that published the feed, not the story\'s words'],
  ]);
  // In the feed's language, to the page without its closing slash, and a bracketed form left before it.
  assert.equal(item(`Der Hafen ist wieder offen. <a href='https://harbour.example/2024/03/04/reopens'>Weiterlesen</a>`)?.lead, "Der Hafen ist wieder offen.");
  const both = item(`The harbour reopened [&#8230;] <a href="${page}#more">Full story</a>`);
  assert.deepEqual([both?.lead, both?.notes?.map(({ message }) => message)], [
    "The harbour reopened",
    ['warning: ignored: "Full story" at its end: added by the tool that published the feed, not the story\'s words', 'warning: ignored: "[…]" at its end: added by the tool that published the feed, not the story\'s words'],
  ]);
  // A link to another page is the story's words, and so is an excerpt that is only the link.
  const other = item('The harbour reopened, <a href="https://port.example/notice">the port said</a>');
  assert.deepEqual([other?.lead, other?.notes], ["The harbour reopened, the port said", undefined]);
  assert.equal(item(`<a href="${page}">Harbour reopens after storm</a>`)?.lead, "Harbour reopens after storm");

  const entry = (summary: string) =>
    allItems(atom(`<entry>${ATOM_ENTRY}<link rel="alternate" href="${page}"/>${summary}<content type="html">&lt;p&gt;Text.&lt;/p&gt;</content></entry>`))[0];
  const html = entry(`<summary type="html">The harbour reopened. &lt;a href="${page}"&gt;Read more&lt;/a&gt;</summary>`);
  assert.deepEqual([html?.lead, html?.notes?.map((note) => note.field)], ["The harbour reopened.", ["/feed/entry/summary"]]);
  assert.equal(entry("<summary>The harbour reopened [&#8230;]</summary>")?.lead, "The harbour reopened");
  assert.equal(entry("<summary>The harbour reopened, read more</summary>")?.lead, "The harbour reopened, read more");
});

test("a closing paragraph of a label and a link to the item's own page, as this project's feeds end theirs, is the tool's in RSS and Atom; a link elsewhere is the story's", () => {
  const page = "https://harbour.example/2024/03/04/reopens/";
  const close = `<p>Read this story online: <a href="${page}">${page}</a></p>`;
  const [item] = allItems(rss(`<item>${RSS_ITEM}<link>${page}</link><description><![CDATA[<p>The harbour reopened.</p>${close}]]></description></item>`));
  assert.deepEqual(item?.body, { kind: "html", html: "<p>The harbour reopened.</p>" });
  assert.deepEqual(item?.notes?.map((note) => `${note.field}: ${note.message}`), [`/rss/channel/item/description: warning: ignored: "Read this story online: ${page}" at its end: added by the tool that published the feed, not the story's words`]);
  const [entry] = allItems(atom(`<entry>${ATOM_ENTRY}<link href="${page}"/><content type="html">${escapeXml(`<p>Der Hafen ist offen.</p><p>Читать онлайн: <a href="${page}">${page}</a></p>`)}</content></entry>`));
  assert.deepEqual([entry?.body, entry?.notes?.length], [{ kind: "html", html: "<p>Der Hafen ist offen.</p>" }, 1]);
  const elsewhere = '<p>The harbour reopened.</p><p>Timetables: <a href="https://ferries.example/times">ferries.example/times</a></p>';
  const [kept] = allItems(rss(`<item>${RSS_ITEM}<link>${page}</link><description><![CDATA[${elsewhere}]]></description></item>`));
  assert.deepEqual([kept?.body, kept?.notes], [{ kind: "html", html: elsewhere }, undefined]);
});

test("a last paragraph that only reads like Yoast's line, and a lead's own last words, are the story's and kept", () => {
  const wordpress = (description: string, text: string) =>
    allItems(rss(`<item>${RSS_ITEM}<description><![CDATA[${description}]]></description><content:encoded><![CDATA[${text}]]></content:encoded></item>`))[0];
  // Yoast's line links the post and the site; the story's sentence links neither.
  const parcel = wordpress("The parcel arrived.", "<p>The parcel arrived.</p><p>The post office said the parcel appeared first on Monday.</p>");
  assert.ok(parcel?.body.kind === "html" && parcel.body.html.includes("appeared first on Monday."));
  assert.equal(parcel?.notes, undefined);
  const linkedOnce = wordpress("The parcel arrived.", '<p>The parcel arrived.</p><p>The post <a href="https://post.example/">office</a> said it appeared first on Monday.</p>');
  assert.ok(linkedOnce?.body.kind === "html" && linkedOnce.body.html.includes("appeared first on Monday."));
  // "Read more" and "Continue reading" are the tool's only as it writes them: before », → or …, or in brackets.
  assert.equal(wordpress("When the sirens sound, they tell you to stop and Read More", "<p>Text.</p>")?.lead, "When the sirens sound, they tell you to stop and Read More");
  assert.equal(wordpress("The novel ends as it began: Continue reading", "<p>Text.</p>")?.lead, "The novel ends as it began: Continue reading");
  const bracketed = wordpress("The harbour reopened. [Read more]", "<p>Text.</p>");
  assert.deepEqual([bracketed?.lead, bracketed?.notes?.map(({ message }) => message)], [
    "The harbour reopened.",
    ['warning: ignored: "[Read more]" at its end: added by the tool that published the feed, not the story\'s words'],
  ]);
  assert.equal(wordpress("The harbour reopened. Read more &#8230;", "<p>Text.</p>")?.lead, "The harbour reopened.");
  assert.equal(wordpress("The harbour reopened. Continue reading...", "<p>Text.</p>")?.lead, "The harbour reopened.");
});

test("Atom's text titles and summaries keep words in angle brackets; HTML ones are read for their words, codes kept", () => {
  const entries =
    '<entry><id>urn:h:2</id><updated>2024-03-04T09:00:00Z</updated><title type="text">Budget &lt;draft&gt; published</title>' +
    '<summary type="text">Plain summary with &lt;tags&gt; as text.</summary><content type="html">&lt;p&gt;The budget.&lt;/p&gt;</content></entry>' +
    '<entry><id>urn:h:3</id><updated>2024-03-04T09:00:00Z</updated><title type="html">Brent &lt;LCOc1&gt; &lt;em&gt;fell&lt;/em&gt;</title><content>Text.</content></entry>';
  const [text, html] = allItems(atom(entries));
  assert.ok(text && html);
  const planned = (item: WireItem) => {
    const plan = planStory(item, { body: importedBody(item, { agencies: [], datelinePlaces: places }), datelinePlaces: places, siteLanguage: "en", withoutLead: "publish" });
    assert.ok(plan.ok);
    return [plan.plan.fields["title"], plan.plan.fields["lead"]];
  };
  assert.deepEqual(planned(text), ["Budget <draft> published", "Plain summary with <tags> as text."]);
  assert.deepEqual(planned(html), ["Brent <LCOc1> fell", undefined]);
});

test("an RSS title keeps words in angle brackets, its character references read", () => {
  const [item] = allItems(rss("<item><guid>h-4</guid><title>Fares &amp;#8217; rise &lt;update&gt;</title><description>Text.</description><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>"));
  assert.ok(item);
  const plan = planStory(item, { body: importedBody(item, { agencies: [], datelinePlaces: places }), datelinePlaces: places, siteLanguage: "en", withoutLead: "publish" });
  assert.ok(plan.ok);
  assert.equal(plan.plan.fields["title"], "Fares \u2019 rise <update>");
});

test("a partner's item whose byline is typed on its own line directly above the dateline: the byline is the story's, the place the dateline's", () => {
  const [item] = allItems(readFixture(readRss, "rss/byline-above-dateline.xml"));
  assert.ok(item);
  const body = importedBody(item, { agencies: AGENCIES, datelinePlaces: places });
  assert.deepEqual([body.typedByline, body.place, body.agency], ["By Tendai Moyo", "LONDON", "Reuters"]);
  const plan = planStory(item, { body, datelinePlaces: places, siteLanguage: "en", agencies: AGENCIES, withoutLead: "publish" });
  assert.ok(plan.ok, JSON.stringify(plan));
  assert.deepEqual([plan.plan.fields["dateline"], plan.plan.fields["by"], plan.plan.fields["source"]], ["LONDON", "Tendai Moyo", "Reuters"]);
  assert.ok(plan.plan.body.startsWith("Cash-strapped StarAfrica Corporation"));
});

test("an RSS pubDate in a form sites publish besides RFC 822 is read when it says one instant, its line naming how; a wrong weekday and a second pubDate are named", () => {
  const read = readFixture(readRss, "rss/site-dates.xml");
  assert.deepEqual(read.problems, []);
  const [tolls, ferries, dredging] = read.items;
  assert.ok(tolls && ferries && dredging);
  const item = "/rss/channel/item";
  assert.deepEqual(tolls.versionTime, { local: "2024-06-03T10:00:00", offset: "+02:00" });
  assert.deepEqual(tolls.notes, [
    {
      field: `${item}[1]/pubDate`,
      message:
        '"Monday, 03 June 2024 10:00:00 CEST" read as 2024-06-03T10:00:00+02:00, in a form RFC 822 does not name: the weekday in full, the month in full, the zone CEST, Central European Summer Time, as +02:00 (expected an RFC 822 date such as Wed, 10 Jul 2024 14:30:00 +0200)',
      code: "WD243",
    },
  ]);
  assert.deepEqual(ferries.released, { local: "2024-06-03T11:30:00", offset: "+01:00" });
  assert.deepEqual(ferries.notes?.map(({ field, code }) => [field, code]), [[`${item}[2]/pubDate`, "WD243"]]);
  assert.deepEqual(dredging.versionTime, { local: "2024-06-03T12:00:00", offset: "+00:00" });
  assert.deepEqual(dredging.notes, [
    { field: `${item}[3]/pubDate[1]`, message: 'warning: ignored: the weekday "Tue": 2024-06-03 is a Monday, and the date is taken (2024-06-03T12:00:00+00:00)', code: "WD210" },
    {
      field: `${item}[3]/pubDate[2]`,
      message: 'warning: ignored: another pubDate, "Wed, 04 Jun 2024 09:00:00 +0000": the item\'s date is its first, "Tue, 03 Jun 2024 12:00:00 +0000" (expected one pubDate an item)',
      code: "WD210",
    },
  ]);
  assert.deepEqual(read.refused, []);
  // A zone abbreviation that stands for several offsets is refused at its place, naming them.
  const ambiguous = rss("<item><guid>pilots</guid><title>Pilots' office moves</title><pubDate>Mon, 03 Jun 2024 15:00:00 IST</pubDate><description>The office moves.</description></item>");
  assert.deepEqual(ambiguous.refused?.map(({ problems }) => problems), [
    [
      {
        file: "inline.xml",
        field: "/rss/channel/item/pubDate",
        message:
          '"Mon, 03 Jun 2024 15:00:00 IST" gives its zone as IST, which stands for India\'s (+05:30), Ireland\'s (+01:00) and Israel\'s (+02:00) time alike: none is guessed (expected the offset as a number, such as +0530, or a zone abbreviation that names one offset)',
        code: "WD208",
      },
    ],
  ]);
});

test("an RSS item's dc:date beside its pubDate, a pubDate with no zone and one with a two-digit year are each named on the item's line", () => {
  const read = readFixture(readRss, "rss/dc-date-and-bare-dates.xml");
  assert.deepEqual([read.problems, read.refused], [[], []]);
  const [berths, locks, night, cranes] = read.items;
  assert.ok(berths && locks && night && cranes);
  const item = "/rss/channel/item";
  // The same instant in both: which was taken is said.
  assert.deepEqual(berths.notes, [
    { field: `${item}[1]/dc:date`, message: 'warning: ignored: the dc:date "2024-06-03T08:00:00Z": the same instant as the pubDate, 2024-06-03T10:00:00+02:00, which is taken', code: "WD210" },
  ]);
  // Two different instants: both are named.
  assert.deepEqual(locks.versionTime, { local: "2024-06-03T10:00:00", offset: "+02:00" });
  assert.deepEqual(locks.notes, [
    {
      field: `${item}[2]/dc:date`,
      message: 'warning: ignored: the dc:date "2024-06-02T10:00:00+02:00": 2024-06-02T10:00:00+02:00, where the pubDate says 2024-06-03T10:00:00+02:00: the pubDate is taken (expected the two to say the same instant, or one of them)',
      code: "WD210",
    },
  ]);
  assert.deepEqual(night.versionTime, { local: "2024-06-03T22:15:00" });
  assert.deepEqual(night.notes, [
    {
      field: `${item}[3]/pubDate`,
      message: `"Mon, 03 Jun 2024 22:15:00" read as 2024-06-03T22:15:00, in a form RFC 822 does not name: no zone, so read at the time of the story's dateline (else of the feed's --zone) (expected an RFC 822 date such as Wed, 10 Jul 2024 14:30:00 +0200)`,
      code: "WD243",
    },
  ]);
  assert.deepEqual(cranes.versionTime, { local: "2024-06-03T09:00:00", offset: "Z" });
  assert.deepEqual(cranes.notes, [
    {
      field: `${item}[4]/pubDate`,
      message: '"Mon, 03 Jun 24 09:00:00 GMT" read as 2024-06-03T09:00:00Z: the year in two digits, "24", read as 2024, not RFC 822\'s 1924 (expected a year in four digits, as RFC 1123 and RSS 2.0 ask)',
      code: "WD243",
    },
  ]);
});
