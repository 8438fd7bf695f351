import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import { formatImportReport, runImport, type ImportRun } from "../../../src/lib/import/run-import.ts";
import { findStories } from "../../../src/lib/story/find-stories.ts";
import { readArticle } from "../../../src/lib/story/article.ts";
import { buildAt, site } from "../../support/story-views.ts";
import { wirePhoto } from "../../support/wire-photos.ts";
import { photoXmp } from "../../../src/lib/media/photo-xmp.ts";
import type { WithoutLead } from "../../../src/lib/model/agencies.ts";
import type { WireTime } from "../../../src/lib/import/wire-item.ts";

const build = buildAt("2024-06-30T12:00:00Z");

/** A ninjs 2 item of the Moscow desk's feed, as the agency sends it. */
function ninjs(fields: Record<string, unknown>): string {
  return JSON.stringify({
    uri: "urn:newsml:moscow-wire.example:0002",
    type: "text",
    version: "1",
    versioncreated: "2024-06-10T09:00:00+03:00",
    pubstatus: "usable",
    copyrightholder: "Moscow Wire",
    located: "Moscow",
    headline: "Rouble weakens as importers buy dollars",
    description_text: "Importers' demand pushed the rouble to a two-month low, traders said.",
    body_html:
      "<p>The rouble weakened on Monday as importers in the energy and manufacturing sectors bought dollars, traders said.</p>" +
      "<p>Commercial banks quoted it at 89.20 per dollar, its lowest in two months, and dealers expected more pressure this week.</p>",
    ...fields,
  });
}

const RWANDA = {
  version: "1",
  versioncreated: "2024-06-11T09:00:00+03:00",
  headline: "Rwanda central bank holds key rate at 7 percent",
  description_text: "The bank expects inflation to stay within its target band.",
  body_html:
    "<p>The National Bank of Rwanda kept its central bank rate at 7 percent on Tuesday, saying inflation was expected to stay within its target band this year.</p>" +
    "<p>The bank said the Rwandan franc was stable against the dollar.</p>",
};
const UPDATE = {
  version: "2",
  versioncreated: "2024-06-10T11:30:00+03:00",
  body_html:
    "<p>The rouble weakened on Monday as importers in the energy and manufacturing sectors bought dollars, traders said.</p>" +
    "<p>Commercial banks quoted it at 89.20 per dollar, its lowest in two months, and dealers expected more pressure this week.</p>" +
    "<p>The central bank did not step in.</p>",
};
const CORRECTION = { ...UPDATE, genre: [{ name: "Correction", scheme: "http://cv.iptc.org/newscodes/signal/", code: "correction" }] };

interface Desk {
  root: string;
  news: string;
  /** Delivers these items (file name, text) in a drop of their own, imports it, and gives the report with the desk's folder left out. */
  importItems(
    items: Record<string, string | Buffer>,
    options?: { dryRun?: boolean; verbose?: boolean; quiet?: boolean; onProgress?: ImportRun["onProgress"]; withoutLead?: WithoutLead; delivered?: WireTime },
  ): Promise<string>;
}

function desk(t: { after: (fn: () => void) => void }): Desk {
  const root = mkdtempSync(join(tmpdir(), "import-item-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const news = join(root, "src", "news");
  mkdirSync(news, { recursive: true });
  let drops = 0;
  return {
    root,
    news,
    async importItems(items, { dryRun = false, verbose = false, quiet = false, onProgress, withoutLead = site.withoutLead, delivered } = {}) {
      const drop = join(root, `drop-${++drops}`);
      mkdirSync(drop);
      for (const [name, text] of Object.entries(items)) writeFileSync(join(drop, name), text);
      const outcomes = await runImport({
        paths: [drop],
        newsDir: news,
        inputDir: join(root, "src"),
        stagingDir: join(root, ".cache", "import"),
        dryRun,
        site,
        agencies: site.agencies,
        withoutLead,
        datelinePlaces: places,
        build,
        photoFetch: { timeoutMs: 5_000, maxBytes: 10_000_000 },
        ...(onProgress ? { onProgress } : {}),
        ...(delivered ? { delivered } : {}),
      });
      return formatImportReport(outcomes, { dryRun, verbose, quiet }).replaceAll(`${root}/`, "");
    },
  };
}

const ROUBLE = "src/news/2024/06/10/rouble-weakens-as-importers-buy-dollars";

/** Every file of the newsroom with its text, to tell what a run changed. */
function newsroomFiles(news: string): Map<string, string> {
  return new Map(
    readdirSync(news, { recursive: true, encoding: "utf8" })
      .filter((name) => name.includes("."))
      .map((name) => [name, readFileSync(join(news, name), "latin1")]),
  );
}

test("an id an agency used again for another story imports it beside the first, which stays as it was", async (t) => {
  const { news, root, importItems } = desk(t);
  assert.match(await importItems({ "0002.json": ninjs({}) }), /^created {4}src\/news\/2024\/06\/10\/rouble-weakens-as-importers-buy-dollars\/index\.md/);
  const before = readFileSync(join(root, ROUBLE, "index.md"), "utf8");

  const report = await importItems({ "0002.json": ninjs(RWANDA) });
  assert.equal(
    report.split("\n")[0],
    `created    src/news/2024/06/11/rwanda-central-bank-holds-key-rate-at-7/index.md <- drop-2/0002.json [ninjs 1]: id "urn:newsml:moscow-wire.example:0002" already names another story (${ROUBLE}/index.md); imported beside it [WD221]`,
  );
  assert.equal(readFileSync(join(root, ROUBLE, "index.md"), "utf8"), before, "the first story is untouched");

  const files = newsroomFiles(news);
  const again = await importItems({ "0002.json": ninjs(RWANDA) });
  assert.match(again, /^unchanged  src\/news\/2024\/06\/11\/rwanda-central-bank-holds-key-rate-at-7\/index\.md <- drop-3\/0002\.json \[ninjs 1\]\n/);
  assert.deepEqual(newsroomFiles(news), files, "the same version again changes no byte");

  const update = await importItems({ "0002.json": ninjs(UPDATE) });
  assert.match(update, new RegExp(`^updated {4}${ROUBLE}/index\\.md <- drop-4/0002\\.json \\[ninjs 1\\]\\n`), "the first story's update finds it among the two");
  assert.match(readFileSync(join(root, ROUBLE, "index.md"), "utf8"), /The central bank did not step in\./);
});

test("a story an editor changed keeps the editor's work: a newer version waits beside it, and can be taken whole", async (t) => {
  const { news, root, importItems } = desk(t);
  await importItems({ "0002.json": ninjs({}) });
  const story = join(root, ROUBLE, "index.md");
  const edited = readFileSync(story, "utf8").replace("traders said.", "traders in Moscow said.");
  writeFileSync(story, edited);

  const report = await importItems({ "0002.json": ninjs(UPDATE) });
  assert.equal(report.split("\n")[0], `held       ${ROUBLE}/index.md <- drop-2/0002.json [ninjs 1]: edited here: version 2 waits in ${ROUBLE}/index.wire-v2.md.txt [WD222]`);
  assert.equal(readFileSync(story, "utf8"), edited, "the editor's file is as they left it");
  const waiting = readFileSync(join(root, ROUBLE, "index.wire-v2.md.txt"), "utf8");
  assert.match(waiting, /The central bank did not step in\./);
  assert.deepEqual(findStories(news, join(root, "src")).map(({ file }) => file), [story], "the build never reads the waiting file as a story");

  const files = newsroomFiles(news);
  const again = await importItems({ "0002.json": ninjs(UPDATE) });
  assert.match(again, /^unchanged  .*: edited here: version 2 already waits in .*index\.wire-v2\.md\.txt \[WD222\]\n/);
  assert.deepEqual(newsroomFiles(news), files);

  const third = await importItems({ "0002.json": ninjs({ ...UPDATE, version: "3", versioncreated: "2024-06-10T13:00:00+03:00" }) });
  assert.equal(
    third.split("\n")[0],
    `held       ${ROUBLE}/index.md <- drop-4/0002.json [ninjs 1]: edited here: version 3 waits in ${ROUBLE}/index.wire-v3.md.txt [WD222] (and 1 more: --verbose lists it)`,
  );

  // Taken whole: the waiting file becomes the story, and the import updates it in place again.
  renameSync(join(root, ROUBLE, "index.wire-v3.md.txt"), story);
  const next = await importItems({ "0002.json": ninjs({ ...UPDATE, version: "4", versioncreated: "2024-06-10T14:00:00+03:00" }) });
  assert.equal(next.split("\n")[0], `updated    ${ROUBLE}/index.md <- drop-5/0002.json [ninjs 1]: also waiting beside it: index.wire-v2.md.txt [WD222]`);
});

test("a kill of a story the desk changed says what of the desk's went with it: its text as changed, and the versions waiting beside it", async (t) => {
  const { root, importItems } = desk(t);
  const kill = ninjs({ version: "3", versioncreated: "2024-06-10T13:00:00+03:00", pubstatus: "canceled", headline: "", body_html: "" });
  await importItems({ "0002.json": ninjs({}) });
  const story = join(root, ROUBLE, "index.md");
  writeFileSync(story, readFileSync(story, "utf8").replace("traders said.", "traders in Moscow said."));
  assert.match(await importItems({ "0002.json": ninjs(UPDATE) }), /^held .*version 2 waits in /m);
  const report = await importItems({ "0002.json": kill });
  assert.match(report, /^withdrawn .* \[ninjs 1\]: the story as the desk had it \(edited here\) and the versions waiting beside it \(index\.wire-v2\.md\.txt\) went with the kill, which takes every word of the story \(expected nothing to do; a copy the desk must keep comes from its own history of src\/news\/\) \[WD234\]/);
  assert.deepEqual(readdirSync(join(root, ROUBLE)), ["index.md"], "the kill takes them");
  assert.doesNotMatch(readFileSync(story, "utf8"), /traders in Moscow/);
  // A story the desk left as imported goes with no such line: nothing of the desk's was in it.
  const other = desk(t);
  await other.importItems({ "0002.json": ninjs({}) });
  assert.doesNotMatch(await other.importItems({ "0002.json": kill }, { verbose: true }), /WD234/);
});

test("a correction to a published story waits beside it to be worded; a story not yet published takes it as a draft", async (t) => {
  const { root, importItems } = desk(t);
  await importItems({ "0002.json": ninjs({}) });
  const story = join(root, ROUBLE, "index.md");
  const published = readFileSync(story, "utf8");

  const report = await importItems({ "0002.json": ninjs(CORRECTION) }, { verbose: true });
  assert.deepEqual(report.split("\n").slice(0, 3), [
    `held       ${ROUBLE}/index.md <- drop-2/0002.json [ninjs 1]`,
    `           published here, kept live: version 2 waits in ${ROUBLE}/index.wire-v2.md.txt [WD222]`,
    "           a correction by the agency: word it for readers in corrections.1.text [WD216]",
  ]);
  assert.equal(readFileSync(story, "utf8"), published, "the published version stays live");
  assert.match(readFileSync(join(root, ROUBLE, "index.wire-v2.md.txt"), "utf8"), /^ {4}text: "\[to be worded\] Moscow Wire marked this version a correction: say what was corrected\."$/m);

  // A story held for an editor (it came without a lead) is not published: the correction, which brings the lead, goes in and keeps it a draft.
  const { root: other, importItems: importOther } = desk(t);
  await importOther({ "0002.json": ninjs({ description_text: undefined }) });
  const held = await importOther({ "0002.json": ninjs(CORRECTION) });
  assert.equal(held.split("\n")[0], `held       ${ROUBLE}/index.md <- drop-2/0002.json [ninjs 1]: a correction by the agency: word it for readers in corrections.1.text [WD216]`);
  const location = { file: join(other, ROUBLE, "index.md"), fileSlug: "rouble-weakens-as-importers-buy-dollars", filePathStem: "/news/2024/06/10/rouble-weakens-as-importers-buy-dollars/index" };
  const read = await readArticle(location, { site, datelinePlaces: places, build });
  assert.ok(!read.valid && read.draft, "kept off the site until the correction is worded");
  assert.deepEqual(read.valid ? [] : read.problems.map(({ field }) => field), ["corrections.0.text"]);
});

test("an update under embargo to a published story waits beside it while the embargo lasts; readers keep the published version", async (t) => {
  const { root, importItems } = desk(t);
  await importItems({ "0002.json": ninjs({}) });
  const story = join(root, ROUBLE, "index.md");
  const published = readFileSync(story, "utf8");
  // The import's moment is 2024-06-30T12:00Z: this version may not be read before July 1.
  const embargoed = ninjs({ ...UPDATE, embargoed: "2024-07-01T09:00:00+03:00" });
  const report = await importItems({ "0002.json": embargoed });
  assert.equal(
    report.split("\n")[0],
    `held       ${ROUBLE}/index.md <- drop-2/0002.json [ninjs 1]: under embargo until 2024-07-01T09:00:00+03:00, published here, kept live (import it again once the embargo ends): version 2 waits in ${ROUBLE}/index.wire-v2.md.txt [WD222]`,
  );
  assert.equal(readFileSync(story, "utf8"), published, "readers keep the published version");
  assert.doesNotMatch(published, /The central bank did not step in/);
});

test("a story still under embargo takes its agency's moved or lifted embargo, and its kill: the killed story never goes out", async (t) => {
  const { root, importItems } = desk(t);
  // The import's moment is 2024-06-30T12:00Z; the first version is embargoed until July 5.
  const first = ninjs({ uri: "urn:x:gdp", embargoed: "2024-07-05T09:00:00+03:00" });
  assert.match(await importItems({ "gdp.json": first }), /^held {7}(\S+) <- drop-1\/gdp\.json \[ninjs 1\]: embargoed until 2024-07-05T09:00:00\+03:00 \[WD218\]$/m);
  const folder = "src/news/2024/07/05/rouble-weakens-as-importers-buy-dollars";
  const story = join(root, folder, "index.md");
  const read = (moment: string) => readArticle({ file: story, fileSlug: "rouble-weakens-as-importers-buy-dollars", filePathStem: `/${folder.slice(4)}/index` }, { site, datelinePlaces: places, build: buildAt(moment) });
  // Moved a day later before it lifted: the story waits for the new time, and says nothing of an update no reader saw.
  await importItems({ "gdp.json": ninjs({ uri: "urn:x:gdp", version: "2", versioncreated: "2024-06-30T10:00:00+03:00", embargoed: "2024-07-06T09:00:00+03:00" }) });
  const moved = readFileSync(story, "utf8");
  assert.match(moved, /^date: 2024-07-06T09:00:00\+03:00$/m);
  assert.doesNotMatch(moved, /^updated:/m);
  const waiting = await read("2024-07-05T12:00:00Z");
  assert.ok(waiting.valid && waiting.state === "embargoed", JSON.stringify(waiting));
  // Killed before it lifted: withdrawn, and never published, then or later.
  const kill = await importItems({ "gdp.json": ninjs({ uri: "urn:x:gdp", version: "3", versioncreated: "2024-06-30T11:00:00+03:00", pubstatus: "canceled" }) });
  assert.match(kill, /^withdrawn /m);
  for (const moment of ["2024-06-30T12:00:00Z", "2024-07-07T00:00:00Z"]) {
    const killed = await read(moment);
    assert.ok(killed.valid && killed.state === "withdrawn", `${moment}: ${JSON.stringify(killed)}`);
  }
});

test("a correction of a story still under embargo updates it, with no correction to word: no reader saw what it corrects", async (t) => {
  const { root, importItems } = desk(t);
  await importItems({ "gdp.json": ninjs({ uri: "urn:x:gdp", embargoed: "2024-07-05T09:00:00+03:00" }) });
  const report = await importItems({ "gdp.json": ninjs({ ...CORRECTION, uri: "urn:x:gdp", versioncreated: "2024-06-30T10:00:00+03:00", embargoed: "2024-07-05T09:00:00+03:00" }) }, { verbose: true });
  assert.match(report, /warning: ignored: the agency's correction: the story has not gone out \(under embargo\)/);
  const text = readFileSync(join(root, "src/news/2024/07/05/rouble-weakens-as-importers-buy-dollars/index.md"), "utf8");
  assert.doesNotMatch(text, /^corrections:/m);
  assert.doesNotMatch(text, /^draft:/m, "it goes out when the embargo lifts, unattended");
  assert.match(text, /The central bank did not step in\./);
});

test("an embargo the agency lifts before its time dates the story at its new version, to go out at once", async (t) => {
  const { root, importItems } = desk(t);
  await importItems({ "gdp.json": ninjs({ uri: "urn:x:gdp", embargoed: "2024-07-05T09:00:00+03:00" }) });
  await importItems({ "gdp.json": ninjs({ uri: "urn:x:gdp", version: "2", versioncreated: "2024-06-30T10:00:00+03:00" }) });
  const lifted = readFileSync(join(root, "src/news/2024/07/05/rouble-weakens-as-importers-buy-dollars/index.md"), "utf8");
  assert.match(lifted, /^date: 2024-06-30T10:00:00\+03:00$/m);
  assert.doesNotMatch(lifted, /^updated:/m);
});

test("a place typed in the text that names two cities is placed by the item's own place field", async (t) => {
  const { root, importItems } = desk(t);
  const item = ninjs({
    uri: "urn:x:valencia",
    copyrightholder: "EFE",
    located: "Valencia, Spain",
    headline: "Thousands march for housing in Valencia",
    body_html: "<p>Valencia, Jun 10 (EFE).- Some 2,000 people marched through the city on Monday to demand cheaper housing.</p><p>The organisers said more marches would follow.</p>",
  });
  const report = await importItems({ "valencia.json": item });
  assert.match(report, /^(created|held) +(\S+) <- /m, report);
  const file = /^(?:created|held) +(\S+) <- /m.exec(report)![1]!;
  const text = readFileSync(join(root, file), "utf8");
  assert.match(text, /^dateline: Valencia$/m, "printed as the text typed it");
  assert.match(text, /^timezone: Europe\/Madrid$/m, "the Spanish city, as the item's field says");
  assert.match(text, /\n---\n\nSome 2,000 people marched/, "the typed dateline taken out of the text");
});

test("a story whose YAML an editor broke still holds its item: no version becomes a second story, no withdrawal misses it", async (t) => {
  const { root, news, importItems } = desk(t);
  await importItems({ "0002.json": ninjs({}) });
  const story = join(root, ROUBLE, "index.md");
  writeFileSync(story, readFileSync(story, "utf8").replace(/^lead: .*$/m, "lead: Traders: the rouble weakens"));
  const files = newsroomFiles(news);
  const report = await importItems({ "0002.json": ninjs(UPDATE) });
  assert.match(report, new RegExp(`^refused {4}${ROUBLE}/index\\.md: front matter: cannot be read as YAML \\(line \\d+\\), so the agency's versions cannot update it \\(expected the YAML fixed: npm run build names the mistake\\); items for it are not imported until it is fixed \\[WD219\\]$`, "m"));
  assert.match(report, /^refused {4}drop-2\/0002\.json/m);
  assert.deepEqual(newsroomFiles(news), files, "nothing is written beside it");
});

test("a dry run names the folders the real run writes: two stories of one headline and day get two", async (t) => {
  const { importItems } = desk(t);
  const items = { "a.json": ninjs({ uri: "urn:x:a" }), "b.json": ninjs({ uri: "urn:x:b", body_html: "<p>Another story under the same headline, on the same day.</p>" }) };
  const folders = (report: string) => [...report.matchAll(/^\w+ +(\S+) <- /gm)].map(([, file]) => file);
  const dry = await importItems(items, { dryRun: true });
  assert.deepEqual(folders(dry), [`${ROUBLE}/index.md`, `${ROUBLE}-2/index.md`]);
  assert.deepEqual(folders(await importItems(items)), folders(dry));
});

/** A NITF story as PA sends it: each version a doc-id of its own, the du-key's key the story's across them. */
function paNitf(docId: string, key: string, issued: string, paragraphs: readonly string[], headline = "M6 closed after lorry fire"): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.2//EN">
  <head>
    <title>${headline}</title>
    <docdata management-status="usable">
      <doc-id regsrc="PA" id-string="${docId}"/>
      <du-key key="${key}" version="1"/>
      <date.issue norm="${issued}"/>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>${headline}</hl1><hl2>Drivers face long delays.</hl2></hedline>
      <distributor>PA Media</distributor>
      <dateline><location><city>LONDON</city></location></dateline>
    </body.head>
    <body.content>${paragraphs.map((text) => `<p>${text}</p>`).join("")}</body.content>
  </body>
</nitf>`;
}

test("a NITF version with a doc-id of its own finds its story by the du-key's key and its words; another story under that key is a story of its own", async (t) => {
  const { root, importItems } = desk(t);
  const text = ["A stretch of the M6 near Birmingham was closed on Monday morning after a lorry caught fire.", "Drivers were told to expect long delays."];
  assert.match(await importItems({ "pa-1.xml": paNitf("pa-0603-SSS-1-1", "PA-ROADS-M6", "20240603T100000+0100", text) }), /^created {4}src\/news\/2024\/06\/03\/m6-closed-after-lorry-fire\/index\.md /);
  const story = join(root, "src/news/2024/06/03/m6-closed-after-lorry-fire/index.md");
  assert.match(readFileSync(story, "utf8"), /^ {2}key: PA-ROADS-M6$/m);

  const update = await importItems({ "pa-2.xml": paNitf("pa-0603-SSS-2-1", "PA-ROADS-M6", "20240603T113000+0100", [...text, "Police said the driver was unhurt."]) });
  assert.match(update, /^updated {4}src\/news\/2024\/06\/03\/m6-closed-after-lorry-fire\/index\.md <- drop-2\/pa-2\.xml \[NITF\]\n/);
  assert.match(readFileSync(story, "utf8"), /^ {2}id: pa-0603-SSS-2-1$/m);
  assert.match(readFileSync(story, "utf8"), /the driver was unhurt/);

  // A key made of a slug names another story on another day: its words are not the story's.
  const other = await importItems({ "pa-3.xml": paNitf("pa-0610-SSS-1-1", "PA-ROADS-M6", "20240610T090000+0100", ["Roadworks on the M6 begin on Monday night and last a month, the agency said."], "Roadworks start on the M6") });
  assert.match(other, /^created {4}src\/news\/2024\/06\/10\/roadworks-start-on-the-m6\/index\.md <- drop-3\/pa-3\.xml \[NITF\]\n/);
});

test("a photo the desk put in place of the agency's is an edit: newer versions wait beside the story, the desk's photo kept", async (t) => {
  const { root, importItems } = desk(t);
  const agencyPhoto = await wirePhoto(1400, 900);
  const withPhoto = (fields: Record<string, unknown>) =>
    ninjs({
      ...fields,
      associations: { featureimage: { type: "picture", uri: "urn:photo:1", description_text: "Traders in Moscow on Monday.", body_text: "Traders at screens", byline: "Ivan Petrov/Moscow Wire", renditions: { original: { href: "photo-1.jpg", mimetype: "image/jpeg", width: 1400, height: 900 } } } },
    });
  assert.match(await importItems({ "0002.json": withPhoto({}), "photo-1.jpg": agencyPhoto }), /^created /);
  // The agency's photo as the import wrote it: an update replaces the story and its photo.
  assert.match(await importItems({ "0002.json": withPhoto(UPDATE), "photo-1.jpg": agencyPhoto }), /^updated /);
  const desksPhoto = await wirePhoto(1600, 1000);
  writeFileSync(join(root, ROUBLE, "photo.jpg"), desksPhoto);
  const report = await importItems({ "0002.json": withPhoto({ ...UPDATE, version: "3", versioncreated: "2024-06-10T13:00:00+03:00" }), "photo-1.jpg": agencyPhoto });
  assert.equal(report.split("\n")[0], `held       ${ROUBLE}/index.md <- drop-3/0002.json [ninjs 1]: edited here: version 3 waits in ${ROUBLE}/index.wire-v3.md.txt [WD222]`);
  assert.ok(readFileSync(join(root, ROUBLE, "photo.jpg")).equals(desksPhoto), "the desk's photo is as they left it");
  assert.ok(readFileSync(join(root, ROUBLE, "photo.wire-v3.jpg")).equals(agencyPhoto));
});

test("an update a published story could not take as it is waits beside it; a dry run writes nothing", async (t) => {
  const { news, root, importItems } = desk(t);
  await importItems({ "0002.json": ninjs({}) });
  const photo = await wirePhoto(1400, 900);
  const withPhoto = ninjs({
    ...UPDATE,
    associations: { featureimage: { type: "picture", uri: "urn:photo:1", byline: "Ivan Petrov/Moscow Wire", renditions: { original: { href: "photo-1.jpg", mimetype: "image/jpeg", width: 1400, height: 900 } } } },
  });
  const files = newsroomFiles(news);
  const dry = await importItems({ "0002.json": withPhoto, "photo-1.jpg": photo }, { dryRun: true });
  assert.match(dry, /^held {7}.*: published here, kept live: version 2 waits in .*index\.wire-v2\.md\.txt \[WD222\] \(and 1 more: --verbose lists it\)\n/);
  assert.deepEqual(newsroomFiles(news), files, "a dry run writes nothing");

  const report = await importItems({ "0002.json": withPhoto, "photo-1.jpg": photo }, { verbose: true });
  assert.deepEqual(report.split("\n").slice(0, 3), [
    `held       ${ROUBLE}/index.md <- drop-3/0002.json [ninjs 1]`,
    `           published here, kept live: version 2 waits in ${ROUBLE}/index.wire-v2.md.txt [WD222]`,
    "           needs alt text for its photo [WD216]",
  ]);
  assert.deepEqual(readdirSync(join(root, ROUBLE)).sort(), ["index.md", "index.wire-v2.md.txt", "photo.wire-v2.jpg"]);
  assert.match(readFileSync(join(root, ROUBLE, "index.wire-v2.md.txt"), "utf8"), /^ {2}src: photo\.wire-v2\.jpg$/m);
  assert.ok(!existsSync(join(root, ROUBLE, "photo.jpg")));
});

test("an item refused for many problems is one line with its first; --verbose lists them all, one a line under it", async (t) => {
  const { importItems } = desk(t);
  const list = JSON.stringify([{ guid: "", type: "text", priority: 3 }, { guid: "urn:b", type: "text", headline: "B" }]);
  assert.deepEqual((await importItems({ "list.json": list })).split("\n"), [
    "refused    drop-1/list.json: [0].guid: missing (expected the item's id, the same for all its versions) [WD206] (and 3 more: --verbose lists them)",
    "refused    drop-1/list.json: [1].body_html: missing (expected the story's text as body_html or body_text) [WD206] (and 1 more: --verbose lists it)",
    "2 items: 0 created, 0 updated, 0 unchanged, 0 withdrawn, 0 held, 2 refused",
  ]);
  assert.deepEqual((await importItems({ "list.json": list }, { verbose: true })).split("\n").slice(0, 5), [
    "refused    drop-2/list.json",
    "           [0].guid: missing (expected the item's id, the same for all its versions) [WD206]",
    "           [0].headline: missing (expected the story's headline) [WD206]",
    "           [0].body_html: missing (expected the story's text as body_html or body_text) [WD206]",
    "           [0]: gives no time for this version (expected when the agency made or released it: an RSS item's pubDate or dc:date, an Atom entry's updated or published, ninjs versioncreated, NewsML-G2 versionCreated) [WD206]",
  ]);
});

test("an import counts the files read, then the items imported; --quiet lists only the items that need someone", async (t) => {
  const { importItems } = desk(t);
  const list = JSON.stringify([{ guid: "", type: "text", priority: 3 }]);
  const counts: string[] = [];
  const report = await importItems({ "0002.json": ninjs({}), "list.json": list }, { quiet: true, onProgress: (step, done, total) => void counts.push(`${step} ${done}/${total}`) });
  assert.deepEqual(counts, ["read 0/2", "read 1/2", "read 2/2", "import 0/1", "import 1/1"]);
  assert.deepEqual(report.split("\n"), [
    "refused    drop-1/list.json: [0].guid: missing (expected the item's id, the same for all its versions) [WD206] (and 3 more: --verbose lists them)",
    "2 items: 1 created, 0 updated, 0 unchanged, 0 withdrawn, 0 held, 1 refused",
  ]);
});

test("what holds an item comes before what a reader left out", async (t) => {
  const { importItems } = desk(t);
  const report = await importItems({ "0002.json": ninjs({ description_text: undefined, x_desk_code: "M1" }) }, { verbose: true });
  assert.deepEqual(report.split("\n").slice(1, 3), ["           needs a lead [WD216]", "           x_desk_code: warning: ignored: not a property of ninjs 1.x [WD210]"]);
});

test("a refused item's every problem comes in one run: its reader's, its place and photo, and what its reader left out; nothing is written", async (t) => {
  const { news, importItems } = desk(t);
  const superdesk = JSON.parse(readFileSync("tests/fixtures/wire/dialects/superdesk/text-photo.json", "utf8")) as Record<string, unknown> & { associations: { featuremedia: { renditions: Record<string, { href: string }> } } };
  for (const rendition of Object.values(superdesk.associations.featuremedia.renditions)) rendition.href = "missing.jpg";
  const broken = { ...superdesk, headline: "", body_html: "", versioncreated: "2026-12-07T25:00:00+0000", byline: 42, located: "Atlantis City" };
  const dateline =
    'dateline: no time zone is known for the dateline place "ATLANTIS CITY" (expected a timezone field with an IANA name such as Europe/Moscow, or the place added to _data/datelinePlaces.json; or run the import with --zone <IANA zone> for this feed) [WD213]';
  const photo = (drop: string) => `associations.featuremedia.renditions.original.href: its photo was left out: "missing.jpg" could not be read (ENOENT; expected the picture beside the item, at ${drop}/missing.jpg) [WD215]`;
  const leftOut = [
    'versioncreated: warning: ignored: "2026-12-07T25:00:00+0000" is not a date or time (expected an ISO 8601 date or time such as 2013-09-02T15:40:00+04:00 or 20130902T154000+0400) [WD210]',
    "byline: warning: ignored: got the number 42 (expected text) [WD210]",
  ];
  const reasons = (report: string) => report.split("\n").slice(1, -1).map((line) => line.trim());

  // Refused by its reader: the times, the place and the photo are told without the headline and text.
  const first = await importItems({ "0001.json": JSON.stringify(broken) }, { verbose: true });
  assert.equal(first.split("\n")[0], "refused    drop-1/0001.json");
  assert.deepEqual(reasons(first), [
    "headline: missing (expected the story's headline) [WD206]",
    "body_html: missing (expected the story's text as body_html or body_text) [WD206]",
    dateline,
    photo("drop-1"),
    ...leftOut,
  ]);

  // With its headline and text (no dateline in it), the place that dates no story still comes with the photo left out.
  const worded = { ...broken, headline: "Harbour ferries return", body_html: "<p>Ferries on every inner-harbour route were running again on Monday morning.</p>" };
  const second = await importItems({ "0001.json": JSON.stringify(worded) }, { verbose: true });
  assert.equal(second.split("\n")[0], "refused    drop-2/0001.json [ninjs 1 (Superdesk)]");
  assert.deepEqual(reasons(second), [dateline, photo("drop-2"), ...leftOut]);
  assert.deepEqual([...newsroomFiles(news).keys()], [], "a refused item writes nothing");
});

test("an item in a language the site has no edition in is refused, naming the language and how to add an edition; nothing is written", async (t) => {
  const { news, importItems } = desk(t);
  const corpus = "tests/fixtures/wire/dialects";
  const report = await importItems({
    "afp.xml": readFileSync(join(corpus, "afp", "tram-strasbourg.xml")),
    "dpa.json": readFileSync(join(corpus, "dpa", "text-photo.json")),
    "moscow.json": ninjs({ language: "ru-RU" }),
  });
  assert.deepEqual(report.split("\n"), [
    `created    ${ROUBLE}/index.md <- drop-1/moscow.json [ninjs 1]`,
    'refused    drop-1/afp.xml [NewsML 1.2 (AFP)]: the item is in French (fr), and the site has no French edition (expected an item in English or Russian; to publish French stories add an edition: see "Adding an edition" in the README) [WD214] (and 1 more: --verbose lists it)',
    'refused    drop-1/dpa.json [dpa digitalwires]: the item is in German (de), and the site has no German edition (expected an item in English or Russian; to publish German stories add an edition: see "Adding an edition" in the README) [WD214] (and 3 more: --verbose lists them)',
    "3 items: 1 created, 0 updated, 0 unchanged, 0 withdrawn, 0 held, 2 refused",
  ]);
  assert.deepEqual([...newsroomFiles(news).keys()].sort(), ["2024/06/10/rouble-weakens-as-importers-buy-dollars/index.md"]);
});

test("an AP Media API item imports with the NITF text saved beside it, which has no line of its own; without it, it is refused", async (t) => {
  const { root, importItems } = desk(t);
  const corpus = "tests/fixtures/wire/dialects/ap";
  const nitf = "0c5e1f7a9b2d4e6f8a1c3e5f7b9d1a2c.0.xml";
  const json = readFileSync(join(corpus, "text-photo.json"));
  const alone = await importItems({ "text-photo.json": json });
  assert.match(alone, /^refused {4}drop-1\/text-photo\.json: data\.item\.renditions\.nitf\.href: the story's text is not in the file, only at "https:\/\/api\.ap\.org\//);

  const report = await importItems({ "text-photo.json": json, [nitf]: readFileSync(join(corpus, nitf)), "freighter-main.jpg": readFileSync(join(corpus, "freighter-main.jpg")) });
  const story = "src/news/2026/11/30/lake-freighter-season-ends-early-as-ice-forms";
  assert.deepEqual(report.split("\n"), [
    `held       ${story}/index.md <- drop-2/text-photo.json [AP Media API]: needs alt text for its photo [WD216] (and 3 more: --verbose lists them)`,
    "1 item: 0 created, 0 updated, 0 unchanged, 0 withdrawn, 1 held, 0 refused",
  ]);
  const text = readFileSync(join(root, story, "index.md"), "utf8");
  assert.match(text, /^ {2}id: 0c5e1f7a9b2d4e6f8a1c3e5f7b9d1a2c$/m);
  assert.match(text, /^dateline: CHICAGO$/m);
  assert.match(text, /\n---\n\nShippers on the upper Great Lakes are tying up their freighters/, "the body is the NITF's, its dateline taken out");
});

test("each reason on an item's line ends with the code of its rule, for the file, the item and what became of it", async (t) => {
  const { importItems } = desk(t);
  await importItems({ "0002.json": ninjs({ version: "2", versioncreated: "2024-06-10T11:30:00+03:00" }) });
  const report = await importItems({
    "a-older.json": ninjs({}),
    "b-latin1.txt": Buffer.from([0x52, 0x6f, 0x75, 0x62, 0x6c, 0xe9, 0x0a]),
    "c-misspelt.json": ninjs({ uri: "urn:x:misspelt", headlnie: "Rouble" }),
    "d-embargoed.json": ninjs({ uri: "urn:x:embargoed", versioncreated: "2024-07-05T09:00:00+03:00" }),
    "e-killed.json": JSON.stringify({ uri: "urn:x:never-imported", versioncreated: "2024-06-12T09:00:00+03:00", pubstatus: "canceled" }),
  });
  assert.deepEqual(report.split("\n"), [
    "refused    drop-2/b-latin1.txt: drop-2/b-latin1.txt:1: is not UTF-8 text, from this line; its bytes read as ISO-8859-1 (expected a ninjs, NewsML-G2, NewsML 1.2, NITF, RSS, Atom, JSON Feed or wire text item in UTF-8, or XML declaring ISO-8859-1: convert it with iconv -f ISO-8859-1 -t UTF-8) [WD201]",
    "refused    drop-2/c-misspelt.json: headlnie: unknown property in ninjs 1.x; did you mean headline? [WD209]",
    `unchanged  ${ROUBLE}/index.md <- drop-2/a-older.json [ninjs 1]: an older version (made 2024-06-10T09:00:00+03:00) than the one on file (made 2024-06-10T11:30:00+03:00); skipped [WD223]`,
    "withdrawn  drop-2/e-killed.json [ninjs 1]: withdrawn by the agency before it was imported here; nothing to remove [WD224]",
    "held       src/news/2024/07/05/rouble-weakens-as-importers-buy-dollars/index.md <- drop-2/d-embargoed.json [ninjs 1]: embargoed until 2024-07-05T09:00:00+03:00 [WD218]",
    "5 items: 0 created, 0 updated, 1 unchanged, 1 withdrawn, 1 held, 2 refused",
  ]);
});

test("a problem at a line of wire text keeps its file and line on the item's line, a link to the place", async (t) => {
  const { importItems } = desk(t);
  const report = await importItems({ "wire.txt": "Rouble weakens\n" });
  assert.equal(
    report.split("\n")[0],
    "refused    drop-1/wire.txt: drop-1/wire.txt:1: body: missing after the headline \"Rouble weakens\" (expected the story's paragraphs after the headline) [WD206]",
  );
});

test("an item that reads like two stories under its id, or whose story cannot be written, is refused with the code of its rule", async (t) => {
  const { news, importItems } = desk(t);
  const story = [
    "---",
    "title: Rouble weakens as importers buy dollars",
    "date: 2024-06-10T09:00:00+03:00",
    "dateline: Moscow",
    "wire:",
    "  id: urn:x:twice",
    "  versionTime: 2024-06-09T09:00:00+03:00",
    "---",
    "",
    "The rouble weakened on Monday as importers in the energy and manufacturing sectors bought dollars, traders said.",
    "",
    "Commercial banks quoted it at 89.20 per dollar, its lowest in two months, and dealers expected more pressure this week.",
    "",
  ].join("\n");
  for (const name of ["a", "b"]) {
    mkdirSync(join(news, name));
    writeFileSync(join(news, name, "index.md"), story);
  }
  // A file where the story's day folder would be: the folder cannot be made.
  mkdirSync(join(news, "2024", "06"), { recursive: true });
  writeFileSync(join(news, "2024", "06", "12"), "");
  const report = await importItems({ "twice.json": ninjs({ uri: "urn:x:twice" }), "unwritable.json": ninjs({ uri: "urn:x:unwritable", versioncreated: "2024-06-12T09:00:00+03:00" }) });
  const [twice, unwritable] = report.split("\n");
  assert.equal(
    twice,
    'refused    drop-1/twice.json [ninjs 1]: id "urn:x:twice" is recorded by src/news/a/index.md, src/news/b/index.md, and this version reads like each of them (expected one story per agency item: mend the wire.id of the other story) [WD220]',
  );
  assert.match(unwritable ?? "", /^refused {4}drop-1\/unwritable\.json \[ninjs 1\]: could not be written: .* \[WD225\]$/);
});

test("the agency's byline is written into the story as by, and printed under its headline; the agency's own name alone is left out", async (t) => {
  const { importItems, news, root } = desk(t);
  await importItems({ "staff.json": ninjs({ byline: "Staff reporter" }), "agency.json": ninjs({ uri: "urn:newsml:moscow-wire.example:0003", headline: "Rouble steadies", byline: "Moscow Wire" }) });
  const staff = readFileSync(join(news, "2024/06/10/rouble-weakens-as-importers-buy-dollars/index.md"), "utf8");
  assert.match(staff, /^by: Staff reporter$/m);
  const [location] = findStories(news, join(root, "src")).filter(({ file }) => file.includes("rouble-weakens"));
  const view = await readArticle(location!, { site, datelinePlaces: places, build });
  assert.ok(view.valid && view.state !== "withdrawn");
  assert.deepEqual(view.byline, [{ text: "By " }, { text: "Staff reporter", url: "/authors/staff-reporter/" }]);
  const agency = readFileSync(join(news, "2024/06/10/rouble-steadies/index.md"), "utf8");
  assert.doesNotMatch(agency, /^by:/m, "the dateline already credits Moscow Wire");
});

test("an agency's note to editors above its story is left out of the story, and its line says so", async (t) => {
  const { importItems, news } = desk(t);
  const report = await importItems({ "update.txt": readFileSync(join(import.meta.dirname, "../../fixtures/wire/plain-text/reuters-update.txt")) }, { verbose: true });
  assert.ok(report.split("\n").includes(`           body: warning: ignored: "(Adds ferry operator's comment)": the agency's note to editors, not story text [WD210]`), report);
  const [story] = readdirSync(news, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith("index.md"));
  const text = readFileSync(join(news, story!), "utf8");
  assert.doesNotMatch(text, /Adds ferry/);
  assert.match(text, /^A storm shut the harbour/m);
});

test("a Reuters correction waits beside the published story, its reason quoting what the agency says it corrects", async (t) => {
  const { importItems, root } = desk(t);
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../../fixtures/wire/newsml-g2", name));
  const FERRY = "src/news/2024/06/10/ferry-line-adds-a-winter-crossing-to-the";
  assert.equal((await importItems({ "ferry.xml": fixture("corrected-original.xml") })).split("\n")[0], `created    ${FERRY}/index.md <- drop-1/ferry.xml: /newsMessage/itemSet/newsItem [NewsML-G2]`);
  const report = await importItems({ "ferry.xml": fixture("corrected.xml") }, { verbose: true });
  assert.deepEqual(report.split("\n").slice(0, 4), [
    `held       ${FERRY}/index.md <- drop-2/ferry.xml: /newsMessage/itemSet/newsItem [NewsML-G2]`,
    `           published here, kept live: version 2 waits in ${FERRY}/index.wire-v2.md.txt [WD222]`,
    '           a correction by the agency, noting "(Corrects number of passengers in second paragraph to 120 from 200)": word it for readers in corrections.1.text [WD216]',
    '           /newsMessage/itemSet/newsItem/contentMeta/headline: warning: ignored: "CORRECTED-" taken off the headline: the agency\'s mark of a correction [WD210]',
  ]);
  const waiting = readFileSync(join(root, FERRY, "index.wire-v2.md.txt"), "utf8");
  assert.match(waiting, /^title: Ferry line adds a winter crossing to the islands$/m);
  assert.match(waiting, /^ {4}text: "\[to be worded\] Reuters marked this version a correction: say what was corrected\."$/m);
  assert.doesNotMatch(waiting, /Corrects number/);
});

test("an AFP revision marked CORRECTED - and opening with (Corrects …), with no flag, is a correction: it waits beside the published story, quoting its note", async (t) => {
  const { importItems: importDrop, root } = desk(t);
  // AFP sends no lead: its stories go out without one, as the bundled settings say.
  const importItems = (items: Record<string, string>, options: { verbose?: boolean } = {}) => importDrop(items, { ...options, withoutLead: "publish" });
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, "../../fixtures/wire/dialects/afp", name), "utf8");
  const VOTE = "src/news/2024/06/12/french-government-survives-no-confidence-vote";
  assert.equal((await importItems({ "vote.xml": fixture("no-confidence-vote.xml") })).split("\n")[0], `created    ${VOTE}/index.md <- drop-1/vote.xml [NewsML 1.2 (AFP)]`);
  const published = readFileSync(join(root, VOTE, "index.md"), "utf8");
  const report = await importItems({ "vote.xml": fixture("no-confidence-vote-3.xml") }, { verbose: true });
  assert.deepEqual(report.split("\n").slice(0, 4), [
    `held       ${VOTE}/index.md <- drop-2/vote.xml [NewsML 1.2 (AFP)]`,
    `           published here, kept live: version 3 waits in ${VOTE}/index.wire-v3.md.txt [WD222]`,
    '           a correction by the agency, noting "(Corrects number of votes in second paragraph to 271 from 270)": word it for readers in corrections.1.text [WD216]',
    '           /NewsML/NewsItem/NewsComponent/NewsLines/HeadLine: warning: ignored: "CORRECTED -" taken off the headline: the agency\'s mark of a correction [WD210]',
  ]);
  assert.doesNotMatch(report, /note to editors, not story text/, "the correction's note is quoted in its reason, not named as left out");
  assert.equal(readFileSync(join(root, VOTE, "index.md"), "utf8"), published, "the published version stays live");
  const waiting = readFileSync(join(root, VOTE, "index.wire-v3.md.txt"), "utf8");
  assert.match(waiting, /^title: French government survives no-confidence vote$/m);
  assert.match(waiting, /^ {4}text: "\[to be worded\] AFP marked this version a correction: say what was corrected\."$/m);
  assert.match(waiting, /^The motion won 271 votes/m);
  assert.doesNotMatch(waiting, /Corrects number/);

  // The note alone, the headline unmarked, makes the revision a correction all the same.
  const other = desk(t);
  await other.importItems({ "vote.xml": fixture("no-confidence-vote.xml") }, { withoutLead: "publish" });
  const noted = await other.importItems({ "vote.xml": fixture("no-confidence-vote-3.xml").replace("CORRECTED - ", "") }, { verbose: true, withoutLead: "publish" });
  assert.deepEqual(noted.split("\n").slice(0, 3), [
    `held       ${VOTE}/index.md <- drop-2/vote.xml [NewsML 1.2 (AFP)]`,
    `           published here, kept live: version 3 waits in ${VOTE}/index.wire-v3.md.txt [WD222]`,
    '           a correction by the agency, noting "(Corrects number of votes in second paragraph to 271 from 270)": word it for readers in corrections.1.text [WD216]',
  ]);
});

test("a NewsML 1.2 item refused by its reader names the rest of its problems in the same run: its language, as any item's", async (t) => {
  const { importItems } = desk(t);
  const vote = readFileSync(join(import.meta.dirname, "../../fixtures/wire/dialects/afp/no-confidence-vote.xml"), "utf8");
  const refused = await importItems({ "vote.xml": vote.replace(/<HeadLine>[^<]*<\/HeadLine>/, "<HeadLine></HeadLine>").replace('<Language FormalName="en"/>', '<Language FormalName="fr"/>') }, { verbose: true });
  assert.match(refused, /^refused    drop-1\/vote\.xml$/m);
  assert.match(refused, /NewsLines\/HeadLine: missing \(expected the story's headline\) \[WD206\]/);
  assert.match(refused, /the item is in French \(fr\), and the site has no French edition/);
});

test("a ninjs item's ednote is the agency's note to editors: quoted where a correction is to be worded, else named as left out", async (t) => {
  const { root, importItems } = desk(t);
  const note = "Moves at 0900 GMT with a photo.";
  const created = await importItems({ "0002.json": ninjs({ ednote: note }) });
  assert.match(created, new RegExp(`ednote: warning: ignored: "${note.replaceAll(".", "\\.")}": the agency's note to editors, not story text \\[WD210\\]`));
  assert.doesNotMatch(readFileSync(join(root, ROUBLE, "index.md"), "utf8"), /Moves at 0900/);
  const corrected = await importItems({ "0002.json": ninjs({ ...CORRECTION, ednote: "Corrects the rate in the second paragraph." }) }, { verbose: true });
  assert.match(corrected, /Corrects the rate in the second paragraph\./);
  assert.doesNotMatch(corrected, /ednote: warning: ignored/, "quoted for the editor, not named as left out");
  // A kill's note says why the agency withdrew the story: the desk reads it on the kill's line.
  const killed = await importItems({ "0002.json": ninjs({ version: "9", versioncreated: "2024-06-10T15:00:00+03:00", pubstatus: "canceled", ednote: "Withdrawn: the rate was not confirmed." }) });
  assert.match(killed, /^withdrawn /m);
  assert.match(killed, /ednote: warning: ignored: "Withdrawn: the rate was not confirmed\.": the agency's note to editors, not story text \[WD210\]/);
});

test("a Superdesk correction's reason quotes its ednote, which says what it corrects", async (t) => {
  const { importItems, root } = desk(t);
  const superdesk = (fields: Record<string, unknown>) =>
    JSON.stringify({
      guid: "urn:newsml:harbourwire.example:2024-06-11:4d1e9b62-rates",
      version: "2",
      type: "text",
      located: "Wellington",
      versioncreated: "2024-06-11T10:02:00+1200",
      firstcreated: "2024-06-11T09:40:00+1200",
      pubstatus: "usable",
      language: "en",
      headline: "Mortgage rates rise for a third month",
      description_text: "Lenders passed on higher funding costs, the central bank's survey found.",
      body_html: "<p>Average two-year mortgage rates rose to 7.5 percent in May, the third monthly rise, the Reserve Bank's lending survey showed on Tuesday.</p><p>Lenders said funding costs had climbed since March.</p>",
      source: "Harbourwire",
      ...fields,
    });
  const RATES = "src/news/2024/06/11/mortgage-rates-rise-for-a-third-month";
  assert.match(await importItems({ "rates.json": superdesk({}) }), /^created /);
  const report = await importItems(
    {
      "rates.json": superdesk({
        version: "3",
        versioncreated: "2024-06-11T11:20:00+1200",
        body_html: "<p>Average two-year mortgage rates rose to 7.9 percent in May, the third monthly rise, the Reserve Bank's lending survey showed on Tuesday.</p><p>Lenders said funding costs had climbed since March.</p>",
        ednote: "Corrects rates rise to 7.9 percent, not 7.5 percent, in first paragraph.",
        signal: [{ name: "Correction", code: "correction", scheme: "http://cv.iptc.org/newscodes/signal/" }],
      }),
    },
    { verbose: true },
  );
  assert.deepEqual(report.split("\n").slice(0, 3), [
    `held       ${RATES}/index.md <- drop-2/rates.json [ninjs 1 (Superdesk)]`,
    `           published here, kept live: version 3 waits in ${RATES}/index.wire-v3.md.txt [WD222]`,
    '           a correction by the agency, noting "Corrects rates rise to 7.9 percent, not 7.5 percent, in first paragraph.": word it for readers in corrections.1.text [WD216]',
  ]);
  assert.doesNotMatch(readFileSync(join(root, RATES, "index.wire-v3.md.txt"), "utf8"), /Corrects rates/, "the ednote is for the editor, not the page");
});

test("a picture's rights come with it: the agency's fields first, then those embedded in the picture, written into the story", async (t) => {
  const { importItems, news, root } = desk(t);
  // The agency's tools embed its licence's addresses in the file; the item names the photographer, notice and terms.
  const embedded = photoXmp({ credit: "Embedded credit", copyright: "Embedded notice", license: "https://moscow-wire.example/licence", licensePage: "https://photos.moscow-wire.example/" });
  const photo = await wirePhoto(1400, 900, { xmp: embedded });
  const item = ninjs({
    associations: {
      mainpic: {
        type: "picture",
        uri: "urn:photo:rights",
        byline: "Ivan Petrov",
        copyrightnotice: "© 2024 Moscow Wire",
        usageterms: "Editorial use only",
        description_creditline: "Ivan Petrov/Moscow Wire",
        description_alt: "Traders at screens showing the rouble's rate",
        renditions: { original: { href: "rouble.jpg", mimetype: "image/jpeg", width: 1400, height: 900 } },
      },
    },
  });
  await importItems({ "0002.json": item, "rouble.jpg": photo });
  const story = readFileSync(join(news, "2024/06/10/rouble-weakens-as-importers-buy-dollars/index.md"), "utf8");
  assert.match(
    story,
    /^photo:\n {2}src: photo\.jpg\n {2}alt: Traders at screens showing the rouble's rate\n {2}credit: Ivan Petrov\/Moscow Wire\n {2}creator: Ivan Petrov\n {2}copyright: © 2024 Moscow Wire\n {2}usageTerms: Editorial use only\n {2}license: https:\/\/moscow-wire\.example\/licence\n {2}licensePage: https:\/\/photos\.moscow-wire\.example\/\n/m,
  );
  // The story builds as written: each right in the form the story's fields take.
  const [location] = findStories(news, join(root, "src")).filter(({ file }) => file.includes("rouble-weakens"));
  const view = await readArticle(location!, { site, datelinePlaces: places, build });
  assert.deepEqual(view.valid ? [] : view.problems, []);
});

test("an agency's other spelling of a topic its imported stories have, in this run or an earlier one, is written as they spell it", async (t) => {
  const { importItems, news } = desk(t);
  const subjects = (...names: string[]) => ({ subject: names.map((name) => ({ name })) });
  await importItems({ "first.json": ninjs(subjects("#G20HH", "Currencies")) });
  const report = await importItems(
    {
      "second.json": ninjs({ uri: "urn:newsml:moscow-wire.example:0003", ...RWANDA, ...subjects("'G20HH", "Central banks") }),
      "third.json": ninjs({ uri: "urn:newsml:moscow-wire.example:0004", headline: "Rouble steadies", versioncreated: "2024-06-12T09:00:00+03:00", ...subjects("central-banks") }),
    },
    { verbose: true },
  );
  const tags = (folder: string) => /^tags:\n((?: {2}- .*\n)+)/m.exec(readFileSync(join(news, "2024/06", folder, "index.md"), "utf8"))?.[1];
  assert.equal(tags("11/rwanda-central-bank-holds-key-rate-at-7"), '  - "#G20HH"\n  - Central banks\n');
  assert.equal(tags("12/rouble-steadies"), "  - Central banks\n");
  const lines = report.split("\n");
  assert.ok(lines.includes(`           tags: warning: ignored: the spelling "'G20HH": written "#G20HH", as other stories spell that topic (both make the address of its page, g20hh) [WD210]`), report);
  assert.ok(lines.includes(`           tags: warning: ignored: the spelling "central-banks": written "Central banks", as other stories spell that topic (both make the address of its page, central-banks) [WD210]`), report);
});

test("a version made at the same time as the one on file but with other words waits beside it; the same words, or a story edited here, are unchanged", async (t) => {
  const { importItems, news } = desk(t);
  await importItems({ "first.json": ninjs({}) });
  const again = await importItems({ "again.json": ninjs({}) });
  assert.match(again, /^unchanged /m);
  const corrected = ninjs({ body_html: "<p>The rouble weakened on Monday as importers bought dollars, traders said.</p>" });
  const report = await importItems({ "corrected.json": corrected });
  assert.match(report, /^held +\S+ <- drop-3\/corrected\.json \[ninjs 1\]: made at the same time as the version on file \(2024-06-10T09:00:00\+03:00\), with other words, so which is newer cannot be told: version 1 waits in \S+index\.wire-v1\.md\.txt \[WD222\]/m);
  const file = join(news, "2024/06/10/rouble-weakens-as-importers-buy-dollars/index.md");
  assert.doesNotMatch(readFileSync(file, "utf8"), /importers bought dollars, traders said\.$/m, "the story stays as it was");
  // Run again, the same: nothing flips. An editor's story differs from every item: that is no version of its own.
  assert.match(await importItems({ "corrected.json": corrected }), /^unchanged .*which is newer cannot be told: version 1 already waits in /m);
  writeFileSync(file, readFileSync(file, "utf8").replace("traders said", "dealers said"));
  assert.match(await importItems({ "again.json": ninjs({}) }), /^unchanged /m);
});

test("a story the agency withdrew stays withdrawn when the drop is imported again; a later version waits beside it", async (t) => {
  const { importItems, news } = desk(t);
  const kill = ninjs({ version: "2", versioncreated: "2024-06-10T12:00:00+03:00", pubstatus: "canceled", headline: "", body_html: "" });
  const first = await importItems({ "a.json": ninjs({}), "b-kill.json": kill });
  assert.match(first, /^withdrawn /m);
  const again = await importItems({ "a.json": ninjs({}), "b-kill.json": kill });
  assert.doesNotMatch(again, /^created /m, again);
  assert.deepEqual(readdirSync(join(news, "2024/06/10")), ["rouble-weakens-as-importers-buy-dollars"], "no second story beside the withdrawn one");
  const later = await importItems({ "c.json": ninjs({ version: "3", versioncreated: "2024-06-10T15:00:00+03:00" }) });
  assert.match(later, /^held .*withdrawn by the agency here: version 3 waits in /m);
});

test("a language written as a locale with an underscore (en_US, ru_RU), as Java's feed tools write it, is read as its language tag", async (t) => {
  const { importItems, news } = desk(t);
  const report = await importItems({ "us.json": ninjs({ language: "en_US" }), "ru.json": ninjs({ uri: "urn:newsml:moscow-wire.example:0005", language: "ru_RU", headline: "Рубль слабеет" }) });
  assert.deepEqual(report.split("\n").map((line) => line.split(" ")[0]).filter(Boolean).slice(0, 2), ["created", "created"], report);
  assert.match(readFileSync(join(news, "2024/06/10/rubl-slabeet/index.md"), "utf8"), /^lang: ru-RU$/m);
});

test("a held item's line names what the build would refuse once it is published, besides what holds it", async (t) => {
  const { importItems } = desk(t);
  const report = await importItems({ "long.json": ninjs({ located: undefined, description_text: `${"A lead that runs on. ".repeat(40)}` }) }, { verbose: true });
  const lines = report.split("\n");
  assert.match(lines[0] ?? "", /^held /);
  assert.ok(lines.includes("           needs a dateline: the item names no place [WD216]"), report);
  assert.ok(lines.some((line) => /^ {11}to fix before it is published: lead: \d+ characters \(expected at most 600/.test(line)), report);
});

test("a byline the text opens with, when the item gives none of its own, becomes the story's byline rather than vanish", async (t) => {
  const { importItems, news } = desk(t);
  await importItems({ "typed.json": ninjs({ body_html: "<p>By Jane Doe and Ivan Petrov</p><p>The rouble weakened on Monday as importers bought dollars, traders said.</p>" }) });
  const story = readFileSync(join(news, "2024/06/10/rouble-weakens-as-importers-buy-dollars/index.md"), "utf8");
  assert.match(story, /^by:\n {2}- Jane Doe\n {2}- Ivan Petrov$/m);
  assert.doesNotMatch(story, /^By Jane Doe/m, "taken off the text, as a byline the item gives is");
});

test("a dateline of the agency alone opening the text is taken off it: the page prints it once, with the item's place", async (t) => {
  const { importItems, news, root } = desk(t);
  const item = {
    standard: { name: "ninjs", version: "3.1" },
    uri: "urn:newsml:reuters.example:oil-1",
    type: "text",
    versionCreated: "2024-06-10T07:00:00Z",
    pubStatus: "usable",
    copyrightHolder: "Reuters",
    located: "London",
    headlines: [{ role: "main", value: "Oil slips on China demand worries" }],
    descriptions: [{ role: "summary", value: "Worries about demand in China weighed on the market." }],
    bodies: [{ role: "main", contentType: "text/html", value: "<p>(Reuters) - Oil prices slipped on Monday as worries about demand in China weighed on the market.</p>" }],
  };
  const report = await importItems({ "oil.json": JSON.stringify(item) }, { verbose: true });
  assert.match(report, /^created /, report);
  const [location] = findStories(news, join(root, "src")).filter(({ file }) => file.includes("oil-slips"));
  const view = await readArticle(location!, { site, datelinePlaces: places, build });
  assert.ok(view.valid && view.state !== "withdrawn");
  assert.equal(view.bodyHtml.replace(/<[^>]*>/g, ""), "LONDON, June 10 (Reuters) - Oil prices slipped on Monday as worries about demand in China weighed on the market.\n");
});

test("a WordPress feed's item: its title's references read, in the headline and the address; the tool's own lines taken off, each named", async (t) => {
  const { root, importItems } = desk(t);
  const feed = [
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>City Desk</title><item>',
    "<guid>https://city.example/?p=101</guid><title><![CDATA[Mayor&#8217;s plan: fares &amp; fees frozen]]></title>",
    "<pubDate>Tue, 05 Nov 2024 09:30:00 +0000</pubDate>",
    "<description><![CDATA[<p>Bus and tram fares stay at this year's level. <a href=\"https://city.example/mayors-plan/\">Read more &#187;</a></p>]]></description>",
    "<content:encoded><![CDATA[<p>Bus and tram fares stay at this year's level, the mayor said.</p>",
    '<p>The post <a href="https://city.example/mayors-plan/">Mayor&#8217;s plan</a> appeared first on <a href="https://city.example">City Desk</a>.</p>]]></content:encoded>',
    "</item></channel></rss>",
  ].join("");
  const report = await importItems({ "feed.xml": feed }, { verbose: true });
  const story = "src/news/2024/11/05/mayors-plan-fares-fees-frozen";
  assert.match(report, new RegExp(`^held {7}${story}/index\\.md <- drop-1/feed\\.xml: /rss/channel/item \\[RSS 2\\.0\\]\\n`));
  assert.match(report, /\/rss\/channel\/item\/description: warning: ignored: "Read more »" at its end: added by the tool that published the feed, not the story's words \[WD210\]/);
  assert.match(report, /\/rss\/channel\/item\/content:encoded: warning: ignored: "The post Mayor’s plan appeared first on City Desk\." at its end: added by the tool that published the feed, not the story's words \[WD210\]/);
  assert.doesNotMatch(report, /HTML escaping/, "a feed's title is HTML-escaped text, read so by the feed's reader");
  const written = readFileSync(join(root, story, "index.md"), "utf8");
  assert.match(written, /^title: "Mayor’s plan: fares & fees frozen"$/m);
  assert.match(written, /^lead: Bus and tram fares stay at this year's level\.$/m);
  assert.doesNotMatch(written, /appeared first|Read more|&#8217;|&amp;/);
});

test("a feed item opening with a newspaper's dateline of a known place is datelined by it, named; one of no known place keeps its words and is held", async (t) => {
  const { root, importItems } = desk(t);
  const item = (guid: string, title: string, text: string) =>
    `<item><guid>${guid}</guid><title>${title}</title><pubDate>Mon, 10 Jun 2024 09:30:00 +0000</pubDate><description><![CDATA[<p>${text}</p>]]></description></item>`;
  const feed = `<rss version="2.0"><channel><title>City Desk</title>${item("c-1", "Harbour reopens", "<strong>LONDON</strong> — The harbour reopened on Tuesday.")}${item("c-2", "Fares frozen", "BREAKING — Fares stay at this year's level.")}</channel></rss>`;
  const report = await importItems({ "feed.xml": feed }, { verbose: true, withoutLead: "publish" });
  assert.match(report, /^created {4}src\/news\/2024\/06\/10\/harbour-reopens\/index\.md <- .*\n {11}body: its dateline is "LONDON", from the words its text opens with \("LONDON —"\), a place the dateline places know; the page prints it from the field \[WD239\]$/m);
  const written = readFileSync(join(root, "src/news/2024/06/10/harbour-reopens/index.md"), "utf8");
  assert.match(written, /^dateline: LONDON$/m);
  assert.match(written, /^The harbour reopened on Tuesday\.$/m, "the dateline, emphasis and all, is off the text");
  assert.match(report, /^held {7}src\/news\/2024\/06\/10\/fares-frozen\/index\.md <- .*\n {11}needs a dateline: the item names no place \[WD216\]$/m);
  assert.match(readFileSync(join(root, "src/news/2024/06/10/fares-frozen/index.md"), "utf8"), /^BREAKING — Fares stay at this year's level\.$/m);
});

test("a plain-text version finds the story an earlier release recorded under an id its marked headline gave, and records its id from then on", async (t) => {
  const { importItems, news } = desk(t);
  // Each version closes with the time the agency sent it (day, hour, minute).
  const version = (mark: string, text: string, sent: string) => `${mark}Storm shuts harbour, grounds ferries on the coast\n\nOSLO, March 4 (Reuters) - ${text}\n\n${sent} MAR 26 GMT\n`;
  const first = await importItems({ "storm.txt": version("UPDATE 1-", "A storm shut the harbour on Monday.", "040900") });
  // Held as a draft, as wire text gives no lead.
  assert.match(first, /^held {7}\S+\/index\.md <- .*needs a lead/, first);
  const [file = ""] = readdirSync(news, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith("index.md"));
  // Before "UPDATE 1-" was taken off the headline, it was part of the id of an item with no slug line.
  const story = join(news, file);
  const current = /^ {2}id: (text:reuters:[\d-]+:)(storm-shuts-harbour-grounds-ferries-on-the-coast)$/m.exec(readFileSync(story, "utf8"));
  assert.ok(current, readFileSync(story, "utf8"));
  // The file as that release wrote it: its record of what it wrote holds the old id too.
  const legacy = readFileSync(story, "utf8").replace(current[0], `  id: ${current[1]}update-1-${current[2]}`);
  const written = createHash("sha256").update(legacy.replace(/^ {2}written: sha256:[0-9a-f]+\n/m, "")).digest("hex").slice(0, 32);
  writeFileSync(story, legacy.replace(/^( {2}written: sha256:)[0-9a-f]+$/m, `$1${written}`));
  const second = await importItems({ "storm.txt": version("UPDATE 2-", "A storm shut the harbour on Monday. Ferries were grounded.", "041100") });
  assert.match(second, new RegExp(`^held {7}${join("src/news", file).replaceAll(".", "\\.")} <- `), second);
  assert.deepEqual(readdirSync(news, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")), [file], "no second story");
  assert.match(readFileSync(story, "utf8"), /Ferries were grounded/);
  assert.match(readFileSync(story, "utf8"), new RegExp(`^ {2}id: ${current[1]}${current[2]}$`, "m"), "recorded under its id from now on");
  // A headline's own words are no mark: another story is another story.
  await importItems({ "other.txt": "Update on the storm\n\nOSLO, March 4 (Reuters) - Another story.\n\n041200 MAR 26 GMT\n" });
  assert.equal(readdirSync(news, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith("index.md")).length, 2);
});

test("advance copy is held for its dateline's day and recorded at its delivery: later runs and the agency's update go in", async (t) => {
  const { importItems, news } = desk(t);
  const at = (local: string): { withoutLead: WithoutLead; delivered: WireTime; verbose: boolean } => ({ withoutLead: "publish", delivered: { local, offset: "Z" }, verbose: true });
  const summit = (text: string) => ({ "0001.txt": `Summit opens in Tokyo\n\nTOKYO, July 1 (Kyodo) - ${text}\n` });
  const story = join(news, "2024/07/01/summit-opens-in-tokyo/index.md");
  // Delivered at 19:00 on June 29 in Tokyo: the agency's July 1 is still to come there.
  const first = await importItems(summit("Leaders gather on Monday for the summit."), at("2024-06-29T10:00:00"));
  assert.match(first, /^held {7}src\/news\/2024\/07\/01\/summit-opens-in-tokyo\/index\.md <- \S+ \[plain text\]\n {11}embargoed until 2024-07-01 \[WD218\]\n/, first);
  const written = readFileSync(story, "utf8");
  assert.match(written, /^date: 2024-07-01$/m);
  assert.match(written, /^ {2}versionTime: 2024-06-29T10:00:00Z$/m, "the version is the delivery's, never the dateline's day");
  const other = await importItems({ "0002.txt": "Floods close roads\n\nNAIROBI, June 29 (Kyodo) - Roads were shut.\n" }, at("2024-06-29T12:00:00"));
  assert.match(other, /^created /, other);
  const update = await importItems(summit("Leaders gathered on Monday for the summit, officials said."), at("2024-06-29T14:00:00"));
  assert.match(update, /^held {7}src\/news\/2024\/07\/01\/summit-opens-in-tokyo\/index\.md <- .*\n {11}embargoed until 2024-07-01 \[WD218\]\n/, update);
  assert.match(readFileSync(story, "utf8"), /officials said/);
  assert.match(readFileSync(story, "utf8"), /^ {2}versionTime: 2024-06-29T14:00:00Z$/m);

  // A story an earlier release wrote, recording the day alone, is read and takes the agency's next version, whose line says so.
  const legacy = readFileSync(story, "utf8").replace(/^( {2}versionTime: ).*$/m, "$12024-07-01");
  const hash = createHash("sha256").update(legacy.replace(/^ {2}written: sha256:[0-9a-f]+\n/m, "")).digest("hex").slice(0, 32);
  writeFileSync(story, legacy.replace(/^( {2}written: sha256:)[0-9a-f]+$/m, `$1${hash}`));
  const after = await importItems(summit("Leaders gathered on Monday for the summit in Tokyo, officials said."), at("2024-06-29T16:00:00"));
  assert.doesNotMatch(after, /^refused/m, after);
  assert.match(after, /wire\.versionTime: a day alone \(2024-07-01\), as earlier imports wrote advance copy's, which tells no time: this version is taken as newer, and its time recorded \(expected an instant with an offset, as the import now writes\) \[WD230\]/, after);
  assert.match(readFileSync(story, "utf8"), /^ {2}versionTime: 2024-06-29T16:00:00Z$/m, "mended: the record holds an instant again");
});

test("wire text delivered again with the same words is the story on file, whatever its delivery: no update to print", async (t) => {
  const { importItems, news } = desk(t);
  const floods = { "0002.txt": "Floods close roads\n\nNAIROBI, June 10 (Kyodo) - Roads were shut across the region.\n" };
  const options = (local: string) => ({ withoutLead: "publish" as const, delivered: { local, offset: "Z" } });
  assert.match(await importItems(floods, options("2024-06-10T09:00:00")), /^created /);
  const story = join(news, "2024/06/10/floods-close-roads/index.md");
  const before = readFileSync(story, "utf8");
  // The same file picked up again the next day, or copied into a later drop.
  assert.match(await importItems(floods, options("2024-06-11T09:00:00")), /^unchanged  src\/news\/2024\/06\/10\/floods-close-roads\/index\.md <- /);
  assert.equal(readFileSync(story, "utf8"), before, "no updated line for words the story already has");
  // Other words are the agency's update.
  const update = await importItems({ "0002.txt": "Floods close roads\n\nNAIROBI, June 10 (Kyodo) - Roads were shut across the region. Rain is due.\n" }, options("2024-06-10T15:00:00"));
  assert.match(update, /^updated {4}/, update);
});

test("a kill in wire text withdraws the story its slug line names, as a structured kill does; one for no story on file becomes none", async (t) => {
  const { root, news, importItems } = desk(t);
  const plainText = (name: string) => readFileSync(join(import.meta.dirname, "../../fixtures/wire/plain-text", name));
  // Before the tests' build moment, so the story is published when the kill comes.
  const delivered: WireTime = { local: "2023-12-05T18:00:00", offset: "Z" };
  const before = await importItems({ "kill.txt": plainText("reuters-kill.txt") }, { delivered, verbose: true });
  assert.equal(
    before.split("\n")[1],
    `           withdrawn by the agency before it was imported here; nothing to remove (no story on file is known as "text:no-agency:2023-12-05:kenya-floods", by its agency, day, and slug line or headline: withdraw a story of another day by hand, as the editor's guide says under "Withdrawing a story") [WD224]`,
  );
  assert.deepEqual(readdirSync(news), [], "a kill never becomes a story");
  const story = "src/news/2023/12/05/floods-close-roads-in-western-kenya";
  assert.match(await importItems({ "story.txt": plainText("reuters-indented.txt"), "storm.txt": plainText("reuters-storm-kills.txt") }, { delivered, withoutLead: "publish" }), /^created    src\/news\/2023\/12\/05\/floods-close-roads/m);
  // Delivered with the story, at the same time: a kill never comes before its story.
  const kill = await importItems({ "kill.txt": plainText("reuters-kill.txt") }, { delivered });
  assert.equal(kill.split("\n")[0], `withdrawn  ${story}/index.md <- drop-3/kill.txt [plain text]: drop-3/kill.txt:2: headline: a kill notice, by its slug line's "(KILL)" and its headline's "KILL-": it withdraws the agency's story slugged "KENYA-FLOODS/" of 2023-12-05 [WD241] (and 1 more: --verbose lists it)`);
  const killed = await readArticle({ file: join(root, story, "index.md"), fileSlug: "floods-close-roads-in-western-kenya", filePathStem: "/news/2023/12/05/floods-close-roads-in-western-kenya/index" }, { site, datelinePlaces: places, build });
  assert.ok(killed.valid && killed.state === "withdrawn", JSON.stringify(killed));
  // "Storm kills 12" is a story, untouched by the kill.
  assert.deepEqual(readdirSync(join(news, "2023/12/05")).sort(), ["floods-close-roads-in-western-kenya", "storm-kills-12-in-western-kenya"]);
  assert.match(await importItems({ "kill.txt": plainText("reuters-kill.txt") }, { delivered }), /^unchanged  /m);
});

test("a kill in wire text delivered the day after its story, with no dateline to date it, withdraws that story", async (t) => {
  const { root, importItems } = desk(t);
  const plainText = (name: string) => readFileSync(join(import.meta.dirname, "../../fixtures/wire/plain-text", name));
  const story = "src/news/2023/12/05/floods-close-roads-in-western-kenya";
  assert.match(await importItems({ "story.txt": plainText("reuters-indented.txt") }, { delivered: { local: "2023-12-05T18:00:00", offset: "Z" }, withoutLead: "publish" }), /^created /m);
  const kill = await importItems({ "kill.txt": plainText("reuters-kill.txt") }, { delivered: { local: "2023-12-06T01:30:00", offset: "Z" } });
  assert.match(kill.split("\n")[0] ?? "", new RegExp(`^withdrawn  ${story}/index\\.md <- drop-2/kill\\.txt \\[plain text\\]`));
  assert.match(readFileSync(join(root, story, "index.md"), "utf8"), /^withdrawn: /m);
});

test("a control character in a JSON item's headline is left out with the item's line naming its field, as in its text, never refused as YAML", async (t) => {
  const { importItems } = desk(t);
  const report = await importItems({ "0002.json": ninjs({ headline: "Rouble weakens\u001f as importers buy dollars", description_text: "Importers' demand\u0007 pushed the rouble down." }) }, { verbose: true });
  assert.deepEqual(report.split("\n"), [
    `created    ${ROUBLE}/index.md <- drop-1/0002.json [ninjs 1]`,
    "           headline: warning: ignored: the control character U+001F (US), no text but a teleprinter's or terminal's signal [WD210]",
    "           description_text: warning: ignored: the control character U+0007 (BEL), no text but a teleprinter's or terminal's signal [WD210]",
    "1 item: 1 created, 0 updated, 0 unchanged, 0 withdrawn, 0 held, 0 refused",
  ]);
});

test("dpa's hold notice makes the published story it names a draft, words kept; one for no story on file becomes none", async (t) => {
  const { root, news, importItems } = desk(t);
  const plainText = (name: string) => readFileSync(join(import.meta.dirname, "../../fixtures/wire/plain-text", name));
  const delivered: WireTime = { local: "2023-12-05T18:00:00", offset: "Z" };
  const none = await importItems({ "hold.txt": plainText("dpa-hold.txt") }, { delivered });
  assert.match(none.split("\n")[0] ?? "", /^unchanged  drop-1\/hold\.txt \[plain text\]: held by the agency before it was imported here; nothing to hold \(no story on file is known as "text:no-agency:2023-12-05:kenya-floods".*\[WD245\]/);
  assert.deepEqual(readdirSync(news), [], "a hold never becomes a story");
  const story = "src/news/2023/12/05/floods-close-roads-in-western-kenya";
  assert.match(await importItems({ "story.txt": plainText("reuters-indented.txt") }, { delivered, withoutLead: "publish" }), /^created /m);
  const before = readFileSync(join(root, story, "index.md"), "utf8");
  const held = await importItems({ "hold.txt": plainText("dpa-hold.txt") }, { delivered, verbose: true });
  assert.equal(held.split("\n")[0], `held       ${story}/index.md <- drop-3/hold.txt [plain text]`);
  assert.match(held, /held by the agency: made a draft, its words kept, until the agency releases it .* \[WD245\]/);
  assert.match(held, /hold\.txt:4: headline: a hold notice, by its headline's "HOLD HOLD HOLD '''''": it holds the agency's story slugged "KENYA-FLOODS\/" of 2023-12-05 \[WD245\]/);
  const after = readFileSync(join(root, story, "index.md"), "utf8");
  assert.match(after, /^draft: true$/m);
  assert.equal(after.split("\n---\n")[1], before.split("\n---\n")[1], "the story's words stay");
  assert.match(await importItems({ "hold.txt": plainText("dpa-hold.txt") }, { delivered }), /^held {7}.*a draft here: keep it a draft until the agency releases it \[WD245\]/m);
});

test("an agency's imprint and its advisories become no story, their words quoted on the line; a story that mentions an advisory stays one", async (t) => {
  const { news, importItems } = desk(t);
  const fixture = (path: string) => readFileSync(join(import.meta.dirname, "../../fixtures/wire", path));
  const report = await importItems(
    { "imprint.txt": fixture("plain-text/dpa-impressum.txt"), "advisory.txt": fixture("plain-text/reuters-advisory.txt"), "imprint.json": fixture("dialects/dpa/impressum.json") },
    { delivered: { local: "2023-12-05T18:00:00", offset: "Z" }, verbose: true },
  );
  assert.match(report, /^unchanged  drop-1\/advisory\.txt \[plain text\]\n {11}the agency's advisory or schedule for the desk \(headlined "ADVISORY - Coverage of the Kenya floods"\), not a story: none is written \[WD246\]\n {11}body: warning: ignored: "Editors are advised that a correspondent will file from Garissa from 1400 GMT\. A map of the closed roads follows at 1500 GMT\.": the agency's advisory, for the desk, not story text \[WD210\]$/m);
  assert.match(report, /^unchanged  drop-1\/imprint\.txt \[plain text\]\n {11}the agency's imprint, its service item's legal notice \(headlined "Impressum"\), not a story: none is written \[WD246\]\n {11}body: warning: ignored: "service test line/m);
  assert.match(report, /^unchanged  drop-1\/imprint\.json \[dpa digitalwires\]\n {11}the agency's imprint, its service item's legal notice \(headlined "Impressum"\), not a story: none is written \[WD246\]\n {11}body: warning: ignored: "dpa Deutsche Presse-Agentur GmbH, Mittelweg 38/m);
  assert.deepEqual(readdirSync(news), [], "no service message becomes a story");
  const story = await importItems({ "0001.txt": "Advisory panel quits over pay\n\nNAIROBI, Dec 5 (Reuters) - The government's advisory panel on pay quit on Tuesday.\n" }, { delivered: { local: "2023-12-05T18:00:00", offset: "Z" }, withoutLead: "publish" });
  assert.match(story, /^created /m);
});
