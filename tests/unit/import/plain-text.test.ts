import { test } from "node:test";
import { formatProblem } from "../../../src/lib/model/problems.ts";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import { textBodyToMarkdown } from "../../../src/lib/import/body-markdown.ts";
import { importedBody } from "../../../src/lib/import/imported-body.ts";
import { planStory } from "../../../src/lib/import/story-plan.ts";
import { readPlainText as readWithAgencies } from "../../../src/lib/import/plain-text.ts";
import type { WireItem, WireRead, WireTime } from "../../../src/lib/import/wire-item.ts";
import { AGENCIES } from "../../support/agencies.ts";

const FIXTURES = join(import.meta.dirname, "../../fixtures/wire/plain-text");
/** When the seed was filed, in Moscow: what the file's modification time would say. */
const FILED: WireTime = { local: "2013-09-02T18:05:00", offset: "+04:00" };

const readPlainText = (text: string, file: string, delivered: WireTime): WireRead => readWithAgencies(text, file, delivered, AGENCIES);
const readFixture = (name: string, delivered: WireTime = FILED): WireRead => readPlainText(readFileSync(join(FIXTURES, name), "utf8"), name, delivered);

function onlyItem(read: WireRead): WireItem {
  assert.deepEqual(read.problems, []);
  assert.equal(read.items.length, 1);
  const [item] = read.items;
  assert.ok(item);
  return item;
}

const bodyText = (item: WireItem): string => (item.body.kind === "text" ? item.body.text : assert.fail("expected a text body"));

/** The published seed story's body: what the import must come to. */
function publishedSeedBody(): string {
  const story = readFileSync(join(import.meta.dirname, "../../fixtures/newsroom/moscow-denuclearization-talks/index.md"), "utf8");
  return story.slice(story.indexOf("\n---\n") + 5).trim();
}

const SEED_HEADLINE = "Moscow hopes for further talks on denuclearization of North Korean Peninsula";
const SEED_LEAD = "Signs point that South and North Korea are looking for ways to resume contacts, Russia's Foreign Minister says";

test("reads the seed page capture: navigation and credits skipped, lead told from the dateline paragraph", () => {
  const item = onlyItem(readFixture("seed-capture.txt"));
  assert.equal(item.format, "plain text");
  assert.equal(item.path, "");
  // Its identity is its content's: agency, day and headline, the file's name playing no part.
  assert.equal(item.id, "text:tass:2013-09-02:moscow-hopes-for-further-talks-on-denuclearization-of-north-korean-peninsula");
  assert.equal(item.headline, SEED_HEADLINE);
  assert.equal(item.lead, SEED_LEAD);
  assert.equal(item.place, "MOSCOW");
  assert.equal(item.source, "Itar-Tass");
  assert.equal(item.photo, undefined);
  // The credits are of a photo wire text never brings: left out, and said so.
  assert.deepEqual(item.notes, [
    { code: 'WD210', field: '', line: 6, message: 'warning: ignored: a photo credit, "Photo EPA/ITAR-TASS": no photo comes with wire text' },
    { code: 'WD210', field: '', line: 7, message: 'warning: ignored: a photo credit, "Photo EPA/ITAR-TASS": no photo comes with wire text' },
  ]);
  assert.equal(item.status, "usable");
  // The dateline's day is the delivered day, so the delivered time of day holds.
  assert.deepEqual(item.released, FILED);
  // Wire text gives no time of its own: the version was made by its delivery.
  assert.deepEqual(item.versionTime, FILED);
  assert.ok(bodyText(item).startsWith("MOSCOW, September 2 (Itar-Tass) - Moscow hopes for the resumption"));

  const { markdown, dateline } = textBodyToMarkdown(bodyText(item), { source: item.source });
  assert.equal(markdown, publishedSeedBody());
  assert.deepEqual(dateline, { place: "MOSCOW", agency: "Itar-Tass", month: 9, day: 2 });
});

test("reads the seed as teleprinter text: ZCZC header, keyword, wrapped lines, date-time group, NNNN", () => {
  const teleprinter = onlyItem(readFixture("seed-teleprinter.txt"));
  const capture = onlyItem(readFixture("seed-capture.txt"));
  // The keyword is the slug line the identity takes; the message number is not part of it.
  assert.equal(teleprinter.id, "text:tass:2013-09-02:russia-korea");
  assert.equal(teleprinter.headline, SEED_HEADLINE);
  assert.equal(teleprinter.lead, SEED_LEAD);
  assert.equal(bodyText(teleprinter), bodyText(capture));
  // The closing "021540 SEP 13" is the item's own time, local to the agency: the delivery does not date it.
  assert.deepEqual(teleprinter.versionTime, { local: "2013-09-02T15:40:00" });
  assert.deepEqual(teleprinter.released, { local: "2013-09-02T15:40:00" });
  assert.ok(!bodyText(teleprinter).includes("SEP 13"));
});

test("a header time dates the item before the delivery does", () => {
  const item = onlyItem(readFixture("header-time.txt", { local: "2026-01-15T09:00:00", offset: "Z" }));
  assert.equal(item.id, "text:xinhua:2013-09-02:china-urges-calm-on-the-korean-peninsula");
  assert.equal(item.headline, "China urges calm on the Korean Peninsula");
  assert.equal(item.lead, undefined);
  assert.equal(item.place, "BEIJING");
  assert.equal(item.source, "Xinhua");
  assert.deepEqual(item.released, { local: "2013-09-02T18:30:00", offset: "+08:00" });
  assert.equal(
    bodyText(item),
    'BEIJING, Sept. 2 (Xinhua) -- China on Monday urged all parties concerned to keep calm and show restraint on the Korean Peninsula, a Foreign Ministry spokesman said.\n\n"Dialogue is the only way out," the spokesman told a regular news briefing.',
  );
});

test("reads a Reuters-style teleprinter item: slug skipped, byline taken, trailer left for the body's conversion", () => {
  const item = onlyItem(readFixture("reuters.txt"));
  assert.equal(item.id, "text:reuters:2013-09-02:russia-korea");
  assert.equal(item.headline, "Russia hopes North Korea nuclear talks can resume, Lavrov says");
  assert.equal(item.byline, "By Jane Doe");
  assert.equal(item.lead, undefined);
  assert.equal(item.source, "Reuters");
  assert.deepEqual(item.released, { local: "2013-09-02T11:40:00", offset: "Z" });
  assert.ok(bodyText(item).startsWith("MOSCOW, Sept 2 (Reuters) - Russia hopes six-party talks on North Korea's nuclear programme can resume"));

  const { markdown } = textBodyToMarkdown(bodyText(item), { source: item.source, byline: item.byline });
  assert.ok(markdown.startsWith("Russia hopes six-party talks"));
  assert.ok(markdown.endsWith('"The situation has slightly calmed down now," Lavrov told students at a Moscow university.'));
});

test("a Reuters note to editors above the dateline is no lead: it heads the body, whose conversion takes it off", () => {
  const item = onlyItem(readFixture("reuters-update.txt"));
  // Reuters' mark of a new version is for desks: the story is the same one, updated in place.
  assert.equal(item.headline, "Storm shuts harbour, grounds ferries on the coast");
  assert.equal(item.correction, false);
  assert.deepEqual(item.notes?.[0], { code: "WD210", field: "headline", line: 2, message: 'warning: ignored: "UPDATE 1-" taken off the headline: the agency\'s mark of a new version' });
  assert.equal(item.lead, undefined);
  assert.equal(item.place, "OSLO");
  assert.equal(item.source, "Reuters");
  assert.ok(bodyText(item).startsWith("(Adds ferry operator's comment)\n\nOSLO, March 4 (Reuters) - A storm shut the harbour"));
  const { markdown, editorsNotes } = textBodyToMarkdown(bodyText(item), { source: item.source });
  assert.ok(markdown.startsWith("A storm shut the harbour"));
  assert.deepEqual(editorsNotes, ["(Adds ferry operator's comment)"]);
});

test("a Reuters correction: (CORRECTED) in the slug line or a CORRECTED- headline marks it, and the mark is taken off the headline", () => {
  const item = onlyItem(readFixture("reuters-corrected.txt"));
  assert.equal(item.correction, true);
  assert.equal(item.headline, "Storm shuts harbour, grounds ferries on the coast");
  assert.equal(item.id, onlyItem(readFixture("reuters-update.txt")).id, "the same story as the version it corrects");
  assert.deepEqual(item.notes?.[0], { line: 2, field: "headline", message: 'warning: ignored: "CORRECTED-" taken off the headline: the agency\'s mark of a correction', code: "WD210" });
  const slugOnly = readFileSync(join(FIXTURES, "reuters-corrected.txt"), "utf8").replace("CORRECTED-Storm", "Storm");
  const bySlug = onlyItem(readPlainText(slugOnly, "slug.txt", FILED));
  assert.deepEqual([bySlug.correction, bySlug.notes?.some(({ field }) => field === "headline")], [true, false]);
  assert.equal(onlyItem(readFixture("reuters-update.txt")).correction, false);
});

/** A one-paragraph item datelined `day`, delivered at `delivered`. */
const datedItem = (day: string, delivered: WireTime): WireRead =>
  readPlainText(`Headline\n\nMOSCOW, ${day} (Reuters) - Story.\n`, "dated.txt", delivered);

test("dates the item by the dateline's day, in the year the delivery gives, at the delivery's time of day on an earlier day", () => {
  const cases: [string, WireTime, WireTime][] = [
    ["September 2", { local: "2013-09-02T23:30:00", offset: "+04:00" }, { local: "2013-09-02T23:30:00", offset: "+04:00" }],
    // Delivered after midnight: the dateline's day at the delivery's time of day, read at the dateline, so never after the delivery.
    ["September 2", { local: "2013-09-03T00:10:00", offset: "+04:00" }, { local: "2013-09-02T00:10:00" }],
    ["December 31", { local: "2014-01-01T00:05:00", offset: "Z" }, { local: "2013-12-31T00:05:00" }],
    ["Sept 2", { local: "2014-03-01T12:00:00", offset: "Z" }, { local: "2013-09-02T12:00:00" }],
    ["Feb 29", { local: "2013-03-01T12:00:00", offset: "Z" }, { local: "2012-02-29T12:00:00" }],
    // Advance copy: a day in the coming week is this year's, or next year's across New Year; the day alone.
    ["Sept 5", { local: "2013-09-02T12:00:00", offset: "Z" }, { local: "2013-09-05" }],
    ["Jan 2", { local: "2013-12-30T12:00:00", offset: "Z" }, { local: "2014-01-02" }],
  ];
  for (const [day, delivered, released] of cases) {
    assert.deepEqual(onlyItem(datedItem(day, delivered)).released, released, `${day} delivered ${delivered.local}`);
  }
  // No day in the dateline: the delivery is the release.
  const undated = onlyItem(readPlainText("Headline\n\nNEW YORK (AP) — Story.", "undated.txt", FILED));
  assert.deepEqual(undated.released, FILED);
});

test("a dateline day no year near the delivery has is a problem at its line", () => {
  const read = datedItem("Feb 29", { local: "2014-06-01T12:00:00", offset: "Z" });
  assert.deepEqual(read.items, []);
  assert.deepEqual(read.problems, []);
  const [refused] = read.refused ?? [];
  assert.equal(refused?.problems.length, 1);
  const [undated] = refused?.problems ?? [];
  assert.deepEqual([undated?.line, undated?.field, undated?.code], [3, "dateline", "WD208"]);
  assert.match(undated?.message ?? "", /--02-29.*2014-06-01T12:00:00Z/);
  // Refused, it is read on all the same, so the importer checks the rest of it (its place's zone) in this run too.
  assert.deepEqual([refused?.found.headline, refused?.found.place, refused?.found.id], ["Headline", "MOSCOW", undefined]);
});

test("strips teleprinter controls and reads every line ending", () => {
  const text = "\u0001ZCZC\r\r\nTAS0126 3 POL 0050\r\r\n\u0002Headline\r\r\n\r\r\nMOSCOW, September 2 (Itar-Tass) - First\rline.\u0007\r\n\r\nSecond.\u0003\r\nNNNN\u0004";
  const item = onlyItem(readPlainText(text, "controls.txt", FILED));
  assert.equal(item.id, "text:tass:2013-09-02:headline");
  assert.equal(item.headline, "Headline");
  assert.equal(bodyText(item), "MOSCOW, September 2 (Itar-Tass) - First line.\n\nSecond.");
});

test("without a dateline, every paragraph after the headline is story", () => {
  const item = onlyItem(readPlainText("Headline\nMoscow (the capital) - said officials.\n\nSecond paragraph.", "story.txt", FILED));
  assert.equal(item.lead, undefined);
  assert.equal(item.place, undefined);
  assert.equal(item.source, undefined);
  assert.equal(bodyText(item), "Moscow (the capital) - said officials.\n\nSecond paragraph.");
});

test("reads every message of a file, each at its ZCZC line, and reports text outside them", () => {
  const text = [
    "ZCZC",
    "First headline",
    "MOSCOW, September 2 (Itar-Tass) - One.",
    "NNNN",
    "stray words",
    "ZCZC",
    "Second headline",
    "MOSCOW, September 2 (Itar-Tass) - Two.",
    "NNNN",
  ].join("\n");
  const read = readPlainText(text, "feed/day.txt", FILED);
  assert.deepEqual(
    read.items.map((item) => [item.path, item.id, item.headline]),
    [
      ["line 1", "text:tass:2013-09-02:first-headline", "First headline"],
      ["line 6", "text:tass:2013-09-02:second-headline", "Second headline"],
    ],
  );
  assert.deepEqual(read.problems, [
    { file: "feed/day.txt", line: 5, field: "", message: "text outside the story (expected every story between a ZCZC line and an NNNN line)", code: "WD212" },
  ]);
});

test("reports a file with no headline, no story, a cut-off message, no text or not text at all", () => {
  const problemsOf = (read: WireRead): string[] => {
    assert.deepEqual(read.items, []);
    return read.problems.map(formatProblem);
  };
  assert.deepEqual(problemsOf(readFixture("no-headline.txt")), ["no-headline.txt:1: headline: missing (expected a headline line, then the story's paragraphs) [WD206]"]);
  assert.deepEqual(problemsOf(readFixture("no-body.txt")), [
    `no-body.txt:3: body: missing after the headline "${SEED_HEADLINE}" (expected the story's paragraphs after the headline) [WD206]`,
  ]);
  assert.deepEqual(problemsOf(readFixture("cut-off.txt")), [
    "cut-off.txt:1: ZCZC opens a message that no NNNN closes (expected NNNN after the story: the message may have been cut off) [WD212]",
  ]);
  assert.deepEqual(problemsOf(readPlainText(" \n\n", "blank.txt", FILED)), ["blank.txt: is empty (expected wire text: a headline line, then the story's paragraphs) [WD212]"]);
  assert.deepEqual(problemsOf(readPlainText("\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR", "photo.txt", FILED)), [
    "photo.txt:3: has a NUL byte: this is not a text file (expected wire text: a headline line, then the story's paragraphs) [WD212]",
  ]);
  const read = readFixture("no-headline.txt");
  assert.equal(read.problems[0]?.file, "no-headline.txt");
});

test("a dateline naming an agency of several words gives the item its place and source, as the settings spell it", () => {
  const delivered: WireTime = { local: "2026-12-05T18:00:00", offset: "Z" };
  const cases: [string, string, string][] = [
    ["NAIROBI, Dec 5 (Kyodo News) - Floods closed roads.", "NAIROBI", "Kyodo News"],
    ["NEW DELHI, Dec 5 (PRESS TRUST OF INDIA) - Floods closed roads.", "NEW DELHI", "Press Trust of India"],
    ["ANKARA, Dec 5 (Anadolu Agency) - Floods closed roads.", "ANKARA", "Anadolu Agency"],
    ["ANKARA, Dec 5 (AA) - Floods closed roads.", "ANKARA", "AA"],
    ["MOSCOW, Dec 5. /ITAR-TASS/. Floods closed roads.", "MOSCOW", "Itar-Tass"],
  ];
  for (const [dateline, place, source] of cases) {
    const item = onlyItem(readPlainText(`Floods close roads\n\nRoads were shut across the region.\n\n${dateline}\n\nMore rain is due.`, "floods.txt", delivered));
    assert.deepEqual([item.place, item.source, item.lead], [place, source, "Roads were shut across the region."], dateline);
    assert.deepEqual(item.released, delivered);
    // The body's conversion takes the dateline off by the same list.
    const { markdown, dateline: taken } = textBodyToMarkdown(bodyText(item), { source: item.source, agencies: AGENCIES });
    assert.equal(markdown, "Floods closed roads.\n\nMore rain is due.", dateline);
    assert.deepEqual(taken && [taken.place, taken.agency], [place, source]);
  }
  // An agency the settings do not list leaves the item without place or source, its dateline in the body.
  const unlisted = onlyItem(readPlainText("Floods close roads\n\nNAIROBI, Dec 5 (Kenya News Agency) - Floods closed roads.", "floods.txt", delivered));
  assert.deepEqual([unlisted.place, unlisted.source], [undefined, undefined]);
  assert.deepEqual(unlisted.notes, [
    { code: 'WD229', field: 'dateline', line: 3, message: 'warning: opens like a dateline, but "Kenya News Agency" is no agency the settings list (expected one of agencies in _data/site.ts: add it there to read the dateline)' },
  ]);
  const afterLead = onlyItem(readPlainText("Floods close roads\n\nRoads were shut.\n\nNAIROBI, Dec 5 (Kenya News Agency) - Floods closed roads.", "floods.txt", delivered));
  assert.deepEqual(afterLead.notes, [
    { code: 'WD229', field: 'dateline', line: 5, message: 'warning: opens like a dateline, but "Kenya News Agency" is no agency the settings list (expected one of agencies in _data/site.ts: add it there to read the dateline)' },
  ]);
});

test("an item's identity is its agency, day and slug line or headline, never its file's name", () => {
  const today: WireTime = { local: "2026-12-05T18:00:00", offset: "Z" };
  const tomorrow: WireTime = { local: "2026-12-06T18:00:00", offset: "Z" };
  const idOf = (text: string, file: string, delivered: WireTime): string => onlyItem(readPlainText(text, file, delivered)).id;
  const floods = "Floods close roads\n\nNAIROBI, Dec 5 (Kyodo News) - Roads were shut.";
  const fire = "Fire at the port\n\nMOMBASA, Dec 6 (Kyodo News) - A fire broke out.";
  // The drop's 0002.txt of two days: two stories.
  assert.equal(idOf(floods, "drop/0002.txt", today), "text:kyodo-news:2026-12-05:floods-close-roads");
  assert.equal(idOf(fire, "drop/0002.txt", tomorrow), "text:kyodo-news:2026-12-06:fire-at-the-port");
  // The same story in another file, or delivered again the next day, is the same item: its dateline dates it.
  assert.equal(idOf(`${floods}\n\nMore rain is due.`, "drop/0007.txt", tomorrow), "text:kyodo-news:2026-12-05:floods-close-roads");
  // Any of the agency's names gives the one identity; the headline is compared as words.
  assert.equal(idOf("FLOODS CLOSE ROADS!\n\nNAIROBI, Dec 5 (KYODO) - Roads were shut.", "a.txt", today), "text:kyodo-news:2026-12-05:floods-close-roads");
  // A slug line is the identity over the headline, whatever version marks it carries.
  const slugged = (slug: string, headline: string) => idOf(`${slug}\n${headline}\n\nNAIROBI, Dec 5 (Reuters) - Roads were shut.`, "r.txt", today);
  assert.equal(slugged("KENYA-FLOODS/", "Floods close roads"), "text:reuters:2026-12-05:kenya-floods");
  assert.equal(slugged("KENYA-FLOODS/ (UPDATE 1)", "Floods close roads, rain to last"), "text:reuters:2026-12-05:kenya-floods");
  assert.equal(slugged("BC-Kenya-Floods,0450", "Floods close roads"), "text:reuters:2026-12-05:kenya-floods");
  // With no dateline: no agency, and the day it was delivered.
  assert.equal(idOf("Floods close roads\n\nRoads were shut.", "n.txt", today), "text:no-agency:2026-12-05:floods-close-roads");
  // A headline with nothing to spell in ASCII is told by its hash; a long one by its first words.
  assert.match(idOf("🌧️🌊\n\nNAIROBI, Dec 5 (Kyodo News) - Roads were shut.", "e.txt", today), /^text:kyodo-news:2026-12-05:[0-9a-f]{16}$/);
  const long = idOf(`${"Floods ".repeat(30)}close roads\n\nNAIROBI, Dec 5 (Kyodo News) - Roads were shut.`, "l.txt", today);
  assert.equal(long, `text:kyodo-news:2026-12-05:${Array(11).fill("floods").join("-")}`);
});

test("an item dated by its dateline's day rather than the delivery's says so on its line", () => {
  const late = onlyItem(readPlainText("Floods close roads\n\nNAIROBI, Dec 5 (Kyodo News) - Roads were shut.", "0002.txt", { local: "2026-12-06T07:45:00", offset: "Z" }));
  assert.deepEqual(late.released, { local: "2026-12-05T07:45:00" });
  assert.deepEqual(late.notes, [{ code: 'WD227', field: 'dateline', line: 3, message: 'dated 2026-12-05 by its dateline ("NAIROBI, Dec 5"); delivered 2026-12-06' }]);
  const russian = onlyItem(readPlainText("Заголовок\n\nМОСКВА, 5 декабря. /ТАСС/. Текст.", "ru.txt", { local: "2026-12-07T09:00:00", offset: "+03:00" }));
  assert.deepEqual(russian.notes, [{ code: 'WD227', field: 'dateline', line: 3, message: 'dated 2026-12-05 by its dateline ("МОСКВА, 5 декабря"); delivered 2026-12-07' }]);
  const timed = onlyItem(readPlainText("2026-12-06T01:00:00+03:00\nFloods close roads\n\nNAIROBI, Dec 5 (Kyodo News) - Roads were shut.", "t.txt", { local: "2026-12-06T07:45:00", offset: "Z" }));
  assert.deepEqual(timed.notes, [{ code: 'WD227', field: 'dateline', line: 4, message: 'dated 2026-12-05 by its dateline ("NAIROBI, Dec 5"); its header time is 2026-12-06T01:00:00+03:00' }]);
  // On the delivery's own day, nothing to say.
  assert.equal(onlyItem(readPlainText("Floods close roads\n\nNAIROBI, Dec 5 (Kyodo News) - Roads were shut.", "0002.txt", { local: "2026-12-05T19:00:00", offset: "Z" })).notes, undefined);
});

test("the delivery's day is told at the dateline's place: the agency's day is kept, and a day read otherwise says so", () => {
  const zones: Readonly<Record<string, string>> = { SYDNEY: "Australia/Sydney", TOKYO: "Asia/Tokyo", HONOLULU: "Pacific/Honolulu" };
  const read = (text: string, delivered: WireTime): WireItem => onlyItem(readWithAgencies(text, "h.txt", delivered, AGENCIES, (place) => zones[place]));
  const evening: WireTime = { local: "2026-12-06T20:30:00", offset: "Z" };
  // 20:30Z on December 6 is 07:30 on December 7 in Sydney: the agency's December 6 dates it, at that time of day there, and says so.
  const sydney = read("Sydney evening story\n\nSYDNEY, Dec 6 (AP) - Late on Sunday evening, police said.", evening);
  assert.deepEqual(sydney.released, { local: "2026-12-06T07:30:00", offset: "+11:00" });
  assert.equal(sydney.id, "text:associated-press:2026-12-06:sydney-evening-story");
  assert.deepEqual(sydney.notes, [{ code: "WD227", field: "dateline", line: 3, message: 'dated 2026-12-06 by its dateline ("SYDNEY, Dec 6"); delivered 2026-12-07 at the dateline (2026-12-06T20:30:00Z)' }]);
  // December 7 in Tokyo is that delivery's own day there: the delivery dates it, with nothing to say, and the id names the agency's day.
  const tokyo = read("Tokyo morning markets open\n\nTOKYO, Dec 7 (Kyodo) - The Nikkei opened higher.", evening);
  assert.deepEqual(tokyo.released, evening);
  assert.equal(tokyo.notes, undefined);
  assert.equal(tokyo.id, "text:kyodo-news:2026-12-07:tokyo-morning-markets-open");
  // 15:00Z is midnight in Tokyo: a December 6 story is a day behind there, and keeps its day.
  const closing = read("Stocks close higher\n\nTOKYO, Dec 6 (Kyodo) - The Nikkei rose.", { local: "2026-12-06T15:00:00", offset: "Z" });
  assert.deepEqual(closing.released, { local: "2026-12-06T00:00:00", offset: "+09:00" });
  assert.equal(closing.id, "text:kyodo-news:2026-12-06:stocks-close-higher");
  // Honolulu's December 6 is still that day at 20:30Z.
  assert.deepEqual(read("Honolulu story\n\nHONOLULU, Dec 6 (AP) - Sunday night news.", evening).released, evening);
  // A place no zone is known for is counted at the delivery's own offset, as before.
  assert.deepEqual(read("Nairobi story\n\nNAIROBI, Dec 6 (AP) - News.", evening).released, evening);
});

test("reads dpa's IPTC 7901 layout: keyword after a blank line, the desk's notes left out and named, the closing GMT time", () => {
  const item = onlyItem(readFixture("dpa-7901.txt", { local: "2024-03-12T10:30:00", offset: "Z" }));
  assert.equal(item.headline, "Rail strike halts most long-distance trains in Germany");
  assert.equal(item.id, "text:dpa:2024-03-12:germany-rail");
  assert.equal(item.place, "Frankfurt");
  assert.equal(item.source, "dpa");
  // "120915 GMT Mar 24": the item's own time, 12 March 2024 at 09:15 GMT.
  assert.deepEqual(item.versionTime, { local: "2024-03-12T09:15:00", offset: "Z" });
  assert.equal(
    bodyText(item),
    "Frankfurt (dpa) - Most long-distance trains in Germany stood still on Tuesday as train drivers walked out in a dispute over working hours, the national rail operator said.\n\n" +
      "Regional services ran on emergency timetables, and the operator advised travellers to postpone journeys that were not essential.",
  );
  assert.deepEqual(item.notes, [
    { field: "date", line: 24, message: 'the item\'s time is 2024-03-12T09:15:00Z, read from its closing time line "120915 GMT Mar 24" (day, hour and minute, then month and year)', code: "WD237" },
    { field: "body", line: 22, message: 'warning: ignored: "dpa ab cd": the initials of the agency\'s editors who handled the story, not story text', code: "WD210" },
    { field: "body", line: 13, message: 'warning: ignored: lines 13–20, the agency\'s notes from "The following information is not for publication": not for publication', code: "WD210" },
  ]);
  const { markdown } = textBodyToMarkdown(bodyText(item), { source: item.source });
  assert.ok(markdown.startsWith("Most long-distance trains"), markdown);
});

test("dpa's closing time line is 7901's date-time group, GMT or not: day, hour, minute, then month and two-digit year", () => {
  // Delivered years later: the line, not the delivery, gives the year.
  const item = onlyItem(readFixture("dpa-gmt-time.txt", { local: "2026-11-13T20:00:00", offset: "Z" }));
  assert.deepEqual(item.versionTime, { local: "2013-11-13T11:37:00", offset: "Z" });
  assert.deepEqual(item.released, { local: "2013-11-13T11:37:00", offset: "Z" });
  assert.equal(item.id, "text:dpa:2013-11-13:germany-politics");
  assert.deepEqual(item.notes?.find((note) => note.code === "WD237"), {
    line: 22,
    field: "date",
    message: 'the item\'s time is 2013-11-13T11:37:00Z, read from its closing time line "131137 GMT Nov 13" (day, hour and minute, then month and year)',
    code: "WD237",
  });
  const delivered: WireTime = { local: "2026-11-25T08:00:00", offset: "Z" };
  const read = (closing: string): WireItem => onlyItem(readPlainText(`Headline\n\nBerlin (dpa) - Text.\n\n${closing}\n`, "inline.txt", delivered));
  // Without GMT, the same order, at the agency's own time of day.
  assert.deepEqual(read("211259 Nov 18").versionTime, { local: "2018-11-21T12:59:00" });
  assert.deepEqual(read("212101 GMT Nov 18").versionTime, { local: "2018-11-21T21:01:00", offset: "Z" });
  // dpa's system writes some months in German.
  assert.deepEqual(read("071341 GMT Okt 15").versionTime, { local: "2015-10-07T13:41:00", offset: "Z" });
});

test("a closing time line that cannot be read is left out with a line saying what dates the item instead", () => {
  const delivered: WireTime = { local: "2026-11-25T08:00:00", offset: "Z" };
  for (const closing of ["071341 GMT Okz 15", "321200 GMT Nov 18", "212501 GMT Nov 18"]) {
    const item = onlyItem(readPlainText(`Headline\n\nBerlin (dpa) - Text.\n\n${closing}\n`, "inline.txt", delivered));
    assert.deepEqual(item.versionTime, delivered, closing);
    assert.equal(bodyText(item), "Berlin (dpa) - Text.");
    assert.deepEqual(item.notes, [
      {
        line: 5,
        field: "date",
        message: `warning: the closing time line "${closing}" could not be read, and is left out: the item is dated by its delivery (2026-11-25T08:00:00Z) (expected day, hour and minute, then month and year, as in "131137 GMT Nov 13" for 13 November 2013, 11:37 GMT)`,
        code: "WD238",
      },
    ]);
  }
});

test("reads dpa's English service: flags and slug line are no headline, the byline and a partner's dateline are read, the desk's matter is left out and named", () => {
  const item = onlyItem(readFixture("dpa-english-service.txt", { local: "2018-11-21T22:00:00", offset: "Z" }));
  assert.equal(item.headline, "Ferry line returns to the harbour, but not for long");
  assert.equal(item.byline, "By Jane Example, The Harbour Gazette");
  assert.equal(item.lead, undefined);
  assert.deepEqual([item.place, item.source], ["Port Town", "dpa"]);
  // The slug line, spaces and all, names the story.
  assert.equal(item.id, "text:dpa:2018-11-21:harbour-ferries-port-town");
  assert.equal(bodyText(item), "Port Town (hgz/dpa) - The old ferry line came back to the harbour on Monday night, its owners said.\n\nIt will sail until the end of the month.");
  assert.deepEqual(
    item.notes?.filter((note) => note.code === "WD210"),
    [
      { field: "headline", line: 4, message: 'warning: ignored: "EXTRA": the agency\'s flag above the headline (its priority, version or a notice), not the headline', code: "WD210" },
      { field: "headline", line: 5, message: 'warning: ignored: "1ST LEAD": the agency\'s flag above the headline (its priority, version or a notice), not the headline', code: "WD210" },
      { field: "body", line: 29, message: 'warning: ignored: "dpa hgz ab": the initials of the agency\'s editors who handled the story, not story text', code: "WD210" },
      {
        field: "body",
        line: 14,
        message: 'warning: ignored: lines 14–20, the agency\'s notebook for the desk, not story text: "Note to editors", "(c)2018 The Harbour Gazette", "Internet links", "[Ferry timetable](http://example.com/ferry)"',
        code: "WD210",
      },
      { field: "body", line: 22, message: 'warning: ignored: lines 22–27, the agency\'s notes from "The following information is not intended for publication": not for publication', code: "WD210" },
    ],
  );
  // The body's conversion takes the partner's dateline off, as the page prints it from the fields.
  const { markdown } = textBodyToMarkdown(bodyText(item), { source: item.source, agencies: AGENCIES });
  assert.ok(markdown.startsWith("The old ferry line"), markdown);
});

test("a headline and its wrapped line before the \"=\" are one headline; a one-line title keeps its words", () => {
  const read = (title: string): WireItem => onlyItem(readPlainText(`${title}\n\nBerlin (dpa) - Text.\n`, "inline.txt", FILED));
  assert.equal(read("Talks resume in Berlin\nafter a long pause =").headline, "Talks resume in Berlin after a long pause");
  assert.equal(read("UN TALKS RESUME =").headline, "UN TALKS RESUME");
  assert.equal(read("Talks resume").headline, "Talks resume");
});

test("a sentence saying something is not for publication stays in the story", () => {
  const item = onlyItem(readPlainText("Headline\n\nMOSCOW, Sept 2 (Reuters) - The minister said the figures were\nnot for publication.\n\nHe left.\n", "inline.txt", FILED));
  assert.equal(bodyText(item), "MOSCOW, Sept 2 (Reuters) - The minister said the figures were not for publication.\n\nHe left.");
  assert.equal(item.notes, undefined);
});

test("a Reuters story opening with the agency alone names its source; it is held for the place it does not name", () => {
  const item = onlyItem(readFixture("reuters-no-place.txt", { local: "2026-12-07T10:00:00", offset: "Z" }));
  assert.deepEqual([item.place, item.source, item.byline, item.lead], [undefined, "Reuters", "By Ann Smith and Bo Li", undefined]);
  assert.equal(item.id, "text:reuters:2026-12-07:global-markets");
  const body = importedBody(item, { agencies: AGENCIES, datelinePlaces: {} });
  // Only at the very start: the agency in parentheses later in the text is the text's.
  assert.equal(body.markdown, "Global stocks edged higher on Monday as investors awaited the Federal Reserve's decision on interest rates.\n\nOil prices (Reuters) - a measure traders watch - held steady.");
  const plan = planStory(item, { body, datelinePlaces: places, siteLanguage: "en", agencies: AGENCIES, withoutLead: "publish" });
  assert.ok(plan.ok);
  assert.equal(plan.plan.fields["source"], "Reuters");
  assert.deepEqual(plan.plan.fields["by"], ["Ann Smith", "Bo Li"]);
  assert.deepEqual(plan.plan.held, [{ field: "", message: "needs a dateline: the item names no place", code: "WD216" }]);
});

test("a paragraph before one opening with the agency alone is the lead; an agency the settings do not list is named", () => {
  const delivered: WireTime = { local: "2026-12-05T18:00:00", offset: "Z" };
  const item = onlyItem(readPlainText("Floods close roads\n\nRoads were shut across the region.\n\n(AP) — Floods closed roads.", "floods.txt", delivered));
  assert.deepEqual([item.place, item.source, item.lead], [undefined, "AP", "Roads were shut across the region."]);
  const unlisted = onlyItem(readPlainText("Floods close roads\n\n(Bloomberg) - Floods closed roads.", "floods.txt", delivered));
  assert.deepEqual([unlisted.place, unlisted.source], [undefined, undefined]);
  assert.deepEqual(unlisted.notes, [
    { code: "WD229", field: "dateline", line: 3, message: 'warning: opens like a dateline, but "Bloomberg" is no agency the settings list (expected one of agencies in _data/site.ts: add it there to read the dateline)' },
  ]);
});

test("wire text laid out as the teleprinter sends it, no blank line between paragraphs: a paragraph at each indented line", () => {
  const item = onlyItem(readFixture("reuters-indented.txt", { local: "2024-12-05T16:00:00", offset: "Z" }));
  assert.deepEqual([item.place, item.source, item.lead], ["NAIROBI", "Reuters", undefined]);
  // Four spaces, or a tab, open a paragraph; the lines after each, not indented, are its own, wrapped.
  assert.deepEqual(bodyText(item).split("\n\n"), [
    "NAIROBI, Dec 5 (Reuters) - Floods closed main roads in western Kenya on Thursday after two days of heavy rain, the Kenya National Highways Authority said.",
    "More than 2,000 people have left their homes, the Red Cross said.",
    '"We are asking motorists to avoid the Kisumu highway," the authority said in a statement.',
    "Forecasters expect more rain next week.",
  ]);
  const { markdown } = textBodyToMarkdown(bodyText(item), { source: item.source });
  assert.equal(markdown.split("\n\n").length, 4);
  // Lines wrapped at a fixed width with no indent stay one paragraph.
  assert.ok(bodyText(onlyItem(readFixture("reuters.txt"))).includes("North Korea's nuclear programme can resume now that tension on the peninsula has eased"));
  const wrapped = onlyItem(readPlainText("Headline\n\nMOSCOW, Sept 2 (Reuters) - The minister said the talks\ncould resume this year.\nHe gave no date.\n", "inline.txt", FILED));
  assert.equal(bodyText(wrapped), "MOSCOW, Sept 2 (Reuters) - The minister said the talks could resume this year. He gave no date.");
  // An indent every line shares is a margin: the paragraphs are its blank lines' and its deeper indents'.
  const margin = onlyItem(
    readPlainText(
      "Headline\n\n     MOSCOW, Sept 2 (Reuters) - The minister said the talks\n     could resume this year.\n\n     He gave no date.\n        Officials declined to comment.\n",
      "inline.txt",
      FILED,
    ),
  );
  assert.deepEqual(bodyText(margin).split("\n\n"), ["MOSCOW, Sept 2 (Reuters) - The minister said the talks could resume this year.", "He gave no date.", "Officials declined to comment."]);
});

test("a text of very many lines is read, not stopped by a call given too many arguments", () => {
  const text = `Headline\n\nNAIROBI, Dec 5 (Reuters) - Floods closed roads.\n${"    More rain fell.\n".repeat(200_000)}`;
  const read = readPlainText(text, "long.txt", FILED);
  assert.equal(read.items.length + (read.refused?.length ?? 0), 1);
  // And a table of very many rows, kept as one block of columns.
  const table = readPlainText(`Headline\n\nNAIROBI, Dec 5 (Reuters) - Results.\n\n${"1 Arsenal   38  28\n".repeat(200_000)}`, "table.txt", FILED);
  assert.equal(table.items.length + (table.refused?.length ?? 0), 1);
});

test("lines of columns (results, standings) are kept as laid out, in a block of fixed-width text the import's line names", () => {
  const item = onlyItem(readFixture("reuters-results.txt", { local: "2024-05-20T08:00:00", offset: "Z" }));
  const body = importedBody(item, { agencies: AGENCIES, datelinePlaces: {} });
  assert.equal(
    body.markdown,
    [
      "Results of English Premier League matches on Sunday:",
      "```\nArsenal         2 Everton          1\nChelsea         2 Bournemouth      1\nLiverpool       2 Wolverhampton    0\n```",
      "Standings (P W D L F A Pts):",
      "```\n1 Manchester City  38 28  7  3 96 34 91\n2 Arsenal          38 28  5  5 91 29 89\n3 Liverpool        38 24 10  4 86 41 82\n```",
    ].join("\n\n"),
  );
  const plan = planStory(item, { body, datelinePlaces: places, siteLanguage: "en", agencies: AGENCIES, withoutLead: "publish" });
  assert.ok(plan.ok);
  assert.deepEqual(
    plan.plan.leftOut?.filter(({ code }) => code === "WD240").map((note) => formatProblem({ file: item.file, ...note })),
    [
      'reuters-results.txt: body: 3 lines of columns ("Arsenal         2 Everton          1" and 2 more) kept as typed, in a block of fixed-width text: run into a paragraph, their figures would read as one [WD240]',
      'reuters-results.txt: body: 3 lines of columns ("1 Manchester City  38 28  7  3 96 34 91" and 2 more) kept as typed, in a block of fixed-width text: run into a paragraph, their figures would read as one [WD240]',
    ],
  );
  // Two spaces after a sentence, as typists set them, make no columns.
  const typist = onlyItem(readPlainText("Headline\n\nMOSCOW, Sept 2 (Reuters) - The talks ended.  The minister\nleft at noon.  He said nothing to the waiting\nreporters.\n", "inline.txt", FILED));
  assert.equal(importedBody(typist, { agencies: AGENCIES, datelinePlaces: {} }).columns, undefined);
});

test("a byline typed directly above the dateline, no blank line between, is the byline, and the dateline's place is the place", () => {
  const item = onlyItem(readFixture("reuters-byline-above-dateline.txt", { local: "2024-12-05T16:00:00", offset: "Z" }));
  assert.deepEqual([item.byline, item.place, item.source, item.lead], ["By Tendai Moyo", "HARARE", "Reuters", undefined]);
  assert.deepEqual(bodyText(item).split("\n\n"), [
    "HARARE, July 29 (Reuters) - Cash-strapped StarAfrica Corporation is set to dispose of its transport company for $6 million, it said on Monday.",
    "The company owes $19.7 million to banks.",
  ]);
});

/** Reuters' kill of reuters-indented.txt, delivered the day the story ran. */
const KILL_DELIVERED: WireTime = { local: "2024-12-05T19:00:00", offset: "Z" };

test("a kill notice by its slug line's (KILL) and its headline's KILL- is a withdrawal of the story its slug line names", () => {
  const story = onlyItem(readFixture("reuters-indented.txt", { local: "2024-12-05T18:00:00", offset: "Z" }));
  const kill = onlyItem(readFixture("reuters-kill.txt", KILL_DELIVERED));
  assert.equal(kill.status, "canceled");
  // The story's own id but for the agency, which a kill with no dateline does not name (the import finds it by day and slug).
  assert.equal(story.id, "text:reuters:2024-12-05:kenya-floods");
  assert.equal(kill.id, "text:no-agency:2024-12-05:kenya-floods");
  assert.equal(kill.headline, "");
  assert.deepEqual(kill.body, { kind: "text", text: "" });
  assert.deepEqual(kill.versionTime, KILL_DELIVERED);
  assert.deepEqual(kill.notes?.map((note) => formatProblem({ file: "reuters-kill.txt", ...note })), [
    `reuters-kill.txt:2: headline: a kill notice, by its slug line's "(KILL)" and its headline's "KILL-": it withdraws the agency's story slugged "KENYA-FLOODS/" of 2024-12-05 [WD241]`,
    `reuters-kill.txt:4: body: warning: ignored: "The story headlined \\"Floods close roads in western Kenya\\" is withdrawn. It was based on a statement the Highways Authority has since retracted. There will be no substitute story.": the agency's word on its kill, for the desk, not story text [WD210]`,
  ]);
});

test("a kill notice's headline mark alone names the story by its headline, in each agency's style", () => {
  const story = onlyItem(readPlainText("Floods close roads in western Kenya\n\nNAIROBI, Dec 5 (Reuters) - Floods closed roads.\n", "story.txt", KILL_DELIVERED));
  for (const mark of ["KILL-", "KILL - ", "WITHDRAWAL-", "ELIMINATION: "]) {
    const kill = onlyItem(readPlainText(`${mark}Floods close roads in western Kenya\n\nNAIROBI, Dec 5 (Reuters) - The story is withdrawn.\n`, "kill.txt", KILL_DELIVERED));
    assert.equal(kill.status, "canceled", mark);
    // Its dateline names its agency and day: the story's very id.
    assert.equal(kill.id, story.id, mark);
    assert.equal(kill.source, "Reuters", mark);
  }
  // dpa's 7901 kill: the flag repeated above its "=", the story named by the keyword line.
  const dpa = onlyItem(readPlainText("eca0157 3 i 93  dpa 1888\nUS-Space/\nKILL KILL KILL ''''' =\n\nPlease kill item dpa 157 \"U.S. launches Mars rocket\".\n", "dpa.txt", KILL_DELIVERED));
  assert.equal(dpa.status, "canceled");
  assert.equal(dpa.id, "text:no-agency:2024-12-05:us-space");
});

test("a headline that only says kill is a story; a kill mark its text does not bear out, or that names no story, withdraws nothing", () => {
  const storm = onlyItem(readFixture("reuters-storm-kills.txt", KILL_DELIVERED));
  assert.equal(storm.status, "usable");
  assert.equal(storm.headline, "Storm kills 12 in western Kenya");
  const kill = (text: string) => readPlainText(text, "kill.txt", KILL_DELIVERED).problems.map(formatProblem);
  assert.deepEqual(kill(readFileSync(join(FIXTURES, "reuters-kill-unsaid.txt"), "utf8")), [
    `kill.txt:1: headline: opens with "KILL-", an agency's mark of a kill, but its text says nothing of a story withdrawn, killed or eliminated (expected a kill notice saying so, or its slug line marked "(KILL)"; or, for a story, a headline without the mark) [WD242]`,
  ]);
  assert.deepEqual(kill("KILL KILL KILL\n\nPlease kill the item.\n"), [
    `kill.txt:1: headline: a kill notice, by its headline's "KILL KILL KILL", that names no story (expected the killed story's slug line above it, as "KENYA-FLOODS/ (KILL)", or its headline after the mark) [WD242]`,
  ]);
});

test("dpa's hold notice, marked as its kill is, holds the story its keyword line names; a hold mark its text does not bear out holds nothing", () => {
  const hold = onlyItem(readFixture("dpa-hold.txt", KILL_DELIVERED));
  assert.equal(hold.status, "withheld");
  assert.equal(hold.hold, true);
  assert.equal(hold.id, "text:no-agency:2024-12-05:kenya-floods");
  assert.equal(hold.headline, "");
  assert.deepEqual(hold.body, { kind: "text", text: "" });
  assert.deepEqual(hold.notes?.map((note) => formatProblem({ file: "dpa-hold.txt", ...note })), [
    `dpa-hold.txt:4: headline: a hold notice, by its headline's "HOLD HOLD HOLD '''''": it holds the agency's story slugged "KENYA-FLOODS/" of 2024-12-05 [WD245]`,
    `dpa-hold.txt:6: body: warning: ignored: "Please hold item dpa 157 \\"Floods close roads in western Kenya\\" until further notice. The figures in it are being checked. dpa hw": the agency's word on its hold, for the desk, not story text [WD210]`,
  ]);
  const problems = (text: string) => readPlainText(text, "hold.txt", KILL_DELIVERED).problems.map(formatProblem);
  assert.deepEqual(problems("HOLD - Floods close roads\n\nNAIROBI, Dec 5 (Reuters) - Floods closed roads.\n"), [
    `hold.txt:1: headline: opens with "HOLD -", an agency's mark of a hold, but its text says nothing of a story held (expected a hold notice saying so, as "Please hold item dpa 157"; or, for a story, a headline without the mark) [WD245]`,
  ]);
  // The word in a story's headline is no mark, nor is a word it begins joined by a hyphen, even where the text says "held".
  assert.equal(onlyItem(readPlainText("Hold the line, union tells dockers\n\nNAIROBI, Dec 5 (Reuters) - Dockers were told to hold out.\n", "story.txt", KILL_DELIVERED)).status, "usable");
  const holdUp = onlyItem(readPlainText("HOLD-UP/\nHOLD-UP AT PARIS JEWELLER NETS 2 MLN EUROS\n\nPARIS, Dec 5 (Reuters) - Armed robbers held up a jeweller on Thursday, police said.\n", "story.txt", KILL_DELIVERED));
  assert.deepEqual([holdUp.status, holdUp.hold, holdUp.headline], ["usable", undefined, "HOLD-UP AT PARIS JEWELLER NETS 2 MLN EUROS"]);
});
