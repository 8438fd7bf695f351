import assert from "node:assert/strict";
import { test } from "node:test";
import { parseStoryFields } from "../../../src/lib/story/schema.ts";

const valid = { title: "Headline", lead: "Lead.", date: "2013-09-02", dateline: "MOSCOW" };

function issuesOf(data: Record<string, unknown>): Record<string, string> {
  const result = parseStoryFields(data);
  return result.ok ? {} : Object.fromEntries(result.issues.map(({ field, message }) => [field, message]));
}

test("a story with the required fields parses, trimmed, ignoring the rest of the data cascade", () => {
  const result = parseStoryFields({ ...valid, title: "  Headline  ", page: { url: "/x" }, layout: "l.njk" });
  assert.deepEqual(result, { ok: true, fields: valid });
});

test("every missing required field is named with what was expected", () => {
  assert.deepEqual(issuesOf({}), {
    title: "missing (expected the headline)",
    lead: "missing (expected the standfirst: a sentence or two under the headline; only a story imported from an agency, with its wire record, may go without one)",
    date: "missing (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)",
    dateline: "missing (expected the place as printed, e.g. MOSCOW)",
  });
});

test("wrong types and empty text say what was given", () => {
  const issues = issuesOf({ ...valid, title: "   ", lead: 42, dateline: null, tags: "Korea" });
  assert.equal(issues["title"], "empty (expected the headline)");
  assert.equal(issues["lead"], "got the number 42, as YAML reads it unquoted: put it in quotes (expected the standfirst: a sentence or two under the headline)");
  assert.equal(issues["dateline"], "got an empty value (expected the place as printed, e.g. MOSCOW)");
  assert.equal(issues["tags"], 'got "Korea" (expected a list of topics: tags: [Korea])');
  // A list put in quotes, whole: its brackets are no part of a name.
  assert.equal(issuesOf({ ...valid, tags: "[Markets, , Asia]" })["tags"], 'got "[Markets, , Asia]" (expected a list of topics: tags: [Markets, Asia])');
  // Topics typed as one line get the list to type, a name YAML would misread in it quoted.
  assert.equal(issuesOf({ ...valid, tags: "Politics, Economy; C#" })["tags"], 'got "Politics, Economy; C#" (expected a list of topics: tags: [Politics, Economy, "C#"])');
  assert.equal(issuesOf({ ...valid, tags: 5 })["tags"], "got the number 5 (expected a list of topics)");
});

test("a timezone must be a real IANA zone", () => {
  assert.equal(
    issuesOf({ ...valid, timezone: "Moscow Time" })["timezone"],
    '"Moscow Time" is not a known time zone (expected an IANA name such as Europe/Moscow)',
  );
  assert.deepEqual(issuesOf({ ...valid, timezone: "Europe/Moscow" }), {});
});

test("a photo needs src, alt and credit; its good parts are kept for the other checks", () => {
  const result = parseStoryFields({ ...valid, photo: { src: "photo.jpg" } });
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.deepEqual(result.partial.photo, { src: "photo.jpg" });
  assert.deepEqual(Object.keys(issuesOf({ ...valid, photo: { src: "photo.jpg" } })), ["photo.alt", "photo.credit"]);
  assert.equal(issuesOf({ ...valid, photo: "photo.jpg" })["photo"], 'got "photo.jpg" (expected a photo with src, alt and credit)');
});

test("a photo's rights are optional; its licence links must be full web addresses", () => {
  const rights = { creator: "Evan Vucci", copyright: "© 2013 The Associated Press", usageTerms: "Editorial use only", license: "https://www.ap.org/terms", licensePage: "https://newsroom.ap.org/" };
  const photo = { src: "photo.jpg", alt: "A", credit: "AP Photo/Evan Vucci", ...rights };
  assert.deepEqual(parseStoryFields({ ...valid, photo }), { ok: true, fields: { ...valid, photo } });
  const result = parseStoryFields({ ...valid, photo: { ...photo, license: "ap.org/terms", licensePage: "mailto:photos@ap.org", copyright: "" } });
  assert.equal(result.ok, false);
  assert.deepEqual(result.ok ? [] : result.issues, [
    { field: "photo.copyright", message: "empty (expected the copyright notice as the agency gives it, e.g. © 2024 The Associated Press)", code: "WD121" },
    { field: "photo.license", message: '"ap.org/terms" is not a web address (expected the full address of the licence\'s terms, e.g. https://creativecommons.org/licenses/by/4.0/)', code: "WD159" },
    { field: "photo.licensePage", message: '"mailto:photos@ap.org" is not a web address (expected the full address where the photo can be licensed, e.g. https://newsroom.ap.org/)', code: "WD159" },
  ]);
});

test("a photo must be an image format the site publishes", () => {
  const photo = { src: "photo.tiff", alt: "A", credit: "C" };
  assert.match(issuesOf({ ...valid, photo })["photo.src"] ?? "", /^"photo.tiff" is not a supported image/);
});

test("each bad topic is named by its place in the list", () => {
  assert.deepEqual(issuesOf({ ...valid, tags: ["Korea", 7, ""] }), {
    "tags.1": "got the number 7, as YAML reads it unquoted: put it in quotes (expected a topic name)",
    "tags.2": "empty (expected a topic name)",
  });
});

test("the story's own unknown fields are named with the field meant; Eleventy's data is not the story's", () => {
  const issues = issuesOf({ ...valid, datline: "MOSCOW", photo: { src: "a.jpg", alt: "A", credit: "C", captoin: "x" }, page: {} });
  assert.equal(issues["photo.captoin"], "unknown field; did you mean caption?");
  const result = parseStoryFields({ ...valid, datline: "MOSCOW", permalink: "x.html", page: {} }, ["title", "lead", "date", "dateline", "datline", "permalink"]);
  assert.ok(!result.ok);
  assert.deepEqual(result.issues.map(({ field, message }) => `${field}: ${message.slice(0, 40)}`), [
    "datline: unknown field; did you mean dateline?",
    "permalink: unknown field (expected one of title, le",
  ]);
});

test("every text field is bounded and one line", () => {
  const issues = issuesOf({ ...valid, title: "x".repeat(201), dateline: "MOS\nCOW", tags: Array(21).fill("t") });
  assert.equal(issues["title"], "201 characters (expected at most 200: the headline)");
  assert.equal(issues["dateline"], "holds a line break or control character (expected one line of text: the place as printed, e.g. MOSCOW)");
  assert.equal(issues["tags"], "21 topics (expected at most 20)");
  assert.equal(issuesOf({ ...valid, by: Array.from({ length: 11 }, (_, n) => `Writer ${n}`) })["by"], "11 names (expected at most 10)");
  assert.equal(issuesOf({ ...valid, lang: "z".repeat(70) })["lang"], `"${"z".repeat(57)}..." (70 characters) is not a language tag (expected one such as ar, he or zh-Hant)`);
  // Letters with accents count once however they were typed: as é, or as e and a combining accent.
  assert.equal(issuesOf({ ...valid, title: "e\u0301".repeat(200) })["title"], undefined);
  assert.equal(issuesOf({ ...valid, title: "e\u0301".repeat(201) })["title"], "201 characters (expected at most 200: the headline)");
  // So does an emoji, which JavaScript counts as two or more.
  assert.equal(issuesOf({ ...valid, title: `${"x".repeat(199)}🔥` })["title"], undefined);
  assert.equal(issuesOf({ ...valid, title: "🇩🇪".repeat(201) })["title"], "201 characters (expected at most 200: the headline)");
});

test("a story in another language names it and its direction", () => {
  assert.deepEqual(issuesOf({ ...valid, lang: "ar", dir: "rtl" }), {});
  const issues = issuesOf({ ...valid, lang: "arabic!", dir: "right" });
  assert.equal(issues["lang"], '"arabic!" is not a language tag (expected one such as ar, he or zh-Hant)');
  assert.equal(issues["dir"], 'got "right" (expected rtl for a right-to-left language, or ltr)');
});

const wire = { id: "urn:newsml:itar-tass.com:20130902:5c3de7ae836f4562", version: "2", versionTime: "2013-09-02T15:40:00+04:00", format: "ninjs 2" };

test("a wire story records the agency's item: id and version time, with version and format when known", () => {
  assert.deepEqual(parseStoryFields({ ...valid, wire }), { ok: true, fields: { ...valid, wire } });
  assert.deepEqual(issuesOf({ ...valid, wire: { id: wire.id, versionTime: wire.versionTime } }), {});
  assert.deepEqual(issuesOf({ ...valid, wire: { version: "2" } }), {
    "wire.id": "missing (expected the agency's id for the item, the same across its versions)",
    "wire.versionTime": "missing (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)",
  });
  assert.equal(issuesOf({ ...valid, wire: "urn:x" })["wire"], 'got "urn:x" (expected the agency\'s record of the item: id and versionTime, with version and format when known)');
});

test("a wire record's version is text, as YAML would turn an unquoted 2.10 into the number 2.1", () => {
  assert.equal(issuesOf({ ...valid, wire: { ...wire, version: 2.1 } })["wire.version"], 'got the number 2.1, as YAML reads it unquoted: put it in quotes (expected the version as the agency numbers it, as text in quotes, e.g. version: "2")');
});

test("a wire record's fields are bounded, one line each, and its own unknown fields are named", () => {
  const issues = issuesOf({ ...wire, ...valid, wire: { ...wire, id: "u".repeat(301), format: "ninjs\n2", versoin: "3" } });
  assert.equal(issues["wire.id"], "301 characters (expected at most 300: the agency's id for the item, the same across its versions)");
  assert.equal(issues["wire.format"], "holds a line break or control character (expected one line of text: the format the item arrived in, e.g. ninjs 2)");
  assert.equal(issues["wire.versoin"], "unknown field; did you mean version?");
  assert.equal(issuesOf({ ...valid, wire: { ...wire, version: "v".repeat(41) } })["wire.version"], '41 characters (expected at most 40: the version as the agency numbers it, as text in quotes, e.g. version: "2")');
});

const withdrawn = { withdrawn: "2013-09-03T10:00:00+04:00", date: "2013-09-02T15:40:00+04:00", dateline: "MOSCOW", source: "Itar-Tass" };

test("a withdrawn story keeps its address, its agency and its record, and no text", () => {
  assert.deepEqual(parseStoryFields({ ...withdrawn, wire, timezone: "Europe/Moscow", lang: "ru" }), {
    ok: true,
    withdrawn: { ...withdrawn, wire, timezone: "Europe/Moscow", lang: "ru" },
  });
});

test("a withdrawn story is refused every field that would keep its text, or publish it otherwise than as a notice", () => {
  const issues = issuesOf({
    ...withdrawn,
    title: "Headline",
    lead: "Lead.",
    photo: { src: "a.jpg" },
    tags: ["Korea"],
    corrections: [],
    updated: "2013-09-03",
    draft: true,
    sample: false,
    priority: 1,
  });
  for (const field of ["title", "lead", "photo", "tags", "corrections", "updated"]) {
    assert.equal(issues[field], `a withdrawn story keeps no text of the story (expected no ${field}: remove it)`);
  }
  assert.equal(issues["draft"], "a withdrawn story is never a draft: its notice is published (expected no draft: remove it, or remove withdrawn to keep a draft)");
  assert.equal(issues["sample"], "a withdrawn story's notice is never a sample (expected no sample: remove it)");
  assert.equal(issues["priority"], "a withdrawn story's notice is in no list, the front page's neither (expected no priority: remove it)");
  assert.equal(Object.keys(issues).length, 9);
});

test("a withdrawn story is checked like any: its address's fields are required, its own unknown fields named once", () => {
  assert.deepEqual(issuesOf({ withdrawn: "soon" }), {
    date: "missing (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)",
    dateline: "missing (expected the place as printed, e.g. MOSCOW)",
  });
  assert.equal(issuesOf({ ...withdrawn, withdrawn: null })["withdrawn"], "got an empty value (expected a date like 2013-09-02, a local time at the dateline like 2013-09-02T15:40, or an instant with Z or an offset like 2013-09-02T11:40Z)");
  const result = parseStoryFields({ ...withdrawn, title: "Headline", datline: "MOSCOW" }, ["withdrawn", "date", "dateline", "source", "title", "datline"]);
  assert.ok(!result.ok);
  assert.deepEqual(result.issues.map(({ field, message }) => `${field}: ${message}`), [
    "datline: unknown field; did you mean dateline?",
    "title: a withdrawn story keeps no text of the story (expected no title: remove it)",
  ]);
});

test("a story the wire import wrote may go without a lead; the newsroom's own may not", () => {
  const { lead: _lead, ...withoutLead } = valid;
  const wire = { id: "urn:example:1", versionTime: "2013-09-02T15:40:00+04:00" };
  assert.deepEqual(parseStoryFields({ ...withoutLead, wire }), { ok: true, fields: { ...withoutLead, wire } });
  assert.deepEqual(issuesOf(withoutLead), {
    lead: "missing (expected the standfirst: a sentence or two under the headline; only a story imported from an agency, with its wire record, may go without one)",
  });
  // A lead written is checked as always, imported or not.
  assert.equal(issuesOf({ ...withoutLead, wire, lead: "  " })["lead"], "empty (expected the standfirst: a sentence or two under the headline)");
  // A withdrawn story keeps no lead at all.
  assert.deepEqual(issuesOf({ withdrawn: "2013-09-03", date: "2013-09-02", dateline: "MOSCOW" }), {});
});

test("by: one name or a list of names, trimmed; each bad name named by its place in the list", () => {
  assert.deepEqual(parseStoryFields({ ...valid, by: " Ann Smith " }), { ok: true, fields: { ...valid, by: "Ann Smith" } });
  assert.deepEqual(parseStoryFields({ ...valid, by: ["Ann Smith", "Bo Li"] }), { ok: true, fields: { ...valid, by: ["Ann Smith", "Bo Li"] } });
  assert.deepEqual(issuesOf({ ...valid, by: ["Ann Smith", " ", "Bo\nLi", 7] }), {
    "by.1": "empty (expected an author's name as the byline prints it, e.g. Ann Smith)",
    "by.2": "holds a line break or control character (expected one line of text: an author's name as the byline prints it, e.g. Ann Smith)",
    "by.3": "got the number 7, as YAML reads it unquoted: put it in quotes (expected an author's name as the byline prints it, e.g. Ann Smith)",
  });
  assert.deepEqual(issuesOf({ ...valid, by: "" }), { by: "empty (expected an author's name as the byline prints it, e.g. Ann Smith)" });
  assert.deepEqual(issuesOf({ ...valid, by: [] }), { by: "an empty list (expected one name or more, or no by field)" });
  // Several names written as one would make one author: a list says which are names, and may hold one name with "and" in it.
  assert.deepEqual(issuesOf({ ...valid, by: "Ann Smith, Bo Li and Cy Wu" }), {
    by: '"Ann Smith, Bo Li and Cy Wu" reads as several names written as one (expected a list, one name to an item: by: [Ann Smith, Bo Li, Cy Wu]; a name written so on purpose goes in a list of its own: by: ["Ann Smith, Bo Li and Cy Wu"])',
  });
  assert.equal(issuesOf({ ...valid, by: "Анна Смирнова и Борис Ли" })["by"]?.startsWith('"Анна Смирнова и Борис Ли" reads as several names'), true);
  assert.deepEqual(parseStoryFields({ ...valid, by: ["Staff and agencies"] }), { ok: true, fields: { ...valid, by: ["Staff and agencies"] } });
  assert.deepEqual(issuesOf({ ...valid, by: true }), { by: "got the truth value true (expected one name, e.g. by: Ann Smith, or a list of names, e.g. by: [Ann Smith, Bo Li])" });
  const partial = parseStoryFields({ ...valid, by: ["Ann Smith", ""] });
  assert.ok(!partial.ok);
  assert.deepEqual(partial.partial.by, ["Ann Smith", undefined], "the good names are kept for the other checks");
  assert.equal(issuesOf({ withdrawn: "2013-09-03", date: "2013-09-02", dateline: "MOSCOW", by: "Ann Smith" })["by"], "a withdrawn story keeps no text of the story (expected no by: remove it)");
});

test("by written as one name is refused when it is a credit: names joined by ; / or with, the byline's own By, where the writer was", () => {
  const by = (written: string) => issuesOf({ ...valid, by: written })["by"];
  for (const written of ["Ann Smith; Bo Li", "Ann Smith/Bo Li", "Ann Smith with Bo Li"]) {
    assert.equal(by(written), `"${written}" reads as several names written as one (expected a list, one name to an item: by: [Ann Smith, Bo Li]; a name written so on purpose goes in a list of its own: by: ["${written}"])`);
  }
  assert.equal(by("By Ann Smith"), '"By Ann Smith" starts with "By", which the byline prints itself (expected the name alone: by: Ann Smith)');
  assert.equal(by("Ann Smith in Moscow"), '"Ann Smith in Moscow" says where the writer was (in Moscow): a byline names writers, not where they were, which the dateline says (expected the name alone: by: Ann Smith)');
  // A place with its region is one place, read as an agency's credit is read on import: the region is no second name.
  assert.equal(by("Ann Smith in Stanstead, Quebec"), '"Ann Smith in Stanstead, Quebec" says where the writer was (in Stanstead, Quebec): a byline names writers, not where they were, which the dateline says (expected the name alone: by: Ann Smith)');
  assert.equal(
    by("by Ann Smith in Moscow and Bo Li in New York"),
    '"by Ann Smith in Moscow and Bo Li in New York" reads as several names written as one, starts with "By", which the byline prints itself, and says where the writers were (in Moscow, in New York): a byline names writers, not where they were, which the dateline says (expected a list, one name to an item: by: [Ann Smith, Bo Li])',
  );
  // A name that only looks like a credit is one: "By" starts no word of it, "in" and "with" join none of its words, "&" is inside a word.
  for (const name of ["Byron Li", "Lin Yi", "Ann Smith-Within", "AT&T Staff"]) assert.deepEqual(parseStoryFields({ ...valid, by: name }), { ok: true, fields: { ...valid, by: name } }, name);
  // A list says which are names: a credit that is one on purpose is written so.
  assert.deepEqual(parseStoryFields({ ...valid, by: ["Staff in Moscow"] }), { ok: true, fields: { ...valid, by: ["Staff in Moscow"] } });
  // But no name of a list starts with the byline's own "By", which would print twice.
  assert.deepEqual(issuesOf({ ...valid, by: ["Bo Li", "By Ann Smith"] }), { "by.1": '"By Ann Smith" starts with "By", which the byline prints itself (expected the name alone: Ann Smith)' });
  assert.deepEqual(issuesOf({ ...valid, by: ["by  Ann Smith"] }), { "by.0": '"by  Ann Smith" starts with "By", which the byline prints itself (expected the name alone: Ann Smith)' });
  assert.deepEqual(parseStoryFields({ ...valid, by: ["Byron Li"] }), { ok: true, fields: { ...valid, by: ["Byron Li"] } });
});

test("by written as one name is refused when it credits work besides the writing, and read as the import reads a byline", () => {
  const by = (written: string) => issuesOf({ ...valid, by: written })["by"];
  assert.equal(
    by("Tom Barton in London, with additional reporting by Ann Smith"),
    '"Tom Barton in London, with additional reporting by Ann Smith" credits work besides the writing (with additional reporting by Ann Smith), which goes at the story\'s end, not in the byline and says where the writer was (in London): a byline names writers, not where they were, which the dateline says (expected the name alone: by: Tom Barton)',
  );
  assert.equal(
    by("By Tom Barton; Reporting by Ann Smith; Editing by Cy Wu"),
    '"By Tom Barton; Reporting by Ann Smith; Editing by Cy Wu" starts with "By", which the byline prints itself and credits work besides the writing (Reporting by Ann Smith; Editing by Cy Wu), which goes at the story\'s end, not in the byline (expected the name alone: by: Tom Barton)',
  );
  assert.equal(by("Editing by Cy Wu"), '"Editing by Cy Wu" credits work besides the writing (Editing by Cy Wu), which goes at the story\'s end, not in the byline (expected the writers\' names, or no by field)');
  // A suffix after a comma is the name's own, and "&" with no space beside it joins no names.
  for (const name of ["Ann Smith, Jr.", "Bo Li III", "Ann Smith&Bo Li"]) assert.deepEqual(parseStoryFields({ ...valid, by: name }), { ok: true, fields: { ...valid, by: name } }, name);
  assert.equal(by("Ann Smith, Jr. and Bo Li"), '"Ann Smith, Jr. and Bo Li" reads as several names written as one (expected a list, one name to an item: by: [Ann Smith, Jr., Bo Li]; a name written so on purpose goes in a list of its own: by: ["Ann Smith, Jr. and Bo Li"])');
  // The place after a name is taken off each name of a list, whatever follows its comma.
  assert.equal(by("Ann Smith in Paris, 王小明"), '"Ann Smith in Paris, 王小明" reads as several names written as one and says where the writers were (in Paris): a byline names writers, not where they were, which the dateline says (expected a list, one name to an item: by: [Ann Smith, 王小明])');
});

test("a truth value or number in quotes is named as text the quotes make, with the quotes to remove", () => {
  assert.deepEqual(issuesOf({ ...valid, draft: "true", sample: "FALSE", priority: "1" }), {
    draft: 'got "true" in quotes, which make it text (expected true or false: remove the quotes)',
    sample: 'got "FALSE" in quotes, which make it text (expected true or false: remove the quotes)',
    priority: `got "1" in quotes, which make it text (expected a whole number from 1 (the front page's lead) to 9 (least important), as IPTC urgency: remove the quotes)`,
  });
  // Text that is no truth value or number unquoted is only what it is.
  assert.deepEqual(issuesOf({ ...valid, draft: "yes", priority: "high" }), {
    draft: 'got "yes" (expected true or false)',
    priority: `got "high" (expected a whole number from 1 (the front page's lead) to 9 (least important), as IPTC urgency)`,
  });
});

test("a field YAML read as no value from a word written for it is named as that word, with quotes to put around text", () => {
  const noValues = new Map([["title", "Null"], ["dateline", "~"], ["tags.1", "NULL"], ["draft", "null"]]);
  const result = parseStoryFields({ ...valid, title: null, dateline: null, tags: ["Markets", null], draft: null }, [], noValues);
  assert.ok(!result.ok);
  assert.deepEqual(Object.fromEntries(result.issues.map(({ field, message }) => [field, message])), {
    title: "got Null, which YAML reads as no value: put it in quotes (expected the headline)",
    dateline: "got ~, which YAML reads as no value: put it in quotes (expected the place as printed, e.g. MOSCOW)",
    "tags.1": "got NULL, which YAML reads as no value: put it in quotes (expected a topic name)",
    draft: "got null, which YAML reads as no value (expected true or false)",
  });
  // A field left empty is only empty.
  assert.equal(issuesOf({ ...valid, title: null })["title"], "got an empty value (expected the headline)");
});

test("a story's priority is a whole number from 1 to 9, as IPTC urgency", () => {
  assert.deepEqual(parseStoryFields({ ...valid, priority: 1 }), { ok: true, fields: { ...valid, priority: 1 } });
  const expected = "(expected a whole number from 1 (the front page's lead) to 9 (least important), as IPTC urgency)";
  for (const [priority, got] of [[0, "the number 0"], [10, "the number 10"], [2.5, "the number 2.5"], ["high", '"high"']] as const) {
    assert.deepEqual(issuesOf({ ...valid, priority }), { priority: `got ${got} ${expected}` });
  }
});

test("every field printed for readers refuses an HTML character reference (WD168) and an HTML comment (WD167); records never printed do not", () => {
  const story = {
    ...valid,
    title: "AT&amp;T &mdash; entities",
    lead: "Lead &#8212; more.",
    dateline: "ST&#x2E; LOUIS",
    source: "Itar&ndash;Tass",
    by: ["Ann &Aacute;lvarez", "Bo Li <!-- check -->"],
    tags: ["Q&amp;A"],
    photo: { src: "photo.jpg", alt: "A &quot;pier&quot;", credit: "&copy; AP", caption: "Pier <!-- which? -->", creator: "Ann &amp; Bo", copyright: "&copy; 2024 AP", usageTerms: "Editorial&nbsp;use" },
    corrections: [{ date: "2013-09-03", text: "Fixed &lsquo;x&rsquo;." }],
    wire: { id: "urn:x&amp;y", versionTime: "2013-09-02", format: "ninjs&#49;" },
  };
  const result = parseStoryFields(story);
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(
    result.issues.map(({ field, code }) => `${field} ${code}`),
    ["title WD168", "lead WD168", "by.0 WD168", "by.1 WD167", "dateline WD168", "source WD168", "photo.alt WD168", "photo.credit WD168", "photo.caption WD167", "photo.creator WD168", "photo.copyright WD168", "photo.usageTerms WD168", "tags.0 WD168", "corrections.0.text WD168"],
  );
  assert.equal(issuesOf(story)["title"], '"AT&amp;T &mdash; entities" holds the HTML character references "&amp;" (&) and "&mdash;" (—), which a field prints as typed, not as the characters they stand for (expected the characters themselves: AT&T — entities)');
  assert.equal(issuesOf({ ...valid, photoCredit: "Photo &copy; EPA" })["photoCredit"]?.endsWith("(expected the characters themselves: Photo © EPA)"), true);
  assert.equal(
    issuesOf({ ...valid, title: "Talks resume <!-- check the day -->" })["title"],
    '"<!-- check the day -->" is an HTML comment: a field hides none, so the page would print it for readers (expected the text without it: Talks resume; keep a note to the desk on a line starting with # in the front matter, which is not published)',
  );
  assert.deepEqual(parseStoryFields({ ...valid, title: "R&D spending at AT&T; Q&A" }), { ok: true, fields: { ...valid, title: "R&D spending at AT&T; Q&A" } });
});

test("by written as one name with a reference is read with its characters for the names it gives", () => {
  const result = parseStoryFields({ ...valid, by: "Ann Smith &amp; Bo Li" });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.issues, [
    { field: "by", code: "WD168", message: '"Ann Smith &amp; Bo Li" holds the HTML character reference "&amp;" (&), which a field prints as typed, not as the character it stands for (expected the characters themselves: Ann Smith & Bo Li)' },
    { field: "by", code: "WD121", message: '"Ann Smith & Bo Li" reads as several names written as one (expected a list, one name to an item: by: [Ann Smith, Bo Li]; a name written so on purpose goes in a list of its own: by: ["Ann Smith & Bo Li"])' },
  ]);
});

test("a byline name starting or ending with a comma or semicolon is refused with the name alone as the fix, one name or a list", () => {
  const by = (written: unknown) => issuesOf({ ...valid, by: written });
  assert.deepEqual(by("Ann Smith,"), { by: '"Ann Smith," ends with ",", which the byline and the author\'s page would print with the name (expected the name alone: by: Ann Smith)' });
  assert.deepEqual(by("; Ann Smith;"), { by: '"; Ann Smith;" starts with ";" and ends with ";", which the byline and the author\'s page would print with the name (expected the name alone: by: Ann Smith)' });
  assert.deepEqual(by("Ann Smith，"), { by: '"Ann Smith，" ends with "，", which the byline and the author\'s page would print with the name (expected the name alone: by: Ann Smith)' });
  assert.deepEqual(by("Ann Smith, Bo Li,"), {
    by: '"Ann Smith, Bo Li," reads as several names written as one and ends with ",", which the byline and the author\'s page would print with the name (expected a list, one name to an item: by: [Ann Smith, Bo Li])',
  });
  assert.deepEqual(by(["Ann Smith,", "By Bo Li;", "Cy Wu"]), {
    "by.0": '"Ann Smith," ends with ",", which the byline and the author\'s page would print with the name (expected the name alone: Ann Smith)',
    "by.1": '"By Bo Li;" starts with "By", which the byline prints itself and ends with ";", which the byline and the author\'s page would print with the name (expected the name alone: Bo Li)',
  });
  const result = parseStoryFields({ ...valid, by: "Ann Smith," });
  assert.equal(!result.ok && result.issues[0]?.code, "WD121");
  for (const name of ["Ann Smith, Jr.", "Ann Smith", "Smith; Jones & Co"]) assert.deepEqual(parseStoryFields({ ...valid, by: [name] }), { ok: true, fields: { ...valid, by: [name] } }, name);
});
