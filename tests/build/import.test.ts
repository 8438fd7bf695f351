/**
 * A desk takes in a day of agency items in every format: stories appear in the contract, a second
 * run changes nothing, an update and a withdrawal change the story in place, a version of a story
 * an editor changed or a correction to a published one waits beside it, an id used again makes
 * another story, a dry run writes nothing, and the site built from it all passes every check.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { PROJECT } from "../../scripts/lib/project-copy.ts";
import { buildFixtureSite, makeFixtureSite } from "../support/fixture-site.ts";
import { wirePhoto, xmpPacket } from "../support/wire-photos.ts";

const FIXTURES = join(PROJECT, "tests", "fixtures", "wire");
const MOMENT = "2024-06-30T12:00Z";

function importInto(root: string, args: string[]): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, ["scripts/import.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    // As on a CI runner that imports on a schedule: importing names no address, so needs no SITE_URL.
    env: { ...process.env, BUILD_MOMENT: MOMENT, CI: "true", SITE_URL: "" },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Every file under src/news/ with its bytes, to tell what a run changed. */
function newsroomFiles(root: string): Map<string, string> {
  const news = join(root, "src", "news");
  const files = new Map<string, string>();
  for (const name of readdirSync(news, { recursive: true, encoding: "utf8" })) {
    const path = join(news, name);
    if (statSync(path).isFile()) files.set(relative(news, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return files;
}

/** The line the report gives an item of `file`. */
function lineFor(output: string, file: string): string {
  return output.split("\n").find((line) => line.includes(`<- ${file}`) || line.includes(`  ${file}`)) ?? `(no line for ${file})`;
}

test("agency items in every format import as stories, update and withdraw in place, and build green", { timeout: 300_000 }, async (t) => {
  const root = makeFixtureSite({});
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const drop = join(root, "drop");
  mkdirSync(drop);
  for (const [format, name] of [
    ["ninjs", "seed-itar-tass.json"],
    ["ninjs", "ninjs1-headline-roles.json"],
    ["ninjs", "ninjs2-text-photo-no-alt.json"],
    ["ninjs", "embargoed.json"],
    ["ninjs", "malformed.json"],
    ["newsml-g2", "seed-package.xml"],
    ["nitf", "seed.xml"],
    ["plain-text", "seed-teleprinter.txt"],
    ["plain-text", "reuters.txt"],
  ] as const) {
    copyFileSync(join(FIXTURES, format, name), join(drop, `${format}-${name}`));
  }
  // Tests touch no network: the storm picture's largest rendition is delivered beside its item.
  const stormItem = join(drop, "ninjs-ninjs2-text-photo-no-alt.json");
  writeFileSync(stormItem, readFileSync(stormItem, "utf8").replace("https://media.balticwire.example/20240502/a001_hires.jpg", "storm-highres.jpg"));
  // A hostile item: what a compromised feed could send. It must arrive as harmless text.
  const hostileItem = {
    uri: "urn:newsml:itar-tass.com:20130902:hostile",
    type: "text",
    version: "1",
    versioncreated: "2013-09-02T18:00:00+04:00",
    pubstatus: "usable",
    copyrightholder: "Itar-Tass",
    located: "Moscow",
    headline: "Talks <script>alert(1)</script>resume",
    description_text: "A lead with <b onmouseover=alert(2)>markup</b>.",
    body_html:
      '<p>MOSCOW, September 2 (Itar-Tass) - Talks resumed.<script>alert(3)</script></p>' +
      '<p onclick="alert(4)">See <a href="javascript:alert(5)">this</a>, <a href=" java&#x09;script:alert(6)">that</a>' +
      ' and <a href="https://example.org/report">the report</a>.<img src="x" onerror="alert(7)"></p><iframe src="https://evil.example/"></iframe>',
  };
  writeFileSync(join(drop, "hostile.json"), JSON.stringify(hostileItem));
  // An agency of two words, in a file picked up the day after its dateline's day.
  writeFileSync(
    join(drop, "0002.txt"),
    "Floods close roads\n\nRoads were shut across the region after a week of rain.\n\nNAIROBI, Sept 1 (Kyodo News) - Floods closed the main roads out of Nairobi.\n",
  );
  // A ninjs 2.0 item with an agency's extension, which is left out with a warning.
  writeFileSync(
    join(drop, "extension.json"),
    JSON.stringify({
      uri: "urn:example:harbour:ferry",
      standard: { name: "ninjs", version: "2.0" },
      type: "text",
      versioncreated: "2013-09-02T11:00:00+03:00",
      x_wire_priority: 2,
      copyrightholder: "Harbour Press",
      located: "Helsinki",
      headlines: [{ role: "main", value: "Ferry line adds a night crossing" }],
      descriptions: [{ role: "summary", value: "The night ferry will run through the winter." }],
      bodies: [{ role: "text", contenttype: "text/plain", value: "HELSINKI, Sept 2 (Harbour Press) - The night ferry will run through the winter, the line said." }],
    }),
  );
  // The seed's pictures carry their alt text and credit in the file; the storm pictures carry none.
  const seedPhoto = await wirePhoto(1600, 1067, { xmp: xmpPacket({ alt: "Sergei Lavrov speaks to students", credit: "Photo EPA/ITAR-TASS" }) });
  for (const name of ["seed-photo.jpg", "seed-photo-web.jpg", "seed-photo-thumb.jpg"]) writeFileSync(join(drop, name), seedPhoto);
  for (const name of ["storm-highres.jpg", "storm-preview.jpg", "storm-thumb.jpg"]) writeFileSync(join(drop, name), await wirePhoto(1400, 900));
  const options = ["--zone", "Europe/Helsinki", "--delivered", "2013-09-02T16:00:00+04:00"];

  const first = importInto(root, [...options, "drop"]);
  assert.equal(first.status, 1, `a refused item makes the run fail\n${first.output}`);
  // Four agencies' formats of one story, made at the same minute: each has its own folder that day.
  assert.match(lineFor(first.output, "drop/newsml-g2-seed-package.xml"), /^created {4}src\/news\/2013\/09\/02\/moscow-hopes-for-further-talks-on-denuclearization-of\/index\.md/);
  assert.match(lineFor(first.output, "drop/ninjs-seed-itar-tass.json"), /^created {4}src\/news\/2013\/09\/02\/moscow-hopes-for-further-talks-on-denuclearization-of-2\/index\.md/);
  assert.match(lineFor(first.output, "drop/nitf-seed.xml"), /^created /);
  assert.match(lineFor(first.output, "drop/plain-text-seed-teleprinter.txt"), /^created /);
  assert.match(lineFor(first.output, "drop/ninjs-ninjs2-text-photo-no-alt.json"), /^held .*: needs alt text for its photo \[WD216\]$/);
  // What holds it first; then its note to editors, named as left out.
  assert.match(lineFor(first.output, "drop/ninjs-embargoed.json"), /^held .*: embargoed until 2024-07-01T00:01:00\+02:00 \[WD218\] \(and 1 more: --verbose lists it\)$/);
  // No lead, and the bundled settings publish such items with no standfirst; the trailer taken off is named, and how its closing time line was read.
  assert.match(lineFor(first.output, "drop/plain-text-reuters.txt"), /^created [^:]*: body: warning: ignored: "\(Reporting by Jane Doe; Editing by John Roe\)": the agency's line after the story \(its credits or end-of-item mark\), not story text \[WD210\] \(and 1 more: --verbose lists it\)$/);
  assert.match(lineFor(first.output, "drop/ninjs-malformed.json"), /^refused {4}drop\/ninjs-malformed\.json: drop\/ninjs-malformed\.json:\d+:\d+: not valid JSON.* \[WD203\]$/);
  assert.match(lineFor(first.output, "drop/hostile.json"), /^created /);
  assert.equal(lineFor(first.output, "drop/0002.txt"), 'created    src/news/2013/09/01/floods-close-roads/index.md <- drop/0002.txt [plain text]: drop/0002.txt:5: dateline: dated 2013-09-01 by its dateline ("NAIROBI, Sept 1"); delivered 2013-09-02 [WD227]');
  assert.match(lineFor(first.output, "drop/extension.json"), /^created .*: x_wire_priority: warning: ignored: not a property of ninjs 2\.x \[WD210\]$/);
  assert.match(first.output, /\n12 items: 9 created, 0 updated, 0 unchanged, 0 withdrawn, 2 held, 1 refused\n$/);
  const floods = readFileSync(join(root, "src", "news", "2013", "09", "01", "floods-close-roads", "index.md"), "utf8");
  // Delivered at 16:00 in Moscow (+04:00), 15:00 in Nairobi: the dateline's day at the place's time of delivery.
  assert.match(floods, /^date: 2013-09-01T15:00:00\+03:00$/m);
  assert.match(floods, /^dateline: NAIROBI$/m);
  assert.match(floods, /^source: Kyodo News$/m);
  assert.match(floods, /^ {2}id: text:kyodo-news:2013-09-01:floods-close-roads$/m);
  assert.match(floods, /\n---\n\nFloods closed the main roads/);

  const seedFolder = join(root, "src", "news", "2013", "09", "02", "moscow-hopes-for-further-talks-on-denuclearization-of-2");
  const seed = readFileSync(join(seedFolder, "index.md"), "utf8");
  assert.match(seed, /^title: Moscow hopes for further talks on denuclearization of North Korean Peninsula$/m);
  assert.match(seed, /^date: 2013-09-02T15:40:00\+04:00$/m);
  assert.match(seed, /^dateline: MOSCOW$/m);
  assert.match(seed, /^source: Itar-Tass$/m);
  assert.match(seed, /^ {2}alt: Sergei Lavrov speaks to students$/m, "alt text is taken from the picture's own metadata");
  assert.match(seed, /^ {2}credit: Photo EPA\/ITAR-TASS$/m);
  assert.match(seed, /^ {2}id: urn:newsml:itar-tass\.com:20130902:654321$/m);
  assert.match(seed, /\n---\n\nMoscow hopes for the resumption of talks/, "the body starts after the dateline the page prints itself");
  assert.deepEqual(readdirSync(seedFolder).sort(), ["index.md", "photo.jpg"]);
  const held = readFileSync(join(root, "src", "news", "2024", "05", "02", readdirSync(join(root, "src", "news", "2024", "05", "02"))[0] ?? "", "index.md"), "utf8");
  assert.match(held, /^draft: true$/m, "a photo without alt text holds the story as a draft");
  assert.doesNotMatch(held, /^ {2}alt:/m, "alt text is never invented");

  const imported = newsroomFiles(root);
  const again = importInto(root, [...options, "drop"]);
  assert.match(lineFor(again.output, "drop/ninjs-seed-itar-tass.json"), /^unchanged /);
  assert.match(lineFor(again.output, "drop/0002.txt"), /^unchanged /);
  assert.deepEqual(newsroomFiles(root), imported, "importing the same versions again changes nothing");

  // An editor rewords the hostile item's story: the agency's next version must not undo it.
  const hostileStory = join(root, "src", "news", "2013", "09", "02", "talks-resume", "index.md");
  const editedHostile = readFileSync(hostileStory, "utf8").replace("Talks resumed.", "Talks resumed on Monday, the ministry said.");
  assert.notEqual(editedHostile, readFileSync(hostileStory, "utf8"));
  writeFileSync(hostileStory, editedHostile);
  const before = newsroomFiles(root);

  const later = join(root, "later");
  mkdirSync(later);
  writeFileSync(join(later, "hostile-2.json"), JSON.stringify({ ...hostileItem, version: "2", versioncreated: "2013-09-02T19:00:00+04:00" }));
  // The agency's id again, on the next day's story about something else.
  copyFileSync(join(FIXTURES, "reused-id", "metro-under-seed-id.json"), join(later, "reused.json"));
  // A correction for a story not imported before: written, but kept a draft until it is worded.
  copyFileSync(join(FIXTURES, "ninjs", "correction.json"), join(later, "first-correction.json"));
  copyFileSync(join(FIXTURES, "ninjs", "seed-itar-tass-update.json"), join(later, "update.json"));
  copyFileSync(join(FIXTURES, "ninjs", "canceled.json"), join(later, "kill.json"));
  for (const name of ["seed-photo.jpg", "seed-photo-thumb.jpg"]) writeFileSync(join(later, name), seedPhoto);
  // The NewsML-G2 seed's next version, marked as a correction.
  const correction = readFileSync(join(FIXTURES, "newsml-g2", "seed-update.xml"), "utf8").replace('qcode="sig:update"', 'qcode="sig:correction"');
  assert.notEqual(correction, readFileSync(join(FIXTURES, "newsml-g2", "seed-update.xml"), "utf8"));
  writeFileSync(join(later, "correction.xml"), correction);

  const dry = importInto(root, [...options, "--dry-run", "--verbose", "later"]);
  assert.equal(dry.status, 0, dry.output);
  assert.match(dry.output, /\(dry run: nothing written\)$/m);
  assert.match(
    dry.output,
    /<- later\/correction\.xml \[NewsML-G2\]\n {11}published here, kept live: version 2 waits in \S+\/index\.wire-v2\.md\.txt \[WD222\]\n {11}a correction by the agency: word it for readers in corrections\.1\.text \[WD216\]\n/,
    "--verbose lists every reason under its item",
  );
  assert.deepEqual(newsroomFiles(root), before, "a dry run writes nothing");

  const updates = importInto(root, [...options, "later"]);
  assert.equal(updates.status, 0, updates.output);
  assert.match(lineFor(updates.output, "later/update.json"), /^updated {4}src\/news\/2013\/09\/02\/moscow-hopes-for-further-talks-on-denuclearization-of-2\/index\.md/);
  assert.match(lineFor(updates.output, "later/kill.json"), /^withdrawn /);
  const g2Seed = "src/news/2013/09/02/moscow-hopes-for-further-talks-on-denuclearization-of";
  assert.equal(
    lineFor(updates.output, "later/correction.xml"),
    `held       ${g2Seed}/index.md <- later/correction.xml [NewsML-G2]: published here, kept live: version 2 waits in ${g2Seed}/index.wire-v2.md.txt [WD222] (and 1 more: --verbose lists it)`,
  );
  assert.doesNotMatch(readFileSync(join(root, g2Seed, "index.md"), "utf8"), /^corrections:/m, "the published version stays live as it was");
  const waitingCorrection = readFileSync(join(root, g2Seed, "index.wire-v2.md.txt"), "utf8");
  assert.match(waitingCorrection, /^corrections:\n {2}- date: 2013-09-02T17:05:00\+04:00\n {4}text: "\[to be worded\] Itar-Tass marked this version a correction: say what was corrected\."$/m);
  assert.equal(
    lineFor(updates.output, "later/hostile-2.json"),
    "held       src/news/2013/09/02/talks-resume/index.md <- later/hostile-2.json [ninjs 1]: edited here: version 2 waits in src/news/2013/09/02/talks-resume/index.wire-v2.md.txt [WD222] (and 6 more: --verbose lists them)",
  );
  assert.equal(readFileSync(hostileStory, "utf8"), editedHostile, "the editor's words are kept");
  assert.match(
    lineFor(updates.output, "later/reused.json"),
    /^created {4}src\/news\/2013\/09\/03\/moscow-metro-opens-three-stations-on-its-southern\/index\.md <- later\/reused\.json \[ninjs 1\]: id "urn:newsml:itar-tass\.com:20130902:654321" already names another story \(src\/news\/2013\/09\/02\/moscow-hopes-for-further-talks-on-denuclearization-of-2\/index\.md\); imported beside it \[WD221\]$/,
  );
  assert.equal(
    lineFor(updates.output, "later/first-correction.json"),
    'held       src/news/2024/06/18/storm-closes-port-aurel-harbour-for-a-second/index.md <- later/first-correction.json [ninjs 3]: a correction by the agency, noting "Corrects the wind speed in the second paragraph to 110 km/h from 100 km/h.": word it for readers in corrections.1.text [WD216]',
  );
  const updated = readFileSync(join(seedFolder, "index.md"), "utf8");
  assert.match(updated, /^date: 2013-09-02T15:40:00\+04:00$/m, "an update keeps the story's date, so its address");
  assert.match(updated, /^updated: 2013-09-02T17:10:00\+04:00$/m);
  const killed = lineFor(updates.output, "later/kill.json").split(" ").find((part) => part.endsWith("index.md")) ?? "";
  const notice = readFileSync(join(root, killed), "utf8");
  assert.match(notice, /^withdrawn: 2024-03-11T11:02:00\+01:00$/m);
  assert.doesNotMatch(notice, /^(title|lead|photo|tags):/m, "no word of a withdrawn story stays in its file");
  assert.deepEqual(readdirSync(join(root, killed, "..")), ["index.md"]);

  const stale = join(root, "stale");
  mkdirSync(stale);
  copyFileSync(join(FIXTURES, "ninjs", "seed-itar-tass.json"), join(stale, "older.json"));
  for (const name of ["seed-photo.jpg", "seed-photo-thumb.jpg"]) writeFileSync(join(stale, name), seedPhoto);
  const older = importInto(root, [...options, "stale"]);
  assert.match(lineFor(older.output, "stale/older.json"), /^unchanged .*: an older version \(made 2013-09-02T15:40:00\+04:00\) than the one on file \(made 2013-09-02T17:10:00\+04:00\); skipped \[WD223\]$/);
  assert.equal(readFileSync(join(seedFolder, "index.md"), "utf8"), updated, "an older version changes nothing");

  const built = buildFixtureSite(root, "UTC", { BUILD_MOMENT: MOMENT });
  assert.equal(built.status, 0, built.output);
  assert.match(built.output, /\/index\.md:\d+: corrections\.1\.text: still the wire import's placeholder \(expected words of your own for readers; the story stays a draft until then\) \[WD124\]\n/);
  const published = readdirSync(join(root, "_site"), { recursive: true, encoding: "utf8" });
  assert.deepEqual(published.filter((name) => name.includes("wire-v2")), [], "what waits beside a story is never published");
  assert.ok(!published.some((name) => name.includes("2024/06/18/")), "nor a story whose correction is still the placeholder");
  assert.match(readFileSync(join(root, "_site", "news", "2013", "09", "02", "talks-resume.html"), "utf8"), /Talks resumed on Monday, the ministry said\./);
  const page = readFileSync(join(root, "_site", "news", "2013", "09", "02", "moscow-hopes-for-further-talks-on-denuclearization-of-2.html"), "utf8");
  // The page prints the dateline, then the agency's first words: the one the agency typed is gone.
  const opening = '<p><span class="dateline"><span>MOSCOW,</span> <span>September 2</span> <span>(Itar-Tass) -</span></span> Moscow hopes for the resumption of talks';
  const hostile = readFileSync(join(root, "_site", "news", "2013", "09", "02", "talks-resume.html"), "utf8");
  assert.match(hostile, /<h1>Talks resume<\/h1>/);
  for (const banned of [/<script(?! type="application\/ld\+json")/, /\son[a-z]+=/i, /javascript:/i, /<iframe/, /alert\(/]) {
    assert.doesNotMatch(hostile, banned, `the hostile item's page holds nothing like ${banned}`);
  }
  assert.match(hostile, /<a href="https:\/\/example\.org\/report">the report<\/a>/, "a safe link stays");
  for (const suffix of ["", "-2", "-3", "-4"]) {
    const seedPage = readFileSync(join(root, "_site", "news", "2013", "09", "02", `moscow-hopes-for-further-talks-on-denuclearization-of${suffix}.html`), "utf8");
    assert.ok(seedPage.includes(opening), `the seed from each format opens as the seed does (${suffix || "NewsML-G2"})`);
  }
  assert.match(page, /alt="Sergei Lavrov speaks to students"/);
});
