import { test } from "node:test";
import assert from "node:assert/strict";
import places from "../../../_data/datelinePlaces.json" with { type: "json" };
import { planStory, planWithdrawal, type PlanContext } from "../../../src/lib/import/story-plan.ts";
import { importedBody } from "../../../src/lib/import/imported-body.ts";
import type { WireItem } from "../../../src/lib/import/wire-item.ts";
import { rememberSpellings, type WireStory } from "../../../src/lib/import/wire-stories.ts";
import { placeholderFields } from "../../../src/lib/model/placeholders.ts";
import { AGENCIES } from "../../support/agencies.ts";

const item: WireItem = {
  file: "drop/seed.json",
  path: "",
  format: "ninjs 2",
  id: "urn:itar-tass:5c3de7ae836f4562",
  version: "1",
  versionTime: { local: "2013-09-02T15:40:00", offset: "+04:00" },
  status: "usable",
  correction: false,
  headline: "Moscow hopes for further talks on denuclearization of North Korean Peninsula",
  lead: "Signs point that South and North Korea are looking for ways to resume contacts, Russia's Foreign Minister says",
  body: { kind: "text", text: "MOSCOW, September 2 (Itar-Tass) - Moscow hopes ..." },
  source: "Itar-Tass",
  topics: ["Diplomacy", "diplomacy", "North Korea"],
};
const context: PlanContext = { body: { markdown: "Moscow hopes ...", place: "MOSCOW", agency: "Itar-Tass" }, datelinePlaces: places, siteLanguage: "en" };

test("a new item becomes a story dated when the agency released it, with its agency record", () => {
  const result = planStory(item, context);
  assert.ok(result.ok);
  assert.deepEqual(result.plan.fields, {
    title: item.headline,
    lead: item.lead,
    date: "2013-09-02T15:40:00+04:00",
    dateline: "MOSCOW",
    source: "Itar-Tass",
    tags: ["Diplomacy", "North Korea"],
    wire: { id: item.id, version: "1", versionTime: "2013-09-02T15:40:00+04:00", format: "ninjs 2" },
  });
  assert.equal(result.plan.day, "2013-09-02");
  assert.deepEqual(result.plan.held, []);
});

test("an embargo's end is the story's date, and a time without offset is read at the dateline", () => {
  const result = planStory({ ...item, embargoedUntil: { local: "2013-09-03T01:30:00" } }, context);
  assert.ok(result.ok);
  assert.equal(result.plan.fields["date"], "2013-09-03T01:30:00+04:00");
  assert.equal(result.plan.day, "2013-09-03");
});

test("a withheld item, or a photo without alt text or credit, or no lead, is held as a draft", () => {
  const result = planStory({ ...item, status: "withheld", lead: undefined }, { ...context, photo: { src: "photo.jpg", caption: "Lavrov" } });
  assert.ok(result.ok);
  assert.equal(result.plan.fields["draft"], true);
  assert.deepEqual(
    result.plan.held.map(({ message, code }) => [message, code]),
    [
      ["withheld by the agency", "WD217"],
      ["needs a lead", "WD216"],
      ["needs alt text for its photo", "WD216"],
      ["needs a credit for its photo", "WD216"],
    ],
  );
  assert.deepEqual(result.plan.fields["photo"], { src: "photo.jpg", caption: "Lavrov" });
});

test("an update keeps the story's date and corrections, and a correction adds the import's placeholder for the editor to word", () => {
  const existing: WireStory = {
    file: "src/news/2013/09/02/moscow/index.md",
    folder: "src/news/2013/09/02/moscow",
    fields: { date: "2013-09-02T15:40:00+04:00", corrections: [{ date: "2013-09-02T16:00:00+04:00", text: "An earlier fix." }] },
    body: "Moscow hopes ...",
    versionMs: Date.UTC(2013, 8, 2, 11, 40),
    changedHere: () => undefined,
  };
  const update = { ...item, version: "3", correction: true, versionTime: { local: "2013-09-02T18:05:00", offset: "+04:00" } };
  const result = planStory(update, { ...context, existing });
  assert.ok(result.ok);
  assert.equal(result.plan.fields["date"], "2013-09-02T15:40:00+04:00");
  assert.equal(result.plan.fields["updated"], "2013-09-02T18:05:00+04:00");
  assert.deepEqual(result.plan.fields["corrections"], [
    { date: "2013-09-02T16:00:00+04:00", text: "An earlier fix." },
    { date: "2013-09-02T18:05:00+04:00", text: "[to be worded] Itar-Tass marked this version a correction: say what was corrected." },
  ]);
  assert.equal(result.plan.correctionField, "corrections.1.text");
  assert.deepEqual(placeholderFields(result.plan.fields), ["corrections.1.text"], "the build's rule knows it");
});

test("an update never blanks what the agency does not send: the lead, source, place, photo, topics and the newsroom's own fields stay", () => {
  const existing: WireStory = {
    file: "src/news/2013/09/02/moscow/index.md",
    folder: "src/news/2013/09/02/moscow",
    fields: {
      title: "Moscow hopes for talks",
      lead: "The editor's lead",
      date: "2013-09-02T15:40:00+04:00",
      dateline: "MOSCOW",
      source: "Itar-Tass",
      photo: { src: "photo.jpg", alt: "Sergei Lavrov at a lectern", credit: "Photo EPA/ITAR-TASS", caption: "Lavrov on Monday" },
      tags: ["Diplomacy", "Moscow talks"],
      by: "Jane Doe",
      corrections: [{ date: "2013-09-02T16:00:00+04:00", text: "An earlier version gave the wrong day." }],
      wire: { id: item.id, version: "1", versionTime: "2013-09-02T15:40:00+04:00", format: "ninjs 2", written: "sha256:00" },
    },
    body: "Moscow hopes ...",
    versionMs: Date.UTC(2013, 8, 2, 11, 40),
    changedHere: () => undefined,
  };
  const bare = { ...item, version: "2", lead: undefined, source: undefined, topics: ["diplomacy", "Korea"], versionTime: { local: "2013-09-02T18:05:00", offset: "+04:00" } };
  const result = planStory(bare, { ...context, body: { markdown: "Moscow hopes, now more." }, existing });
  assert.ok(result.ok);
  assert.deepEqual(result.plan.held, [], "nothing is missing: the story has it");
  assert.deepEqual(result.plan.fields, {
    title: item.headline,
    lead: "The editor's lead",
    date: "2013-09-02T15:40:00+04:00",
    updated: "2013-09-02T18:05:00+04:00",
    dateline: "MOSCOW",
    source: "Itar-Tass",
    photo: { src: "photo.jpg", alt: "Sergei Lavrov at a lectern", credit: "Photo EPA/ITAR-TASS", caption: "Lavrov on Monday" },
    tags: ["Diplomacy", "Moscow talks", "Korea"],
    corrections: [{ date: "2013-09-02T16:00:00+04:00", text: "An earlier version gave the wrong day." }],
    by: "Jane Doe",
    wire: { id: item.id, version: "2", versionTime: "2013-09-02T18:05:00+04:00", format: "ninjs 2" },
  });
});

test("an item's place prints with its city in capitals, and its region only where the city alone would be read elsewhere", () => {
  const placed = (place: string) => planStory({ ...item, place }, { ...context, body: { markdown: "Text." } });
  const grosseto = placed("Grosseto, Italy");
  assert.ok(grosseto.ok);
  assert.equal(grosseto.plan.fields["dateline"], "GROSSETO, Italy", "a town the city list lacks keeps its region");
  assert.equal(grosseto.plan.fields["timezone"], undefined, "the region gives the zone");
  assert.equal(grosseto.plan.fields["date"], "2013-09-02T15:40:00+04:00");
  const oslo = placed("Oslo, Norway");
  assert.equal(oslo.ok && oslo.plan.fields["dateline"], "OSLO");
  const portland = placed("Portland, Maine");
  assert.equal(portland.ok && portland.plan.fields["dateline"], "PORTLAND, Maine", "PORTLAND alone is Oregon's");
  const typed = planStory({ ...item, place: "Oslo, Norway" }, { ...context, body: { markdown: "Text.", place: "OSLO, Norway", agency: "NTB" } });
  assert.equal(typed.ok && typed.plan.fields["dateline"], "OSLO, Norway", "the agency's own dateline is kept as it typed it");
});

test("a place without a known zone is refused unless the feed gives one", () => {
  const unknown = { ...context, body: { markdown: "Text." } };
  const result = planStory({ ...item, place: "Nowhereville" }, unknown);
  assert.ok(!result.ok);
  assert.deepEqual([result.problems[0]?.field, result.problems[0]?.code], ["dateline", "WD213"]);
  assert.match(result.problems[0]?.message ?? "", /^no time zone is known for the dateline place "NOWHEREVILLE" .*or run the import with --zone <IANA zone> for this feed\)$/);
  const zoned = planStory({ ...item, place: "Nowhereville" }, { ...unknown, defaultZone: "Asia/Almaty" });
  assert.ok(zoned.ok);
  assert.equal(zoned.plan.fields["timezone"], "Asia/Almaty");
  assert.equal(zoned.plan.fields["dateline"], "NOWHEREVILLE");
  // A place several cities share: the hint goes with what is expected, before the line for each city.
  const shared = planStory({ ...item, place: "Birmingham" }, unknown);
  assert.ok(!shared.ok);
  const [first, ...cities] = (shared.problems[0]?.message ?? "").split("\n");
  assert.match(first ?? "", /\(expected the timezone of the one you mean, or the place added to _data\/datelinePlaces\.json; or run the import with --zone <IANA zone> for this feed\); add one of these lines, largest city first:$/);
  assert.ok(cities.length >= 2 && cities.every((line) => /^ {4}timezone: \S+ +\([^()]+\)$/.test(line)), cities.join("\n"));
});

test("an item without place or agency is held as a draft for an editor to complete; one without a time is refused", () => {
  const unplaced = { ...context, body: { markdown: "Text." } };
  const held = planStory({ ...item, source: undefined }, unplaced);
  assert.ok(held.ok);
  assert.deepEqual(held.plan.held.map(({ message }) => message), ["needs a dateline: the item names no place", "needs a source: the item names no agency"]);
  assert.equal(held.plan.fields["draft"], true);
  assert.equal(held.plan.fields["dateline"], undefined);
  assert.equal(held.plan.fields["source"], undefined);
  assert.equal(held.plan.fields["date"], "2013-09-02T15:40:00+04:00", "a time with an offset needs no place to be read");
  assert.equal(held.plan.day, "2013-09-02", "the day is counted at the time's own offset");

  const late = planStory({ ...item, versionTime: { local: "2013-09-02T22:30:00", offset: "-05:00" } }, unplaced);
  assert.ok(late.ok);
  assert.equal(late.plan.day, "2013-09-02", "not the UTC day, 2013-09-03");

  const noOffset = { ...item, versionTime: { local: "2013-09-02T15:40:00" } };
  const unread = planStory(noOffset, unplaced);
  assert.ok(!unread.ok);
  assert.match(unread.problems[0]?.message ?? "", /^the item's times carry no offset and it names no place to read them at \(expected .*--zone/);
  const zoned = planStory(noOffset, { ...unplaced, defaultZone: "Europe/Berlin" });
  assert.ok(zoned.ok);
  assert.equal(zoned.plan.fields["date"], "2013-09-02T15:40:00+02:00");
  assert.equal(zoned.plan.fields["timezone"], undefined, "the feed's zone only reads the times: the dateline an editor adds gives the story's zone");

  const timeless = planStory({ ...item, versionTime: undefined }, unplaced);
  assert.ok(!timeless.ok);
  assert.deepEqual(timeless.problems.map(({ field, code }) => [field, code]), [["", "WD206"]]);
});

test("a withdrawal keeps only what holds the story's address, and who withdrew it when", () => {
  const existing: WireStory = {
    file: "f",
    folder: "d",
    fields: { title: "T", lead: "L", date: "2013-09-02T15:40:00+04:00", dateline: "MOSCOW", source: "Itar-Tass", tags: ["x"], wire: { id: item.id, version: "1", versionTime: "2013-09-02T15:40:00+04:00", format: "ninjs 2" } },
    body: "Text.",
    versionMs: 0,
    changedHere: () => undefined,
  };
  const plan = planWithdrawal({ ...item, status: "canceled", version: "2", versionTime: { local: "2013-09-03T10:00:00", offset: "+04:00" } }, existing, places);
  assert.deepEqual(plan.fields, {
    withdrawn: "2013-09-03T10:00:00+04:00",
    date: "2013-09-02T15:40:00+04:00",
    dateline: "MOSCOW",
    source: "Itar-Tass",
    wire: { id: item.id, version: "2", versionTime: "2013-09-03T10:00:00+04:00", format: "ninjs 2" },
  });
  assert.equal(plan.body, "");
});

test("markup an agency left in a headline or lead is read as text, its scripts dropped", () => {
  const result = planStory({ ...item, headline: "Talks <script>alert(1)</script><b>resume</b> &amp; go on", lead: "A lead, 3 < 4." }, context);
  assert.ok(result.ok);
  assert.equal(result.plan.fields["title"], "Talks resume & go on");
  assert.equal(result.plan.fields["lead"], "A lead, 3 < 4.");
});

test("a headline or lead its reader gave as plain text keeps every character, angle brackets and references included", () => {
  const result = planStory({ ...item, plainFields: true, headline: "Apple <AAPL.O> shares jump; Louvre reopens after <strike>", lead: "Brent <LCOc1> fell &amp; rose." }, context);
  assert.ok(result.ok);
  assert.equal(result.plan.fields["title"], "Apple <AAPL.O> shares jump; Louvre reopens after <strike>");
  assert.equal(result.plan.fields["lead"], "Brent <LCOc1> fell &amp; rose.");
  assert.equal(result.plan.leftOut, undefined, "nothing read, so nothing to say");
});

test("markup in a field that may hold it keeps the agency's codes in angle brackets, which name no HTML element", () => {
  const result = planStory({ ...item, headline: "Apple <AAPL.O> shares <b>jump</b>", lead: "Brent <LCOc1> fell; <o:p></o:p>rose." }, context);
  assert.ok(result.ok);
  assert.equal(result.plan.fields["title"], "Apple <AAPL.O> shares jump");
  assert.equal(result.plan.fields["lead"], "Brent <LCOc1> fell; rose.");
});

test("an item states its language, or takes the feed's; the site's own language is not written", () => {
  const ru = planStory({ ...item, lang: undefined }, { ...context, defaultLanguage: "ru" });
  assert.ok(ru.ok);
  assert.equal(ru.plan.fields["lang"], "ru");
  const stated = planStory({ ...item, lang: "en-GB" }, { ...context, defaultLanguage: "ru" });
  assert.ok(stated.ok);
  assert.equal(stated.plan.fields["lang"], undefined);
});

test("an item without a lead is held for one or published without, as its agency's setting, else the site's, says", () => {
  const { lead: _lead, ...leadless } = item;
  const held = (plan: ReturnType<typeof planStory>) => (plan.ok ? plan.plan.held.map(({ message }) => message) : ["refused"]);
  const agencies = [
    { name: "TASS", also: ["Itar-Tass"], withoutLead: "publish" as const },
    { name: "Reuters", also: [], withoutLead: "hold" as const },
    { name: "Kyodo News", also: [] },
  ];
  // No setting at all: held, as before agencies could say otherwise.
  assert.deepEqual(held(planStory(leadless, context)), ["needs a lead"]);
  // The agency's own entry wins over the site's rule, either way; it is found by any of its names.
  const published = planStory(leadless, { ...context, agencies, withoutLead: "hold" });
  assert.deepEqual(held(published), []);
  assert.ok(published.ok);
  assert.equal("lead" in published.plan.fields, false);
  assert.equal(published.plan.fields["draft"], undefined);
  const reuters = { ...leadless, source: "Reuters" };
  const reutersContext = { ...context, body: { ...context.body, agency: "Reuters" }, agencies, withoutLead: "publish" as const };
  assert.deepEqual(held(planStory(reuters, reutersContext)), ["needs a lead"]);
  // An agency listed without a setting, or one not listed, follows the site's.
  const kyodo = { ...leadless, source: "Kyodo News" };
  assert.deepEqual(held(planStory(kyodo, { ...reutersContext, withoutLead: "publish" })), []);
  assert.deepEqual(held(planStory(kyodo, { ...reutersContext, withoutLead: "hold" })), ["needs a lead"]);
  const ministry = { ...leadless, source: "Ministry of Energy" };
  assert.deepEqual(held(planStory(ministry, { ...context, agencies, withoutLead: "publish" })), []);
  // An item with a lead is never held for one.
  assert.deepEqual(held(planStory({ ...item, source: "Reuters" }, reutersContext)), []);
});

test("the byline becomes by: its names without By, each once, and never the agency's own, which the dateline credits", () => {
  const by = (fields: Partial<WireItem>, agencies = AGENCIES) => {
    const result = planStory({ ...item, ...fields }, { ...context, agencies });
    assert.ok(result.ok);
    return [result.plan.fields["by"], result.plan.held];
  };
  assert.deepEqual(by({ byline: "Staff reporter" }), ["Staff reporter", []]);
  assert.deepEqual(by({ byline: "By Ann Smith and Bo Li, Itar-Tass" }), [["Ann Smith", "Bo Li"], []]);
  assert.deepEqual(by({ byline: "BY ANN SMITH" }), ["ANN SMITH", []]);
  assert.deepEqual(by({ byline: "Ann Smith/Itar-Tass" }), ["Ann Smith", []]);
  // A job title beside a name is not an author, and the plan names what it left out; a byline that is only a job stays.
  const titled = planStory({ ...item, byline: "By Ann Smith, Press Association Political Correspondent" }, context);
  assert.ok(titled.ok);
  assert.deepEqual([titled.plan.fields["by"], titled.plan.leftOut], [
    "Ann Smith",
    [{ field: "byline", message: 'warning: ignored: "Press Association Political Correspondent": a job title, not a name, so not an author', code: "WD210" }],
  ]);
  assert.deepEqual(by({ byline: "By Our Foreign Correspondent" }), ["Our Foreign Correspondent", []]);
  // The desk's own words, joined, are one credit, not two people.
  assert.deepEqual(by({ byline: "Staff and agencies" }), [["Staff and agencies"], []]);
  assert.deepEqual(by({ byline: "Staff and Ann Smith" }), [["Staff", "Ann Smith"], []], "with a person beside them, each is read");
  // The desk's initials are no author either; "By" in the agency's language goes as "By" does, before a name of two words.
  const initialled = planStory({ ...item, byline: "Ann Smith/gr" }, context);
  assert.ok(initialled.ok);
  assert.deepEqual([initialled.plan.fields["by"], initialled.plan.leftOut], ["Ann Smith", [{ field: "byline", message: 'warning: ignored: "gr": the desk\'s initials, not a name, so not an author', code: "WD210" }]]);
  assert.deepEqual(by({ byline: "Von Andrej Sokolow, Itar-Tass" }), ["Andrej Sokolow", []]);
  assert.deepEqual(by({ byline: "Par Anne Dupont" }), ["Anne Dupont", []]);
  assert.deepEqual(by({ byline: "Von Miller" }), ["Von Miller", []], "a name of one word after it is the name");
  // "With" joins writers as "and" does, and where a writer was is no name: it is left out, with a line saying so.
  assert.deepEqual(by({ byline: "By Ann Smith, with Bo Li" }), [["Ann Smith", "Bo Li"], []]);
  assert.deepEqual(by({ byline: "BY ANN SMITH WITH BO LI" }), [["ANN SMITH", "BO LI"], []]);
  assert.deepEqual(by({ byline: "By Ann Smith with additional reporting" }), ["Ann Smith with additional reporting", []], "a with no name follows joins no writer");
  const placed = planStory({ ...item, byline: "By Ann Smith in Stanstead, Quebec, and Bo Li in New York" }, context);
  assert.ok(placed.ok);
  assert.deepEqual([placed.plan.fields["by"], placed.plan.leftOut], [
    ["Ann Smith", "Bo Li"],
    [
      { field: "byline", message: 'warning: ignored: "in Stanstead, Quebec": where "Ann Smith" was, not a name', code: "WD210" },
      { field: "byline", message: 'warning: ignored: "in New York": where "Bo Li" was, not a name', code: "WD210" },
    ],
  ]);
  const staffed = planStory({ ...item, byline: "Staff reporter in Moscow" }, context);
  assert.ok(staffed.ok);
  assert.deepEqual([staffed.plan.fields["by"], staffed.plan.leftOut?.map(({ message }) => message)], ["Staff reporter", ['warning: ignored: "in Moscow": where "Staff reporter" was, not a name']]);
  // Words after a name that are no place stay the byline's.
  assert.deepEqual(by({ byline: "By Sophie in 't Veld" }), ["Sophie in 't Veld", []]);
  // A creator given as one name that reads as several is written as a list of one, which the story takes as one name.
  assert.deepEqual(by({ authors: ["Smith and Jones"] }), [["Smith and Jones"], []]);
  // The agency alone: the item's own name, another spelling the settings give it, or another listed agency.
  assert.deepEqual(by({ byline: "Itar-Tass" }), [undefined, []]);
  assert.deepEqual(by({ byline: "By ИТАР-ТАСС" }), [undefined, []]);
  assert.deepEqual(by({ byline: "Reuters" }), [undefined, []]);
  assert.deepEqual(by({ byline: "itar tass" }, []), [undefined, []], "the item's own agency, whatever its case and punctuation, even unlisted");
  // Names the format gives apart are taken as given.
  assert.deepEqual(by({ byline: "Ann Smith, Moscow correspondent", authors: ["Ann Smith", "Ann Smith", "TASS"] }), ["Ann Smith", []]);
  // Authors given apart who are only the agency name no writer: the byline does.
  assert.deepEqual(by({ byline: "By Ann Smith", authors: ["Itar-Tass"] }), ["Ann Smith", []]);
  assert.deepEqual(by({ byline: "By Ann Smith", authors: ["TASS", "Reuters"] }), ["Ann Smith", []]);
  // Authors given as logins in the agency's system (dpa's creators) name no writer: the byline does, and without one the plan names what it left out.
  assert.deepEqual(by({ byline: "Von Annett Gehler, dpa", authors: ["gehler.annett"] }), ["Annett Gehler", []]);
  const logins = planStory({ ...item, authors: ["schluenz.stephanie", "heimann_a"] }, context);
  assert.ok(logins.ok);
  assert.deepEqual([logins.plan.fields["by"], logins.plan.leftOut], [
    undefined,
    [
      { field: "byline", message: 'warning: ignored: "schluenz.stephanie": a login in the agency\'s system, not a name, so not an author', code: "WD210" },
      { field: "byline", message: 'warning: ignored: "heimann_a": a login in the agency\'s system, not a name, so not an author', code: "WD210" },
    ],
  ]);
  assert.deepEqual(by({ authors: ["Ann Smith", "Иван Петров"] }), [["Ann Smith", "Иван Петров"], []], "a name with capitals is a name");
  const long = "A".repeat(81);
  assert.deepEqual(by({ authors: ["Ann Smith", long, "🔥"] }), [
    "Ann Smith",
    [{ field: "", code: "WD216", message: `needs a look at its byline: "${long}", "🔥" left out of by (expected at most 10 names, each up to 80 characters with a letter or digit)` }],
  ]);
});

test("a byline's credits for work besides the writing (additional reporting, editing) name no author, and the plan names them as left out", () => {
  const authors = (byline: string) => {
    const result = planStory({ ...item, byline }, context);
    assert.ok(result.ok);
    return [result.plan.fields["by"], (result.plan.leftOut ?? []).map(({ message }) => message)];
  };
  const left = (text: string) => `warning: ignored: ${JSON.stringify(text)}: a credit for work besides the writing, which agencies print after the story, so no author`;
  assert.deepEqual(authors("Tom Barton in London, with additional reporting by Ann Smith"), [
    "Tom Barton",
    ['warning: ignored: "in London": where "Tom Barton" was, not a name', left("with additional reporting by Ann Smith")],
  ]);
  assert.deepEqual(authors("By Ann Smith in Paris and Bo Li in Washington; Editing by Cy Wu"), [
    ["Ann Smith", "Bo Li"],
    ['warning: ignored: "in Paris": where "Ann Smith" was, not a name', 'warning: ignored: "in Washington": where "Bo Li" was, not a name', left("Editing by Cy Wu")],
  ]);
  assert.deepEqual(authors("By Tom Barton; Additional reporting by Ann Smith"), ["Tom Barton", [left("Additional reporting by Ann Smith")]]);
  assert.deepEqual(authors("By Tom Barton (Additional reporting by Ann Smith and Bo Li; Editing by Cy Wu)"), ["Tom Barton", [left("Additional reporting by Ann Smith and Bo Li"), left("Editing by Cy Wu")]]);
  // A byline that is only such a credit names no writer; words that only start so name no one's work.
  assert.deepEqual(authors("Editing by Cy Wu"), [undefined, [left("Editing by Cy Wu")]]);
  assert.deepEqual(authors("Staff and agencies; Editing by Cy Wu"), [["Staff and agencies"], [left("Editing by Cy Wu")]], "the desk's own words stay one credit, the editor's left out");
  assert.deepEqual(authors("By Ann Smith with additional reporting"), ["Ann Smith with additional reporting", []]);
});

test("a byline's name keeps its suffix, each name loses the place after it, and an & with no space beside it joins no names", () => {
  const authors = (byline: string) => {
    const result = planStory({ ...item, byline }, context);
    assert.ok(result.ok);
    return [result.plan.fields["by"], (result.plan.leftOut ?? []).map(({ message }) => message)];
  };
  assert.deepEqual(authors("By Ann Smith, Jr."), ["Ann Smith, Jr.", []]);
  assert.deepEqual(authors("By Ann Smith, Jr. and Bo Li III"), [["Ann Smith, Jr.", "Bo Li III"], []]);
  // What follows the comma is no region the place goes on in, so the place is the first name's alone.
  assert.deepEqual(authors("Ann Smith in Paris, 王小明"), [["Ann Smith", "王小明"], ['warning: ignored: "in Paris": where "Ann Smith" was, not a name']]);
  // An & between names is spaced; one inside a word is a name's own (AT&T), as the story check reads it.
  assert.deepEqual(authors("Ann Smith&Bo Li"), ["Ann Smith&Bo Li", []]);
  assert.deepEqual(authors("Ann Smith & Bo Li"), [["Ann Smith", "Bo Li"], []]);
});

test("an update without a byline keeps the story's; one with a byline replaces it", () => {
  const existing: WireStory = {
    file: "src/news/2013/09/02/moscow/index.md",
    folder: "src/news/2013/09/02/moscow",
    fields: { title: "Old", date: "2013-09-02T15:40:00+04:00", dateline: "MOSCOW", source: "Itar-Tass", by: ["Ann Smith", "Bo Li"], wire: { id: item.id, versionTime: "2013-09-02T15:40:00+04:00" } },
    body: "Moscow hopes ...",
    versionMs: Date.UTC(2013, 8, 2, 11, 40),
    changedHere: () => undefined,
  };
  const update = { ...item, version: "2", versionTime: { local: "2013-09-02T18:00:00", offset: "+04:00" } };
  const kept = planStory(update, { ...context, existing });
  assert.ok(kept.ok);
  assert.deepEqual(kept.plan.fields["by"], ["Ann Smith", "Bo Li"]);
  const replaced = planStory({ ...update, byline: "By Cy Wu" }, { ...context, existing });
  assert.ok(replaced.ok);
  assert.equal(replaced.plan.fields["by"], "Cy Wu");
});

test("a new story takes the agency's urgency as its priority; an update keeps the story's, the newsroom's from then on", () => {
  const created = planStory({ ...item, priority: 2 }, context);
  assert.ok(created.ok);
  assert.equal(created.plan.fields["priority"], 2);
  for (const urgency of [0, 10, 2.5]) {
    const refused = planStory({ ...item, priority: urgency }, context);
    assert.ok(refused.ok);
    assert.equal(refused.plan.fields["priority"], undefined, `urgency ${urgency} is no priority`);
  }
  const existing: WireStory = {
    file: "src/news/2013/09/02/moscow/index.md",
    folder: "src/news/2013/09/02/moscow",
    fields: { ...created.plan.fields, priority: 1 },
    body: "Moscow hopes ...",
    versionMs: Date.UTC(2013, 8, 2, 11, 40),
    changedHere: () => undefined,
  };
  const updated = planStory({ ...item, version: "2", priority: 4 }, { ...context, existing });
  assert.ok(updated.ok);
  assert.equal(updated.plan.fields["priority"], 1, "the editor's priority stays");
});

test("a photo the import could not take leaves its credit as photoCredit; a later version that brings the photo replaces it", () => {
  const named = { ...item, photo: { href: "https://photos.example/lavrov.jpg", path: "associations.featureimage", credit: "Photo EPA/ITAR-TASS", alt: "Lavrov" } };
  const heldFor = { field: "associations.featureimage", message: "its photo was left out: HTTP 404", code: "WD215" as const };
  const first = planStory(named, { ...context, heldFor });
  assert.ok(first.ok);
  assert.equal(first.plan.fields["photoCredit"], "Photo EPA/ITAR-TASS");
  assert.equal(first.plan.fields["photo"], undefined);
  assert.deepEqual(first.plan.held.map(({ code }) => code), ["WD215"]);
  const existing: WireStory = { file: "src/news/moscow/index.md", folder: "src/news/moscow", fields: first.plan.fields, body: "", versionMs: 0, changedHere: () => undefined };
  // A version whose photo is again left out keeps the credit on file.
  const again = planStory({ ...named, photo: { ...named.photo, credit: undefined } }, { ...context, heldFor, existing });
  assert.ok(again.ok);
  assert.equal(again.plan.fields["photoCredit"], "Photo EPA/ITAR-TASS");
  const taken = planStory(named, { ...context, existing, photo: { src: "photo.jpg", alt: "Lavrov", credit: "Photo EPA/ITAR-TASS" } });
  assert.ok(taken.ok);
  assert.equal(taken.plan.fields["photoCredit"], undefined, "the photo's own credit is photo.credit");
  assert.deepEqual(taken.plan.fields["photo"], { src: "photo.jpg", alt: "Lavrov", credit: "Photo EPA/ITAR-TASS" });
});

test("embedded media, code and unsafe links taken out of the text are each named on the item's line, with where they pointed", () => {
  const removed = [
    { kind: "embed" as const, name: "<iframe>", count: 1, sources: ["https://video.example/embed/1"] },
    { kind: "embed" as const, name: "<video>", count: 2, sources: [] },
    { kind: "code" as const, name: "<script>", count: 1, sources: [] },
    { kind: "code" as const, name: "onclick", count: 3, sources: [] },
    { kind: "unsafe link" as const, name: "javascript:", count: 1, sources: ["javascript:alert(1)"] },
    { kind: "element" as const, name: "<form>", count: 1, sources: ["Your name Send tip"] },
    { kind: "element" as const, name: "<svg>", count: 2, sources: [] },
  ];
  const result = planStory(item, { ...context, body: { ...context.body, removed } });
  assert.ok(result.ok);
  assert.deepEqual(result.plan.leftOut, [
    { field: "body", message: 'warning: ignored: an embedded <iframe> from "https://video.example/embed/1": media from elsewhere, which a static page does not carry (expected the story\'s words: link to it by hand if it matters)', code: "WD210" },
    { field: "body", message: "warning: ignored: 2 embedded <video>: media from elsewhere, which a static page does not carry (expected the story's words: link to it by hand if it matters)", code: "WD210" },
    { field: "body", message: "warning: left out: a <script>: code, which no page of the site runs (expected the story's words and markup only)", code: "WD235" },
    { field: "body", message: "warning: left out: the event attribute onclick on 3 elements: code, which no page of the site runs (expected the story's words and markup only)", code: "WD235" },
    { field: "body", message: 'warning: left out: a link to "javascript:alert(1)", its words kept: a javascript: address, which no page of the site links to (expected http, https or mailto links)', code: "WD235" },
    { field: "body", message: "warning: ignored: a <form> holding \"Your name Send tip\": a form to fill in, which a story's page does not carry (expected the story's words: write them into the text if they matter)", code: "WD210" },
    { field: "body", message: "warning: ignored: 2 <svg> elements: a drawing, which a story's page does not carry (expected the story's words: write them into the text if they matter)", code: "WD210" },
  ]);
  assert.deepEqual(result.plan.held, [], "what was taken out holds nothing");
});

test("the words of a photo the import could not take are quoted on the item's line, its credit only where photoCredit does not keep it", () => {
  const photo = { href: "storm.jpg", path: "/nitf/body/body.content/media/media-reference", caption: "Waves hit the quay in Oslo.", alt: "Waves over a quay", credit: "AP Photo/Ola Nord", usageTerms: "Editorial use only" };
  const heldFor = { field: photo.path, message: 'its photo was left out: "storm.jpg" could not be read', code: "WD215" as const };
  const missing = planStory({ ...item, plainFields: true, photo }, { ...context, heldFor });
  assert.ok(missing.ok);
  assert.equal(missing.plan.fields["photoCredit"], "AP Photo/Ola Nord");
  assert.deepEqual(missing.plan.leftOut, [
    {
      field: photo.path,
      message: 'warning: ignored: the words of the photo left out, with it: its caption "Waves hit the quay in Oslo.", its alt text "Waves over a quay", its usage terms "Editorial use only" (expected in photo.caption, photo.alt, photo.usageTerms when an editor adds the photo)',
      code: "WD210",
    },
  ]);
  // A story that keeps its earlier photo has no photoCredit: the new credit is quoted with the rest.
  const existing: WireStory = { file: "src/news/oslo/index.md", folder: "src/news/oslo", fields: { ...missing.plan.fields, photo: { src: "photo.jpg", alt: "Quay", credit: "AP" } }, body: "", versionMs: 0, changedHere: () => undefined };
  const kept = planStory({ ...item, plainFields: true, photo: { href: "storm.jpg", path: photo.path, credit: "AP Photo/Ola Nord" } }, { ...context, heldFor, existing });
  assert.ok(kept.ok);
  assert.deepEqual(kept.plan.leftOut?.map(({ message }) => message), ['warning: ignored: the words of the photo left out, with it: its credit "AP Photo/Ola Nord" (expected in photo.credit when an editor adds the photo)']);
  const taken = planStory({ ...item, photo }, { ...context, photo: { src: "photo.jpg", alt: "Waves over a quay", credit: "AP Photo/Ola Nord", caption: "Waves hit the quay in Oslo." } });
  assert.ok(taken.ok);
  assert.equal(taken.plan.leftOut, undefined, "a photo taken keeps its words");
});

test("a topic an agency spells otherwise than the stories do, making the same page, is written as they spell it, with a line saying so", () => {
  const spellings = { topics: new Map([["en/g20hh", "#G20HH"], ["ru/g20hh", "G20HH"]]), authors: new Map() };
  const result = planStory({ ...item, topics: ["'G20HH", "Diplomacy", "#g20hh", "3. Liga", "3.Liga"] }, { ...context, spellings });
  assert.ok(result.ok);
  assert.deepEqual(result.plan.fields["tags"], ["#G20HH", "Diplomacy", "3. Liga"]);
  assert.deepEqual(result.plan.leftOut, [
    { field: "tags", message: 'warning: ignored: the spelling "\'G20HH": written "#G20HH", as other stories spell that topic (both make the address of its page, g20hh)', code: "WD210" },
    { field: "tags", message: 'warning: ignored: the spelling "3.Liga": written "3. Liga", as other stories spell that topic (both make the address of its page, 3-liga)', code: "WD210" },
  ]);
  // Spellings that differ only in case are one topic already; another edition's topics are its own.
  const russian = planStory({ ...item, lang: "ru", topics: ["#G20HH"] }, { ...context, spellings });
  assert.ok(russian.ok);
  assert.deepEqual([russian.plan.fields["tags"], russian.plan.leftOut?.length], [["G20HH"], 1]);
});

test("a picture's caption left out of the text with its picture is named on the item's line", () => {
  const result = planStory(item, { ...context, body: { ...context.body, pictureCaptions: ["Voters queue in Leeds. (AP Photo/Cliff Owen)"] } });
  assert.ok(result.ok);
  assert.deepEqual(result.plan.leftOut, [
    { field: "body", message: 'warning: ignored: "Voters queue in Leeds. (AP Photo/Cliff Owen)": the caption of a picture in the text, which goes with the picture (a story shows only its own photo and images)', code: "WD210" },
  ]);
});

test("the agency's trailer and a picture without a caption, left out of the text, are each named on the item's line", () => {
  const html = [
    "<p>MOSCOW, September 2 (Itar-Tass) - Rates rise.</p>",
    '<p><img src="chart.png" alt="Chart of  rates"></p>',
    "<p>The bank meets again in May.</p>",
    "<p>(Reporting by Ann Smith in London; Editing by Tom Hogue)</p><p>###</p>",
  ].join("");
  const body = importedBody({ ...item, body: { kind: "html", html } }, { agencies: AGENCIES, datelinePlaces: {} });
  assert.equal(body.markdown, "Rates rise.\n\nThe bank meets again in May.");
  const result = planStory(item, { ...context, body });
  assert.ok(result.ok);
  assert.deepEqual(result.plan.leftOut, [
    { field: "body", message: 'warning: ignored: "(Reporting by Ann Smith in London; Editing by Tom Hogue)": the agency\'s line after the story (its credits or end-of-item mark), not story text', code: "WD210" },
    { field: "body", message: "warning: ignored: \"###\": the agency's line after the story (its credits or end-of-item mark), not story text", code: "WD210" },
    { field: "body", message: 'warning: ignored: a picture in the text, its alt text "Chart of rates" (a story shows only its own photo and images)', code: "WD210" },
  ]);
});

test("a correction to an item under embargo is dated when the story goes out, never before it", () => {
  const result = planStory({ ...item, correction: true, embargoedUntil: { local: "2013-09-03T06:00:00", offset: "+04:00" } }, context);
  assert.ok(result.ok);
  assert.equal((result.plan.fields["corrections"] as { date: string }[])[0]?.date, "2013-09-03T06:00:00+04:00");
});

test("a topic too long for a story, with nothing to make its page's address of, or past its twentieth, is left out with a line naming it", () => {
  const long = "A".repeat(61);
  const many = Array.from({ length: 21 }, (_, at) => `Topic ${at + 1}`);
  const result = planStory({ ...item, topics: [long, "🔥", ...many] }, context);
  assert.ok(result.ok);
  assert.equal((result.plan.fields["tags"] as string[]).length, 20);
  assert.deepEqual(result.plan.leftOut, [
    { field: "tags", message: `warning: ignored: "${long}": longer than a topic's 60 characters`, code: "WD210" },
    { field: "tags", message: 'warning: ignored: "🔥": nothing in it makes an address for a topic page', code: "WD210" },
    { field: "tags", message: 'warning: ignored: "Topic 21": past the 20 topics a story takes', code: "WD210" },
  ]);
});

test("a byline name spelled otherwise than the stories spell it, making the same author page, is written as they spell it", () => {
  const spellings = { topics: new Map(), authors: new Map([["en/jane-doe", "Jane Doe"]]) };
  const result = planStory({ ...item, byline: "By JANE DOE, Staff Writer" }, { ...context, spellings });
  assert.ok(result.ok);
  assert.equal(result.plan.fields["by"], "Jane Doe");
  assert.deepEqual(result.plan.leftOut?.find(({ message }) => message.includes("JANE DOE")), {
    field: "byline",
    message: 'warning: ignored: the spelling "JANE DOE": written "Jane Doe", as other stories spell that author (both make the address of its page, jane-doe)',
    code: "WD210",
  });
});

test("a partner's feed carrying an agency's copy credits the agency its text's dateline names, and says so", () => {
  const partner = { ...item, source: "Nordic Coast Post" };
  const result = planStory(partner, { ...context, body: { markdown: "The first turbine turned.", place: "LONDON", agency: "Reuters" }, agencies: AGENCIES });
  assert.ok(result.ok);
  assert.deepEqual([result.plan.fields["source"], result.plan.fields["dateline"]], ["Reuters", "LONDON"]);
  assert.deepEqual(result.plan.leftOut?.find(({ field }) => field === "source"), {
    field: "source",
    message: 'warning: ignored: "Nordic Coast Post": the feed\'s name; its text is Reuters\'s copy, as its dateline says, so the page credits Reuters',
    code: "WD210",
  });
  // An agency's own item keeps its own name, whatever its text quotes.
  const tass = planStory(item, { ...context, body: { markdown: "x", place: "MOSCOW", agency: "Reuters" }, agencies: AGENCIES });
  assert.ok(tass.ok);
  assert.equal(tass.plan.fields["source"], "Itar-Tass");
});

test("names with nothing to spell an address from are never taken for one another", () => {
  // Stories whose topic was an emoji, refused since, may still be on file.
  const withEmoji = { topics: new Map<string, string>(), authors: new Map<string, string>() };
  rememberSpellings(withEmoji, { tags: ["🔥"], by: ["🔥"] }, "en");
  assert.deepEqual([withEmoji.topics.size, withEmoji.authors.size], [0, 0]);
  const result = planStory({ ...item, topics: ["Topic"] }, { ...context, spellings: withEmoji });
  assert.ok(result.ok);
  assert.deepEqual(result.plan.fields["tags"], ["Topic"]);
  assert.equal((result.plan.leftOut ?? []).some(({ message }) => message.includes("the spelling")), false);
});

test("a topic or name that only makes the same page as another (C# and C++, 李明 and 黎明) is no spelling of it: the item is held, its words as sent", () => {
  const spellings = { topics: new Map([["en/c", "C++"]]), authors: new Map([["en/li-ming", "李明"]]) };
  const result = planStory({ ...item, topics: ["C#"], byline: "黎明" }, { ...context, spellings });
  assert.ok(result.ok);
  assert.deepEqual([result.plan.fields["tags"], result.plan.fields["by"], result.plan.fields["draft"]], [["C#"], "黎明", true]);
  assert.deepEqual(result.plan.held.map(({ message }) => message), [
    'needs a look at its byline: its author "黎明" makes the page li-ming, as the stories\' "李明" does (expected one author a page: write the one meant, or tell them apart)',
    'needs a look at its topics: its topic "C#" makes the page c, as the stories\' "C++" does (expected one topic a page: write the one meant, or tell them apart)',
  ]);
});

test("topics are counted once their spellings are one: none is cut for a count its own spellings made", () => {
  const many = Array.from({ length: 18 }, (_, at) => `Topic ${at + 1}`);
  const result = planStory({ ...item, topics: ["#G20HH", "'G20HH", "G20HH", "3. Liga", "3.Liga", ...many] }, context);
  assert.ok(result.ok);
  assert.equal((result.plan.fields["tags"] as string[]).length, 20);
  assert.deepEqual(result.plan.fields["tags"], ["#G20HH", "3. Liga", ...many]);
  // An update's new topic past the twentieth is named, never cut unseen.
  const existing: WireStory = { file: "f", folder: "d", body: "", versionMs: 0, changedHere: () => undefined, fields: { title: "T", date: "2013-09-02T15:40:00+04:00", dateline: "MOSCOW", tags: Array.from({ length: 20 }, (_, at) => `Old ${at}`), wire: { id: item.id, versionTime: "2013-09-02T15:40:00+04:00" } } };
  const update = planStory({ ...item, topics: ["Breaking angle"] }, { ...context, existing });
  assert.ok(update.ok);
  assert.ok(update.plan.leftOut?.some(({ message }) => message === 'warning: ignored: "Breaking angle": past the 20 topics a story takes'), JSON.stringify(update.plan.leftOut));
});

test("a headline and lead sent HTML-escaped are read as the characters their references stand for, the line saying so", () => {
  const headline = "Council&#8217;s budget: rates rise 7.5% &amp; parking fees double";
  const result = planStory({ ...item, headline, lead: "Rates rise &quot;sharply&quot; &mdash; by 7.5%", topics: [] }, context);
  assert.ok(result.ok);
  assert.equal(result.plan.fields["title"], "Council’s budget: rates rise 7.5% & parking fees double");
  assert.equal(result.plan.fields["lead"], "Rates rise \"sharply\" — by 7.5%");
  assert.deepEqual(result.plan.leftOut, [
    { field: "headline", message: `warning: ignored: the HTML escaping of "Council&#8217;s budget: rates rise 7.5% &amp; parking fees double": its character references are read as the characters they stand for`, code: "WD210" },
    { field: "lead", message: 'warning: ignored: the HTML escaping of "Rates rise &quot;sharply&quot; &mdash; by 7.5%": its character references are read as the characters they stand for', code: "WD210" },
  ]);
  // An ampersand that starts no reference is the headline's own.
  const plain = planStory({ ...item, headline: "AT&T and P&O: Q&A", topics: [] }, context);
  assert.ok(plain.ok);
  assert.deepEqual([plain.plan.fields["title"], plain.plan.leftOut], ["AT&T and P&O: Q&A", undefined]);
});

test("a script or a style in a headline or lead read for its words goes with what it holds, the line saying so; in a field given as plain text it is the field's words", () => {
  const result = planStory({ ...item, headline: "Budget <script>track()</script>passes", lead: "<style>b{}</style>Rates rise", topics: [] }, context);
  assert.ok(result.ok);
  assert.deepEqual([result.plan.fields["title"], result.plan.fields["lead"]], ["Budget passes", "Rates rise"]);
  assert.deepEqual(result.plan.leftOut?.map(({ field, message }) => `${field}: ${message}`), [
    'headline: warning: ignored: a <script> and what it holds, in "Budget <script>track()</script>passes": the field\'s markup is read for its words, and this is none',
    'lead: warning: ignored: a <style> and what it holds, in "<style>b{}</style>Rates rise": the field\'s markup is read for its words, and this is none',
  ]);
  const plain = planStory({ ...item, headline: "Budget <script> tag banned", plainFields: true, topics: [] }, context);
  assert.ok(plain.ok);
  assert.deepEqual([plain.plan.fields["title"], plain.plan.leftOut], ["Budget <script> tag banned", undefined]);
});

test("a name given with a comma or semicolon at either end is written without it, with a line, as by takes no name with one", () => {
  const plan = (fields: Partial<WireItem>) => {
    const result = planStory({ ...item, ...fields }, context);
    assert.ok(result.ok);
    return [result.plan.fields["by"], (result.plan.leftOut ?? []).map(({ message }) => message), result.plan.held];
  };
  assert.deepEqual(plan({ authors: ["Ann Smith,", "; Bo Li"] }), [
    ["Ann Smith", "Bo Li"],
    ['warning: ignored: "Ann Smith,": a comma or semicolon beside the name, which parts names and is no part of one, so by names "Ann Smith"', 'warning: ignored: "; Bo Li": a comma or semicolon beside the name, which parts names and is no part of one, so by names "Bo Li"'],
    [],
  ]);
  assert.deepEqual(plan({ authors: ["Ann Smith，"] }), ["Ann Smith", ['warning: ignored: "Ann Smith，": a comma or semicolon beside the name, which parts names and is no part of one, so by names "Ann Smith"'], []]);
  assert.deepEqual(plan({ byline: "Staff and agencies;" }), [["Staff and agencies"], ['warning: ignored: "Staff and agencies;": a comma or semicolon beside the name, which parts names and is no part of one, so by names "Staff and agencies"'], []]);
  // A byline's own commas part its names, as they always did: no line.
  assert.deepEqual(plan({ byline: "By Ann Smith and Bo Li," }), [["Ann Smith", "Bo Li"], [], []]);
  assert.deepEqual(plan({ authors: ["Ann Smith, Jr."] }), ["Ann Smith, Jr.", [], []]);
});

test("a byline typed above the story is the story's by, and the line says it was taken so; closing initials are named as initials", () => {
  const result = planStory(item, { ...context, body: { ...context.body, typedByline: "By Ann Doe", trailers: ["hh/ph/ts", "-0-"] } });
  assert.ok(result.ok);
  assert.deepEqual(result.plan.fields["by"], "Ann Doe");
  assert.deepEqual(
    (result.plan.leftOut ?? []).filter(({ field }) => field === "body"),
    [
      { field: "body", message: 'warning: ignored: "By Ann Doe": the byline typed above the story, taken as its by, not story text', code: "WD210" },
      { field: "body", message: 'warning: ignored: "hh/ph/ts": the initials of the agency\'s editors who handled the story, not story text', code: "WD210" },
      { field: "body", message: "warning: ignored: \"-0-\": the agency's line after the story (its credits or end-of-item mark), not story text", code: "WD210" },
    ],
  );
  // With the item's own byline, a line repeating it loses nothing, and is not named.
  const own = planStory({ ...item, byline: "Ann Doe" }, { ...context, body: { ...context.body, typedByline: "By Ann Doe" } });
  assert.ok(own.ok);
  assert.deepEqual((own.plan.leftOut ?? []).filter(({ field }) => field === "body"), []);
});
